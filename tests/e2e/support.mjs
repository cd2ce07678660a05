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
