/*
 * reformdocs search client: exact-phrase, Simplified/Traditional-insensitive search over the
 * static index written by reformdocs/search.py (read its docstring for the format). It mirrors
 * SearchIndex.search() there; keep the two in step.
 *
 * Page contract (works at any depth, over http and from file://):
 *   <script src=".../assets/search/search.js"></script>   (mkdocs.yml: extra_javascript:
 *            [assets/search/search.js]; the index itself goes to site/search/, see
 *            reformdocs.search.write_index; Material's search plugin stays disabled)
 *   optional <meta name="reformdocs-search-index" content="REL/search/">   index folder
 *            (default: ../../search/ relative to this script, i.e. assets/search/ -> search/)
 *   optional <meta name="reformdocs-search-edition" content="hans|hant">  (default: <html lang>)
 *   optional <meta name="reformdocs-search-root" content="REL/">  root of this page's edition;
 *            result URLs (edition-relative) are resolved against it. Default: the index's
 *            parent folder, plus "zh-Hant/" for the Traditional edition.
 * It drives Material's search dialog (classes .md-search*, toggle #__search); when the page has
 * none (Material's search plugin disabled) it inserts the same markup into the header, without
 * Material's data-md-component hooks so Material's bundle does not start its own worker.
 */
(function () {
  "use strict";

  var CALLBACK = "__reformdocs_search";
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var MAX_WORD = 128;
  var MAX_WORDS = 8;
  var BATCH = 10; // documents rendered at a time
  var VISIBLE = 3; // sections shown per document before "more"
  var SNIPPET = 120; // characters of context in a teaser

  var DEC = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) DEC[ALPHABET.charCodeAt(a)] = a;

  var LENGTH_TABLE = [0];
  while (LENGTH_TABLE.length < 64) {
    var last = LENGTH_TABLE[LENGTH_TABLE.length - 1];
    LENGTH_TABLE.push(last + Math.max(1, Math.floor(last / 5)));
  }

  // whitespace dropped by normalisation: same list as WHITESPACE in search.py
  var WS = new Set([0x7f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b]);
  for (var w = 0; w <= 0x20; w++) WS.add(w);
  for (w = 0x2000; w < 0x200b; w++) WS.add(w);
  var WS_CLASS = "[" + Array.from(WS).sort(function (x, y) { return x - y; }).map(function (c) {
    return "\\u" + ("000" + c.toString(16)).slice(-4);
  }).join("") + "]+";
  var WS_RUN = new RegExp(WS_CLASS);
  var WS_RUN_G = new RegExp(WS_CLASS, "g");

  var SCRIPT = document.currentScript;

  /* ------------------------------------------------------------------ configuration */

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  function configure() {
    var base = meta("reformdocs-search-index");
    var index;
    if (base !== null) {
      index = new URL(base.replace(/\/?$/, "/"), document.baseURI);
    } else if (SCRIPT && SCRIPT.src) {
      index = new URL("../../search/", SCRIPT.src);
    } else {
      index = new URL("search/", document.baseURI);
    }
    var edition = meta("reformdocs-search-edition");
    if (!edition) {
      var lang = document.documentElement.getAttribute("lang") || "";
      edition = /hant|tw|hk|mo/i.test(lang) ? "hant" : "hans";
    }
    edition = edition.toLowerCase() === "hant" ? "hant" : "hans";
    var rootMeta = meta("reformdocs-search-root");
    var root = rootMeta !== null
      ? new URL(rootMeta.replace(/\/?$/, "/"), document.baseURI)
      : new URL(edition === "hant" ? "../zh-Hant/" : "../", index);
    return { index: index, edition: edition, root: root };
  }

  var CONFIG = configure();

  /* ------------------------------------------------------------------ loading (JSONP) */

  var files = Object.create(null);

  function entry(key) {
    var e = files[key];
    if (!e) {
      e = files[key] = { data: undefined, script: null };
      e.promise = new Promise(function (resolve, reject) {
        e.resolve = resolve;
        e.reject = reject;
      });
    }
    return e;
  }

  window[CALLBACK] = function (key, data) {
    var e = entry(key);
    if (e.data === undefined) {
      e.data = data;
      e.resolve(data);
    }
  };

  function load(key) {
    var e = entry(key);
    if (e.data !== undefined || e.script) return e.promise;
    var s = document.createElement("script");
    s.src = new URL(key + ".js", CONFIG.index).href;
    s.charset = "utf-8";
    s.async = true;
    s.onload = function () {
      s.remove();
      if (e.data === undefined) e.reject(new Error("search index file did not register: " + key));
    };
    s.onerror = function () {
      s.remove();
      e.script = null;
      e.reject(new Error("cannot load search index file " + key));
      delete files[key];
    };
    e.script = s;
    (document.head || document.documentElement).appendChild(s);
    return e.promise;
  }

  /* ------------------------------------------------------------------ normalisation */

  var T2S = new Map();

  function mapCp(cp) {
    if (WS.has(cp)) return -1;
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
    var t = T2S.get(cp);
    return t === undefined ? cp : t;
  }

  function normalize(text) {
    var out = "";
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      i += cp > 0xffff ? 2 : 1;
      var m = mapCp(cp);
      if (m >= 0) out += String.fromCodePoint(m);
    }
    return out;
  }

  /* Normalised text with, for each UTF-16 unit of it, the span it came from in `text`. */
  function normalizeMapped(text) {
    var out = [];
    var from = [];
    var to = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var n = cp > 0xffff ? 2 : 1;
      var m = mapCp(cp);
      if (m >= 0) {
        var s = String.fromCodePoint(m);
        out.push(s);
        for (var k = 0; k < s.length; k++) {
          from.push(i);
          to.push(i + n);
        }
      }
      i += n;
    }
    return { s: out.join(""), from: from, to: to };
  }

  function splitQuery(query) {
    var words = [];
    var parts = query.split('"');
    for (var i = 0; i < parts.length; i++) {
      var chunks = i % 2 === 1 ? [parts[i]] : parts[i].split(WS_RUN);
      for (var j = 0; j < chunks.length; j++) {
        var word = normalize(chunks[j]);
        var cps = Array.from(word);
        if (cps.length > MAX_WORD) word = cps.slice(0, MAX_WORD).join("");
        if (word && words.indexOf(word) < 0) words.push(word);
      }
    }
    return words.slice(0, MAX_WORDS);
  }

  /* ------------------------------------------------------------------ index */

  function decodeVarints(s) {
    var out = [];
    var v = 0;
    var shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = DEC[s.charCodeAt(i)];
      v += (d & 31) * Math.pow(2, shift);
      if (d & 32) {
        shift += 5;
      } else {
        out.push(v);
        v = 0;
        shift = 0;
      }
    }
    return out;
  }

  function decodeDeltas(s) {
    var nums = decodeVarints(s);
    var acc = 0;
    for (var i = 0; i < nums.length; i++) {
      acc += nums[i];
      nums[i] = acc;
    }
    return nums;
  }

  function keyHash(key) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length;) {
      var cp = key.codePointAt(i);
      i += cp > 0xffff ? 2 : 1;
      h = Math.imul(h ^ cp, 0x01000193) >>> 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    return h >>> 0;
  }

  var POW32 = [1, 32, 1024, 32768, 1048576, 33554432, 1073741824, 34359738368];

  /* One key's postings: units ascending, counts, and (bigrams) positions, in typed arrays. */
  function Postings(value, positional) {
    var n = value.length;
    var i = 0;
    function next() {
      var v = 0, k = 0, d;
      do {
        d = DEC[value.charCodeAt(i++)];
        v += (d & 31) * POW32[k++];
      } while (d & 32);
      return v;
    }
    var units = new Int32Array(n), counts = new Int32Array(n);
    var starts = positional ? new Int32Array(n) : null, pos = positional ? new Int32Array(n) : null;
    var nu = 0, np = 0, unit = 0;
    while (i < n) {
      var v = next();
      unit += Math.floor(v / 2);
      var count = v % 2 ? next() + 2 : 1;
      units[nu] = unit;
      counts[nu] = count;
      if (positional) {
        starts[nu] = np;
        var p = 0;
        for (var k = 0; k < count; k++) {
          p += next();
          pos[np++] = p;
        }
      }
      nu++;
    }
    this.length = nu;
    this.units = units.subarray(0, nu);
    this.counts = counts.subarray(0, nu);
    this.starts = positional ? starts.subarray(0, nu) : null;
    this.pos = positional ? pos.subarray(0, np) : null;
  }

  Postings.prototype.find = function (unit) {
    var lo = 0, hi = this.length - 1, u = this.units;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (u[mid] < unit) lo = mid + 1;
      else if (u[mid] > unit) hi = mid - 1;
      else return mid;
    }
    return -1;
  };

  var manifest = null;
  var manifestPromise = null;
  var decoded = new Map(); // key -> Postings

  function loadManifest() {
    if (manifestPromise) return manifestPromise;
    manifestPromise = load("manifest").then(function (m) {
      var docStart = decodeDeltas(m.doc_start);
      var docOf = new Int32Array(m.sections);
      for (var d = 0; d < m.docs; d++) {
        for (var s = docStart[d]; s < docStart[d + 1]; s++) docOf[s] = d;
      }
      var lengths = new Int32Array(m.sections);
      for (var j = 0; j < m.sections; j++) lengths[j] = LENGTH_TABLE[DEC[m.lengths.charCodeAt(j)]];
      var pairs = Array.from(m.t2s);
      for (var k = 0; k + 1 < pairs.length; k += 2) T2S.set(pairs[k].codePointAt(0), pairs[k + 1].codePointAt(0));
      manifest = {
        sections: m.sections,
        docs: m.docs,
        shards: m.shards,
        width: m.shard_width,
        docStart: docStart,
        docOf: docOf,
        lengths: lengths,
        chunkStart: decodeDeltas(m.chunk_start)
      };
      return manifest;
    });
    manifestPromise.catch(function () { manifestPromise = null; });
    return manifestPromise;
  }

  function shardKey(key) {
    var n = (keyHash(key) % manifest.shards).toString(16);
    while (n.length < manifest.width) n = "0" + n;
    return "p/" + n;
  }

  function postings(key, positional) {
    if (decoded.has(key)) return Promise.resolve(decoded.get(key));
    return load(shardKey(key)).then(function (shard) {
      if (decoded.has(key)) return decoded.get(key);
      var value = Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
      var p = value === null ? null : new Postings(value, positional);
      decoded.set(key, p);
      return p;
    });
  }

  var hitCache = new Map(); // word -> Promise of its hits, for the last few words

  function wordHits(word) {
    var cached = hitCache.get(word);
    if (!cached) {
      cached = computeWordHits(word);
      hitCache.set(word, cached);
      cached.catch(function () { hitCache.delete(word); });
      if (hitCache.size > 32) hitCache.delete(hitCache.keys().next().value);
    }
    return cached;
  }

  /* Where one normalised word occurs, per unit: dense arrays over sections and documents.
     body[s] / head[s] / title[d] = occurrences (0 = none); *First = first position or -1. */
  function Hits(m) {
    this.size = 0;
    this.body = new Int32Array(m.sections);
    this.head = new Int32Array(m.sections);
    this.title = new Int32Array(m.docs);
    this.bodyFirst = new Int32Array(m.sections);
    this.headFirst = new Int32Array(m.sections);
    this.titleFirst = new Int32Array(m.docs);
  }

  Hits.prototype.add = function (unit, count, first) {
    var S = this.body.length;
    this.size++;
    if (unit < S) {
      this.body[unit] = count;
      this.bodyFirst[unit] = first;
    } else if (unit < 2 * S) {
      this.head[unit - S] = count;
      this.headFirst[unit - S] = first;
    } else {
      this.title[unit - 2 * S] = count;
      this.titleFirst[unit - 2 * S] = first;
    }
  };

  function computeWordHits(word) {
    var cps = Array.from(word);
    var n = cps.length;
    if (n === 1) {
      return postings(word, false).then(function (p) {
        var hits = new Hits(manifest);
        if (p) for (var i = 0; i < p.length; i++) hits.add(p.units[i], p.counts[i], -1);
        return hits;
      });
    }
    var offsets = [];
    for (var o = 0; o < n - 1; o += 2) offsets.push(o);
    if (offsets[offsets.length - 1] !== n - 2) offsets.push(n - 2);
    return Promise.all(offsets.map(function (off) {
      return postings(cps[off] + cps[off + 1], true);
    })).then(function (lists) {
      var hits = new Hits(manifest);
      if (lists.some(function (p) { return p === null; })) return hits;
      if (lists.length === 1) {
        var only = lists[0];
        for (var i = 0; i < only.length; i++) hits.add(only.units[i], only.counts[i], only.pos[only.starts[i]]);
        return hits;
      }
      var driver = 0;
      for (var j = 1; j < lists.length; j++) {
        if (lists[j].length < lists[driver].length) driver = j;
      }
      var first = lists[0];
      var idx = new Array(lists.length);
      var ptr = new Array(lists.length);
      units: for (var u = 0; u < lists[driver].length; u++) {
        var unit = lists[driver].units[u];
        for (j = 0; j < lists.length; j++) {
          var at = j === driver ? u : lists[j].find(unit);
          if (at < 0) continue units;
          idx[j] = at;
        }
        var fs = first.starts[idx[0]];
        var fe = fs + first.counts[idx[0]];
        for (j = 1; j < lists.length; j++) ptr[j] = lists[j].starts[idx[j]];
        var count = 0;
        var firstPos = -1;
        for (var q = fs; q < fe; q++) {
          var start = first.pos[q];
          var ok = true;
          for (j = 1; j < lists.length && ok; j++) {
            var L = lists[j];
            var want = start + offsets[j];
            var end = L.starts[idx[j]] + L.counts[idx[j]];
            while (ptr[j] < end && L.pos[ptr[j]] < want) ptr[j]++;
            ok = ptr[j] < end && L.pos[ptr[j]] === want;
          }
          if (ok) {
            if (count === 0) firstPos = start;
            count++;
          }
        }
        if (count) hits.add(unit, count, firstPos);
      }
      return hits;
    });
  }

  /* Ranked results: [{section, doc, tier, density, occurrences, first: [kind, pos]}]; mirrors
     SearchIndex.search in search.py */
  function search(query) {
    return loadManifest().then(function (m) {
      var words = splitQuery(query);
      if (!words.length) return { words: words, results: [] };
      return Promise.all(words.map(wordHits)).then(function (perWord) {
        if (perWord.some(function (h) { return h.size === 0; })) return { words: words, results: [] };
        var S = m.sections, W = perWord.length;
        var results = [];
        for (var s = 0; s < S; s++) {
          var d = m.docOf[s];
          var rep = s === m.docStart[d];
          var allTitle = true, allSelfOrTitle = true, anySelf = false, allHeadOrTitle = true, anyHead = false;
          var occ = 0;
          for (var i = 0; i < W; i++) {
            var h = perWord[i];
            var b = h.body[s], hd = h.head[s], t = h.title[d];
            if (!t) allTitle = false;
            if (b || hd) anySelf = true;
            else if (!t) allSelfOrTitle = false;
            if (hd) anyHead = true;
            else if (!t) allHeadOrTitle = false;
            occ += b + hd;
          }
          var tier;
          if (allTitle && rep) tier = 2;
          else if (allSelfOrTitle && anySelf) tier = allHeadOrTitle && anyHead ? 1 : 0;
          else continue;
          var first = [-1, -1];
          for (i = 0; i < W && first[0] < 0; i++) if (perWord[i].head[s]) first = [1, perWord[i].headFirst[s]];
          for (i = 0; i < W && first[0] < 0; i++) if (perWord[i].body[s]) first = [0, perWord[i].bodyFirst[s]];
          for (i = 0; i < W && first[0] < 0; i++) if (perWord[i].title[d]) first = [2, perWord[i].titleFirst[d]];
          results.push({
            section: s, doc: d, tier: tier, occurrences: occ, first: first,
            density: occ / (m.lengths[s] + 20)
          });
        }
        results.sort(function (x, y) {
          return (y.tier - x.tier) || (y.density - x.density) || (x.section - y.section);
        });
        return { words: words, results: results };
      });
    });
  }

  var s2tPromise = null;

  function loadS2T() {
    if (!s2tPromise) {
      s2tPromise = load("t/hant/map").then(function (m) {
        var map = new Map();
        var cps = Array.from(m.s2t);
        for (var i = 0; i + 1 < cps.length; i += 2) map.set(cps[i], cps[i + 1]);
        return map;
      });
      s2tPromise.catch(function () { s2tPromise = null; });
    }
    return s2tPromise;
  }

  /* Traditional text from the Simplified and its stored form: unpatch() in search.py */
  function restoreHant(hans, stored, s2t) {
    if (typeof stored === "string") return stored;
    var chars = Array.from(hans).map(function (c) {
      var t = s2t.get(c);
      return t === undefined ? c : t;
    });
    if (stored) {
      var patch = Array.from(stored[0]);
      var pos = 0;
      for (var i = 0; i < patch.length;) {
        var v = 0, k = 0, d;
        do {
          d = DEC[patch[i++].charCodeAt(0)];
          v += (d & 31) * POW32[k++];
        } while (d & 32);
        pos += v;
        chars[pos] = patch[i++];
        pos++;
      }
    }
    return chars.join("");
  }

  /* section row {doc, url, title, anchor, heading, text} in the page's script */
  function sectionRow(s) {
    var cs = manifest.chunkStart;
    var lo = 0, hi = cs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (cs[mid] <= s) lo = mid; else hi = mid - 1;
    }
    var hant = CONFIG.edition === "hant";
    return Promise.all([
      load("t/hans/" + lo),
      hant ? load("t/hant/" + lo) : null,
      hant ? loadS2T() : null
    ]).then(function (got) {
      var chunk = got[0], j = s - cs[lo], r = chunk.s[j], k = 0;
      while (chunk.d[k][0] !== r[0]) k++;
      var row = { doc: r[0], url: chunk.d[k][1], title: chunk.d[k][2], anchor: r[1], heading: r[2], text: r[3] };
      if (hant) {
        var t = got[1], map = got[2];
        row.title = restoreHant(row.title, t.d[k][1], map);
        row.heading = restoreHant(row.heading, t.s[j][0], map);
        row.text = restoreHant(row.text, t.s[j][1], map);
      }
      return row;
    });
  }

  function href(row) {
    var url = row.url;
    if (location.protocol === "file:" && (url === "" || /\/$/.test(url))) url += "index.html";
    var u = new URL(url, CONFIG.root);
    if (row.anchor) u.hash = row.anchor;
    return u.href;
  }

  /* ------------------------------------------------------------------ highlighting */

  /* [[start, end), ...] spans of `text` holding any of the words, sorted, merged */
  function spans(text, words) {
    var n = normalizeMapped(text);
    var out = [];
    words.forEach(function (word) {
      var at = n.s.indexOf(word);
      while (at >= 0) {
        out.push([n.from[at], n.to[at + word.length - 1]]);
        at = n.s.indexOf(word, at + word.length);
      }
    });
    out.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    var merged = [];
    out.forEach(function (sp) {
      var lastSpan = merged[merged.length - 1];
      if (lastSpan && sp[0] <= lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], sp[1]);
      else merged.push(sp.slice());
    });
    return { spans: merged, norm: n };
  }

  function appendMarked(el, text, list, from, to) {
    var at = from;
    list.forEach(function (sp) {
      var a2 = Math.max(sp[0], from), b2 = Math.min(sp[1], to);
      if (b2 <= a2) return;
      if (a2 > at) el.appendChild(document.createTextNode(text.slice(at, a2)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(a2, b2);
      el.appendChild(mark);
      at = b2;
    });
    if (at < to) el.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function marked(tag, text, words) {
    var el = document.createElement(tag);
    appendMarked(el, text, spans(text, words).spans, 0, text.length);
    return el;
  }

  function teaser(text, words, result) {
    var p = document.createElement("p");
    if (!text) return p;
    var found = spans(text, words);
    var centre = -1;
    if (found.spans.length) {
      centre = found.spans[0][0];
    } else if (result.first[0] === 0 && result.first[1] >= 0) {
      // matched the other script's wording: place the teaser by the index position
      var cps = 0;
      for (var i = 0; i < found.norm.s.length; i++) {
        if (cps === result.first[1]) { centre = found.norm.from[i]; break; }
        var c = found.norm.s.charCodeAt(i);
        if (c < 0xd800 || c > 0xdbff) cps++;
      }
    }
    var start = 0;
    if (centre > SNIPPET / 4) start = centre - Math.floor(SNIPPET / 4);
    if (start > 0 && text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff) start++;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
    if (start > 0) p.appendChild(document.createTextNode("…"));
    appendMarked(p, text, found.spans, start, end);
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  /* ------------------------------------------------------------------ user interface */

  var ICONS = {
    magnify: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
  };

  var TEXTS = {
    hans: {
      "search.placeholder": "搜索",
      "search.reset": "清空当前内容",
      "search.result.initializer": "正在初始化搜索引擎",
      "search.result.placeholder": "键入以开始搜索",
      "search.result.none": "没有找到符合条件的结果",
      "search.result.one": "找到 1 个符合条件的结果",
      "search.result.other": "# 个符合条件的结果",
      "search.result.more.one": "在该页上还有 1 个符合条件的结果",
      "search.result.more.other": "在该页上还有 # 个符合条件的结果",
      "search.error": "无法加载搜索索引"
    },
    hant: {
      "search.placeholder": "搜尋",
      "search.reset": "清除",
      "search.result.initializer": "正在初始化搜尋引擎",
      "search.result.placeholder": "鍵入以開始檢索",
      "search.result.none": "沒有找到符合條件的結果",
      "search.result.one": "找到 1 個符合條件的結果",
      "search.result.other": "找到 # 個符合條件的結果",
      "search.result.more.one": "此頁尚有 1 個符合的項目",
      "search.result.more.other": "此頁尚有 # 個符合的項目",
      "search.error": "無法載入搜尋索引"
    }
  };

  var materialTexts;

  function translation(key, n) {
    if (materialTexts === undefined) {
      materialTexts = null;
      var el = document.getElementById("__config");
      try {
        if (el) materialTexts = JSON.parse(el.textContent).translations || null;
      } catch (e) { /* not Material's config */ }
    }
    var text = materialTexts && typeof materialTexts[key] === "string" ? materialTexts[key] : null;
    if (text === null) text = TEXTS[CONFIG.edition][key] || key;
    return n === undefined ? text : text.replace("#", String(n));
  }

  function svg(d) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="' + d + '"/></svg>';
  }

  /* Material's partials/search.html minus data-md-component (so its bundle leaves it alone) */
  function injectDialog() {
    var nav = document.querySelector(".md-header__inner");
    if (!nav) return null;
    var button = document.createElement("label");
    button.className = "md-header__button md-icon";
    button.setAttribute("for", "__search");
    button.innerHTML = svg(ICONS.magnify);
    var box = document.createElement("div");
    box.className = "md-search";
    box.setAttribute("role", "dialog");
    var ph = translation("search.placeholder");
    box.innerHTML =
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="reformdocs-search">' +
      '<input type="text" class="md-search__input" name="query" autocapitalize="off" autocorrect="off"' +
      ' autocomplete="off" spellcheck="false" required>' +
      '<label class="md-search__icon md-icon" for="__search">' + svg(ICONS.magnify) + svg(ICONS.back) + "</label>" +
      '<nav class="md-search__options"><button type="reset" class="md-search__icon md-icon" tabindex="-1">' +
      svg(ICONS.close) + "</button></nav></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta"></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div>';
    var input = box.querySelector(".md-search__input");
    input.setAttribute("placeholder", ph);
    input.setAttribute("aria-label", ph);
    var reset = box.querySelector("button[type=reset]");
    reset.setAttribute("title", translation("search.reset"));
    reset.setAttribute("aria-label", translation("search.reset"));
    var before = nav.querySelector(".md-header__source");
    nav.insertBefore(box, before);
    nav.insertBefore(button, box);
    return box;
  }

  function setToggle(on) {
    var t = document.getElementById("__search");
    if (t && t.checked !== on) {
      t.checked = on;
      t.dispatchEvent(new Event("change"));
    }
  }

  function isOpen(box) {
    var t = document.getElementById("__search");
    return t ? t.checked : box.contains(document.activeElement);
  }

  function init() {
    if (window.reformdocsSearch && window.reformdocsSearch.root) return;
    var box = document.querySelector(".md-search");
    if (box && box.hasAttribute("data-md-component")) {
      // Material's own search plugin is on and drives this box: two engines would fight over it
      if (window.console) console.warn("reformdocs search: disable Material's search plugin to use this one");
      return;
    }
    if (!box || !box.querySelector(".md-search__input")) box = injectDialog();
    if (!box) return;
    var input = box.querySelector(".md-search__input");
    var form = input.form;
    var result = box.querySelector(".md-search-result");
    var metaEl = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var scroll = box.querySelector(".md-search__scrollwrap") || result;
    var seq = 0;
    var state = { query: null, words: [], groups: [], shown: 0, rendering: null };
    var api = window.reformdocsSearch;
    api.root = box;

    metaEl.textContent = translation("search.result.placeholder");
    list.hidden = false;

    function setMeta(text, status) {
      metaEl.textContent = text;
      result.setAttribute("data-rd-state", status);
    }

    function groupResults(results) {
      var byDoc = new Map();
      var groups = [];
      results.forEach(function (r) {
        var g = byDoc.get(r.doc);
        if (!g) {
          g = { doc: r.doc, results: [] };
          byDoc.set(r.doc, g);
          groups.push(g);
        }
        g.results.push(r);
      });
      return groups;
    }

    function article(row, r, words, parent) {
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.setAttribute("tabindex", "-1");
      a.href = href(row);
      a.setAttribute("data-rd-section", String(r.section));
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset";
      art.setAttribute("data-md-score", String(r.tier * 1000 + r.density * 100).slice(0, 8));
      if (parent) {
        var icon = document.createElement("div");
        icon.className = "md-search-result__icon md-icon";
        art.appendChild(icon);
        art.appendChild(marked("h1", row.title, words));
      }
      if (row.heading) art.appendChild(marked("h2", row.heading, words));
      art.appendChild(teaser(row.text, words, r));
      a.appendChild(art);
      return a;
    }

    function renderGroup(g, rows, words) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      li.appendChild(article(rows[0], g.results[0], words, true));
      for (var i = 1; i < g.results.length && i < VISIBLE; i++) {
        li.appendChild(article(rows[i], g.results[i], words, false));
      }
      var more = g.results.slice(VISIBLE);
      if (more.length) {
        var details = document.createElement("details");
        details.className = "md-search-result__more";
        var summary = document.createElement("summary");
        summary.setAttribute("tabindex", "-1");
        var div = document.createElement("div");
        div.textContent = more.length === 1
          ? translation("search.result.more.one")
          : translation("search.result.more.other", more.length);
        summary.appendChild(div);
        details.appendChild(summary);
        var filled = false;
        details.addEventListener("toggle", function () {
          if (!details.open || filled) return;
          filled = true;
          Promise.all(more.map(function (r) { return sectionRow(r.section); })).then(function (rs) {
            rs.forEach(function (row, k) { details.appendChild(article(row, more[k], words, false)); });
          });
        });
        li.appendChild(details);
      }
      return li;
    }

    function renderMore(my) {
      if (state.rendering) return state.rendering;
      if (state.shown >= state.groups.length) return Promise.resolve();
      var batch = state.groups.slice(state.shown, state.shown + BATCH);
      state.shown += batch.length;
      // all text chunks of the batch are requested at once; each document is shown as soon as
      // it and the ones before it are ready
      var chain = Promise.resolve();
      batch.forEach(function (g) {
        var rows = Promise.all(g.results.slice(0, VISIBLE).map(function (r) { return sectionRow(r.section); }));
        chain = chain.then(function () { return rows; }).then(function (rs) {
          if (my === seq) list.appendChild(renderGroup(g, rs, state.words));
        });
      });
      state.rendering = chain.finally(function () {
        if (my === seq) state.rendering = null;
      });
      return state.rendering;
    }

    function run(query) {
      var my = ++seq;
      var t0 = performance.now();
      state.query = query;
      state.rendering = null;
      if (!normalize(query)) {
        list.innerHTML = "";
        state.groups = [];
        state.shown = 0;
        setMeta(translation("search.result.placeholder"), "empty");
        return Promise.resolve();
      }
      if (!manifest) setMeta(translation("search.result.initializer"), "loading");
      result.setAttribute("data-rd-state", "loading");
      return search(query).then(function (out) {
        if (my !== seq) return;
        var t1 = performance.now();
        list.innerHTML = "";
        scroll.scrollTop = 0;
        state.words = out.words;
        state.groups = groupResults(out.results);
        state.shown = 0;
        var n = out.results.length;
        setMeta(n === 0 ? translation("search.result.none")
          : n === 1 ? translation("search.result.one")
            : translation("search.result.other", n), "loading");
        return renderMore(my).then(function () {
          if (my !== seq) return;
          api.timing = { query: query, search: t1 - t0, total: performance.now() - t0, results: n };
          result.setAttribute("data-rd-query", query);
          result.setAttribute("data-rd-state", "done");
        });
      }).catch(function (err) {
        if (my !== seq) return;
        list.innerHTML = "";
        setMeta(translation("search.error"), "error");
        result.setAttribute("data-rd-query", query);
        if (window.console) console.error(err);
      });
    }
    api.run = function (query) {
      input.value = query;
      return run(query);
    };

    var composing = false;
    function changed() {
      if (input.value !== state.query) run(input.value);
    }
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; changed(); });
    input.addEventListener("input", function (ev) {
      if (composing || ev.isComposing) return;
      changed();
    });
    input.addEventListener("focus", function () {
      setToggle(true);
      loadManifest().catch(function () {});
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { run(""); input.focus(); }, 0);
    });
    scroll.addEventListener("scroll", function () {
      if (scroll.scrollTop + scroll.clientHeight > scroll.scrollHeight - 200) renderMore(seq);
    });
    box.addEventListener("click", function (ev) {
      if (ev.target instanceof Element && ev.target.closest("a[href]")) setToggle(false);
    });
    var toggle = document.getElementById("__search");
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) { input.focus(); } else { input.blur(); }
      });
    }
    document.querySelectorAll('label[for="__search"]').forEach(function (label) {
      label.addEventListener("click", function () { input.focus(); });
    });

    document.addEventListener("keydown", function (ev) {
      if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
      var active = document.activeElement;
      if (!isOpen(box)) {
        if (active && (active.isContentEditable || /^(input|select|textarea)$/i.test(active.tagName))) return;
        if (ev.key === "f" || ev.key === "s" || ev.key === "/") {
          input.focus();
          input.select();
          ev.preventDefault();
        }
        return;
      }
      if (ev.isComposing || ev.keyCode === 229) return;
      if (ev.key === "Enter") {
        if (active === input) {
          var best = list.querySelector("a[href]");
          if (best) best.click();
          ev.preventDefault();
        }
      } else if (ev.key === "Escape" || ev.key === "Tab") {
        setToggle(false);
        input.blur();
      } else if (ev.key === "ArrowUp" || ev.key === "ArrowDown") {
        var els = [input].concat(Array.from(list.querySelectorAll(
          ":not(details) > [href], summary, details[open] [href]")));
        var i = Math.max(0, els.indexOf(active));
        i = (i + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length;
        els[i].focus();
        if (els[i] !== input && renderMore && i > els.length - 4) renderMore(seq);
        ev.preventDefault();
      } else if (active !== input && ev.key.length === 1) {
        input.focus();
      }
    }, true);

    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      setToggle(true);
      input.value = q;
      input.focus();
      run(q);
    }
  }

  window.reformdocsSearch = {
    config: CONFIG,
    search: search,
    splitQuery: splitQuery,
    normalize: normalize,
    loadManifest: loadManifest,
    sectionRow: sectionRow
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
