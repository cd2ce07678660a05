// End-to-end tests of the loader itself: inline feeds replaced in the page, where it finds
// the Wasm, and what it says when the Wasm cannot load.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, assert, BASE, BASE_NO_CORS } from "./harness.mjs";
import { ROOT, feedOf } from "./support.mjs";

/** Waits up to 10 s for `check()` to hold. */
async function until(check, what) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test("inline JSON replaced by innerHTML, replaceWith, new text or its type is the new feed; the same JSON again keeps the visitor's search", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/inline-swap.html"));
  const dir = page.locator("#swap");
  const names = () => dir.getByRole("article").getByRole("heading").allInnerTexts();
  /** The widget lists exactly these members, and no one of the feed before. */
  const shows = async (expected) => {
    const count = `${expected.length} member${expected.length === 1 ? "" : "s"}`;
    await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${count}$`) }).waitFor();
    await until(async () => JSON.stringify(await names()) === JSON.stringify(expected), `the members ${expected}`);
  };
  const feed = (...members) =>
    JSON.stringify({ version: 1, cluster: { name: "Inline", timezone: "UTC" }, members: members.map((name, i) => ({ id: `m${i}`, name })) });
  await shows(["Alpha Films", "Beta Sound"]);

  // The same JSON written again (a CMS rendering the block anew): the widget stays as it is,
  // with the visitor's search.
  const search = dir.getByRole("searchbox", { name: "Search members" });
  await search.fill("beta");
  await shows(["Beta Sound"]);
  await dir.evaluate((el) => {
    el.innerHTML = el.innerHTML;
    const json = el.querySelector("script");
    json.textContent = json.textContent;
    json.setAttribute("type", "application/json");
  });
  await page.waitForTimeout(500);
  assert.equal(await search.inputValue(), "beta", "the visitor's search is kept");
  await shows(["Beta Sound"]);

  // The element's content replaced.
  await dir.evaluate((el, json) => {
    el.innerHTML = `<script type="application/json">${json}</script>`;
  }, feed("Gamma Post", "Delta Docs", "Epsilon VFX"));
  await shows(["Delta Docs", "Epsilon VFX", "Gamma Post"]);

  // The script element replaced by another.
  await dir.evaluate((el, json) => {
    const next = document.createElement("script");
    next.type = "application/json";
    next.textContent = json;
    el.querySelector("script").replaceWith(next);
  }, feed("Zeta Studio"));
  await shows(["Zeta Studio"]);

  // The script's text changed: set anew, or its text node's data.
  await dir.evaluate((el, json) => {
    el.querySelector("script").textContent = json;
  }, feed("Eta Sound", "Theta Films"));
  await shows(["Eta Sound", "Theta Films"]);
  await dir.evaluate((el, json) => {
    el.querySelector("script").firstChild.data = json;
  }, feed("Iota Lab"));
  await shows(["Iota Lab"]);

  // Its type changed: no longer JSON (and no feed URL), then JSON again.
  await dir.evaluate((el) => el.querySelector("script").setAttribute("type", "text/plain"));
  await dir.getByText(/no data/).waitFor();
  await dir.evaluate((el) => el.querySelector("script").setAttribute("type", "application/json"));
  await shows(["Iota Lab"]);
});

test("data-base on a module script (no document.currentScript) says where the wasm is; a module bundle without it finds the wasm beside it", async ({ page, url }) => {
  const folder = join(ROOT, "target/e2e/module/sub");
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit.js"), join(folder, "all.js"));
  const wasm = [];
  page.on("request", (r) => r.url().includes(".wasm") && wasm.push(new URL(r.url()).pathname));
  const members = `${feedOf("catalonia").members.length} members`;
  await page.goto(url("tests/e2e/pages/module-data-base.html"));
  await page.locator("[part=count]").filter({ hasText: members }).waitFor();
  assert.deepEqual(wasm, ["/www/dist/clusterkit_bg.wasm"]);

  // The bundle itself as a module script, without data-base.
  await page.route("**/module-data-base.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/src="[^"]*all\.js" data-base="[^"]*"/, 'src="../../../www/dist/clusterkit.js"');
    await route.fulfill({ response, body });
  });
  wasm.length = 0;
  await page.goto(url("tests/e2e/pages/module-data-base.html"));
  assert.equal(await page.locator("script[type=module]").getAttribute("src"), "../../../www/dist/clusterkit.js");
  await page.locator("[part=count]").filter({ hasText: members }).waitFor();
  assert.deepEqual(wasm, ["/www/dist/clusterkit_bg.wasm"]);

  // The bundle under its own name in a CDN-like folder ("@", a space, brackets), the Wasm
  // beside it, no data-base, and after it another plugin's script whose name says
  // clusterkit: the bundle still finds its own folder.
  const cdn = join(ROOT, "target/e2e/module/pkg@1.2.0 (1)/dist");
  mkdirSync(cdn, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit.js"), join(cdn, "all.js"));
  copyFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"), join(cdn, "clusterkit_bg.wasm"));
  writeFileSync(join(folder, "../clusterkit-settings.js"), "// another plugin's script\n");
  const page3 = (tags) => async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script type="module"[^>]*><\/script>/, tags);
    await route.fulfill({ response, body });
  };
  await page.unroute("**/module-data-base.html");
  await page.route(
    "**/module-data-base.html",
    page3(
      '<script type="module" src="../../../target/e2e/module/pkg@1.2.0%20(1)/dist/all.js"></script>' +
        '<script src="../../../target/e2e/module/clusterkit-settings.js"></script>',
    ),
  );
  wasm.length = 0;
  await page.goto(url("tests/e2e/pages/module-data-base.html"));
  assert.equal(await page.locator("script[data-base]").count(), 0);
  await page.locator("[part=count]").filter({ hasText: members }).waitFor();
  assert.deepEqual(wasm, ["/target/e2e/module/pkg@1.2.0%20(1)/dist/clusterkit_bg.wasm"]);

  // Imported by a page's module, with no script tag of its own at all.
  await page.unroute("**/module-data-base.html");
  await page.route(
    "**/module-data-base.html",
    page3('<script type="module">import("../../../target/e2e/module/pkg@1.2.0%20(1)/dist/all.js");</script>'),
  );
  wasm.length = 0;
  await page.goto(url("tests/e2e/pages/module-data-base.html"));
  assert.equal(await page.locator("script[src]").count(), 0);
  await page.locator("[part=count]").filter({ hasText: members }).waitFor();
  assert.deepEqual(wasm, ["/target/e2e/module/pkg@1.2.0%20(1)/dist/clusterkit_bg.wasm"]);
});

test("a Wasm that cannot load says in the console where from and why: a wrong folder's 404, a changed file, a CORS refusal, a download broken off", async ({ page, url, errors, warnings }) => {
  // A copy of the Wasm changed by one byte, next to nothing else.
  const stale = join(ROOT, "target/e2e/stale");
  mkdirSync(stale, { recursive: true });
  const bytes = readFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"));
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(join(stale, "clusterkit_bg.wasm"), bytes);

  let base = "/nowhere/";
  await page.route("**/wrong-base.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('data-base="/nowhere/"', `data-base="${base}"`) });
  });
  const says = async (folder, why) => {
    warnings.length = 0;
    await page.goto(url("tests/e2e/pages/wrong-base.html"));
    // Every widget shows the error box, and none ran.
    await page.locator("clusterkit-directory").getByRole("button", { name: "Reload the page" }).waitFor();
    assert.equal(await page.locator("clusterkit-directory").getByRole("status").count(), 0, "no widget ran");
    // Framed as the widgets' own error box is, not bare text and a button on the page.
    const frame = await page.locator("clusterkit-directory [part=error]").evaluate((box) => {
      const style = getComputedStyle(box);
      return { border: style.borderTopStyle, width: parseFloat(style.borderTopWidth), padding: parseFloat(style.paddingTop), display: style.display };
    });
    assert.deepEqual(frame, { border: "solid", width: 1, padding: 12, display: "flex" }, "the error box's frame");
    const from = `clusterkit: could not load the Wasm from ${new URL("clusterkit_bg.wasm?v=", folder).href}`;
    await until(() => warnings.some((w) => w.includes(from)), `a warning that names ${from}`);
    const warning = warnings.find((w) => w.includes(from));
    assert.match(warning, why);
  };
  await says(new URL("/nowhere/", BASE), /: it answered 404 \(.*say where clusterkit_bg\.wasm is with data-base/);

  base = "/target/e2e/stale/";
  await says(new URL(base, BASE), /: it is not the Wasm this script was built with \(.*purge it/);

  base = new URL("www/dist/", BASE_NO_CORS).href;
  await says(base, /: no answer, or refused by the network or by CORS/);

  // The right file, whose download broke off (its first request refused, the next ones
  // answered): not taken for a file of another build.
  base = "/www/dist/";
  let broken = false;
  await page.route("**/www/dist/clusterkit_bg.wasm*", (route) => {
    if (broken || route.request().method() !== "GET") return route.continue();
    broken = true;
    return route.abort("connectionreset");
  });
  await says(new URL(base, BASE), /: its download broke off \(the network, or a download stopped\): a reload should bring it/);
  await page.unroute("**/www/dist/clusterkit_bg.wasm*");

  // The browser's own lines about the refused Wasm are expected.
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes("integrity") && !e.includes("CORS policy")));
}, { networkErrors: true });

test("the script run where it has no address of its own (inline, as jQuery's getScript runs it; from a data: URL) finds the Wasm through a data-base tag, and without one shows its error boxes", async ({ page, url, errors, warnings }) => {
  const code = readFileSync(join(ROOT, "www/dist/clusterkit.js"), "utf8");
  const members = `${feedOf("catalonia").members.length} members`;
  const wasm = [];
  page.on("request", (r) => r.url().includes(".wasm") && wasm.push(new URL(r.url()).pathname));
  let scripts = "";
  await page.route("**/tests/e2e/pages/no-address.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><clusterkit-directory feed="../../../www/feeds/catalonia.json"></clusterkit-directory>${scripts}</body></html>`,
    }),
  );
  const opens = async (what) => {
    wasm.length = 0;
    await page.goto(url("tests/e2e/pages/no-address.html"));
    await page.locator("[part=count]").filter({ hasText: members }).waitFor();
    assert.deepEqual(wasm, ["/www/dist/clusterkit_bg.wasm"], what);
  };
  // jQuery's getScript: the file fetched, then run as an inline script of its own; the page
  // names the folder on a script tag of its own.
  scripts =
    '<script data-base="/www/dist/"></script>' +
    '<script>fetch("/www/dist/clusterkit.js").then((r) => r.text()).then((text) => { const s = document.createElement("script"); s.text = text; document.head.appendChild(s).remove(); });</script>';
  await opens("run by a script loader");
  // Inlined by an optimizer as a module (no currentScript), data-base on its own tag.
  scripts = `<script type="module" data-base="/www/dist/">${code}</script>`;
  await opens("inline, as a module");
  // Inlined in a DOMContentLoaded handler, as some optimizers wrap what they defer.
  scripts = `<script data-base="/www/dist/">document.addEventListener("DOMContentLoaded", function () { ${code} });</script>`;
  await opens("inline, in a DOMContentLoaded handler");
  // From a data: URL without data-base (an optimizer's "inline JS, deferred"): nothing says
  // where the Wasm is, so every widget shows the error box, and the console says what to do.
  scripts = `<script src="data:text/javascript;base64,${Buffer.from(code).toString("base64")}" defer></script>`;
  await page.goto(url("tests/e2e/pages/no-address.html"));
  await page.locator("clusterkit-directory").getByRole("button", { name: "Reload the page" }).waitFor();
  await until(() => warnings.some((w) => /it answered 404 \(.*data-base/.test(w)), "a warning that says to use data-base");
  // The browser's own lines about the refused Wasm (the folder's 404 page fails the
  // integrity check) are expected; no other.
  assert.deepEqual(errors.filter((e) => !e.startsWith("Failed to load resource") && !/integrity/.test(e)), [], "no script error");
  errors.length = 0;
}, { networkErrors: true });
