"""Glossary: policy terms (data/glossary.yml) found in the text, each section's first occurrence of
a term linked to its entry, and each entry's list of sections with counts.

One compiled alternation of every written form, longest first, scans each paragraph once, on its
Simplified-normalised text.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .text import Para


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    variants: tuple[str, ...]
    en: str
    note: str


@lru_cache(maxsize=1)
def terms() -> tuple[Term, ...]:
    data = yaml.safe_load(
        resources.files("reformdocs.data").joinpath("glossary.yml").read_text("utf-8"))
    return tuple(Term(t["id"], t["term"], tuple(t.get("variants") or ()), t["en"], t["note"])
                 for t in data["terms"])


@lru_cache(maxsize=1)
def matcher() -> tuple[re.Pattern, dict[str, str]]:
    """The alternation of all written forms (longest first) and {form: term id}."""
    forms = {form: t.id for t in terms() for form in (t.term, *t.variants)}
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))
    return pattern, forms


def find_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term id) of every term occurrence in Simplified `text`, left to right."""
    pattern, forms = matcher()
    return [(m.start(), m.end(), forms[m.group()]) for m in pattern.finditer(text)]


@dataclass
class Glossary:
    # term id -> {(slug, place): count}, places in reading order
    places: dict[str, dict[tuple[str, str], int]] = field(default_factory=lambda: defaultdict(dict))
    # (slug, place, paragraph index) -> [(start, end, term id)]: first occurrence per place
    spans: dict[tuple[str, str, int], list[tuple[int, int, str]]] = field(
        default_factory=lambda: defaultdict(list))
    in_place: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    linked: set[tuple[str, str, str]] = field(default_factory=set)  # (slug, place, term id)

    def add(self, para: Para) -> None:
        where = (para.slug, para.place)
        for start, end, tid in find_terms(para.text):
            counts = self.places[tid]
            counts[where] = counts.get(where, 0) + 1
            self.in_place[where].add(tid)
            # The first occurrence a link can be placed on (its paragraph keeps its length).
            if para.aligned and (*where, tid) not in self.linked:
                self.linked.add((*where, tid))
                self.spans[(para.slug, para.place, para.index)].append((start, end, tid))
