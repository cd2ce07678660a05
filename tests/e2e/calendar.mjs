// End-to-end tests of the calendar element: its grid, its keyboard, "+N more", the event
// dialog and the add-to-calendar downloads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, assert, settled } from "./harness.mjs";
import { axeViolations, onPhone, channels, contrast, ROOT } from "./support.mjs";

/** Adds to the page's `main` a clusterkit-calendar with the attributes `attrs` (its id among
 * them) and `feed` as its inline JSON. */
function addCalendar(page, attrs, feed) {
  return page.evaluate(({ attrs, feed }) => {
    const el = document.createElement("clusterkit-calendar");
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    const json = document.createElement("script");
    json.type = "application/json";
    json.textContent = JSON.stringify(feed);
    el.append(json);
    document.querySelector("main").append(el);
  }, { attrs, feed });
}

test("the month grid: bars across days and weeks, +N more, the keyboard, the event dialog and its downloads", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  const grid = cal.getByRole("grid", { name: "November 2026" });
  await grid.waitFor();
  const cell = (name) => grid.getByRole("gridcell", { name });
  await cal.locator(".ck-bar").first().waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, the month");

  // Talent Week from Monday to Friday: named by each of the five days, one bar in the week.
  assert.equal(await cell(/Talent Week/).count(), 5);
  const talentBars = cal.locator(".ck-bar", { hasText: "Talent Week" });
  assert.equal(await talentBars.count(), 1, "one bar for the week");
  const [monday, friday] = await Promise.all(
    ["2026-11-16", "2026-11-20"].map((d) => cal.locator(`td[data-day="${d}"]`).boundingBox()),
  );
  const bar = await talentBars.boundingBox();
  assert.ok(bar.x < monday.x + 10 && bar.x + bar.width > friday.x + friday.width - 10, "the bar reaches from Monday to Friday");
  // On a right-to-left page the widget keeps its languages' direction: the same bar.
  await page.evaluate(() => (document.documentElement.dir = "rtl"));
  const [mondayRtl, barRtl] = await Promise.all([cal.locator('td[data-day="2026-11-16"]').boundingBox(), talentBars.boundingBox()]);
  assert.deepEqual([mondayRtl.x, barRtl.x, barRtl.width], [monday.x, bar.x, bar.width], "Monday first, the bar from it to Friday");
  await page.evaluate(() => document.documentElement.removeAttribute("dir"));
  // The fair from Friday 27 November to Wednesday 2 December: one bar in each week, shown in
  // December too.
  assert.equal(await cal.locator(".ck-bar", { hasText: "Winter fair" }).count(), 2);

  // Thursday 19: Talent Week and five pitches, three lanes: "+3 more" opens the whole day.
  const thursday = cal.locator('td[data-day="2026-11-19"]');
  assert.equal(await thursday.locator(".ck-bar").count(), 2, "two bars start on Thursday under Talent Week");
  // Named as it shows, so that a voice user's "click 3 more" finds it.
  assert.equal(await cell(/^Thursday 19 November 2026\. 6 events \(\+3 more\): /).count(), 1);
  await thursday.getByText("+3 more", { exact: true }).click();
  const dialog = cal.getByRole("dialog", { name: "Thursday 19 November 2026" });
  await dialog.waitFor();
  const listed = await dialog.getByRole("listitem").allTextContents();
  // Which of its five days this is, so that it does not seem to begin on each of them.
  assert.deepEqual(listed, ["Talent Week (day 4 of 5)", "09:00 Pitch one", "10:00 Pitch two", "11:00 Pitch three", "12:00 Pitch four", "13:00 Pitch five"]);
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, a day's events");
  await dialog.getByRole("button", { name: "09:00 Pitch one" }).click();
  const pitch = cal.getByRole("dialog", { name: "Pitch one" });
  await pitch.getByText("Thursday 19 November 2026, 09:00–\u206010:00").waitFor();
  assert.equal(
    await cal.evaluate((el) => `${el.shadowRoot.activeElement?.tagName} ${el.shadowRoot.activeElement?.textContent}`),
    "H2 Pitch one",
    "the focus moves from the day's list to the event's heading, inside the dialog",
  );
  await pitch.getByText("Sala 1, Barcelona").waitFor();
  const focusedText = () => cal.evaluate((el) => el.shadowRoot.activeElement?.textContent);
  // Escape goes back a step, to the day's list, on the event it opened: the next of the
  // day's events is a Tab away.
  await page.keyboard.press("Escape");
  await dialog.waitFor();
  assert.equal(await focusedText(), "09:00 Pitch one", "the focus back on the event in the day's list");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const two = cal.getByRole("dialog", { name: "Pitch two" });
  await two.waitFor();
  // So does its button, by mouse.
  await two.getByRole("button", { name: "Back to the day’s events" }).click();
  await dialog.waitFor();
  assert.equal(await focusedText(), "10:00 Pitch two");
  // And a phone's back gesture, a request to close without a key.
  await page.keyboard.press("Enter");
  await two.waitFor();
  await cal.evaluate((el) => el.shadowRoot.querySelector("dialog[open]").requestClose());
  await dialog.waitFor();
  assert.equal(await focusedText(), "10:00 Pitch two", "back on the day's list");
  // Escape on the dialog's close button goes back too, with the focus on the event.
  await page.keyboard.press("Enter");
  await two.waitFor();
  await two.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Escape");
  await dialog.waitFor();
  assert.equal(await focusedText(), "10:00 Pitch two", "back on the day's list from the close button");
  // From the list, Escape closes the dialog, back to the day.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await cal.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("data-day")), "2026-11-19", "the focus back on the day");
  // The back button closes it and stays on the page, as it closes the directory's profile;
  // closed otherwise, it leaves no entry that back would stop at.
  const address = page.url();
  const entries = await page.evaluate(() => history.length);
  await thursday.getByText("+3 more", { exact: true }).click();
  await dialog.waitFor();
  await page.goBack();
  await dialog.waitFor({ state: "hidden" });
  assert.equal(page.url(), address, "on the page still");
  // Forward opens it again, as it was; back closes it again.
  await page.goForward();
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "11:00 Pitch three" }).waitFor();
  await page.goBack();
  await dialog.waitFor({ state: "hidden" });
  // Closed by Escape too, forward has it to open again (its entry is not one that does
  // nothing), and Escape then leaves no entry behind.
  // (Each back waited for where it lands, the page's entry: forward pressed before it has
  // landed finds no entry ahead, and does nothing.)
  const home = await page.evaluate(() => navigation.currentEntry.index);
  const landed = () => page.waitForFunction((home) => navigation.currentEntry.index === home && history.state === null, home);
  await thursday.getByText("+3 more", { exact: true }).click();
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await landed();
  await page.goForward();
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await landed();
  assert.equal(page.url(), address, "on the page still");
  // From an event opened in the day's list, back goes to that list first, as Escape does.
  await thursday.getByText("+3 more", { exact: true }).click();
  await dialog.getByRole("button", { name: "11:00 Pitch three" }).click();
  await cal.getByRole("dialog", { name: "Pitch three" }).waitFor();
  await page.goBack();
  await dialog.waitFor();
  assert.equal(await focusedText(), "11:00 Pitch three", "on the event in the day's list");
  await page.goBack();
  await dialog.waitFor({ state: "hidden" });
  assert.equal(page.url(), address, "the page still, the dialog closed");
  for (let i = 0; i < 3; i++) {
    await thursday.getByText("+3 more", { exact: true }).click();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  }
  await page.waitForTimeout(100);
  assert.ok((await page.evaluate(() => history.length)) <= entries + 1, "one entry at most, behind the page");
  // An event opened from its bar has no day's list to go back to: Escape closes it.
  await talentBars.click();
  await cal.getByRole("dialog", { name: "Talent Week" }).waitFor();
  assert.equal(await cal.getByRole("button", { name: "Back to the day’s events" }).count(), 0);
  await page.keyboard.press("Escape");
  await cal.getByRole("dialog", { name: "Talent Week" }).waitFor({ state: "hidden" });
  // A page's script that closes the dialog and moves the focus on in one go keeps it there:
  // the close event comes a task later, too late to take the focus back to the day.
  await talentBars.click();
  await cal.getByRole("dialog", { name: "Talent Week" }).waitFor();
  await cal.evaluate((el) => new Promise((done) => {
    const dialog = el.shadowRoot.querySelector("dialog[open]");
    dialog.addEventListener("close", () => setTimeout(done), { once: true });
    dialog.close();
    [...el.shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Today").focus();
  }));
  assert.equal(await cal.evaluate((el) => el.shadowRoot.activeElement?.textContent), "Today", "the focus left on Today");

  // The keyboard: the grid is one tab stop, moved by the arrows, Home, End and the page keys.
  await cal.locator('td[data-day="2026-11-10"]').click();
  const focused = () => cal.evaluate((el) => el.shadowRoot.activeElement?.getAttribute("data-day"));
  const stops = () => cal.evaluate((el) => el.shadowRoot.querySelectorAll("td[tabindex='0']").length);
  const press = async (key, day) => {
    await page.keyboard.press(key);
    await page.waitForFunction((day) => document.getElementById("cal").shadowRoot.activeElement?.getAttribute("data-day") === day, day);
    assert.equal(await stops(), 1, `one tab stop after ${key}`);
  };
  assert.equal(await focused(), "2026-11-10");
  await press("ArrowRight", "2026-11-11");
  await press("ArrowDown", "2026-11-18");
  await press("End", "2026-11-22");
  await press("Home", "2026-11-16");
  await press("ArrowLeft", "2026-11-15");
  await press("PageDown", "2026-12-15");
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  await press("PageUp", "2026-11-15");
  await press("ArrowUp", "2026-11-08");
  await press("ArrowUp", "2026-11-01");
  await press("ArrowUp", "2026-10-25");
  await cal.getByRole("grid", { name: "October 2026" }).waitFor();
  await press("ArrowDown", "2026-11-01");
  await press("ArrowDown", "2026-11-08");
  await press("ArrowDown", "2026-11-15");
  // A day without events opens nothing, by the keyboard as by a click.
  assert.equal(await cal.locator('td[data-day="2026-11-15"] .ck-bar').count(), 0, "nothing on the 15th");
  await page.keyboard.press("Enter");
  await page.keyboard.press(" ");
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await cal.locator("dialog[open]").count(), 0, "no dialog for an empty day");
  assert.equal(await focused(), "2026-11-15");
  await press("ArrowRight", "2026-11-16");
  await page.keyboard.press("Enter");
  await cal.getByRole("dialog", { name: "Monday 16 November 2026" }).getByRole("button", { name: "Talent Week" }).click();
  const talent = cal.getByRole("dialog", { name: "Talent Week" });
  await talent.getByText("Monday 16 – Friday 20 November 2026").waitFor();
  await talent.getByText("Animation").waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, an event");

  // Add to calendar: the event's .ics (all day: the day after as its end), and Google's link.
  const [download] = await Promise.all([page.waitForEvent("download"), talent.getByRole("button", { name: "Add to calendar (.ics)" }).click()]);
  assert.equal(download.suggestedFilename(), "talent.ics");
  const ics = readFileSync(await download.path(), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  // A UID unique the world over: the event's id at the cluster's website.
  assert.ok(ics.includes("\r\nUID:talent@cluster.example\r\n"), "UID");
  assert.match(ics, /\r\nDTSTART;VALUE=DATE:20261116\r\nDTEND;VALUE=DATE:20261121\r\n/);
  const google = new URL(await talent.getByRole("link", { name: /Add to Google Calendar/ }).getAttribute("href"));
  assert.equal(google.origin + google.pathname, "https://calendar.google.com/calendar/render");
  assert.equal(google.searchParams.get("dates"), "20261116/20261121");
  assert.equal(google.searchParams.get("text"), "Talent Week");
  // Opened from Monday's list: Escape goes back to it, and from there to the day.
  await page.keyboard.press("Escape");
  await cal.getByRole("dialog", { name: "Monday 16 November 2026" }).waitFor();
  await page.keyboard.press("Escape");
  await talent.waitFor({ state: "hidden" });
  assert.equal(await focused(), "2026-11-16", "the focus is back on the day");

  // December: the breakfast is left out on the 1st; Ventana Sur shows at Madrid time, with
  // its Buenos Aires time on hover and in its dialog.
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  assert.equal(await cal.locator(".ck-bar", { hasText: "Breakfast" }).count(), 0, "the breakfast of 1 December is left out");
  const ventana = cal.locator(".ck-bar", { hasText: "Ventana Sur" });
  assert.equal(await ventana.textContent(), "14:00 Ventana Sur");
  // From its start to its end on that clock, four hours behind Madrid's: 13:00 to 22:00 UTC.
  const there = "Tuesday 1 December 2026, 10:00 – Friday 4 December 2026, 19:00 (Buenos Aires time)";
  assert.ok((await ventana.getAttribute("title")).endsWith(`\n${there}`), await ventana.getAttribute("title"));
  await ventana.click();
  const market = cal.getByRole("dialog", { name: "Ventana Sur" });
  await market.getByText("Tuesday 1 December 2026, 14:00 – Friday 4 December 2026, 23:00").waitFor();
  await market.getByText(there).waitFor();
  // Its link is a target of 24 px at least (WCAG 2.5.8), as a profile's links are, below
  // the description in the dialog's flow (not laid over it) and at the dialog's text size.
  const link = market.getByRole("link", { name: /^More information/ });
  const [more, about] = [await link.boundingBox(), await market.getByText("Screenings and meetings.").boundingBox()];
  assert.ok(more.height >= 24, `"More information" ${more.height} px tall`);
  assert.ok(more.y >= about.y + about.height, `below the description: ${JSON.stringify([more, about])}`);
  const sizes = await link.evaluate((a) => [getComputedStyle(a).fontSize, getComputedStyle(a.closest("[role=dialog], dialog")).fontSize]);
  assert.equal(sizes[0], sizes[1], "at the dialog's text size");
  await market.getByText("Screenings and meetings.").waitFor();
  const [all] = await Promise.all([page.waitForEvent("download"), (async () => {
    await page.keyboard.press("Escape");
    await cal.getByRole("button", { name: "Download these events (.ics)" }).click();
  })()]);
  assert.equal(all.suggestedFilename(), "event-calendar-2026-12.ics", "the month's file named after the calendar");
  const month = readFileSync(await all.path(), "utf8");
  const uids = [...month.matchAll(/\r\nUID:([^@]+)@/g)].map((m) => m[1]).sort();
  // The breakfast's one December day is left out, so it is not in the file.
  assert.deepEqual(uids, ["fair", "ventana"], "the events with a day in December");
  assert.match(month, /\r\nDTSTART:20261201T130000Z\r\nDTEND:20261204T220000Z\r\n/, "Ventana Sur in UTC");
  assert.doesNotMatch(month, /VTIMEZONE/, "no zone is named: nothing in the file repeats");
});

/** Adds to the page, for each `[id, width, font size]`, a column that wide holding an English
 * calendar of events.json with that id, at that font size (the page's own when none). */
function inColumns(page, columns) {
  return page.evaluate((columns) => {
    for (const [id, width, size] of columns) {
      const column = document.createElement("div");
      column.style.width = `${width}px`;
      const cal = document.createElement("clusterkit-calendar");
      cal.id = id;
      cal.setAttribute("feed", "events.json");
      cal.setAttribute("lang", "en");
      if (size) cal.style.setProperty("--ck-font-size", size);
      column.append(cal);
      document.body.append(column);
    }
  }, columns);
}

test("with larger text the calendar folds sooner: 700 px of 20-px text is under 37.5em, and lists", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await inColumns(page, [["usual", 700, "16px"], ["large", 700, "20px"]]);
  await page.locator("#usual").getByRole("grid").waitFor();
  await page.locator("#large").locator(".ck-agenda-title").first().waitFor();
  assert.equal(await page.locator("#large").getByRole("grid").count(), 0, "no grid of titles that cannot fit");
  assert.equal(await page.locator("#large").getByRole("button", { name: "List" }).getAttribute("aria-pressed"), "true");
  // A site's "larger text" button, once the month is drawn: the same.
  await page.locator("#usual").evaluate((el) => el.style.setProperty("--ck-font-size", "20px"));
  await page.locator("#usual").locator(".ck-agenda-title").first().waitFor();
  assert.equal(await page.locator("#usual").getByRole("grid").count(), 0, "the grid gone with the larger text");
});

test("at 600 px the calendar is its month with titled bars, and under 600 px (599.5 too) its list: no third layout at the edge", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  // 599.5 px (a column of a percentage, a zoom) is under 600 too.
  await inColumns(page, [["w600", 600], ["w599", 599.5]]);
  const wide = page.locator("#w600");
  await wide.getByRole("grid").waitFor();
  const bars = await wide.locator(".ck-bar").evaluateAll((b) => b.map((bar) => parseFloat(getComputedStyle(bar).fontSize)));
  assert.ok(bars.length > 0 && bars.every((size) => size > 10), `the month's bars show their titles: ${bars}`);
  // Each bar is a target of 24 px at least (WCAG 2.5.8), the three lanes of the 19th's week
  // (the talent week, two pitches) apart, and the day's "+3 more" within it.
  const day = await wide.locator('td[data-day="2026-11-19"]').evaluate((td) => ({
    bars: [...td.closest("tr").querySelectorAll(".ck-bar")].map((b) => b.getBoundingClientRect()).map((r) => [r.top, r.bottom, r.height]).sort((a, b) => a[0] - b[0]),
    more: td.querySelector(".ck-more").getBoundingClientRect().bottom,
    bottom: td.getBoundingClientRect().bottom,
  }));
  assert.equal(day.bars.length, 3, "three lanes");
  assert.ok(day.bars.every(([, , h]) => h >= 24), `24-px bars: ${JSON.stringify(day.bars)}`);
  assert.ok(day.bars.every(([top], i) => i === 0 || top >= day.bars[i - 1][1]), `lanes apart: ${JSON.stringify(day.bars)}`);
  assert.ok(day.more <= day.bottom, `"+3 more" within its day: ${day.more} > ${day.bottom}`);
  await page.locator("#w599 .ck-agenda-title").first().waitFor();
  assert.equal(await page.locator("#w599").getByRole("grid").count(), 0, "599.5 px: the list");
});

test("a segment without a colour of its own has one colour on a card's tag, a chart's column and an event's bar", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const feed = {
    version: 1,
    cluster: { name: "Plain", timezone: "Europe/Madrid" },
    segments: ["One", "Two", "Three"].map((name) => ({ id: name.toLowerCase(), name })),
    members: [{ id: "m", name: "Member", segments: ["three"] }],
    events: [{ id: "e", title: "Meeting", start: "2026-11-24", segments: ["three"] }],
  };
  await page.evaluate((feed) => {
    for (const [tag, attrs] of [["clusterkit-directory", {}], ["clusterkit-chart", { type: "column" }]]) {
      const el = document.createElement(tag);
      el.setAttribute("lang", "en");
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      const json = document.createElement("script");
      json.type = "application/json";
      json.textContent = JSON.stringify(feed);
      el.append(json);
      document.querySelector("main").append(el);
    }
  }, feed);
  await addCalendar(page, { id: "plain", lang: "en" }, feed);
  const colour = (locator, property) => locator.evaluate((el, property) => getComputedStyle(el)[property], property);
  const tag = page.locator("clusterkit-directory .ck-tag").first();
  await tag.waitFor();
  const column = page.locator("clusterkit-chart .ck-mark[aria-label^=\"Three\"] rect[part=bar]");
  const bar = page.locator("#plain .ck-bar", { hasText: "Meeting" });
  await bar.waitFor();
  const [onTag, onColumn, onBar] = [await colour(tag, "borderTopColor"), await colour(column, "fill"), await colour(bar, "borderInlineStartColor")];
  assert.equal(onTag, onColumn, "the tag as the column");
  assert.equal(onBar, onColumn, "the event as the column");
  assert.notEqual(onColumn, await colour(page.locator("clusterkit-chart .ck-mark[aria-label^=\"One\"] rect[part=bar]"), "fill"), "another segment, another colour");
  // In the dark theme, its dark palette's colour, on all three alike.
  await page.evaluate(() => document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar").forEach((el) => el.setAttribute("theme", "dark")));
  await page.waitForFunction((light) => getComputedStyle(document.querySelector("clusterkit-chart").shadowRoot.querySelector('.ck-mark[aria-label^="Three"] rect')).fill !== light, onColumn);
  const dark = [await colour(tag, "borderTopColor"), await colour(column, "fill"), await colour(bar, "borderInlineStartColor")];
  assert.deepEqual(dark, [dark[1], dark[1], dark[1]], "tag, column and bar alike in the dark theme");
});

test("a calendar whose events are all years past still reaches them: the list's earlier events, the month's previous event", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const feed = {
    version: 1,
    cluster: { name: "Dormant", timezone: "Europe/Madrid" },
    events: [
      { id: "a", title: "Founding assembly", start: "2019-03-12" },
      { id: "b", title: "Last screening", start: "2021-06-04T19:00" },
    ],
  };
  await addCalendar(page, { id: "old-list", lang: "en", view: "list" }, feed);
  await addCalendar(page, { id: "old-month", lang: "en" }, feed);
  const list = page.locator("#old-list");
  await list.getByText("No upcoming events.").waitFor();
  await list.getByRole("button", { name: "Show earlier events" }).click();
  await list.locator(".ck-agenda-title", { hasText: "Last screening" }).waitFor();
  const month = page.locator("#old-month");
  await month.getByRole("grid", { name: "November 2026" }).waitFor();
  await month.getByRole("button", { name: "Previous event: Friday 4 June 2021" }).click();
  await month.getByRole("grid", { name: "June 2021" }).waitFor();
  assert.equal(await month.locator(".ck-bar", { hasText: "Last screening" }).count(), 1);
  // An event years ahead is the next one, however far.
  await addCalendar(page, { id: "far", lang: "en" }, { ...feed, events: [...feed.events, { id: "c", title: "Relaunch", start: "2029-06-15" }] });
  await page.locator("#far").getByRole("button", { name: "Next event: Friday 15 June 2029" }).click();
  await page.locator("#far").getByRole("grid", { name: "June 2029" }).waitFor();
});

test("a month of narrow days gives a bar's room to its title, and wide days show its start time too", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await inColumns(page, [["w800", 800], ["w1000", 1000]]);
  const shown = async (id) => {
    const bar = page.locator(`#${id}`).locator(".ck-bar", { hasText: "Pitch two" });
    await bar.waitFor();
    // What a reader sees: innerText leaves out what is not displayed.
    return bar.evaluate((b) => ({ text: b.innerText.trim(), hover: b.title }));
  };
  assert.deepEqual(await shown("w800"), { text: "Pitch two", hover: "10:00 Pitch two" }, "800 px: the title first, the time on hover");
  assert.deepEqual(await shown("w1000"), { text: "10:00 Pitch two", hover: "10:00 Pitch two" }, "1,000 px: time and title");
});

test("in a narrow container the calendar lists what is coming, month by month, and earlier events on request", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const narrow = page.locator("#narrow");
  const items = narrow.locator(".ck-agenda-title");
  await items.first().waitFor();
  assert.equal(await narrow.getByRole("button", { name: "Lista" }).getAttribute("aria-pressed"), "true", "the list, without being asked");
  assert.equal(await narrow.getByRole("grid").count(), 0);
  // From 23 November 2026: the fair that starts on the 27th, Ventana Sur, then the monthly
  // breakfast (left out on 1 December) through October 2027.
  assert.deepEqual(await items.allTextContents(), ["Winter fair", "Ventana Sur", ...Array(10).fill("Breakfast")]);
  const headings = await narrow.getByRole("heading", { level: 3 }).allTextContents();
  assert.deepEqual(headings.slice(0, 3), ["Noviembre de 2026", "Diciembre de 2026", "Enero de 2027"]);
  assert.equal(headings.at(-1), "Octubre de 2027");
  await narrow.getByText("martes, 1 de diciembre de 2026, 14:00 – viernes, 4 de diciembre de 2026, 23:00 · Buenos Aires").waitFor();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, the list");

  // A list of links to the event's own page where it has one (for a new tab), of buttons
  // where it has none (a link to the page's own address would open the site's home in a new
  // tab under a <base href>); Enter opens the event here, and Escape comes back to it.
  const ventana = narrow.getByRole("link", { name: /^Ventana Sur/ });
  assert.equal(await ventana.getAttribute("href"), "https://ventana-sur.example/");
  assert.equal(await narrow.getByRole("link", { name: /^Breakfast/ }).count(), 0, "no link without a page");
  const breakfast = narrow.getByRole("button", { name: /^Breakfast/ }).first();
  await ventana.focus();
  await page.keyboard.press("Enter");
  const dialog = narrow.getByRole("dialog", { name: "Ventana Sur" });
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await narrow.evaluate((el) => el.shadowRoot.activeElement?.textContent.startsWith("Ventana Sur")), true);
  await breakfast.click();
  await narrow.getByRole("dialog", { name: "Breakfast" }).waitFor();
  // A series says how it repeats, under the dialog's "When".
  const terms = await narrow.getByRole("dialog", { name: "Breakfast" }).locator("dt").evaluateAll((dts) =>
    dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );
  assert.deepEqual(terms.find(([term]) => term === "Se repite"), ["Se repite", "cada mes, el primer martes"], JSON.stringify(terms));
  assert.equal(new URL(page.url()).hash, "", "a click opens the event without moving the page");
  // A page's script that closes the dialog and moves the focus on in one go keeps it where it
  // put it: the dialog's close event comes a task later, and taking the focus back to
  // Breakfast then would have Enter open Breakfast again instead of pressing the button.
  // (Done once the close event and what it set off have run.)
  await narrow.evaluate((el) => new Promise((done) => {
    const dialog = el.shadowRoot.querySelector("dialog[open]");
    dialog.addEventListener("close", () => setTimeout(done), { once: true });
    dialog.close();
    [...el.shadowRoot.querySelectorAll("button")].find((b) => b.textContent === "Mostrar eventos anteriores").focus();
  }));
  assert.equal(await narrow.evaluate((el) => el.shadowRoot.activeElement?.textContent), "Mostrar eventos anteriores");

  // The year before, on request (by the keyboard): the series from its first breakfast.
  await page.keyboard.press("Enter");
  await narrow.getByRole("heading", { name: "Enero de 2026" }).waitFor();
  const all = await items.allTextContents();
  assert.equal(all[0], "Breakfast");
  assert.ok(all.includes("Talent Week") && all.includes("Pitch five"), "November's past events");
  // Nothing starts before that: asking again would add nothing, so the button goes, and
  // hands the focus to the first event; the monthly breakfast goes on, so "later" stays.
  await narrow.getByRole("button", { name: "Mostrar eventos anteriores" }).waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.getElementById("narrow").shadowRoot.activeElement?.classList.contains("ck-agenda-item"));
  assert.equal(await narrow.evaluate((el) => el.shadowRoot.activeElement.textContent.startsWith("Breakfast")), true, "the focus on the first event");
  assert.equal(await narrow.getByRole("button", { name: "Mostrar eventos posteriores" }).isVisible(), true);

  // The segment toggles fold behind one "Filters" button, which counts the choices.
  const toggle = narrow.locator(".ck-filters-toggle");
  const segments = narrow.getByRole("group", { name: "Segmentos" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.equal(await segments.isVisible(), false, "folded at first");
  await toggle.click();
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, the filters unfolded");
  await segments.getByRole("button", { name: "Animation" }).click();
  await page.waitForFunction(() => document.getElementById("narrow").shadowRoot.querySelectorAll(".ck-agenda-item").length === 1);
  // Only Talent Week is kept, and it is listed: no later events to ask for.
  await narrow.getByRole("button", { name: "Mostrar eventos posteriores" }).waitFor({ state: "hidden" });
  assert.deepEqual(await items.allTextContents(), ["Talent Week"]);
  // The badge shows "1" and reads "(1 seleccionado)".
  assert.equal(await toggle.textContent(), "Filtros1(1 seleccionado)");
  await narrow.getByRole("button", { name: "Filtros (1 seleccionado)" }).waitFor();
  await toggle.click();
  assert.equal(await segments.isVisible(), false, "folded again, the choice kept");
  assert.deepEqual(await items.allTextContents(), ["Talent Week"]);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");

  // The visitor can still pick the month.
  await narrow.getByRole("button", { name: "Mes" }).click();
  await narrow.getByRole("grid", { name: "Noviembre de 2026" }).waitFor();
  const focused = () =>
    narrow.evaluate((el) => {
      const a = el.shadowRoot.activeElement;
      return [a?.textContent, a?.getAttribute("aria-pressed") ?? null];
    });
  assert.deepEqual(await focused(), ["Mes", "true"], "the view's button keeps the focus across the new heading");
  await narrow.getByRole("button", { name: "Mes siguiente" }).click();
  await narrow.getByRole("grid", { name: "Diciembre de 2026" }).waitFor();
  assert.deepEqual(await focused(), ["›", null], "and the next month's");
  await narrow.getByRole("button", { name: "Mes anterior" }).click();
  await narrow.getByRole("grid", { name: "Noviembre de 2026" }).waitFor();
  // Where titles cannot fit, bars are strips of colour and a tap on the day lists it.
  const strip = narrow.locator(".ck-bar", { hasText: "Talent Week" });
  assert.equal(await strip.evaluate((el) => getComputedStyle(el).fontSize), "0px");
  await narrow.locator('td[data-day="2026-11-19"] .ck-day-number').click();
  const day = narrow.getByRole("dialog", { name: "Jueves, 19 de noviembre de 2026", exact: true });
  await day.getByRole("button", { name: "Talent Week" }).waitFor();
  await page.keyboard.press("Escape");
  // A day without events opens nothing.
  await narrow.locator('td[data-day="2026-11-24"] .ck-day-number').click();
  await page.waitForTimeout(100);
  assert.equal(await narrow.getByRole("dialog").count(), 0);
});

test("forward opens a closed event or day again where the calendar still shows it: through a new language, not after a new feed or for a day of a month left; its entry keeps no state a router would read", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const dialog = cal.getByRole("dialog");
  // An Astro-like router acts on every move to an entry with a state: none of ours has one.
  await page.evaluate(() => {
    window.routed = 0;
    addEventListener("popstate", (e) => e.state !== null && window.routed++);
  });
  const open = async () => {
    const home = await page.evaluate(() => navigation.currentEntry.index);
    await cal.locator(".ck-bar", { hasText: "Winter fair" }).first().click();
    await dialog.filter({ hasText: "Winter fair" }).waitFor();
    assert.equal(await page.evaluate(() => history.state), null, "no state on the dialog's entry");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // Landed back on the page's entry, before a forward is pressed.
    await page.waitForFunction((home) => navigation.currentEntry.index === home && history.state === null, home);
  };
  // Through a new language: the same event, in Spanish.
  await open();
  await cal.evaluate((el) => el.setAttribute("lang", "es"));
  await cal.getByRole("grid", { name: "noviembre de 2026" }).waitFor();
  await page.goForward();
  await dialog.filter({ hasText: "Winter fair" }).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await cal.evaluate((el) => el.setAttribute("lang", "en"));
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  // A new feed with one more event at its top: what was shown may stand elsewhere now.
  await open();
  await page.route("**/events-more.json", async (route) => {
    const feed = JSON.parse(readFileSync(join(ROOT, "tests/e2e/pages/events.json"), "utf8"));
    feed.events.unshift({ id: "new", title: "Newcomer", start: "2026-11-02" });
    await route.fulfill({ json: feed });
  });
  await cal.evaluate((el) => el.setAttribute("feed", "events-more.json"));
  await cal.locator(".ck-bar", { hasText: "Newcomer" }).waitFor();
  await page.goForward();
  await page.waitForTimeout(300);
  assert.equal(await dialog.count(), 0, "nothing opened after a new feed");
  await page.goBack();
  // A day's list of a month the visitor left: not opened over another month.
  const thursday = cal.locator('td[data-day="2026-11-19"]');
  await thursday.getByText("+3 more", { exact: true }).click();
  await dialog.filter({ hasText: "Pitch one" }).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "January 2027" }).waitFor();
  await page.goForward();
  await page.waitForTimeout(300);
  assert.equal(await dialog.count(), 0, "no day's list of November over January");
  assert.equal(await page.evaluate(() => window.routed), 0, "no move the router would take");
});

test("the calendar's filters: a search, a segment, and the segments attribute", async ({ page, url, warnings }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const bars = () => cal.locator(".ck-bar").allTextContents();
  const search = cal.getByRole("searchbox", { name: "Search events" });
  await search.fill("pitch t");
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.querySelectorAll(".ck-bar").length === 2);
  // Its label stays in sight as the visitor types, where a hint inside the box went.
  assert.ok(await cal.locator("label").getByText("Search events", { exact: true }).isVisible(), "the search's label in sight");
  assert.deepEqual(await bars(), ["10:00 Pitch two", "11:00 Pitch three"], "every word, the last as a prefix");
  // How many the search keeps, in every month, is said (and read out) beside it.
  const count = cal.locator(".ck-cal-count");
  assert.equal(await count.innerText(), "2 events found");
  await cal.locator(".ck-cal-filters").getByRole("status").filter({ hasText: /^2 events found$/ }).waitFor();
  await search.fill("pitch tw");
  await count.filter({ hasText: /^1 event found$/ }).waitFor();
  await cal.locator(".ck-cal-filters").getByRole("status").filter({ hasText: /^1 event found$/ }).waitFor();
  // A letter that leaves the month empty and is taken back at once is not read out: the
  // month's "no events" is said once the visitor pauses, as the count is.
  await cal.evaluate((el) => {
    window.statusSaid = [];
    for (const region of el.shadowRoot.querySelectorAll("[role=status]")) {
      new MutationObserver(() => window.statusSaid.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    }
  });
  await search.press("x");
  await page.waitForTimeout(150);
  await search.press("Backspace");
  await page.waitForTimeout(1200);
  assert.deepEqual((await page.evaluate(() => window.statusSaid)).filter((t) => /No events/.test(t)), [], "no 'no events' while typing");
  await search.press("x");
  await page.waitForFunction(() => window.statusSaid.some((t) => /No events this month/.test(t)));
  assert.ok((await page.evaluate(() => window.statusSaid)).includes("November 2026. No events this month."), "a month a search empties is named");
  await search.press("Backspace");
  // The page's script showing another month keeps the visitor's search.
  await cal.evaluate((el) => el.setAttribute("month", "2026-12"));
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  assert.equal(await search.inputValue(), "pitch tw", "the search typed stays");
  assert.equal(await count.innerText(), "1 event found, none this month", "and what it keeps, in another month");
  await cal.evaluate((el) => el.setAttribute("month", "2026-11"));
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await search.fill("");
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.querySelector(".ck-cal-count").textContent === "");
  const animation = cal.getByRole("group", { name: "Segments" }).getByRole("button", { name: "Animation" });
  await animation.click();
  assert.equal(await animation.getAttribute("aria-pressed"), "true");
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.querySelectorAll(".ck-bar").length === 1);
  assert.deepEqual(await bars(), ["Talent Week"]);
  assert.equal(await count.innerText(), "1 event found", "a toggle's events are counted too");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, filtered");
  // A month without any of the chosen events says so and offers the next one: the press
  // shows its month, with the focus on its day. It is said in a live region that was there
  // before, empty (one inserted with its text is not read out by every screen reader).
  const quiet = await cal.evaluate((el) => {
    const status = el.shadowRoot.querySelector("p.ck-status[role=status]");
    status.dataset.before = "yes";
    return [status.textContent, status.getBoundingClientRect().height];
  });
  assert.deepEqual(quiet, ["", 0], "empty, and taking no room, while the month has events");
  await cal.getByRole("button", { name: "Previous month" }).click();
  await cal.getByRole("grid", { name: "October 2026" }).waitFor();
  await cal.getByRole("status").filter({ hasText: "No events this month." }).waitFor();
  assert.equal(await cal.locator("p.ck-status[role=status]").textContent(), "No events this month.", "a month gone to is named by its heading, not twice");
  assert.equal(await cal.locator("p.ck-status[role=status]").getAttribute("data-before"), "yes", "the same live region");
  const download = cal.getByRole("button", { name: "Download these events (.ics)" });
  assert.equal(await download.count(), 0, "no file of no events to download");
  assert.deepEqual(await axeViolations(page), [], "no axe-core violations, an empty month");
  await cal.getByRole("button", { name: "Next event: Monday 16 November 2026" }).click();
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await download.waitFor();
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.activeElement?.getAttribute("data-day") === "2026-11-16");
  // After the last of them, there is no next one to offer.
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  await cal.getByRole("status").filter({ hasText: "No events this month." }).waitFor();
  assert.equal(await cal.getByRole("button", { name: /^Next event/ }).count(), 0, "no next event after the last");
  // But the last one before, as a calendar with nothing ahead offers it.
  await cal.getByRole("button", { name: /^Previous event: .* November 2026$/ }).click();
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await animation.click();
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.querySelectorAll(".ck-bar").length > 1);

  // The page chooses a segment: the list keeps only its events.
  const narrow = page.locator("#narrow");
  await narrow.evaluate((el) => el.setAttribute("segments", "animation"));
  await narrow.getByRole("group", { name: "Segmentos", includeHidden: true })
    .getByRole("button", { name: "Animation", pressed: true, includeHidden: true }).waitFor({ state: "attached" });
  assert.equal(await narrow.locator(".ck-filters-toggle").textContent(), "Filtros1(1 seleccionado)", "counted on the folded filters");

  // Ids the feed does not define (a segment's name for its id, a typo): left out, and said
  // in the console, rather than hiding every event with no choice to undo.
  const all = (await bars()).length;
  await cal.evaluate((el) => {
    el.setAttribute("segments", "Animació");
    el.setAttribute("categories", "talkz");
  });
  await settled(() => warnings.filter((w) => w.startsWith("clusterkit: <clusterkit-calendar")).length >= 2);
  assert.equal((await bars()).length, all, "every event still shows");
  assert.equal(await cal.getByRole("button", { pressed: true }).count(), 1, "no filter chosen, the month view pressed");
  assert.deepEqual(
    warnings.filter((w) => w.startsWith("clusterkit: <clusterkit-calendar")),
    [
      'clusterkit: <clusterkit-calendar id="cal" segments>: refers to the segment “Animació”, which the data does not define.',
      'clusterkit: <clusterkit-calendar id="cal" categories>: refers to the category “talkz”, which the data does not define.',
    ],
  );
});

test("the categories attribute keeps only its categories' events, pressed among the toggles, and follows a change", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const feed = {
    version: 1,
    cluster: { name: "C", timezone: "Europe/Madrid" },
    categories: [
      { id: "talk", name: { en: "Talk", ca: "Xerrada" } },
      { id: "fair", name: { en: "Trade fair", ca: "Fira" } },
    ],
    events: [
      { id: "a", title: "Archive talk", start: "2026-11-04", category: "talk" },
      { id: "b", title: "Broadcast fair", start: "2026-11-11", category: "fair" },
      { id: "c", title: "Cinema night", start: "2026-11-18" },
    ],
  };
  await addCalendar(page, { id: "cats", lang: "en", month: "2026-11", categories: "talk" }, feed);
  const cal = page.locator("#cats");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const bars = () => cal.locator(".ck-bar").allTextContents();
  const shows = (titles) =>
    page.waitForFunction(
      (titles) => JSON.stringify([...document.getElementById("cats").shadowRoot.querySelectorAll(".ck-bar")].map((b) => b.textContent)) === JSON.stringify(titles),
      titles,
      { timeout: 5000 },
    ).catch(() => {});
  await shows(["Archive talk"]);
  assert.deepEqual(await bars(), ["Archive talk"], "only the talk");
  const toggles = cal.getByRole("group", { name: "Categories" });
  assert.equal(await toggles.getByRole("button", { name: "Talk" }).getAttribute("aria-pressed"), "true");
  assert.equal(await toggles.getByRole("button", { name: "Trade fair" }).getAttribute("aria-pressed"), "false");
  await cal.evaluate((el) => el.setAttribute("categories", "fair"));
  await shows(["Broadcast fair"]);
  assert.deepEqual(await bars(), ["Broadcast fair"], "the page's new choice");
  await cal.evaluate((el) => el.removeAttribute("categories"));
  await shows(["Archive talk", "Broadcast fair", "Cinema night"]);
  assert.deepEqual(await bars(), ["Archive talk", "Broadcast fair", "Cinema night"], "every event again");
});

test("a new language just after a filter changes: the count's announcement, pending, does not outlive the calendar drawn before", async ({ page, url }) => {
  // Playwright's clock runs the page's timers in its own order: the announcement's timer,
  // set as the filter changed, came after the language drew the calendar anew, and read the
  // region it was for, gone (a trap, in the console).
  await page.clock.setFixedTime(new Date("2026-11-20T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await page.waitForTimeout(300);
  await cal.evaluate(async (el) => {
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    el.setAttribute("segments", "animation");
    await wait(300);
    el.removeAttribute("segments");
    await wait(300);
    el.setAttribute("lang", "en-US");
  });
  await page.waitForFunction(() => document.querySelector("#cal").shadowRoot.querySelector("thead th .ck-wd")?.textContent === "Sun", null, { timeout: 5000 });
  await page.waitForTimeout(800);
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
});

test("lang with a region starts the week where that region does: Sunday for en-US, on the element or the page", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const feed = { version: 1, cluster: { name: "C" }, events: [] };
  await addCalendar(page, { id: "us", lang: "en-US", month: "2026-11" }, feed);
  await addCalendar(page, { id: "gb", lang: "en-GB", month: "2026-11" }, feed);
  const first = (id) => page.locator(`#${id} thead th .ck-wd`).first().innerText();
  await page.locator("#gb").getByRole("grid", { name: "November 2026" }).waitFor();
  await page.locator("#us").getByRole("grid", { name: "November 2026" }).waitFor();
  assert.equal(await first("us"), "Sun");
  assert.equal(await first("gb"), "Mon");
  // Without a lang of its own, the page's: an American page gets American weeks.
  await page.evaluate(() => document.documentElement.setAttribute("lang", "en-US"));
  await page.locator("#gb").evaluate((el) => el.removeAttribute("lang"));
  await page.waitForFunction(() => document.querySelector("#gb").shadowRoot.querySelector("thead th .ck-wd")?.textContent === "Sun", null, { timeout: 5000 }).catch(() => {});
  assert.equal(await first("gb"), "Sun", "the page's region");
});

test("on a phone, a tap anywhere on a day of the month grid lists that day's events, and a long URL in a title wraps", async ({ context, url }) => {
  await onPhone(context, { viewport: { width: 360, height: 740 }, locale: "en-GB" }, async (page) => {
    await page.goto(url("tests/e2e/pages/calendar-phone.html"));
    const cal = page.locator("#phone");
    await cal.getByRole("grid", { name: "November 2026" }).waitFor();
    await cal.locator(".ck-bar").first().waitFor();
    // Thursday 19: Talent Week and five pitches, as strips too thin to aim at. A tap in the
    // middle of the day, where the strips are, lists them all.
    const thursday = cal.locator('td[data-day="2026-11-19"]');
    const box = await thursday.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const dialog = cal.getByRole("dialog", { name: "Thursday 19 November 2026" });
    await dialog.waitFor({ timeout: 5000 });
    assert.equal(await dialog.getByRole("listitem").count(), 6, "the whole day, not one event");
    // On a screen as short as a 1280-px one at 400 % zoom, the dialog scrolls and its close
    // button stays in view.
    await page.setViewportSize({ width: 320, height: 256 });
    const scrolled = await dialog.evaluate((d) => {
      d.scrollTop = d.scrollHeight;
      const close = d.querySelector(".ck-dialog-close button").getBoundingClientRect();
      const box = d.getBoundingClientRect();
      // No line of the content passes under it: the content ends before the button begins.
      const beside = d.querySelector(":scope > div").getBoundingClientRect().right <= close.left + 0.5;
      return { scrolled: d.scrollTop > 0, inView: close.top >= box.top && close.bottom <= box.bottom, fits: box.bottom <= innerHeight, beside };
    });
    assert.deepEqual(scrolled, { scrolled: true, inView: true, fits: true, beside: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.keyboard.press("Escape");

    // A title that is one long URL wraps: nothing of the list, nor its Month/List switch,
    // goes past the phone's screen.
    await addCalendar(page, { id: "long", month: "2026-12", lang: "ca", view: "list" }, {
      version: 1,
      cluster: { name: "Long", timezone: "Europe/Madrid" },
      events: [{ id: "a", start: "2026-12-10", title: "Inscripcions obertes: https://www.clusteraudiovisual.cat/activitats/jornada-produccio-virtual-2026", location: "Palau de Congressos de Catalunya, Avinguda Diagonal, Barcelona" }],
    });
    const long = page.locator("#long");
    await long.getByRole("button", { name: /jornada-produccio/ }).waitFor();
    const widths = await long.evaluate((el) => {
      const wide = [...el.shadowRoot.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5);
      return { page: document.documentElement.scrollWidth, viewport: innerWidth, wide: wide.map((e) => e.className || e.localName) };
    });
    assert.deepEqual(widths.wide, [], "nothing past the screen's edge");
    assert.ok(widths.page <= widths.viewport, `the page does not scroll sideways (${widths.page} > ${widths.viewport})`);
    // On a touch screen every button (those drawn as links too) and the search box are at
    // least 44 px tall, as the README says.
    const low = await long.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("button, input")]
        .filter((e) => e.getClientRects().length && e.getBoundingClientRect().height < 44 - 0.5)
        .map((e) => `${e.textContent || e.localName}: ${Math.round(e.getBoundingClientRect().height)}`),
    );
    assert.deepEqual(low, [], "44-px targets");
  });
});

test("in a narrow month grid, a strip too faint for the page behind it is ringed in the text's colour: a pale segment on white, the brand's own colour on a brand-blue page", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/contrast.html"));
  const strips = async (id) => {
    const cal = page.locator(`#${id}`);
    await cal.getByRole("grid", { name: /2026/ }).waitFor();
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelectorAll(".ck-bar").length === 2, id);
    return cal.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll(".ck-bar")].map((bar) => {
        const style = getComputedStyle(bar);
        return {
          title: bar.textContent.trim(),
          fill: style.backgroundColor,
          height: bar.getBoundingClientRect().height,
          ring: style.boxShadow,
          ink: style.color,
        };
      }),
    );
  };
  const check = async (id, background, faintTitles) => {
    const drawn = await strips(id);
    const faint = [];
    for (const s of drawn) {
      assert.ok(s.height > 0 && s.height < 10, `${id}: ${s.title} is a strip (${s.height} px high)`);
      const ratio = contrast(channels(s.fill), background);
      const ringed = s.ring !== "none";
      assert.equal(ringed, ratio < 3, `${id}: ${s.title} (${s.fill}, ${ratio.toFixed(2)}:1) ringed: ${s.ring}`);
      if (ringed) {
        assert.ok(s.ring.startsWith(s.ink), `${id}: ${s.title} is ringed in the text colour ${s.ink}: ${s.ring}`);
        assert.ok(contrast(channels(s.ink), background) >= 4.5, `${id}: the ring stands out`);
        faint.push(s.title);
      }
    }
    assert.deepEqual(faint, faintTitles, id);
  };
  await check("strips", [255, 255, 255], ["Pale day"]);
  await check("strips-night", [0x11, 0x11, 0x11], []);
  await check("strips-blue", [0x1a, 0x56, 0xb8], ["Blue day"]);
});

test("the list offers later events only while there are any: a series with a COUNT ends", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/dynamic.html"));
  const cal = page.locator("#cal");
  await cal.evaluate((el) => {
    el.setAttribute("lang", "en");
    el.setAttribute("view", "list");
  });
  await cal.getByRole("heading", { name: "December 2026" }).waitFor();
  // The monthly breakfast's 20 sessions end in August 2027, within the year listed, and no
  // event starts after it: nothing later to show.
  await cal.getByRole("heading", { name: "August 2027" }).waitFor();
  assert.equal(await cal.getByRole("button", { name: "Show later events" }).isVisible(), false);
  assert.equal(await cal.getByRole("button", { name: "Show earlier events" }).isVisible(), true, "the year's earlier events");
});

test("a list with a month named starts from that month, not from today", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await addCalendar(page, { id: "season", month: "2027-03", lang: "en", view: "list", label: "Season 2027/28" }, {
    version: 1,
    cluster: { name: "Season", timezone: "Europe/Madrid" },
    events: [
      { id: "dec", title: "December gala", start: "2026-12-10" },
      { id: "apr", title: "April festival", start: "2027-04-15" },
    ],
  });
  const cal = page.locator("#season");
  await cal.getByRole("heading", { name: "April 2027" }).waitFor();
  assert.equal(await cal.getByRole("heading", { name: "December 2026" }).count(), 0, "nothing before March 2027");
  assert.equal(await cal.getByRole("button", { name: "Show earlier events" }).isVisible(), true, "the gala one press away");
  // An inline feed with no website: its events' UIDs are at the page's own address, not at
  // one every such site would share, nor one every page of this site would.
  const [download] = await Promise.all([page.waitForEvent("download"), cal.getByRole("button", { name: "Download these events (.ics)" }).click()]);
  assert.equal(download.suggestedFilename(), "season-2027-28.ics", "the list's file named after the calendar's label");
  const ics = readFileSync(await download.path(), "utf8");
  const here = new URL(page.url());
  assert.ok(ics.includes(`\r\nUID:apr@${here.host}${here.pathname}\r\n`), ics);
});

test("a busy calendar's list shows a month or so at a time, never thousands of events at once", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  // Twelve sessions a day for two years: 8,760 events.
  const events = [];
  for (let day = new Date("2026-01-01T00:00:00Z"); day < new Date("2028-01-01T00:00:00Z"); day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    for (let h = 8; h < 20; h++) events.push({ id: `${date}-${h}`, title: `Session ${h}`, start: `${date}T${String(h).padStart(2, "0")}:00:00` });
  }
  await addCalendar(page, { id: "busy", lang: "en", view: "list" }, { version: 1, cluster: { name: "Busy", timezone: "Europe/Madrid" }, events });
  const cal = page.locator("#busy");
  const items = () => cal.locator(".ck-agenda-item").count();
  const months = () => cal.locator(".ck-agenda-month h3").allTextContents();
  await cal.getByRole("heading", { name: "November 2026" }).waitFor();
  // From today, the 23rd: 8 days of 12 are not yet a hundred, so December too.
  assert.deepEqual(await months(), ["November 2026", "December 2026"]);
  assert.equal(await items(), 96 + 31 * 12);
  // Each step a month more (a hundred events and more), not a year of 4,380.
  await cal.getByRole("button", { name: "Show later events" }).click();
  await cal.getByRole("heading", { name: "January 2027" }).waitFor();
  assert.deepEqual(await months(), ["November 2026", "December 2026", "January 2027"]);
  assert.equal(await items(), 96 + 62 * 12);
  // Earlier: November's first 22 days, a hundred and more.
  await cal.getByRole("button", { name: "Show earlier events" }).click();
  await page.waitForFunction(() => document.getElementById("busy").shadowRoot.querySelectorAll(".ck-agenda-item").length === (30 + 31 + 31) * 12);
  assert.deepEqual(await months(), ["November 2026", "December 2026", "January 2027"]);
  // The months reached stay as a search narrows the list and is cleared.
  const search = cal.getByRole("searchbox");
  await search.fill("Session 9");
  await page.waitForFunction(() => document.getElementById("busy").shadowRoot.querySelectorAll(".ck-agenda-item").length === 30 + 31 + 31);
  await search.fill("");
  await page.waitForFunction(() => document.getElementById("busy").shadowRoot.querySelectorAll(".ck-agenda-item").length === (30 + 31 + 31) * 12);
  assert.deepEqual(await months(), ["November 2026", "December 2026", "January 2027"]);
});

test("the grid's one tab stop is on today, and 'Today' brings it back there from another day", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const stop = () => cal.evaluate((el) => [...el.shadowRoot.querySelectorAll("td[tabindex='0']")].map((td) => td.dataset.day));
  assert.deepEqual(await stop(), ["2026-11-23"], "today, not the 1st");
  await cal.locator('td[data-day="2026-11-10"]').click();
  assert.deepEqual(await stop(), ["2026-11-10"]);
  await cal.getByRole("button", { name: "Today" }).click();
  await page.waitForFunction(() => document.getElementById("cal").shadowRoot.querySelector("td[tabindex='0']")?.dataset.day === "2026-11-23");
  assert.deepEqual(await stop(), ["2026-11-23"], "back on today");
});

test("today moves on at midnight while the page stays open", async ({ page, url }) => {
  // 23:58 in Madrid on 30 November 2026; the grid shows November, and its last row 1 December.
  await page.clock.install({ time: new Date("2026-11-30T22:58:00Z") });
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const today = () => cal.evaluate((el) => [...el.shadowRoot.querySelectorAll(".ck-month td.ck-today")].map((td) => td.dataset.day));
  assert.deepEqual(await today(), ["2026-11-30"]);
  await page.clock.runFor(5 * 60_000);
  await page.waitForFunction(() =>
    document.getElementById("cal").shadowRoot.querySelector(".ck-month td.ck-today")?.dataset.day === "2026-12-01");
  assert.deepEqual(await today(), ["2026-12-01"], "one day is today, and it is the new one");
});

test("a calendar left open goes on with the day: to the next month, the keyboard's place and the list's focus kept, a traveller's own zone followed", async ({ page, url }) => {
  // 23:58 in Madrid on 30 November 2026; the visitor's own clock is in Los Angeles.
  await page.clock.install({ time: new Date("2026-11-30T22:58:00Z") });
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const feed = {
    version: 1,
    cluster: { name: "Lobby", timezone: "Europe/Madrid" },
    events: [
      { id: "talk", title: "Morning talk", start: "2026-12-01T10:00", end: "2026-12-01T11:00" },
      { id: "lab", title: "Workshop", start: "2026-12-02T18:00", end: "2026-12-02T19:00" },
    ],
  };
  await addCalendar(page, { id: "lobby", lang: "en", view: "month" }, feed);
  await addCalendar(page, { id: "coming", lang: "en", view: "list" }, feed);
  const focused = (id) => page.evaluate((id) => {
    const active = document.getElementById(id).shadowRoot.activeElement;
    return active?.dataset.day ?? active?.textContent ?? null;
  }, id);
  // Midnight in Madrid with the keyboard on the 30th: the month grid on November goes on to
  // December, as a new visit would open it, the keyboard on its new today.
  const lobby = page.locator("#lobby");
  await lobby.getByRole("grid", { name: "November 2026" }).waitFor();
  await lobby.locator('td[data-day="2026-11-30"]').focus();
  await page.clock.runFor(5 * 60_000);
  await lobby.getByRole("grid", { name: "December 2026" }).waitFor();
  assert.equal(await focused("lobby"), "2026-12-01", "the keyboard on the new today, not lost");
  // The next midnight with the focus on the workshop in the list: the talk, over, goes from
  // the list, and the focus stays on the workshop.
  const coming = page.locator("#coming");
  await coming.getByRole("button", { name: /^Morning talk/ }).waitFor();
  await page.clock.runFor(Date.parse("2026-12-01T22:58:00Z") - Date.parse("2026-11-30T23:03:00Z"));
  await coming.getByRole("button", { name: /^Workshop/ }).focus();
  await page.clock.runFor(5 * 60_000);
  await settled(async () => (await coming.getByRole("button", { name: /^Morning talk/ }).count()) === 0);
  assert.match(await focused("coming"), /^Workshop/, "the focus on the same event");
  // The workshop at 18:00 in Madrid is at 09:00 on a visitor's Los Angeles clock; the
  // laptop set to Madrid's zone (a traveller landing), the `local` calendar shows it at
  // 18:00 within a minute, with no reload. (In a context of its own: the zone this one
  // emulates cannot be changed.)
  const own = await page.context().browser().newContext();
  try {
    const traveller = await own.newPage();
    const cdp = await own.newCDPSession(traveller);
    await cdp.send("Emulation.setTimezoneOverride", { timezoneId: "America/Los_Angeles" });
    await traveller.clock.install({ time: new Date("2026-12-01T12:00:00Z") });
    await traveller.goto(url("tests/e2e/pages/calendar.html"));
    await addCalendar(traveller, { id: "mine", lang: "en", view: "list", timezone: "local" }, feed);
    const workshop = traveller.locator("#mine").getByRole("button", { name: /^Workshop/ });
    assert.match(await workshop.textContent(), /09:00–\u206010:00/);
    await cdp.send("Emulation.setTimezoneOverride", { timezoneId: "Europe/Madrid" });
    await traveller.clock.runFor(61_000);
    await settled(async () => /18:00–\u206019:00/.test(await workshop.textContent()));
  } finally {
    await own.close();
  }
});

test("the list offers the earlier event that began, in the calendar's zone, the day before its own date", async ({ page, url }) => {
  // 10:00 in Madrid on 21 March 2027. The kickoff is at 00:30 on the 21st in Auckland,
  // which is 12:30 on the 20th in Madrid: yesterday, so not listed, but there to ask for.
  await page.clock.setFixedTime(new Date("2027-03-21T09:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  await addCalendar(page, { id: "akl", lang: "en", view: "list" }, {
    version: 1,
    cluster: { name: "C", timezone: "Europe/Madrid" },
    events: [
      { id: "akl", title: "Auckland kickoff", start: "2027-03-21T00:30", end: "2027-03-21T02:00", timezone: "Pacific/Auckland" },
      { id: "may", title: "May meeting", start: "2027-05-10" },
    ],
  });
  const akl = page.locator("#akl");
  await akl.getByRole("button", { name: /^May meeting/ }).waitFor();
  await akl.getByRole("button", { name: "Show earlier events" }).click();
  await akl.getByRole("button", { name: /^Auckland kickoff/ }).waitFor();
});

test("the month's live heading is said when the visitor changes the month, not as the page loads", async ({ page, url }) => {
  // Every change inside the widgets' shadow roots, from their first drawing on.
  await page.addInitScript(() => {
    window.headingWrites = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver((records) => {
        for (const r of records) {
          const at = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const heading = at?.closest?.("h2[aria-live]");
          if (heading) window.headingWrites.push(heading.textContent);
        }
      }).observe(root, { childList: true, characterData: true, subtree: true });
      return root;
    };
  });
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => window.headingWrites), [], "nothing said as it loads");
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.headingWrites), ["December 2026"]);
  // Months without the events searched for, one after another: each says so.
  const search = cal.getByRole("searchbox", { name: "Search events" });
  await search.fill("talent");
  await cal.evaluate((el) => {
    window.statusSaid = [];
    const region = el.shadowRoot.querySelector("p.ck-status[role=status]");
    new MutationObserver(() => window.statusSaid.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  await page.waitForFunction(() => window.statusSaid.length === 1);
  for (const month of ["November 2026", "October 2026", "September 2026"]) {
    await cal.getByRole("button", { name: "Previous month" }).click();
    await cal.getByRole("grid", { name: month }).waitFor();
  }
  await page.waitForTimeout(300);
  const said = await page.evaluate(() => window.statusSaid);
  assert.deepEqual(said.map((t) => t.trim()), ["December 2026. No events this month.", "", "No events this month.", "No events this month."], JSON.stringify(said));
  // A search cleared: its count's live region is emptied too, not left saying "1 event found".
  await search.fill("");
  await page.waitForTimeout(1200);
  assert.equal(await cal.locator(".ck-cal-filters [role=status]").textContent(), "");
});


test("the calendar's count says how many of the events found the month or the list shows", async ({ page, url }) => {
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const count = cal.locator(".ck-cal-count");
  const search = cal.getByRole("searchbox", { name: "Search events" });
  // The winter fair runs from November into December: it is in November's grid. Ventana
  // Sur is all December: found, and not in November's.
  await search.fill("fair");
  await count.filter({ hasText: /^1 event found$/ }).waitFor();
  await search.fill("ventana");
  await count.filter({ hasText: /^1 event found, none this month$/ }).waitFor();
  const status = cal.locator(".ck-cal-filters [role=status]");
  await status.filter({ hasText: /^1 event found, none this month$/ }).waitFor();
  // Another month changes the count on screen; the heading says the month, and the count
  // is not read out again.
  await cal.evaluate((el) => {
    window.countSaid = [];
    const region = el.shadowRoot.querySelector(".ck-cal-filters [role=status]");
    new MutationObserver(() => window.countSaid.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  await cal.getByRole("button", { name: "Next month" }).click();
  await cal.getByRole("grid", { name: "December 2026" }).waitFor();
  await count.filter({ hasText: /^1 event found$/ }).waitFor();
  await page.waitForTimeout(1200);
  assert.deepEqual(await page.evaluate(() => window.countSaid), [], "not read out again");
  // A toggle's events too: the talent week is in November.
  await search.fill("");
  await cal.getByRole("group", { name: "Segments" }).getByRole("button", { name: "Animation" }).click();
  await count.filter({ hasText: /^1 event found, none this month$/ }).waitFor();
  // The list (in Spanish) from today, the 23rd: the pitches of the 19th are behind "show
  // earlier", and the count says none is listed until they are shown.
  const narrow = page.locator("#narrow");
  const buscar = narrow.getByRole("searchbox");
  await buscar.fill("pitch");
  const cuenta = narrow.locator(".ck-cal-count");
  await cuenta.filter({ hasText: /^5 eventos encontrados, ninguno en la lista$/ }).waitFor();
  await narrow.getByRole("button", { name: "Mostrar eventos anteriores" }).click();
  await narrow.locator(".ck-agenda-title").filter({ hasText: "Pitch five" }).waitFor();
  await cuenta.filter({ hasText: /^5 eventos encontrados$/ }).waitFor();
});

test("a calendar search that finds no event as typed shows those it comes close to, and says so", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/calendar.html"));
  const cal = page.locator("#cal");
  await cal.getByRole("grid", { name: "November 2026" }).waitFor();
  const search = cal.getByRole("searchbox", { name: "Search events" });
  const count = cal.locator(".ck-cal-count");
  // Two letters swapped in a word of five: the five pitches, said to be close matches.
  await search.fill("ptich");
  await count.filter({ hasText: "No event matches “ptich” exactly. Close matches: 5 events found." }).waitFor();
  await cal.locator(".ck-bar").filter({ hasText: "Pitch one" }).waitFor();
  await cal.locator(".ck-cal-filters").getByRole("status").filter({ hasText: /^No event matches “ptich” exactly/ }).waitFor();
  // As typed, only what it finds.
  await search.fill("pitch tw");
  await count.filter({ hasText: /^1 event found$/ }).waitFor();
  // Too far: nothing, and a plain count.
  await search.fill("qwerty");
  await count.filter({ hasText: /^0 events found$/ }).waitFor();
});
