"""Related sections: for each section, up to five sections of other documents on the same subject.

Features are the section's glossary terms and its character bigrams (Simplified), weighted by
tf·idf. Nothing compares all pairs: a first pass counts each feature's document frequency; a second
keeps each section's `top_features` most telling features (df ≥ 2) and posts the section under
them; partners are only the sections met in the posting lists of those features, and a list
longer than `posting_cap` (a feature too common to tell subjects apart) is not followed. The work
is O(sections × top_features × posting_cap): linear in the corpus.
"""
from __future__ import annotations

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
                counts.update(run[i:i + 2] for i in range(len(run) - 1))
        for tid in terms.get((doc.slug, sid), ()):
            counts["term:" + tid] += 1
        out[(doc.slug, sid)] = counts
    return out


@dataclass
class Related:
    df: Counter = field(default_factory=Counter)
    sections: int = 0
    top: dict[Place, list[tuple[str, float]]] = field(default_factory=dict)

    def count(self, feats: dict[Place, Counter]) -> None:
        """First pass: document frequencies."""
        for counts in feats.values():
            self.df.update(counts.keys())
            self.sections += 1

    def weight(self, feature: str) -> float:
        boost = rules("related")["term_weight"] if feature.startswith("term:") else 1.0
        return boost * math.log(self.sections / self.df[feature])

    def keep(self, feats: dict[Place, Counter]) -> None:
        """Second pass: each section's most telling features."""
        k = rules("related")["top_features"]
        for place, counts in feats.items():
            scored = [(tf * self.weight(f), f) for f, tf in counts.items() if self.df[f] >= 2]
            scored.sort(key=lambda x: (-x[0], x[1]))
            self.top[place] = [(f, self.weight(f)) for _, f in scored[:k]]

    def partners(self) -> dict[Place, list[Place]]:
        """{section: up to `max_related` sections of other documents, best first}."""
        r = rules("related")
        postings: dict[str, list[Place]] = defaultdict(list)
        for place, top in self.top.items():
            for f, _ in top:
                postings[f].append(place)
        out: dict[Place, list[Place]] = {}
        order = {place: i for i, place in enumerate(self.top)}
        for place, top in self.top.items():
            score: dict[Place, float] = defaultdict(float)
            shared: Counter = Counter()
            for f, w in top:
                posted = postings[f]
                if len(posted) > r["posting_cap"]:
                    continue
                for other in posted:
                    if other[0] != place[0]:
                        score[other] += w
                        shared[other] += 1
            ranked = sorted((p for p in score if shared[p] >= r["min_shared"]),
                            key=lambda p: (-round(score[p], 9), order[p]))
            if ranked:
                out[place] = ranked[:r["max_related"]]
        return out
