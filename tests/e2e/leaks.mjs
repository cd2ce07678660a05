// End-to-end test of leaks: widgets added and removed a thousand times each leave the DOM
// node count, the event listener count and the Wasm memory where they were, within small
// bounds: 50 nodes, 10 listeners, 128 KiB (two Wasm pages) of memory. Measured on
// 2026-11-24: no change in any of the three (before the feeds' watchers, the Wasm memory
// grew by some 200 bytes a mount, a subscription Leptos kept on the shared feed signal).
import { test, assert } from "./harness.mjs";

/** The page's node and listener counts after a forced garbage collection (the DevTools
 * protocol's counts include shadow-root and detached nodes), and the Wasm memory's size. */
async function measure(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name).value;
  // The Wasm memory is in the loader's closure, not on window: found by its prototype.
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
    returnByValue: true,
  });
  return { nodes: metric("Nodes"), listeners: metric("JSEventListeners"), wasm: result.value };
}

test("adding and removing each widget 1,000 times leaks no nodes, listeners or Wasm memory", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/churn.html"));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const churn = (times) =>
    page.evaluate(async (times) => {
      const stage = document.getElementById("stage");
      const rendered = (el, selector) =>
        new Promise((resolve) => {
          const check = () => (el.shadowRoot?.querySelector(selector) ? resolve() : requestAnimationFrame(check));
          check();
        });
      for (let i = 0; i < times; i++) {
        for (const [tag, selector] of [
          ["clusterkit-directory", "article"],
          ["clusterkit-chart", "svg [role=listitem]"],
          ["clusterkit-calendar", "td"],
        ]) {
          const el = document.createElement(tag);
          el.setAttribute("feed", "/www/feeds/madrid.json");
          stage.append(el);
          await rendered(el, selector);
          el.remove();
        }
      }
    }, times);
  await churn(30); // warm-up: the feed read, the Wasm memory grown to its working size
  const before = await measure(cdp);
  await churn(1000);
  // Removal cleans up in a task of its own (the feed release): let it run, on a slow machine
  // for up to three seconds.
  let after = await measure(cdp);
  for (const end = Date.now() + 3000; after.nodes - before.nodes > 50 && Date.now() < end; after = await measure(cdp)) {
    await page.waitForTimeout(100);
  }
  console.log(`     leaks: nodes ${before.nodes} → ${after.nodes}, listeners ${before.listeners} → ${after.listeners}, Wasm ${before.wasm} → ${after.wasm} bytes`);
  assert.equal(before.wasm.length, 1, "one Wasm memory");
  assert.ok(after.nodes - before.nodes <= 50, `nodes ${before.nodes} → ${after.nodes}`);
  assert.ok(after.listeners - before.listeners <= 10, `listeners ${before.listeners} → ${after.listeners}`);
  assert.ok(after.wasm[0] - before.wasm[0] <= 128 << 10, `Wasm memory ${before.wasm[0]} → ${after.wasm[0]}`);
});

test("a feed's address changed 100 times (a version in its query, as CMS plugins write) keeps a few feeds in the Wasm memory, not all; one that failed is fetched afresh by the next element", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/churn.html"));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const churn = (from, times) =>
    page.evaluate(async ([from, times]) => {
      const stage = document.getElementById("stage");
      for (let i = from; i < from + times; i++) {
        const el = document.createElement("clusterkit-directory");
        el.setAttribute("feed", `/www/feeds/catalonia.json?v=${i}`);
        stage.append(el);
        await new Promise((resolve) => {
          const check = () => (el.shadowRoot?.querySelector("article") ? resolve() : requestAnimationFrame(check));
          check();
        });
        el.remove();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }, [from, times]);
  await churn(0, 10);
  const before = await measure(cdp);
  await churn(10, 100);
  await page.waitForTimeout(100);
  const after = await measure(cdp);
  console.log(`     100 addresses: Wasm ${before.wasm} → ${after.wasm} bytes`);
  // Each feed read is some 70 KB of Wasm memory: a hundred kept would be 7 MB.
  assert.ok(after.wasm[0] - before.wasm[0] <= 512 << 10, `Wasm memory ${before.wasm[0]} → ${after.wasm[0]}`);

  // A server that fails once, then answers: an element added after the failure's element was
  // removed asks it again, and shows the members.
  let asked = 0;
  await page.route("**/www/feeds/madrid.json?down", (route) => (asked++ === 0 ? route.fulfill({ status: 503, body: "" }) : route.continue()));
  const add = () =>
    page.evaluate(() => {
      const el = document.createElement("clusterkit-directory");
      el.setAttribute("feed", "/www/feeds/madrid.json?down");
      el.lang = "en";
      document.getElementById("stage").append(el);
    });
  await add();
  const dir = page.locator("clusterkit-directory");
  await dir.getByRole("alert").filter({ hasText: "503" }).waitFor();
  await dir.evaluate((el) => el.remove());
  await page.waitForTimeout(50);
  await add();
  await dir.getByRole("article").first().waitFor();
  assert.equal(asked, 2, "the feed asked again");
}, { networkErrors: true });
