// The two engines besides Chromium a visitor's browser may run, each behind the same few
// calls: Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi) and
// WebKit, Safari's engine (Debian's WebKitGTK MiniBrowser, driven by its WebKitWebDriver over
// WebDriver classic, on a display of Xvfb's). Input is the browser's own (trusted clicks and
// keys), never events made up by a script.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export const FIREFOX = process.env.CK_FIREFOX ?? "/usr/bin/firefox-esr";
/** WebKitGTK's MiniBrowser, in the machine's own library folder (x86_64-linux-gnu, …). */
export const MINIBROWSER =
  process.env.CK_MINIBROWSER ??
  readdirSync("/usr/lib")
    .map((dir) => join("/usr/lib", dir, "webkit2gtk-4.1/MiniBrowser"))
    .find((path) => existsSync(path));

/**
 * What a test drives, whichever the engine:
 * - `goto(url)`;
 * - `run(fn, ...args)`: `fn` (a function, maybe async) run in the page, its JSON result;
 * - `click(fn, ...args)`, `hover(fn, ...args)` and `type(fn, text)`: a click on, the pointer
 *   moved onto, or keys typed into, the element `fn` returns in the page (in a shadow root
 *   or not);
 * - `press(key)`: a key ("Escape", "Tab", "Enter") to the focused element;
 * - `back()`, the browser's back button;
 * - `printed()`: the text of each page the page prints on (A4), or null where the engine
 *   cannot say (WebKit: no reader of PDF here);
 * - `errors()`: the console errors and warnings and uncaught errors so far;
 * - `close()`.
 */

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port no one listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Firefox, in the time zone `tz`, with a context of its own (storage, history) per page. */
export async function firefox({ tz }) {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, TZ: tz },
    extraPrefsFirefox: { "intl.accept_languages": "ca-ES, ca" },
  });
  const version = (await browser.version()).replace(/^firefox\//i, "");
  return {
    name: `Firefox ${version}`,
    close: () => browser.close(),
    async page() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const errors = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warn") errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`uncaught: ${e.message ?? e}`));
      const element = async (fn, args) => {
        const handle = (await page.evaluateHandle(fn, ...args)).asElement();
        if (!handle) throw new Error(`no element for ${fn}`);
        return handle;
      };
      return {
        goto: (url) => page.goto(url),
        run: (fn, ...args) => page.evaluate(fn, ...args),
        click: async (fn, ...args) => (await element(fn, args)).click(),
        hover: async (fn, ...args) => (await element(fn, args)).hover(),
        type: async (fn, text) => (await element(fn, [])).type(text),
        press: (key) => page.keyboard.press(key),
        // The history's back, as the browser's button goes (goBack waits for a load that a
        // move within the page never gives).
        back: () => page.evaluate(() => history.back()),
        async printed() {
          // Printed to a file, which Firefox's own PDF reader (pdf.js) reads back.
          const file = join(mkdtempSync(join(tmpdir(), "ck-print-")), "page.pdf");
          writeFileSync(file, await page.pdf({ format: "A4" }));
          const reader = await context.newPage();
          try {
            await reader.goto(pathToFileURL(file).href);
            return await reader.evaluate(async () => {
              for (let i = 0; !window.PDFViewerApplication?.pdfDocument; i += 1) {
                if (i > 200) throw new Error("pdf.js did not open the file");
                await new Promise((r) => setTimeout(r, 50));
              }
              const pdf = window.PDFViewerApplication.pdfDocument;
              const pages = [];
              for (let i = 1; i <= pdf.numPages; i += 1) {
                const text = await (await pdf.getPage(i)).getTextContent();
                pages.push(text.items.map((item) => item.str).join(" "));
              }
              return pages;
            });
          } finally {
            await reader.close();
            rmSync(dirname(file), { recursive: true, force: true });
          }
        },
        errors: async () => [...errors, ...((await page.evaluate(() => window.__ckErrors ?? []).catch(() => [])) ?? [])],
        close: () => context.close(),
      };
    },
  };
}

/** WebDriver's code for a key ("Escape", "Tab", "Enter", "End"…). */
const KEYS = { Escape: "\uE00C", Tab: "\uE004", Enter: "\uE007", End: "\uE010", Home: "\uE011", ArrowUp: "\uE013", ArrowDown: "\uE015", ArrowLeft: "\uE012", ArrowRight: "\uE014", " ": " " };
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** WebKitGTK's MiniBrowser (a session of its own, its automation mode's ephemeral profile,
 * per page), in the time zone `tz`, on a display of its own. */
export async function webkit({ tz }) {
  const children = [];
  const started = (cmd, args, env) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    // Not left behind if the tests end early.
    process.on("exit", () => child.kill());
    return child;
  };
  // Xvfb picks a free display and writes its number.
  const xvfb = started("Xvfb", ["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]);
  const display = await new Promise((resolve, reject) => {
    let out = "";
    xvfb.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(`:${out.trim()}`);
    });
    xvfb.on("exit", (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const port = await freePort();
  const driver = started("WebKitWebDriver", [`--port=${port}`], { DISPLAY: display, TZ: tz });
  const close = async () => {
    for (const child of children.reverse()) child.kill();
  };
  const base = `http://127.0.0.1:${port}`;
  // A command the driver does not answer within a minute (the MiniBrowser it drives has
  // gone: WebKitGTK's quits now and then on this machine) fails, marked `browserGone`, for
  // the runner to try the test once more in a new browser.
  const call = async (method, path, body) => {
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (e) {
      throw Object.assign(new Error(`WebDriver ${path}: no answer (${e.name}: ${e.message})`), { browserGone: true });
    }
    const { value } = await response.json();
    if (value && value.error) {
      // What a browser that quit leaves: its session unknown, or an error without a word.
      const gone = /invalid session id|session not created|no such window/.test(value.error) || (value.error === "unknown error" && !String(value.message ?? "").trim());
      throw Object.assign(new Error(`WebDriver ${path}: ${value.error}: ${value.message}`), { browserGone: gone });
    }
    return value;
  };
  for (let i = 0; ; i += 1) {
    try {
      await call("GET", "/status");
      break;
    } catch (e) {
      if (i > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${e.message}`);
      await wait(100);
    }
  }
  let version = "";
  return {
    get name() {
      return `WebKitGTK ${version}`;
    },
    close,
    async page() {
      const session = await call("POST", "/session", {
        capabilities: {
          alwaysMatch: {
            "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation", `--time-zone=${tz}`] },
          },
        },
      });
      version = session.capabilities.browserVersion;
      const at = `/session/${session.sessionId}`;
      // The page's function called with the arguments, through a promise; its result or error.
      const run = async (fn, ...args) => {
        const script = `const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
            .then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String((e && e.stack) || e) }));`;
        const { v, e } = await call("POST", `${at}/execute/async`, { script, args });
        if (e !== undefined) throw new Error(`in the page: ${e}`);
        return v;
      };
      const element = async (fn, args) => {
        const found = await call("POST", `${at}/execute/sync`, { script: `return (${fn}).apply(null, arguments)`, args });
        if (!found || !found[ELEMENT]) throw new Error(`no element for ${fn}`);
        return found[ELEMENT];
      };
      await call("POST", `${at}/timeouts`, { script: 30000 });
      return {
        goto: (url) => call("POST", `${at}/url`, { url }),
        run,
        click: async (fn, ...args) => call("POST", `${at}/element/${await element(fn, args)}/click`, {}),
        hover: async (fn, ...args) => {
          const origin = { [ELEMENT]: await element(fn, args) };
          const move = { type: "pointerMove", origin, x: 0, y: 0, duration: 0 };
          return call("POST", `${at}/actions`, { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [move] }] });
        },
        type: async (fn, text) => call("POST", `${at}/element/${await element(fn, [])}/value`, { text }),
        press: (key) =>
          call("POST", `${at}/actions`, {
            actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }],
          }),
        back: () => call("POST", `${at}/back`, {}),
        printed: async () => null,
        errors: () => run(() => window.__ckErrors ?? ["the page's error recorder is missing"]),
        close: () => call("DELETE", at).catch(() => {}),
      };
    },
  };
}
