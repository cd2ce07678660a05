// clusterkit loader: defines the custom elements and starts the shared Wasm.
//
// `cargo xtask build` wraps wasm-bindgen's no-modules glue and this file in one function
// scope, so the page gets no global at all: `wasm_bindgen` below is the glue's local.
// A classic script on purpose: custom element classes must be JS classes, and a classic
// script works with `defer`, `async` or neither, on any CMS. No eval, no new Function.

var VERSION = "__CK_VERSION__";
// The Wasm's SHA-384, written by the build: the Wasm is fetched with it, so the one
// `integrity` attribute of this script's tag vouches for the whole bundle.
var INTEGRITY = "__CK_INTEGRITY__";
var TAGS = ["clusterkit-directory", "clusterkit-chart", "clusterkit-calendar"];
// Every attribute src/embed reads (a test keeps the two lists equal): a change of any other
// would never reach the widget.
var OBSERVED = ["id", "feed", "lang", "theme", "debug", "page-size", "by", "type", "top", "for", "view", "month", "timezone", "segments", "categories", "kinds", "sort", "sync-url", "hide-filters", "heading-level", "label"];

// Shown by the loader itself until the Wasm runs, and when it cannot run (it failed to load,
// or crashed). Kept equal to the `loading`, `crashed` and `reload` strings of src/i18n by a test.
// The fourth, the loader's alone, says that this browser cannot run the widgets at all. Then
// the widgets' own names, which an error box starts with where the widget has none yet (the
// Wasm never ran): `member_directory`, `event_calendar`, and the five `chart_titles`.
var WORDS = {
  ca: ["S’està carregant…", "Alguna cosa ha fallat en aquest giny.", "Torna a carregar la pàgina", "Aquest navegador no pot mostrar aquest giny: cal una versió recent amb el WebAssembly activat.", "Directori de socis", "Calendari d’esdeveniments", "Socis per segment", "Socis per tipus", "Socis per regió", "Socis per ciutat", "Socis nous per any"],
  es: ["Cargando…", "Algo ha fallado en este widget.", "Recargar la página", "Este navegador no puede mostrar este widget: necesita una versión reciente con WebAssembly activado.", "Directorio de socios", "Calendario de eventos", "Socios por segmento", "Socios por tipo", "Socios por región", "Socios por ciudad", "Socios nuevos por año"],
  gl: ["Cargando…", "Algo fallou neste trebello.", "Recargar a páxina", "Este navegador non pode amosar este trebello: precisa unha versión recente co WebAssembly activado.", "Directorio de socios", "Calendario de eventos", "Socios por segmento", "Socios por tipo", "Socios por rexión", "Socios por cidade", "Socios novos por ano"],
  en: ["Loading…", "Something went wrong in this widget.", "Reload the page", "This browser cannot show this widget: it needs a recent version with WebAssembly turned on.", "Member directory", "Event calendar", "Members by segment", "Members by type", "Members by region", "Members by city", "New members per year"]
};

// Until the Wasm adopts the widgets' stylesheet: a block that keeps, while its feed loads, the
// room the widget will about take (as the stylesheet's own loading state does, so nothing
// moves when one follows the other), and the page below does not jump when it comes; and,
// if the Wasm never runs, an error box framed as the stylesheet's own would frame it.
var WAITING = [
  // Its text as large as the widget's will be (see theme.css): the visitor's default font
  // size or the page's root font size, whichever is larger; and so the room it keeps.
  ":host{display:block;writing-mode:horizontal-tb;font-size:medium;--_loading:30em}",
  ":host([hidden]){display:none}",
  ":host(:is(clusterkit-directory,clusterkit-calendar)){--_loading:max(36em,100vh)}",
  "[part=status]{box-sizing:border-box;margin:0;font-size:var(--ck-font-size,max(1em,1rem));min-height:var(--ck-loading-height,var(--_loading))}",
  "[part=error]{display:flex;flex-wrap:wrap;gap:.75em;align-items:center;padding:.75em;border:1px solid var(--ck-error,#b3261e);border-radius:var(--ck-radius,.5em);font-size:var(--ck-font-size,max(1em,1rem))}",
  "[part=error] p{margin:0}"
];
var waiting = null;

// Where the Wasm is: `data-base` on the script tag, else next to this script. A module
// script (an optimizer's bundle of its own name, say) has no currentScript: then this file's
// own URL, which the first line of an error's stack names in every browser, and its tag if
// the page has one. A script with no address of its own (inline, as an optimizer or a
// script loader such as jQuery's getScript may run it; a module inline; a data: or blob:
// URL) and no `data-base`: the last script tag with a `data-base`, else the last whose src
// says clusterkit.
var script = document.currentScript;
var own = script && addressed(script.src) ? null : ownUrl();
// An inline script's stack names the page (as it was when loaded: a router may have changed
// its query since).
if (own && own.split(/[?#]/)[0] === document.URL.split(/[?#]/)[0]) own = null;
if (own) {
  var scripts = document.querySelectorAll("script[src]");
  for (var i = 0; i < scripts.length; i++) {
    if (scripts[i].src === own) script = scripts[i];
  }
} else if (!(script && (script.hasAttribute("data-base") || addressed(script.src)))) {
  var candidates = document.querySelectorAll("script[data-base]");
  if (!candidates.length) candidates = document.querySelectorAll("script[src*='clusterkit']");
  script = candidates[candidates.length - 1] || script;
}
// A file merged into an optimizer's bundle of another name, on a tag that a plugin writes and
// the webmaster cannot change: the page's own `<script data-base>` (one without a src) says
// where the Wasm is. Tried first, and beside this script after it, in case that tag was
// another tool's (a renamed bundle may have the Wasm beside it).
var beside = null;
if (!(script && script.hasAttribute("data-base")) && !/clusterkit/i.test((own || (script && script.src) || "").split(/[?#]/)[0])) {
  var hints = document.querySelectorAll("script[data-base]:not([src])");
  if (hints.length) {
    beside = own || (script && addressed(script.src) && script.src) || null;
    script = hints[hints.length - 1];
  }
}
var dataBase = script && (script.getAttribute("data-base") || "").trim();
// A folder written without its trailing slash ("/assets/clusterkit", "/libs/v2.0.1") is still
// that folder; only a script's or the Wasm's own URL names a file, whose folder it is.
if (dataBase && !/(\/|\.m?js|\.wasm)$/i.test(dataBase.split(/[?#]/)[0])) dataBase += "/";
var base = dataBase || own || (script && addressed(script.src) && script.src) || document.baseURI;
var wasmFile = "clusterkit_bg.wasm?v=" + VERSION;
var wasmUrl = wasmAt(base);
var besideUrl = beside && wasmAt(beside);

function wasmAt(base) {
  try {
    return new URL(wasmFile, new URL(base, document.baseURI)).href;
  } catch (e) {
    // A `data-base` that is no address at all: the page's folder, whose 404 then says where.
    return new URL(wasmFile, document.baseURI).href;
  }
}

// Whether a script's src is an address files can be found beside: not a data: or blob: URL,
// whose own contents it is (an app's scheme, such as capacitor: or app:, is one).
function addressed(src) {
  return !!src && !/^(data|blob|javascript|about):/i.test(src);
}

// The URL of the script running this, from a stack line such as "at https://a.b/c.js:1:2",
// "at f (https://a.b/c.js:1:2)" (Chromium) or "f@https://a.b/c.js:1:2" (Firefox, Safari): up
// to the first line and column that end the frame, so that a URL may hold "@" (a CDN's
// "pkg@1.2.0") or brackets; not the URL inside a blob: one; null if none names one.
function ownUrl() {
  var line = /(?:^|[\s(@])((?:https?|file):\/\/\S+?):\d+:\d+\)?(?:\s|$)/.exec(new Error().stack || "");
  return line && line[1];
}

var live = new Set();
var started = null;
var dead = false;
// Whether the Wasm has started.
var running = false;
// The back and forward buttons, heard first where this script runs before a router's
// (Turbo's, Swup's, a page's own), which would load or draw the page again for a move of
// the widgets' own (a dialog's entry, a move between two views of a directory): the widgets
// answer it and it goes no further. (At the window, listeners run in the order they were
// added, captured or not.)
addEventListener("popstate", function (event) {
  if (running && !dead) guard(function () {
    if (wasm_bindgen.ck_popped(event.isTrusted)) event.stopImmediatePropagation();
  });
}, true);
// Whether what stopped it is something no reload of the page mends.
var hopeless = false;
// What the error boxes say (a place in WORDS): that something failed, or that this browser
// cannot run the widgets.
var said = 1;
// Feeds named before the Wasm runs, fetched at once so they download while it compiles, and
// handed to it when it starts (null from then on: the Wasm fetches what is named later).
var early = new Map();

// What the widgets need of a browser (README, "Browsers"): WebAssembly, turned on (Apple's
// Lockdown Mode turns it off), with reference types (Safari 15.1, Firefox 79, Chrome 96: this
// module's one type returns an externref), and stylesheets adopted by shadow roots (Safari
// 16.4, Firefox 101). A browser without them is told so in every element, without a reload
// button, and fetches neither the Wasm nor the feeds.
var lacking =
  typeof WebAssembly !== "object" ? "WebAssembly (turned off, as Apple's Lockdown Mode does?)"
  : !WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111])) ? "WebAssembly's reference types"
  : !(typeof ShadowRoot === "function" && "adoptedStyleSheets" in ShadowRoot.prototype) ? "constructable stylesheets"
  : null;
if (lacking) {
  console.warn("clusterkit: this browser cannot run the widgets: it lacks " + lacking + ".");
  dead = hopeless = true;
  said = 3;
  early = null;
}

// A value without the spaces and quotes around it (a CMS's "smart" quotes:
// feed=”/feeds/members.json”, lang=”es”), as src/embed/attrs.rs's `unquoted` reads it.
function unquoted(value) {
  return (value || "").replace(/^[\s"'“”„″‘’«»]+|[\s"'“”„″‘’«»]+$/g, "");
}

// The absolute address of the element's feed, as the Wasm reads it; null without one, or
// where it is no URL (the widget says so once it runs).
function feedUrl(el) {
  var feed = unquoted(el.getAttribute("feed"));
  try {
    return feed ? new URL(feed, el._ckBase || document.baseURI).href : null;
  } catch (error) {
    return null;
  }
}

function prefetch(el) {
  var url = feedUrl(el);
  // Schemes that are no feeds are the Wasm's to refuse, with its own message.
  if (!early || !url || /^(javascript|mailto|tel|ftp|about|wss?):/i.test(url) || inlineFeed(el) != null) return;
  if (!early.has(url)) {
    // Aborted if every element naming it goes before the Wasm runs (or, handed to the Wasm,
    // when the last does afterwards).
    var abort = new AbortController();
    var response = fetch(url, { credentials: "same-origin", signal: abort.signal });
    var body = response.then(function (r) {
      return r.ok && r.body ? chunks(r.body.getReader()) : null;
    });
    // Failures are the widget's to show, not the console's.
    response.catch(function () {});
    body.catch(function () {});
    early.set(url, [response, body, abort]);
  }
}

// A body's chunks, read as they arrive and kept until the Wasm asks for them with `read()`,
// as it would ask the body's own reader: one that nobody reads stops downloading once the
// browser's buffer is full, and the Wasm may still be compiling. It reads each chunk as it
// comes, while the rest downloads.
function chunks(reader) {
  var queue = [], asked = [];
  function settle() {
    while (queue.length && asked.length) {
      var next = queue.shift(), ask = asked.shift();
      next.failed ? ask[1](next.error) : ask[0](next);
    }
  }
  (function pump() {
    reader.read().then(function (next) {
      queue.push(next);
      settle();
      if (!next.done) pump();
    }, function (error) {
      queue.push({ failed: true, error: error });
      settle();
    });
  })();
  return {
    read: function () {
      return new Promise(function (resolve, reject) {
        asked.push([resolve, reject]);
        settle();
      });
    }
  };
}

// Before the Wasm runs: aborts the early fetches no connected element names any more, once
// this task is over (an element moved in the page stays connected).
function releaseEarly() {
  setTimeout(function () {
    if (!early) return;
    var named = new Set();
    live.forEach(function (el) {
      named.add(feedUrl(el));
    });
    early.forEach(function (fetch, url) {
      if (!named.has(url)) {
        fetch[2].abort();
        early.delete(url);
      }
    });
  }, 0);
}

// Why the Wasm did not come, where its server answers: the file it serves now is not the
// one this script was built with (its SHA-384 against INTEGRITY, in a secure context, where
// the browser can tell; else taken to be so), or it is, and its download broke off.
function served() {
  var subtle = window.crypto && crypto.subtle;
  var cache = "a cache, your site optimizer's or your CDN's, may still serve the other one of the two: purge it, and keep the two files of one build together";
  var other = "it is not the Wasm this script was built with (" + cache + ")";
  // Off HTTPS the browser cannot tell the two apart.
  if (!subtle) return "it is not the Wasm this script was built with, or its download broke off (a page served over HTTPS would say which): if a reload does not bring it, " + cache;
  return fetch(wasmUrl, { credentials: "same-origin" })
    .then(function (response) {
      return response.arrayBuffer();
    })
    .then(function (bytes) {
      return subtle.digest("SHA-384", bytes);
    })
    .then(function (digest) {
      var same = "sha384-" + btoa(String.fromCharCode.apply(null, new Uint8Array(digest))) === INTEGRITY;
      return same ? "its download broke off (the network, or a download stopped): a reload should bring it" : other;
    }, refused);
}

// Why the Wasm did not come, where nothing answers.
function refused() {
  return fromFile
    ? "a page opened from a file (file://) cannot fetch it: open the page from a web server, one on your own computer too (python3 -m http.server)"
    : "no answer, or refused by the network or by CORS";
}

function unloaded(why) {
  return new Error("clusterkit: could not load the Wasm from " + wasmUrl + ": " + why);
}

// Why the Wasm did not come, from its HTTP status: not there (404) most often means that
// something moved this script away from it.
function answered(status) {
  return "it answered " + status + (status === 404 ? " (if your site's optimizer moved, merged or inlined clusterkit.js, say where clusterkit_bg.wasm is with data-base on its script tag: data-base=\"/its/folder/\", or, where you cannot change that tag, in one of its own: <script data-base=\"/its/folder/\"></script>)" : "");
}

// A page opened from a file: browsers let it fetch nothing, the Wasm included.
var fromFile = location.protocol === "file:";

function start() {
  if (!started) {
    var options = { credentials: "same-origin", integrity: INTEGRITY };
    // Not where a page's data-base tag said: beside this script, then (its errors are said).
    var again = function () {
      wasmUrl = besideUrl;
      return fetch(wasmUrl, options);
    };
    var first = fetch(wasmUrl, options);
    started = (besideUrl && besideUrl !== wasmUrl
      ? first.then(function (response) {
          return response.ok ? response : again();
        }, again)
      : first
    )
      .then(function (response) {
        if (!response.ok) throw unloaded(answered(response.status));
        // Servers that send .wasm as application/octet-stream cannot stream-compile (the
        // browser would warn, then compile it whole). Of two types sent, it reads the last.
        var type = (response.headers.get("content-type") || "").split(",").pop().trim().toLowerCase();
        return type.indexOf("application/wasm") === 0 ? response : response.arrayBuffer();
      }, function (error) {
        // Stopped (the page being left, or its Stop button): nothing to ask the server.
        if (error && error.name === "AbortError") throw error;
        // A wrong folder's 404 page fails the integrity check too, and the browser says only
        // that: once failed, a HEAD without the integrity asks why (nothing it brings runs).
        return fetch(wasmUrl, { method: "HEAD", credentials: "same-origin" })
          .then(function (response) {
            return response.ok ? served() : answered(response.status);
          }, refused)
          .then(function (why) {
            throw unloaded(why);
          });
      })
      .then(function (source) {
        return wasm_bindgen({ module_or_path: source });
      })
      // Each step from here in a task of its own (the start, then each element's widget, see
      // `mount`): as one, with the compiling's end, they kept a tap on the page waiting
      // 300-400 ms on a phone.
      .then(function () {
        return new Promise(function (resolve) {
          setTimeout(resolve, 0);
        });
      })
      .then(function () {
        var feeds = early;
        early = null;
        wasm_bindgen.ck_init(fatal, feeds);
        running = true;
      });
    started.catch(function (error) {
      // Firefox aborts a page's downloads as soon as the visitor leaves it (a link, back),
      // while the page still shows: an abort is said only if the page stays (the browser's
      // Stop button aborts them too), or when it is shown again from the back-forward cache.
      if (error && error.name === "AbortError") {
        var stayed = function () {
          removeEventListener("pageshow", stayed);
          if (!dead) notStarted(error);
        };
        addEventListener("pageshow", stayed);
        setTimeout(function () {
          if (!leaving) stayed();
        }, 3000);
        return;
      }
      notStarted(error);
    });
  }
  return started;
}

// Whether the page is being left: from the visitor's move to another page (where the
// browser says so: its Navigation API), or its pagehide on; shown again, it is not.
var leaving = false;
addEventListener("pagehide", function () {
  leaving = true;
});
if (window.navigation) {
  navigation.addEventListener("navigate", function (event) {
    if (!event.destination.sameDocument && !event.downloadRequest) leaving = true;
  });
}
addEventListener("pageshow", function () {
  leaving = false;
});

// The Wasm could not start: each element says so, and the console why.
function notStarted(error) {
  // A Content-Security-Policy without 'wasm-unsafe-eval' refuses to compile the Wasm; the
  // browser's own message suggests 'unsafe-eval', which would allow far more. No reload can
  // mend it: the boxes come without their button. (Firefox says "blocked by CSP", Chromium
  // and Safari name the policy or 'unsafe-eval'.)
  var policy = error instanceof WebAssembly.CompileError && /Content Security Policy|unsafe-eval|\bCSP\b/i.test(error.message);
  if (policy) {
    console.error("clusterkit: this page's Content-Security-Policy does not let WebAssembly run: add 'wasm-unsafe-eval' (not 'unsafe-eval') to its script-src.");
  } else {
    console.warn(error);
  }
  // Nor can a reload mend a page opened from a file.
  fatal(policy || fromFile);
}

// A page's first collator and first date format each take 15-60 ms to make (their locale
// and zone data load): made here, while the Wasm and the feed download, the ones the Wasm
// makes later (sorting names, checking the feed's time zone, the calendar's dates) take a
// millisecond or two. Each in a task of its own, so that a tap or a key is not kept waiting,
// when the page is idle or 50 ms on at the latest: a page still loading has no idle time
// before the Wasm runs, which would otherwise make them itself, on the way to the first card.
var warmed = {};
function warmIntl(el) {
  var lang = langOf(el);
  if (warmed[lang] || typeof Intl !== "object") return;
  var first = !Object.keys(warmed).length;
  warmed[lang] = true;
  var idle = window.requestIdleCallback || function (f) {
    setTimeout(f, 0);
  };
  idle(function () {
    try {
      // Galician sorts with the Spanish collation, as src/i18n/intl.rs does.
      new Intl.Collator(lang === "gl" ? "es" : lang);
    } catch (error) {}
  }, { timeout: 50 });
  // Date formats share their data across languages (but not a collator's): one warms them
  // all. Asked for at once, not after the collator: the feed's time zone is checked as soon
  // as the Wasm reads it.
  if (first) idle(function () {
    try {
      new Intl.DateTimeFormat(lang);
    } catch (error) {}
  }, { timeout: 50 });
}

// As the Wasm picks it (src/embed/view.rs): the element's own `lang` if it names one of ours,
// else the page's if it does, else English, so that a box's words and the widget's name in it
// are of one language.
function langOf(el) {
  var ours = function (tag) {
    tag = (tag || "").toLowerCase().slice(0, 2);
    return WORDS[tag] ? tag : null;
  };
  return ours(unquoted(el.getAttribute("lang"))) || ours(inheritedLang(el) || document.documentElement.lang) || "en";
}

// <html>'s own `lang`, kept while a browser's page translation has written its own there
// (with its class `translated-ltr`).
var pageLang = document.documentElement.getAttribute("lang");
function translated() {
  return /\btranslated-(ltr|rtl)\b/.test(document.documentElement.className);
}

// The `lang` of the nearest element above `el` that has one, through the shadow roots it may
// sit in (a site's own web component around it); "" if none has one. The Wasm is given it.
function inheritedLang(el) {
  var at = el.parentElement || (el.parentNode && el.parentNode.host);
  while (at) {
    var holder = at.closest("[lang]");
    if (holder === document.documentElement && translated()) return pageLang || "";
    if (holder) return holder.getAttribute("lang");
    at = at.getRootNode().host;
  }
  return "";
}

// The loader's own stylesheet, adopted by `root`, unless `keep` and the Wasm styled it.
function adoptWaiting(root, keep) {
  if (!waiting) {
    try {
      waiting = new CSSStyleSheet();
      waiting.replaceSync(WAITING.join(""));
    } catch (error) {
      waiting = []; // No constructable stylesheets: plain text all the same.
    }
  }
  var sheets = waiting.cssRules && root.adoptedStyleSheets;
  if (sheets && !(keep && sheets.length)) root.adoptedStyleSheets = [waiting];
}

// The element's loading line, in a shadow root of its own, before the Wasm runs.
function showWaiting(el) {
  adoptWaiting(el.shadowRoot);
  var line = document.createElement("p");
  line.setAttribute("role", "status");
  line.setAttribute("part", "status");
  line.textContent = WORDS[langOf(el)][0];
  only(el.shadowRoot, line);
}

// `child` alone in `root` (not by `replaceChildren`, which browsers too old for the widgets
// lack, and they too must show why).
function only(root, child) {
  root.textContent = "";
  root.appendChild(child);
}

// What the widget is called, to say which one stopped, as its own error boxes do: the name
// its drawing gave it (a directory's or a calendar's landmark, a chart's figure), else its
// `label`, else the name it would have drawn (a chart's, by its `by`).
function nameOf(el) {
  var root = el.shadowRoot;
  var drawn = root.querySelector("[part=directory],[part=calendar],[part=chart]");
  var by = drawn && drawn.getAttribute("aria-labelledby");
  var name = by ? (root.getElementById(by) || {}).textContent : drawn && drawn.getAttribute("aria-label");
  var words = WORDS[langOf(el)];
  var tag = el.localName;
  var dimension = Math.max(0, ["segment", "kind", "region", "city", "joined"].indexOf((el.getAttribute("by") || "").trim()));
  var own = tag === "clusterkit-directory" ? words[4] : tag === "clusterkit-calendar" ? words[5] : words[6 + dimension];
  return (name || el.getAttribute("label") || "").trim() || own;
}

function showCrash(el) {
  var words = WORDS[langOf(el)];
  // Kept from the first box: a second (the element moved, a second crash) has only that
  // box to read.
  var name = el._ckName != null ? el._ckName : (el._ckName = nameOf(el));
  adoptWaiting(el.shadowRoot, true);
  var box = document.createElement("div");
  box.className = "ck-root";
  var inner = document.createElement("div");
  inner.className = "ck-crash";
  inner.setAttribute("role", "alert");
  inner.setAttribute("part", "error");
  var text = document.createElement("p");
  // After a name and its colon, Catalan, Spanish and Galician go on in lower case.
  var sentence = words[said];
  if (name && words !== WORDS.en) sentence = sentence.charAt(0).toLowerCase() + sentence.slice(1);
  text.textContent = (name ? name + ": " : "") + sentence;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "ck-btn";
  button.textContent = words[2];
  button.addEventListener("click", function () {
    location.reload();
  });
  inner.append(text);
  if (!hopeless) inner.append(button);
  box.append(inner);
  only(el.shadowRoot, box);
}

// A panic aborts the one Wasm instance every widget shares: show the error box everywhere,
// with a reload button unless `final` (nothing a reload would change stopped the Wasm).
function fatal(final) {
  dead = true;
  hopeless = !!final;
  live.forEach(function (el) {
    el._ck = null;
    showCrash(el);
  });
}

// A trap that is no Rust panic (the allocator giving up, say) skips the panic hook; it
// surfaces as an uncaught WebAssembly.RuntimeError from an event handler or a task.
function onTrap(error) {
  if (!dead && error instanceof WebAssembly.RuntimeError) fatal();
}
// Calls into the Wasm from the page's own scripts (an attribute change, a removal): a trap
// there must not throw into the webmaster's code, and must still show the error boxes.
function guard(call) {
  try {
    call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    // Said in the console as an uncaught trap would be, for the webmaster to report.
    console.error(error);
    fatal();
  }
}
addEventListener("error", function (event) {
  onTrap(event.error);
});
addEventListener("unhandledrejection", function (event) {
  onTrap(event.reason);
});

// A widget without a `lang` of its own speaks its page's language: the nearest `lang` above
// it, read again whenever a `lang` changes anywhere in the page (a site that switches its
// language in script switches the widgets too). Passed as "@lang", which no attribute can be.
// Not the `lang` a browser's page translation writes on <html> with its class
// `translated-ltr` (Chrome's, Google Translate's): it translates the widgets' words itself,
// and the page's own is kept for widgets added meanwhile.
var langWatch = null;
var langRoots = new WeakSet();
// Gives `el` the nearest `lang` above it, if that is another than it has.
function relang(el) {
  var lang = inheritedLang(el);
  var id = el._ck;
  if (id != null && !dead && el._ckLang !== lang) {
    el._ckLang = lang;
    guard(function () {
      wasm_bindgen.ck_attr(id, "@lang", lang);
    });
  }
}
// Watches the `lang` attributes above `el`: the page's, and those in the shadow roots of a
// site's own web components around it.
function watchLang(el) {
  if (!langWatch) {
    var relangAll = function () {
      if (translated()) return;
      pageLang = document.documentElement.getAttribute("lang");
      live.forEach(relang);
    };
    langWatch = new MutationObserver(relangAll);
    langWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"], subtree: true });
    // The translator's class may go after its `lang` is restored: read again then too.
    new MutationObserver(relangAll).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  }
  for (var root = el.getRootNode(); root.host; root = root.host.getRootNode()) {
    if (langRoots.has(root)) continue;
    langRoots.add(root);
    langWatch.observe(root, { attributes: true, attributeFilter: ["lang"], subtree: true });
  }
}

// The text of the element's inline JSON, as the Wasm reads it (null without one).
function inlineFeed(el) {
  var json = el.querySelector("script[type='application/json']");
  return json && json.textContent;
}

function mount(el) {
  // The elements that waited for the Wasm each start in a task of their own, so that a tap
  // is not kept waiting for them all; one added later (or started again on a new inline
  // feed) at once, before the browser paints it empty.
  var waited = !running;
  start().then(function () {
    if (waited) {
      setTimeout(function () {
        connect(el);
      }, 0);
    } else {
      connect(el);
    }
  }, function () {});
}

function connect(el) {
  if (el.isConnected && el._ck == null && !dead) {
    try {
      el._ckInline = inlineFeed(el);
      el._ckLang = inheritedLang(el);
      el._ck = wasm_bindgen.ck_connect(el, el.shadowRoot, el.localName, el._ckLang, el._ckInline, el._ckBase);
    } catch (error) {
      console.warn(error);
      if (error instanceof WebAssembly.RuntimeError) fatal();
      else if (!dead) showCrash(el);
    }
  }
}

function unmount(el) {
  var id = el._ck;
  el._ck = null;
  if (id != null && !dead) guard(function () {
    wasm_bindgen.ck_disconnect(id);
  });
}

// Inline JSON added to an element later, replaced, rewritten, or taken away (its `feed` URL
// then applies), is a new feed: the widget starts again on it. The same text written again
// (a CMS rendering the block anew) keeps the widget, and the visitor's search and choices.
function watchContent(el) {
  if (el._ckContent) return;
  el._ckContent = new MutationObserver(function () {
    if (el._ck == null || dead || inlineFeed(el) === el._ckInline) return;
    unmount(el);
    mount(el);
  });
  // Its children, the script's text, and a script's type (`text/plain` is no JSON).
  el._ckContent.observe(el, { childList: true, subtree: true, characterData: true, attributeFilter: ["type"] });
}

// A modal dialog taken out of the page with its element (a profile open while a theme moves
// the widget) comes back open but no longer modal, laid in the page: it is shown as a modal
// again, and the close in between is kept from the widget, for which it stayed open.
function reopenModals(root) {
  root.querySelectorAll("dialog[open]").forEach(function (d) {
    try {
      if (d.matches(":modal")) return;
    } catch (e) {
      return;
    }
    d.addEventListener("close", function (e) {
      e.stopImmediatePropagation();
    }, { capture: true, once: true });
    d.close();
    d.showModal();
  });
}

class ClusterkitElement extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: "open" });
    live.add(this);
    // The address its relative URLs resolve against (see attributeChangedCallback).
    if (this._ckBase == null) this._ckBase = document.baseURI;
    // Moved: still mounted, with the visitor's search, choices and month (see below), and
    // in the language of where it now is.
    if (this._ck != null) {
      watchLang(this);
      if (!translated()) relang(this);
      return reopenModals(this.shadowRoot);
    }
    if (dead) return showCrash(this);
    var el = this;
    if (!el.shadowRoot.firstChild) showWaiting(el);
    prefetch(el);
    warmIntl(el);
    watchLang(el);
    watchContent(el);
    // An inline feed is the element's content, which the parser may not have reached yet
    // when the element connects (a plain script tag before it, or a slow script between):
    // without a feed URL, the widget waits for the page to be parsed.
    if (!el.hasAttribute("feed") && document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        mount(el);
      });
    } else {
      mount(el);
    }
  }

  disconnectedCallback() {
    live.delete(this);
    if (early) releaseEarly();
    // A move (a theme moving a sidebar, a script re-parenting the element) is a removal and
    // an insertion in one task, its script awaiting in between at times (Turbo keeps a
    // permanent element so): the widget goes only if the element is still out of the page
    // in the next task.
    var el = this;
    setTimeout(function () {
      if (!el.isConnected) unmount(el);
    }, 0);
  }

  attributeChangedCallback(name, _old, value) {
    if (name === "feed") {
      // Resolved now, against the page's address as it is when the feed is named: a
      // single-page app's router may change that address before the Wasm reads it. Not
      // while out of the page (a copy Turbo keeps for later): it takes the address it is
      // connected at.
      if (this.isConnected) this._ckBase = document.baseURI;
      value = feedUrl(this) || value;
      if (this.isConnected) prefetch(this);
    }
    var id = this._ck;
    if (id != null && !dead) guard(function () {
      wasm_bindgen.ck_attr(id, name, value);
    });
  }
}

TAGS.forEach(function (tag) {
  if (customElements.get(tag)) {
    console.warn("clusterkit: <" + tag + "> is already defined (a second clusterkit script?); keeping the first.");
  } else {
    customElements.define(tag, class extends ClusterkitElement {});
  }
});
