/* Cite this section. Each section heading is followed by a cite control (details.cite, made by
   reformdocs/links/cite.py) holding the section's path and absolute URL; the page holds the
   document's part of every reference (div.cite-data). When a control is first opened, this adds
   the GB/T 7714-2015 reference and the BibTeX entry. Everything is set as text, never as markup. */
(function () {
  "use strict";

  function field(root, name) {
    var el = root.querySelector(".cite-" + name);
    return el ? el.textContent.trim() : "";
  }

  // A BibTeX field value: braces and backslashes would end or escape it.
  function bib(value) {
    return value.replace(/\\/g, "").replace(/\{/g, "(").replace(/\}/g, ")");
  }

  function references(doc, where, url) {
    var id = url.split("#")[1] || "";
    var gbt = (doc.issuer ? doc.issuer + ". " : "") +
      (doc.number ? doc.title + "（" + doc.number + "）" : doc.title) + (where ? ": " + where : "") +
      "[EB/OL]. " + (doc.date ? "(" + doc.date + ")" : "") + "[" + doc.accessed + "]. " + url + ".";
    var fields = [
      ["title", bib(where ? doc.title + ": " + where : doc.title)],
      ["author", doc.issuer ? "{" + bib(doc.issuer) + "}" : ""],  // an institution: braced, not split into names
      ["number", bib(doc.number)], ["date", doc.date], ["url", url], ["urldate", doc.accessed]];
    var tex = "@misc{" + doc.key + ":" + id + ",\n";
    fields.forEach(function (f) { if (f[1]) { tex += "  " + f[0] + " = {" + f[1] + "},\n"; } });
    return { gbt: gbt, bibtex: tex + "}" };
  }

  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function fill(details) {
    var data = document.querySelector(".cite-data");
    if (!data || details.querySelector(".cite-gbt")) { return; }
    var doc = {};
    ["key", "issuer", "title", "number", "date", "accessed"].forEach(function (k) { doc[k] = field(data, k); });
    var refs = references(doc, field(details, "where"), field(details, "url"));
    add(details, "p", "cite-label", "GB/T 7714-2015");
    add(details, "p", "cite-gbt", refs.gbt);
    add(details, "p", "cite-label", "BibTeX");
    add(add(details, "pre", "cite-bibtex", ""), "code", "", refs.bibtex);
  }

  // toggle does not bubble: listen in the capture phase, for every control on the page.
  document.addEventListener("toggle", function (event) {
    var target = event.target;
    if (target.matches && target.matches("details.cite") && target.open) { fill(target); }
  }, true);
})();
