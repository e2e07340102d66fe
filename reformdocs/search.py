"""Exact-phrase, script-insensitive full-text search over document sections: a static, sharded index.

Why not lunr (Material's built-in search) or Pagefind
------------------------------------------------------
Both segment Chinese into *words* (lunr via jieba at build time, Pagefind with its own
segmenter) and match words, so a phrase that straddles a word boundary, or is a part of a word
("济发展", "综合配套改"), is missed, and neither folds Traditional to Simplified. Pagefind also
loads its index with ``fetch()`` + WebAssembly, which Chromium refuses under ``file://`` (the
offline zip). Measured with ``bench/search_bench.py 200 --pagefind BIN`` (Pagefind 1.5.2
extended, 200 synthetic documents, 150 random phrases of 2-8 characters, 30 % typed in
Traditional): Pagefind returned every page holding the phrase for 71 % of the queries (73 % of
the Simplified ones) and 57 % of the pages it returned did not hold the phrase; under
``file://`` it does not load at all. This index: 100 % and 0 %, over http and ``file://``. Its
index is larger (it stores positions and both scripts' text), but what one query fetches stays
well under the 3 MB budget (see the benchmark). So this module builds its own index; the browser
client is ``reformdocs/assets/search/search.js`` and mirrors :class:`SearchIndex` exactly.

What a query means
------------------
Text and query are *normalised* the same way, one code point to at most one code point:
whitespace (and control characters) are dropped, full-width ASCII folds to ASCII (``ＧＤＰ`` →
``gdp``, ``（`` → ``(``), Latin is lower-cased (ASCII only), and every Traditional character
becomes its Simplified form *character by character* (the table is OpenCC ``t2s`` applied to single
characters, made idempotent). A query is split on whitespace into words (a ``"quoted part"`` is
one word); each word is an exact substring test on the normalised text. A section matches when
every word occurs in it (heading or body); in a query of several words, words may also be
satisfied by the document's title as long as one of them is in the section itself. A document
whose title contains every word yields its first section as a result even when no section does.

Ranking: tier 2 = the document's title holds every word (that document's first section);
tier 1 = the heading holds the words (those not in the heading are in the title); tier 0 = the
body. Within a tier, density = occurrences in heading + body / (quantised body length + 20);
then section order. Only integer and IEEE-exact float operations are used, so the JS client
reaches the same order.

Index format (all files are JavaScript, see "Why JSONP" below)
--------------------------------------------------------------
Every file is one call ``__reformdocs_search("<key>", <json>);`` where key is the file's path
under ``search/`` without ``.js``. JSON is dumped with sorted keys and no timestamps, so the
output is byte-for-byte deterministic for the same input.

*Units.* Sections are numbered ``0..S-1`` in input order (grouped by document, first appearance
wins). Indexed units: body of section ``s`` = unit ``s``; heading of ``s`` = unit ``S+s``; title
of document ``d`` = unit ``2S+d``.

*Postings* (``p/<hex>.js``, one JSON object per shard): key -> encoded string. Keys are every
character bigram of the normalised units (positional) and every single character (counts
only). A key goes to shard ``fmix32(fnv1a(code points)) % n_shards``; ``n_shards`` is a power of
two chosen so that an average shard is ~``SHARD_TARGET`` bytes. Numbers are varints written in
the URL-safe base64 alphabet, 5 data bits per character (bit 6 = "more follows"), least
significant group first: a value < 32 costs one byte, < 1024 two. Bigram value: for each unit in
increasing order ``2 * (unit - previous_unit) + (count > 1)``, then ``count - 2`` if count > 1,
then ``first_position, gap, gap, ...``. Unigram value: the same head, no positions. (Most
bigrams occur once in a unit, so folding the count into the unit delta saves a byte a pair.) Positions count non-whitespace code points of the
unit. A phrase of length L is verified from positions alone using the bigrams at offsets 0, 2,
4, ... and L-2 (together they cover every character), so no text is fetched to decide a match.
Positional postings cost more bytes on disk than a bigram->units list, but a common phrase
("经济发展") would otherwise need the text of thousands of candidate sections to verify.

*Scripts.* Units are the normalised Simplified text. Where the Traditional edition's text,
normalised, differs at the same position (equal-length conversions; for unequal lengths a
difflib alignment over equal-length replaced runs), the other character is added to the same
position as an alternative, so both editions' wordings are found at no cost to the rest.

*Manifest* (``manifest.js``): counts, ``n_shards``, ``doc_start`` (first section of each
document, delta varints, S at the end), ``lengths`` (one alphabet character per section: the
quantised code of the body's normalised length, ``LENGTH_TABLE``), ``chunk_start`` (first
section of each text chunk, delta varints), and ``t2s``: the Traditional->Simplified table as one
string of pairs, limited to characters whose Simplified form occurs in the corpus (any other
character cannot match anything anyway). A few kB at 2,000 documents plus one byte a section.

*Text chunks*: runs of consecutive sections of about ``CHUNK_TARGET`` bytes, fetched only for
the results shown. ``t/hans/<n>.js``: ``{"d": [[doc, url, title], ...], "s": [[doc, anchor,
heading, text], ...]}``, Simplified, whitespace runs collapsed. The Traditional edition's text
would double that; instead ``t/hant/<n>.js`` (``{"d": [[doc, title], ...], "s": [[heading,
text], ...]}``) stores each field as a patch over the Simplified one: ``0`` = the Simplified
mapped character by character with ``t/hant/map.js`` (``{"s2t": pairs}``: for each Simplified
character, the Traditional one most often at the same place in this corpus), ``[patch]`` = that
with a few characters replaced (``enc(gap) + character`` per replacement: 发->髮 where the
map says 發), or the Traditional text itself when the lengths differ (phrase conversions such as
s2twp ``鼠标``->``滑鼠``). At 2,000 documents that turns 37 MB of Traditional text into about
1 MB. A Traditional page fetches the Simplified chunk, its patch and the map (once), so it shows
and highlights exactly the Traditional edition's text. URLs are relative to the edition root
(``documents/foo/``), so one index serves both editions: the client prefixes its edition's root.

Why JSONP
---------
Chromium refuses ``fetch()``/XHR of ``file://`` URLs, so every file is a script that calls
``window.__reformdocs_search(key, data)`` and is loaded with a ``<script>`` tag, which works
over http and from an unzipped folder alike.

Wiring it into the site
-----------------------
1. Keep Material's search plugin off (``plugins: []`` or no ``search``): its lunr worker and
   ``search_index.json`` are not wanted, and search.js inserts Material's search box itself.
2. Ship the client and the index from a hook::

       from mkdocs.structure.files import File
       from reformdocs.search import CLIENT_JS, build_index, write_index

       def on_files(files, config):
           files.append(File.generated(config, "assets/search/search.js", abs_src_path=str(CLIENT_JS)))
           return files

       def on_post_build(config):
           write_index(build_index(sections), Path(config.site_dir) / "search")

   with ``extra_javascript: [assets/search/search.js]`` in mkdocs.yml (a plain ``<script>``
   after Material's bundle; ``defer`` also works). ``sections`` are :class:`SearchSection` records:
   one per page section (anchor = the heading's id) plus the text before the first heading
   (anchor ""), URLs edition-relative (``documents/foo/``), each field in both scripts.
3. Nothing else is required: search.js finds the index at ``../../search/`` from its own URL,
   takes the edition from ``<html lang>`` (``zh-Hant``/``-TW``/``-HK`` = Traditional) and links
   results under ``zh-Hant/`` for the Traditional edition. To be explicit instead, put in
   ``{% block extrahead %}``: ``<meta name="reformdocs-search-index" content="{{ base_url
   }}/search/">``, ``<meta name="reformdocs-search-edition" content="hans|hant">`` and
   ``<meta name="reformdocs-search-root" content="{{ base_url }}/">`` (or ``.../zh-Hant/``).
   Under ``file://`` result links to ``.../`` get ``index.html`` appended, as in the offline zip.

Public API: :class:`SearchSection`, :func:`build_index`, :func:`write_index`,
:data:`CLIENT_JS`, :class:`SearchIndex`, :func:`search`, :func:`normalize`.
"""
from __future__ import annotations

import bisect
import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from . import export
from .model import Document

FORMAT_VERSION = 3
SHARD_TARGET = 24_000  # average posting shard size in bytes
CHUNK_TARGET = 12_000  # text chunk size in bytes (Simplified, UTF-8)
MAX_WORD = 128  # a longer query word is cut to this many code points
MAX_WORDS = 8
CALLBACK = "__reformdocs_search"
CLIENT_JS = Path(__file__).resolve().parent / "assets" / "search" / "search.js"  # the browser client
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_DECODE = {c: i for i, c in enumerate(ALPHABET)}

# Whitespace and separators dropped by normalisation; search.js has the same list.
_WS_EXTRA = (0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B)
WHITESPACE = frozenset(
    list(range(0x00, 0x21)) + [0x7F] + list(range(0x2000, 0x200B)) + list(_WS_EXTRA)
)


@dataclass(frozen=True)
class SearchSection:
    """One searchable section of a page, in both scripts.

    ``url`` is relative to the edition root, without a leading slash (``documents/foo/``); the
    Traditional edition serves the same path under ``zh-Hant/``. ``anchor`` is the section's
    id without ``#`` ("" = top of the page). Sections of one document share ``url`` and the
    document titles.
    """

    url: str
    anchor: str
    doc_title_hans: str
    doc_title_hant: str
    heading_hans: str
    heading_hant: str
    text_hans: str
    text_hant: str


@dataclass(frozen=True)
class SearchResult:
    section: int  # section number in the index
    url: str  # edition-relative
    anchor: str
    doc: int
    tier: int  # 2 title, 1 heading, 0 body
    density: float
    occurrences: int
    first: tuple[int, int]  # (unit kind 0 body / 1 heading / 2 title, position) of a match; -1 if unknown

    @property
    def href(self) -> str:
        return self.url + ("#" + self.anchor if self.anchor else "")


# --------------------------------------------------------------------------- normalisation


def _opencc_t2s_chars() -> dict[str, str]:
    """OpenCC t2s applied to every BMP ideograph on its own; idempotent."""
    import opencc

    cc = opencc.OpenCC("t2s.json")
    ranges = [(0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi)]
    out = cc.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # pragma: no cover - OpenCC keeps lines
        raise RuntimeError("OpenCC changed the number of lines")
    table = {a: b for a, b in zip(chars, out) if len(b) == 1 and a != b}
    for key in list(table):  # follow chains so one lookup is enough
        seen = {key}
        value = table[key]
        while value in table and value not in seen:
            seen.add(value)
            value = table[value]
        table[key] = value
    return {k: v for k, v in table.items() if k != v}


@lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    return _opencc_t2s_chars()


def _fold_map() -> dict[int, int | None]:
    m: dict[int, int | None] = {c: None for c in WHITESPACE}
    for c in range(0xFF01, 0xFF5F):
        m[c] = c - 0xFEE0
    for c in range(0x41, 0x5B):
        m[c] = c + 0x20
    for c in range(0xFF21, 0xFF3B):  # full-width capitals straight to lower case
        m[c] = c - 0xFEE0 + 0x20
    return m


@lru_cache(maxsize=8)
def _translate_table(pairs: str | None = None) -> dict[int, int | None]:
    m = _fold_map()
    if pairs is None:
        for a, b in t2s_table().items():
            m[ord(a)] = ord(b)
    else:
        for i in range(0, len(pairs) - 1, 2):
            m[ord(pairs[i])] = ord(pairs[i + 1])
    return m


def normalize(text: str, pairs: str | None = None) -> str:
    """Normalise for matching: drop whitespace, fold width and Latin case, Traditional→Simplified.

    ``pairs`` is the shipped table (``manifest["t2s"]``); None uses the full OpenCC table.
    """
    return text.translate(_translate_table(pairs))


_WS_RUN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(WHITESPACE)) + "]+")


def _collapse(text: str) -> str:
    return _WS_RUN.sub(" ", text).strip()


def split_query(query: str, pairs: str | None = None) -> list[str]:
    """Query words, normalised; ``"..."`` keeps a part together. Mirrors ``splitQuery`` in JS."""
    words: list[str] = []
    parts = query.split('"')
    for i, part in enumerate(parts):
        chunks = [part] if i % 2 == 1 else _WS_RUN.split(part)
        for chunk in chunks:
            word = normalize(chunk, pairs)
            cps = list(word)
            if len(cps) > MAX_WORD:
                word = "".join(cps[:MAX_WORD])
            if word and word not in words:
                words.append(word)
    return words[:MAX_WORDS]


# --------------------------------------------------------------------------- encoding


def _enc(v: int) -> str:
    out = []
    while True:
        d = v & 31
        v >>= 5
        if v:
            out.append(ALPHABET[d | 32])
        else:
            out.append(ALPHABET[d])
            return "".join(out)


_ENC = [_enc(v) for v in range(32768)]


def enc(v: int) -> str:
    return _ENC[v] if v < 32768 else _enc(v)


def decode_varints(s: str) -> list[int]:
    out = []
    v = shift = 0
    for ch in s:
        d = _DECODE[ch]
        v |= (d & 31) << shift
        if d & 32:
            shift += 5
        else:
            out.append(v)
            v = shift = 0
    return out


def _enc_deltas(values: Iterable[int]) -> str:
    prev = 0
    out = []
    for v in values:
        out.append(enc(v - prev))
        prev = v
    return "".join(out)


def _dec_deltas(s: str) -> list[int]:
    acc = 0
    out = []
    for d in decode_varints(s):
        acc += d
        out.append(acc)
    return out


def key_hash(key: str) -> int:
    """FNV-1a over code points, then murmur3's fmix32. Mirrors ``keyHash`` in JS."""
    h = 0x811C9DC5
    for ch in key:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    h ^= h >> 16
    return h


def _length_table() -> list[int]:
    t = [0]
    while len(t) < 64:
        t.append(t[-1] + max(1, t[-1] // 5))
    return t


LENGTH_TABLE = _length_table()  # quantised lengths: 0, 1, 2, ... , ~20 % apart, up to ~10**5


def length_code(n: int) -> int:
    return bisect.bisect_right(LENGTH_TABLE, n) - 1


def _dumps(obj) -> str:
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _jsonp(key: str, obj) -> bytes:
    return f'{CALLBACK}("{key}",{_dumps(obj)});\n'.encode("utf-8")


def parse_jsonp(data: bytes) -> tuple[str, object]:
    text = data.decode("utf-8")
    prefix = CALLBACK + '("'
    if not text.startswith(prefix) or not text.endswith(");\n"):
        raise ValueError("not a search index file")
    key, _, body = text[len(prefix):-3].partition('",')
    return key, json.loads(body)


# --------------------------------------------------------------------------- build


def _alternatives(a: str, b: str) -> dict[int, str]:
    """Positions of ``a`` where the other script's normalised text ``b`` has another character."""
    if a == b or not b:
        return {}
    alt: dict[int, str] = {}
    if len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                alt[i] = y
        return alt
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                alt[i1 + k] = b[j1 + k]
    return alt


class _PostingBuilder:
    """Per key: ``[last unit, fragment, fragment, ...]``; a fragment is one unit's entry."""

    def __init__(self) -> None:
        self.parts: dict[str, list] = {}

    def add_unit(self, unit: int, a: str, alt: dict[int, str]) -> None:
        n = len(a)
        if not n:
            return
        positions: dict[str, list[int]] = {}
        get = positions.get
        if not alt:
            for i, k in enumerate(map(str.__add__, a, a[1:])):
                lst = get(k)
                if lst is None:
                    positions[k] = [i]
                else:
                    lst.append(i)
            counts = Counter(a)
        else:
            cells = [a[i] + alt.get(i, "") for i in range(n)]
            counts = Counter()
            for cell in cells:
                counts.update(cell)
            for i in range(n - 1):
                for x in cells[i]:
                    for y in cells[i + 1]:
                        lst = positions.setdefault(x + y, [])
                        if not lst or lst[-1] != i:
                            lst.append(i)
        parts = self.parts
        E = _ENC
        for k, lst in positions.items():
            entry = parts.get(k)
            if entry is None:
                entry = parts[k] = [0]
            du2 = (unit - entry[0]) * 2
            entry[0] = unit
            p = lst[0]
            if len(lst) == 1:
                entry.append((E[du2] if du2 < 32768 else enc(du2)) + (E[p] if p < 32768 else enc(p)))
            else:
                out = [enc(du2 + 1), enc(len(lst) - 2), enc(p)]
                for q in lst[1:]:
                    out.append(E[q - p] if q - p < 32768 else enc(q - p))
                    p = q
                entry.append("".join(out))
        for ch, c in counts.items():
            entry = parts.get(ch)
            if entry is None:
                entry = parts[ch] = [0]
            du2 = (unit - entry[0]) * 2
            entry[0] = unit
            entry.append(enc(du2) if c == 1 else enc(du2 + 1) + enc(c - 2))

    def finish(self) -> dict[str, str]:
        return {k: "".join(v[1:]) for k, v in self.parts.items()}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_section(s: SearchSection) -> SearchSection:
    """Lone surrogates (from a badly decoded source) become U+FFFD; they cannot be written as UTF-8."""
    values = [getattr(s, f) for f in SearchSection.__dataclass_fields__]
    if not any(_SURROGATE.search(v) for v in values):
        return s
    return SearchSection(*(_SURROGATE.sub("\ufffd", v) for v in values))


def _default_s2t(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Simplified -> Traditional character most often seen at the same place in the corpus."""
    seen: Counter = Counter()
    for a, b in pairs:
        if a != b and len(a) == len(b):
            seen.update(zip(a, b))
    best: dict[str, tuple[int, str]] = {}
    for (x, y), n in seen.items():
        if x not in best or (n, -ord(y)) > (best[x][0], -ord(best[x][1])):
            best[x] = (n, y)
    return {x: y for x, (n, y) in best.items() if x != y}


def _patch(hans: str, hant: str, s2t: Mapping[str, str]):
    """The Traditional text as stored: 0 = the Simplified mapped by ``s2t``; [patch] = that with
    some characters replaced (``enc(gap) + character`` per replacement); else the text itself."""
    if len(hans) != len(hant):
        return hant
    out = []
    last = 0
    for i, (a, b) in enumerate(zip(hans, hant)):
        if s2t.get(a, a) != b:
            out.append(enc(i - last) + b)
            last = i + 1
    if not out:
        return 0
    patch = "".join(out)
    return [patch] if len(patch) < len(hant) else hant


def unpatch(hans: str, stored, s2t: Mapping[str, str]) -> str:
    """Inverse of :func:`_patch` (``restoreHant`` in search.js)."""
    if isinstance(stored, str):
        return stored
    chars = [s2t.get(c, c) for c in hans]
    if stored:
        patch = stored[0]
        i = pos = 0
        while i < len(patch):
            v = shift = 0
            while True:
                d = _DECODE[patch[i]]
                i += 1
                v |= (d & 31) << shift
                shift += 5
                if not d & 32:
                    break
            pos += v
            chars[pos] = patch[i]
            i += 1
            pos += 1
    return "".join(chars)


def corpus_sections(documents: Iterable[Document]) -> Iterator[SearchSection]:
    """Every section of every document, as the site shows it in each edition.

    The text before a document's first heading is the section with anchor "" (the top of the
    page); editorial notes are not part of any section, so removed chrome is never found.
    """
    for doc in documents:
        for record in export.section_records(doc):
            yield SearchSection(
                url=record["url"]["zh-Hans"].split("#")[0],
                anchor="" if record["section"] == export.PREAMBLE else record["section"],
                doc_title_hans=record["document"]["title"]["zh-Hans"],
                doc_title_hant=record["document"]["title"]["zh-Hant"],
                heading_hans=record["heading"]["zh-Hans"], heading_hant=record["heading"]["zh-Hant"],
                text_hans=record["text"]["zh-Hans"], text_hant=record["text"]["zh-Hant"])


def build_index(sections: Iterable[SearchSection]) -> dict[str, bytes]:
    """Build the index files: ``{path relative to site/search/: bytes}``, deterministic."""
    sections = [_clean_section(s) for s in sections]
    # group by document (first appearance order), keeping section order within a document
    order: dict[str, list[SearchSection]] = {}
    for s in sections:
        order.setdefault(s.url, []).append(s)
    secs: list[SearchSection] = [s for group in order.values() for s in group]
    n_sec = len(secs)
    doc_start: list[int] = []
    doc_of: list[int] = []
    docs: list[SearchSection] = []
    for s in secs:
        if not docs or docs[-1].url != s.url:
            doc_start.append(len(doc_of))
            docs.append(s)
        doc_of.append(len(docs) - 1)
    n_doc = len(docs)

    corpus_chars: set[str] = set()
    builder = _PostingBuilder()

    def unit_text(hans: str, hant: str) -> tuple[str, dict[int, str]]:
        a = normalize(hans)
        b = normalize(hant) if hant else a
        corpus_chars.update(a)
        corpus_chars.update(b)
        return a, _alternatives(a, b)

    lengths = []
    for u, s in enumerate(secs):
        a, alt = unit_text(s.text_hans, s.text_hant)
        lengths.append(ALPHABET[length_code(len(a))])
        builder.add_unit(u, a, alt)
    for u, s in enumerate(secs):
        a, alt = unit_text(s.heading_hans, s.heading_hant)
        builder.add_unit(n_sec + u, a, alt)
    for d, s in enumerate(docs):
        a, alt = unit_text(s.doc_title_hans, s.doc_title_hant)
        builder.add_unit(2 * n_sec + d, a, alt)
    postings = builder.finish()

    total = sum(len(k.encode("utf-8")) + len(v) + 6 for k, v in postings.items())
    n_shards = 1
    while n_shards < 8192 and total / n_shards > SHARD_TARGET:
        n_shards *= 2
    shards: dict[int, dict[str, str]] = {}
    for k, v in postings.items():
        shards.setdefault(key_hash(k) % n_shards, {})[k] = v

    files: dict[str, bytes] = {}
    width = len(f"{n_shards - 1:x}")
    for i in range(n_shards):
        key = f"p/{i:0{width}x}"
        files[key + ".js"] = _jsonp(key, shards.get(i, {}))

    # text chunks: Simplified in full; Traditional as a patch over the Simplified (see docstring)
    chunk_start: list[int] = []
    size = CHUNK_TARGET
    for i, s in enumerate(secs):
        if size >= CHUNK_TARGET:
            chunk_start.append(i)
            size = 0
        size += len(s.text_hans.encode("utf-8")) + len(s.heading_hans.encode("utf-8")) + 40
    bounds = chunk_start + [n_sec]

    def pair(hans: str, hant: str) -> tuple[str, str]:
        a = _collapse(hans)
        return a, (_collapse(hant) if hant else a)

    fields = [
        [pair(s.doc_title_hans, s.doc_title_hant), pair(s.heading_hans, s.heading_hant), pair(s.text_hans, s.text_hant)]
        for s in secs
    ]
    s2t = _default_s2t(p for row in fields for p in row)
    for c in range(len(chunk_start)):
        lo, hi = bounds[c], bounds[c + 1]
        dset: list = []
        tset: list = []
        rows: list = []
        trows: list = []
        for i in range(lo, hi):
            (th, tt), (hh, ht), (bh, bt) = fields[i]
            d = doc_of[i]
            if not dset or dset[-1][0] != d:
                dset.append([d, secs[i].url.lstrip("/"), th])
                tset.append([d, _patch(th, tt, s2t)])
            rows.append([d, secs[i].anchor, hh, bh])
            trows.append([_patch(hh, ht, s2t), _patch(bh, bt, s2t)])
        files[f"t/hans/{c}.js"] = _jsonp(f"t/hans/{c}", {"d": dset, "s": rows})
        files[f"t/hant/{c}.js"] = _jsonp(f"t/hant/{c}", {"d": tset, "s": trows})
    files["t/hant/map.js"] = _jsonp("t/hant/map", {"s2t": "".join(a + b for a, b in sorted(s2t.items()))})

    full = t2s_table()
    pairs = "".join(a + b for a, b in sorted(full.items()) if b in corpus_chars)
    manifest = {
        "version": FORMAT_VERSION,
        "sections": n_sec,
        "docs": n_doc,
        "shards": n_shards,
        "shard_width": width,
        "chunks": len(chunk_start),
        "doc_start": _enc_deltas(doc_start + [n_sec]),
        "chunk_start": _enc_deltas(chunk_start),
        "lengths": "".join(lengths),
        "t2s": pairs,
    }
    files["manifest.js"] = _jsonp("manifest", manifest)
    return dict(sorted(files.items()))


def write_index(files: Mapping[str, bytes], dest: Path) -> None:
    """Write :func:`build_index` output under ``dest`` (normally ``site/search``)."""
    dest = Path(dest)
    for name, data in files.items():
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# --------------------------------------------------------------------------- query (reference)


class _Postings:
    """Decoded value of one key: units in order, counts, and positions (bigrams only)."""

    __slots__ = ("units", "counts", "positions", "index")

    def __init__(self, value: str, positional: bool) -> None:
        nums = decode_varints(value)
        self.units: list[int] = []
        self.counts: list[int] = []
        self.positions: list[list[int]] = []
        unit = 0
        i = 0
        while i < len(nums):
            v = nums[i]
            unit += v >> 1
            i += 1
            count = 1
            if v & 1:
                count = nums[i] + 2
                i += 1
            self.units.append(unit)
            self.counts.append(count)
            if positional:
                pos = []
                p = 0
                for d in nums[i : i + count]:
                    p += d
                    pos.append(p)
                self.positions.append(pos)
                i += count
        self.index = {u: j for j, u in enumerate(self.units)}


class SearchIndex:
    """The reference query engine over the files of :func:`build_index` (search.js mirrors it)."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        _, m = parse_jsonp(files["manifest.js"])
        assert isinstance(m, dict) and m["version"] == FORMAT_VERSION
        self.manifest = m
        self.n_sec: int = m["sections"]
        self.n_doc: int = m["docs"]
        self.n_shards: int = m["shards"]
        self.width: int = m["shard_width"]
        self.doc_start = _dec_deltas(m["doc_start"])
        self.chunk_start = _dec_deltas(m["chunk_start"])
        self.lengths = [LENGTH_TABLE[_DECODE[c]] for c in m["lengths"]]
        self.pairs: str = m["t2s"]
        self.doc_of = [0] * self.n_sec
        for d in range(self.n_doc):
            for s in range(self.doc_start[d], self.doc_start[d + 1]):
                self.doc_of[s] = d
        self._shards: dict[int, dict] = {}
        self._chunks: dict[str, dict] = {}
        self.fetched: list[str] = []  # file names loaded, in order (for tests and the bench)

    def _load(self, name: str):
        self.fetched.append(name)
        return parse_jsonp(self.files[name])[1]

    def _postings(self, key: str, positional: bool) -> _Postings | None:
        shard = key_hash(key) % self.n_shards
        if shard not in self._shards:
            self._shards[shard] = self._load(f"p/{shard:0{self.width}x}.js")
        value = self._shards[shard].get(key)
        return None if value is None else _Postings(value, positional)

    def word_hits(self, word: str) -> dict[int, tuple[int, int]]:
        """unit -> (occurrences, first position or -1) of the normalised word."""
        cps = list(word)
        if len(cps) == 1:
            p = self._postings(word, False)
            return {} if p is None else {u: (c, -1) for u, c in zip(p.units, p.counts)}
        n = len(cps)
        offsets = list(range(0, n - 1, 2))
        if offsets[-1] != n - 2:
            offsets.append(n - 2)
        lists = []
        for o in offsets:
            p = self._postings(cps[o] + cps[o + 1], True)
            if p is None:
                return {}
            lists.append((o, p))
        driver = min(range(len(lists)), key=lambda j: (len(lists[j][1].units), j))
        first = lists[0][1]
        hits: dict[int, tuple[int, int]] = {}
        for u in lists[driver][1].units:
            rows = []
            for o, p in lists:
                j = p.index.get(u)
                if j is None:
                    break
                rows.append((o, set(p.positions[j]) if o else None))
            else:
                starts = first.positions[first.index[u]]
                found = [s for s in starts if all(o == 0 or (s + o) in pos for o, pos in rows)]
                if found:
                    hits[u] = (len(found), found[0])
        return hits

    def search(self, query: str) -> list[SearchResult]:
        words = split_query(query, self.pairs)
        if not words:
            return []
        S = self.n_sec
        per_word = [self.word_hits(w) for w in words]
        if any(not h for h in per_word):
            return []
        candidates: set[int] = set()
        for hits in per_word:
            for u in hits:
                if u < 2 * S:
                    candidates.add(u % S)
                else:
                    candidates.add(self.doc_start[u - 2 * S])
        results = []
        for s in sorted(candidates):
            d = self.doc_of[s]
            t = 2 * S + d
            in_body = [s in h for h in per_word]
            in_head = [(S + s) in h for h in per_word]
            in_title = [t in h for h in per_word]
            in_self = [b or h for b, h in zip(in_body, in_head)]
            if all(in_title) and s == self.doc_start[d]:
                tier = 2
            elif all(a or b for a, b in zip(in_self, in_title)) and any(in_self):
                head_ok = all(a or b for a, b in zip(in_head, in_title)) and any(in_head)
                tier = 1 if head_ok else 0
            else:
                continue
            occ = sum(h[u][0] for h in per_word for u in (s, S + s) if u in h)
            first = (-1, -1)
            for kind, u in ((1, S + s), (0, s), (2, t)):
                hit = next((h[u] for h in per_word if u in h), None)
                if hit is not None:
                    first = (kind, hit[1])
                    break
            density = occ / (self.lengths[s] + 20)
            results.append((tier, density, s, occ, first))
        results.sort(key=lambda r: (-r[0], -r[1], r[2]))
        out = []
        for tier, density, s, occ, first in results:
            row = self.section_row(s, "hans")
            out.append(
                SearchResult(
                    section=s,
                    url=row["url"],
                    anchor=row["anchor"],
                    doc=self.doc_of[s],
                    tier=tier,
                    density=density,
                    occurrences=occ,
                    first=first,
                )
            )
        return out

    def _chunk(self, name: str) -> dict:
        if name not in self._chunks:
            self._chunks[name] = self._load(name)
        return self._chunks[name]

    def section_row(self, s: int, script: str = "hans") -> dict:
        """url, anchor, title, heading and text of section ``s`` in ``script`` (hans | hant)."""
        c = bisect.bisect_right(self.chunk_start, s) - 1
        chunk = self._chunk(f"t/hans/{c}.js")
        j = s - self.chunk_start[c]
        d, anchor, heading, text = chunk["s"][j]
        k, url, title = next((k, u, t) for k, (dd, u, t) in enumerate(chunk["d"]) if dd == d)
        if script == "hant":
            pairs = self._chunk("t/hant/map.js")["s2t"]
            s2t = dict(zip(pairs[::2], pairs[1::2]))
            hant = self._chunk(f"t/hant/{c}.js")
            title = unpatch(title, hant["d"][k][1], s2t)
            heading = unpatch(heading, hant["s"][j][0], s2t)
            text = unpatch(text, hant["s"][j][1], s2t)
        return {"url": url, "anchor": anchor, "title": title, "heading": heading, "text": text}


def search(index_files: Mapping[str, bytes], query: str) -> list[SearchResult]:
    """Run ``query`` against index files from :func:`build_index` (reference for search.js)."""
    return SearchIndex(index_files).search(query)
