// The widgets through the script tag in the two engines besides Chromium that visitors'
// browsers run: Firefox and WebKit (Safari's). The end-to-end tier (tests/e2e) goes through
// everything in Chromium; this one checks, in each other engine, what differs between
// engines: the Wasm's start and the loader's fallbacks, shadow roots and adopted
// stylesheets, `Intl` (time zones, the languages' dates), the history, dialogs and focus,
// the trusted keyboard and pointer. Run in Asia/Tokyo, a zone ahead of the feeds' own, where
// the other tiers run behind it (Los Angeles). Expected figures come from the feed files.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { firefox, webkit } from "./drivers.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BASE = process.env.CK_BASE ?? "http://127.0.0.1:8080/";
const TZ = "Asia/Tokyo";
const url = (path) => new URL(path, BASE).href;
const feedOf = (name) => JSON.parse(readFileSync(join(ROOT, "www/feeds", `${name}.json`), "utf8"));
const text = (t, lang) => (typeof t === "string" ? t : (t[lang] ?? t.en ?? Object.values(t)[0]));
const socis = (n) => `${n} ${n === 1 ? "soci" : "socis"}`;

/** Polls `fn(...args)` in the page until it gives a truthy value, which it returns. */
async function until(page, what, fn, ...args) {
  let last;
  for (const end = Date.now() + 15000; Date.now() < end; ) {
    // An error of the page is polled through; a browser that quit is not.
    last = await page.run(fn, ...args).catch((e) => {
      if (e.browserGone) throw e;
      return `(${e.message})`;
    });
    if (last && !(typeof last === "string" && last.startsWith("("))) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited 15 s for ${what}; last: ${JSON.stringify(last)}`);
}

/** The directory's shown count, read in the page. */
const countOf = (id) => document.getElementById(id)?.shadowRoot?.querySelector("[part=count]")?.textContent ?? "";
const has = (id, count) => document.getElementById(id)?.shadowRoot?.querySelector("[part=count]")?.textContent === count;

/** Whether one of a text's words begins with `prefix`, folded as a visitor expects: case and
 * accents aside. */
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const wordStarts = (s, prefix) => fold(s).split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(prefix));
const texts = (t) => (t == null ? [] : typeof t === "string" ? [t] : Object.values(t));
const searchable = (m) => [...texts(m.name), ...texts(m.description), m.city ?? "", m.region ?? "", ...(m.tags ?? [])];

/** The instant (ms) at which the wall clock `wall` ("2026-12-10T17:00") reads so in `zone`. */
function instantOf(wall, zone) {
  const guess = Date.parse(`${wall}:00Z`);
  const offsetAt = (t) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`) - t;
  };
  return guess - offsetAt(guess - offsetAt(guess));
}
/** The day (YYYY-MM-DD) of an instant in `zone`. */
const dayIn = (t, zone) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(t);
/** A month's name and year as Catalan and Galician write them ("desembre de 2026"; CLDR
 * also has "del" before a year in Catalan), written here, not taken from an `Intl`. */
const MONTHS = {
  ca: ["gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre", "novembre", "desembre"],
  gl: ["xaneiro", "febreiro", "marzo", "abril", "maio", "xuño", "xullo", "agosto", "setembro", "outubro", "novembro", "decembro"],
};
const monthName = (year, month, lang) => `^${MONTHS[lang][month - 1]} del? ${year}$`;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("the directory: every member, a search that folds accents, its matches marked, shared in the URL, and back", async (page) => {
  const feed = feedOf("catalonia");
  const total = feed.members.length;
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, `"${socis(total)}"`, has, "dir", socis(total));
  const found = feed.members.filter((m) => searchable(m).some((t) => wordStarts(t, "iberica")));
  assert.ok(found.length > 0 && found.length < total, "the search narrows");
  await page.type(() => document.getElementById("dir").shadowRoot.querySelector("input[type=search]"), "iberica");
  await until(page, `"${socis(found.length)}"`, has, "dir", socis(found.length));
  const cards = await page.run(() =>
    [...document.getElementById("dir").shadowRoot.querySelectorAll("article")].map((a) => [a.querySelector("h3").textContent, [...a.querySelectorAll("mark")].map((m) => m.textContent)]),
  );
  assert.deepEqual(cards.map(([name]) => name).sort(), found.map((m) => text(m.name, "ca")).sort());
  const algam = cards.find(([name]) => name === "Algam Ibérica");
  assert.ok(algam, "Algam Ibérica is found by `iberica`");
  assert.ok(algam[1].includes("Ibérica"), `its accented word is marked: ${algam[1]}`);
  const search = await until(page, "the search in the page's URL", () => new URLSearchParams(location.search).get("ck-dir"));
  assert.match(search, /iberica/, "the search is in the shared address");
  // A shared link opens the same view.
  const shared = await page.run(() => location.href);
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "all members again", has, "dir", socis(total));
  await page.goto(shared);
  await until(page, "the shared view", has, "dir", socis(found.length));
  assert.equal(await page.run(() => document.getElementById("dir").shadowRoot.querySelector("input[type=search]").value), "iberica");
  // Back to the page without the search: all members again, the box empty.
  await page.back();
  await until(page, "all members after back", has, "dir", socis(total));
  assert.equal(await page.run(() => document.getElementById("dir").shadowRoot.querySelector("input[type=search]").value), "");
});

test("a shared link's profile: once the visitor clicks in it, the back button closes it and keeps the link's page", async (page) => {
  const feed = feedOf("catalonia");
  const member = feed.members.find((m) => m.segments.includes(feed.segments[0].id));
  const name = text(member.name, "ca");
  // A page the visitor came from (drawn: one left while loading is another test's), then
  // the link.
  await page.goto(url("tests/engines/phone.html"));
  await until(page, "the page before", () => !!document.querySelector("iframe").contentDocument?.getElementById("dir")?.shadowRoot?.querySelector("article"));
  await page.goto(url(`tests/engines/widgets.html?ck-dir=seg:${feed.segments[0].id};m:${member.id}`));
  const open = (name) => {
    const root = document.getElementById("dir").shadowRoot;
    const dialog = root && root.querySelector("dialog[open]");
    return !!dialog && dialog.textContent.includes(name);
  };
  await until(page, "the link's profile", open, name);
  await page.click(() => document.getElementById("dir").shadowRoot.querySelector("dialog[open] :is(h1, h2, h3, h4, h5, h6)"));
  await page.back();
  const members = feed.members.filter((m) => m.segments.includes(feed.segments[0].id)).length;
  await until(page, "the profile closed, the link's segment kept", has, "dir", socis(members));
  assert.equal(await page.run(() => location.pathname.endsWith("/widgets.html") && !document.getElementById("dir").shadowRoot.querySelector("dialog[open]")), true, "on the page, the profile closed");
  assert.match(await page.run(() => location.search), /seg:/, "the link's view without the profile");
  assert.doesNotMatch(await page.run(() => location.search), /m:/);
  // No card opened it: the focus goes to its member's card.
  await until(page, "the focus on the member's card", (name) => document.getElementById("dir").shadowRoot.activeElement?.textContent === name, name);
});

test("facets: a segment's members and count, its chip, and the chip taking it away", async (page) => {
  const feed = feedOf("catalonia");
  const total = feed.members.length;
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, `"${socis(total)}"`, has, "dir", socis(total));
  const segment = feed.segments[2];
  const name = text(segment.name, "ca");
  const members = feed.members.filter((m) => m.segments.includes(segment.id)).length;
  const option = await page.run((name) => {
    const label = [...document.getElementById("dir").shadowRoot.querySelectorAll("[part=facet-option]")].find((l) => l.querySelector("span").textContent === name);
    return label && label.textContent;
  }, name);
  assert.equal(option, `${name}${members}`, "the option shows the members it would give");
  await page.click((name) => {
    const labels = document.getElementById("dir").shadowRoot.querySelectorAll("[part=facet-option]");
    return [...labels].find((l) => l.querySelector("span").textContent === name).querySelector("input");
  }, name);
  await until(page, `"${socis(members)}"`, has, "dir", socis(members));
  const chip = await until(page, "a chip", () => document.getElementById("dir").shadowRoot.querySelector(".ck-chip")?.textContent);
  assert.match(chip, new RegExp(name), "the chip names the choice");
  await page.click(() => document.getElementById("dir").shadowRoot.querySelector(".ck-chip button, button.ck-chip"));
  await until(page, "all members after the chip", has, "dir", socis(total));
});

test("a member's profile: a dialog named after it, focus in it, Escape closes it and focus returns", async (page) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "the cards", has, "dir", socis(feed.members.length));
  const name = await page.run(() => document.getElementById("dir").shadowRoot.querySelector("article .ck-open").textContent);
  assert.ok(feed.members.some((m) => texts(m.name).includes(name)), `a member of the feed: ${name}`);
  await page.click(() => document.getElementById("dir").shadowRoot.querySelector("article .ck-open"));
  const opened = await until(page, "the profile dialog", () => {
    const root = document.getElementById("dir").shadowRoot;
    const dialog = root.querySelector("dialog[open]");
    if (!dialog || !dialog.contains(root.activeElement)) return null;
    const labelled = dialog.getAttribute("aria-labelledby");
    return { name: labelled ? root.getElementById(labelled).textContent : dialog.getAttribute("aria-label"), modal: dialog.matches(":modal") };
  });
  assert.deepEqual(opened, { name, modal: true }, "a modal dialog named after the member, focus in it");
  await page.press("Escape");
  await until(page, "the dialog closed, focus back on the name", (name) => {
    const root = document.getElementById("dir").shadowRoot;
    return !root.querySelector("dialog[open]") && root.activeElement?.textContent === name;
  }, name);
});

test("the chart: a bar per segment with the feed's counts; pressing one filters the directory", async (page) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "the chart's bars", () => document.getElementById("chart").shadowRoot?.querySelectorAll(".ck-mark").length > 0);
  const labels = await page.run(() => [...document.getElementById("chart").shadowRoot.querySelectorAll(".ck-mark")].map((g) => g.getAttribute("aria-label")));
  const expected = feed.segments.map((s) => `${text(s.name, "ca")}: ${socis(feed.members.filter((m) => m.segments.includes(s.id)).length)}`);
  assert.deepEqual([...labels].sort(), [...expected].sort());
  const first = labels[0];
  const n = Number(first.match(/: (\d+) soci/)[1]);
  await page.click(() => document.getElementById("chart").shadowRoot.querySelector(".ck-mark rect[part=bar]"));
  await until(page, `the directory narrowed to "${socis(n)}"`, has, "dir", socis(n));
});

test("the chart: End moves the tooltip to the last bar, scrolled into view under a resting pointer; in a chart taller than its window, each key's bar in sight", async (page) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "the chart's bars", () => document.getElementById("chart").shadowRoot?.querySelectorAll(".ck-mark").length > 0);
  // The chart's top at the bottom of the window: its last bar out of sight.
  await page.run(() => {
    const chart = document.getElementById("chart");
    scrollBy(0, chart.getBoundingClientRect().top - innerHeight + 120);
  });
  await page.hover(() => document.getElementById("chart").shadowRoot.querySelector("h2"));
  await page.run(() => document.getElementById("chart").shadowRoot.querySelector(".ck-mark[tabindex='0']").focus());
  await page.press("End");
  const last = await page.run(() => [...document.getElementById("chart").shadowRoot.querySelectorAll(".ck-mark")].at(-1).getAttribute("aria-label"));
  assert.ok(feed.segments.some((s) => last.startsWith(`${text(s.name, "ca")}: `)), `the last bar is a segment's: ${last}`);
  const shown = await until(page, "the last bar focused, in view", () => {
    const root = document.getElementById("chart").shadowRoot;
    const focused = root.activeElement;
    const box = focused && (focused.querySelector("[part=bar]") ?? focused).getBoundingClientRect();
    const last = focused === [...root.querySelectorAll(".ck-mark")].at(-1);
    return last && box.bottom <= innerHeight + 1 && box.top >= -1 ? true : `(${last} ${box && [box.top, box.bottom]} ${innerHeight})`;
  });
  assert.ok(shown);
  await new Promise((r) => setTimeout(r, 300));
  const tip = await page.run(() => document.getElementById("chart").shadowRoot.querySelector(".ck-tip:not([hidden])")?.textContent ?? null);
  assert.equal(tip && tip.replace(/\s+/g, " ").trim(), last, "its tooltip shows its name and count");
  // A chart taller than its window (a bar per city, in a frame 400 px high): up from its
  // end, Home, End, each focused bar in sight (Firefox scrolled to the drawing's top when
  // that was above the window, and the bar stayed below it).
  await page.goto(url("tests/engines/short.html"));
  const ready = await until(page, "the cities' bars", () => {
    const el = document.querySelector("iframe").contentDocument?.getElementById("cities");
    return el?.shadowRoot?.querySelectorAll(".ck-mark").length > 0 && { tall: el.getBoundingClientRect().height > el.ownerDocument.defaultView.innerHeight };
  });
  assert.ok(ready.tall, "a chart taller than its window");
  await page.run(() => document.querySelector("iframe").contentDocument.getElementById("cities").shadowRoot.querySelector(".ck-mark[tabindex='0']").focus());
  for (const key of ["End", "ArrowUp", "ArrowUp", "Home", "End", "ArrowUp"]) {
    await page.press(key);
    await until(page, `the bar ${key} focuses in sight`, () => {
      const frame = document.querySelector("iframe").contentWindow;
      const focused = frame.document.getElementById("cities").shadowRoot.activeElement;
      const box = focused && (focused.querySelector("[part=bar]") ?? focused).getBoundingClientRect();
      return !!box && box.bottom <= frame.innerHeight + 1 && box.top >= -1;
    });
  }
});

test("the calendar: the month in the page's language, an event on its day in the visitor's zone, its dialog closed by back, next month", async (page) => {
  const feed = feedOf("catalonia");
  // An evening in Madrid, the next morning in Tokyo.
  const event = feed.events.find((e) => e.id === "sessio-produccio-virtual-2026");
  const instant = instantOf(event.start, feed.cluster.timezone);
  const [here, there] = [dayIn(instant, feed.cluster.timezone), dayIn(instant, TZ)];
  assert.notEqual(here, there, "the event's day differs between the two zones");
  const [year, month] = here.split("-").map(Number);
  await page.goto(url("tests/engines/widgets.html"));
  await page.run((month) => {
    for (const zone of ["", "local"]) {
      const el = document.createElement("clusterkit-calendar");
      el.id = `cal${zone}`;
      el.setAttribute("feed", "../../www/feeds/catalonia.json");
      el.setAttribute("month", month);
      el.setAttribute("view", "month");
      if (zone) el.setAttribute("timezone", zone);
      document.querySelector("main").append(el);
    }
  }, here.slice(0, 7));
  const title = text(event.title, "ca");
  const dayOf = (id, title) => {
    const root = document.getElementById(id).shadowRoot;
    const cell = root && [...root.querySelectorAll("td[data-day]")].find((td) => td.textContent.includes(title));
    return cell ? cell.dataset.day : null;
  };
  assert.equal(await until(page, "the event in the feed's zone", dayOf, "cal", title), here, "in Madrid's time, by default");
  assert.equal(await until(page, "the event in the visitor's zone", dayOf, "callocal", title), there, "in the visitor's time, with timezone=local");
  // Its dialog, closed by the back button (Safari's swipe), on the page still.
  await page.click((title) => [...document.getElementById("cal").shadowRoot.querySelectorAll(".ck-bar")].find((b) => b.textContent.includes(title)), title);
  await until(page, "the event's dialog", () => !!document.getElementById("cal").shadowRoot.querySelector("dialog[open]"));
  await page.back();
  await until(page, "the dialog closed by back", () => !document.getElementById("cal").shadowRoot.querySelector("dialog[open]"));
  assert.equal(await page.run(() => location.pathname.endsWith("/widgets.html")), true, "on the page still");
  // The month grid's name, as a screen reader hears it, matched in the page against `pattern`.
  const named = (pattern) => {
    const root = document.getElementById("cal").shadowRoot;
    const grid = root.querySelector("[role=grid]");
    const name = grid && root.getElementById(grid.getAttribute("aria-labelledby")).textContent;
    return name && new RegExp(pattern).test(name.toLowerCase()) && name;
  };
  await until(page, `the month's name, ${monthName(year, month, "ca")}`, named, monthName(year, month, "ca"));
  await page.click(() => [...document.getElementById("cal").shadowRoot.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === "Mes següent"));
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  await until(page, `the next month, ${monthName(...next, "ca")}`, named, monthName(...next, "ca"));
  // Galician, which some engines' `Intl` lacks: the calendar's own names then.
  await page.run(() => document.getElementById("cal").setAttribute("lang", "gl"));
  await until(page, `the month in Galician, ${monthName(...next, "gl")}`, named, monthName(...next, "gl"));
});

test("a control's focus ring at a widget's edge is drawn whole: paint contained only within a clip margin", async (page) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "the cards", has, "dir", socis(feed.members.length));
  // The search box begins at the directory's left edge; its focus ring is drawn outside it.
  const edge = await page.run(() => {
    const host = document.getElementById("dir");
    const box = host.shadowRoot.querySelector("input[type=search]");
    return Math.abs(box.getBoundingClientRect().left - host.getBoundingClientRect().left);
  });
  assert.ok(edge < 1, `the search box at the edge: ${edge} px`);
  // Paint containment clips at the element's edge, but for its clip margin where the engine
  // has one (WebKit has none).
  const clipped = await page.run(() =>
    ["dir", "chart"].filter((id) => {
      const contain = getComputedStyle(document.getElementById(id)).contain;
      return /paint|content|strict/.test(contain) && !CSS.supports("overflow-clip-margin", "4px");
    }),
  );
  assert.deepEqual(clipped, [], "no widget clips at its edge");
});

test("printed: the directory's cards from the first page on, every card of its page on paper", async (page) => {
  const feed = feedOf("catalonia");
  await page.goto(url("tests/engines/widgets.html"));
  await until(page, "the cards", has, "dir", socis(feed.members.length));
  const pages = await page.printed();
  if (pages === null) return; // WebKit here: no PDF reader to read it back.
  const names = await page.run(() => [...document.getElementById("dir").shadowRoot.querySelectorAll("article h3")].map((h) => h.textContent));
  assert.ok(names.length > 0);
  assert.ok(pages[0].includes(names[0]), `the first card on the first page: ${pages[0].slice(0, 200)}`);
  const all = pages.join(" ");
  assert.deepEqual(names.filter((n) => !all.includes(n)), [], "every card of the page printed");
});

test("a policy that refuses WebAssembly: error boxes without a reload that cannot help, and the console names the fix", async (page) => {
  await page.goto(url("tests/engines/no-wasm.html"));
  for (const id of ["dir", "cal"]) {
    const buttons = await until(page, `#${id}'s error box`, (id) => {
      const alert = document.getElementById(id).shadowRoot?.querySelector("[role=alert]");
      return alert && alert.textContent.trim() && String(alert.querySelectorAll("button").length);
    }, id);
    assert.equal(buttons, "0", `#${id}: no reload button`);
  }
  const told = (await page.errors()).filter((e) => e.includes("clusterkit:"));
  assert.ok(told.length > 0, "the console says what happened");
  assert.ok(
    told.every((e) => e.endsWith("clusterkit: this page's Content-Security-Policy does not let WebAssembly run: add 'wasm-unsafe-eval' (not 'unsafe-eval') to its script-src.")),
    `the console names the fix: ${told.join(" | ")}`,
  );
  // The browser's own report of the policy, and ours, are this test's expected errors.
  return { allowed: /Content-Security-Policy|\bCSP\b|wasm-unsafe-eval/ };
});

test("on a phone: the filters fold into one button, nothing scrolls sideways", async (page) => {
  const feed = feedOf("catalonia");
  // The page in a frame 360 px wide, a phone's viewport (a window cannot be that narrow in
  // every engine).
  await page.goto(url("tests/engines/phone.html"));
  const inFrame = (count) => document.querySelector("iframe").contentDocument?.getElementById("dir")?.shadowRoot?.querySelector("[part=count]")?.textContent === count;
  await until(page, "the cards", inFrame, socis(feed.members.length));
  const shown = await until(page, "a Filters button", () => {
    const frame = document.querySelector("iframe").contentWindow;
    const root = frame.document.getElementById("dir").shadowRoot;
    const button = [...root.querySelectorAll("button")].find((b) => b.offsetWidth > 0 && b.textContent.startsWith("Filtres"));
    const facets = [...root.querySelectorAll("[part=facet]")].filter((f) => f.offsetWidth > 0).length;
    return button && { viewport: frame.innerWidth, page: frame.document.documentElement.scrollWidth, facets, errors: frame.__ckErrors };
  });
  assert.equal(shown.viewport, 360, "the viewport is a phone's");
  assert.ok(shown.page <= shown.viewport, `nothing wider than the screen: ${shown.page} px`);
  assert.equal(shown.facets, 0, "the facets are folded away");
  assert.deepEqual(shown.errors, [], "no errors in the frame");
});

const engines = { firefox, webkit };
const only = process.argv[2];
let failed = 0;
for (const [key, start] of Object.entries(engines)) {
  let engine;
  try {
    engine = await start({ tz: TZ });
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${key}: could not start: ${e.stack ?? e}`);
    continue;
  }
  for (const { name, fn } of tests) {
    if (only && !name.includes(only) && only !== key) continue;
    // A browser that quits in the middle (`browserGone`, see drivers.mjs) gets the test once
    // more, in a new one; a failure of the test itself never does.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const started = Date.now();
      let page;
      let again = false;
      try {
        page = await engine.page();
        // A test may expect some errors: it returns `{ allowed }`, a pattern of theirs.
        const { allowed } = (await fn(page)) ?? {};
        const errors = (await page.errors()).filter((e) => !allowed?.test(e));
        assert.deepEqual(errors, [], "no console errors or warnings");
        console.log(`ok   ${engine.name}: ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        again = e.browserGone === true && attempt === 0;
        if (again) {
          console.log(`     ${engine.name}: the browser quit during "${name}" (${e.message}); once more in a new one`);
        } else {
          failed += 1;
          console.log(`FAIL ${engine.name}: ${name}\n     ${String(e.stack ?? e).split("\n").join("\n     ")}`);
          const errors = page ? await page.errors().catch(() => []) : [];
          if (errors.length) console.log(`     console: ${errors.join(" | ")}`);
        }
      }
      await page?.close().catch(() => {});
      if (!again) break;
    }
  }
  await engine.close();
}
console.log(failed ? `\n${failed} test(s) failed in Firefox or WebKit` : "\nall tests passed in Firefox and WebKit");
process.exit(failed ? 1 : 0);
