// End-to-end tests of hostile input: a feed whose every text is a script or HTML payload,
// whose every URL is an attack, with oversized, invisible, mistyped and repeated values, and
// the valid rest that must still show.
import { mkdirSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { test, assert, settled } from "./harness.mjs";
import { ROOT } from "./support.mjs";

/** Sets `window.__pwned` if it ever runs, as script or as an event handler. */
const PAYLOAD = `"><script>window.__pwned="script"</script><img src=x onerror="window.__pwned='img'">'<b onmouseover="window.__pwned='b'">`;
/** The payload as the widgets show it, as text: the reader drops the tags a CMS's export
 * leaves (`<b …>`, an image's `<img …>`), and keeps the rest as written. */
const SHOWN = PAYLOAD.replace(/<b [^>]*>$/, "").replace(/<img [^>]*>/, "");
/** URLs that must never become a link or an image: schemes in any case, hidden by spaces,
 * tabs, control characters or character references. */
const ATTACKS = [
  "javascript:window.__pwned='js'",
  " JaVaScRiPt:window.__pwned='case'",
  "java\tscript:window.__pwned='tab'",
  "\u0001javascript:window.__pwned='control'",
  "&#106;avascript:window.__pwned='entity'",
  "data:text/html,<script>window.__pwned='data'</script>",
  "DATA:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__pwned=1'/>",
  "vbscript:msgbox(1)",
  "  VBScript:msgbox(1)",
];
/** A value nested `depth` arrays deep. */
const deep = (depth) => {
  let v = "bottom";
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** The hostile feed, and the paths its diagnostics must name. */
export function hostileFeed() {
  const members = [
    { id: "good", name: "Good member", segments: ["safe"], website: "https://good.example/", city: "Barcelona" },
    {
      id: "payloads",
      name: PAYLOAD,
      description: { en: PAYLOAD, ca: PAYLOAD },
      city: PAYLOAD,
      region: PAYLOAD,
      tags: [PAYLOAD],
      segments: ["safe", "nope"],
      website: ATTACKS[0],
      logo: ATTACKS[6],
      email: `x@y.example"><script>window.__pwned="mail"</script>`,
      phone: "+34 93<script>",
    },
    // One member per attack, in the website and the logo.
    ...ATTACKS.map((url, i) => ({ id: `attack-${i}`, name: `Attack ${i}`, website: url, logo: url })),
    { id: "huge", name: "N".repeat(10_000), description: "D ".repeat(500_000) },
    { id: "control", name: "Ctrl\u0000\u0007\u001b name\u202e", description: "lone \ud800 surrogate" },
    { id: "deep", name: deep(2_000) },
    { id: "number", name: 42 },
    { id: "numbers-inside", name: "Numbers in fields", city: 7, tags: [1, 2] },
    { id: "good", name: "Duplicate of good" },
  ];
  const events = [
    { id: "good-event", title: "Good event", start: "2026-11-10", segments: ["safe"] },
    {
      id: "evil-event",
      title: PAYLOAD,
      location: PAYLOAD,
      description: PAYLOAD,
      url: ATTACKS[1],
      start: "2026-11-12T10:00",
      timezone: "Europe/Madrid",
      segments: ["inject"],
    },
    { id: "bad-rule", title: "Bad rule", start: "2026-11-13", recurrence: "FREQ=DAILY;<script>" },
    { id: "huge-event", title: "T".repeat(10_000), start: "2026-11-14", description: "D ".repeat(500_000) },
    { id: "deep-event", title: deep(2_000), start: "2026-11-15" },
  ];
  const feed = {
    version: 1,
    cluster: { name: `Hostile ${PAYLOAD}`, url: ATTACKS[0], timezone: "Europe/Madrid" },
    segments: [
      { id: "safe", name: "Safe segment", color: "#2e7d32" },
      { id: "inject", name: PAYLOAD, color: "red;background:url(javascript:window.__pwned=1)" },
      { id: "safe", name: "Duplicate segment" },
    ],
    members,
    events,
  };
  const paths = [
    "cluster.url",
    "segments[1].color",
    "segments[2].id",
    "members[1].website",
    "members[1].logo",
    "members[1].email",
    "members[1].phone",
    "members[1].segments[1]",
    // All but the character reference, a relative path as the URL standard reads it.
    ...ATTACKS.map((_, i) => `members[${i + 2}].website`).filter((_, i) => !ATTACKS[i].startsWith("&")),
    `members[${ATTACKS.length + 4}].name`,
    `members[${ATTACKS.length + 5}].name`,
    `members[${ATTACKS.length + 6}].city`,
    `members[${ATTACKS.length + 7}].id`,
    "events[1].url",
    "events[2].recurrence",
    "events[4].title",
  ];
  return { json: JSON.stringify(feed), paths };
}

test("a hostile feed: every valid entry shows, no payload runs, no unsafe URL becomes a link or an image, and each bad field is named", async ({ page, url }) => {
  const { json, paths } = hostileFeed();
  assert.ok(json.length > 2_000_000, "two descriptions of a megabyte");
  await page.route("**/hostile.json", (route) => route.fulfill({ body: json, contentType: "application/json" }));
  await page.goto(url("tests/e2e/pages/hostile.html"));
  const dir = page.locator("#dir");
  const chart = page.locator("#chart");
  const cal = page.locator("#cal");

  // The valid rest: members with payloads for names are still members, shown as text.
  await dir.getByRole("heading", { name: "Good member" }).waitFor();
  await dir.getByRole("heading", { name: SHOWN }).first().waitFor();
  const members = ATTACKS.length + 5; // good, payloads, the attacks, huge, control, numbers-inside
  await dir.locator("[part=count]").filter({ hasText: `${members} members` }).waitFor();
  await chart.getByRole("listitem", { name: /^Safe segment/ }).waitFor();
  await cal.locator(".ck-bar", { hasText: "Good event" }).waitFor();
  await cal.locator(".ck-bar", { hasText: SHOWN }).waitFor();
  await cal.locator(".ck-bar", { hasText: "Bad rule" }).waitFor();

  // Open what shows payloads: a profile and an event, where links and images would be.
  await dir.getByRole("button", { name: SHOWN }).first().click();
  await dir.getByRole("dialog").waitFor();
  await page.keyboard.press("Escape");
  await cal.locator(".ck-bar", { hasText: SHOWN }).click();
  await cal.getByRole("dialog").getByRole("button", { name: "Add to calendar" }).waitFor();
  // A hover on every payload (the `onmouseover` one included).
  for (const el of (await page.locator("clusterkit-directory, clusterkit-calendar").locator("text=window.__pwned").all()).slice(0, 12)) {
    await el.hover({ force: true, timeout: 1000 }).catch(() => {});
  }
  await page.keyboard.press("Escape");

  const found = await page.evaluate(() => {
    const roots = [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].map((e) => e.shadowRoot);
    const all = roots.flatMap((r) => [...r.querySelectorAll("*")]);
    const urls = all.flatMap((el) =>
      ["href", "src", "xlink:href", "action", "formaction"]
        .map((a) => el.getAttribute(a))
        .filter((v) => v !== null)
        .map((v) => ({ tag: el.tagName, url: new URL(v, document.baseURI) })),
    );
    return {
      pwned: window.__pwned ?? null,
      unsafe: urls.filter(({ url }) => !["http:", "https:", "mailto:", "tel:"].includes(url.protocol)).map(({ tag, url }) => `${tag} ${url.href}`),
      dangerous: all.filter((el) => ["SCRIPT", "IFRAME", "OBJECT", "EMBED", "B"].includes(el.tagName)).map((el) => el.tagName),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${el.tagName} ${a.name}`)),
      injected: all.filter((el) => (el.style?.cssText ?? "").includes("javascript")).length,
      images: roots.flatMap((r) => [...r.querySelectorAll("img")].map((i) => i.src)),
      sideways: roots.filter((r) => r.host.scrollWidth > r.host.clientWidth + 1).map((r) => r.host.id),
    };
  });
  assert.equal(found.pwned, null, "no payload ran");
  assert.deepEqual(found.unsafe, [], "every link and image is http(s), mailto: or tel:");
  assert.deepEqual(found.dangerous, [], "no element from the feed's text");
  assert.deepEqual(found.handlers, [], "no event handler attribute");
  assert.equal(found.injected, 0, "no colour became CSS with a URL");
  // The character reference is read as the character it stands for, as a CMS's export
  // means it, and the `javascript:` it then spells is refused like the others.
  assert.deepEqual(
    found.images.map((src) => new URL(src).pathname),
    [],
    "no attack became a logo",
  );
  assert.deepEqual(found.sideways, [], "a 10,000-character name scrolls nothing sideways");

  const diagnostics = await dir.locator("details").innerText();
  const missing = paths.filter((p) => !diagnostics.includes(p));
  assert.deepEqual(missing, [], "the diagnostics name every bad field");
}, { networkErrors: true });

test("a feed of 12,000 repeated ids lists its first 200 problems and says how many more, on screen and in the console", async ({ page, url, warnings }) => {
  const members = [{ id: "a", name: "Alpha Films" }];
  for (let i = 0; i < 12000; i++) members.push({ id: "a", name: `Copy ${i}` });
  const feed = JSON.stringify({ version: 1, cluster: { name: "Copies" }, members });
  await page.route("**/copies.json", (r) => r.fulfill({ body: feed, contentType: "application/json" }));
  await page.goto(url("tests/e2e/pages/dynamic.html"));
  await page.evaluate(() => {
    const el = document.createElement("clusterkit-directory");
    el.id = "copies";
    el.setAttribute("lang", "en");
    el.setAttribute("debug", "");
    el.setAttribute("feed", "copies.json");
    document.body.prepend(el);
  });
  const copies = page.locator("#copies");
  await copies.locator("[part=count]").filter({ hasText: "1 member" }).waitFor();
  const problems = copies.locator("[part=diagnostics]");
  assert.match(await problems.locator("summary").innerText(), /\(12,000\)/);
  const items = await problems.locator("li").allInnerTexts();
  assert.equal(items.length, 201);
  assert.match(items[0], /^members\[1\]\.id: /);
  assert.equal(items[200], "+11,800 more");
  // The console speaks the page's language (Catalan here).
  await settled(() => warnings.includes("+11.800 més"));
  const told = warnings.filter((w) => w.startsWith("members[") && w.includes(".id"));
  assert.equal(told.length, 200, "the console lists as many");
  assert.ok(warnings.includes("+11.800 més"), "and says how many more");
});

const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
/** The same, with Trusted Types enforced: markup only through a policy the page names. */
const TRUSTED_TYPES = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types clusterkit`;

/** Serves csp.html with `policy`, and collects every violation, whatever its source: an
 * inline style, a `style` attribute, eval, a string assigned as markup. */
async function underPolicy(page, url, policy) {
  await page.route("**/csp.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
      true,
    );
  });
  // The agenda lists from "today": Ventana Sur is coming.
  await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
  await page.goto(url("tests/e2e/pages/csp.html"));
}

for (const [name, policy] of [["a strict CSP", STRICT_CSP], ["a strict CSP with Trusted Types", TRUSTED_TYPES]]) {
  test(`under ${name} all three widgets work and no policy is violated`, async ({ page, url, errors }) => {
    await underPolicy(page, url, policy);
    const dir = page.locator("#dir");
    await dir.locator("[part=count]").filter({ hasText: "40 socios" }).waitFor();
    await dir.locator("button.ck-open").first().waitFor();
    await page.locator("#chart").getByRole("listitem", { name: /^Produción/ }).waitFor();
    const cal = page.locator("#cal");
    await cal.getByRole("grid", { name: "Decembro de 2026" }).waitFor();
    await cal.getByRole("group").first().getByRole("button").first().waitFor();
    await page.locator("#agenda").getByRole("button", { name: /Ventana Sur/ }).first().waitFor();

    // What sets styles or markup at run time: the stylesheet, segment colours, the chart's
    // contrast, the dialogs, a search, a facet, the agenda.
    // A chip (its cross), the pager (its arrows): what Leptos would draw through a template.
    await dir.getByRole("checkbox").first().check();
    await dir.locator(".ck-chip").first().waitFor();
    await dir.getByRole("checkbox").first().uncheck();
    await dir.getByRole("searchbox").fill("galicia");
    await dir.locator("[part=count]").filter({ hasText: /^\d+ socios?$/ }).waitFor();
    await dir.getByRole("button", { name: /Corporación de Radio e Televisión de Galicia/ }).click();
    await dir.getByRole("dialog").getByRole("heading", { name: /Corporación de Radio e Televisión de Galicia/ }).waitFor();
    await page.keyboard.press("Escape");
    await cal.locator(".ck-bar", { hasText: "Ventana Sur" }).first().click();
    await cal.getByRole("dialog").getByRole("button", { name: "Engadir ao calendario (.ics)" }).waitFor();
    await page.keyboard.press("Escape");
    await page.locator("#agenda").getByRole("button", { name: /Ventana Sur/ }).first().click();
    await page.locator("#agenda").getByRole("dialog").getByRole("heading", { name: /Ventana Sur/ }).waitFor();
    await page.keyboard.press("Escape");

    const styled = await page.evaluate(() => {
      const root = document.getElementById("cal").shadowRoot;
      const bar = root.querySelector(".ck-bar");
      return {
        violations: window.__violations,
        // The stylesheet applies (a grid cell's border), and so does a segment's colour.
        border: getComputedStyle(root.querySelector(".ck-month td")).borderTopStyle,
        colour: bar.style.getPropertyValue("--ck-seg"),
      };
    });
    assert.deepEqual(styled.violations, [], "no securitypolicyviolation event");
    assert.equal(styled.border, "solid", "the widgets' stylesheet applies");
    assert.match(styled.colour, /^#[0-9a-f]{6}$/i, "a segment's colour applies, through CSSOM");

    // The control: the policy is in force, and a violation would have been seen.
    if (policy === TRUSTED_TYPES) {
      const refused = await page.evaluate(() => {
        try {
          document.body.insertAdjacentHTML("beforeend", "<b>x</b>");
          return false;
        } catch {
          return true;
        }
      });
      assert.ok(refused, "the page's Trusted Types refuse a string as markup");
    }
    await page.evaluate(() => document.body.setAttribute("style", "color: red"));
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.match((await page.evaluate(() => window.__violations)).join(), /style-src-attr/);
    await page.waitForTimeout(200);
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes("inline style") && !e.includes("TrustedHTML")));
  });
}

test("a policy that refuses WebAssembly: the boxes offer no reload that cannot help, and the console names the fix", async ({ page, url, errors }) => {
  await underPolicy(page, url, STRICT_CSP.replace(" 'wasm-unsafe-eval'", ""));
  const alert = page.locator("#dir").getByRole("alert");
  await alert.filter({ hasText: "Algo fallou neste trebello." }).waitFor();
  assert.equal(await alert.getByRole("button").count(), 0, "no reload button");
  assert.equal(await page.locator("#cal").getByRole("alert").getByRole("button").count(), 0, "none in the calendar either");
  const told = errors.filter((e) => e.startsWith("clusterkit:"));
  assert.deepEqual(told, ["clusterkit: this page's Content-Security-Policy does not let WebAssembly run: add 'wasm-unsafe-eval' (not 'unsafe-eval') to its script-src."]);
  errors.splice(0, errors.length);
});

test("a page whose Trusted Types leave clusterkit out is told which name to add, and shows error boxes, not blank widgets", async ({ page, url, errors }) => {
  await underPolicy(page, url, `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types other`);
  // No widget can draw its cards, bars or weeks: each says so, without a reload button (no
  // reload mends the page's policy).
  for (const id of ["dir", "chart", "cal", "agenda"]) {
    const box = page.locator(`#${id}`).getByRole("alert");
    await box.filter({ hasText: "Algo fallou neste trebello." }).waitFor();
    assert.equal(await box.getByRole("button").count(), 0, `#${id}: no reload button`);
  }
  await settled(() => errors.some((e) => e.includes("trusted-types directive")), { quiet: 300 });
  const told = errors.filter((e) => e.includes("trusted-types directive"));
  assert.equal(told.length, 1, `one console error names the fix: ${errors.join(" | ")}`);
  assert.match(told[0], /add clusterkit to its trusted-types directive/);
  errors.splice(0, errors.length);
});

test("a page that lists Trusted Types policies without enforcing them, clusterkit left out, works and is told nothing", async ({ page, url, errors }) => {
  await underPolicy(page, url, `${STRICT_CSP}; trusted-types other`);
  const dir = page.locator("#dir");
  await dir.locator("[part=count]").filter({ hasText: "40 socios" }).waitFor();
  await dir.locator("button.ck-open").first().waitFor();
  await page.waitForTimeout(300);
  // The browser says it refused the policy's name; clusterkit has nothing to add.
  assert.deepEqual(errors.filter((e) => e.includes("clusterkit:")), [], errors.join(" | "));
  errors.splice(0, errors.length);
});

test("two bundles of two versions on one page: the second defines nothing, says so, and loads no Wasm", async ({ page, url, warnings }) => {
  // A second bundle in another folder, as a plugin would bring its own, of another version
  // (its loader names another `?v=`).
  const second = join(ROOT, "target/e2e/second");
  mkdirSync(second, { recursive: true });
  copyFileSync(join(ROOT, "www/dist/clusterkit_bg.wasm"), join(second, "clusterkit_bg.wasm"));
  const loader = readFileSync(join(ROOT, "www/dist/clusterkit.js"), "utf8");
  const other = loader.replace(/clusterkit_bg\.wasm\?v=\w+/, "clusterkit_bg.wasm?v=0ther0ld");
  assert.notEqual(other, loader, "the loader names its version");
  writeFileSync(join(second, "clusterkit.js"), other);
  const wasm = [];
  const feeds = [];
  page.on("request", (r) => r.url().includes(".wasm") && wasm.push(new URL(r.url()).pathname));
  page.on("request", (r) => r.url().endsWith("madrid.json") && feeds.push(r.url()));
  await page.goto(url("tests/e2e/pages/two-bundles.html"));
  await page.locator("clusterkit-directory").locator("[part=count]").filter({ hasText: /members$/ }).waitFor();
  await page.locator("clusterkit-chart").getByRole("listitem").first().waitFor();
  await page.locator("clusterkit-calendar").getByRole("grid").waitFor();
  for (const tag of ["clusterkit-directory", "clusterkit-chart", "clusterkit-calendar"]) {
    assert.ok(warnings.some((w) => w.includes(`<${tag}> is already defined`)), `a warning for <${tag}>`);
  }
  assert.deepEqual(wasm, ["/www/dist/clusterkit_bg.wasm"], "one Wasm, the first bundle's");
  assert.equal(feeds.length, 1, "one fetch of the feed");
});

test("one integrity attribute covers the bundle: the loader checks the Wasm's hash, and a changed Wasm never runs", async ({ page, url, errors }) => {
  const dist = join(ROOT, "www/dist");
  const integrity = (file) => `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;
  const pageWith = (dir) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="clusterkit.js" integrity="${integrity(join(dir, "clusterkit.js"))}" crossorigin="anonymous" defer></script></head>
<body><clusterkit-directory feed="/www/feeds/madrid.json"></clusterkit-directory></body></html>`;
  // The bundle as built, behind its script tag's integrity.
  const good = join(ROOT, "target/e2e/sri-good");
  mkdirSync(good, { recursive: true });
  for (const file of ["clusterkit.js", "clusterkit_bg.wasm"]) copyFileSync(join(dist, file), join(good, file));
  writeFileSync(join(good, "index.html"), pageWith(good));
  await page.goto(url("target/e2e/sri-good/index.html"));
  await page.locator("clusterkit-directory").locator("[part=count]").filter({ hasText: /\d+ members/ }).waitFor();

  // The same script beside a Wasm changed by one byte (as a compromised CDN would serve it):
  // the script's own hash still matches, the Wasm's does not, and it never runs.
  const bad = join(ROOT, "target/e2e/sri-bad");
  mkdirSync(bad, { recursive: true });
  copyFileSync(join(dist, "clusterkit.js"), join(bad, "clusterkit.js"));
  const wasm = readFileSync(join(dist, "clusterkit_bg.wasm"));
  wasm[wasm.length - 1] ^= 1;
  writeFileSync(join(bad, "clusterkit_bg.wasm"), wasm);
  writeFileSync(join(bad, "index.html"), pageWith(bad));
  await page.goto(url("target/e2e/sri-bad/index.html"));
  await page.locator("clusterkit-directory").getByRole("button", { name: "Reload the page" }).waitFor();
  assert.equal(await page.locator("clusterkit-directory").getByRole("status").count(), 0, "no widget ran");
  // The browser's own line about the refused Wasm is expected.
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes("integrity")));
}, { networkErrors: true });

/** What a visitor sees of each widget's layout and text, as numbers and names. */
async function layoutOf(page) {
  await page.locator("clusterkit-directory").getByRole("article").first().waitFor();
  await page.locator("clusterkit-chart").getByRole("listitem").first().waitFor();
  await page.locator("clusterkit-calendar").locator(".ck-bar").first().waitFor();
  return page.evaluate(() => {
    const out = {};
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return `${Math.round(r.width)}×${Math.round(r.height)}`;
    };
    const text = (el) => {
      const s = getComputedStyle(el);
      return [s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing, s.textTransform, s.fontWeight, s.fontStyle, s.textAlign, s.whiteSpace,
        s.wordBreak, s.overflowWrap, s.hyphens, s.textAlignLast, s.textShadow, s.fontVariantCaps].join(" ");
    };
    for (const host of document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")) {
      const root = host.shadowRoot;
      const name = host.localName.replace("clusterkit-", "");
      for (const [what, selector] of [
        ["root", ".ck-root"],
        ["heading", "h2, h3"],
        ["search", "input[type=search]"],
        ["button", "button.ck-btn"],
        ["card", "article"],
        ["chart", "svg"],
        ["cell", "td"],
        ["bar", ".ck-bar"],
      ]) {
        const el = root.querySelector(selector);
        if (el) out[`${name} ${what}`] = `${box(el)} ${text(el)}`;
      }
    }
    return out;
  });
}

test("a host page's aggressive CSS leaves the widgets' layout and text as on a clean page; font family and colour are inherited", async ({ page, url }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(url("tests/e2e/pages/host-css.html"));
  const clean = await layoutOf(page);
  // The same page with the hostile stylesheet, in its head as a theme would put it.
  await page.route("**/host-css.html", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</head>", '<link rel="stylesheet" href="host-css.css">\n</head>');
    await route.fulfill({ response, body });
  });
  await page.goto(url("tests/e2e/pages/host-css.html"));
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "10px", "the stylesheet applies");
  const hostile = await layoutOf(page);
  assert.ok(Object.keys(clean).length >= 12, `measured ${Object.keys(clean).join(", ")}`);
  const changed = Object.keys(clean).filter((k) => clean[k] !== hostile[k]).map((k) => `${k}: ${clean[k]} → ${hostile[k]}`);
  assert.deepEqual(changed, [], "nothing moved or changed size");
  const inherited = await page.evaluate(() =>
    [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].map((host) => {
      const root = getComputedStyle(host.shadowRoot.querySelector(".ck-root"));
      const own = getComputedStyle(host);
      return root.fontFamily === own.fontFamily && root.color === own.color && root.fontFamily.includes("Georgia");
    }),
  );
  assert.deepEqual(inherited, [true, true, true], "the page's font family and text colour");
  // A theme's text fill (gradient text's trick) does not paint over the widgets' colours.
  const filled = await page.evaluate(() =>
    [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll(".ck-root, h2, h3, button, td, article")].map((el) => {
        const s = getComputedStyle(el);
        return s.webkitTextFillColor === s.color;
      }),
    ),
  );
  assert.ok(filled.length > 10 && filled.every(Boolean), `the widgets' own colours: ${filled}`);
  // A page set in vertical text does not turn the widgets' lines sideways.
  const sideways = await page.evaluate(() => {
    document.body.style.writingMode = "vertical-rl";
    return [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].flatMap((host) =>
      [host, ...host.shadowRoot.querySelectorAll(".ck-root, .ck-root *")]
        .filter((el) => getComputedStyle(el).writingMode !== "horizontal-tb")
        .map((el) => `${host.localName} ${el.localName}.${el.className.baseVal ?? el.className}`),
    );
  });
  assert.deepEqual(sideways.slice(0, 5), [], "every line across");
});

test("a page set in larger type (or enlarged by its own A+ control) enlarges the widgets with it, live; a smaller root leaves them at the visitor's default", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/host-css.html"));
  await page.locator("clusterkit-directory").getByRole("article").first().waitFor();
  await page.locator("clusterkit-chart").getByRole("listitem").first().waitFor();
  await page.locator("clusterkit-calendar").locator(".ck-bar").first().waitFor();
  const sizes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].map((host) => {
        const root = host.shadowRoot.querySelector(".ck-root");
        const button = host.shadowRoot.querySelector("button.ck-btn");
        return `${getComputedStyle(root).fontSize} ${Math.round(button.getBoundingClientRect().height)}`;
      }),
    );
  const usual = await sizes();
  assert.ok(usual.every((s) => s.startsWith("16px ")), `the visitor's default: ${usual}`);
  await page.evaluate(() => (document.documentElement.style.fontSize = "20px"));
  const larger = await sizes();
  assert.deepEqual(larger.map((s) => s.split(" ")[0]), ["20px", "20px", "20px"], "the page's root, where larger");
  // The controls grow with the text (their height is in the widgets' unit).
  larger.forEach((s, i) => assert.ok(Number(s.split(" ")[1]) > Number(usual[i].split(" ")[1]), `${usual[i]} then ${s}`));
  await page.evaluate(() => (document.documentElement.style.fontSize = "62.5%"));
  assert.deepEqual(await sizes(), usual, "never smaller than the visitor's default");
});

test("the custom properties the README documents, set on the elements, theme the widgets, over a theme too", async ({ page, url }) => {
  await page.goto(url("tests/e2e/pages/host-css.html"));
  const looks = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].map((host) => {
        const pressed = host.shadowRoot.querySelector(".ck-btn[aria-pressed=true]");
        const search = host.shadowRoot.querySelector("input[type=search]");
        return [
          host.localName,
          pressed && getComputedStyle(pressed).backgroundColor,
          search && getComputedStyle(search).borderTopLeftRadius,
        ];
      }),
    );
  // The chart's pressed button: its table.
  await page.locator("clusterkit-chart").getByRole("button", { name: "Show as a table" }).click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("clusterkit-directory, clusterkit-chart, clusterkit-calendar")].every((h) =>
      h.shadowRoot?.querySelector(".ck-btn[aria-pressed=true]"),
    ),
  );
  const blue = "rgb(26, 86, 184)";
  assert.deepEqual(await looks(), [
    ["clusterkit-directory", blue, "8px"],
    ["clusterkit-chart", blue, null],
    ["clusterkit-calendar", blue, "8px"],
  ]);
  // The README's example, in the page's stylesheet; and one widget in the dark theme, whose
  // own accent gives way to the page's.
  await page.addStyleTag({
    content: "clusterkit-directory, clusterkit-chart, clusterkit-calendar { --ck-accent: #b00020; --ck-radius: 0px; }",
  });
  await page.locator("clusterkit-calendar").evaluate((el) => el.setAttribute("theme", "dark"));
  const red = "rgb(176, 0, 32)";
  assert.deepEqual(await looks(), [
    ["clusterkit-directory", red, "0px"],
    ["clusterkit-chart", red, null],
    ["clusterkit-calendar", red, "0px"],
  ]);
});

test("a facet value or a choice of one long word wraps inside its column, on a wide screen and on a phone", async ({ page, url }) => {
  const dir = page.locator("#dir");
  /** Boxes that reach past their column: facet rows past their fieldset, chips past the results. */
  const overflowing = () =>
    dir.evaluate((el) => {
      const root = el.shadowRoot;
      const out = [];
      const inside = (child, parent, what) => {
        const c = child.getBoundingClientRect();
        const p = parent.getBoundingClientRect();
        if (c.width > 0 && c.right > p.right + 0.5) out.push(`${what}: ${Math.round(c.right)} > ${Math.round(p.right)}`);
      };
      for (const label of root.querySelectorAll("label[part=facet-option]")) {
        for (const span of label.querySelectorAll("span")) inside(span, label.closest("fieldset"), span.textContent.slice(0, 12));
      }
      for (const chip of root.querySelectorAll(".ck-chip")) inside(chip, root.querySelector(".ck-results"), "chip");
      return out;
    });
  for (const [width, phone] of [[1000, false], [360, true]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url("tests/e2e/pages/long-words.html"));
    await dir.locator("[part=count]").filter({ hasText: "3 members" }).waitFor();
    // A name of a paragraph's length shows its first lines and keeps the card in proportion;
    // its button still has the whole name.
    const heights = await dir.locator("article").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().height)));
    // (Five lines of a name, three of a place: a region of a paragraph's length too.)
    assert.ok(Math.max(...heights) < 250, `cards at most 250 px tall at ${width} px: ${heights}`);
    await dir.getByRole("button", { name: /a team of thirty$/ }).waitFor();
    if (phone) await dir.getByRole("button", { name: /^Filters/ }).click();
    // A region of a paragraph's length shows its first lines in the filters (it took the
    // height of a page), and its box is still named by the whole of it.
    const region = dir.getByRole("checkbox", { name: /^Regió: .*tot l'any, 1$/ });
    const tall = await region.evaluate((box) => Math.round(box.closest("label").getBoundingClientRect().height));
    // (Six lines of it: about 145 px.)
    assert.ok(tall < 170, `the long region's choice is ${tall} px tall at ${width} px`);
    const city = dir.getByRole("checkbox", { name: /^Llanfair/ });
    await city.check();
    await dir.locator("[part=count]").filter({ hasText: "1 member" }).waitFor();
    await dir.getByRole("button", { name: /^Remove filter Llanfair/ }).waitFor();
    assert.deepEqual(await overflowing(), [], `nothing reaches past its column at ${width} px`);
    // The chart's summary names the village: it wraps, and the drawing keeps to the widget.
    await page.locator("#chart figcaption").filter({ hasText: /Llanfair/ }).waitFor();
    const chart = await page.locator("#chart").evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.shadowRoot.querySelectorAll("figure, svg, figcaption p")].filter((e) => e.getBoundingClientRect().right > box.right + 0.5).map((e) => e.localName);
    });
    assert.deepEqual(chart, [], `the chart within its box at ${width} px`);
    // Each label of the drawings stays inside them, narrowed where it would run past.
    for (const id of ["bars", "columns", "donut"]) {
      await page.locator(`#${id} svg text`).filter({ hasText: /^MMW/ }).first().waitFor();
      const out = await page.locator(`#${id}`).evaluate((el) => {
        const svg = el.shadowRoot.querySelector("svg");
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")]
          .map((t) => [t.textContent, t.getBoundingClientRect()])
          .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map(([text, r]) => `${text}: ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of ${Math.round(box.width)}`);
      });
      assert.deepEqual(out, [], `every label of #${id} inside its drawing at ${width} px`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `nothing scrolls sideways at ${width} px`);
  }
});

test("in a box as wide as its content (a page builder's stack, a float, an inline-block, a table cell) every widget shows, within a phone's screen", async ({ page, url }) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url("tests/e2e/pages/fit-content.html"));
    await page.locator("#inline-dir [part=count]").filter({ hasText: "members" }).waitFor();
    await page.locator("#cell-cal").getByRole("heading", { level: 2 }).waitFor();
    await page.locator("#stack-chart svg").first().waitFor();
    const widths = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("[id]")].map((el) => [el.id, Math.round(el.getBoundingClientRect().width)])),
    );
    for (const [id, w] of Object.entries(widths)) {
      // A container query's element has no width of its own to give such a box: it was 0.
      assert.ok(w >= Math.min(300, width - 40), `${id} is ${w} px wide at ${width} px`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `nothing scrolls sideways at ${width} px: ${JSON.stringify(widths)}`);
    // What shows is usable: a card, a month or a list.
    await page.locator("#stack-dir article").first().waitFor();
  }
  // The width a directory or calendar takes while its feed loads is the width it keeps once
  // drawn, on a page set in smaller type than the widgets' too: nothing beside it moves when
  // the feed comes.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/feeds/galicia.json", async (route) => {
    await held;
    await route.continue();
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url("tests/e2e/pages/fit-content.html"));
  await page.addStyleTag({ content: "html { font-size: 62.5% } body { font-size: 1.2rem }" });
  const ids = ["stack-dir", "stack-cal", "float-cal", "inline-dir", "cell-cal"];
  const sizes = () => page.evaluate((ids) => ids.map((id) => Math.round(document.getElementById(id).getBoundingClientRect().width)), ids);
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).shadowRoot?.querySelector(".ck-frame [part=status]")), ids);
  const loading = await sizes();
  release();
  await page.locator("#inline-dir [part=count]").filter({ hasText: "members" }).waitFor();
  await page.locator("#cell-cal").getByRole("heading", { level: 2 }).waitFor();
  await page.locator("#float-cal").getByRole("heading", { level: 2 }).waitFor();
  assert.deepEqual(await sizes(), loading, `${ids.join(", ")}: loading, then drawn`);
});

test("in a theme's content column (flex: 1 or a 1fr track beside a sidebar, a phone's one column) the directory and calendar take the column's width: nothing scrolls sideways", async ({ page, url }) => {
  for (const width of [1024, 800, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url("tests/e2e/pages/theme-columns.html"));
    await page.locator("#flex-dir [part=count]").filter({ hasText: "members" }).waitFor();
    await page.locator("#grid-cal").getByRole("heading", { level: 2 }).waitFor();
    const fits = await page.evaluate(() =>
      ["flex-dir", "grid-cal"].map((id) => {
        const el = document.getElementById(id);
        return [id, Math.round(el.getBoundingClientRect().width), Math.round(el.parentElement.getBoundingClientRect().width)];
      }),
    );
    for (const [id, w, column] of fits) assert.equal(w, column, `#${id} as wide as its column at ${width} px`);
    const page_ = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.equal(page_[0], page_[1], `nothing scrolls sideways at ${width} px: ${JSON.stringify(fits)}`);
  }
});

test("in forced colours what is pressed or current stands out; a dark theme darkens the browser's own controls", async ({ page, url }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto(url("index.html"));
  const dir = page.locator("#dir");
  await dir.getByRole("button", { name: "Pàgina 2" }).waitFor();
  const looks = (locator) => locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return `${s.backgroundColor} ${s.color}`;
  });
  const pairs = [
    [dir.locator(".ck-layouts .ck-btn[aria-pressed=true]"), dir.locator(".ck-layouts .ck-btn[aria-pressed=false]"), "the layout shown"],
    [dir.locator(".ck-page[aria-current=page]"), dir.getByRole("button", { name: "Pàgina 2" }), "the page shown"],
    [page.locator("clusterkit-calendar .ck-views .ck-btn[aria-pressed=true]"), page.locator("clusterkit-calendar .ck-views .ck-btn[aria-pressed=false]"), "the calendar's view"],
  ];
  // The system's highlight, as the page would paint it.
  const highlight = await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.style.cssText = "forced-color-adjust: none; background: Highlight; color: HighlightText";
    document.body.append(probe);
    const s = getComputedStyle(probe);
    const out = `${s.backgroundColor} ${s.color}`;
    probe.remove();
    return out;
  });
  for (const [on, off, what] of pairs) {
    assert.equal(await looks(on), highlight, `${what}: in the system's highlight`);
    assert.notEqual(await looks(off), highlight, `${what}: the others not`);
  }
  await page.emulateMedia({ forcedColors: "none" });
  await dir.evaluate((el) => el.setAttribute("theme", "dark"));
  await page.waitForFunction(() => document.getElementById("dir").shadowRoot.querySelector(".ck-root").dataset.theme === "dark");
  assert.equal(await dir.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector("input[type=checkbox]")).colorScheme), "dark");
  // theme="auto" on a dark system: a dark panel, and so its dialogs (a white one, with the
  // dark theme's light links on it, was 2:1), and the browser's own controls drawn dark.
  await page.emulateMedia({ colorScheme: "dark" });
  await dir.evaluate((el) => el.setAttribute("theme", "auto"));
  await page.waitForFunction(() => document.getElementById("dir").shadowRoot.querySelector(".ck-root").dataset.theme === "auto");
  const profileLooks = async () => {
    await dir.getByRole("article").first().getByRole("button").click();
    const dialog = dir.getByRole("dialog");
    await dialog.waitFor();
    const [looked, scheme] = await dialog.evaluate((d) => [getComputedStyle(d).backgroundColor, getComputedStyle(d).colorScheme]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    return [looked, scheme];
  };
  const [darkDialog] = await profileLooks();
  assert.equal(darkDialog, "rgb(22, 24, 28)", "a dark dialog");
  assert.equal(await dir.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector("input[type=checkbox]")).colorScheme), "light dark");
  await page.emulateMedia({ colorScheme: "light" });
  const [lightDialog] = await profileLooks();
  assert.equal(lightDialog, "rgb(255, 255, 255)", "a light dialog on a light system");
  await page.emulateMedia({ colorScheme: null });
});
