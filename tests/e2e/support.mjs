// What the end-to-end tests share: the repository's root, its feeds, and axe-core.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const feedOf = (name) => JSON.parse(readFileSync(join(ROOT, "www/feeds", `${name}.json`), "utf8"));
export const text = (t, lang, fallback) => (typeof t === "string" ? t : t[lang] ?? t[fallback] ?? t.en ?? Object.values(t)[0]);
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Runs `fn(page)` on a phone of its own (touch, a narrow `viewport`, `locale`, the time of
 * Los Angeles), closed afterwards. */
export async function onPhone(context, { viewport = { width: 390, height: 800 }, locale = "ca-ES" }, fn) {
  const phone = await context.browser().newContext({ hasTouch: true, isMobile: true, viewport, locale, timezoneId: "America/Los_Angeles" });
  try {
    return await fn(await phone.newPage());
  } finally {
    await phone.close();
  }
}

/** Adds to the page's body a `tag` element (a widget) with the attributes `attrs`. */
export function addWidget(page, tag, attrs) {
  return addWidgets(page, [[tag, attrs]]);
}

/** Appends an element per `[tag, attrs]` of `widgets` to the page's body, all in one task (a
 * chart and the directory it is `for`, arriving together). */
export function addWidgets(page, widgets) {
  return page.evaluate((widgets) => {
    const elements = widgets.map(([tag, attrs]) => {
      const el = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
      return el;
    });
    document.body.append(...elements);
  }, widgets);
}

/** The red, green and blue (0-255) of a colour as a computed style writes it: `rgb(…)`,
 * `rgba(…)` or `color(srgb …)`. */
export const channels = (css) => {
  const n = css.match(/[\d.]+/g).slice(0, 3).map(Number);
  return css.startsWith("color(srgb") ? n.map((c) => c * 255) : n;
};

/** The WCAG 2 contrast ratio of two colours given as [r, g, b] (0-255), written here from the
 * definition (relative luminance), not taken from the code under test. */
export const contrast = (a, b) => {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
