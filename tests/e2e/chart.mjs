// End-to-end tests of the chart element, alone and linked to a directory.
import { readFileSync } from "node:fs";
import { test, assert, settled } from "./harness.mjs";
import { feedOf, text, axeViolations, onPhone, addWidget, addWidgets, channels, contrast } from "./support.mjs";

test("Escape on a chart's tooltip only hides it: a page's dialog around the chart stays open for the next", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/charts.html"));
  await page.evaluate(() => {
    const dialog = document.createElement("dialog");
    dialog.innerHTML = '<clusterkit-chart id="in-dialog" lang="en" feed="../../../www/feeds/catalonia.json"></clusterkit-chart>';
    document.body.append(dialog);
    dialog.showModal();
    window.heard = 0;
    document.addEventListener("keydown", (e) => e.key === "Escape" && (window.heard += 1));
  });
  const chart = page.locator("#in-dialog");
  await chart.locator(".ck-mark").first().hover();
  await chart.locator(".ck-tip").waitFor();
  // The pointer goes from the mark onto its tooltip, across the gap: it stays, to be read
  // under a magnifier (WCAG 1.4.13, hoverable).
  const said = await chart.locator(".ck-tip").textContent();
  const mark = await chart.locator(".ck-mark").first().boundingBox();
  const tip = await chart.locator(".ck-tip").boundingBox();
  const x = Math.min(Math.max(tip.x + tip.width / 2, mark.x + 2), mark.x + mark.width - 2, tip.x + tip.width - 2);
  for (const y of [mark.y + mark.height / 2, tip.y + tip.height / 2]) await page.mouse.move(x, y, { steps: 6 });
  assert.equal(await chart.locator(".ck-tip").textContent(), said, "the same tooltip under the pointer");
  await page.keyboard.press("Escape");
  await chart.locator(".ck-tip").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.querySelector("dialog").open), true, "the page's dialog stays open");
  assert.equal(await page.evaluate(() => window.heard), 0, "the page's own listener did not hear it");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("dialog").open);
});

test("charts by segment, type, city and year: named marks, one tab stop, a table, accessible in each state", async ({ page, url }) => {
  const cat = feedOf("catalonia");
  const gal = feedOf("galicia");
  await page.goto(url("tests/e2e/pages/charts.html"));
  const labelsOf = (chart) => chart.getByRole("listitem").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));

  // Types of member in Galician, as a donut: the feed's counts, shares adding up to 100 %.
  const kinds = page.locator("#kinds");
  await kinds.getByRole("listitem").first().waitFor();
  const kindNames = { sme: "Peme", large: "Gran empresa", research: "Centro de investigación", other: "Outros" };
  const kindCounts = Object.keys(kindNames).map((k) => [kindNames[k], gal.members.filter((m) => m.kind === k).length]);
  kindCounts.sort((a, b) => b[1] - a[1]);
  const kindLabels = await labelsOf(kinds);
  const shares = kindLabels.map((label, i) => {
    const [, name, n, p] = label.match(/^(.+): (\d+) socios? \((\d+)\u00a0%\)$/) ?? [];
    assert.deepEqual([name, Number(n)], kindCounts[i], `slice ${i}: ${label}`);
    assert.ok(Math.abs(Number(p) - (100 * Number(n)) / gal.members.length) < 1, `its share: ${label}`);
    return Number(p);
  });
  assert.equal(shares.reduce((a, b) => a + b, 0), 100, "the shares add up to 100 %");
  assert.equal(await kinds.locator("circle[part=bar]").count(), 4, "drawn as a donut");
  // In the accessibility tree (not only in the markup), each slice is an item of the
  // drawing's list, as each bar is: "1 of 4" to a screen reader.
  for (const chart of [kinds, page.locator("#segments")]) {
    const tree = await chart.getByRole("list").first().ariaSnapshot();
    const items = tree.split("\n").filter((line) => /^  - '?listitem "/.test(line));
    assert.equal(items.length, await chart.getByRole("listitem").count(), tree);
  }
  await kinds.getByText(`«Peme» é o tipo máis frecuente, con ${kindCounts[0][1]} de ${gal.members.length} socios.`).waitFor();

  // Segments: the drawing is one tab stop; arrows, Home and End move within it, with a tooltip.
  const segments = page.locator("#segments");
  const segmentLabels = await labelsOf(segments);
  assert.equal(segmentLabels.length, cat.segments.length);
  const focused = () =>
    segments.evaluate((el) => {
      const mark = el.shadowRoot.activeElement;
      return {
        label: mark?.getAttribute("aria-label") ?? null,
        stops: el.shadowRoot.querySelectorAll("[data-k][tabindex='0']").length,
        tip: el.shadowRoot.querySelector(".ck-tip")?.textContent ?? null,
      };
    });
  await segments.getByRole("button", { name: "Mostra com a taula" }).focus();
  await page.keyboard.press("Tab");
  assert.deepEqual(await focused(), { label: segmentLabels[0], stops: 1, tip: segmentLabels[0] });
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await focused(), { label: segmentLabels[1], stops: 1, tip: segmentLabels[1] });
  await page.keyboard.press("End");
  assert.equal((await focused()).label, segmentLabels.at(-1));
  await page.keyboard.press("ArrowRight");
  assert.equal((await focused()).label, segmentLabels.at(-1), "the last stays last");
  await page.keyboard.press("Home");
  assert.equal((await focused()).label, segmentLabels[0]);
  // Narrowed (a phone turned upright), the chart redraws for its width and keeps the focus.
  const viewBox = () => segments.evaluate((el) => el.shadowRoot.querySelector("svg").getAttribute("viewBox"));
  const wide = await viewBox();
  await segments.evaluate((el) => (el.style.width = "320px"));
  await page.waitForFunction((before) => {
    const svg = document.querySelector("#segments").shadowRoot.querySelector("svg");
    return svg && svg.getAttribute("viewBox") !== before;
  }, wide);
  assert.deepEqual(await focused(), { label: segmentLabels[0], stops: 1, tip: segmentLabels[0] }, "focus and tooltip kept");
  await segments.evaluate((el) => (el.style.width = ""));
  await page.keyboard.press("Tab");
  assert.equal((await focused()).label, null, "one Tab leaves the drawing");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, drawn");

  // Cities: the three largest, then the rest together, also as a table.
  const cities = page.locator("#cities");
  const byCity = new Map();
  for (const m of cat.members) if (m.city) byCity.set(m.city, (byCity.get(m.city) ?? 0) + 1);
  const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const ranked = [...byCity].sort((a, b) => b[1] - a[1] || (fold(a[0]) < fold(b[0]) ? -1 : 1));
  const rest = ranked.slice(3);
  // Members without a city are a part of their own, last, so that the parts make the whole.
  const nowhere = cat.members.filter((m) => !m.city).length;
  const expectedRows = [
    ...ranked.slice(0, 3).map(([c, n]) => [c, String(n)]),
    [`${rest.length} llocs més`, String(rest.reduce((a, [, n]) => a + n, 0))],
    ...(nowhere > 0 ? [["Sense ciutat", String(nowhere)]] : []),
  ];
  assert.equal(expectedRows.reduce((a, [, n]) => a + Number(n), 0), cat.members.length, "every member counted once");
  // The focused mark's ring is in the text colour: the focus colour is also the palette's
  // first, the colour of the first city's bar.
  await cities.getByRole("button", { name: "Mostra com a taula" }).focus();
  await page.keyboard.press("Tab");
  const ring = await cities.evaluate((el) => {
    const bar = el.shadowRoot.activeElement.querySelector(".ck-value");
    const s = getComputedStyle(bar);
    return { stroke: s.stroke, fill: s.fill, width: s.strokeWidth };
  });
  assert.notEqual(ring.stroke, ring.fill, `the first bar's ring stands out from its fill: ${JSON.stringify(ring)}`);
  assert.equal(ring.width, "3px");
  const toggle = cities.getByRole("button", { name: "Mostra com a taula" });
  await toggle.click();
  const table = cities.getByRole("table", { name: "Socis per ciutat" });
  await table.waitFor();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  const pressedFocus = () => cities.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("aria-pressed") ?? null);
  assert.equal(await pressedFocus(), "true", "the toggle keeps the focus");
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].slice(0, 2).map((c) => c.textContent)),
  );
  assert.deepEqual(rows, expectedRows);
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, as a table");
  await toggle.click();
  await cities.getByRole("listitem").first().waitFor();

  // Downloads: the data as CSV (plain numbers, each share the counts' own to a decimal, as
  // a spreadsheet would work it out), the drawing as SVG with its colours written in.
  const saved = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), cities.getByRole("button", { name }).click()]);
    return [download.suggestedFilename(), readFileSync(await download.path(), "utf8")];
  };
  const [csvName, csv] = await saved("Baixa les dades (CSV)");
  // Named after the title the visitor reads, so that two charts of a page save apart.
  assert.equal(csvName, "socis-per-ciutat.csv");
  // Catalan: fields parted by semicolons, which Excel in Catalan, Spanish or Galician reads
  // as columns (a comma-separated row is one cell there).
  const csvRows = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((line) => line.split(";"));
  assert.deepEqual(csvRows[0], ["Ciutat", "Socis", "Percentatge"]);
  assert.deepEqual(csvRows.slice(1).map((r) => r.slice(0, 2)), expectedRows);
  const total = csvRows.slice(1).reduce((a, r) => a + Number(r[1]), 0);
  for (const [name, n, share] of csvRows.slice(1)) {
    assert.equal(share, (Math.round((n / total) * 1000) / 10).toString().replace(".", ","), `${name}: ${n} of ${total}`);
  }
  const [svgName, svgFile] = await saved("Baixa el gràfic (SVG)");
  assert.equal(svgName, "socis-per-ciutat.svg");
  assert.match(svgFile, /^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  // A file an SVG viewer opens: XML, without HTML's entities (a percentage's no-break space
  // was written `&nbsp;`, and no viewer opened the file).
  const xmlError = (file) => page.evaluate((f) => new DOMParser().parseFromString(f, "image/svg+xml").querySelector("parsererror")?.textContent ?? null, file);
  assert.match(svgFile, /\u00a0%/, "a share in the file");
  assert.equal(await xmlError(svgFile), null);
  assert.equal((svgFile.match(/part="bar"/g) ?? []).length, expectedRows.length);
  assert.match(svgFile, /part="bar"[^>]* fill="rgb\(26, 86, 184\)"/, "the first palette colour, written in");
  // Named by the chart's title, which in the page only its figure and heading say (a name
  // of the drawing's own made screen readers say it a third time).
  assert.equal(await cities.evaluate((el) => el.shadowRoot.querySelector("svg").hasAttribute("aria-label")), false);
  assert.match(svgFile, /^<svg[^>]*><title>Socis per ciutat<\/title><rect width="100%" height="100%" fill="rgb\(255, 255, 255\)"\/>/, "titled, the page's white behind it");
  // Drawn dark, it takes its dark background along: its light text stays readable.
  await cities.evaluate((el) => el.setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.getElementById("cities").shadowRoot.querySelector(".ck-root").dataset.theme === "dark");
  const [, darkFile] = await saved("Baixa el gràfic (SVG)");
  const paper = darkFile.match(/^<svg[^>]*><title>[^<]*<\/title><rect width="100%" height="100%" fill="rgb\((\d+), (\d+), (\d+)\)"\/>/);
  assert.ok(paper && paper.slice(1).every((c) => Number(c) < 64), `a dark background: ${darkFile.slice(0, 300)}`);
  await cities.evaluate((el) => el.removeAttribute("theme"));

  // Years, in Spanish: a column per year from the first to the last, and what stands out.
  const years = page.locator("#years");
  const joined = cat.members.filter((m) => m.joined).map((m) => Number(m.joined.slice(0, 4)));
  const [first, last] = [Math.min(...joined), Math.max(...joined)];
  const perYear = Array.from({ length: last - first + 1 }, (_, i) => joined.filter((y) => y === first + i).length);
  const busiest = perYear.indexOf(Math.max(...perYear));
  assert.equal(await years.getByRole("listitem").count(), perYear.length);
  await years
    .getByText(`De ${first} a ${last} se incorporaron ${joined.length} socios; el año con más incorporaciones fue ${first + busiest}, con ${perYear[busiest]}.`)
    .waitFor();
  // Each column is drawn as tall as its count makes it: no style of the page (nor of the
  // calendar, in the same stylesheet) reshapes a mark.
  const columns = await years.evaluate((el) => {
    const svg = el.shadowRoot.querySelector("svg");
    const scale = svg.getBoundingClientRect().height / svg.viewBox.baseVal.height;
    return [...svg.querySelectorAll("rect[part=bar]")].map((r) => [
      Math.round(Number(r.getAttribute("height")) * scale),
      Math.round(r.getBoundingClientRect().height),
    ]);
  });
  const most = Math.max(...perYear);
  const tallest = Math.max(...columns.map(([, shown]) => shown));
  assert.deepEqual(
    columns.map(([drawn, shown]) => [drawn, Math.round((shown / tallest) * most)]),
    columns.map(([drawn], i) => [drawn, perYear[i]]),
    "each column shows as tall as drawn, in proportion to its year's count",
  );

  // On a phone: the drawing is laid out again for its width, text at its own size, and no
  // label runs out of it.
  const fit = () =>
    segments.evaluate((el) => {
      const svg = el.shadowRoot.querySelector("svg");
      const box = svg.viewBox.baseVal;
      const texts = [...svg.querySelectorAll("text")].map((t) => t.getBBox());
      return {
        scale: Math.round((svg.getBoundingClientRect().width / box.width) * 100) / 100,
        inside: texts.every((b) => b.x >= 0 && b.x + b.width <= box.width + 1),
        width: box.width,
      };
    });
  assert.deepEqual(await fit(), { scale: 1, inside: true, width: await segments.evaluate((el) => Math.round(el.getBoundingClientRect().width)) });
  // Each name above its bar, whole: beside it, "Experiències immersives (VR, XR, AR, metavers
  // i videomapatge)" had two lines of 16 characters at 320 px (25 at 500 px, a sidebar's
  // width) and was cut short.
  for (const width of [320, 500]) {
    await segments.evaluate((el, width) => (el.style.width = `${width}px`), width);
    await page.waitForFunction((width) => document.querySelector("#segments").shadowRoot.querySelector("svg").viewBox.baseVal.width === width, width);
    assert.deepEqual(await fit(), { scale: 1, inside: true, width });
    assert.deepEqual(await labelsOf(segments), segmentLabels, `the same marks at ${width} px`);
    const cut = await segments.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("svg text[data-room]")].filter((t) => t.textContent.includes("…")).length,
    );
    assert.equal(cut, 0, `no name cut short at ${width} px`);
  }
  await segments.evaluate((el) => (el.style.width = ""));

  // Members, but none with a city: said so, with nothing to toggle or download.
  const nocity = page.locator("#nocity");
  await nocity.getByText("None of the 2 members has this information yet.").waitFor();
  assert.equal(await nocity.getByRole("button").count(), 0);

  // The webmaster changes the drawing: the same segments as a donut.
  await segments.evaluate((el) => el.setAttribute("type", "donut"));
  await segments.locator("circle[part=bar]").first().waitFor();
  assert.deepEqual(await labelsOf(segments), segmentLabels, "the same marks, drawn again");
});

test("a linked chart's bars say what the directory's checkboxes say, also for a shared link's search restored before the directory's index", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/linked.html") + "?ck-shared=q:barcelona;kind:sme");
  // The chart first, in the same task as the directory, which restores the link's search.
  const address = "../../../www/feeds/catalonia.json";
  await addWidgets(page, [
    ["clusterkit-chart", { id: "shared-chart", feed: address, for: "shared" }],
    ["clusterkit-directory", { id: "shared", "sync-url": "", feed: address }],
  ]);
  const dir = page.locator("#shared");
  await settled(async () => (await dir.getByRole("searchbox", { name: "Cerca socis" }).inputValue()) === "barcelona");
  const feed = feedOf("catalonia");
  const counts = async () => {
    // Each facet value's name and count, the segments' first (the directory's order).
    const boxes = await dir.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("[part=facet-option]")].map((l) => [l.querySelector("span").textContent, l.querySelector(".ck-facet-count").textContent]),
    );
    const bars = await page.locator("#shared-chart").evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("[data-k][aria-label]")].map((m) => m.getAttribute("aria-label")),
    );
    return feed.segments.map((s) => {
      const name = text(s.name, "ca", "ca");
      const bar = bars.find((b) => b.startsWith(`${name}: `));
      const box = boxes.find(([n]) => n === name)?.[1];
      return [s.id, bar?.match(/: (\d+) soci/)?.[1], box?.match(/(\d+)/)?.[1]];
    });
  };
  await settled(async () => (await counts()).every(([, bar, box]) => bar !== undefined && bar === box));
  const all = await counts();
  assert.ok(all.every(([, bar, box]) => bar === box), JSON.stringify(all));
  const total = (id) => feed.members.filter((m) => (m.segments ?? []).includes(id)).length;
  assert.ok(all.some(([id, bar]) => Number(bar) < total(id)), `the search and the kind narrow the bars: ${JSON.stringify(all)}`);
});

test("a linked chart left empty by the directory's search alone says the search, not filters no one ticked", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/linked.html"));
  const address = "../../../www/feeds/catalonia.json";
  await addWidgets(page, [
    ["clusterkit-chart", { id: "alone-chart", feed: address, for: "alone" }],
    ["clusterkit-directory", { id: "alone", feed: address }],
  ]);
  const dir = page.locator("#alone");
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("zzqq");
  const chart = page.locator("#alone-chart");
  await chart.getByText("Cap soci no coincideix amb «zzqq».").waitFor();
  // With a box ticked too, the filters are said.
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("");
  await dir.getByRole("checkbox").first().check();
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("zzqq");
  await chart.getByText("Cap soci no coincideix amb aquests filtres.").waitFor();
});

test("a chart linked to a directory toggles its facets by click or Enter and shows the directory's choices", async ({ page, url, warnings }) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/e2e/pages/linked.html"));
  const chart = page.locator("#chart");
  const dir = page.locator("#dir");
  const total = feed.members.length;
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  const inSegment = (id) => feed.members.filter((m) => (m.segments ?? []).includes(id)).length;
  const name = (id) => text(feed.segments.find((s) => s.id === id).name, "ca", "ca");
  const bar = (id) => chart.getByRole("button", { name: new RegExp(`^${name(id).replace(/[()]/g, "\\$&")}: `) });
  const pressed = async () =>
    chart.evaluate((el) => [...el.shadowRoot.querySelectorAll("[aria-pressed=true]")].map((m) => m.getAttribute("aria-label").split(":")[0]));

  // A click on a bar ticks its segment in the directory.
  await bar("post-production").click();
  await dir.locator("[part=count]").filter({ hasText: `${inSegment("post-production")} socis` }).waitFor();
  assert.ok(await dir.getByRole("checkbox", { name: new RegExp(name("post-production")) }).isChecked());
  assert.deepEqual(await pressed(), [name("post-production")]);

  // A tick in the directory shows in the chart; the two segments widen the results.
  await dir.getByRole("checkbox", { name: new RegExp(`^${name("video-games")}`) }).check();
  await chart.locator(`[aria-pressed=true][aria-label^="${name("video-games")}:"]`).waitFor();
  const either = feed.members.filter((m) => ["post-production", "video-games"].some((s) => (m.segments ?? []).includes(s))).length;
  await dir.locator("[part=count]").filter({ hasText: `${either} socis` }).waitFor();
  assert.deepEqual((await pressed()).sort(), [name("video-games"), name("post-production")].sort());
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, linked with choices");

  // Enter on the focused bar unticks it, and the focus stays on it.
  await bar("post-production").focus();
  await page.keyboard.press("Enter");
  await dir.locator("[part=count]").filter({ hasText: `${inSegment("video-games")} socis` }).waitFor();
  assert.deepEqual(await pressed(), [name("video-games")]);
  const focused = await chart.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("aria-label").split(":")[0]);
  assert.equal(focused, name("post-production"));

  // Clearing the directory's filters clears the chart's.
  await dir.getByRole("button", { name: /Esborra/ }).first().click();
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.deepEqual(await pressed(), []);

  // The directory's other choices narrow what each bar counts: a bar shows the members its
  // segment would give there, as the directory's checkbox says, and gives that many.
  const socis = (n) => (n === 1 ? "1 soci" : `${n} socis`);
  const caption = () => chart.locator("figcaption").textContent();
  assert.ok(!(await caption()).includes("Només es compten"), await caption());
  await dir.getByRole("checkbox", { name: /^Pime\b/ }).check();
  const smes = feed.members.filter((m) => m.kind === "sme");
  const smesIn = (id) => smes.filter((m) => (m.segments ?? []).includes(id)).length;
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${socis(smes.length)}$`) }).waitFor();
  const picked = feed.segments.find((s) => smesIn(s.id) > 0 && smesIn(s.id) < inSegment(s.id)).id;
  const barSays = (n) => chart.locator(`[aria-label="${name(picked)}: ${socis(n)}"]`);
  await barSays(smesIn(picked)).waitFor();
  const box = dir.getByRole("checkbox", { name: new RegExp(`^${name(picked).replace(/[()]/g, "\\$&")}`) });
  assert.match(await box.evaluate((el) => el.closest("label").textContent), new RegExp(`\\b${smesIn(picked)}\\b`));
  assert.match(await caption(), /Només es compten els socis que coincideixen amb la cerca i els filtres del directori\./);
  await bar(picked).click();
  await dir.locator("[part=count]").filter({ hasText: new RegExp(`^${socis(smesIn(picked))}$`) }).waitFor();
  assert.equal(await barSays(smesIn(picked)).count(), 1, "the pressed bar keeps its count");
  await dir.getByRole("button", { name: /Esborra/ }).first().click();
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await barSays(inSegment(picked)).waitFor();
  assert.ok(!(await caption()).includes("Només es compten"), "the whole feed again");

  // As a table, the linked chart names each segment by a toggle, pressed as its bar was.
  await chart.getByRole("button", { name: "Mostra com a taula" }).click();
  const row = (id) => chart.getByRole("table").getByRole("button", { name: name(id), exact: true });
  // Named by its caption, which on screen the heading just above says already.
  await chart.getByRole("table", { name: "Socis per segment" }).waitFor();
  assert.ok((await chart.locator("caption").evaluate((c) => c.getBoundingClientRect().height)) <= 1, "the title is not shown twice");
  await row("post-production").click();
  await dir.locator("[part=count]").filter({ hasText: `${inSegment("post-production")} socis` }).waitFor();
  assert.equal(await row("post-production").getAttribute("aria-pressed"), "true");
  await dir.getByRole("checkbox", { name: new RegExp(`^${name("video-games")}`) }).check();
  await chart.locator(`[data-t][aria-pressed=true]`, { hasText: name("video-games") }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, a linked table with choices");
  await row("post-production").click();
  await row("video-games").click();
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  assert.equal(await chart.locator("[data-t][aria-pressed=true]").count(), 0);
  await chart.getByRole("button", { name: "Mostra com a taula" }).click();
  await bar("post-production").waitFor();

  // A city ticked in the directory beyond the chart's largest places is drawn on its own,
  // pressed, and the others are one fewer; unticked from the chart, it goes back among them.
  await chart.evaluate((el) => (el.setAttribute("by", "city"), el.setAttribute("top", "2")));
  const perCity = new Map();
  for (const m of feed.members) if (m.city) perCity.set(m.city, (perCity.get(m.city) ?? 0) + 1);
  const others = perCity.size - 2;
  await chart.locator(`[aria-label^="${others} llocs més: "]`).waitFor();
  const drawn = await chart.evaluate((el) => [...el.shadowRoot.querySelectorAll("[data-k][aria-label]")].map((m) => m.getAttribute("aria-label").split(":")[0]));
  const third = [...perCity].sort((a, b) => b[1] - a[1]).map(([city]) => city).find((city) => !drawn.includes(city));
  await dir.getByRole("checkbox", { name: new RegExp(`^${third}\\b`) }).check();
  await dir.locator("[part=count]").filter({ hasText: `${perCity.get(third)} socis` }).waitFor();
  await chart.locator(`[aria-pressed=true][aria-label^="${third}:"]`).waitFor();
  assert.equal(await chart.locator(`[aria-label^="${others - 1} llocs més: "]`).count(), 1);
  await chart.locator(`[aria-label^="${third}:"]`).click();
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await chart.locator(`[aria-label^="${others} llocs més: "]`).waitFor();
  await chart.evaluate((el) => (el.removeAttribute("by"), el.removeAttribute("top")));

  // A chart `for` an id no element has yet links once a directory takes that id.
  await addWidgets(page, [
    ["clusterkit-chart", { id: "chart2", feed: "../../../www/feeds/catalonia.json", for: "later" }],
    ["clusterkit-directory", { id: "dir2", feed: "../../../www/feeds/catalonia.json" }],
  ]);
  const dir2 = page.locator("#dir2");
  await dir2.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await addWidget(page, "clusterkit-chart", { id: "chart3", feed: "../../../www/feeds/catalonia.json", for: "dir2" });
  const pressedIn = (chart, id) => page.locator(`${chart} [aria-pressed=true][aria-label^="${name(id)}:"]`);
  // The directory's id changed by a script keeps what the visitor chose and typed (it is not
  // drawn again), and takes it along: the chart for the new id shows it, the old id's none.
  await dir2.getByRole("checkbox", { name: new RegExp(`^${name("post-production").replace(/[()]/g, "\\$&")}`) }).check();
  await dir2.locator("[part=count]").filter({ hasText: `${inSegment("post-production")} socis` }).waitFor();
  await pressedIn("#chart3", "post-production").waitFor();
  await dir2.getByRole("searchbox", { name: "Cerca socis" }).fill("barcelona");
  await page.waitForTimeout(300);
  const counted = await dir2.locator("[part=count]").textContent();
  await dir2.evaluate((el) => (el.id = "later"));
  const later = page.locator("#later");
  await pressedIn("#chart2", "post-production").waitFor();
  await settled(async () => (await page.locator("#chart3 [aria-pressed=true]").count()) === 0);
  assert.equal(await later.locator("[part=count]").textContent(), counted, "the same members found");
  assert.equal(await later.getByRole("searchbox", { name: "Cerca socis" }).inputValue(), "barcelona");
  await later.getByRole("searchbox", { name: "Cerca socis" }).fill("");
  await page.locator("#chart2").getByRole("button", { name: new RegExp(`^${name("video-games")}: `) }).click();
  const inEither = feed.members.filter((m) => (m.segments ?? []).some((s) => s === "post-production" || s === "video-games")).length;
  await later.locator("[part=count]").filter({ hasText: `${inEither} socis` }).waitFor();
  await page.evaluate(() => document.getElementById("chart3").remove());
  // Two directories with one id (a page's mistake): the one renamed leaves the other its
  // choices, and its chart.
  await page.evaluate(() => {
    for (const [n, id] of ["twin-a", "twin-b"].entries()) {
      const dir = document.createElement("clusterkit-directory");
      dir.id = id;
      dir.dataset.twin = n;
      dir.setAttribute("feed", "../../../www/feeds/catalonia.json");
      document.body.append(dir);
    }
  });
  const [first, second] = [page.locator("[data-twin='0']"), page.locator("[data-twin='1']")];
  for (const twin of [first, second]) await twin.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await second.evaluate((el) => (el.id = "twin-a"));
  await addWidget(page, "clusterkit-chart", { id: "twin-chart", feed: "../../../www/feeds/catalonia.json", for: "twin-a" });
  await first.getByRole("checkbox", { name: new RegExp(`^${name("video-games")}`) }).check();
  await second.locator("[part=count]").filter({ hasText: `${inSegment("video-games")} socis` }).waitFor();
  await first.evaluate((el) => (el.id = "twin-c"));
  await page.waitForTimeout(300);
  assert.equal(await second.locator("[part=count]").textContent(), `${inSegment("video-games")} socis`, "the other keeps its choices");
  // A directory that keeps its view in the URL (`sync-url`) keeps it under the id it was
  // first drawn with, through a new id and a later drawing (a new heading level).
  await addWidget(page, "clusterkit-directory", { id: "kept", "sync-url": "", feed: "../../../www/feeds/catalonia.json" });
  const kept = page.locator("#kept");
  await kept.getByRole("checkbox", { name: new RegExp(`^${name("video-games")}`) }).check();
  await page.waitForURL(/ck-kept=seg:video-games/);
  await kept.evaluate((el) => (el.id = "renamed"));
  await page.locator("#renamed").evaluate((el) => el.setAttribute("heading-level", "3"));
  await page.locator("#renamed").getByRole("heading", { level: 3 }).first().waitFor();
  assert.equal(await page.locator("#renamed [part=count]").textContent(), `${inSegment("video-games")} socis`);
  assert.ok(!page.url().includes("ck-renamed"), page.url());
  await pressedIn("#twin-chart", "video-games").waitFor();

  // A `for` that names no directory of the page (a typo) is said once in the console: at
  // once when a bar is pressed, else 5 s after the chart is drawn.
  // A widget of the Catalan feed added to the page, with `attrs`.
  const add = (tag, attrs) => addWidget(page, tag, { feed: "../../../www/feeds/catalonia.json", ...attrs });
  await add("clusterkit-chart", { id: "lonely", for: "nobody" });
  const told = (id) => warnings.filter((w) => w.includes(`«${id}»`));
  await page.locator("#lonely [data-k]").first().click();
  await settled(() => told("nobody").length > 0);
  await page.locator("#lonely [data-k]").first().click();
  assert.deepEqual(told("nobody"), [
    "clusterkit: <clusterkit-chart id=\"lonely\" for>: no hi ha cap clusterkit-directory amb l’id «nobody» en aquesta pàgina: les seleccions del gràfic no filtren res.",
  ]);
  assert.deepEqual(told("dir"), [], "the directory the first chart names is there");
  // A chart whose directory a script adds 2 s later, and one removed before the 5 s (a
  // single-page app's next view): nothing said of either, and nothing breaks.
  await add("clusterkit-chart", { id: "early", for: "late" });
  await add("clusterkit-chart", { id: "brief", for: "gone" });
  await page.locator("#brief [data-k]").first().waitFor();
  await page.evaluate(() => document.getElementById("brief").remove());
  await page.waitForTimeout(2000);
  await add("clusterkit-directory", { id: "late" });
  await page.locator("#late [part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await page.waitForTimeout(3500);
  assert.deepEqual([told("late"), told("gone")], [[], []], "nothing said of a directory that came, nor of a chart that has gone");
  await page.locator("#early").getByRole("button", { name: new RegExp(`^${name("post-production").replace(/[()]/g, "\\$&")}: `) }).click();
  await page.locator("#late [part=count]").filter({ hasText: `${inSegment("post-production")} socis` }).waitFor();
  // The directory taken out and another added with its id (a single-page app's next view):
  // the chart, still there, shows the new one's own choices, and its bars tick them.
  await page.evaluate(() => document.getElementById("late").remove());
  await page.waitForTimeout(100);
  await add("clusterkit-directory", { id: "late" });
  await page.locator("#late [part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await settled(async () => (await page.locator("#early [aria-pressed=true]").count()) === 0);
  await page.locator("#early").getByRole("button", { name: new RegExp(`^${name("video-games")}: `) }).click();
  await page.locator("#late [part=count]").filter({ hasText: `${inSegment("video-games")} socis` }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0, "no error box anywhere");

  // A chart inside a site's own component (a shadow root) links to the directory outside
  // it, and says nothing of a directory it would not find.
  warnings.length = 0;
  await page.goto(url("tests/e2e/pages/shadow-link.html"));
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await page.locator("#inner").getByRole("button", { name: new RegExp(`^${name("post-production").replace(/[()]/g, "\\$&")}: `) }).click();
  await dir.locator("[part=count]").filter({ hasText: `${inSegment("post-production")} socis` }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(told("dir"), [], "nothing said of the directory outside the component");

  // A shared link's choices, which a directory with sync-url restores, show in its chart
  // too, whichever of the two comes first.
  for (const order of [["clusterkit-chart", "clusterkit-directory"], ["clusterkit-directory", "clusterkit-chart"]]) {
    await page.goto(url("tests/e2e/pages/linked.html") + "?ck-shared=seg:video-games");
    for (const tag of order) await add(tag, tag === "clusterkit-chart" ? { id: "shared-chart", for: "shared" } : { id: "shared", "sync-url": "" });
    await page.locator("#shared [part=count]").filter({ hasText: `${inSegment("video-games")} socis` }).waitFor();
    await page.locator(`#shared-chart [aria-pressed=true][aria-label^="${name("video-games")}:"]`).waitFor();
  }
  // With sync-url, a bar pressed is a step of its own in the history, the first too: back
  // goes to the view before it, on the same page, not to the page before.
  await page.goto(url("tests/e2e/pages/linked.html"));
  await add("clusterkit-directory", { id: "shared", "sync-url": "" });
  await add("clusterkit-chart", { id: "shared-chart", for: "shared" });
  const shared = page.locator("#shared [part=count]");
  await shared.filter({ hasText: `${total} socis` }).waitFor();
  const before = await page.evaluate(() => history.length);
  await page.locator("#shared-chart").getByRole("button", { name: new RegExp(`^${name("video-games")}: `) }).click();
  await shared.filter({ hasText: `${inSegment("video-games")} socis` }).waitFor();
  await page.waitForURL(/ck-shared=seg:video-games/);
  assert.equal(await page.evaluate(() => history.length), before + 1, "one entry for the first bar pressed");
  await page.goBack();
  await shared.filter({ hasText: `${total} socis` }).waitFor();
  assert.ok(page.url().endsWith("linked.html"), `still on the page, its view without a choice: ${page.url()}`);
  assert.equal(await page.locator("#shared-chart [aria-pressed=true]").count(), 0, "no bar pressed any more");
  await page.goForward();
  await page.locator(`#shared-chart [aria-pressed=true][aria-label^="${name("video-games")}:"]`).waitFor();
  // By city, with one chosen: every other mark fades, those that cannot be chosen too (the
  // other places together), lest they look chosen.
  await page.goto(url("tests/e2e/pages/linked.html") + "?ck-shared=city:Barcelona");
  await add("clusterkit-directory", { id: "shared", "sync-url": "" });
  await add("clusterkit-chart", { id: "cities", for: "shared", by: "city" });
  await page.locator(`#cities [aria-pressed=true][aria-label^="Barcelona:"]`).waitFor();
  const looks = await page.locator("#cities").evaluate((el) =>
    [...el.shadowRoot.querySelectorAll(".ck-mark")].map((m) => [m.getAttribute("aria-pressed"), Number(getComputedStyle(m.querySelector("[part=bar]")).opacity)]),
  );
  assert.ok(looks.some(([pressed]) => pressed === null), "a mark that cannot be chosen");
  for (const [pressed, opacity] of looks) assert.equal(opacity < 1, pressed !== "true", JSON.stringify(looks));
  // As a donut, its legend's swatches follow its slices.
  await page.locator("#cities").evaluate((el) => el.setAttribute("type", "donut"));
  await page.locator("#cities circle[part=bar]").first().waitFor();
  await page.locator(`#cities [aria-pressed=true][aria-label^="Barcelona:"]`).waitFor();
  const swatches = await page.locator("#cities").evaluate((el) =>
    [...el.shadowRoot.querySelectorAll(".ck-mark")].map((m) => {
      const swatch = el.shadowRoot.querySelector(`g[aria-hidden][data-k="${m.dataset.k}"] .ck-swatch`);
      return [m.getAttribute("aria-pressed"), Number(getComputedStyle(swatch).opacity)];
    }),
  );
  for (const [pressed, opacity] of swatches) assert.equal(opacity < 1, pressed !== "true", JSON.stringify(swatches));
  // The chosen slice stands out by its own shape too, not only by the others' fading: it is
  // wider, and its swatch outlined.
  const slices = await page.locator("#cities").evaluate((el) =>
    [...el.shadowRoot.querySelectorAll(".ck-mark")].map((m) => {
      const swatch = el.shadowRoot.querySelector(`g[aria-hidden][data-k="${m.dataset.k}"] .ck-swatch`);
      return [m.getAttribute("aria-pressed") === "true", getComputedStyle(m.querySelector("[part=bar]")).strokeWidth, getComputedStyle(swatch).strokeWidth];
    }),
  );
  const [chosenSlice, ...rest] = [...slices].sort(([a], [b]) => b - a);
  assert.ok(chosenSlice[0] && parseFloat(chosenSlice[1]) > parseFloat(rest[0][1]) && parseFloat(chosenSlice[2]) >= 2, JSON.stringify(slices));

  // A segment with no large company, once "large company" is ticked in the directory, is
  // disabled there, and its bar too: pressing it does nothing, rather than show no member.
  await page.goto(url("tests/e2e/pages/linked.html"));
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  const large = feed.members.filter((m) => m.kind === "large");
  const none = feed.segments.find((s) => feed.members.some((m) => (m.segments ?? []).includes(s.id)) && !large.some((m) => (m.segments ?? []).includes(s.id)));
  assert.ok(none, "a segment without a large company");
  await dir.getByRole("checkbox", { name: /^Gran empresa/ }).check();
  await dir.locator("[part=count]").filter({ hasText: `${large.length} socis` }).waitFor();
  await chart.locator(`[aria-disabled=true][aria-label^="${name(none.id)}:"]`).waitFor();
  assert.equal(await dir.getByRole("checkbox", { name: new RegExp(`^${name(none.id)}`) }).isDisabled(), true, "the directory disables it too");
  // (Playwright would not click a disabled control; a visitor's click still reaches it.)
  await bar(none.id).click({ force: true });
  await bar(none.id).focus();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  await dir.locator("[part=count]").filter({ hasText: `${large.length} socis` }).waitFor();
  assert.deepEqual(await pressed(), [], "nothing pressed");
  // A segment that has one stays enabled.
  const some = feed.segments.find((s) => large.some((m) => (m.segments ?? []).includes(s.id)));
  assert.equal(await chart.locator(`[aria-label^="${name(some.id)}:"]`).first().getAttribute("aria-disabled"), null);
  // Drawn again (as columns), its bar is still disabled (a column of no height: attached,
  // not visible).
  await chart.evaluate((el) => el.setAttribute("type", "column"));
  await chart.locator("svg .ck-ticks").waitFor();
  await chart.locator(`[aria-disabled=true][aria-label^="${name(none.id)}: 0 socis"]`).waitFor({ state: "attached", timeout: 5000 });

  // The directory's search counts too: with "festival" typed, the bars of the segments
  // where no member it finds works are disabled, as the directory's checkboxes are; cleared,
  // they are enabled again. Found as a visitor expects: a word of the name, description (any
  // language), city, region or a tag that begins with it, whatever its accents and case.
  await dir.getByRole("checkbox", { name: /^Gran empresa/ }).uncheck();
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  const variants = (t) => (t == null ? [] : typeof t === "string" ? [t] : Object.values(t));
  const words = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const found = feed.members.filter((m) =>
    [...variants(m.name), ...variants(m.description), m.city ?? "", m.region ?? "", ...(m.tags ?? [])].some((t) => words(t).some((w) => w.startsWith("festival"))),
  );
  const withFound = new Set(found.flatMap((m) => m.segments ?? []));
  assert.ok(withFound.size > 1 && withFound.size < feed.segments.length, `a search found in some segments: ${[...withFound]}`);
  const disabled = () =>
    chart.evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-mark[aria-disabled=true]")].map((m) => m.getAttribute("aria-label").split(":")[0]).sort());
  const expected = feed.segments.filter((s) => !withFound.has(s.id)).map((s) => name(s.id)).sort();
  const until = async (ready) => {
    for (const end = Date.now() + 5000; !(await ready()) && Date.now() < end; ) await page.waitForTimeout(50);
  };
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("festival");
  await dir.locator("[part=count]").filter({ hasText: `${found.length} socis` }).waitFor();
  await until(async () => JSON.stringify(await disabled()) === JSON.stringify(expected));
  assert.deepEqual(await disabled(), expected, "the segments without a member found are disabled");
  // With a bar pressed, the others fade, and a disabled one is fainter still, its texts greyed
  // as the directory's disabled checkbox is: the two do not look alike.
  const open = [...withFound].find((id) => !expected.includes(name(id)));
  await bar([...withFound].find((id) => id !== open)).click();
  await chart.locator("svg[data-chosen=true]").waitFor();
  const shown = (k) =>
    chart.evaluate((el, k) => {
      const mark = el.shadowRoot.querySelector(`.ck-mark[aria-label^="${k}:"]`);
      const texts = el.shadowRoot.querySelector(`g[aria-hidden][data-k="${mark.dataset.k}"] text`);
      return [Number(getComputedStyle(mark.querySelector("[part=bar]")).opacity), getComputedStyle(texts).fill];
    }, k);
  const [dead, faded] = [await shown(expected[0]), await shown(name(open))];
  assert.ok(dead[0] < faded[0] && dead[1] !== faded[1], `disabled ${dead} against faded ${faded}`);
  // As a donut, its legend's swatches too.
  await chart.evaluate((el) => el.setAttribute("type", "donut"));
  await chart.locator("circle[part=bar]").first().waitFor();
  await chart.locator(`[aria-disabled=true][aria-label^="${expected[0]}:"]`).waitFor();
  const swatch = (k) =>
    chart.evaluate((el, k) => {
      const mark = el.shadowRoot.querySelector(`.ck-mark[aria-label^="${k}:"]`);
      return Number(getComputedStyle(el.shadowRoot.querySelector(`g[aria-hidden][data-k="${mark.dataset.k}"] .ck-swatch`)).opacity);
    }, k);
  const [deadSwatch, fadedSwatch] = [await swatch(expected[0]), await swatch(name(open))];
  assert.ok(deadSwatch < fadedSwatch, `a disabled swatch ${deadSwatch} against a faded one ${fadedSwatch}`);
  await chart.evaluate((el) => el.setAttribute("type", "column"));
  await chart.locator("svg .ck-ticks").waitFor();
  await bar([...withFound].find((id) => id !== open)).click();
  await chart.locator("svg[data-chosen=false]").waitFor();
  for (const s of feed.segments.filter((s) => !withFound.has(s.id))) {
    assert.equal(await dir.getByRole("checkbox", { name: new RegExp(`^${name(s.id).replace(/[()]/g, "\\$&")}`) }).isDisabled(), true, `the directory disables ${s.id} too`);
  }
  await dir.getByRole("searchbox", { name: "Cerca socis" }).fill("");
  await dir.locator("[part=count]").filter({ hasText: `${total} socis` }).waitFor();
  await until(async () => (await disabled()).length === 0);
  assert.deepEqual(await disabled(), [], "every bar enabled again");
});

test("marks too faint for the background behind them are outlined in the text colour; printed, the chart drops its buttons", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/contrast.html"));
  const shapes = async (id) => {
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector("svg")?.style.getPropertyValue("--ck-ink"), id);
    return page.locator(`#${id}`).evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("[part=bar]")].map((shape) => ({
        name: shape.parentElement.getAttribute("aria-label").split(":")[0],
        colour: getComputedStyle(shape).color,
        stroke: getComputedStyle(shape).stroke,
        faint: shape.parentElement.hasAttribute("data-faint"),
        ink: getComputedStyle(shape.closest("svg")).color,
        ring: [...el.shadowRoot.querySelectorAll(".ck-ring")].map((r) => getComputedStyle(r).display),
      })),
    );
  };
  const check = async (id, background, faintNames) => {
    // The theme `auto` reads the page's background once it is laid out, a moment after the
    // first drawing: the marks as they settle (else, the assertions below say what differs).
    await page
      .waitForFunction(({ id, names }) => {
        const faint = [...document.getElementById(id).shadowRoot.querySelectorAll("[part=bar]")]
          .filter((shape) => shape.parentElement.hasAttribute("data-faint"))
          .map((shape) => shape.parentElement.getAttribute("aria-label").split(":")[0]);
        return JSON.stringify(faint) === JSON.stringify(names);
      }, { id, names: faintNames }, { timeout: 5000 })
      .catch(() => {});
    const drawn = await shapes(id);
    assert.ok(drawn.length >= 2, `${id}: marks drawn`);
    for (const s of drawn) {
      const ratio = contrast(channels(s.colour), background);
      assert.equal(s.faint, ratio < 3, `${id}: ${s.name} (${s.colour}, ${ratio.toFixed(2)}:1)`);
      // A bar gets an outline; a donut's slices get the ring's edges (below).
      if (s.faint && !s.ring.length) assert.equal(s.stroke, s.ink, `${id}: ${s.name} is outlined in the text colour`);
    }
    assert.deepEqual(drawn.filter((s) => s.faint).map((s) => s.name), faintNames, id);
    return drawn;
  };
  const white = [255, 255, 255];
  const darkTheme = [0x16, 0x18, 0x1c];
  const night = [0x11, 0x11, 0x11];
  await check("light", white, ["Pale"]);
  await check("dark", darkTheme, ["Blue"]);
  await check("auto", white, ["Pale"]);
  // On the site's near-black section: the dark palette, every slice standing out; the feed's
  // blue does not, and the ring gets its edges.
  assert.equal((await check("kinds", night, [])).length, 4);
  assert.deepEqual((await check("ring", night, ["Blue"]))[0].ring, ["inline"], "the ring's edges are drawn");
  assert.deepEqual((await shapes("kinds"))[0].ring, ["none"], "no edges while every slice stands out");
  // The SVG file shows the ring's edges as the page does: drawn, or not.
  for (const [id, drawn] of [["kinds", false], ["ring", true]]) {
    const chart = page.locator(`#${id}`);
    const [download] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: /\(SVG\)$/ }).click()]);
    const file = readFileSync(await download.path(), "utf8");
    const hidden = /<g class="ck-ring"[^>]* display="none"/.test(file);
    assert.equal(hidden, !drawn, `${id}: the ring's edges ${drawn ? "drawn" : "hidden"} in the file`);
  }
  // Each slice begins at a line in the colour of the background behind the chart, so two
  // slices of one colour never read as one.
  const spokes = await page.locator("#kinds").evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-spokes line")].map((l) => getComputedStyle(l).stroke));
  assert.deepEqual(spokes, Array(4).fill("rgb(17, 17, 17)"), "one line per slice, in the section's colour");
  assert.deepEqual((await shapes("light"))[0].ring, [], "bars have no ring");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations");

  // The visitor turns on the dark scheme: the automatic theme's marks are checked again.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => {
    const svg = document.getElementById("auto").shadowRoot.querySelector("svg");
    return getComputedStyle(svg).color === "rgb(230, 232, 235)" && svg.querySelector("[data-faint] [part=bar]")?.parentElement.getAttribute("aria-label").startsWith("Blue");
  }).catch(() => {});
  await check("auto", darkTheme, ["Blue"]);

  // The site's own dark-mode switch, a class on <body>: the chart without a theme takes the
  // dark palette and checks its marks against the page's new background, and again when the
  // switch goes back.
  const faintNow = (id, name) =>
    page.waitForFunction(
      ([id, name]) => {
        const faint = [...document.getElementById(id).shadowRoot.querySelectorAll("[part=bar]")].filter((s) => s.parentElement.hasAttribute("data-faint"));
        return faint.map((s) => s.parentElement.getAttribute("aria-label").split(":")[0]).join() === name;
      },
      [id, name],
    ).catch(() => {});
  const backdropOf = (id) => page.locator(`#${id}`).evaluate((el) => el.shadowRoot.querySelector(".ck-root").dataset.backdrop);
  await page.evaluate(() => document.body.classList.add("dark"));
  await faintNow("light", "Blue");
  assert.equal(await backdropOf("light"), "dark");
  await check("light", night, ["Blue"]);
  await page.evaluate(() => document.body.classList.remove("dark"));
  await faintNow("light", "Pale");
  assert.equal(await backdropOf("light"), "light");
  await check("light", white, ["Pale"]);
  // A page that restyles <html> on every frame (as scroll effects do) does not have every
  // widget measure its colours on every frame: counted in calls to getComputedStyle.
  const calls = await page.evaluate(async () => {
    let n = 0;
    const real = window.getComputedStyle;
    window.getComputedStyle = function (...args) {
      n += 1;
      return real.apply(this, args);
    };
    for (let frame = 0; frame < 60; frame += 1) {
      document.documentElement.style.setProperty("--scrolled", String(frame));
      await new Promise(requestAnimationFrame);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    window.getComputedStyle = real;
    return n;
  });
  console.log(`     getComputedStyle calls over 60 restyled frames: ${calls}`);
  assert.ok(calls < 2000, `${calls} calls to getComputedStyle over 60 restyled frames`);
  // A theme set once the chart is drawn: its marks are checked against the new theme.
  await page.locator("#dark").evaluate((el) => el.setAttribute("theme", "light"));
  await faintNow("dark", "Pale");
  await check("dark", white, ["Pale"]);

  // Printed: the drawing, its title and its summary, without the buttons or a tooltip.
  const light = page.locator("#light");
  // A hovered mark's tooltip goes with Escape, wherever the focus is (WCAG 1.4.13).
  await light.locator(".ck-mark").first().hover();
  await light.locator(".ck-tip").waitFor();
  await page.keyboard.press("Escape");
  await light.locator(".ck-tip").waitFor({ state: "detached" });
  await light.locator(".ck-mark").nth(1).hover();
  await light.locator(".ck-tip").waitFor();
  const shown = async () => {
    const buttons = light.locator("button");
    const visible = [];
    for (let i = 0; i < (await buttons.count()); i += 1) visible.push(await buttons.nth(i).isVisible());
    return visible.filter(Boolean).length;
  };
  assert.equal(await shown(), 3, "a table toggle and two downloads on screen");
  await page.emulateMedia({ media: "print" });
  assert.equal(await shown(), 0, "no button printed");
  assert.equal(await light.locator(".ck-tip").isVisible(), false, "no tooltip printed");
  const box = await light.locator("svg").boundingBox();
  assert.ok(box.width > 200 && box.height > 40, `the drawing printed (${box.width} x ${box.height})`);
  await light.getByText(/^Blue is the largest segment, with 3 of 5 members/).waitFor();
});

test("a dark page that paints no background (its color-scheme) or a gradient or a picture under light text: the widget reads it as dark", async ({ page, url }) => {
  const backdrop = (id, value) =>
    page
      .waitForFunction(([id, value]) => document.getElementById(id).shadowRoot.querySelector(".ck-root")?.dataset.backdrop === value, [id, value], { timeout: 5000 })
      .then(() => value)
      .catch(() => page.locator(`#${id}`).evaluate((el) => el.shadowRoot.querySelector(".ck-root")?.dataset.backdrop));
  // The link to the data, in the accent that reads on what is behind it.
  const link = (id) => page.locator(`#${id}`).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".ck-link")).color);
  await page.goto(url("tests/e2e/pages/color-scheme.html"));
  await page.locator("#picture").getByRole("button", { name: /^Download the data/ }).waitFor();
  assert.equal(await backdrop("canvas", "light"), "light", "the light canvas");
  assert.equal(await backdrop("gradient", "dark"), "dark", "a dark gradient");
  assert.equal(await backdrop("picture", "dark"), "dark", "a picture under light text");
  assert.equal(await backdrop("veiled", "dark"), "dark", "a veil over a picture under light text");
  assert.equal(await backdrop("ruled", "dark"), "dark", "a dark colour under a light rule");
  assert.equal(await backdrop("pattern", "light"), "light", "white under a pattern whose address names black");
  const dark = [18, 18, 18];
  // Links that read on what is behind them: the dark sections', and the brand colour's (in
  // the text's colour there, as the accent does not read on it).
  for (const [id, behind] of [["gradient", [11, 16, 32]], ["picture", dark], ["ruled", [17, 17, 17]], ["brand", [37, 99, 235]], ["pattern", [255, 255, 255]]]) {
    const ratio = contrast(channels(await link(id)), behind);
    assert.ok(ratio >= 4.5, `${id}: the link ${await link(id)} at ${ratio.toFixed(2)}:1 on the section`);
  }
  // The visitor's dark scheme: the canvas turns dark, and so do the widget's colours.
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await backdrop("canvas", "dark"), "dark", "the dark canvas");
  const ratio = contrast(channels(await link("canvas")), dark);
  assert.ok(ratio >= 4.5, `the link ${await link("canvas")} at ${ratio.toFixed(2)}:1 on the dark canvas`);
  // (Not axe-core's check here: version 4.14 takes a page without a background for white,
  // and the page's own heading, white on the dark canvas, for white on white.)
  await page.emulateMedia({ colorScheme: "light" });
  assert.equal(await backdrop("canvas", "light"), "light", "the light canvas again");
});

test("printed, a drawing laid out for a wide screen is drawn again for the paper's width, so its text is not shrunk with it", async ({ page, url }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url("tests/e2e/pages/charts.html"));
  const chart = page.locator("#segments");
  await chart.locator("svg .ck-mark").first().waitFor();
  const units = () => chart.evaluate((el) => el.shadowRoot.querySelector("svg").viewBox.baseVal.width);
  const onScreen = await units();
  assert.ok(onScreen > 900, `drawn for the screen: ${onScreen}`);
  // What the browser does as it prints (a page's own window.print() too): its events, then
  // the page laid out for paper at once, with nothing waited for in between.
  const printed = await chart.evaluate((el) => {
    window.dispatchEvent(new Event("beforeprint"));
    return el.shadowRoot.querySelector("svg").viewBox.baseVal.width;
  });
  assert.ok(printed <= 680, `drawn for the paper before the browser lays the page out: ${printed}`);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.waitForFunction((w) => document.querySelector("#segments").shadowRoot.querySelector("svg").viewBox.baseVal.width === w, onScreen);
});

test("a visitor's larger default font makes the charts' text larger too, the drawing still within its width, on a phone too", async ({ context, url }) => {
  // The text of a segment's label and the drawing's width, with the browser's fonts at `px`,
  // in a window `width` wide.
  const measure = async (px, width) => {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: px, fixed: 13 } });
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url("tests/e2e/pages/charts.html"));
      // Bars, a donut and columns.
      const measured = {};
      for (const id of ["segments", "kinds", "years"]) {
        const chart = page.locator(`#${id}`);
        await chart.getByRole("listitem").first().waitFor();
        measured[id] = await chart.evaluate((el) => {
          const figure = el.shadowRoot.querySelector("figure").getBoundingClientRect();
          const texts = [...el.shadowRoot.querySelectorAll("svg text")].map((t) => t.getBoundingClientRect());
          return {
            // One line's height: a name may take more lines at a larger size.
            text: el.shadowRoot.querySelector("svg tspan").getBoundingClientRect().height,
            // Every label and count inside the figure's width (the drawing lets text overflow).
            outside: texts.filter((t) => t.left < figure.left - 1 || t.right > figure.right + 1).length,
          };
        });
      }
      return measured;
    } finally {
      await page.close();
    }
  };
  // On a phone, twice the text leaves the drawing some 160 px: each bar's name goes above it,
  // the donut's ring is drawn as wide as that, rather than the whole drawing shrinking to fit.
  for (const width of [900, 360]) {
    const usual = await measure(16, width);
    const large = await measure(32, width);
    for (const id of Object.keys(usual)) {
      const [a, b] = [usual[id], large[id]];
      assert.ok(b.text >= 1.8 * a.text, `#${id} ${width} px wide: text ${a.text} px at 16, ${b.text} px at 32`);
      assert.equal(b.outside, 0, `#${id} ${width} px wide: every text of the drawing inside the figure at 32 px`);
      assert.equal(a.outside, 0, `#${id} ${width} px wide: every text of the drawing inside the figure at 16 px`);
    }
  }
});

test("on a phone of 320 px at twice the text, a chart's table keeps its names readable and every column in reach, scrolled sideways in its own box", async ({ context, url }) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 13 } });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(url("tests/e2e/pages/charts.html"));
  for (const [id, button] of [["cities", "Mostra com a taula"], ["years", "Mostrar como tabla"], ["kinds", "Amosar como táboa"]]) {
    const chart = page.locator(`#${id}`);
    await chart.getByRole("button", { name: button }).click();
    const table = chart.getByRole("table");
    await table.waitFor();
    const seen = await chart.evaluate((el) => {
      const box = el.shadowRoot.querySelector(".ck-table-wrap");
      const lineHeight = parseFloat(getComputedStyle(box.querySelector("tbody th")).lineHeight);
      const names = [...box.querySelectorAll("tbody th")].map((th) => [th.textContent, Math.round(th.getBoundingClientRect().height / lineHeight)]);
      const last = [...box.querySelectorAll("tbody tr")].map((tr) => tr.lastElementChild);
      box.scrollLeft = box.scrollWidth;
      const right = box.getBoundingClientRect().right;
      return {
        // A name of one word ("Barcelona", "2015") on one or two lines, not a letter a line.
        broken: names.filter(([name, lines]) => !name.includes(" ") && lines > 2),
        // Scrolled to its end, the last column in the box.
        reached: last.every((td) => td.getBoundingClientRect().right <= right + 1),
        focusable: box.tabIndex === 0,
        page: document.documentElement.scrollWidth,
      };
    });
    assert.deepEqual(seen.broken, [], `#${id}: names whole`);
    assert.ok(seen.reached, `#${id}: the last column in reach`);
    assert.ok(seen.focusable, `#${id}: the box scrolls by the keyboard too`);
    assert.ok(seen.page <= 320, `#${id}: the page does not scroll sideways (${seen.page})`);
  }
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations");
  await page.close();
});

test("a site's \"larger text\" button, pressed once the charts are drawn, makes their text larger too", async ({ page, url }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(url("tests/e2e/pages/charts.html"));
  const chart = page.locator("#segments");
  await chart.getByRole("listitem").first().waitFor();
  // One line of a name, and the drawing's width in its own units.
  const measure = () =>
    chart.evaluate((el) => ({
      line: el.shadowRoot.querySelector("svg tspan").getBoundingClientRect().height,
      units: el.shadowRoot.querySelector("svg").viewBox.baseVal.width,
    }));
  const usual = await measure();
  // What such a button does: the root's font size, in the page's own script.
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  await page.waitForFunction((units) => document.querySelector("#segments").shadowRoot.querySelector("svg").viewBox.baseVal.width < units, usual.units);
  const large = await measure();
  assert.ok(large.line >= 1.8 * usual.line, `a line ${usual.line} px, then ${large.line} px`);
});

test("on a touch screen, tapping a bar shows its count and tapping elsewhere hides it", async ({ context, url }) => {
  await onPhone(context, {}, async (page) => {
    await page.goto(url("tests/e2e/pages/charts.html"));
    const segments = page.locator("#segments");
    const marks = segments.getByRole("listitem");
    await marks.first().waitFor();
    const tip = segments.locator(".ck-tip");
    const drawing = await segments.locator(".ck-drawing").boundingBox();
    for (const k of [0, 2, 4]) {
      await segments.locator("[part=bar]").nth(k).tap();
      const label = await marks.nth(k).getAttribute("aria-label");
      await segments.locator(".ck-tip", { hasText: label }).waitFor({ timeout: 5000 });
      assert.equal(await tip.textContent(), label, `bar ${k}`);
      // Whole, inside the drawing: not cut off at the phone's edge, nor past its own box.
      const box = await tip.boundingBox();
      assert.ok(box.x >= drawing.x - 1 && box.x + box.width <= drawing.x + drawing.width + 1, `bar ${k}'s tooltip inside: ${JSON.stringify([box, drawing])}`);
      assert.ok(await tip.evaluate((t) => t.scrollWidth <= t.clientWidth + 1), `bar ${k}'s tooltip text fits its box`);
    }
    // The first bar's tooltip, over the chart's buttons above the drawing, lets a tap through
    // to "Show as a table".
    await segments.locator("[part=bar]").first().tap();
    await segments.locator(".ck-tip", { hasText: await marks.first().getAttribute("aria-label") }).waitFor();
    const asTable = segments.getByRole("button", { name: "Mostra com a taula" });
    const button = await asTable.boundingBox();
    await page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
    await segments.getByRole("table").waitFor();
    await asTable.tap();
    await segments.locator("[part=bar]").first().waitFor();
    // A tap on the tooltip where no mark is under it takes it away.
    await segments.locator("[part=bar]").first().tap();
    await tip.waitFor();
    const spot = await segments.evaluate((el) => {
      const tip = el.shadowRoot.querySelector(".ck-tip");
      const box = tip.getBoundingClientRect();
      tip.style.pointerEvents = "none";
      let found = null;
      for (let y = box.top + 2; y < box.bottom - 1 && !found; y += 4) {
        for (let x = box.left + 2; x < box.right - 1 && !found; x += 4) {
          if (!el.shadowRoot.elementFromPoint(x, y)?.closest("[data-k]")) found = [x, y];
        }
      }
      tip.style.pointerEvents = "";
      return found;
    });
    assert.ok(spot, "a place on the tooltip with no mark under it");
    await page.touchscreen.tap(...spot);
    await tip.waitFor({ state: "detached" });
    await page.locator("h1").tap();
    await tip.waitFor({ state: "detached" });
    // The first bar at the screen's top: its tooltip goes below it, whole on the screen,
    // where above it the name's first line would be out of sight.
    const first = segments.locator("[part=bar]").first();
    await page.evaluate(() => (document.body.style.paddingBottom = "200vh"));
    await page.evaluate((y) => window.scrollBy(0, y), (await first.boundingBox()).y - 4);
    await first.tap();
    await tip.waitFor();
    const [box, bar] = [await tip.boundingBox(), await first.boundingBox()];
    assert.ok(box.y >= 0 && box.y >= bar.y + bar.height - 1, `below the bar, on screen: ${JSON.stringify([box, bar])}`);
    // A tall column's, near its top, where the finger is, not at its foot far below.
    const years = page.locator("#years");
    const tallest = years.locator("[part=bar]").nth(await years.locator("[part=bar]").evaluateAll((bars) => {
      const heights = bars.map((b) => b.getBoundingClientRect().height);
      return heights.indexOf(Math.max(...heights));
    }));
    await page.evaluate((y) => window.scrollBy(0, y), (await tallest.boundingBox()).y - 4);
    const column = await tallest.boundingBox();
    assert.ok(column.height > 100, `a tall column: ${column.height} px`);
    await page.touchscreen.tap(column.x + column.width / 2, column.y + 10);
    const near = years.locator(".ck-tip");
    await near.waitFor();
    const above = await near.boundingBox();
    assert.ok(above.y >= 0 && above.y <= column.y + 48, `near the column's top: ${JSON.stringify([above, column])}`);
  });
});

test("on a phone, a bar tapped below a directory that grows shorter with the choice stays where it was tapped, in the page or an app shell's scrolling box", async ({ context, url }) => {
  const feed = feedOf("catalonia");
  for (const shell of [false, true, "body"]) await onPhone(context, { viewport: { width: 360, height: 740 } }, async (page) => {
    await page.goto(url("index.html"));
    if (shell === "body") {
      // A theme's `body { overflow-x: hidden }`: the body's overflow is the page's own.
      await page.addStyleTag({ content: "html, body { height: 100% } body { overflow-x: hidden }" });
    } else if (shell) {
      // An app shell (or a smooth-scroll theme): the page itself does not scroll, a box does.
      await page.evaluate(() => {
        const box = document.createElement("div");
        box.id = "shell";
        box.style.cssText = "height: 100vh; overflow-y: auto";
        box.append(...document.body.childNodes);
        document.body.append(box);
        document.documentElement.style.cssText = document.body.style.cssText = "height: 100%; overflow: hidden; margin: 0";
      });
    }
    const dir = page.locator("#dir");
    const chart = page.locator("clusterkit-chart[for=dir]");
    await dir.locator("[part=count]").filter({ hasText: `${feed.members.length} socis` }).waitFor();
    // Scrolled down to it, the page's end near: shorter, the page no longer reaches as far,
    // and the browser's own scroll anchoring cannot keep the bar in place.
    const bar = chart.locator(".ck-mark").nth(2);
    await bar.scrollIntoViewIfNeeded();
    await page.evaluate((y) => (document.getElementById("shell") ?? window).scrollBy(0, y - 360), (await bar.boundingBox()).y);
    const before = (await bar.boundingBox()).y;
    const height = await dir.evaluate((el) => el.getBoundingClientRect().height);
    await bar.tap();
    await dir.locator("[part=count]").filter({ hasNotText: `${feed.members.length} socis` }).waitFor();
    await page.waitForTimeout(300);
    const shrunk = await dir.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(shrunk < height - 740, `the directory above grew shorter by more than a screen: ${height} then ${shrunk} px`);
    const after = (await bar.boundingBox()).y;
    assert.ok(Math.abs(after - before) <= 2, `the bar stays where it was tapped (${shell || "page"}): at ${before}, then ${after}`);
  });
});

test("columns name the largest part and every part tied for it, fit their labels, and equal counts show equal shares", async ({ page, url }) => {
  const cat = feedOf("catalonia");
  const madrid = feedOf("madrid");
  const gal = feedOf("galicia");
  await page.goto(url("tests/e2e/pages/charts.html"));
  // Charts added as a webmaster would write them: a feed or inline JSON, and a width.
  const add = (id, attributes, width, inline) =>
    page.evaluate(
      ([id, attributes, width, inline]) => {
        const el = document.createElement("clusterkit-chart");
        el.id = id;
        el.style.display = "block";
        el.style.width = `${width}px`;
        for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
        if (inline) {
          const script = document.createElement("script");
          script.type = "application/json";
          script.textContent = JSON.stringify(inline);
          el.append(script);
        }
        document.querySelector("main").append(el);
      },
      [id, attributes, width, inline],
    );
  const feed = (segments, members) => ({
    version: 1,
    cluster: { name: "Test" },
    segments: segments.map((s) => ({ id: s, name: s })),
    members: members.map((m, i) => ({ id: `m${i}`, name: `Member ${i}`, ...m })),
  });
  const perSegment = (f) => f.segments.map((s) => f.members.filter((m) => (m.segments ?? []).includes(s.id)).length);
  const summary = (id) => page.locator(`#${id} figcaption p`).first();

  // The largest part is named whatever the drawing's order: columns keep the feed's order.
  const catCounts = perSegment(cat);
  const most = Math.max(...catCounts);
  const largest = cat.segments.filter((_, i) => catCounts[i] === most).map((s) => text(s.name, "ca", "ca"));
  assert.equal(largest.length, 1, "one largest segment in the Catalan feed");
  await add("cat-columns", { feed: "../../../www/feeds/catalonia.json", type: "column" }, 900);
  const catSentence = `${largest[0]} és el segment més gran, amb ${most} de ${cat.members.length} socis.`;
  await summary("cat-columns").filter({ hasText: new RegExp(`^${catSentence.replace(/[()]/g, "\\$&")}`) }).waitFor();
  // The figure is named by its title; its summary is read once, as the caption's text.
  await page.locator("#cat-columns").getByRole("figure", { name: "Socis per segment", exact: true }).waitFor();
  const few = feed(["Alpha", "Beta", "Gamma"], [{ segments: ["Alpha"], kind: "sme" }, { segments: ["Beta"], kind: "large" }, ...Array(3).fill({ segments: ["Gamma"], kind: "other" }), {}]);
  await add("few-segments", { type: "column", lang: "en" }, 600, few);
  await add("few-kinds", { type: "column", by: "kind", lang: "en" }, 600, few);
  assert.equal(await summary("few-segments").textContent(), "Gamma is the largest segment, with 3 of 6 members.");
  assert.equal(await summary("few-kinds").textContent(), "“Other” is the most common type, with 3 of 6 members.");
  // Years drawn as bars, largest first: the span still runs from the first year to the last.
  await add("years-bars", { feed: "../../../www/feeds/catalonia.json", by: "joined", type: "bar" }, 600);
  const years = cat.members.filter((m) => m.joined).map((m) => Number(m.joined.slice(0, 4)));
  await summary("years-bars").filter({ hasText: new RegExp(`^Del ${Math.min(...years)} al ${Math.max(...years)} `) }).waitFor();

  // Parts that share the largest count are all named, in every drawing.
  const tied = feed(
    ["Doblatge", "Animació", "VFX", "So"],
    [
      { segments: ["Animació"], joined: "2019-03-01" },
      { segments: ["VFX", "So"], joined: "2020-03-01" },
      { segments: ["Animació", "So"], joined: "2020-05-01" },
      { segments: ["VFX"], joined: "2021-03-01" },
      { segments: ["Doblatge"], joined: "2022-03-01" },
      { joined: "2022-06-01" },
    ],
  );
  for (const type of ["column", "bar", "donut"]) {
    await add(`tied-${type}`, { type }, 600, tied);
    await summary(`tied-${type}`)
      .filter({ hasText: /^Animació, VFX i So són els segments més grans, amb 2 de 6 socis cadascun\./ })
      .waitFor();
  }
  await add("tied-years", { by: "joined" }, 600, tied);
  assert.equal(
    await summary("tied-years").textContent(),
    "Del 2019 al 2022 s’hi van incorporar 6 socis; els anys amb més incorporacions, amb 2 cadascun: 2020 i 2022.",
  );

  // Column labels: none runs into another or out of the drawing, on the page as in the SVG
  // file, wrapped to two lines where they fit a column's width, else upright.
  const boxes = (svg) => {
    const view = svg.viewBox.baseVal;
    return [...svg.querySelectorAll("text")].map((t) => {
      const b = t.getBBox();
      const m = t.getCTM();
      const ctm = svg.getCTM();
      // Into the drawing's units, upright labels included.
      const inverse = ctm.inverse().multiply(m);
      const corners = [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(inverse));
      const xs = corners.map((p) => p.x);
      const ys = corners.map((p) => p.y);
      return {
        text: [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || t.textContent,
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        view: [view.width, view.height],
      };
    });
  };
  const problems = (drawn) => {
    const found = [];
    for (const [i, a] of drawn.entries()) {
      const [x0, y0, x1, y1] = a.box;
      if (x0 < -0.5 || y0 < -0.5 || x1 > a.view[0] + 0.5 || y1 > a.view[1] + 0.5) found.push(`${a.text} leaves the drawing`);
      for (const b of drawn.slice(i + 1)) {
        const [u0, v0, u1, v1] = b.box;
        if (x0 < u1 - 0.5 && u0 < x1 - 0.5 && y0 < v1 - 0.5 && v0 < y1 - 0.5) found.push(`${a.text} / ${b.text}`);
      }
    }
    return found;
  };
  const onPage = (id) => page.locator(`#${id}`).evaluate((el, boxes) => new Function(`return ${boxes}`)()(el.shadowRoot.querySelector("svg")), boxes.toString());
  await add("madrid-columns", { feed: "../../../www/feeds/madrid.json", type: "column", lang: "en" }, 1280);
  await add("cat-columns-es", { feed: "../../../www/feeds/catalonia.json", type: "column", lang: "es" }, 600);
  await add("cat-columns-narrow", { feed: "../../../www/feeds/catalonia.json", type: "column" }, 320);
  for (const id of ["cat-columns", "madrid-columns", "cat-columns-es", "cat-columns-narrow", "few-kinds"]) {
    await page.locator(`#${id} [part=bar]`).first().waitFor();
    const drawn = await onPage(id);
    assert.ok(drawn.length > 5, id);
    assert.deepEqual(problems(drawn), [], `${id}: labels apart and inside`);
  }
  // Madrid's names at 1280 px wrap whole onto two lines.
  const madridNames = madrid.segments.map((s) => text(s.name, "en", "es"));
  const madridTexts = (await onPage("madrid-columns")).map((t) => t.text);
  for (const name of madridNames) assert.ok(madridTexts.includes(name), `${name} written in full: ${madridTexts}`);
  // A label cut short keeps its full name for hover and screen readers.
  const cut = page.locator("#cat-columns g[aria-hidden] text", { hasText: "…" }).first();
  const k = await cut.evaluate((t) => t.parentElement.dataset.k);
  await cut.hover();
  const full = await page.locator(`#cat-columns [role=listitem][data-k="${k}"]`).getAttribute("aria-label");
  await page.locator("#cat-columns .ck-tip", { hasText: full }).waitFor();
  // The SVG file, read on its own.
  for (const [id, button] of [
    ["madrid-columns", "Download the chart (SVG)"],
    ["cat-columns", "Baixa el gràfic (SVG)"],
  ]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).getByRole("button", { name: button }).click()]);
    const file = readFileSync(await download.path(), "utf8");
    const drawn = await page.evaluate(
      ([file, boxes]) => {
        const host = document.createElement("div");
        host.innerHTML = file;
        document.body.append(host);
        const out = new Function(`return ${boxes}`)()(host.querySelector("svg"));
        host.remove();
        return out;
      },
      [file, boxes.toString()],
    );
    assert.ok(drawn.length > 5, id);
    assert.deepEqual(problems(drawn), [], `${id}: labels apart and inside, in the SVG file`);
  }

  // Equal counts show equal shares: Galicia by city, in Galician.
  await add("gal-cities", { feed: "../../../www/feeds/galicia.json", by: "city", lang: "gl" }, 600);
  const gl = page.locator("#gal-cities");
  await gl.getByRole("listitem").first().waitFor();
  const shares = (await gl.getByRole("listitem").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).map((label) => {
    const [, n, p] = label.match(/: (\d+) socios? \((\d+)\u00a0%\)$/) ?? [];
    assert.ok(Math.abs(Number(p) - (100 * Number(n)) / gal.members.length) < 1, label);
    return [Number(n), Number(p)];
  });
  const byCount = new Map();
  for (const [n, p] of shares) byCount.set(n, [...(byCount.get(n) ?? []), p]);
  for (const [n, ps] of byCount) assert.equal(new Set(ps).size, 1, `${n} members: ${ps}`);
  assert.ok([...byCount.values()].some((ps) => ps.length > 1), "some counts are equal");
});

test("a chart linked to a directory, each with the same feed inline, disables the bars the directory's search leaves no member in; the feed is read once", async ({ page, url, warnings }) => {
  await page.goto(url("tests/e2e/pages/linked-inline.html"));
  const dir = page.locator("#dir");
  const chart = page.locator("clusterkit-chart");
  await chart.locator(".ck-mark").first().waitFor();
  await dir.getByRole("searchbox").fill("delta");
  await dir.locator("[part=count]").filter({ hasText: "1 member" }).waitFor();
  const disabled = () =>
    chart.evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-mark[aria-disabled=true]")].map((m) => m.getAttribute("aria-label").split(":")[0]).sort());
  for (const end = Date.now() + 5000; (await disabled()).length < 2 && Date.now() < end; ) await page.waitForTimeout(50);
  assert.deepEqual(await disabled(), ["Ourense", "Vigo"], "as the directory's checkboxes");
  // An empty bar, and an empty column, with the keyboard's focus show its ring: the track,
  // or the column's slot, as the bar or column has no size to ring.
  const ring = () =>
    chart.evaluate((el) => {
      const mark = [...el.shadowRoot.querySelectorAll(".ck-mark")].find((m) => m.getAttribute("aria-label").startsWith("Ourense"));
      mark.focus();
      const ringed = [...mark.querySelectorAll("rect")].filter((r) => parseFloat(getComputedStyle(r).strokeWidth) >= 2 && getComputedStyle(r).stroke !== "none");
      return ringed.some((r) => {
        const box = r.getBoundingClientRect();
        return box.width >= 10 && box.height >= 10;
      });
    });
  await page.keyboard.press("End");
  assert.equal(await ring(), true, "a bar's ring");
  await chart.evaluate((el) => el.setAttribute("type", "column"));
  await chart.locator("rect.ck-empty").first().waitFor({ state: "attached" });
  await page.keyboard.press("Shift+Tab");
  assert.equal(await ring(), true, "a column's ring");
  // A chart of the same JSON added once the page's address has changed (a directory's view
  // in its query, a fragment) reads the same feed too.
  await page.evaluate(() => {
    history.replaceState(null, "", "?ck-other=q:x#below");
    const late = document.querySelector("clusterkit-chart").cloneNode(true);
    late.id = "late";
    document.body.append(late);
  });
  const late = page.locator("#late");
  await late.locator(".ck-mark").first().waitFor();
  const lateDisabled = () =>
    late.evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-mark[aria-disabled=true]")].map((m) => m.getAttribute("aria-label").split(":")[0]).sort());
  for (const end = Date.now() + 5000; (await lateDisabled()).length < 2 && Date.now() < end; ) await page.waitForTimeout(50);
  assert.deepEqual(await lateDisabled(), ["Ourense", "Vigo"]);
  // Its one problem (the unsafe website) said once, not once per element.
  assert.equal(warnings.filter((w) => w.includes("javascript") || w.includes("website")).length, 1, warnings.join("\n"));
});

test("a click on the tooltip over the next bar (the pointer moved there from its bar) presses that bar, as the visitor aimed", async ({ page, url }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(url("tests/e2e/pages/linked.html"));
  const chart = page.locator("#chart");
  await chart.locator(".ck-mark").nth(4).waitFor();
  const centre = async (k) => {
    const b = await chart.locator(`.ck-mark[data-k="${k}"] rect[part=bar]`).boundingBox();
    return [b.x + b.width / 2, b.y + b.height / 2];
  };
  // Bar 3 pressed (it has the focus, and its tooltip shows above it), then the pointer
  // moves up to bar 2, whose centre the tooltip covers.
  const [x3, y3] = await centre(3);
  const [x2, y2] = await centre(2);
  const pressed = () => chart.evaluate((c) => [...c.shadowRoot.querySelectorAll(".ck-mark[aria-pressed=true]")].map((m) => m.dataset.k).sort());
  await page.mouse.move(x3, y3, { steps: 4 });
  await page.mouse.click(x3, y3);
  for (const end = Date.now() + 3000; (await pressed()).length === 0 && Date.now() < end; ) await page.waitForTimeout(50);
  assert.deepEqual(await pressed(), ["3"]);
  await page.mouse.move(x2, y2, { steps: 8 });
  const covered = await page.evaluate(([x, y]) => document.querySelector("#chart").shadowRoot.elementFromPoint(x, y)?.className, [x2, y2]);
  assert.equal(covered, "ck-tip", "the tooltip lies over the next bar's centre here");
  await page.mouse.click(x2, y2);
  for (const end = Date.now() + 3000; (await pressed()).length < 2 && Date.now() < end; ) await page.waitForTimeout(50);
  assert.deepEqual(await pressed(), ["2", "3"]);
  assert.equal(await chart.evaluate((c) => c.shadowRoot.activeElement?.dataset.k), "2", "and it has the focus");
});

