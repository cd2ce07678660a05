// A tiny test harness for the end-to-end tier: each test gets a fresh browser context in
// America/Los_Angeles with a Catalan browser locale, and fails on any console error or
// uncaught page error, besides its own assertions.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

export { assert };

export const BASE = process.env.CK_BASE ?? "http://127.0.0.1:8080/";
export const BASE_OCTET = process.env.CK_BASE_OCTET ?? BASE;
/** Another origin that sends no CORS header: the page may not read what it serves. */
export const BASE_NO_CORS = process.env.CK_BASE_NO_CORS ?? "http://127.0.0.1:8098/";

const tests = [];

/**
 * Registers a test: `fn({ page, context, errors, warnings, url })`. With
 * `{ networkErrors: true }`, the browser's own "Failed to load resource" lines (a 404 the
 * test asks for) are not counted as console errors.
 */
export function test(name, fn, options = {}) {
  tests.push({ name, fn, options });
}

export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Waits until `ready()` (checked here, in Node: a list of console messages, say) holds, for up
 * to `timeout` ms, then `quiet` ms more for anything that should not come; the assertions
 * after it say what was wrong, if anything. A fixed sleep alone fails on a slow machine.
 */
export async function settled(ready, { timeout = 5000, quiet = 200 } = {}) {
  for (const end = Date.now() + timeout; !ready() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, quiet));
}

/** Launches Debian's Chromium (never a downloaded one). */
export function launch() {
  return chromium.launch({ executablePath: process.env.CK_CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
}

export async function run() {
  const only = process.argv[2];
  const browser = await launch();
  let failed = 0;
  for (const { name, fn, options } of tests) {
    if (only && !name.includes(only)) continue;
    const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "ca-ES" });
    const page = await context.newPage();
    const errors = [];
    const warnings = [];
    page.on("console", (msg) => {
      const network = msg.text().startsWith("Failed to load resource");
      if (msg.type() === "error" && !(network && options.networkErrors)) errors.push(msg.text());
      if (msg.type() === "warning") warnings.push(msg.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    const started = Date.now();
    try {
      await fn({ page, context, errors, warnings, url: (path) => new URL(path, BASE).href });
      assert.deepEqual(errors, [], "no console errors");
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split("\n").join("\n     ")}`);
      if (errors.length) console.log(`     console errors: ${errors.join(" | ")}`);
    }
    await context.close();
  }
  await browser.close();
  console.log(failed ? `\n${failed} end-to-end test(s) failed` : "\nall end-to-end tests passed");
  process.exit(failed ? 1 : 0);
}
