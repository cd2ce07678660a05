// Shared by the benchmarks (directory.mjs, chart.mjs).

/** The q-quantile of a list of timings (nearest rank). */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/** A fresh context (cold cache) with the CPU slowed `throttle` times (and, given `link`, the
 * network as slow as `{ mbps, rtt }`), on `page` (a path under `base`, given ?feed= and
 * ?lang=) once it has set window.__firstCard. A page error is printed and makes the bench
 * exit non-zero. */
export async function openPage(browser, { base, page: path, feed, lang, throttle, label, link }) {
  const context = await browser.newContext({ locale: "ca-ES" });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    console.error(`${label}: page error: ${e}`);
    process.exitCode = 1;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  if (link) {
    await cdp.send("Network.enable");
    const bytes = (link.mbps * 1e6) / 8;
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: link.rtt,
      downloadThroughput: bytes,
      uploadThroughput: bytes,
    });
  }
  const feedUrl = new URL(feed, base).href;
  await page.goto(new URL(`${path}?feed=${encodeURIComponent(feedUrl)}&lang=${lang}`, base).href);
  await page.waitForFunction(() => window.__firstCard !== undefined, null, { timeout: 120_000, polling: 50 });
  return { context, page, cdp };
}
