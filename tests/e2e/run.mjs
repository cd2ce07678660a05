// End-to-end: plain HTML pages with the one script tag, driven in Debian's Chromium.
// Expected figures are computed here from the feed files, never taken from the widgets.
import { readFileSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createHash } from "node:crypto";
import { test, run, assert, settled, BASE, BASE_OCTET } from "./harness.mjs";
import { ROOT, feedOf, text, axeViolations, onPhone, addWidget } from "./support.mjs";
import "./chart.mjs";
import "./calendar.mjs";
import "./hostile.mjs";
import "./faults.mjs";
import "./leaks.mjs";
import "./loader.mjs";

test("the result count follows every letter on screen, and is read out once the typing pauses", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  const total = feed.members.length;
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  const count = dir.locator("[part=count]");
  await count.filter({ hasText: `${total} socis` }).waitFor();
  const said = dir.getByRole("status");
  assert.equal(await said.count(), 1, "one live region for the count");
  assert.equal(await said.textContent(), "", "nothing read out as the page loads");
  // Record every change of the count on screen and of what is read out.
  await dir.evaluate((el) => {
    const root = el.shadowRoot;
    window.__changes = { shown: [], said: [] };
    for (const [key, node] of [["shown", root.querySelector("[part=count]")], ["said", root.querySelector("[role=status]")]]) {
      new MutationObserver(() => window.__changes[key].push(node.textContent)).observe(node, { childList: true, characterData: true, subtree: true });
    }
  });
  // The members a visitor expects: a word of the name, description (any language), city,
  // region or a tag that begins with "barcelona", whatever its accents and case.
  const variants = (t) => (t == null ? [] : typeof t === "string" ? [t] : Object.values(t));
  const words = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const inBarcelona = feed.members.filter((m) =>
    [...variants(m.name), ...variants(m.description), m.city ?? "", m.region ?? "", ...(m.tags ?? [])]
      .some((t) => words(t).some((w) => w.startsWith("barcelona"))),
  ).length;
  await dir.getByRole("searchbox", { name: "Cerca socis" }).pressSequentially("barcelona", { delay: 80 });
  await said.filter({ hasText: /^\d+ socis?$/ }).waitFor();
  await page.waitForTimeout(1500);
  const { shown, said: heard } = await page.evaluate(() => window.__changes);
  assert.ok(new Set(shown).size >= 2, `the count on screen followed the letters: ${shown}`);
  assert.ok(inBarcelona > 0 && inBarcelona < total, "the search narrows");
  assert.equal(shown.at(-1), `${inBarcelona} socis`, "the count is the members the search finds");
  assert.deepEqual(heard, [shown.at(-1)], "read out once, the count the visitor stopped at");
  // Back to where it was: said again, since the visitor heard another count since.
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("");
  await said.filter({ hasText: `${total} socis` }).waitFor();
  // A search that finds every member is said too, though the count is the same: the
  // visitor hears that it ran.
  const matching = (word) =>
    feed.members.filter((m) =>
      [...variants(m.name), ...variants(m.description), m.city ?? "", m.region ?? "", ...(m.tags ?? [])].some((t) => words(t).some((w) => w.startsWith(word))),
    ).length;
  assert.equal(matching("catalunya"), total, "every member is in Catalunya");
  const before = (await page.evaluate(() => window.__changes.said)).length;
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("catalunya");
  await page.waitForFunction((n) => window.__changes.said.length > n, before);
  assert.equal((await said.textContent()).trim(), `${total} socis`);
});

test("a member found by its description or tags shows the match on its card, in an excerpt", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("festival");
  // Worked out from the feed: the members with "festival" only in a description or a tag.
  const texts = (t) => (t == null ? [] : typeof t === "string" ? [t] : Object.values(t));
  const has = (t) => /festival/i.test(t);
  const hidden = feed.members.filter((m) => !has(texts(m.name).join(" ") + (m.city ?? "") + (m.region ?? "")) && [...texts(m.description), ...(m.tags ?? [])].some(has));
  assert.ok(hidden.length > 0, "members found by their descriptions");
  await dir.locator("[part=count]").filter({ hasText: /^\d+ socis?$/ }).filter({ hasNotText: `${feed.members.length} socis` }).waitFor();
  const cards = await dir.getByRole("article").evaluateAll((cards) =>
    cards.map((card) => [card.querySelector("h3").textContent, [...card.querySelectorAll("mark")].map((m) => m.textContent)]),
  );
  for (const m of hidden) {
    const card = cards.find(([name]) => name === texts(m.name)[0]);
    assert.ok(card && card[1].some((t) => /festival/i.test(t)), `${texts(m.name)[0]} shows its match: ${JSON.stringify(cards)}`);
  }
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations with excerpts");
});

test("a search with a typo that finds nobody as typed shows and says the members it comes close to", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  const count = dir.locator("[part=count]");
  await count.filter({ hasText: `${feed.members.length} socis` }).waitFor();
  const search = dir.getByRole("searchbox", { name: "Cerca socis" });
  // Two letters swapped, as typed in a hurry: Sonilab, its name whole as the match.
  await search.fill("Sonilba");
  const near = "Cap soci no coincideix exactament amb «Sonilba». Resultats aproximats: 1 soci.";
  await count.filter({ hasText: near }).waitFor();
  const cards = () => dir.getByRole("article").evaluateAll((cards) => cards.map((card) => [card.querySelector("h3").textContent, [...card.querySelectorAll("mark")].map((m) => m.textContent)]));
  assert.deepEqual(await cards(), [["Sonilab", ["Sonilab"]]]);
  await dir.getByRole("status").filter({ hasText: near }).waitFor();
  // A letter changed in an earlier word, the next one as typed.
  await search.fill("rakutan tv");
  await dir.getByRole("heading", { name: "Rakuten" }).waitFor();
  assert.match(await count.textContent(), /^Cap soci no coincideix exactament amb «rakutan tv»\. Resultats aproximats: 1 soci\.$/);
  // Found as typed, a search keeps to what it finds: no members close to it.
  await search.fill("sonilab");
  await count.filter({ hasText: /^1 soci$/ }).waitFor();
  // Too far from any word (two typos in five letters): the empty state, as before.
  await search.fill("snoilb");
  await dir.getByText("Cap soci no coincideix amb «snoilb».").waitFor();
  assert.equal(await count.textContent(), "0 socis");
  assert.deepEqual(await axeViolations(page), []);
  // Its words muted, its button in the text's colour: a muted button reads as disabled.
  const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).color);
  const clear = dir.getByRole("button", { name: "Esborra la cerca" });
  assert.equal(await colour(clear), await colour(dir.getByRole("heading").first()));
  assert.notEqual(await colour(dir.getByText("Cap soci no coincideix amb «snoilb».")), await colour(clear));
});

test("an accent typed with a dead key (a Mac's Catalan keyboard) keeps the results while it waits for its letter", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  const count = dir.locator("[part=count]");
  await count.filter({ hasText: `${feed.members.length} socis` }).waitFor();
  const box = dir.getByRole("searchbox", { name: "Cerca socis" });
  await box.fill("animació");
  await count.filter({ hasNotText: `${feed.members.length} socis` }).waitFor();
  const found = await count.textContent();
  await box.fill("animaci");
  await page.waitForTimeout(300);
  const typed = await count.textContent();
  // The dead key's accent, composing: the box reads `animaci´` until the letter comes.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "´", selectionStart: 1, selectionEnd: 1 });
  await page.waitForTimeout(300);
  assert.equal(await box.inputValue(), "animaci´");
  assert.equal(await count.textContent(), typed, "the results stay while the accent composes");
  await cdp.send("Input.insertText", { text: "ó" });
  await count.filter({ hasText: found }).waitFor();
  assert.equal(await box.inputValue(), "animació");
});

test("a swipe or wheel past the end of a profile leaves the page behind it where it was", async ({ context, url }) => {
  await onPhone(context, { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.goto(url("index.html"));
    const dir = page.locator("#dir");
    const open = dir.locator(".ck-open").first();
    await open.scrollIntoViewIfNeeded();
    await open.click();
    const dialog = dir.getByRole("dialog");
    await dialog.waitFor();
    const before = await page.evaluate(() => window.scrollY);
    const box = await dialog.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(100);
    }
    assert.equal(await page.evaluate(() => window.scrollY), before, "the page did not scroll on");
    await page.keyboard.press("Escape");
  });
});

test("index.html shows all three widgets on the Catalan feed, in Catalan", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  const wasmRequests = [];
  page.on("request", (r) => r.url().includes(".wasm") && wasmRequests.push(r.url()));
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
  assert.equal(await dir.getByRole("article").count(), 24, "one page of 24 cards");

  const search = dir.getByRole("searchbox", { name: "Cerca socis" });
  await search.fill("IBERICA");
  await dir.locator("[part=count]").filter({ hasText: /^1 soci$/ }).waitFor();
  await dir.getByRole("heading", { name: "Algam Ibérica" }).waitFor();

  await search.fill("");
  const post = feed.members.filter((m) => (m.segments ?? []).includes("post-production")).length;
  await dir.getByRole("checkbox", { name: /Postproducció/ }).check();
  await dir.locator("[part=count]").filter({ hasText: `${post} socis` }).waitFor();

  // The chart is linked to the directory (for="dir"): its bars are toggle buttons.
  const chart = page.locator("clusterkit-chart");
  const bars = chart.locator(".ck-mark[role=button]");
  await bars.first().waitFor();
  assert.equal(await bars.count(), feed.segments.length);
  const counts = feed.segments.map((s) => ({
    name: text(s.name, "ca", "ca"),
    n: feed.members.filter((m) => (m.segments ?? []).includes(s.id)).length,
  }));
  counts.sort((a, b) => b.n - a.n);
  const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  const socis = (n) => (n === 1 ? "1 soci" : `${n} socis`);
  assert.deepEqual(labels, counts.map((c) => `${c.name}: ${socis(c.n)}`), "bars sorted by count, labelled in Catalan");
  await chart.getByText(`${counts[0].name} és el segment més gran, amb ${counts[0].n} de ${feed.members.length} socis.`).waitFor();

  const cal = page.locator("clusterkit-calendar");
  await cal.getByRole("button", { name: "Mes següent" }).waitFor();
  await cal.evaluate((el) => el.setAttribute("month", "2026-11"));
  await cal.getByRole("heading", { name: "Novembre de 2026" }).waitFor();
  const talent = feed.events.find((e) => e.id === "talent-week-2026");
  const talentTitle = text(talent.title, "ca", "ca");
  // Each day's cell names its events; Talent Week runs from Monday to Friday.
  assert.equal(await cal.getByRole("gridcell", { name: talentTitle }).count(), 5, "Talent Week on its five days");
  await cal.getByRole("button", { name: "Mes següent" }).click();
  await cal.getByRole("heading", { name: "Desembre de 2026" }).waitFor();

  assert.deepEqual(await axeViolations(page), [], "no axe-core violations");
  assert.equal(wasmRequests.length, 1, "one wasm for all widgets");
  assert.equal(await page.evaluate(() => typeof window.wasm_bindgen), "undefined", "the glue leaks no global");
  const bundle = readFileSync(join(ROOT, "www/dist/clusterkit.js"), "utf8");
  assert.doesNotMatch(bundle, /\beval\(|new Function\(/, "no eval in the bundle");
  assert.match(wasmRequests[0], /\/www\/dist\/clusterkit_bg\.wasm\?v=[0-9a-f]{12}$/, "versioned by content hash");
  const sha = createHash("sha256").update(readFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"))).digest("hex");
  assert.ok(wasmRequests[0].endsWith(`?v=${sha.slice(0, 12)}`), "the version is the wasm's own SHA-256");
});

test("a page in a deep sub-folder loads the wasm next to the script (async, element first)", async ({ page, url }) => {
  const feed = feedOf("galicia");
  await page.goto(url("tests/e2e/pages/deep/sub/folder/galicia.html"));
  await page.locator("[part=count]").filter({ hasText: `${feed.members.length} socios` }).waitFor();
  await page.getByRole("searchbox", { name: "Buscar socios" }).waitFor();
});

test("a bundle served from another origin as application/octet-stream still works", async ({ page, url }) => {
  const feed = feedOf("madrid");
  const bundle = new URL("www/dist/clusterkit.js", BASE_OCTET).href;
  assert.notEqual(new URL(bundle).origin, new URL(BASE).origin, "the bundle is cross-origin");
  await page.goto(url(`tests/e2e/pages/cross-origin.html?bundle=${encodeURIComponent(bundle)}`));
  const bars = page.getByRole("listitem");
  await bars.first().waitFor();
  assert.equal(await bars.count(), feed.segments.length);
  await page.getByRole("heading", { name: "Socios por segmento" }).waitFor();
});

test("a Wasm sent with two content types, application/wasm then application/octet-stream, loads without the browser's warning", async ({ page, warnings }) => {
  const { createServer } = await import("node:http");
  const server = createServer((request, response) => {
    const path = request.url.split("?")[0];
    if (path.endsWith(".wasm")) {
      response.setHeader("content-type", ["application/wasm", "application/octet-stream"]);
      response.end(readFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm")));
    } else if (path.endsWith(".js")) {
      response.setHeader("content-type", "text/javascript");
      response.end(readFileSync(join(ROOT, "www/dist/clusterkit.js")));
    } else if (path.endsWith(".json")) {
      response.setHeader("content-type", "application/json");
      response.end(readFileSync(join(ROOT, "www/feeds/madrid.json")));
    } else {
      response.setHeader("content-type", "text/html");
      response.end('<!doctype html><html lang="es"><title>t</title><script src="/clusterkit.js" defer></script><clusterkit-chart feed="/madrid.json"></clusterkit-chart>');
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.getByRole("heading", { name: "Socios por segmento" }).waitFor();
    await page.getByRole("listitem").first().waitFor();
    assert.deepEqual(warnings.filter((w) => /instantiateStreaming|MIME/i.test(w)), [], "no fallback warning");
  } finally {
    server.close();
  }
});

/** Serves data-base.html with `tags` in place of its moved script's tag. */
const dataBasePage = (page, tags) =>
  page.route("**/data-base.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<script src="../../../target/e2e/moved/bundle.js" data-base="../../../www/dist/"></script>', tags);
    await route.fulfill({ response, body });
  });

test("data-base on the script tag says where the wasm is when the script was moved", async ({ page, url }) => {
  const moved = join(ROOT, "target/e2e/moved");
  mkdirSync(moved, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit.js"), join(moved, "bundle.js"));
  await page.goto(url("tests/e2e/pages/data-base.html"));
  await page.locator("[part=count]").filter({ hasText: `${feedOf("catalonia").members.length} members` }).waitFor();
  // Merged into a bundle whose tag a plugin writes: the page's own empty data-base tag says
  // where the Wasm is.
  await dataBasePage(page, '<script data-base="../../../www/dist/"></script><script src="../../../target/e2e/moved/bundle.js"></script>');
  await page.goto(url("tests/e2e/pages/data-base.html"));
  assert.equal(await page.locator("script[src][data-base]").count(), 0);
  await page.locator("[part=count]").filter({ hasText: `${feedOf("catalonia").members.length} members` }).waitFor({ timeout: 10000 });
  await page.unroute("**/data-base.html");
  // The folder written without its trailing slash is the same folder.
  await page.route("**/data-base.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-base="../../../www/dist/"', 'data-base="../../../www/dist"');
    await route.fulfill({ response, body });
  });
  await page.goto(url("tests/e2e/pages/data-base.html"));
  assert.equal(await page.locator("script[data-base]").getAttribute("data-base"), "../../../www/dist");
  await page.locator("[part=count]").filter({ hasText: `${feedOf("catalonia").members.length} members` }).waitFor();
  // So is a versioned folder, whose last dot does not make it a file.
  const versioned = join(ROOT, "target/e2e/v2.0.1");
  mkdirSync(versioned, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"), join(versioned, "clusterkit_bg.wasm"));
  const wasm = [];
  page.on("request", (r) => r.url().includes(".wasm") && wasm.push(new URL(r.url()).pathname));
  await page.unroute("**/data-base.html");
  await page.route("**/data-base.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-base="../../../www/dist/"', 'data-base="../../../target/e2e/v2.0.1"');
    await route.fulfill({ response, body });
  });
  await page.goto(url("tests/e2e/pages/data-base.html"));
  await page.locator("[part=count]").filter({ hasText: `${feedOf("catalonia").members.length} members` }).waitFor();
  assert.deepEqual(wasm, ["/target/e2e/v2.0.1/clusterkit_bg.wasm"]);
});

test("a renamed bundle with the Wasm beside it still finds it there when another tool's inline script has a data-base", async ({ page, url, errors }) => {
  const renamed = join(ROOT, "target/e2e/renamed");
  mkdirSync(renamed, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit.js"), join(renamed, "app.js"));
  copyFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"), join(renamed, "clusterkit_bg.wasm"));
  const wasm = [];
  page.on("response", (r) => r.url().includes(".wasm") && wasm.push(`${r.status()} ${new URL(r.url()).pathname}`));
  await dataBasePage(page, '<script data-base="/analytics/">window.analyticsConfig = {};</script><script src="../../../target/e2e/renamed/app.js"></script>');
  await page.goto(url("tests/e2e/pages/data-base.html"));
  await page.locator("[part=count]").filter({ hasText: `${feedOf("catalonia").members.length} members` }).waitFor({ timeout: 10000 });
  assert.deepEqual(wasm, ["404 /analytics/clusterkit_bg.wasm", "200 /target/e2e/renamed/clusterkit_bg.wasm"], "the tag's folder first, then beside the script");
  // The browser's own errors of the first try (its 404 page fails the Wasm's integrity), and
  // nothing else.
  assert.ok(errors.length > 0 && errors.every((e) => e.includes("/analytics/clusterkit_bg.wasm")), errors.join(" | "));
  errors.length = 0;
}, { networkErrors: true });

test("elements added later, changed, removed and inline all work, and one feed URL is fetched once", async ({ page, url }) => {
  const feedRequests = [];
  page.on("request", (r) => r.url().endsWith("catalonia.json") && feedRequests.push(r.url()));
  await page.goto(url("tests/e2e/pages/dynamic.html"));
  const first = page.locator("#first");
  const n = feedOf("catalonia").members.length;
  await first.locator("[part=count]").filter({ hasText: `${n} socis` }).waitFor();
  await page.locator("clusterkit-chart").getByRole("listitem").first().waitFor();
  await page.locator("#cal").getByRole("heading", { name: "Novembre de 2026" }).waitFor();
  assert.equal(feedRequests.length, 1, "three elements, one fetch");

  await page.locator("#inline").locator("[part=count]").filter({ hasText: "2 members" }).waitFor();
  await page.locator("#inline").getByRole("heading", { name: "Alpha Films" }).waitFor();

  await first.evaluate((el) => el.setAttribute("lang", "es"));
  await first.locator("[part=count]").filter({ hasText: `${n} socios` }).waitFor();
  await first.evaluate((el) => el.setAttribute("lang", "gl"));
  await first.getByRole("searchbox", { name: "Buscar socios" }).waitFor();

  await page.evaluate(() => {
    const later = document.createElement("clusterkit-directory");
    later.id = "added";
    later.setAttribute("feed", "../../../www/feeds/galicia.json");
    later.setAttribute("lang", "en");
    document.getElementById("later").append(later);
  });
  const added = page.locator("#added");
  await added.locator("[part=count]").filter({ hasText: "40 members" }).waitFor();
  // Pointed at a feed that fails, or at none, the widget shows why and no longer the data
  // of the feed before (it would pass for the new one's); pointed back, it shows it again.
  await added.evaluate((el) => el.setAttribute("feed", "../../../www/feeds/no-such-feed.json"));
  await added.getByRole("alert").filter({ hasText: "HTTP 404" }).waitFor();
  assert.equal(await added.locator("article").count(), 0, "no member of the previous feed under the error");
  await added.evaluate((el) => el.setAttribute("feed", "../../../www/feeds/galicia.json"));
  await added.locator("[part=count]").filter({ hasText: "40 members" }).waitFor();
  await added.evaluate((el) => el.removeAttribute("feed"));
  await added.getByRole("alert").filter({ hasText: /feed attribute/ }).waitFor();
  assert.equal(await added.locator("article").count(), 0, "no member without a feed");

  await page.evaluate(() => document.getElementById("added").remove());
  assert.equal(await page.locator("#added").count(), 0);
  await page.evaluate(() => {
    const chart = document.createElement("clusterkit-chart");
    chart.setAttribute("feed", "../../../www/feeds/catalonia.json");
    chart.setAttribute("lang", "en");
    document.getElementById("later").append(chart);
  });
  await page.locator("#later clusterkit-chart").getByText(/A member in several segments/).waitFor();
}, { networkErrors: true });

test("inline JSON is read once the parser has reached it, and inline JSON added or taken away later is a new feed", async ({ page, url }) => {
  // The slow script answers once the chart above it is drawn: the Wasm runs before the
  // directory's content is parsed.
  await page.route("**/slow-third-party.js", async (route) => {
    for (let i = 0; i < 100; i++) {
      const drawn = await page.evaluate(() => !!document.querySelector("clusterkit-chart")?.shadowRoot?.querySelector("svg"));
      if (drawn) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await route.fulfill({ body: "", contentType: "text/javascript" });
  });
  await page.goto(url("tests/e2e/pages/inline-late.html"));
  const inline = page.locator("#inline");
  await inline.locator("[part=count]").filter({ hasText: "2 members" }).waitFor();
  await inline.getByRole("heading", { name: "Beta Sound" }).waitFor();

  // Its inline JSON taken away and a feed URL given: the URL's members.
  const madrid = feedOf("madrid").members.length;
  await page.evaluate(() => {
    const el = document.getElementById("inline");
    el.querySelector("script").remove();
    el.setAttribute("feed", "../../../www/feeds/madrid.json");
  });
  await inline.locator("[part=count]").filter({ hasText: `${madrid} members` }).waitFor();

  // An element added empty, and given its inline JSON a moment later.
  await page.evaluate(() => {
    const el = document.createElement("clusterkit-directory");
    el.id = "later";
    document.body.append(el);
  });
  const later = page.locator("#later");
  await later.getByText(/no data/).waitFor();
  await page.evaluate(() => {
    const json = document.createElement("script");
    json.type = "application/json";
    json.textContent = JSON.stringify({ version: 1, cluster: { name: "Later", timezone: "UTC" }, members: [{ id: "g", name: "Gamma" }] });
    document.getElementById("later").append(json);
  });
  await later.locator("[part=count]").filter({ hasText: "1 member" }).waitFor();
});

test("an element moved in the page keeps the visitor's search and choices", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/dynamic.html"));
  const first = page.locator("#first");
  const feed = feedOf("catalonia");
  await first.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
  const search = first.getByRole("searchbox");
  await search.fill("barcelona");
  await first.locator("[part=count]").filter({ hasText: /^\d+ socis?$/ }).filter({ hasNotText: `${feed.members.length} socis` }).waitFor();
  const found = await first.locator("[part=count]").innerText();
  await page.evaluate(() => document.body.append(document.getElementById("first")));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  assert.equal(await search.inputValue(), "barcelona", "the search kept");
  assert.equal(await first.locator("[part=count]").innerText(), found, "and its result");
  // Moved with its profile open (a theme moving the widget as the phone turns), the profile
  // is a modal still: the page behind it inert, the focus in it, Escape closing it.
  await first.locator(".ck-open").first().click();
  const profile = first.getByRole("dialog");
  await profile.waitFor();
  await page.evaluate(() => document.body.prepend(document.getElementById("first")));
  await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelector("dialog[open]")?.matches(":modal"), null, { timeout: 2000 });
  assert.equal(await first.evaluate((el) => el.shadowRoot.activeElement?.closest("dialog") != null), true, "the focus in the profile");
  await page.keyboard.press("Escape");
  await profile.waitFor({ state: "hidden" });

  // A ticked facet and the calendar's month, moved out and back in across an await (Turbo
  // keeps a permanent element so).
  await first.getByRole("checkbox", { name: /^Pime/ }).check();
  await first.locator("[part=count]").filter({ hasNotText: found }).waitFor();
  const narrowed = await first.locator("[part=count]").innerText();
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "Novembre de 2026" }).waitFor();
  await cal.getByRole("button", { name: "Mes següent" }).click();
  await cal.getByRole("grid", { name: "Desembre de 2026" }).waitFor();
  await page.evaluate(async () => {
    const [dir, cal] = [document.getElementById("first"), document.getElementById("cal")];
    dir.remove();
    cal.remove();
    await null;
    await Promise.resolve();
    document.body.prepend(cal);
    document.body.prepend(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  assert.equal(await search.inputValue(), "barcelona", "the search kept across the await");
  assert.equal(await first.getByRole("checkbox", { name: /^Pime/ }).isChecked(), true, "the facet kept");
  assert.equal(await first.locator("[part=count]").innerText(), narrowed, "and its result");
  await cal.getByRole("grid", { name: "Desembre de 2026" }).waitFor({ timeout: 2000 });

  // Removed for good, it goes.
  const gone = await page.evaluate(async () => {
    const dir = document.getElementById("first");
    dir.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return dir.shadowRoot.querySelectorAll("article, input").length;
  });
  assert.equal(gone, 0, "its cards and boxes taken down");
});

test("a widget without its own lang follows the page's as a script changes it", async ({ page, url }) => {
  const n = feedOf("madrid").members.length;
  await page.goto(url("tests/e2e/pages/lang.html"));
  const dir = page.locator("#dir");
  const spoken = () => dir.evaluate((el) => el.shadowRoot.querySelector(".ck-root").getAttribute("lang"));
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${n} socios$`) }).waitFor();
  assert.equal(await spoken(), "gl", "the lang of the element's parent");
  // Under a page's one first-level heading, the cards' third-level names keep the outline
  // whole: the directory is a region named by a second-level heading of its own.
  await dir.getByRole("region", { name: "Directorio de socios" }).getByRole("heading", { level: 2, name: "Directorio de socios" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, heading order included");
  await page.evaluate(() => document.getElementById("wrap").setAttribute("lang", "es"));
  await page.waitForFunction(() => document.getElementById("dir").shadowRoot.querySelector(".ck-root").getAttribute("lang") === "es");
  // The page switches to Catalan at its root and drops the wrapper's lang.
  await page.evaluate(() => {
    document.documentElement.lang = "ca";
    document.getElementById("wrap").removeAttribute("lang");
  });
  await dir.locator("[part=count]").filter({ hasText: `${n} socis` }).waitFor();
  assert.equal(await spoken(), "ca");
  // Its own lang still wins, and once removed, the page's is back.
  await dir.evaluate((el) => el.setAttribute("lang", "en"));
  await dir.locator("[part=count]").filter({ hasText: `${n} members` }).waitFor();
  await dir.evaluate((el) => el.removeAttribute("lang"));
  await dir.locator("[part=count]").filter({ hasText: `${n} socis` }).waitFor();
  // A page in a language of none of ours: English, and said to be English.
  await page.evaluate(() => (document.documentElement.lang = "fr"));
  await dir.locator("[part=count]").filter({ hasText: `${n} members` }).waitFor();
  assert.equal(await spoken(), "en", "English words marked as English, not as French");
  // A theme's locale for a lang (WordPress' es_ES): Spanish, marked as a valid tag.
  await page.evaluate(() => (document.documentElement.lang = " es_ES "));
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${n} socios$`) }).waitFor();
  assert.equal(await spoken(), "es-ES", "a lang screen readers and axe-core's valid-lang take");
  // Inside a site's own web component, the language of the page around the component.
  await page.evaluate(() => {
    document.getElementById("wrap").setAttribute("lang", "gl");
    const host = document.createElement("site-panel");
    host.attachShadow({ mode: "open" }).innerHTML = '<clusterkit-directory id="inner" feed="../../../www/feeds/madrid.json"></clusterkit-directory>';
    document.getElementById("wrap").append(host);
  });
  const inner = page.locator("site-panel clusterkit-directory");
  await inner.locator("[part=count]").filter({ hasText: new RegExp(`^${n} socios$`) }).waitFor();
  assert.equal(await inner.evaluate((el) => el.shadowRoot.querySelector(".ck-root").getAttribute("lang")), "gl", "the component's surroundings' lang");
  // A lang the component sets in its own shadow root, then changes.
  await page.evaluate(() => {
    const root = document.querySelector("site-panel").shadowRoot;
    const box = document.createElement("div");
    box.lang = "es";
    root.append(box);
    box.append(root.getElementById("inner"));
  });
  await inner.locator("[part=count]").filter({ hasText: new RegExp(`^${n} socios$`) }).waitFor();
  await page.waitForFunction(() => document.querySelector("site-panel").shadowRoot.getElementById("inner").shadowRoot.querySelector(".ck-root").lang === "es");
  await inner.getByRole("searchbox").fill("a");
  await page.evaluate(() => (document.querySelector("site-panel").shadowRoot.querySelector("div[lang]").lang = "en"));
  await inner.locator("[part=count]").filter({ hasText: /members$/ }).waitFor();
  // Moved to a part of the page in another language: that one, with the search kept.
  await page.evaluate(() => {
    const box = document.createElement("section");
    box.lang = "ca";
    document.body.append(box);
    box.append(document.querySelector("site-panel").shadowRoot.getElementById("inner"));
  });
  const moved = page.locator("section > clusterkit-directory");
  await moved.locator("[part=count]").filter({ hasText: /socis$/ }).waitFor();
  assert.equal(await moved.getByRole("searchbox").inputValue(), "a", "the search kept");
});

test("the feed downloads while the wasm loads, and is not fetched again once it runs", async ({ page, url }) => {
  // The wasm is held back until the feed has been asked for: a loader that waited for the
  // wasm before fetching would never get there.
  const feedRequests = [];
  let feedAsked;
  const asked = new Promise((resolve) => (feedAsked = resolve));
  page.on("request", (r) => {
    if (r.url().endsWith("catalonia.json")) {
      feedRequests.push(r.url());
      feedAsked();
    }
  });
  await page.route(/clusterkit_bg\.wasm/, async (route) => {
    const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), 10_000));
    if ((await Promise.race([asked, timeout])) === "timeout") return route.abort();
    return route.continue();
  });
  await page.goto(url("tests/e2e/pages/dynamic.html"));
  const n = feedOf("catalonia").members.length;
  await page.locator("#first").locator("[part=count]").filter({ hasText: `${n} socis` }).waitFor();
  await page.locator("#cal").getByRole("heading", { name: "Novembre de 2026" }).waitFor();
  assert.equal(feedRequests.length, 1, "the early fetch is the one the widgets use");
});

test("a large feed read as it arrives, before the wasm runs or after, shows every member and event", async ({ page, url }) => {
  // The Catalan feed grown to 4,000 members (some 1.6 MB, which comes in many chunks), its
  // last member named apart: read chunk by chunk, nothing may be lost or repeated.
  const feed = feedOf("catalonia");
  const segments = feed.segments.map((s) => s.id);
  const grown = Array.from({ length: 4000 - feed.members.length }, (_, i) => ({
    id: `extra-${i}`,
    name: `Productora ${String(i).padStart(4, "0")}`,
    segments: [segments[i % segments.length], segments[(i * 7) % segments.length]],
    city: i % 2 ? "Girona" : "Reus",
    description: { ca: "Una productora de la mostra, amb una descripció prou llarga. ".repeat(4) },
  }));
  grown[grown.length - 1].name = "Zzyzx Darrera";
  const body = JSON.stringify({ ...feed, members: [...feed.members, ...grown] });
  assert.ok(body.length > 1_500_000);
  for (const wasmFirst of [false, true]) {
    let feedAsked;
    const asked = new Promise((resolve) => (feedAsked = resolve));
    await page.route(/catalonia\.json/, (route) => {
      feedAsked();
      return route.fulfill({ body, contentType: "application/json" });
    });
    // Held back until the feed is in (so the loader keeps its chunks for the Wasm), or not.
    await page.route(/clusterkit_bg\.wasm/, async (route) => {
      if (!wasmFirst) await asked;
      return route.continue();
    });
    await page.goto(url("tests/e2e/pages/dynamic.html"));
    const first = page.locator("#first");
    await first.locator("[part=count]").filter({ hasText: "4.000 socis" }).waitFor();
    await first.getByRole("searchbox").fill("zzyzx");
    await first.getByRole("heading", { name: "Zzyzx Darrera" }).waitFor();
    await page.locator("#cal").getByRole("heading", { name: "Novembre de 2026" }).waitFor();
    await page.unrouteAll();
  }
});

test("a logo covers the initials once it loads; a broken, missing or slow one leaves the initials", async ({ page, url, warnings }) => {
  // The fourth logo is held back, as on a slow network, until the test lets it through.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route("**/slow-logo.png", async (route) => {
    await released;
    await route.fulfill({ path: join(ROOT, "docs/screenshot.png"), contentType: "image/png" });
  });
  await page.goto(url("tests/e2e/pages/logos.html"));
  // What a visitor sees in each card's logo box: the image, or the initials' text. An image
  // is "complete" a moment before its error event runs, so the state is polled, not sampled.
  // With `want`, whether that is what is seen.
  const seen = (want) => {
    const boxes = document.querySelector("#logos").shadowRoot.querySelectorAll("article .ck-logo");
    const got = [...boxes].map((box) => {
      const img = box.querySelector("img");
      const shown = img && !img.hidden && img.complete && img.naturalWidth > 0;
      return shown ? "logo" : getComputedStyle(box).color === "rgba(0, 0, 0, 0)" ? "blank" : box.textContent.trim();
    });
    return want === undefined ? got : JSON.stringify(got) === want;
  };
  const expected = ["logo", "BS", "DS", "GP"];
  await page.waitForFunction(seen, JSON.stringify(expected), { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await page.evaluate(seen), expected, "the slow logo's initials show while it loads");
  release();
  const loaded = ["logo", "BS", "logo", "GP"];
  await page.waitForFunction(seen, JSON.stringify(loaded), { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await page.evaluate(seen), loaded);
  // In the profile a broken logo is no broken-image icon either: it goes.
  await page.locator("#logos").getByRole("button", { name: "Beta Sons" }).click();
  await page.locator("#logos").getByRole("dialog", { name: "Beta Sons" }).waitFor();
  const broken = () => document.querySelector("#logos").shadowRoot.querySelector("dialog .ck-profile-logo")?.hidden === true;
  await page.waitForFunction(broken, null, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(broken), true, "the profile's broken logo is hidden");
  // The webmaster is told which logo failed, where from, and why it may have: once, though
  // the card and the profile both asked for it.
  const told = warnings.filter((w) => w.includes("no-such-logo.png"));
  assert.deepEqual(told, [
    `clusterkit: the logo of “Beta Sons” could not be loaded from ${url("tests/e2e/pages/no-such-logo.png")}: its initials show instead.`,
  ]);
}, { networkErrors: true });

test("on a phone, a tap anywhere on a card, its logo or its tags, opens that member's profile", async ({ context, url }) => {
  await onPhone(context, {}, async (page) => {
    await page.goto(url("index.html?keep=1"));
    const dir = page.locator("#dir");
    const cards = dir.locator("article.ck-card");
    await cards.nth(2).waitFor();
    for (const [k, part] of [[1, ".ck-logo"], [2, ".ck-tag"]]) {
      const card = cards.nth(k);
      const name = (await card.locator(".ck-open").textContent()).trim();
      // Where the logo or tag is on the screen (the button's reach lies over it, which
      // Playwright's own tap on the element would refuse as hidden).
      await card.scrollIntoViewIfNeeded();
      const box = await card.locator(part).first().boundingBox();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await dir.getByRole("dialog", { name }).waitFor({ timeout: 5000 });
      await page.keyboard.press("Escape");
      await dir.getByRole("dialog").waitFor({ state: "hidden" });
    }
    // The name's button is the target, as large as its card.
    const sizes = await cards.first().evaluate((card) => {
      const hit = card.getBoundingClientRect();
      const at = card.getRootNode().elementFromPoint(hit.x + hit.width - 4, hit.y + hit.height - 4);
      return { height: hit.height, target: at?.closest(".ck-open") !== null };
    });
    assert.ok(sizes.target, "a card's far corner is its name's button");
    assert.ok(sizes.height >= 44, `the card is a target of at least 44 px: ${sizes.height}`);
    // In a profile, the website's, e-mail's and phone's links are targets of 24 px at least.
    await dir.getByRole("searchbox").fill("rakuten");
    await dir.getByRole("button", { name: "Rakuten" }).click();
    const profile = dir.getByRole("dialog", { name: "Rakuten" });
    await profile.waitFor();
    const links = await profile.evaluate((d) => [...d.querySelectorAll(".ck-contact a")].map((a) => a.getBoundingClientRect().height));
    assert.ok(links.length > 0 && links.every((h) => h >= 24), `links of 24 px at least: ${links}`);
    // Each on one line, as a phone's width allows: an address or a number cut in two reads
    // as two.
    const lines = await profile.evaluate((d) =>
      [...d.querySelectorAll(".ck-contact a")].map((a) => {
        // Its text as shown (a screen reader's "opens in a new tab" aside).
        const range = document.createRange();
        range.selectNodeContents(a.firstChild);
        return [a.firstChild.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
      }),
    );
    assert.ok(lines.every(([, n]) => n === 1), `each link on one line: ${JSON.stringify(lines)}`);
  });
});

test("the directory: facets, chips, pages, profile and URL, accessible in each state and on a phone", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html?keep=1&s=caf%C3%A9"));
  const dir = page.locator("#dir");
  const total = feed.members.length;
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations at first");
  // Cards in a row are as tall as the tallest; each keeps its lines together at the top.
  const gaps = await dir.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll(".ck-card")].map((card) => {
      const meta = card.querySelector(".ck-meta");
      return meta ? meta.getBoundingClientRect().top - card.querySelector("h3").getBoundingClientRect().bottom : 0;
    }),
  );
  assert.ok(gaps.length > 0 && Math.max(...gaps) < 10, `a card's name and place stay together (gaps ${gaps.map(Math.round)})`);

  // "Show all" lists every city and keeps the focus, and pressed again shows the first eight.
  const cities = new Set(feed.members.map((m) => m.city).filter(Boolean)).size;
  const cityBoxes = () => dir.getByRole("group", { name: "Ciutat" }).getByRole("checkbox").count();
  assert.equal(await cityBoxes(), 8, "eight cities at first");
  await dir.getByRole("button", { name: `Mostra-ho tot (${cities})` }).focus();
  await page.keyboard.press("Enter");
  const fewer = dir.getByRole("button", { name: "Mostra’n menys" });
  await fewer.waitFor();
  assert.equal(await cityBoxes(), cities, "every city");
  assert.equal(await fewer.evaluate((b) => b.getRootNode().activeElement === b && b.getAttribute("aria-expanded")), "true", "the focus stays on the button");
  await page.keyboard.press("Enter");
  await dir.getByRole("button", { name: `Mostra-ho tot (${cities})` }).waitFor();
  assert.equal(await cityBoxes(), 8, "eight again");
  // Folded, the cities the results have come first: a search for a member in a small city
  // lists that city, not eight of none.
  const besos = dir.getByRole("group", { name: "Ciutat" }).getByRole("checkbox", { name: /^Sant Adrià de Besòs/ });
  assert.equal(await besos.count(), 0, "a small city is folded away at first");
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("Besòs Lloguer");
  await besos.waitFor();
  assert.equal(await besos.isEnabled(), true, "its city, to be ticked");
  assert.equal(await cityBoxes(), 8, "still eight");
  const cityNames = await dir.getByRole("group", { name: "Ciutat" }).locator("label").evaluateAll((labels) => labels.map((l) => [l.querySelector("span").textContent, l.querySelector("input").disabled]));
  assert.deepEqual(cityNames[0], ["Sant Adrià de Besòs", false], `first, above the cities of none: ${JSON.stringify(cityNames)}`);
  assert.ok(cityNames.slice(1).every(([, disabled]) => disabled), "the others give nothing");
  // Unfolded, the same order, the rest after it: its city stays first.
  await dir.getByRole("button", { name: `Mostra-ho tot (${cities})` }).click();
  await fewer.waitFor();
  const unfolded = await dir.getByRole("group", { name: "Ciutat" }).locator("label").evaluateAll((labels) => labels.map((l) => [l.querySelector("span").textContent, l.querySelector("input").disabled]));
  assert.deepEqual(unfolded.slice(0, 8), cityNames, "the folded list's order kept");
  assert.equal(unfolded.length, cities);
  await fewer.click();
  await dir.getByRole("button", { name: `Mostra-ho tot (${cities})` }).waitFor();
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.equal(await besos.count(), 0, "folded away again");
  // A tick lists the cities its members have, redrawing the facets: the focus stays on the
  // box ticked, for the next Space or Tab.
  const tech = dir.getByRole("checkbox", { name: /^Tecnologia/ });
  await tech.focus();
  await page.keyboard.press("Space");
  await dir.getByRole("button", { name: "Treu el filtre Tecnologia" }).waitFor();
  const focused = () => dir.evaluate((el) => el.shadowRoot.activeElement?.closest("label")?.textContent ?? "");
  assert.match(await focused(), /^Tecnologia/, "the focus on the box ticked");
  await page.keyboard.press("Space");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.match(await focused(), /^Tecnologia/, "and on it unticked");

  const smes = feed.members.filter((m) => m.kind === "sme");
  await dir.getByRole("checkbox", { name: /^Pime/ }).check();
  await dir.locator("[part=count]").filter({ hasText: `${smes.length} socis` }).waitFor();
  await dir.getByRole("button", { name: "Treu el filtre Pime" }).waitFor();
  const search = dir.getByRole("searchbox", { name: "Cerca socis" });
  const word = "barcelona";
  await search.fill(word);
  const both = smes.filter((m) => [m.name, m.city, m.region].some((v) => typeof v === "string" && v.toLowerCase().includes(word)));
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${both.length} soci`) }).waitFor();
  assert.ok((await dir.locator("mark").count()) > 0, "matches are highlighted");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations with a search and a facet");

  // The profile: a modal dialog; Escape closes it and focus goes back to the card.
  const first = dir.locator(".ck-open").first();
  const name = await first.innerText();
  await first.click();
  const dialog = dir.getByRole("dialog", { name });
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations with the profile open");
  // The Escape that closes it is the dialog's: a page's own listener (a modal of the page's
  // around the widget) does not hear it.
  await page.evaluate(() => document.addEventListener("keydown", (e) => e.key === "Escape" && (window.pageHeardEscape = true)));
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => window.pageHeardEscape ?? false), false, "the page did not hear the Escape");
  assert.equal(await first.evaluate((b) => b.getRootNode().activeElement === b), true, "focus back on the card");
  // A tap beside it, on the backdrop, closes it too; a selection dragged out of it does not.
  await first.click();
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  await page.mouse.move(box.x + 20, box.y + box.height - 10);
  await page.mouse.down();
  await page.mouse.move(2, 2);
  await page.mouse.up();
  await page.waitForTimeout(100);
  assert.equal(await dialog.isVisible(), true, "a drag out of the dialog leaves it open");
  await page.mouse.click(2, 2);
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await first.evaluate((b) => b.getRootNode().activeElement === b), true, "focus back on the card");
  // A page's script that closes it and moves the focus on in one go keeps it where it put
  // it, another card even: the close event comes a task later, too late to take the focus
  // back to the card that opened it.
  await first.click();
  await dialog.waitFor();
  await dir.evaluate((el) => new Promise((done) => {
    const dialog = el.shadowRoot.querySelector("dialog[open]");
    dialog.addEventListener("close", () => setTimeout(done), { once: true });
    dialog.close();
    el.shadowRoot.querySelectorAll(".ck-open")[1].focus();
  }));
  assert.equal(await dir.locator(".ck-open").nth(1).evaluate((b) => b.getRootNode().activeElement === b), true, "focus left on the second card");

  // "Clear all" goes with the chips it clears: the focus moves to the count, not to the page.
  const focusedIn = (host) =>
    host.evaluate((el) => {
      const a = el.shadowRoot.activeElement;
      return a && [a.getAttribute("role") ?? a.textContent.trim(), a.getAttribute("aria-disabled")];
    });
  await dir.getByRole("button", { name: "Esborra-ho tot" }).focus();
  await page.keyboard.press("Enter");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.deepEqual(await focusedIn(dir), [`${total} socis`, null], "the focus on the count");
  // So does the last chip, removed by the keyboard.
  await dir.getByRole("checkbox", { name: /^Pime/ }).check();
  await dir.getByRole("button", { name: "Treu el filtre Pime" }).focus();
  await page.keyboard.press("Enter");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.deepEqual(await focusedIn(dir), [`${total} socis`, null], "the focus on the count, after the last chip");
  // Also while a search is typed, which keeps "clear all" where the chip was.
  await search.fill("barcelona");
  await dir.getByRole("checkbox", { name: /^Pime/ }).check();
  await dir.getByRole("button", { name: "Treu el filtre Pime" }).focus();
  await page.keyboard.press("Enter");
  await dir.getByRole("button", { name: "Treu el filtre Pime" }).waitFor({ state: "detached" });
  assert.equal(await dir.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("part")), "count", "the focus on the count, after the last chip of a search");
  await search.fill("");
  // Of several chips, the last one removed hands the focus to the chip before it.
  await dir.getByRole("checkbox", { name: /^Pime/ }).check();
  await dir.getByRole("checkbox", { name: /^Gran empresa/ }).check();
  await dir.getByRole("button", { name: "Treu el filtre Gran empresa" }).focus();
  await page.keyboard.press("Enter");
  await dir.getByRole("button", { name: "Treu el filtre Gran empresa" }).waitFor({ state: "detached" });
  assert.deepEqual(await focusedIn(dir), ["Pime ×", null], "the focus on the chip before");
  await page.keyboard.press("Enter");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  const spoken = () => dir.evaluate((el) => el.shadowRoot.querySelector(".ck-results > p[aria-live]:not(.ck-count)").textContent);
  assert.equal(await spoken(), "", "no page said before the pager is pressed");
  await dir.getByRole("button", { name: "Pàgina 2" }).click();
  await dir.locator("[aria-current=page]").filter({ hasText: "2" }).waitFor();
  assert.equal(await dir.getByRole("article").count(), Math.min(24, total - 24), "the second page");
  // The page it went to is said politely.
  assert.equal(await spoken(), `Pàgina 2 de ${Math.ceil(total / 24)}`, "the page said with how many there are");
  // The pager is below the cards: the view goes back up to the results' top, so the new
  // page reads from its first card, and the focus goes with it, to the count there.
  const resultsTop = () => dir.evaluate((el) => el.shadowRoot.querySelector(".ck-results").getBoundingClientRect().top);
  const top = await resultsTop();
  assert.ok(Math.abs(top) < 1, `the results' top at the top of the view (${top} px)`);
  assert.deepEqual(await focusedIn(dir), [`${total} socis`, null], "the focus in view, on the count");
  // So by the keyboard, from "previous" (which focusing scrolls down to).
  await dir.getByRole("button", { name: "Pàgina anterior" }).focus();
  await page.keyboard.press("Enter");
  await dir.locator("[aria-current=page]").filter({ hasText: "1" }).waitFor();
  assert.deepEqual(await focusedIn(dir), [`${total} socis`, null], "the focus on the count, the view up");
  // "Previous" on the first page stays where the focus is, marked unavailable.
  await dir.getByRole("button", { name: "Pàgina anterior" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await dir.locator("[aria-current=page]").innerText(), "1", "pressed on the first page, nothing moves");
  assert.deepEqual(await focusedIn(dir), ["‹ Pàgina anterior", "true"], "the focus kept on 'previous'");
  // The page said is not written, and so said, again as the order changes on that page.
  await dir.evaluate((el) => {
    window.liveWrites = 0;
    const live = el.shadowRoot.querySelector(".ck-results > p[aria-live]:not(.ck-count)");
    new MutationObserver((records) => (window.liveWrites += records.length)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  assert.equal(await spoken(), `Pàgina 1 de ${Math.ceil(total / 24)}`);
  const firstName = () => dir.getByRole("article").first().getByRole("heading").innerText();
  const byName = await firstName();
  await dir.getByRole("combobox", { name: "Ordena per" }).selectOption("joined");
  await page.waitForFunction(([name]) => document.getElementById("dir").shadowRoot.querySelector("article h3").textContent !== name, [byName]);
  assert.equal(await page.evaluate(() => window.liveWrites), 0, "the same page not said again");
  await dir.getByRole("combobox", { name: "Ordena per" }).selectOption("name");
  await page.waitForFunction(([name]) => document.getElementById("dir").shadowRoot.querySelector("article h3").textContent === name, [byName]);
  // Nor as the number of pages changes under it (a page script's page size here; a linked
  // chart's choice or a new feed likewise): the visitor pressed no pager.
  await dir.evaluate((el) => el.setAttribute("page-size", "12"));
  await dir.getByRole("button", { name: `Pàgina ${Math.ceil(total / 12)}`, exact: true }).waitFor();
  await dir.evaluate((el) => el.removeAttribute("page-size"));
  await dir.getByRole("button", { name: `Pàgina ${Math.ceil(total / 12)}`, exact: true }).waitFor({ state: "detached" });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.liveWrites), 0, "the page not said again as the pages change");
  await dir.getByRole("button", { name: "Pàgina 2" }).click();
  await dir.locator("[aria-current=page]").filter({ hasText: "2" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations on page 2");
  // Of many pages, the pager's numbers shift as it is drawn again ("1 … 4 5 6 … 15"): the
  // focus stays on the number pressed, wherever it now is.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.evaluate(() => scrollTo(0, 0));
  await dir.evaluate((el) => el.setAttribute("page-size", "4"));
  const pages = Math.ceil(total / 4);
  await dir.getByRole("button", { name: `Pàgina ${pages}`, exact: true }).waitFor();
  const numbers = async () => (await dir.locator(".ck-page:not([aria-disabled])").allInnerTexts()).map(Number);
  const before = await numbers();
  const next = Math.max(...before.filter((n) => n < pages));
  await dir.getByRole("button", { name: `Pàgina ${next}`, exact: true }).focus();
  await page.keyboard.press("Enter");
  await dir.locator("[aria-current=page]").filter({ hasText: new RegExp(`^${next}$`) }).waitFor();
  const after = await numbers();
  assert.notEqual(after.indexOf(next), before.indexOf(next), `the numbers shifted: ${before} then ${after}`);
  await page.waitForTimeout(100);
  assert.deepEqual(
    await dir.evaluate((el) => [el.shadowRoot.activeElement?.getAttribute("aria-label"), el.shadowRoot.activeElement?.getAttribute("aria-current")]),
    [`Pàgina ${next}`, "page"],
    "the focus on the number pressed",
  );
  await dir.evaluate((el) => el.removeAttribute("page-size"));
  await page.setViewportSize({ width: 1280, height: 720 });
  // A page's script that changes the view, the page size or the order keeps the visitor's
  // search: the directory follows them without starting over.
  const count = dir.locator("[part=count]");
  await dir.getByRole("searchbox").fill("barcelona");
  await count.filter({ hasNotText: `${total} socis` }).waitFor();
  const found = await count.innerText();
  await dir.evaluate((el) => {
    el.setAttribute("view", "list");
    el.setAttribute("page-size", "3");
    el.setAttribute("sort", "joined");
  });
  await dir.locator("[part=directory][data-layout=list]").waitFor();
  await dir.getByRole("article").nth(3).waitFor({ state: "detached" });
  assert.equal(await dir.getByRole("searchbox").inputValue(), "barcelona", "the search typed stays");
  assert.equal(await count.innerText(), found, "and its results");
  assert.equal(await dir.getByRole("combobox", { name: "Ordena per" }).inputValue(), "relevance", "relevance while it is typed");
  await dir.getByRole("searchbox").fill("");
  await count.filter({ hasText: `${total} socis` }).waitFor();
  assert.equal(await dir.getByRole("combobox", { name: "Ordena per" }).inputValue(), "joined", "then the page's order");
  await dir.evaluate((el) => ["view", "page-size", "sort"].forEach((a) => el.removeAttribute(a)));
  await dir.locator("[part=directory][data-layout=grid]").waitFor();
  // A script's new `segments` takes the place of the segment choices only: the search typed
  // and the other facets' choices stay.
  await dir.getByRole("searchbox").fill("barcelona");
  await count.filter({ hasText: found }).waitFor();
  const sme = dir.getByRole("group", { name: "Tipus" }).getByRole("checkbox", { name: /^Pime/ });
  await sme.check();
  await count.filter({ hasNotText: found }).waitFor();
  const barcelonaSmes = await count.innerText();
  await dir.evaluate((el) => el.setAttribute("segments", "production"));
  const production = dir.getByRole("group", { name: "Segments" }).getByRole("checkbox", { name: /^Producció/ });
  await dir.getByRole("group", { name: "Segments" }).locator("label:has(input:checked)", { hasText: /^Producció/ }).waitFor();
  assert.equal(await dir.getByRole("searchbox").inputValue(), "barcelona", "the search stays");
  assert.equal(await sme.isChecked(), true, "the kind ticked stays");
  await production.uncheck();
  await count.filter({ hasText: barcelonaSmes }).waitFor();
  // A new feed keeps the search too (the choices it lacks go), ticked or not.
  await sme.uncheck();
  await dir.getByRole("searchbox").fill("a");
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/galicia.json"));
  await dir.getByRole("group", { name: "Segments" }).getByRole("checkbox", { name: /^Animació/ }).waitFor();
  assert.equal(await dir.getByRole("searchbox").inputValue(), "a", "the search stays with the new feed");
  await dir.evaluate((el) => el.removeAttribute("segments"));
  await dir.getByRole("searchbox").fill("");
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/catalonia.json"));
  await count.filter({ hasText: `${total} socis` }).waitFor();

  // On a phone, the filters fold into one button that shows how many are ticked.
  await page.setViewportSize({ width: 390, height: 800 });
  const toggle = dir.getByRole("button", { name: /^Filtres/ });
  await toggle.waitFor();
  assert.equal(await dir.getByRole("group", { name: "Segments" }).isVisible(), false, "filters folded");
  await toggle.click();
  await dir.getByRole("group", { name: "Segments" }).waitFor();
  // The next Tab after the button reaches what it unfolded (the toggle is the toolbar's last).
  await toggle.focus();
  await page.keyboard.press("Tab");
  assert.equal(
    await dir.evaluate((el) => el.shadowRoot.activeElement?.closest("fieldset")?.querySelector("legend")?.textContent),
    "Segments",
    "Tab from Filters goes into the filters",
  );
  await dir.getByRole("checkbox", { name: /^Postproducció/ }).check();
  await dir.getByRole("button", { name: "Filtres (1 seleccionat)" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, "nothing scrolls sideways");
  const small = await dir.locator(".ck-page, .ck-chip, .ck-btn, .ck-open, .ck-link").evaluateAll((els) =>
    els.filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect())
      .filter((r) => r.width < 24 || r.height < 24).length);
  assert.equal(small, 0, "every button is at least 24 by 24 px");
  // Checkboxes are drawn at 17.6 px inside a label row of at least 28 px, which is the target.
  const rows = await dir.locator("label[part=facet-option]").evaluateAll((els) =>
    els.filter((e) => e.offsetParent !== null).filter((e) => e.getBoundingClientRect().height < 24).length);
  assert.equal(rows, 0, "every facet row is a target of at least 24 px");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations on a phone with the filters open");
  // Under them, their result, out of sight below: a press folds them back over it, the focus
  // on the count.
  const inPost = feed.members.filter((m) => (m.segments ?? []).includes("post-production")).length;
  const done = dir.getByRole("button", { name: `Mostra ${inPost} socis` });
  await dir.getByRole("checkbox", { name: /^Postproducció/ }).focus();
  await page.keyboard.press("Tab");
  await done.waitFor();
  await done.click();
  await dir.getByRole("group", { name: "Segments" }).waitFor({ state: "hidden" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", "folded");
  assert.equal(await dir.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("part")), "count", "the focus on the count");
  assert.equal(await dir.locator("[part=count]").textContent(), `${inPost} socis`);
  // Beside the results, on a wide screen, there is no such button.
  await page.setViewportSize({ width: 1280, height: 720 });
  await dir.getByRole("group", { name: "Segments" }).waitFor();
  assert.equal(await dir.locator("[data-done]").isVisible(), false, "no fold button beside the results");
});

test("on a mid-tone page (white on a brand colour, black on grey) the widgets' muted text and tints keep 4.5:1", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/linked.html"));
  const dir = page.locator("#dir");
  await dir.locator(".ck-card").first().waitFor();
  await page.locator("#chart [data-k]").first().waitFor();
  // A search, so that the cards' muted texts hold highlighted matches: in the muted colour
  // on the highlight's tint they had 3.5:1 on the brand blue.
  await dir.getByRole("searchbox").fill("barcelona");
  await dir.locator(".ck-card mark").first().waitFor();
  // The page's own text has 4.69:1 to 5.75:1 on these: muted at the usual 68 %, the
  // count and the cards' places had 3.1:1 to 3.8:1.
  for (const [background, color] of [["#1565c0", "#ffffff"], ["#2e7d32", "#ffffff"], ["#c62828", "#ffffff"], ["#777777", "#000000"]]) {
    await page.evaluate(([background, color]) => Object.assign(document.body.style, { background, color }), [background, color]);
    await page.waitForTimeout(600);
    assert.deepEqual(await axeViolations(page), [], `no axe-core violations on ${background}`);
  }
  // Back on white, as quiet as before.
  await page.evaluate(() => Object.assign(document.body.style, { background: "", color: "" }));
  await page.waitForFunction(() => {
    const frame = document.getElementById("dir").shadowRoot.querySelector(".ck-root").style;
    return frame.getPropertyValue("--_mute") === "68%" && frame.getPropertyValue("--_accent") === "";
  });
});

test("what a designer's review found: spaced dialogs, greyed choices that give nothing, the columns' gridlines, a dark dialog on a dark page, no empty column without facets", async ({ page, url }) => {
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.getByRole("button", { name: "Algam Ibérica" }).click();
  const dialog = dir.getByRole("dialog", { name: "Algam Ibérica" });
  await dialog.waitFor();
  const boxes = await dialog.evaluate((d) => {
    const box = (sel) => d.querySelector(sel).getBoundingClientRect();
    return { title: box("h2"), close: box(".ck-dialog-close button"), meta: box(".ck-meta"), tags: box(".ck-tags"), text: box(".ck-description") };
  });
  assert.ok(Math.abs(boxes.title.top - boxes.close.top) <= 4, `the title level with the close button: ${boxes.title.top} against ${boxes.close.top}`);
  assert.ok(boxes.tags.top - boxes.meta.bottom >= 8 && boxes.text.top - boxes.tags.bottom >= 8, `its blocks apart: ${JSON.stringify(boxes)}`);
  await page.keyboard.press("Escape");

  // A choice that would give nothing is greyed as a disabled control, not struck through.
  await dir.getByRole("searchbox").fill("sonilab");
  await dir.locator("[part=count]").filter({ hasText: /^1 soci$/ }).waitFor();
  const looks = await dir.evaluate((el) => {
    const label = (disabled) => el.shadowRoot.querySelector(`label[part=facet-option] input${disabled ? ":disabled" : ":enabled"} ~ span`);
    const [off, on] = [label(true), label(false)].map((s) => getComputedStyle(s));
    return { line: off.textDecorationLine, off: off.color, on: on.color };
  });
  assert.equal(looks.line, "none");
  assert.notEqual(looks.off, looks.on, "greyed");
  await dir.getByRole("searchbox").fill("");

  // The columns chart draws its gridlines.
  await addWidget(page, "clusterkit-chart", { id: "years", feed: "www/feeds/catalonia.json", by: "joined" });
  await page.locator("#years .ck-mark").first().waitFor();
  const strokes = await page.locator("#years").evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-ticks line")].map((l) => getComputedStyle(l).stroke));
  assert.ok(strokes.length > 2 && strokes.every((s) => s !== "none"), `gridlines: ${strokes}`);

  // On a dark page, a widget without a theme opens a dark dialog.
  await page.evaluate(() => Object.assign(document.body.style, { background: "#111111", color: "#eeeeee" }));
  await page.waitForFunction(() => document.getElementById("dir").shadowRoot.querySelector(".ck-root[data-backdrop=dark]"));
  await dir.getByRole("button", { name: "Algam Ibérica" }).click();
  await dialog.waitFor();
  const background = await dialog.evaluate((d) => getComputedStyle(d).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 3 * 80, `a dark dialog: ${background}`);
  await page.keyboard.press("Escape");

  // Members without segment, kind, region or city: no facets, no empty column for them. (In
  // a page of its own: closing the profile goes back in this one's history.)
  const other = await page.context().newPage();
  await other.goto(url("tests/e2e/pages/logos.html"));
  const logos = other.locator("#logos");
  await logos.getByRole("article").first().waitFor();
  const widths = await logos.evaluate((el) => {
    const root = el.shadowRoot;
    return [root.querySelector(".ck-body").getBoundingClientRect().width, root.querySelector(".ck-results").getBoundingClientRect().width];
  });
  assert.ok(widths[1] >= widths[0] - 1, `the results take the whole width: ${widths}`);
  // So in a browser without `:has()` (Firefox before 121, Chrome before 105), which drops
  // the rules that use it.
  const withoutHas = await logos.evaluate((el) => {
    const root = el.shadowRoot;
    for (const sheet of root.adoptedStyleSheets) {
      for (let i = sheet.cssRules.length - 1; i >= 0; i--) if (sheet.cssRules[i].cssText.includes(":has(")) sheet.deleteRule(i);
    }
    return [root.querySelector(".ck-body").getBoundingClientRect().width, root.querySelector(".ck-results").getBoundingClientRect().width];
  });
  assert.ok(withoutHas[1] >= withoutHas[0] - 1, `without :has(), the results take the whole width: ${withoutHas}`);
  await other.close();
});

test("directory attributes preselect, order, lay out and hide the filters", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/e2e/pages/attributes.html"));
  const dir = page.locator("#fixed");
  const chosen = feed.members.filter((m) => (m.segments ?? []).includes("post-production") && m.kind === "sme");
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${chosen.length} socios?$`) }).waitFor();
  assert.equal(await dir.getByRole("article").count(), Math.min(5, chosen.length), "page-size 5");
  // feed=”…”, as a CMS that smartens quotes writes it, is the feed between the quotes.
  // So are the other attributes' values between such quotes (page-size=”2”).
  await page.locator("#smart [part=count]").filter({ hasText: `${feedOf("madrid").members.length} socios` }).waitFor();
  assert.equal(await page.locator("#smart").getByRole("article").count(), 2, "page-size=”2” is 2");
  assert.equal(await dir.getByRole("checkbox").count(), 0, "no facets");
  assert.equal(await dir.locator(".ck-chip").count(), 0, "no chips to undo the selection");
  assert.equal(await dir.getByRole("combobox", { name: "Ordenar por" }).inputValue(), "joined");
  assert.equal(await dir.getByRole("button", { name: "Lista" }).getAttribute("aria-pressed"), "true");
  const latest = chosen.map((m) => m.joined ?? "").sort().at(-1);
  const first = await dir.getByRole("article").first().getByRole("heading").innerText();
  const shown = chosen.find((m) => text(m.name, "es", "ca") === first);
  assert.equal(shown?.joined, latest, "newest first");
  // A search that finds nobody offers to clear it, and only it: the page's selection stays,
  // as the visitor has no filter to see or set it again with.
  await dir.getByRole("searchbox").fill("kpmg");
  await dir.locator("[part=count]").filter({ hasText: /^0 socios$/ }).waitFor();
  assert.equal(await dir.locator("[part=cards]").isHidden(), true, "no empty list for a screen reader to enter");
  await dir.getByRole("button", { name: "Borrar la búsqueda" }).click();
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${chosen.length} socios?$`) }).waitFor();
  assert.equal(await dir.getByRole("searchbox").inputValue(), "");
  // The list: a row per member, its logo, name, place and segments side by side; on a
  // phone, the name, place and segments under one another, beside the logo.
  const rows = () =>
    dir.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("article")].map((card) =>
        [".ck-logo", "h3", ".ck-meta", ".ck-tags"].map((part) => {
          const box = card.querySelector(part)?.getBoundingClientRect();
          return box && { left: Math.round(box.left), right: Math.round(box.right), top: Math.round(box.top), bottom: Math.round(box.bottom) };
        }),
      ),
    );
  for (const [logo, name, ...rest] of await rows()) {
    const parts = [name, ...rest.filter(Boolean)];
    assert.ok(parts.length >= 2, "each listed member shows its place or segments");
    assert.ok(logo.right <= name.left, "the name beside the logo");
    parts.slice(1).forEach((p, i) => assert.ok(p.left >= parts[i].right, `side by side: ${JSON.stringify(parts)}`));
    for (const p of parts) assert.ok(p.top < name.bottom && p.bottom > name.top, `on the name's line: ${JSON.stringify(parts)}`);
  }
  await dir.evaluate((el) => (el.style.width = "360px"));
  await page.waitForFunction(() => document.querySelector("#fixed").shadowRoot.querySelector("article").getBoundingClientRect().width < 400);
  for (const [logo, name, ...rest] of await rows()) {
    const parts = [name, ...rest.filter(Boolean)];
    assert.ok(logo.right <= name.left, "the name beside the logo");
    parts.slice(1).forEach((p, i) => assert.ok(p.left === name.left && p.top >= parts[i].bottom, `one under another: ${JSON.stringify(parts)}`));
  }
  await dir.evaluate((el) => (el.style.width = ""));
  // The page changes its mind after the first render: the filters come back, also when it
  // says so as Vue 3 writes a false binding on a custom element (hide-filters="false").
  await dir.evaluate((el) => el.setAttribute("hide-filters", "false"));
  await dir.getByRole("checkbox", { name: /^Postproducci/ }).waitFor();
  // Beside the filters in a 720-px column (a CMS's content column, a tablet), a row keeps its
  // segments readable under its name, instead of squeezing them to a letter a line.
  await dir.evaluate((el) => (el.style.width = "720px"));
  await page.waitForFunction(() => document.querySelector("#fixed").shadowRoot.querySelector("article").getBoundingClientRect().width < 500);
  for (const [logo, name, ...rest] of await rows()) {
    const parts = [name, ...rest.filter(Boolean)];
    const tags = rest[1];
    assert.ok(!tags || tags.right - tags.left >= 150, `segments readable: ${JSON.stringify(parts)}`);
    assert.ok(Math.max(...parts.map((p) => p.bottom)) - logo.top < 250, `a row, not a screenful: ${JSON.stringify(parts)}`);
  }
  await dir.evaluate((el) => (el.style.width = ""));

  // A segment's name written for its id, and a typo: both left out (they would match no
  // member), each said once in the console; the valid id still applies.
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && m.text().includes(" segments>: ") && warnings.push(m.text()));
  await addWidget(page, "clusterkit-directory", {
    id: "named",
    feed: "../../../www/feeds/catalonia.json",
    lang: "en",
    segments: "Postproducció post-production nope",
  });
  const post = feed.members.filter((m) => (m.segments ?? []).includes("post-production"));
  await page.locator("#named").locator("[part=count]").filter({ hasText: `${post.length} members` }).waitFor();
  await settled(() => warnings.length >= 2);
  assert.equal(warnings.length, 2, warnings.join(" | "));
  assert.ok(warnings[0].includes("Postproducció") && warnings[1].includes("nope"), warnings.join(" | "));
  assert.ok(warnings.every((w) => w.startsWith('clusterkit: <clusterkit-directory id="named" segments>: refers to the segment “')), warnings.join(" | "));
  // Said once: not again in each language the visitor switches to.
  for (const lang of ["es", "ca"]) await page.locator("#named").evaluate((el, lang) => el.setAttribute("lang", lang), lang);
  await page.locator("#named").locator("[part=count]").filter({ hasText: `${post.length} socis` }).waitFor();
  await page.waitForTimeout(200);
  assert.equal(warnings.length, 2, warnings.join(" | "));

  // A script's new `segments` keeps the page's own `kinds`, and a new `kinds` its `segments`,
  // the visitor having changed nothing yet.
  await addWidget(page, "clusterkit-directory", { id: "both", feed: "../../../www/feeds/catalonia.json", lang: "en", segments: "immersive", kinds: "sme" });
  const both = page.locator("#both");
  const members = (segment, kind) => feed.members.filter((m) => (m.segments ?? []).includes(segment) && m.kind === kind).length;
  const shows = (n) => both.locator("[part=count]").filter({ hasText: new RegExp(`^${n} members?$`) }).waitFor();
  await shows(members("immersive", "sme"));
  await both.evaluate((el) => el.setAttribute("segments", "distribution-exhibition"));
  await shows(members("distribution-exhibition", "sme"));
  await both.evaluate((el) => el.setAttribute("kinds", "large"));
  await shows(members("distribution-exhibition", "large"));

  // Values an attribute does not take (typos, words of another language): each said once in
  // the console with the values it takes; the default applies and the widget shows.
  const said = [];
  page.on("console", (m) => m.type() === "warning" && /the default applies|the current month applies|se aplica el valor|feed’s time zone/.test(m.text()) && said.push(m.text()));
  await page.evaluate(() => {
    const add = (tag, attrs) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries({ feed: "../../../www/feeds/catalonia.json", lang: "en", ...attrs })) el.setAttribute(k, v);
      document.body.append(el);
    };
    // A page of 5,000 would put them all in the page at once: 100 at most.
    add("clusterkit-directory", { id: "typos", sort: "alphabetical", view: "cards", "page-size": "5000", kinds: "SME sme", theme: "Dark" });
    add("clusterkit-chart", { id: "cities", by: "city", top: "0" });
    add("clusterkit-chart", { id: "french", lang: "fr" });
    add("clusterkit-chart", { by: "segmnet", type: "pie", theme: "purple" });
    add("clusterkit-calendar", { month: "2026-13", view: "week" });
    // A city that is no zone's name: the feed's zone applies.
    add("clusterkit-calendar", { id: "agenda", timezone: "Europe/Barcelona" });
  });
  await page.locator("#typos").locator("[part=count]").filter({ hasText: `${feed.members.filter((m) => m.kind === "sme").length} members` }).waitFor();
  await page.locator("clusterkit-chart").last().locator("figcaption").filter({ hasText: /largest segment/ }).waitFor();
  await page.locator("clusterkit-calendar").last().getByRole("grid").waitFor();
  await settled(() => said.length >= 13);
  // A theme the stylesheet does not know leaves the page's colours; a chart's `top` of 0
  // keeps the default 8.
  assert.equal(await page.locator("#typos").evaluate((el) => el.shadowRoot.querySelector("[part=root]").dataset.theme), undefined);
  const cities = new Set(feed.members.filter((m) => m.city).map((m) => m.city)).size;
  const noCity = feed.members.some((m) => !m.city) ? 1 : 0;
  assert.ok(cities > 8, "more cities than the default top");
  const bars = page.locator("#cities .ck-mark");
  await bars.first().waitFor();
  assert.equal(await bars.count(), 8 + 1 + noCity, "the default top: 8 cities, the other places, no city");
  const values = "is not one of the accepted values";
  assert.deepEqual(said.sort(), [
    `clusterkit: <clusterkit-calendar id="agenda" timezone>: “Europe/Barcelona” is not a known time zone (for example Europe/Madrid). Times show in the feed’s time zone, ${feed.cluster.timezone}.`,
    `clusterkit: <clusterkit-calendar month>: “2026-13” is not a month written as YYYY-MM (2026-11); the current month applies.`,
    `clusterkit: <clusterkit-calendar view>: “week” ${values} (month, list); the default applies.`,
    `clusterkit: <clusterkit-chart by>: “segmnet” ${values} (segment, kind, region, city, joined); the default applies.`,
    `clusterkit: <clusterkit-chart id="cities" top>: “0” ${values} (1, 2, 3…); the default applies.`,
    // In the page's language, which the chart speaks instead.
    `clusterkit: <clusterkit-chart id="french" lang>: «fr» no es ninguno de los valores que admite (ca, es, gl, en); se aplica el valor por defecto.`,
    `clusterkit: <clusterkit-chart theme>: “purple” ${values} (light, dark, auto); the default applies.`,
    `clusterkit: <clusterkit-chart type>: “pie” ${values} (bar, column, donut); the default applies.`,
    `clusterkit: <clusterkit-directory id="typos" kinds>: “SME” ${values} (sme, large, research, other); the default applies.`,
    `clusterkit: <clusterkit-directory id="typos" page-size>: “5000” ${values} (1, 2, 3… 100); the default applies.`,
    `clusterkit: <clusterkit-directory id="typos" sort>: “alphabetical” ${values} (name, joined, relevance); the default applies.`,
    `clusterkit: <clusterkit-directory id="typos" theme>: “Dark” ${values} (light, dark, auto); the default applies.`,
    `clusterkit: <clusterkit-directory id="typos" view>: “cards” ${values} (grid, list); the default applies.`,
  ]);
  // Said once, also when another attribute's change has the widget read them all again.
  await page.locator("#typos").evaluate((el) => el.setAttribute("hide-filters", ""));
  await page.locator("#typos").getByRole("checkbox").first().waitFor({ state: "detached" });
  await page.waitForTimeout(200);
  assert.equal(said.length, 13, said.join(" | "));
});

test("printed, the directory lists every member found, not the page shown (the pager does not print), up to 500 with a line saying so, and shows its page again after", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.getByRole("article").first().waitFor();
  const cards = () => dir.getByRole("article").count();
  const shown = await cards();
  assert.ok(shown < feed.members.length, "more members than a page");
  // A card's name focused as the visitor prints keeps the focus.
  await dir.getByRole("article").nth(2).getByRole("button").focus();
  const focused = () => dir.evaluate((el) => el.shadowRoot.activeElement?.closest("article")?.querySelector("h3")?.textContent);
  const name = await focused();
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await cards(), feed.members.length, "every member on paper");
  assert.equal(await focused(), name);
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await cards(), shown, "the page again on screen");
  assert.equal(await focused(), name);
  // 520 members: the first 500, and a line saying so.
  const many = { ...feed, members: Array.from({ length: 520 }, (_, i) => ({ id: `m${i}`, name: `Member ${String(i).padStart(3, "0")}` })) };
  await page.route("**/www/feeds/many.json", (route) => route.fulfill({ json: many }));
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/many.json"));
  await dir.locator("[part=count]").filter({ hasText: "520 socis" }).waitFor();
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await cards(), 500);
  await dir.getByText("Només s’imprimeixen els 500 primers socis.").waitFor();
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await dir.getByText("Només s’imprimeixen").count(), 0);
  assert.equal(await cards(), shown);
});

test("printed, every widget is dark text on white whatever its theme, without the controls that only work on a screen", async ({ page, url }) => {
  await page.goto(url("index.html"));
  const widgets = page.locator("clusterkit-directory, clusterkit-chart, clusterkit-calendar");
  await widgets.evaluateAll((els) => els.forEach((el) => el.setAttribute("theme", "dark")));
  const dir = page.locator("#dir");
  await dir.getByRole("article").first().waitFor();
  await page.locator("clusterkit-calendar").getByRole("grid").waitFor();
  // A member's profile open when the visitor prints.
  await dir.getByRole("article").first().getByRole("button").first().click();
  await dir.getByRole("dialog").waitFor();
  const ink = () =>
    page.evaluate(() => {
      const luminance = (css) => {
        // rgb(31, 35, 40), or color(srgb 0.12 0.14 0.16 / 0.68) from a color-mix().
        const scale = css.startsWith("color(") ? 1 : 255;
        const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((c) => (c / scale <= 0.04045 ? c / scale / 12.92 : ((c / scale + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const texts = [];
      for (const host of document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")) {
        for (const el of host.shadowRoot.querySelectorAll("h2, h3, .ck-meta, .ck-count, svg text, td")) {
          if (el.getClientRects().length) texts.push(luminance(getComputedStyle(el).color ?? "") ?? 1);
        }
      }
      return texts;
    });
  const onScreen = await ink();
  assert.ok(onScreen.every((l) => l > 0.3), `on screen, the dark theme's text is light: ${onScreen.map((l) => l.toFixed(2)).join(" ")}`);
  await page.emulateMedia({ media: "print" });
  const printed = await ink();
  assert.ok(printed.length > 30, `texts printed: ${printed.length}`);
  // Dark text: at least 7:1 on white paper.
  assert.ok(printed.every((l) => 1.05 / (l + 0.05) >= 7), `dark ink: ${printed.map((l) => l.toFixed(2)).join(" ")}`);
  for (const [widget, hidden] of [
    ["#dir", ["searchbox", "combobox", "checkbox", "dialog"]],
    ["clusterkit-calendar", ["searchbox"]],
  ]) {
    for (const role of hidden) assert.equal(await page.locator(widget).getByRole(role).filter({ visible: true }).count(), 0, `${widget}: no ${role} printed`);
  }
  assert.equal(await page.locator("clusterkit-calendar").getByRole("button", { name: "Mes següent" }).isVisible(), false, "no month buttons printed");
  await page.emulateMedia({ media: "screen" });
  await dir.getByRole("dialog").waitFor();
});

test("sync-url keeps the directory's view in one parameter, and back walks through it", async ({ page, url, warnings }) => {
  const feed = feedOf("galicia");
  await page.goto(url("tests/e2e/pages/sync-url.html?s=1&p=2&page=3"));
  const dir = page.locator("#members");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socios` }).waitFor();
  await dir.getByRole("checkbox", { name: /^Peme/ }).check();
  await page.waitForFunction(() => location.search.includes("ck-members=kind:sme"));
  assert.equal(new URL(page.url()).search, "?s=1&p=2&page=3&ck-members=kind:sme", "the CMS parameters untouched");
  const other = page.locator("#other");
  await other.getByRole("checkbox", { name: /^Peme/ }).check();
  await page.waitForFunction(() => location.search.includes("ck-p=kind:sme"));
  assert.equal(new URL(page.url()).search, "?s=1&p=2&page=3&ck-members=kind:sme&ck-p=kind:sme", "sync-url=\"p\" leaves WordPress' p alone");
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("ck-p"));
  assert.equal(await other.getByRole("checkbox", { name: /^Peme/ }).isChecked(), false, "back unticks");
  assert.equal(await dir.getByRole("checkbox", { name: /^Peme/ }).isChecked(), true, "the other directory keeps its choice");
  await page.reload();
  await dir.getByRole("checkbox", { name: /^Peme/ }).waitFor();
  assert.equal(await dir.getByRole("checkbox", { name: /^Peme/ }).isChecked(), true, "a link restores the view");
  assert.equal(warnings.filter((w) => w.includes("sync-url")).length, 0, "one directory, no warning");

  // A search is one entry, made at its first keystroke and kept up to date as the visitor
  // types on: back returns to the view before it, on this page, and forward to the search.
  const box = dir.getByRole("searchbox");
  await box.pressSequentially("vigo");
  await page.waitForFunction(() => /ck-members=q:vigo;kind:sme$/.test(location.search));
  // One entry for the whole word: back goes to before its first letter, not to "vig".
  await page.goBack();
  await page.waitForFunction(() => /ck-members=kind:sme$/.test(location.search));
  assert.equal(await box.inputValue(), "", "back empties the box");
  await page.goForward();
  await page.waitForFunction(() => location.search.includes("q:vigo"));
  assert.equal(await box.inputValue(), "vigo", "forward types it again");

  // A router's state on the entry stays as a search is typed on in place (Turbo ignores an
  // entry without its own), and a <base href> on another host does not stop the URL from
  // following. (Typed in one go, so that the second letter types on the search the first
  // began, and is not a new search after a pause.)
  await page.evaluate(async () => {
    const input = document.querySelector("#members").shadowRoot.querySelector("input[type=search]");
    const type = (value) => {
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    };
    type("v");
    while (!location.search.includes("q:v;")) await new Promise((r) => setTimeout(r, 10));
    history.replaceState({ router: 7 }, "");
    const base = document.createElement("base");
    base.href = "https://elsewhere.example/";
    document.head.prepend(base);
    type("vi");
  });
  await page.waitForFunction(() => location.search.includes("q:vi;"));
  assert.deepEqual(await page.evaluate(() => history.state), { router: 7 }, "the router's state kept");
  await page.evaluate(() => document.querySelector("base").remove());

  // Two directories without ids would keep their views in one parameter: said once.
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) {
      const el = document.createElement("clusterkit-directory");
      el.setAttribute("feed", "/www/feeds/madrid.json");
      el.setAttribute("sync-url", "");
      el.setAttribute("lang", "en");
      document.body.append(el);
    }
  });
  await page.locator("clusterkit-directory:not([id])").nth(1).locator("[part=count]").filter({ hasText: /members/ }).waitFor();
  assert.deepEqual(
    warnings.filter((w) => w.includes("sync-url")),
    ["clusterkit: Two directories keep their view in the same URL parameter, “ck-dir”: give each an id or a sync-url value of its own."],
  );
});

test("a screen reader hears each change once: not the count again as a profile closes with sync-url, nor after \"clear all\" that moves the focus to it; back to a page says the page", async ({ page, url }) => {
  const feed = feedOf("galicia");
  await page.goto(url("tests/e2e/pages/sync-url.html"));
  const dir = page.locator("#other");
  const count = dir.locator("[part=count]");
  await count.filter({ hasText: `${feed.members.length} socios` }).waitFor();
  // Every text written to the count's live region and to the page's.
  await dir.evaluate((el) => {
    window.heard = [];
    for (const region of el.shadowRoot.querySelectorAll(".ck-results > [role=status], .ck-results > p[aria-live]")) {
      new MutationObserver(() => region.textContent && window.heard.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    }
  });
  const heard = async () => {
    await page.waitForTimeout(1200);
    // (Trimmed: the same words said again end with a no-break space, to be a change.)
    return (await page.evaluate(() => window.heard.splice(0))).map((t) => t.trim());
  };
  // A profile opened and closed (by Escape, by back) leaves the results as they were.
  const card = dir.getByRole("article").first().getByRole("button");
  const name = await card.innerText();
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.keyboard.press("Escape");
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.goBack();
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  assert.deepEqual(await heard(), [], "nothing said as the profile closes");
  // The pager's page, then back to the first: each page said, the count never.
  await dir.getByRole("button", { name: "Páxina 2" }).click();
  await dir.locator("[aria-current=page]").filter({ hasText: "2" }).waitFor();
  assert.deepEqual(await heard(), [`Páxina 2 de ${Math.ceil(feed.members.length / 8)}`], "page-size=\"8\"");
  await page.goBack();
  await dir.locator("[aria-current=page]").filter({ hasText: "1" }).waitFor();
  assert.deepEqual(await heard(), [`Páxina 1 de ${Math.ceil(feed.members.length / 8)}`], "back says the page it shows");
  // "Clear all" hands the focus to the count, which is read out as it gets it: not again.
  await dir.getByRole("checkbox", { name: /^Peme/ }).check();
  await count.filter({ hasNotText: `${feed.members.length} socios` }).waitFor();
  const ticked = await count.textContent();
  assert.deepEqual(await heard(), [ticked], "a tick's count said once");
  await dir.getByRole("button", { name: "Borrar todo" }).click();
  await count.filter({ hasText: `${feed.members.length} socios` }).waitFor();
  assert.equal(await dir.evaluate((el) => el.shadowRoot.activeElement?.textContent), `${feed.members.length} socios`, "the focus on the count");
  assert.deepEqual(await heard(), [], "read as focused, not said again");
  // The focus staying there, the count changing under it (back to the tick) is said.
  await page.goBack();
  await count.filter({ hasText: ticked }).waitFor();
  assert.deepEqual(await heard(), [ticked], "a change under the focus is said");
  await page.goForward();
  await count.filter({ hasText: `${feed.members.length} socios` }).waitFor();
  assert.deepEqual(await heard(), [`${feed.members.length} socios`]);
  // A search typed with a space after it, then a profile opened and closed: the URL keeps
  // the search trimmed, the box its space, and nothing is said again.
  const box = dir.getByRole("searchbox");
  await box.fill("audiovisual ");
  await count.filter({ hasNotText: `${feed.members.length} socios` }).waitFor();
  await heard();
  await dir.getByRole("article").first().getByRole("button").click();
  await dir.getByRole("dialog").waitFor();
  await page.keyboard.press("Escape");
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  assert.deepEqual(await heard(), [], "nothing said as the profile closes");
  assert.equal(await box.inputValue(), "audiovisual ", "the space typed kept");
});

test("the focus stays in a widget whose layout changes with its width (zoom, larger text, a phone turned): on the filters' button for its choices, on the calendar's list for its grid", async ({ page, url }) => {
  // What has the focus, as the name a screen reader says, and the widget it is in.
  const focused = () => page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return inner ? [host.id, inner.getAttribute("aria-label") ?? inner.closest("label")?.textContent ?? inner.textContent.trim()] : [host?.localName];
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: /socis/ }).waitFor();
  const first = dir.getByRole("group", { name: "Segments" }).getByRole("checkbox").first();
  const firstName = await first.evaluate((box) => box.closest("label").textContent);
  await first.focus();
  // Narrower than 37.5em: the facets fold behind "Filters", which takes the focus.
  await page.setViewportSize({ width: 500, height: 900 });
  await page.waitForFunction(() => document.querySelector("#dir").shadowRoot.activeElement?.classList.contains("ck-filters-toggle"));
  assert.deepEqual(await focused(), ["dir", "Filtres"]);
  // Wide again: the button goes, and the first choice takes the focus.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector("#dir").shadowRoot.activeElement?.type === "checkbox");
  assert.deepEqual(await focused(), ["dir", firstName]);

  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  const day = cal.locator('td[data-day="2026-11-19"]');
  await day.click();
  await page.keyboard.press("Escape");
  await day.focus();
  // The month's grid gives way to its list: the list's first event takes the focus.
  await page.setViewportSize({ width: 500, height: 900 });
  await page.waitForFunction(() => document.querySelector("#cal").shadowRoot.activeElement?.classList.contains("ck-agenda-item"));
  // And back: the grid's day that the arrows move from.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => document.querySelector("#cal").shadowRoot.activeElement?.matches("td[data-day][tabindex='0']"));
  // A visitor's own click elsewhere is left alone: the focus goes where it goes.
  await page.locator("h1").click();
  await page.waitForTimeout(100);
  assert.deepEqual(await focused(), ["body"]);
});

test("a number of the pager pressed keeps the focus in view when the page it shows is longer", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
  const pages = Math.ceil(feed.members.length / 24);
  assert.ok(feed.members.length % 24 > 0 && feed.members.length % 24 <= 12, "a short last page");
  // The last page, short; the page before it pressed by its number.
  await dir.getByRole("button", { name: `Pàgina ${pages}` }).click();
  await dir.locator("[aria-current=page]").filter({ hasText: String(pages) }).waitFor();
  // The results' top in view (the press went there), a number of the pager focused as a
  // Tab reaches it: the page's short, its pager near.
  await page.evaluate(() => scrollBy(0, -100));
  await dir.evaluate((el, n) => el.shadowRoot.querySelector(`nav [aria-label="Pàgina ${n}"]`).focus({ preventScroll: true }), pages - 1);
  await page.keyboard.press("Enter");
  await dir.locator("[aria-current=page]").filter({ hasText: String(pages - 1) }).waitFor();
  await page.waitForTimeout(200);
  const focused = await page.evaluate(() => {
    const button = document.querySelector("#dir").shadowRoot.activeElement;
    const box = button.getBoundingClientRect();
    return [button.getAttribute("aria-label"), box.top >= 0 && box.bottom <= innerHeight + 1];
  });
  assert.deepEqual(focused, [`Pàgina ${pages - 1}`, true], "the focus on its number, in view");
});

test("with sync-url, a page script swapping the directory for a copy of itself in one task (htmx, Turbo, a PJAX script) keeps the view, and a router's state goes with each new entry", async ({ page, url, warnings }) => {
  await page.goto(url("tests/e2e/pages/sync-url.html?ck-members=q:vigo;kind:sme"));
  const count = () => page.locator("#members").locator("[part=count]").textContent();
  await page.locator("#members").locator("[part=count]").filter({ hasText: /socios?$/ }).waitFor();
  await page.waitForFunction(() => document.querySelector("#members").shadowRoot?.querySelector("input[type=search]")?.value === "vigo");
  const before = { count: await count(), length: await page.evaluate(() => history.length) };
  // The region's markup swapped for the same markup, in one task.
  await page.evaluate(() => {
    const old = document.querySelector("#members");
    old.insertAdjacentHTML("afterend", old.outerHTML);
    old.remove();
  });
  await page.waitForFunction(() => {
    const box = document.querySelector("#members").shadowRoot?.querySelector("input[type=search]");
    return box?.value === "vigo";
  });
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).search, "?ck-members=q:vigo;kind:sme", "the link's view stays in the URL");
  assert.equal(await count(), before.count, "and on screen");
  assert.equal(await page.evaluate(() => history.length), before.length, "no entry added");
  assert.deepEqual(warnings.filter((w) => w.includes("sync-url")), [], "no directory shares the parameter");

  // A router (Turbo, Swup) ignores an entry without its own state: each new one carries it,
  // the address it keeps (Swup's url) the new one.
  await page.evaluate(() => history.replaceState({ router: 7, url: location.pathname + location.search }, ""));
  await page.locator("#members").getByRole("checkbox", { name: /^Peme/ }).uncheck();
  await page.waitForFunction(() => location.search === "?ck-members=q:vigo");
  assert.deepEqual(await page.evaluate(() => history.state), { router: 7, url: "/tests/e2e/pages/sync-url.html?ck-members=q:vigo" });
  assert.equal(await page.evaluate(() => history.length), before.length + 1, "a choice is an entry");
  // Its listener, added after the script's, would load the page again for any entry with
  // its state: a move between two of the directory's views goes no further than the
  // widgets; a move from another page is the router's.
  await page.evaluate(() => {
    window.routed = [];
    addEventListener("popstate", (e) => e.state?.router && window.routed.push(location.search));
  });
  const box = page.locator("#members").getByRole("checkbox", { name: /^Peme/ });
  await box.focus();
  await page.goBack();
  await page.waitForFunction(() => location.search === "?ck-members=q:vigo;kind:sme");
  assert.equal(await box.isChecked(), true, "back ticks it again");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "members", "the focus stays in the directory");
  await page.evaluate(() => history.pushState({ router: 8 }, "", "another-page.html"));
  await page.goBack();
  await page.waitForFunction(() => location.search === "?ck-members=q:vigo;kind:sme");
  await page.waitForFunction(() => window.routed.length > 0);
  assert.deepEqual(await page.evaluate(() => window.routed), ["?ck-members=q:vigo;kind:sme"], "only the move from another page");
});

test("a page's own router, which draws its page again at every move of the back button, hears none of a dialog's: a profile or an event closed by Escape or by back keeps the visitor's search, month and focus", async ({ page, url }) => {
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.getByRole("article").first().waitFor();
  // A hand-written router (page.js, Navigo): its listener, added after the script's, draws
  // the route again at every popstate, whatever the entry's state.
  await page.evaluate(() => {
    window.routed = 0;
    addEventListener("popstate", () => window.routed++);
  });
  await dir.getByRole("searchbox").fill("films");
  const card = dir.getByRole("article").first().getByRole("button");
  const name = await card.innerText();
  for (const close of ["Escape", "back"]) {
    await card.click();
    await dir.getByRole("dialog", { name }).waitFor();
    if (close === "back") await page.goBack();
    else await page.keyboard.press("Escape");
    await dir.getByRole("dialog").waitFor({ state: "hidden" });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.routed), 0, `closed by ${close}, the router heard nothing`);
    assert.equal(await card.evaluate((b) => b.getRootNode().activeElement === b), true, `closed by ${close}, the focus is back on the card`);
  }
  // A move from another page of the site is the router's.
  await page.evaluate(() => history.pushState({}, "", "another-page.html"));
  await page.goBack();
  await page.waitForFunction(() => window.routed === 1);
  // So is a move off an entry of the site's own over an open profile (a lightbox's).
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.evaluate(() => history.pushState({ lightbox: 1 }, ""));
  await page.goBack();
  await page.waitForFunction(() => window.routed === 2);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.routed), 2, "once");

  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await page.evaluate(() => {
    window.routed = 0;
    addEventListener("popstate", () => window.routed++);
  });
  const dialog = cal.getByRole("dialog");
  for (const close of ["Escape", "back"]) {
    await cal.locator(".ck-bar", { hasText: "Winter fair" }).first().click();
    await dialog.filter({ hasText: "Winter fair" }).waitFor();
    if (close === "back") await page.goBack();
    else await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.routed), 0, `the event closed by ${close}, the router heard nothing`);
  }

  // A router that says it moved with a popstate of its own after each back (single-spa's
  // way), in a browser without the Navigation API: its own event goes on, and the
  // widget's back still goes no further.
  await page.addInitScript(() => {
    delete Window.prototype.navigation;
    delete window.navigation;
    const back = History.prototype.back;
    History.prototype.back = function () {
      back.call(this);
      dispatchEvent(new PopStateEvent("popstate", { state: { app: "notify" } }));
    };
  });
  await page.goto(url("tests/e2e/pages/calendar.html"));
  assert.equal(await page.evaluate(() => "navigation" in window), false, "no Navigation API");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await page.evaluate(() => {
    window.heard = [];
    addEventListener("popstate", (e) => window.heard.push(e.isTrusted ? "move" : e.state.app));
  });
  await cal.locator(".ck-bar", { hasText: "Winter fair" }).first().click();
  await dialog.filter({ hasText: "Winter fair" }).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.heard), ["notify"], "the router's own word only");
});

/** Opens the second member's profile in `dir`, then, as a site's router would, writes
 * another page's address and takes the directory out (the loader takes it down a task
 * later). */
async function profileLeftForAnotherPage(page, dir) {
  await dir.getByRole("article").nth(1).getByRole("button").click();
  await dir.getByRole("dialog").waitFor();
  await page.evaluate(() => {
    history.pushState({}, "", "another-page.html");
    document.getElementById("dir").remove();
  });
  await page.waitForTimeout(300);
}

test("a directory taken out of the page while its profile is open goes back over the profile's entry, unheard by the site's router even as the page's last widget, so the next back leaves the page; after the page has moved on, back and forward go past that entry, and the router hears where they land", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  const index = () => page.evaluate(() => navigation.currentEntry.index);
  // The directory alone on the page, and a router's listener, added after the script's.
  await dir.getByRole("article").first().waitFor();
  await page.evaluate(() => {
    for (const other of document.querySelectorAll("clusterkit-chart, clusterkit-calendar")) other.remove();
    window.heard = [];
    addEventListener("popstate", () => window.heard.push(location.pathname.split("/").pop()));
  });
  const start = await index();
  const card = dir.getByRole("article").nth(1).getByRole("button");
  const name = await card.innerText();
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  assert.equal(await index(), start + 1, "the profile's entry");
  await page.evaluate(() => document.getElementById("dir").remove());
  await page.waitForFunction((start) => navigation.currentEntry.index === start, start);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.heard), [], "the widgets' own move, unheard");
  await page.goBack();
  await page.waitForURL(/calendar\.html$/);
  // A site that moved to another page first keeps its entries as they are.
  await page.goto(url("index.html"));
  await page.evaluate(() => {
    window.heard = [];
    addEventListener("popstate", () => window.heard.push(location.pathname.split("/").pop()));
  });
  const again = await index();
  await profileLeftForAnotherPage(page, dir);
  assert.equal(await index(), again + 2, "the site's page stays");
  // Back from the site's page goes past the profile's entry, where a second back would have
  // done nothing a visitor sees, to the page's own; forward from there, to the site's page.
  // The router hears each landing (one that leaves an entry of `null` state alone, as
  // Turbo's and Astro's do, draws the page there).
  await page.evaluate(() => history.back());
  await page.waitForFunction((again) => navigation.currentEntry.index === again, again);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.heard), ["index.html", "index.html"], "the profile's entry and the page's own");
  await page.evaluate(() => history.forward());
  await page.waitForFunction((again) => navigation.currentEntry.index === again + 2, again);
  assert.match(page.url(), /another-page\.html$/);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.heard), ["index.html", "index.html", "another-page.html"], "the site's page");
});

test("in a browser without the Navigation API too, a directory taken out of the page while its profile is open goes back over the profile's entry, and not after the site moved to another address", async ({ page, url }) => {
  await page.addInitScript(() => {
    delete Window.prototype.navigation;
    delete window.navigation;
  });
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await page.goto(url("index.html"));
  assert.equal(await page.evaluate(() => "navigation" in window), false, "no Navigation API");
  const dir = page.locator("#dir");
  await dir.getByRole("article").nth(1).getByRole("button").click();
  await dir.getByRole("dialog").waitFor();
  await page.evaluate(() => document.getElementById("dir").remove());
  await page.waitForTimeout(300);
  // One back from there leaves the page: its profile's entry is behind it.
  await page.evaluate(() => history.back());
  await page.waitForURL(/calendar\.html$/, { timeout: 5000 });
  await page.goto(url("index.html"));
  const length = await page.evaluate(() => history.length);
  await profileLeftForAnotherPage(page, dir);
  assert.match(page.url(), /another-page\.html$/, "the site's page stays");
  assert.equal(await page.evaluate(() => history.length), length + 2);
});

test("without sync-url, the back button closes a profile and forward opens it again; closed by Escape, forward opens it too, and no entry is left that does nothing", async ({ page, url }) => {
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  const card = dir.getByRole("article").nth(2).getByRole("button");
  const name = await card.innerText();
  const address = page.url();
  const start = await page.evaluate(() => history.length);
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.goBack();
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  assert.equal(page.url(), address, "on the page still");
  await page.goForward();
  await dir.getByRole("dialog", { name }).waitFor();
  const at = await page.evaluate(() => navigation.currentEntry.index);
  await page.keyboard.press("Escape");
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  // Landed back on the page's entry, before forward is pressed.
  await page.waitForFunction((at) => navigation.currentEntry.index === at - 1 && history.state === null, at);
  await page.goForward();
  await dir.getByRole("dialog", { name }).waitFor();
  // Back from there closes it, and the next back leaves the page: no entry in between.
  await page.goBack();
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => history.length), start + 1, "one entry of its own, behind");
  assert.equal(page.url(), address);
  // Closed, then a feed without its member: forward opens nothing, and the member back in
  // a later feed does not open its profile by itself.
  await card.click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.keyboard.press("Escape");
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  const feed = feedOf("catalonia");
  await page.route("**/www/feeds/without.json", (route) => route.fulfill({ json: { ...feed, members: feed.members.filter((m) => m.name !== name) } }));
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/without.json"));
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length - 1} socis` }).waitFor();
  await page.goForward();
  await page.waitForTimeout(300);
  assert.equal(await dir.getByRole("dialog").count(), 0, "no profile of a member gone");
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/catalonia.json"));
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await dir.getByRole("dialog").count(), 0, "nor when it is back");
});

test("a new feed without the open profile's member closes the profile with the focus on the count, not on another member's card", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.getByRole("article").first().waitFor();
  // A member whose card is shown, as is the card of the member after it in the feed, which
  // takes its place there in the new feed.
  const i = await dir.evaluate((el) => {
    const shown = new Set([...el.shadowRoot.querySelectorAll(".ck-open[data-i]")].map((b) => Number(b.dataset.i)));
    return [...shown].find((i) => shown.has(i + 1));
  });
  assert.ok(i !== undefined, "two members next to each other in the feed on the first page");
  const name = text(feed.members[i].name, "ca");
  await dir.getByRole("button", { name, exact: true }).click();
  await dir.getByRole("dialog", { name }).waitFor();
  const without = { ...feed, members: feed.members.filter((_, k) => k !== i) };
  await page.route("**/catalonia-without.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(without) }));
  await dir.evaluate((el) => el.setAttribute("feed", "www/feeds/catalonia-without.json"));
  await dir.getByRole("dialog").waitFor({ state: "hidden" });
  await dir.locator("[part=count]").filter({ hasText: `${without.members.length} socis` }).waitFor();
  await page.waitForFunction(() => document.getElementById("dir").shadowRoot.activeElement !== null);
  assert.equal(await dir.evaluate((el) => el.shadowRoot.activeElement.matches("[part=count]")), true, "the focus on the count");
});

test("with sync-url a link restores the page and the open profile; back closes the profile with the focus on its card, and Escape leaves no entry behind", async ({ page, url }) => {
  const feed = feedOf("galicia");
  assert.ok(feed.members.length > 24, "two pages of 24");
  await page.goto(url("tests/e2e/pages/sync-url.html"));
  const dir = page.locator("#members");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socios` }).waitFor();
  await dir.getByRole("button", { name: "Páxina 2" }).click();
  await page.waitForFunction(() => /[?&]ck-members=[^&]*page:2/.test(location.search));
  const card = dir.getByRole("article").first();
  const name = await card.getByRole("heading").innerText();
  const opener = card.getByRole("button", { name });
  await opener.click();
  const dialog = dir.getByRole("dialog", { name });
  await dialog.waitFor();
  await page.waitForFunction(() => /[?&]ck-members=[^&]*m:/.test(location.search));
  const shared = page.url();

  // Back closes the profile, on page 2 still, with the focus on the card that opened it.
  await page.goBack();
  await dialog.waitFor({ state: "hidden" });
  assert.match(new URL(page.url()).search, /page:2/);
  assert.doesNotMatch(new URL(page.url()).search, /m:/);
  assert.equal(await opener.evaluate((b) => b.getRootNode().activeElement === b), true, "the focus is back on the card");

  // Escape closes it and goes back over its entry: the history does not grow with each look.
  const length = await page.evaluate(() => history.length);
  await opener.click();
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await page.waitForFunction(() => !/m:/.test(location.search));
  await page.goBack();
  await page.waitForFunction(() => !/page:2/.test(location.search));
  assert.equal(await dir.locator("nav [aria-current=page]").innerText(), "1", "back from page 2 is page 1, not the closed profile");
  assert.ok((await page.evaluate(() => history.length)) <= length + 1, "at most the profile's own entry, now behind");

  // The shared link opens on page 2 with the profile open.
  const fresh = await page.context().newPage();
  await fresh.goto(shared);
  await fresh.locator("#members").getByRole("dialog", { name }).waitFor();
  assert.equal(await fresh.locator("#members nav [aria-current=page]").innerText(), "2");
  // Closed, it hands the focus to its member's card, which this page shows.
  await fresh.keyboard.press("Escape");
  await fresh.locator("#members").getByRole("dialog").waitFor({ state: "hidden" });
  assert.equal(
    await fresh.locator("#members").evaluate((el) => el.shadowRoot.activeElement?.textContent),
    name,
    "the focus on the card of the profile the link opened",
  );
  // Escape went back over the profile's own entry: forward opens it again.
  assert.doesNotMatch(new URL(fresh.url()).search, /m:/);
  await fresh.goForward();
  await fresh.locator("#members").getByRole("dialog", { name }).waitFor();
  await fresh.close();
  // Opened from the link, the back button closes the profile and stays on the page, on page 2,
  // once the visitor has done something there: the view behind the profile is an entry made
  // at their first key or click (one made as the page loads, browsers' back buttons skip).
  const linked = await page.context().newPage();
  await linked.goto(shared);
  const linkedDialog = linked.locator("#members").getByRole("dialog", { name });
  await linkedDialog.waitFor();
  const loaded = await linked.evaluate(() => history.length);
  await linked.waitForTimeout(200);
  assert.equal(await linked.evaluate(() => history.length), loaded, "no entry made before the visitor does anything");
  await linkedDialog.getByRole("heading", { name }).click();
  await linked.waitForFunction((n) => history.length === n + 1, loaded);
  await linked.goBack();
  await linked.locator("#members").getByRole("dialog").waitFor({ state: "hidden" });
  assert.doesNotMatch(new URL(linked.url()).search, /m:/);
  assert.match(new URL(linked.url()).search, /page:2/);
  assert.equal(await linked.locator("#members nav [aria-current=page]").innerText(), "2");
  // No card opened it: the focus goes to its member's card, as Escape's does.
  assert.equal(
    await linked.locator("#members").evaluate((el) => el.shadowRoot.activeElement?.textContent),
    name,
    "back hands the focus to the card of the profile the link opened",
  );
  // Reloaded there and forward again: the link's entries are not made twice.
  const linkedEntries = await linked.evaluate(() => history.length);
  await linked.goForward();
  await linked.locator("#members").getByRole("dialog", { name }).waitFor();
  await linked.reload();
  await linked.locator("#members").getByRole("dialog", { name }).waitFor();
  assert.equal(await linked.evaluate(() => history.length), linkedEntries, "no entry added by the reload");
  // Closed there, it goes back over its entry as before the reload: no entry added, and back
  // from the view it leaves does not open it again.
  await linked.keyboard.press("Escape");
  await linked.locator("#members").getByRole("dialog").waitFor({ state: "hidden" });
  await linked.waitForFunction(() => !/m:/.test(location.search));
  assert.equal(await linked.evaluate(() => history.length), linkedEntries, "Escape after the reload adds no entry");
  await linked.close();

  // Two directories, each with its profile open from one link: the first key (Escape) closes
  // them, and the link's entry is left for the view with neither (back does not
  // open the other again).
  const both = await page.context().newPage();
  const [one, two] = [feed.members[0].id, feed.members[1].id];
  // The page the visitor came from, then the link.
  await both.goto(url("tests/e2e/pages/headings.html"));
  await both.goto(url(`tests/e2e/pages/sync-url.html?ck-members=m:${one}&ck-p=m:${two}`));
  await both.locator("#other").getByRole("dialog").waitFor();
  const start = await both.evaluate(() => history.length);
  await both.keyboard.press("Escape");
  await both.waitForFunction(() => !/m:/.test(location.search));
  await both.waitForTimeout(500);
  assert.match(new URL(both.url()).pathname, /sync-url\.html$/, "still on the link's page");
  assert.equal(await both.locator("clusterkit-directory dialog[open]").count(), 0, "no profile open once back to the view without them");
  assert.equal(await both.evaluate(() => history.length), start + 1, "the link's two entries, no more");
  await both.close();

  // A directory with an id and segments of its own (the README's "studios"): a link's search
  // applies within its segments, and stays in the URL (the segments once replaced it).
  const studios = await page.context().newPage();
  await studios.goto(url("tests/e2e/pages/sync-url.html?ck-studios=q:vigo"));
  await addWidget(studios, "clusterkit-directory", {
    id: "studios",
    feed: "../../../www/feeds/galicia.json",
    segments: "production animation",
    "hide-filters": "",
    "sync-url": "",
  });
  const own = studios.locator("#studios");
  await own.getByRole("article").first().waitFor();
  assert.equal(await own.getByRole("searchbox").inputValue(), "vigo", "the link's search");
  // Within its segments: each card shows one of them among its tags.
  const names = ["production", "animation"].map((id) => text(feed.segments.find((s) => s.id === id).name, "gl", "gl"));
  const tags = await own.locator("article").evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll(".ck-tag")].map((t) => t.textContent)));
  assert.ok(tags.length > 0 && tags.every((t) => t.some((n) => names.includes(n))), `every card in ${names}: ${JSON.stringify(tags)}`);
  assert.match(new URL(studios.url()).search, /ck-studios=q:vigo;seg:production,animation$/, "the link's view kept in the URL, the segments with it");
  // Back does not stay on the page that wrote its link again in its own words.
  const entries = await studios.evaluate(() => history.length);
  await studios.close();
  assert.equal(entries, 2, "the link's entry replaced, not followed by another");
});

test("in an iframe srcdoc, whose address takes no view, sync-url says so once and a profile still closes by Escape or back without leaving the page", async ({ page, url, warnings }) => {
  const feed = feedOf("madrid");
  await page.goto(url("tests/e2e/pages/attributes.html"));
  const host = url("tests/e2e/pages/srcdoc.html");
  await page.goto(host);
  const frame = page.frameLocator("iframe");
  const dir = frame.locator("clusterkit-directory");
  await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} members` }).waitFor();
  const first = (await dir.locator(".ck-open").first().textContent()).trim();
  for (const close of [() => page.keyboard.press("Escape"), () => page.evaluate(() => history.back())]) {
    await dir.locator(".ck-open").first().click();
    await dir.getByRole("dialog", { name: first }).waitFor();
    await close();
    await dir.getByRole("dialog").waitFor({ state: "hidden" });
    await page.waitForTimeout(300);
    assert.equal(page.url(), host, "still on the page");
    assert.equal(await dir.getByRole("dialog").count(), 0, "the profile closed");
  }
  // A choice still filters, and makes no history entry (the address could not show it).
  const entries = await page.evaluate(() => history.length);
  await dir.getByRole("checkbox").first().check();
  await dir.locator("[part=count]").filter({ hasNotText: `${feed.members.length} members` }).waitFor();
  assert.equal(await page.evaluate(() => history.length), entries, "no entry for the choice");
  const unwritable = warnings.filter((w) => w.includes("sync-url") && w.includes("about:srcdoc"));
  assert.equal(unwritable.length, 1, `said once: ${warnings}`);
});

test("a shared profile link to a directory in a closed <details> leaves the page usable, and opens when the visitor unfolds it, also where the browser has no checkVisibility", async ({ page, url }) => {
  for (const browser of ["today's", "without checkVisibility (Safari before 17.4)"]) {
    if (browser !== "today's") await page.addInitScript(() => delete Element.prototype.checkVisibility);
    await page.goto(url("tests/e2e/pages/hidden-profile.html?ck-dir=m:cons-dixital"));
    const dir = page.locator("#dir");
    await dir.locator(".ck-card").first().waitFor({ state: "attached" });
    await page.waitForTimeout(300);
    assert.equal(await dir.locator("dialog[open]").count(), 0, `no modal the visitor cannot see, ${browser}`);
    // A real click on the page still reaches it (an unseen modal made the page inert).
    await page.locator("summary").click();
    const profile = dir.getByRole("dialog", { name: "Cons Dixital" });
    await profile.waitFor();
    assert.ok(await profile.evaluate((d) => d.matches(":modal")), `opened as a modal once seen, ${browser}`);
    await page.keyboard.press("Escape");
    await profile.waitFor({ state: "hidden" });
    // Back to its card (or the count), not to the <summary> the browser gives it back to.
    await page.waitForFunction(() => document.getElementById("dir").shadowRoot.activeElement !== null);
    await page.waitForFunction(() => !location.search.includes("m:"));
  }
});

/** Asserts that the pager's numbers wrap as one group: "previous" or "next" shares a row with
 * numbers only when all of them are on it, never "‹ Previous 1" above "2 3". */
async function numbersTogether(dir, way) {
  const rows = await dir.locator(".ck-pager .ck-page").evaluateAll((b) => b.map((n) => Math.round(n.getBoundingClientRect().top)));
  const numbers = rows.slice(1, -1);
  assert.ok(numbers.length >= 2, `${way}: pages to show`);
  for (const end of [rows[0], rows.at(-1)]) {
    assert.ok(new Set(numbers).size === 1 || !numbers.includes(end), `${way}: the page numbers wrap as one group (${rows})`);
  }
}

test("with the text at 150% on a 360 px phone, the pager's numbers stay together between \"previous\" and \"next\"", async ({ context, url }) => {
  await onPhone(context, { viewport: { width: 360, height: 740 } }, async (page) => {
    await (await page.context().newCDPSession(page)).send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 20 } });
    await page.goto(url("tests/e2e/pages/large-text.html"));
    const dir = page.locator("#dir");
    await dir.getByRole("article").first().waitFor();
    await numbersTogether(dir, "150%");
  });
});

test("with the text at 200% on a 320 px phone, the browser's or the page's own, the directory, its profile, the chart's table and the month grid fit, and no word breaks inside", async ({ context, url }) => {
  for (const way of ["browser", "page"]) await onPhone(context, { viewport: { width: 320, height: 740 } }, async (page) => {
    if (way === "browser") {
      // The browser's own text size setting (200%), as a visitor with low vision sets it.
      await (await page.context().newCDPSession(page)).send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
    } else {
      // The page's own root size: a site's "larger text" choice, which the browser's media
      // queries know nothing of.
      await page.addInitScript(() => document.addEventListener("DOMContentLoaded", () => (document.documentElement.style.fontSize = "200%")));
    }
    await page.goto(url("tests/e2e/pages/large-text.html"));
    const dir = page.locator("#dir");
    await dir.getByRole("article").first().waitFor();
    await page.locator("#cal .ck-day-number").first().waitFor();
    /** What in `host`'s shadow root `selector` finds that reaches past the host's sides (by
     * more than the pixel a joined button's border overlaps its neighbour by). */
    const past = (host, selector) =>
      page.locator(host).evaluate((h, selector) => {
        const box = h.getBoundingClientRect();
        return [...h.shadowRoot.querySelectorAll(selector)]
          .filter((e) => e.getClientRects().length)
          .filter((e) => { const r = e.getBoundingClientRect(); return r.left < box.left - 1.5 || r.right > box.right + 1.5; })
          .map((e) => e.className || e.tagName);
      }, selector);
    assert.deepEqual(await past("#dir", ".ck-toolbar *, .ck-card, .ck-card *, .ck-pager li, .ck-pager > button"), [], `${way}: nothing in the directory cut off at its side`);
    await numbersTogether(dir, way);
    // The card's name has the card's width, not a sliver beside the logo.
    const [card, name] = await dir.locator(".ck-card").first().evaluate((c) => [c.clientWidth, c.querySelector("h3").clientWidth]);
    assert.ok(name > card * 0.6, `${way}: the name ${name} px wide in a card of ${card}`);
    await dir.locator(".ck-open").first().click();
    const dialog = dir.getByRole("dialog");
    await dialog.waitFor();
    const [whole, body] = await dialog.evaluate((d) => [d.clientWidth, d.querySelector(":scope > div").clientWidth]);
    assert.ok(body > whole * 0.7, `${way}: the profile's text ${body} px wide in a dialog of ${whole}`);
    // The close button has a line of its own above the text, which scrolls under it: what
    // it stands on is as opaque as the dialog, and no text shows through beside the ×.
    const under = await dialog.evaluate((d) => {
      const close = d.querySelector(".ck-dialog-close");
      const [bar, box] = [getComputedStyle(close).backgroundColor, getComputedStyle(d).backgroundColor];
      const button = close.querySelector("button").getBoundingClientRect();
      const around = close.getBoundingClientRect();
      return { bar, box, wrapped: d.querySelector(":scope > div").getBoundingClientRect().top >= button.bottom - 0.5, rim: around.left <= button.left - 2 && around.bottom >= button.bottom + 2 };
    });
    assert.deepEqual(under, { bar: under.box, box: under.box, wrapped: true, rim: true }, `${way}: the close button's line`);
    assert.match(under.box, /^rgb\(/, `${way}: an opaque dialog`);
    // With the browser's text size, which the page's media queries see, the button goes up
    // with the text: scrolled to its end, no line of the profile is hidden under it.
    if (way === "browser") {
      const hidden = await dialog.evaluate((d) => {
        d.scrollTop = d.scrollHeight;
        const close = d.querySelector(".ck-dialog-close button").getBoundingClientRect();
        const walker = document.createTreeWalker(d.querySelector(":scope > div"), NodeFilter.SHOW_TEXT);
        const under = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) {
            if (r.right > close.left && r.left < close.right && r.bottom > close.top && r.top < close.bottom) under.push(node.textContent.trim());
          }
        }
        return under;
      });
      assert.deepEqual(hidden, [], `${way}: no text under the close button`);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // In the list's rows too, a long real name shows whole: beside the row's logo it took six
    // lines here and lost its end to the five a card's name is cut at.
    await dir.evaluate((h) => h.setAttribute("view", "list"));
    await dir.getByRole("searchbox").fill("universitario");
    await dir.locator(".ck-open", { hasText: "Centro Universitario de Artes Audiovisuales de Madrid" }).waitFor();
    const cut = await dir.evaluate((h) =>
      [...h.shadowRoot.querySelectorAll(".ck-open")].filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
    );
    assert.deepEqual(cut, [], `${way}: names whole in the list`);
    await dir.getByRole("searchbox").fill("");
    await dir.evaluate((h) => h.setAttribute("view", "grid"));
    // The chart as a table, its accessible form: every count in view.
    await page.locator("#chart").getByRole("button", { name: "Mostrar como tabla" }).click();
    await page.locator("#chart").getByRole("table").waitFor();
    assert.deepEqual(await past("#chart", "table, th, td"), [], `${way}: the table's counts within the chart`);
    /** Texts in `host`'s shadow root, under `selector`, whose words are split across lines. */
    const broken = (host, selector) =>
      page.locator(host).evaluate((h, selector) => {
        const out = [];
        for (const el of h.shadowRoot.querySelectorAll(selector)) {
          if (!el.getClientRects().length) continue;
          const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n; (n = walk.nextNode()); ) {
            for (const m of n.data.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(n, m.index);
              range.setEnd(n, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top)));
              if (tops.size > 1) out.push(m[0]);
            }
          }
        }
        return out;
      }, selector);
    assert.deepEqual(await broken("#cal", "th, .ck-cal-nav .ck-btn, .ck-day-number"), [], `${way}: weekdays, Today and day numbers whole`);
    assert.deepEqual(await past("#cal", "table"), [], `${way}: the month within the calendar`);
    // The filters opened, on the feed with the longest segments' names: each shows whole
    // (a 60-character one took twelve lines here, and was cut at six).
    await dir.evaluate((h) => h.setAttribute("feed", "../../../www/feeds/catalonia.json"));
    await dir.getByText(/Experiencias inmersivas/).first().waitFor({ state: "attached" });
    await dir.locator(".ck-filters-toggle").click();
    const names = dir.locator(".ck-facet label > span:first-of-type");
    await names.first().waitFor();
    const cutNames = await names.evaluateAll((all) =>
      all.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
    );
    assert.ok((await names.count()) > 12, `${way}: the choices shown`);
    assert.deepEqual(cutNames, [], `${way}: the choices' names whole`);
  });
});

test("in a browser without color-mix(), the search box keeps its border, matches their highlight, and a dark narrow month's strips their colour", async ({ context, url }) => {
  // What such a browser (Chrome before 111, Firefox before 113) makes of the stylesheet: an
  // unknown function, dropped where it mixes a custom property, and @supports not (…) true.
  const withoutColorMix = (host) =>
    host.evaluate((h) => {
      for (const sheet of h.shadowRoot.adoptedStyleSheets) {
        const text = [...sheet.cssRules].map((r) => r.cssText).join("\n");
        if (text.includes("color-mix(")) sheet.replaceSync(text.replaceAll("color-mix(", "no-color-mix("));
      }
    });
  await onPhone(context, { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.goto(url("tests/e2e/pages/calendar-phone.html"));
    const cal = page.locator("#phone");
    await cal.evaluate((h) => h.setAttribute("theme", "dark"));
    await cal.locator(".ck-bar").first().waitFor();
    await withoutColorMix(cal);
    const fills = () => cal.evaluate((h) => [...h.shadowRoot.querySelectorAll(".ck-bar")].map((b) => getComputedStyle(b).backgroundColor));
    const filled = (all) => all.length > 0 && all.every((f) => f !== "rgba(0, 0, 0, 0)");
    assert.ok(filled(await fills()), `every strip filled: ${await fills()}`);
    // So with theme="auto" on a dark system.
    await page.emulateMedia({ colorScheme: "dark" });
    await cal.evaluate((h) => h.setAttribute("theme", "auto"));
    await page.waitForFunction(() => document.querySelector("#phone").shadowRoot.querySelector("[data-theme=auto]"));
    assert.ok(filled(await fills()), `every strip filled, theme="auto": ${await fills()}`);
  });
  const page = await context.newPage();
  await page.goto(url("index.html"));
  const dir = page.locator("clusterkit-directory").first();
  await dir.getByRole("article").first().waitFor();
  await withoutColorMix(dir);
  const search = dir.getByRole("searchbox");
  const border = await search.evaluate((s) => { const style = getComputedStyle(s); return [style.borderTopStyle, style.borderTopWidth]; });
  assert.deepEqual(border, ["solid", "1px"], "the search box's border");
  await search.fill("film");
  const mark = await dir.locator("mark").first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(mark, "rgba(0, 0, 0, 0)", "a match is highlighted");
  await page.close();
});

test("in forced colours (Windows High Contrast), a narrow month's event strips, a wide month's bars and today stay visible", async ({ context, url }) => {
  await onPhone(context, { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.emulateMedia({ forcedColors: "active" });
    // This month, with an event on its 10th: today is marked in the month shown.
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    const feed = { version: 1, cluster: { name: "C", timezone: "Europe/Madrid" }, events: [{ id: "e", title: "Pitch", start: `${month}-10`, end: `${month}-12` }] };
    await page.goto(url("tests/e2e/pages/calendar-phone.html"));
    await page.evaluate(({ feed, month }) => {
      const cal = document.querySelector("clusterkit-calendar");
      cal.setAttribute("timezone", "local");
      cal.setAttribute("month", month);
      cal.setAttribute("feed", `data:application/json,${encodeURIComponent(JSON.stringify(feed))}`);
    }, { feed, month });
    const cal = page.locator("#phone");
    await cal.locator(".ck-bar").first().waitFor();
    const seen = await cal.evaluate((h) => {
      const root = h.shadowRoot;
      // A fill forced colours leave alone: the browser replaces any other with the page's
      // background when it paints (computed styles still give the author's colour).
      const fill = (e) => { const style = getComputedStyle(e); return style.forcedColorAdjust === "none" ? style.backgroundColor : "forced"; };
      const cell = getComputedStyle(root.querySelector(".ck-month td:not(.ck-outside)")).backgroundColor;
      return {
        cell,
        strips: [...root.querySelectorAll(".ck-bar")].map(fill),
        today: fill(root.querySelector(".ck-today .ck-day-number")),
      };
    });
    assert.ok(seen.strips.length > 0 && seen.strips.every((s) => s !== "forced" && s !== seen.cell), `strips ${seen.strips} on cells of ${seen.cell}`);
    assert.ok(seen.today !== "forced" && seen.today !== seen.cell, `today ${seen.today} on ${seen.cell}`);
    // A wide month's titled bars lose their tint: each keeps an edge all round, the whole
    // length of its days.
    await page.setViewportSize({ width: 1280, height: 800 });
    await cal.locator(".ck-bar", { hasText: "Pitch" }).first().waitFor();
    const edges = await cal.evaluate((h) =>
      [...h.shadowRoot.querySelectorAll(".ck-bar")].map((b) => {
        const style = getComputedStyle(b);
        return ["Top", "Right", "Bottom", "Left"].every((side) => style[`border${side}Style`] === "solid" && parseFloat(style[`border${side}Width`]) >= 1);
      }),
    );
    assert.ok(edges.length > 0 && edges.every(Boolean), `every bar edged: ${edges}`);
  });
});

test("relative feed and logo URLs keep to the page's address when they were named, whatever a single-page app's router makes of it later", async ({ page, url }) => {
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(url("tests/e2e/pages/router.html"));
  // The feed, named before the router changed the address, loads from where it was named.
  await page.locator("#chart").getByRole("heading", { name: "Members by type" }).waitFor();
  assert.equal(await page.locator("#chart").getByRole("alert").count(), 0, "no error box");
  assert.deepEqual(asked.filter((p) => p.endsWith("galicia.json")), ["/www/feeds/galicia.json"]);
  // An inline feed's logo, drawn after the router moves on, still resolves against the page.
  const dir = page.locator("#dir");
  await dir.getByRole("article").first().waitFor();
  await page.evaluate(() => history.pushState(null, "", "/shop/cart/step2"));
  await dir.getByRole("button", { name: /next page/i }).click();
  await dir.getByRole("heading", { name: "Beta Films" }).waitFor();
  assert.equal(await dir.locator(".ck-logo img").getAttribute("src"), url("tests/e2e/pages/logos/beta.svg"));
});

test("a page opened from a file (file://) says in the console to open it from a web server, and its error boxes offer no reload that cannot help", async ({ page, errors, warnings }) => {
  await page.goto(pathToFileURL(join(ROOT, "tests/e2e/pages/sync-url.html")).href);
  const box = page.locator("#members").getByRole("alert");
  await box.filter({ hasText: "Algo fallou neste trebello." }).waitFor();
  assert.equal(await box.getByRole("button").count(), 0, "no reload button");
  assert.ok(warnings.some((w) => w.includes("opened from a file (file://)") && w.includes("web server")), `told: ${warnings}`);
  // The browser's own refusals of the file: fetches (some app shells allow them, so the
  // loader still asks) are what the test is about.
  const refused = errors.filter((e) => e.includes("file:///") && e.includes("CORS"));
  assert.ok(refused.length > 0, "the fetch was refused");
  errors.splice(0, errors.length, ...errors.filter((e) => !refused.includes(e)));
}, { networkErrors: true });

test("on a page served as XHTML (application/xhtml+xml) the three widgets draw, filter and open their dialogs", async ({ page, url }) => {
  const response = await page.goto(url("tests/e2e/pages/xhtml.xhtml"));
  assert.match(response.headers()["content-type"], /application\/xhtml\+xml/);
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: "40 socios" }).waitFor();
  assert.equal(await dir.getByRole("article").count(), 6);
  await page.locator("clusterkit-chart").getByRole("button", { name: /^Producción: 12 socios/ }).waitFor();
  await page.locator("#cal").getByRole("grid", { name: "Noviembre de 2026" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0, "no error box");
  // Markup drawn later, by a visitor's choices, too.
  await dir.getByRole("searchbox").fill("cons");
  await dir.locator("[part=count]").filter({ hasNotText: "40 socios" }).waitFor();
  await dir.locator(".ck-open").first().click();
  await dir.getByRole("dialog").waitFor();
});

test("a dark theme that comes by a stylesheet added, loaded late or enabled after the widgets drew turns them dark, and back", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/dark-late.html"));
  const chart = page.locator("#chart");
  await chart.getByRole("heading", { name: "Members by type" }).waitFor();
  const backdrop = (value) =>
    page.waitForFunction((value) => document.getElementById("chart").shadowRoot.querySelector(".ck-root[data-backdrop]")?.dataset.backdrop === value, value, { timeout: 3000 });
  await backdrop("light");
  // Loaded as optimizers load CSS "asynchronously": for print, then for all once loaded.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement("link"), { id: "dark", rel: "stylesheet", href: "dark-page.css", media: "print" });
    link.onload = () => (link.media = "all");
    document.head.append(link);
  });
  await backdrop("dark");
  await page.evaluate(() => (document.getElementById("dark").disabled = true));
  await backdrop("light");
});

test("with sync-url a link's page past the last, or a member the feed lacks, shows what it can and is written so in place, adding no entry", async ({ page, url }) => {
  const feed = feedOf("galicia");
  const last = Math.ceil(feed.members.length / 24);
  await page.goto(url("tests/e2e/pages/sync-url.html"));
  const entries = await page.evaluate(() => history.length);
  await page.goto(url("tests/e2e/pages/sync-url.html?ck-members=seg:nope;page:999;m:nobody"));
  const dir = page.locator("#members");
  await dir.getByRole("article").first().waitFor();
  await page.waitForFunction(() => !/page:999|m:nobody/.test(location.search));
  assert.equal(new URL(page.url()).search, `?ck-members=page:${last}`, "the last page, no profile, the unknown segment left out");
  assert.equal(await dir.locator("nav [aria-current=page]").innerText(), String(last));
  assert.equal(await dir.getByRole("dialog").count(), 0, "no profile");
  assert.equal(await page.evaluate(() => history.length), entries + 1, "written in place: the link's one entry, as any link's");
});

test("with the browser's page translation on, counts, chips, pages and a month's status follow the visitor, names stay as they are, and the page's widgets keep their language", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  const inSegments = (...ids) => feed.members.filter((m) => (m.segments ?? []).some((s) => ids.includes(s))).length;
  await page.goto(url("tests/e2e/pages/translated.html"));
  const [dir, chart, cal] = ["#dir", "#chart", "#cal"].map((id) => page.locator(id));
  await dir.getByRole("article").first().waitFor();
  await chart.locator("[data-k]").first().waitFor();
  await cal.locator("table").waitFor();
  await page.evaluate(() => window.translator.on());
  // What the visitor sees: the translator's text, standing in for ours.
  const seen = (locator) => locator.evaluate((e) => e.textContent);
  const count = dir.locator("[part=count]");
  // Waits for `host`'s `selector` to show `text`; if it does not, says what it shows.
  const sees = async (host, selector, text) => {
    const shows = ([host, selector, text]) => document.querySelector(host).shadowRoot.querySelector(selector)?.textContent === text;
    await page.waitForFunction(shows, [host, selector, text], { timeout: 3000 }).catch(async () => {
      assert.equal(await seen(page.locator(host).locator(selector).first()), text, `${host} ${selector}`);
    });
  };
  await dir.getByRole("checkbox", { name: /^\[DE\] Producció/ }).check();
  await sees("#dir", "[part=count]", `[DE] ${inSegments("production")} socis`);
  await dir.getByRole("checkbox", { name: /^\[DE\] Serveis de producció/ }).check();
  await sees("#dir", "[part=count]", `[DE] ${inSegments("production", "production-services")} socis`);
  await sees("#dir", ".ck-badge", "[DE] 2");
  // The first chip removed: the one left names the choice left.
  await dir.locator(".ck-chip").first().click();
  await sees("#dir", "[part=count]", `[DE] ${inSegments("production-services")} socis`);
  assert.deepEqual(await dir.locator(".ck-chip").evaluateAll((chips) => chips.map((c) => c.textContent)), ["[DE] Serveis de producció[DE]  ×"]);
  await dir.locator(".ck-chip").first().click();
  await sees("#dir", "[part=count]", `[DE] ${feed.members.length} socis`);
  // Said once settled, to a screen reader, as shown.
  await sees("#dir", "[role=status]", `[DE] ${feed.members.length} socis`);
  // The last of 15 pages: each page's button shows its own number.
  await dir.getByRole("button", { name: "Pàgina 15" }).click();
  await dir.locator(".ck-page[aria-current=page][aria-label='Pàgina 15']").waitFor();
  const pages = await dir.locator(".ck-page[aria-label]").evaluateAll((buttons) => buttons.map((b) => [b.textContent, b.getAttribute("aria-label")]));
  assert.ok(pages.length > 3 && pages.every(([shown, label]) => shown === `[DE] ${label.replace(/\D/g, "")}`), JSON.stringify(pages));
  // Names are no words to translate: "Blanco y Negro" is not "Schwarz und Weiß".
  const names = await dir.locator(".ck-open").evaluateAll((open) => open.map((o) => o.textContent));
  assert.ok(names.length > 0 && names.every((n) => !n.includes("[DE]")), JSON.stringify(names));
  await dir.locator(".ck-open").first().click();
  const profile = dir.getByRole("dialog");
  await profile.waitFor();
  assert.equal(await profile.locator("h2").evaluate((h) => h.textContent), names[0], "the profile's name untranslated");
  await page.keyboard.press("Escape");
  await profile.waitFor({ state: "hidden" });
  // An empty month's status goes with the month: July has an event.
  assert.equal(await seen(cal.locator(".ck-status")), "[DE] Agost de 2026. [DE] No hi ha cap esdeveniment aquest mes.");
  await cal.locator("[data-act=prev]").click();
  await cal.locator(".ck-bar").first().waitFor();
  assert.equal(await seen(cal.locator(".ck-status")), "", "no status in a month with an event");
  // The calendar's count of a search, and none without one.
  await cal.getByRole("searchbox").fill("talent");
  // Talent Week, and its pitching session, both in November, not in the July shown.
  await sees("#cal", ".ck-cal-count", "[DE] 2 esdeveniments trobats, cap aquest mes");
  await cal.getByRole("searchbox").fill("");
  await sees("#cal", ".ck-cal-count", "");
  // The translator's `lang` on <html> is not the page's: the chart stays Catalan.
  assert.ok((await chart.evaluate((h) => h.shadowRoot.textContent)).includes("[DE] Socis per segment"), "the chart still in Catalan");
  // So is one added while the page is translated.
  await page.evaluate(() => {
    const late = Object.assign(document.createElement("clusterkit-chart"), { id: "late" });
    late.setAttribute("feed", document.querySelector("#chart").getAttribute("feed"));
    document.querySelector("main").append(late);
  });
  await page.locator("#late [data-k]").first().waitFor();
  assert.ok((await page.locator("#late").evaluate((h) => h.shadowRoot.textContent)).includes("Socis per segment"), "a chart added meanwhile in Catalan");
  // Translation off: our own words again, none of the translator's left.
  await page.evaluate(() => window.translator.off());
  assert.equal(await seen(count), `${feed.members.length} socis`);
  for (const host of [dir, chart, cal, page.locator("#late")]) assert.equal(await host.evaluate((h) => h.shadowRoot.querySelectorAll("font").length), 0);
});

test("heading-level puts each widget's heading, and its cards' or months', under the page's own", async ({ page, url, warnings }) => {
  await page.goto(url("tests/e2e/pages/headings.html"));
  const [dir, chart, cal, odd] = ["#dir", "#chart", "#cal", "#odd"].map((id) => page.locator(id));
  await dir.getByRole("article").first().waitFor();
  await chart.locator("[data-k]").first().waitFor();
  await odd.locator("[data-k]").first().waitFor();
  await cal.locator(".ck-agenda-month").first().waitFor();
  // The levels as the browser gives them to a screen reader (Playwright's own role queries
  // take an <h3>'s level from its tag).
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const levels = {};
  for (const n of nodes.filter((n) => n.role?.value === "heading")) {
    (levels[n.name?.value] ??= []).push(n.properties?.find((p) => p.name === "level")?.value.value);
  }
  assert.deepEqual(levels["Directori de socis"], [3]);
  assert.deepEqual(levels["Calendari d’esdeveniments"], [3]);
  // The chart at 3, and beside it one whose level 7 is none: at 2, the default.
  assert.deepEqual(levels["Socis per segment"].sort(), [2, 3]);
  const cards = await dir.locator("article h3").allTextContents();
  assert.ok(cards.length === 24 && cards.every((name) => levels[name]?.includes(4)), "each card's name one level below");
  const months = await cal.locator(".ck-agenda-month h3").allTextContents();
  assert.ok(months.length > 0 && months.every((month) => levels[month]?.[0] === 4), "the list's months one level below");
  assert.deepEqual(
    warnings.filter((w) => w.includes("heading-level")),
    ['clusterkit: <clusterkit-chart id="odd" heading-level>: «7» no és cap dels valors que admet (1, 2, 3, 4, 5, 6); s’aplica el valor per defecte.'],
  );
});

test("a site's sticky header, or bars stacked, or an app's scrolling main, do not hide the results' top that the pager brings back into view", async ({ page, url }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  // Where the count should come, below what covers the view's top: [at least, at most].
  for (const [variant, from, to] of [["sticky", 90, 150], ["stack", 92, 150], ["shadow", 70, 130], ["shell", 60, 120], ["padding", 110, 170]]) {
    await page.goto(url(`tests/e2e/pages/sticky-header.html?variant=${variant}`));
    const dir = page.locator("#dir");
    await dir.getByRole("article").first().waitFor();
    const countTop = () => dir.evaluate((el) => el.shadowRoot.querySelector("[part=count]").getBoundingClientRect().top);
    for (const [name, current] of [["Pàgina 2", "2"], ["Pàgina següent", "3"]]) {
      await dir.getByRole("button", { name }).scrollIntoViewIfNeeded();
      // Out of view, or under the bars (where `scrollIntoViewIfNeeded` may leave it).
      assert.ok((await countTop()) < from, `${variant}: the count out of view`);
      await dir.getByRole("button", { name }).click();
      await dir.locator("[aria-current=page]").filter({ hasText: current }).waitFor();
      // At once, not glided by the site's smooth scrolling: read right after.
      const top = await countTop();
      assert.ok(top >= from && top < to, `${variant}: the count just below what covers the view's top (${from} px), at ${top} px`);
      assert.equal(await dir.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("part")), "count", `${variant}: the focus on the count`);
    }
  }
});

test("two widgets of a kind on one page are told apart by their labels: landmarks, pagers and headings", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/labels.html"));
  for (const id of ["#all", "#founders"]) await page.locator(id).getByRole("article").first().waitFor();
  for (const id of ["#chart", "#other-chart"]) await page.locator(`${id} [data-k]`).first().waitFor();
  for (const id of ["#cal", "#fairs"]) await page.locator(`${id} .ck-agenda-month`).first().waitFor();
  // The names a screen reader's list of landmarks and headings gives.
  const outline = async () => {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const named = (role) => nodes.filter((n) => n.role?.value === role && !n.ignored).map((n) => n.name?.value);
    return { regions: named("region"), navigation: named("navigation"), headings: named("heading") };
  };
  const { regions, navigation, headings } = await outline();
  assert.deepEqual(regions, ["Directori de socis", "Socis fundadors", "Calendari d’esdeveniments", "Fires i mercats"]);
  assert.deepEqual(navigation, ["Pàgines", "Pàgines, Socis fundadors"]);
  for (const h of ["Directori de socis", "Socis fundadors", "Socis per segment", "Segments del clúster", "Calendari d’esdeveniments", "Fires i mercats"]) {
    assert.ok(headings.includes(h), `a heading "${h}" in ${JSON.stringify(headings)}`);
  }
  // The chart's title is its figure's name too, and the table's caption.
  await page.locator("#other-chart").getByRole("figure", { name: "Segments del clúster" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations (landmark-unique included)");
  // Renamed, or unnamed again, by the attribute: the visitor's place is kept, the focus too.
  await page.locator("#founders").getByRole("searchbox").fill("ba");
  await page.locator("#founders").getByRole("button", { name: "Pàgina 2" }).focus();
  await page.locator("#founders").evaluate((el) => el.setAttribute("label", "Socis d’honor"));
  await page.locator("#fairs").evaluate((el) => el.removeAttribute("label"));
  await page.locator("#other-chart").evaluate((el) => el.setAttribute("label", ""));
  await page.locator("#founders").getByRole("region", { name: "Socis d’honor" }).waitFor();
  await page.locator("#founders").getByRole("navigation", { name: "Pàgines, Socis d’honor" }).waitFor();
  assert.deepEqual(
    await page.locator("#founders").evaluate((el) => [el.shadowRoot.activeElement?.textContent, el.shadowRoot.querySelector("input[type=search]").value]),
    ["2", "ba"],
  );
  await page.locator("#fairs").getByRole("region", { name: "Calendari d’esdeveniments" }).waitFor();
  await page.locator("#other-chart").getByRole("heading", { name: "Socis per segment" }).waitFor();
});

test("a page's script hears what the visitor chooses and opens: clusterkit-filter and clusterkit-open, bubbling from the element", async ({ page, url }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/e2e/pages/labels.html"));
  await page.evaluate(() => {
    window.heard = [];
    for (const type of ["clusterkit-filter", "clusterkit-open"]) {
      document.addEventListener(type, (e) => window.heard.push([e.target.id, e.type, e.detail]));
    }
  });
  const dir = page.locator("#all");
  await dir.getByRole("article").first().waitFor();
  const heard = (type) => page.evaluate((type) => window.heard.filter(([, t]) => t === type), type);
  await dir.getByRole("searchbox").fill("bar");
  await dir.getByRole("checkbox", { name: /^Pime/ }).check();
  await page.waitForFunction(() => window.heard.some(([, , d]) => d.kinds?.length));
  const filters = await heard("clusterkit-filter");
  assert.deepEqual(filters.at(-1), ["all", "clusterkit-filter", { query: "bar", segments: [], kinds: ["sme"], regions: [], cities: [] }]);
  assert.ok(filters.every(([id]) => id === "all"), "only from the directory the visitor used");
  // A profile, by its member's id in the feed.
  const card = dir.getByRole("article").first();
  const name = await card.getByRole("heading").innerText();
  await card.getByRole("button").click();
  await dir.getByRole("dialog", { name }).waitFor();
  await page.waitForFunction(() => window.heard.some(([, t]) => t === "clusterkit-open"));
  assert.deepEqual(await heard("clusterkit-open"), [["all", "clusterkit-open", { id: feed.members.find((m) => m.name === name).id }]]);
  await page.keyboard.press("Escape");
  // An event of the calendar, likewise.
  const cal = page.locator("#cal");
  const item = cal.locator(".ck-agenda-item").first();
  const title = await item.locator(".ck-agenda-title").innerText();
  await item.click();
  await cal.getByRole("dialog", { name: title }).waitFor();
  await page.waitForFunction(() => window.heard.filter(([, t]) => t === "clusterkit-open").length === 2);
  const event = feed.events.find((e) => text(e.title, "ca", feed.cluster.default_language) === title);
  assert.deepEqual((await heard("clusterkit-open"))[1], ["cal", "clusterkit-open", { id: event.id }]);

  // With sync-url, a move through the history restores the choices it finds: no change, no
  // event, from either directory (closing a profile goes back over its own entry).
  await page.goto(url("tests/e2e/pages/sync-url.html"));
  await page.evaluate(() => {
    window.heard = [];
    document.addEventListener("clusterkit-filter", (e) => window.heard.push([e.target.id, e.type, e.detail]));
  });
  const members = page.locator("#members");
  await members.getByRole("article").first().waitFor();
  await page.locator("#other").getByRole("article").first().waitFor();
  await members.getByRole("searchbox").fill("vigo");
  await settled(() => false, { timeout: 0, quiet: 300 });
  const typed = (await heard("clusterkit-filter")).length;
  assert.ok(typed >= 1, "the search heard");
  const searched = page.url();
  const first = members.getByRole("article").first();
  await first.getByRole("button").click();
  await members.getByRole("dialog").waitFor();
  await page.keyboard.press("Escape");
  await members.getByRole("dialog").waitFor({ state: "hidden" });
  // Each move once it has landed (the close's own move back too), as a visitor's are: under
  // load, one could otherwise overtake the other.
  await page.waitForURL(searched);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#members").shadowRoot.querySelector("input[type=search]").value === "");
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("#members").shadowRoot.querySelector("input[type=search]").value === "vigo");
  await settled(() => false, { timeout: 0, quiet: 400 });
  assert.deepEqual((await heard("clusterkit-filter")).slice(typed).map(([id, , d]) => [id, d.query]), [["members", ""], ["members", "vigo"]], "only the changes back and forth");
});

test("bad feeds show localized, specific messages and keep every valid entry", async ({ page, url, warnings }) => {
  const pageLoads = [];
  page.on("request", (r) => new URL(r.url()).pathname.endsWith("/bad-feeds.html") && pageLoads.push(r.url()));
  const groups = [];
  page.on("console", (m) => m.type() === "startGroupCollapsed" && groups.push(m.text()));
  await page.goto(url("tests/e2e/pages/bad-feeds.html"));
  // A comma forgotten between two members: both shown, the webmaster told where.
  await page.locator("#syntax [part=count]").filter({ hasText: "2 members" }).waitFor();
  assert.ok(warnings.some((w) => w.startsWith("(root): The data is not valid JSON: line 6, column 5: a comma is missing.")), warnings.join("\n"));
  // Cut short: the members before the cut, and every widget of that feed saying so.
  const cut = page.locator("#cut");
  await cut.locator("[part=count]").filter({ hasText: "2 socios" }).waitFor();
  const cutSaid = "Los datos no son JSON válido: línea 7, columna 30: el texto termina demasiado pronto. Solo se ha leído lo que hay antes.";
  assert.equal(await cut.locator("[part=notice]").innerText(), cutSaid);
  await page.locator("#cut-chart [part=notice]").filter({ hasText: cutSaid }).waitFor();
  assert.equal(await cut.getByRole("alert").count(), 0, "no failure");
  // Broken before its first member: the error, where it is.
  await page.locator("#early").getByRole("alert").filter({ hasText: "line 4, column 23: unexpected “'”" }).waitFor();
  const missing = page.locator("#missing").getByRole("alert");
  await missing.filter({ hasText: "HTTP 404" }).waitFor();
  // Named, so that a page with several widgets says which of them failed.
  assert.match(await missing.innerText(), /^Directorio de socios: no se han podido cargar los datos/);
  await missing.getByRole("button", { name: "Reintentar" }).waitFor();
  // The webmaster also finds why in the console, in the page's language, with the address.
  const told = warnings.filter((w) => w.startsWith("clusterkit: ") && w.includes("HTTP 404"));
  assert.deepEqual(told, [`clusterkit: ${url("tests/fixtures/e2e/does-not-exist.json")}: The data could not be loaded (HTTP 404).`]);
  await page.locator("#no-feed").getByRole("alert").filter({ hasText: "feed attribute" }).waitFor();
  // JSON that is no feed is not "no members yet"; an ftp: address is no web address, and
  // no retry can mend it.
  await page.locator("#api-error").getByRole("alert").filter({ hasText: "non un feed de clusterkit" }).waitFor();
  const ftp = page.locator("#ftp").getByRole("alert");
  await ftp.filter({ hasText: "not a web address" }).waitFor();
  assert.match(await ftp.innerText(), /^Event calendar: /);
  assert.match(await page.locator("#no-feed").getByRole("alert").innerText(), /^Members by segment: /);
  assert.equal(await ftp.getByRole("button").count(), 0, "no retry for an ftp: feed");
  // An element without a feed fetches nothing: an empty URL would be the page itself.
  assert.equal(pageLoads.length, 1, "the page is loaded once, by the browser");

  const bad = page.locator("#bad-data");
  await bad.locator("[part=count]").filter({ hasText: "3 members" }).waitFor();
  for (const name of ["Good Films", "Evil Link", "Late Joiner"]) await bad.getByRole("heading", { name }).waitFor();
  // Websites live in the profiles: the javascript: one is no link at all.
  const websiteLinks = async (name) => {
    await bad.getByRole("button", { name }).click();
    const dialog = bad.getByRole("dialog", { name });
    await dialog.waitFor();
    const n = await dialog.locator("a[target=_blank]").count();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    return n;
  };
  assert.equal(await websiteLinks("Good Films"), 1, "a safe website is a link");
  assert.equal(await websiteLinks("Evil Link"), 0, "the javascript: website is no link");
  const diagnostics = await bad.locator("details").innerText();
  // The feed's five problems, one per bad entry (tests/fixtures/e2e/bad-data.json).
  const paths = ["members[1].name", "members[2].website", "members[2].segments[1]", "members[3].id", "members[4].joined"];
  for (const path of paths) {
    assert.ok(diagnostics.includes(path), `diagnostics name ${path}`);
  }
  assert.ok(warnings.some((w) => w.includes("members[2].website")), "diagnostics also reach the console as warnings");
  // One collapsed group for the feed two elements show, in the page's language, with its
  // address and how many problems it has; each problem once.
  await page.locator("#bad-data-chart svg").first().waitFor();
  const feedUrl = url("tests/fixtures/e2e/bad-data.json");
  assert.deepEqual(groups.filter((g) => g.endsWith(feedUrl)), [`clusterkit: Problems in the data (${paths.length}): ${feedUrl}`]);
  assert.equal(warnings.filter((w) => w.startsWith("members[2].website")).length, 1, "each problem told once");

  // A feed exported as Windows-1252 (Latin-1), not UTF-8: its accents survive, and the
  // webmaster is told where it stops being UTF-8.
  const latin1 = page.locator("#windows-1252");
  await latin1.locator("[part=count]").filter({ hasText: "2 socis" }).waitFor();
  for (const name of ["Algam Ibérica", "Col·lectiu Sonor"]) await latin1.getByRole("heading", { name }).waitFor();
  assert.match(await latin1.locator(".ck-meta").first().innerText(), /Sant Joan Despí/);
  assert.ok(!(await latin1.locator(".ck-results").innerText()).includes("\uFFFD"), "no replacement character");
  assert.match(await latin1.locator("details").innerText(), /\(arrel\)\s*: no està tot en UTF-8: .*12 en total; el primer a la línia 4, columna 16/s);
}, { networkErrors: true });

test("when the wasm cannot run, every element shows an error box with a reload button", async ({ page, url, errors }) => {
  const broken = join(ROOT, "target/e2e/broken");
  mkdirSync(broken, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit.js"), join(broken, "clusterkit.js"));
  writeFileSync(join(broken, "clusterkit_bg.wasm"), "not wasm at all");
  await page.goto(url("tests/e2e/pages/broken-wasm.html"));
  const alerts = page.getByRole("alert");
  await alerts.first().waitFor();
  assert.equal(await alerts.count(), 2);
  await page.locator("clusterkit-directory").getByRole("button", { name: "Recargar a páxina" }).waitFor();
  await page.locator("clusterkit-calendar").getByRole("button", { name: "Reload the page" }).waitFor();
  // Neither ever drew: each box says which widget it is by the name it would have drawn,
  // so that a page of several says which stopped.
  const said = (tag) => page.locator(tag).getByRole("alert").locator("p").textContent();
  assert.equal(await said("clusterkit-directory"), "Directorio de socios: algo fallou neste trebello.");
  assert.equal(await said("clusterkit-calendar"), "Event calendar: Something went wrong in this widget.");
  // Not the Wasm the loader vouches for: the browser refuses it, and says so.
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes("integrity")));
});

await run();
