// A browser's page translation, as Chrome's (Google Translate) does it to the DOM: every text
// node is taken out and a <font><font>translated</font></font> put in its place, in open
// shadow roots too, again as new text comes; translate="no" is left alone; <html> gets the
// target `lang` and the class `translated-ltr`. window.translator.on() and .off().
(() => {
  const replaced = new Map(); // the outer <font> → the text node it stands in for
  const fonts = new WeakSet();
  const observers = [];
  let original = null;
  const up = (node) => (node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement);
  const left = (node) => {
    for (let e = up(node); e; e = up(e)) {
      if (fonts.has(e)) return true;
      if (/^(SCRIPT|STYLE)$/.test(e.tagName) || e.namespaceURI === "http://www.w3.org/2000/svg") return true;
      const translate = e.getAttribute("translate");
      if (translate === "no") return true;
      if (translate === "yes") return false;
    }
    return false;
  };
  const wrap = (text) => {
    if (!text.isConnected || !text.data.trim() || left(text)) return;
    const outer = document.createElement("font");
    const inner = outer.appendChild(document.createElement("font"));
    inner.textContent = `[DE] ${text.data}`;
    fonts.add(outer);
    fonts.add(inner);
    text.replaceWith(outer);
    replaced.set(outer, text);
  };
  const walk = (root) => {
    if (root.nodeType === 3) return wrap(root);
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === 3) texts.push(n);
      else if (n.shadowRoot) watch(n.shadowRoot);
    }
    texts.forEach(wrap);
  };
  const watch = (root) => {
    if (observers.some(([r]) => r === root)) return;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") walk(r.target);
        else r.addedNodes.forEach((n) => fonts.has(n) || walk(n));
      }
    });
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    observers.push([root, observer]);
    walk(root);
  };
  window.translator = {
    on() {
      original = document.documentElement.getAttribute("lang");
      document.documentElement.classList.add("translated-ltr");
      document.documentElement.setAttribute("lang", "de");
      watch(document);
    },
    off() {
      observers.splice(0).forEach(([, o]) => o.disconnect());
      for (const [outer, text] of replaced) if (outer.isConnected) outer.replaceWith(text);
      replaced.clear();
      document.documentElement.setAttribute("lang", original);
      document.documentElement.classList.remove("translated-ltr");
    },
  };
})();
