// cargo xtask bench: time from navigation start to the first rendered member card of a
// 10,000-member feed in headless Chromium, cold cache each run, at full speed and with the
// CPU slowed 4x through the DevTools protocol (a mid-range phone).
import { launch } from "../e2e/harness.mjs";

const BASE = process.env.CK_BASE;
const FEED = process.env.CK_FEED;
const RUNS = Number(process.env.CK_RUNS ?? 9);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

async function firstCard(browser, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const feedUrl = new URL(FEED, BASE).href;
  await page.goto(new URL(`tests/bench/first-card.html?feed=${encodeURIComponent(feedUrl)}`, BASE).href);
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 120_000, polling: 50 });
  const ms = await page.evaluate(() => window.__firstCard);
  await context.close();
  return ms;
}

const browser = await launch();
console.log(`\nfirst member card, ${FEED} (navigation start to card in the DOM, ${RUNS} cold runs)`);
console.log("CPU        median      p95      min");
for (const throttle of [1, 4]) {
  await firstCard(browser, throttle); // warm up the browser process, not the page cache
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstCard(browser, throttle));
  const f = (x) => `${x.toFixed(0).padStart(5)} ms`;
  console.log(`${`${throttle}x`.padEnd(8)} ${f(quantile(times, 0.5))} ${f(quantile(times, 0.95))} ${f(Math.min(...times))}`);
}
await browser.close();
