/* The edition switch and the reader's remembered edition (简体 / 繁體).
 *
 * Each page's <head> lists the same page in both editions (<link rel="alternate" hreflang>, see
 * overrides/main.html) and <html lang> says which one it is. This script
 *   - takes the reader to the other edition with their #anchor when they use the header switch,
 *     and remembers that choice, as it does when they follow any other link into the other
 *     edition (the edition tabs), except a link that only visits a page there (查看原文, marked
 *     with hreflang): that page opens, the choice stays;
 *   - on arriving at a page of the other edition by an ordinary link, a bookmark or a typed URL,
 *     replaces it by the same page in the chosen edition, anchor kept.
 * Links are relative and storage is localStorage, so it works from file:// as well as over http.
 */
(function () {
  "use strict";
  var CHOICE = "reformdocs.edition";  // localStorage: the edition the reader chose (zh-Hans | zh-Hant)
  var VISIT = "reformdocs.visit";     // sessionStorage: the next page was asked for in its edition
  var script = document.currentScript;
  var root = new URL("../", script.src).href;  // this file is javascripts/editions.js
  var prefixes = JSON.parse(script.getAttribute("data-prefixes"));  // lang -> path prefix
  var here = document.documentElement.lang;

  function store(kind) {
    try { return window[kind]; } catch (e) { return null; }  // storage can be switched off
  }

  // The edition of a page of this site (null for any other URL, and for files such as the
  // downloads): the longest matching prefix. Pages have directory URLs, or index.html offline.
  function editionOf(url) {
    url = url.split("#")[0].split("?")[0];
    if (url.indexOf(root) !== 0 || !/\/(index\.html)?$/.test(url)) return null;
    var found = null, length = -1;
    for (var lang in prefixes) {
      var prefix = prefixes[lang];
      if (url.substr(root.length, prefix.length) === prefix && prefix.length > length) {
        found = lang;
        length = prefix.length;
      }
    }
    return found;
  }

  // Arriving: follow the reader's choice unless this page was asked for in its own edition.
  var local = store("localStorage"), session = store("sessionStorage");
  var visit = session && session.getItem(VISIT);
  if (session) session.removeItem(VISIT);
  var chosen = local && local.getItem(CHOICE);
  var target = chosen && chosen !== here && !visit &&
    document.querySelector('link[rel~="alternate"][hreflang="' + chosen + '"]');
  if (target) {
    location.replace(target.href.split("#")[0] + location.hash);
    return;
  }

  // Leaving for the other edition.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || event.defaultPrevented) return;
    var lang = editionOf(link.href), isSwitch = link.hasAttribute("data-edition-switch");
    if (!lang || (lang === here && !isSwitch)) return;  // picking this edition in the switch counts
    if (link.hasAttribute("hreflang") && !isSwitch) {
      if (session) session.setItem(VISIT, lang);
      return;
    }
    if (local) local.setItem(CHOICE, lang);
    if (isSwitch && !link.hash) link.href = link.href.split("#")[0] + location.hash;
  }, true);
})();
