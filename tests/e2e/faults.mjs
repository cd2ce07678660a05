// End-to-end tests of network faults: every way a feed can fail to arrive gives a clear,
// localized message with a retry, never a spinner left turning, and a feed that recovers
// shows on retry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, assert, settled, BASE, BASE_NO_CORS } from "./harness.mjs";
import { ROOT } from "./support.mjs";

/** Holds back every request of `page` matching `pattern` until the function it gives back is called. */
async function holdBack(page, pattern) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test("network faults: 500, no answer, HTML, truncated JSON, a CORS refusal and 50 MB each say what went wrong, with a retry", async ({ page, url, errors }) => {
  const madrid = readFileSync(join(ROOT, "www/feeds/madrid.json"), "utf8");
  const json = { contentType: "application/json" };
  await page.route("**/faults/500.json", (r) => r.fulfill({ status: 500, body: "Internal Server Error" }));
  await page.route("**/faults/hang.json", () => {}); // never answered
  await page.route("**/faults/login.json", (r) =>
    r.fulfill({ body: "<!doctype html><title>Log in</title><form>…</form>", contentType: "text/html" }),
  );
  await page.route("**/faults/truncated.json", (r) => r.fulfill({ ...json, body: madrid.slice(0, 3000) }));
  const huge = `{"version": 1, "cluster": {"name": "Huge"}, "pad": "${"x".repeat(50_000_000)}"}`;
  await page.route("**/faults/huge.json", (r) => r.fulfill({ ...json, body: huge }));
  let asked = 0;
  await page.route("**/faults/recovers.json", (r) =>
    ++asked === 1 ? r.fulfill({ status: 503, body: "Busy" }) : r.fulfill({ ...json, body: madrid }),
  );
  await page.clock.install();
  await page.goto(url("tests/e2e/pages/faults.html"));
  // A real server on another origin, without the CORS header (a route would not be refused).
  const refused = new URL("www/feeds/madrid.json", BASE_NO_CORS).href;
  await page.locator("#cors").evaluate((el, feed) => el.setAttribute("feed", feed), refused);

  const alert = (id) => page.locator(`#${id}`).getByRole("alert");
  const says = async (id, pattern, retry) => {
    await alert(id).filter({ hasText: pattern }).waitFor();
    await alert(id).getByRole("button", { name: retry }).waitFor();
  };
  await says("status", "No se han podido cargar los datos (HTTP 500).", "Reintentar");
  await says("html", "L’adreça de les dades retorna una pàgina web, no dades JSON", "Torna-ho a provar");
  await says("truncated", /: os datos non son JSON válido: liña \d+, columna \d+/, "Tentar de novo");
  await says("cors", "the server does not let this site read it (CORS)", "Try again");
  await says("huge", "The data is too large to show here (50 MB; at most 32 MB).", "Try again");

  // No answer: loading, until the time limit.
  const hang = page.locator("#hang");
  await hang.getByRole("status").filter({ hasText: "Loading" }).waitFor();
  await page.clock.fastForward(31_000);
  await says("hang", "the server did not answer within 30 seconds", "Try again");

  // A feed that recovers shows on retry.
  await says("recovers", "HTTP 503", "Try again");
  await alert("recovers").getByRole("button", { name: "Try again" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#recovers").locator("[part=count]").filter({ hasText: /\d+ members/ }).waitFor();
  assert.equal(await alert("recovers").count(), 0, "the message goes");
  // The button went with it: the focus is on the widget's first control, not on the page.
  await page.waitForFunction(() => document.querySelector("#recovers").shadowRoot.activeElement?.type === "search");
  assert.equal(asked, 2);

  // The browser's own lines about the refused requests are expected here.
  errors.splice(0, errors.length, ...errors.filter((e) => !/CORS policy|net::ERR_FAILED/.test(e)));
}, { networkErrors: true });

test("an element removed while its feed loads aborts the fetch, and says no failure; one moved keeps it", async ({ page, url, warnings }) => {
  const aborted = [];
  page.on("requestfailed", (r) => r.failure()?.errorText.includes("ABORTED") && aborted.push(new URL(r.url()).pathname.split("/").pop()));
  const held = [];
  await page.route("**/faults/early.json", (r) => held.push(r)); // never answered
  await page.route("**/faults/late.json", (r) => held.push(r)); // never answered
  const releaseWasm = await holdBack(page, "**/clusterkit_bg.wasm*");
  const madrid = await (await page.request.get(url("www/feeds/madrid.json"))).text();
  let answerQuoted;
  const quotedAnswered = new Promise((resolve) => (answerQuoted = resolve));
  await page.route("**/faults/quoted.json", async (r) => {
    await quotedAnswered;
    await r.fulfill({ body: madrid, contentType: "application/json" });
  });
  await page.goto(url("tests/e2e/pages/removal.html"));

  // Before the Wasm runs: the loader's early fetch goes with the element.
  await page.waitForFunction(() => document.getElementById("early").shadowRoot);
  await page.evaluate(() => document.getElementById("early").remove());
  await page.waitForFunction(() => true);
  releaseWasm();
  answerQuoted();

  // After: a new element's fetch goes with it; a moved one's stays and shows its feed.
  let answerMoved;
  const movedAnswered = new Promise((resolve) => (answerMoved = resolve));
  await page.route("**/faults/moved.json", async (r) => {
    await movedAnswered;
    await r.fulfill({ body: madrid, contentType: "application/json" });
  });
  await page.evaluate(() => {
    for (const [id, feed] of [["late", "faults/late.json"], ["moved", "faults/moved.json"]]) {
      const el = document.createElement("clusterkit-directory");
      el.id = id;
      el.setAttribute("feed", feed);
      document.body.append(el);
    }
  });
  await page.locator("#late").getByRole("status").filter({ hasText: "Loading" }).waitFor();
  await page.locator("#moved").getByRole("status").filter({ hasText: "Loading" }).waitFor();
  // That line is the loader's own until the Wasm has mounted the widget: wait for the widget.
  await page.waitForFunction(() => document.getElementById("moved")._ck != null);
  const mounts = await page.evaluate(async () => {
    document.getElementById("late").remove();
    // Out, an await, back in (Turbo keeps a permanent element across a visit so): a move,
    // the same mounted widget (the loader's id of it) before and after.
    const moved = document.getElementById("moved");
    const before = moved._ck;
    moved.remove();
    await null;
    await Promise.resolve();
    document.getElementById("elsewhere").append(moved);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return [before, moved._ck];
  });
  assert.equal(mounts[1], mounts[0], "moved across an await: the same widget, not a new one");
  await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 100)));
  answerMoved();
  await page.locator("#moved").locator("[part=count]").filter({ hasText: /\d+ members/ }).waitFor();
  await page.waitForTimeout(200);
  await page.locator("#quoted").locator("[part=count]").filter({ hasText: /\d+ members/ }).waitFor();
  assert.deepEqual(aborted.sort(), ["early.json", "late.json"], "the two removed elements' fetches, not the moved one's nor the quoted one's");
  assert.deepEqual(warnings.filter((w) => w.includes("faults/")), [], "a fetch of ours aborted is no failure to tell the webmaster");
}, { networkErrors: true });

test("a crash at run time (the Wasm out of memory) turns every element into an error box with a reload button", async ({ page, url, errors }) => {
  // Keep a handle on the Wasm's memory, which the bundle never exposes to the page.
  await page.addInitScript(() => {
    const keep = (result) => {
      window.__ckMemory = (result.instance ?? result).exports.memory;
      return result;
    };
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  const members = Array.from({ length: 20_000 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, description: "Words ".repeat(40) }));
  await page.route("**/crash/big.json", (r) =>
    r.fulfill({ contentType: "application/json", body: JSON.stringify({ version: 1, cluster: { name: "Big" }, members }) }),
  );
  await page.goto(url("tests/e2e/pages/crash.html"));
  await page.locator("clusterkit-directory").locator("[part=count]").filter({ hasText: /\d+ socis/ }).waitFor();
  await page.locator("clusterkit-calendar").getByRole("grid").waitFor();

  // Grow the memory to the browser's limit, behind the allocator's back: its next request for
  // more fails, and the Rust allocator aborts the one instance all widgets share.
  const pages = await page.evaluate(() => {
    const memory = window.__ckMemory;
    for (let step = 1 << 14; step >= 1; step >>= 1) {
      try {
        while (true) memory.grow(step);
      } catch {}
    }
    return memory.buffer.byteLength / 65536;
  });
  assert.ok(pages > 16_384, `the memory grew to its limit (${pages} pages)`);
  await page.locator("clusterkit-directory").evaluate((el) => el.setAttribute("feed", "crash/big.json"));

  const box = (tag, text, reload) => page.locator(tag).getByRole("alert").filter({ hasText: text }).getByRole("button", { name: reload });
  await box("clusterkit-directory", "Alguna cosa ha fallat en aquest giny.", "Torna a carregar la pàgina").waitFor();
  await box("clusterkit-chart", "Algo ha fallado en este widget.", "Recargar la página").waitFor();
  await box("clusterkit-calendar", "Something went wrong in this widget.", "Reload the page").waitFor();
  // Nothing of the widgets is left to click on, in any of them.
  for (const tag of ["clusterkit-directory", "clusterkit-chart", "clusterkit-calendar"]) {
    assert.equal(await page.locator(tag).getByRole("button").count(), 1, `${tag} keeps only its reload button`);
  }
  // Each box says which widget stopped, by the name it was drawn with, as its own error
  // boxes do: a screen reader hears three alerts.
  const said = (tag) => page.locator(tag).first().getByRole("alert").locator("p").textContent();
  assert.equal(await said("clusterkit-directory"), "Directori de socis: alguna cosa ha fallat en aquest giny.");
  assert.equal(await said("clusterkit-chart"), "Socios por segmento: algo ha fallado en este widget.");
  assert.equal(await said("clusterkit-calendar"), "Event calendar: Something went wrong in this widget.");
  // An element added after the crash shows the box at once, rather than a spinner forever,
  // named by its `label`, else by the name it would have drawn (a chart's by its `by`).
  await page.evaluate(() => {
    const late = Object.assign(document.createElement("clusterkit-chart"), { lang: "gl" });
    late.setAttribute("by", "city");
    document.body.append(late);
  });
  await page.evaluate(() => {
    const late = document.createElement("clusterkit-calendar");
    late.setAttribute("label", " Axenda ");
    late.lang = "gl";
    document.body.append(late);
  });
  await page.locator("clusterkit-chart").nth(1).getByRole("button", { name: "Recargar a páxina" }).waitFor();
  assert.equal(await page.locator("clusterkit-chart").nth(1).getByRole("alert").locator("p").textContent(), "Socios por cidade: algo fallou neste trebello.");
  assert.equal(await page.locator("clusterkit-calendar").nth(1).getByRole("alert").locator("p").textContent(), "Axenda: algo fallou neste trebello.");
  // Moved in the page, a box keeps its widget's name (its drawing is gone by then).
  await page.evaluate(() => document.body.append(document.querySelector("clusterkit-directory")));
  assert.equal(await said("clusterkit-directory"), "Directori de socis: alguna cosa ha fallat en aquest giny.");
  // A `lang` of no language of ours speaks the page's, as the widget would: one language to
  // a box, its name's.
  await page.evaluate(() => {
    const french = document.createElement("clusterkit-chart");
    french.setAttribute("label", "Membres");
    french.lang = "fr";
    document.body.append(french);
  });
  assert.equal(await page.locator("clusterkit-chart").nth(2).getByRole("alert").locator("p").textContent(), "Membres: alguna cosa ha fallat en aquest giny.");
  // The reload button reloads: the widgets are back.
  await page.locator("clusterkit-calendar").getByRole("button", { name: "Reload the page" }).click();
  await page.locator("clusterkit-directory").locator("[part=count]").filter({ hasText: /\d+ socis/ }).waitFor();

  // The trap itself reaches the console, as an uncaught error: the one expected here.
  const traps = errors.filter((e) => /RuntimeError|unreachable/.test(e));
  assert.ok(traps.length >= 1, `the Wasm trapped (console: ${errors.join(" | ")})`);
  errors.splice(0, errors.length, ...errors.filter((e) => !traps.includes(e)));
});

test("a browser that cannot run the widgets (WebAssembly turned off, too old for its reference types, no constructable stylesheets, no replaceChildren) says so in every element, in its language, without a useless reload, and fetches nothing", async ({ page, url }) => {
  const lacks = {
    // Apple's Lockdown Mode: no WebAssembly object at all.
    webassembly: () => delete window.WebAssembly,
    // Safari before 15.1, Chrome before 96: the Wasm would not compile.
    "reference types": () => {
      const validate = WebAssembly.validate;
      WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0x6f) && validate(bytes);
    },
    // Safari before 16.4 (every iOS 15 iPhone), Firefox before 101.
    "constructable stylesheets": () => {
      delete ShadowRoot.prototype.adoptedStyleSheets;
      delete Document.prototype.adoptedStyleSheets;
    },
    // Older still, with custom elements all the same (Chrome 54 to 85, Safari 10.1 to 13):
    // no `replaceChildren` either.
    "replaceChildren": () => {
      delete ShadowRoot.prototype.adoptedStyleSheets;
      delete Document.prototype.adoptedStyleSheets;
      delete DocumentFragment.prototype.replaceChildren;
      delete Element.prototype.replaceChildren;
      delete Document.prototype.replaceChildren;
    },
  };
  for (const [what, lack] of Object.entries(lacks)) {
    const fresh = await page.context().newPage();
    await fresh.addInitScript(lack);
    const fetched = [];
    fresh.on("request", (r) => /\.(wasm|json)(\?|$)/.test(r.url()) && fetched.push(r.url()));
    const told = [];
    fresh.on("console", (m) => m.type() === "warning" && told.push(m.text()));
    const failures = [];
    fresh.on("pageerror", (e) => failures.push(String(e)));
    await fresh.goto(url("tests/e2e/pages/crash.html"));
    const said = {
      "clusterkit-directory": "Aquest navegador no pot mostrar aquest giny: cal una versió recent amb el WebAssembly activat.",
      "clusterkit-chart": "Este navegador no puede mostrar este widget: necesita una versión reciente con WebAssembly activado.",
      "clusterkit-calendar": "This browser cannot show this widget: it needs a recent version with WebAssembly turned on.",
    };
    for (const [tag, text] of Object.entries(said)) {
      await fresh.locator(tag).getByRole("alert").filter({ hasText: text }).waitFor({ timeout: 5000 });
      assert.equal(await fresh.locator(tag).getByRole("button").count(), 0, `${what}: ${tag} offers no reload, which cannot help`);
    }
    // One added later says it at once.
    await fresh.evaluate(() => document.body.append(Object.assign(document.createElement("clusterkit-chart"), { lang: "gl" })));
    await fresh.locator("clusterkit-chart").nth(1).getByRole("alert").filter({ hasText: "Este navegador non pode amosar este trebello" }).waitFor();
    // The host page's own errors and rejections pass the loader's trap watch without a new error.
    await fresh.evaluate(() => {
      dispatchEvent(new ErrorEvent("error", { error: new Error("the page's own") }));
      dispatchEvent(new PromiseRejectionEvent("unhandledrejection", { promise: Promise.resolve(), reason: new Error("the page's own") }));
    });
    await fresh.waitForTimeout(300);
    assert.deepEqual(failures, [], `${what}: no page errors`);
    assert.deepEqual(fetched, [], `${what}: neither the Wasm nor a feed is fetched`);
    assert.ok(told.some((t) => t.includes("clusterkit: this browser cannot run the widgets: it lacks")), `${what}: the console says what is missing: ${told}`);
    await fresh.close();
  }
});

test("after the feed is mended, its retry fetches the mended feed, not the broken one the browser's cache keeps", async ({ page, errors }) => {
  // A plain static server: a Last-Modified two days old and no Cache-Control, which lets the
  // browser reuse its answer for hours. It answers broken JSON first, then the mended feed.
  const { createServer } = await import("node:http");
  const bodies = [
    `{"version": 1, "cluster": {"name": "C"}, "members": [{"id": 'a', "name": "Alpha"}]}`,
    `{"version": 1, "cluster": {"name": "C"}, "members": [{"id": "a", "name": "Alpha"}]}`,
  ];
  let asked = 0;
  const server = createServer((request, response) => {
    const body = request.url.startsWith("/feed.json") ? bodies[Math.min(asked++, 1)] : "";
    response.writeHead(200, {
      "content-type": request.url.startsWith("/feed.json") ? "application/json" : "text/html",
      "last-modified": new Date(Date.now() - 2 * 86_400_000).toUTCString(),
      "access-control-allow-origin": "*",
    });
    response.end(request.url === "/" ? "<!doctype html><title>mended</title>" : body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    await page.goto(new URL("tests/e2e/pages/faults.html", BASE).href);
    await page.locator("#status").evaluate((el, feed) => el.setAttribute("feed", feed), `${origin}/feed.json`);
    const alert = page.locator("#status").getByRole("alert");
    await alert.filter({ hasText: /JSON/ }).waitFor();
    await alert.getByRole("button").click();
    await page.locator("#status").getByRole("heading", { name: "Alpha" }).waitFor();
    assert.equal(asked, 2, "the retry reached the server");
  } finally {
    server.close();
  }
}, { networkErrors: true });

test("a feed that keeps coming, however slowly, is waited for; one that breaks off or goes silent midway says so, not CORS; a retry while the server is still down keeps its box and the focus", async ({ page }) => {
  // A server that sends half of a feed at once and the rest as the test says: a large feed
  // on a slow link, a connection cut, a server that stops sending.
  const { createServer } = await import("node:http");
  const madrid = readFileSync(join(ROOT, "www/feeds/madrid.json"));
  // A feed of 3,000 members (190 KB), for a slow link to bring at 3 KB a second.
  const members = Array.from({ length: 3000 }, (_, i) => ({ id: `m${i}`, name: `Member ${i}`, city: "Madrid" }));
  const large = Buffer.from(JSON.stringify({ version: 1, cluster: { name: "Large" }, members }));
  const sending = new Map();
  // A server down (503) until its third request; the second is answered as the test says.
  let flaky = 0;
  let answerSecond;
  const server = createServer((request, response) => {
    const path = request.url.split("?")[0];
    const cors = { "access-control-allow-origin": "*", "cache-control": "no-store" };
    if (path === "/flaky.json" && ++flaky < 3) {
      const down = () => (response.writeHead(503, cors), response.end("Busy"));
      if (flaky === 1) down();
      else answerSecond = down;
      return;
    }
    if (path === "/flaky.json") return (response.writeHead(200, cors), response.end(madrid));
    const body = path === "/slow.json" ? large : madrid;
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": String(body.length),
      "access-control-allow-origin": "*",
    });
    response.write(body.subarray(0, path === "/slow.json" ? 30_000 : body.length / 2));
    sending.set(path, response);
    if (path === "/cut.json") setTimeout(() => response.socket.destroy(), 200);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    await page.clock.install();
    await page.goto(new URL("tests/e2e/pages/faults.html", BASE).href);
    const add = (id, path = id) => page.evaluate(({ id, feed }) => {
      const el = document.createElement("clusterkit-directory");
      el.id = id;
      el.lang = "en";
      el.setAttribute("feed", feed);
      document.body.prepend(el);
    }, { id, feed: `${origin}/${path}.json` });
    const alert = (id) => page.locator(`#${id}`).getByRole("alert");
    // Cut halfway: the server had answered and let the page read it; nothing about CORS.
    await add("cut");
    await alert("cut").filter({ hasText: "the download broke off before the end" }).waitFor();
    assert.equal(await alert("cut").filter({ hasText: "CORS" }).count(), 0);
    await alert("cut").getByRole("button", { name: "Try again" }).waitFor();
    // Silent halfway for 30 seconds.
    await add("silent");
    await settled(() => sending.has("/silent.json"));
    await page.waitForTimeout(300);
    await page.clock.fastForward(31_000);
    await alert("silent").filter({ hasText: "or sent nothing for 30 seconds" }).waitFor();
    // Slow but steady: 30 KB more every 10 seconds, a minute in all, and it shows.
    await add("slow");
    await settled(() => sending.has("/slow.json"));
    for (let at = 30_000; at < large.length; at += 30_000) {
      await page.waitForTimeout(300);
      await page.clock.fastForward(10_000);
      sending.get("/slow.json").write(large.subarray(at, at + 30_000));
    }
    sending.get("/slow.json").end();
    await page.locator("#slow [part=count]").filter({ hasText: "3,000 members" }).waitFor();
    assert.equal(await alert("slow").count(), 0);
    // One that keeps coming and never ends (a byte every 5 seconds) is given up.
    await add("endless");
    await settled(() => sending.has("/endless.json"));
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(200);
      await page.clock.fastForward(5_000);
      sending.get("/endless.json").write(" ");
    }
    await alert("endless").filter({ hasText: "the server did not answer within 30 seconds" }).waitFor();
    // "Try again" pressed while the server is still down: its box stays as it was, the
    // button saying it loads and keeping the focus, and so does the box of another widget
    // of the same feed above it, until the answer; failed again, the box says so again (a
    // new alert), the focus still on its button; the page's language changed then, the box
    // is said in it, the focus still there.
    await add("flaky");
    await add("above", "flaky");
    await alert("flaky").filter({ hasText: "HTTP 503" }).waitFor();
    await alert("above").filter({ hasText: "HTTP 503" }).waitFor();
    const button = alert("flaky").getByRole("button");
    await button.focus();
    const box = async (id) => JSON.stringify(await page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().toJSON()));
    const before = [await box("above"), await box("flaky")];
    await page.keyboard.press("Enter");
    await settled(() => answerSecond !== undefined);
    assert.equal(await button.textContent(), "Loading…");
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    assert.equal(await alert("above").getByRole("button").textContent(), "Loading…");
    const busy = () => Promise.all(["flaky", "above"].map((id) => alert(id).getAttribute("aria-busy")));
    assert.deepEqual(await busy(), ["true", "true"], "busy while it loads: its button's change is no alert said again");
    assert.deepEqual([await box("above"), await box("flaky")], before, "nothing moves while it loads");
    const focusedText = () => page.evaluate(() => document.getElementById("flaky").shadowRoot.activeElement?.textContent ?? null);
    assert.equal(await focusedText(), "Loading…", "the focus stays on the button");
    answerSecond();
    await button.filter({ hasText: "Try again" }).waitFor();
    await settled(async () => (await focusedText()) === "Try again");
    assert.deepEqual(await busy(), [null, null], "failed again: said");
    await page.locator("#flaky").evaluate((el) => (el.lang = "es"));
    await button.filter({ hasText: "Reintentar" }).waitFor();
    assert.equal(await focusedText(), "Reintentar", "the focus stays on the button, in the new language");
    await page.keyboard.press("Enter");
    await page.locator("#flaky [part=count]").filter({ hasText: /\d+ socios/ }).waitFor();
    await page.locator("#above [part=count]").filter({ hasText: /\d+ members/ }).waitFor();
  } finally {
    for (const response of sending.values()) response.destroy();
    server.close();
  }
}, { networkErrors: true });

test("before the Wasm runs each element shows its loading line in the room its widget will about take, and the widget's own loading state keeps it: nothing below moves until the feed comes", async ({ page, url }) => {
  const releaseWasm = await holdBack(page, "**/clusterkit_bg.wasm*");
  const releaseFeed = await holdBack(page, "**/www/feeds/catalonia.json");
  await page.goto(url("tests/e2e/pages/held.html"));
  const geometry = () =>
    page.evaluate(() => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const height = (id) => document.getElementById(id).getBoundingClientRect().height / rem;
      const screen = innerHeight / rem;
      return { dir: height("dir") / screen, chart: height("chart"), cal: height("cal") / screen, below: document.getElementById("below").getBoundingClientRect().top / rem };
    });
  // Before the Wasm: the loader's own line, in each element's language.
  await page.locator("#dir").getByRole("status").filter({ hasText: "S’està carregant…" }).waitFor();
  await page.locator("#cal").getByRole("status").filter({ hasText: "Cargando…" }).waitFor();
  const before = await geometry();
  // A chart's usual height; a screen for the directory and the calendar, taller than most.
  assert.ok(before.dir >= 1 && before.cal >= 1 && before.chart >= 30, `room kept: ${JSON.stringify(before)}`);
  // The Wasm runs, the feed still on its way: the widgets' own loading state, in the same room.
  releaseWasm();
  await page.locator("#dir .ck-frame").waitFor();
  await page.locator("#dir").getByRole("status").filter({ hasText: "S’està carregant…" }).waitFor();
  const loading = await geometry();
  for (const key of Object.keys(before)) assert.ok(Math.abs(loading[key] - before[key]) < 0.1, `${key}: ${before[key]} then ${loading[key]}`);
  releaseFeed();
  await page.locator("#dir").getByRole("article").first().waitFor();
  // A webmaster who knows the widget's height on the page may give it, or 0 for none.
  await page.route("**/held/never.json", () => {});
  await page.evaluate(() => {
    const el = document.createElement("clusterkit-chart");
    el.id = "none";
    el.setAttribute("feed", "held/never.json");
    el.style.setProperty("--ck-loading-height", "0");
    document.body.append(el);
  });
  await page.locator("#none").getByRole("status").waitFor();
  const none = await page.locator("#none").evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(none < 100, `no room kept with --ck-loading-height: 0 (${none} px)`);
});

test("on a page set in larger type the loading line keeps the room of the widget as large: the Wasm's own loading state moves nothing", async ({ page, url }) => {
  await page.route("**/held.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</head>", "<style>html { font-size: 20px }</style>\n</head>");
    await route.fulfill({ response, body });
  });
  const releaseWasm = await holdBack(page, "**/clusterkit_bg.wasm*");
  await holdBack(page, "**/www/feeds/catalonia.json");
  await page.goto(url("tests/e2e/pages/held.html"));
  const chart = page.locator("#chart");
  await chart.getByRole("status").waitFor();
  const height = () => chart.evaluate((el) => el.getBoundingClientRect().height);
  const before = await height();
  assert.equal(before, 30 * 20, "30em of the page's 20-px root, larger than the default 16 px");
  releaseWasm();
  await page.locator("#chart .ck-frame").waitFor();
  await chart.getByRole("status").waitFor();
  assert.equal(await height(), before, "the widget's loading state in the same room");
});

test("on a phone, the chart is drawn once at its width and the calendar lists at once: no first drawing for another width that the page would see move", async ({ page, url }) => {
  await page.setViewportSize({ width: 412, height: 915 });
  // A day with events ahead in the sample feed to list, whatever the day the test runs.
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  const release = await holdBack(page, "**/clusterkit_bg.wasm*");
  await page.goto(url("tests/e2e/pages/held.html"));
  await page.locator("#chart").getByRole("status").waitFor();
  // Every drawing and every month grid put into the widgets, from before the Wasm runs.
  await page.evaluate(() => {
    const seen = { svg: new Set(), table: new Set() };
    window.__drawn = () => ({ svg: [...seen.svg].map((svg) => svg.getAttribute("viewBox")), grid: seen.table.size });
    const watch = (id, name) =>
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n.nodeType === 1) [n, ...n.querySelectorAll(name)].filter((e) => e.localName === name).forEach((e) => seen[name].add(e));
      }).observe(document.getElementById(id).shadowRoot, { childList: true, subtree: true });
    watch("chart", "svg");
    watch("cal", "table");
  });
  release();
  await page.locator("#chart .ck-mark").first().waitFor();
  await page.locator("#cal .ck-agenda-title").first().waitFor();
  await page.waitForTimeout(500);
  const drawn = await page.evaluate(() => window.__drawn());
  assert.equal(drawn.svg.length, 1, `one drawing: ${JSON.stringify(drawn.svg)}`);
  assert.equal(drawn.grid, 0, "the list, without a month grid first");
});

test("offline, a widget says so, and loads by itself once the browser is back online", async ({ page, context, url }) => {
  await page.goto(url("tests/e2e/pages/held.html"));
  await page.locator("#dir").getByRole("article").first().waitFor();
  await context.setOffline(true);
  await page.evaluate(() => {
    const el = document.createElement("clusterkit-directory");
    el.id = "later";
    el.setAttribute("lang", "es");
    el.setAttribute("feed", "../../../www/feeds/madrid.json");
    document.body.append(el);
  });
  const later = page.locator("#later");
  await later.getByRole("alert").filter({ hasText: "No hay conexión a internet: los datos se cargarán cuando vuelva." }).waitFor();
  await later.getByRole("button", { name: "Reintentar" }).waitFor();
  await context.setOffline(false);
  const madrid = JSON.parse(readFileSync(join(ROOT, "www/feeds/madrid.json"), "utf8"));
  await later.locator("[part=count]").filter({ hasText: `${madrid.members.length} socios` }).waitFor();
}, { networkErrors: true });
