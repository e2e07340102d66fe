"""Citations: every 《…》 title in the text, linked to the corpus document it names or else to its
entry in the cited-documents index.

Titles are compared after `normalise` (Simplified script, year brackets, revision and draft notes,
quotes and spacing removed: rules in data/links.yml), so 《…(2013-2015年)》 in a Traditional text
finds the Simplified document it names. A corpus document is also found under its aliases (the
plan a notice issues, the title without its issuer).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document
from .text import Para, hans, rules

OPEN, CLOSE = "《", "》"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    r = rules("citations")
    return (tuple(re.compile(p) for p in r["strip"]), tuple(re.compile(p) for p in r["aliases"]))


def normalise(title: str) -> str:
    """The comparison key of a title: Simplified, without year brackets, draft notes or quotes."""
    key = hans(title)
    for pattern in _patterns()[0]:
        key = pattern.sub("", key)
    return key


def find_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost 《…》 title's text, marks excluded.

    Marks are paired like brackets, so nested 《关于印发《X》的通知》 is one title; an unpaired
    《 or 》 (a doubled 《《X》) is ignored. Titles longer than `max_title` are stray marks, and
    shorter than `min_title` back-references (《意见》).
    """
    shortest, longest = rules("citations")["min_title"], rules("citations")["max_title"]
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == OPEN:
            stack.append(i)
        elif ch == CLOSE and stack:
            start = stack.pop()
            while pairs and pairs[-1][0] > start:  # titles nested in this one
                pairs.pop()
            pairs.append((start, i))
    return [(s + 1, e) for s, e in pairs if shortest <= e - s - 1 <= longest]


def document_keys(docs: list[Document]) -> dict[str, str]:
    """{title key: slug} for every corpus document; a full title wins over an alias, and between
    two documents the first in `docs` order."""
    full: dict[str, str] = {}
    alias: dict[str, str] = {}
    for doc in docs:
        title = hans(doc.meta.title)
        if not title:
            continue
        full.setdefault(normalise(title), doc.slug)
        for pattern in _patterns()[1]:
            m = pattern.search(title)
            if m:
                alias.setdefault(normalise(m.group(1)), doc.slug)
    return {**alias, **full}


@dataclass
class Entry:
    """A cited title: how it is first written, the corpus document it names (or ""), and the places
    citing it as {(slug, place): number of citations}."""

    key: str
    title: str
    target: str
    places: dict[tuple[str, str], int] = field(default_factory=dict)


@dataclass
class Citations:
    keys: dict[str, str]
    entries: dict[str, Entry] = field(default_factory=dict)
    # (slug, place, paragraph index) -> [(start, end, entry key)]
    spans: dict[tuple[str, str, int], list[tuple[int, int, str]]] = field(
        default_factory=lambda: defaultdict(list))

    def add(self, para: Para) -> None:
        for start, end in find_titles(para.text):
            title = para.text[start:end]
            key = normalise(title)
            if not key:
                continue
            entry = self.entries.get(key)
            if entry is None:
                entry = self.entries[key] = Entry(key, title.strip(OPEN + CLOSE), self.keys.get(key, ""))
            where = (para.slug, para.place)
            entry.places[where] = entry.places.get(where, 0) + 1
            if para.aligned:
                self.spans[(para.slug, para.place, para.index)].append((start, end, key))

    def cited_by(self) -> dict[str, list[tuple[str, str, int]]]:
        """{slug: [(citing slug, place, count)]} for corpus documents cited by other documents."""
        out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for entry in self.entries.values():
            if entry.target:
                out[entry.target].extend(
                    (slug, place, n) for (slug, place), n in entry.places.items() if slug != entry.target)
        return {slug: places for slug, places in out.items() if places}


def collect(docs: list[Document]) -> Citations:
    """An empty collector that knows the corpus titles; feed it with `add(para)`."""
    return Citations(document_keys(docs))
