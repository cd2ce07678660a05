// cargo xtask bench, the chart: from navigation start to the drawn chart (fetch, parse and
// Wasm or script start included), members per segment on the generated feed, clusterkit
// beside Chart.js in the same headless Chromium session, cold cache each run, at full speed
// and with the CPU slowed 4x. Timings are printed, never asserted.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { ARGS } from "../e2e/harness.mjs";
import { openPage, quantile } from "./common.mjs";

const BASE = process.env.CK_BASE;
const FEED = process.env.CK_FEED;
const RUNS = Number(process.env.CK_RUNS ?? 9);
const LANG = process.env.CK_LANG ?? "ca";
const pkg = (name) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), "utf8"));
const SIDES = {
  clusterkit: "tests/bench/chart.html",
  chartjs: "tests/bench/chartjs.html",
};


/** Navigation start to the drawn chart, in a fresh context. */
async function drawn(browser, side, throttle) {
  const { context, page } = await openPage(browser, { base: BASE, page: SIDES[side], feed: FEED, lang: LANG, throttle, label: side });
  const ms = await page.evaluate(() => window.__firstCard);
  await context.close();
  return ms;
}

const browser = await chromium.launch({ executablePath: process.env.CK_CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const brotli = (path) =>
  brotliCompressSync(readFileSync(new URL(`../../${path}`, import.meta.url)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
const chartjsBytes = brotli("node_modules/chart.js/dist/chart.umd.min.js");
console.log(`
chart beside Chart.js ${pkg("chart.js").version} (members per segment as horizontal bars, its animation off), in ms
${FEED}, lang ${LANG}, headless Chromium ${browser.version()}; ${RUNS} cold runs a side
  drawn   navigation start to the first drawn bar (clusterkit: in the DOM; Chart.js: its
          constructor returned, the canvas painted), fetch, parse and script or Wasm start included
  Chart.js alone is ${(chartjsBytes / 1024).toFixed(1)} KB brotli (chart.umd.min.js), before the page's own script
`);
console.log(`${"".padEnd(12)}${"clusterkit".padStart(22)}${"Chart.js".padStart(22)}  ours/theirs`);
console.log(`${"CPU".padEnd(12)}${"median    p95".padStart(22)}${"median    p95".padStart(22)}  median   p95`);
let ratio1 = null;
for (const throttle of [1, 4]) {
  const times = { clusterkit: [], chartjs: [] };
  for (const side of Object.keys(SIDES)) await drawn(browser, side, throttle); // warm the browser, not the cache
  for (let i = 0; i < RUNS; i++) for (const side of Object.keys(SIDES)) times[side].push(await drawn(browser, side, throttle));
  const [a, b] = [times.clusterkit, times.chartjs].map((xs) => [quantile(xs, 0.5), quantile(xs, 0.95)]);
  const fmt = ([m, p]) => `${m.toFixed(0).padStart(13)}${p.toFixed(0).padStart(9)}`;
  const r = [(a[0] / b[0]).toFixed(2), (a[1] / b[1]).toFixed(2)];
  if (throttle === 1) ratio1 = a[0] / b[0];
  console.log(`${`${throttle}x drawn`.padEnd(12)}${fmt(a)}${fmt(b)}  ${r[0].padStart(6)}${r[1].padStart(6)}`);
}
console.log(`\ngoal of the issue (printed, not asserted): drawn <= 0.5 of Chart.js: median ${ratio1.toFixed(2)}, ${ratio1 <= 0.5 ? "met" : "NOT met"}`);
await browser.close();
