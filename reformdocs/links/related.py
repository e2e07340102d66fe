"""Related sections: for each section, up to five sections of other documents on the same subject
(and no more than `per_document` on one document's page).

Features are the section's glossary terms and its character bigrams (Simplified), weighted by
tf·idf. Nothing compares all pairs: a first pass counts each feature's document frequency; a second
keeps each section's `top_features` most telling features (df ≥ 2) and posts the section under
them; partners are only the sections met in the posting lists of those features, and a list
longer than `posting_cap` (a feature too common to tell subjects apart) is not followed. The work
is O(sections × top_features × posting_cap): linear in the corpus.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Document
from .text import Para, rules

HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
Place = tuple[str, str]  # (slug, section id)


def features(doc: Document, paras: list[Para], terms: dict[Place, set[str]]) -> dict[Place, Counter]:
    """{(slug, section id): Counter of features} for every section of `doc` (preamble excluded):
    its heading and own paragraphs."""
    texts: dict[str, list[str]] = {s.id: [] for s in doc.all_sections()}
    for para in paras:
        if para.place in texts:
            texts[para.place].append(para.text)
    out: dict[Place, Counter] = {}
    for sid, parts in texts.items():
        counts: Counter = Counter()
        for part in parts:
            for run in HAN_RUN.findall(part):
                counts.update(map(str.__add__, run, run[1:]))  # its character bigrams
        for tid in terms.get((doc.slug, sid), ()):
            counts["term:" + tid] += 1
        out[(doc.slug, sid)] = counts
    return out


@dataclass
class Related:
    df: Counter = field(default_factory=Counter)
    sections: int = 0
    weights: dict[str, float] = field(default_factory=dict)  # idf (× term_weight) of df ≥ 2 features
    top: dict[Place, list[tuple[str, float]]] = field(default_factory=dict)

    def count(self, feats: dict[Place, Counter]) -> None:
        """First pass: document frequencies."""
        for counts in feats.values():
            self.df.update(counts.keys())
            self.sections += 1

    def keep(self, feats: dict[Place, Counter]) -> None:
        """Second pass: each section's most telling features (a feature in one section tells
        nothing about partners, so df = 1 is left out)."""
        r = rules("related")
        if not self.weights:
            self.weights = {f: (r["term_weight"] if f.startswith("term:") else 1.0) * math.log(self.sections / n)
                            for f, n in self.df.items() if n >= 2}
        weights = self.weights
        for place, counts in feats.items():
            scored = heapq.nlargest(r["top_features"],
                                    ((tf * weights[f], f) for f, tf in counts.items() if f in weights))
            self.top[place] = [(f, weights[f]) for _, f in scored]

    def partners(self) -> dict[Place, list[Place]]:
        """{section: up to `max_related` sections of other documents, best first}."""
        r = rules("related")
        places = list(self.top)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, place in enumerate(places):
            for f, _ in self.top[place]:
                postings[f].append(i)
        usable = {f: posted for f, posted in postings.items() if len(posted) <= r["posting_cap"]}
        out: dict[Place, list[Place]] = {}
        for i, place in enumerate(places):
            score: dict[int, list] = {}
            for f, w in self.top[place]:
                for j in usable.get(f, ()):
                    if places[j][0] != place[0]:
                        hit = score.setdefault(j, [0.0, 0])
                        hit[0] += w
                        hit[1] += 1
            ranked = sorted((j for j, (_, n) in score.items() if n >= r["min_shared"]),
                            key=lambda j: (-round(score[j][0], 9), j))
            if ranked:
                out[place] = [places[j] for j in ranked[:r["max_related"]]]
        return budgeted(out, r["per_document"])


def budgeted(partners: dict[Place, list[Place]], budget: int) -> dict[Place, list[Place]]:
    """At most `budget` partners over all sections of one document: each section's first, then
    each one's second, and so on, in section order. A plan of two hundred sections would otherwise
    list a thousand, and its page would be mostly this list."""
    by_doc: dict[str, list[Place]] = defaultdict(list)
    for place in partners:
        by_doc[place[0]].append(place)
    out: dict[Place, list[Place]] = {}
    for places in by_doc.values():
        left = budget
        for rank in range(max(len(partners[p]) for p in places)):
            for place in places:
                if left and rank < len(partners[place]):
                    out.setdefault(place, []).append(partners[place][rank])
                    left -= 1
    return {place: out[place] for place in partners if place in out}
