"""A small Chinese language model: word unigram frequencies, scored over the best segmentation.

The vocabulary is jieba's dictionary (``word freq pos`` per line, Simplified), optionally extended
by a caller's lexicon. A text is scored like jieba's DAG route: the log-probability of its most
probable segmentation into dictionary words. Text that is not Chinese is scored by character class
(see `Costs`), so a reading can be compared with a damaged one that is full of stray ``?``, Latin
letters and symbols. The model never calls ``jieba.cut``: it only reads the dictionary file.
"""
from __future__ import annotations

import bisect
import copy
import math
import pathlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator, Mapping

HAN, LATIN, PUNCT, SPACE, SYMBOL = "han", "latin", "punct", "space", "symbol"
# The punctuation Chinese text uses (besides ASCII's); rarer marks such as presentation forms
# (﹀) are what misaligned bytes decode to, and are scored as symbols.
PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·－～")


@dataclass(frozen=True)
class Costs:
    """Log-probabilities for what the word list does not cover (natural logs, all <= 0)."""

    oov: float  # a Chinese character that is not a dictionary word by itself
    latin: float  # each ASCII letter or digit, or a pinyin letter
    punct: float  # each punctuation mark
    symbol: float  # each other character (kana, Cyrillic, box drawing, U+FFFD ...)
    switch: float  # each change between Chinese and Latin text


def is_han(ch: str) -> bool:
    """Whether `ch` is a CJK ideograph (unified, extension A/B+, or compatibility)."""
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF)


def char_class(ch: str) -> str:
    """The class a character is scored by: HAN, LATIN, PUNCT, SPACE or SYMBOL."""
    if is_han(ch):
        return HAN
    if ch.isspace():
        return SPACE
    if ch in PUNCTUATION or (ch.isascii() and unicodedata.category(ch).startswith("P")):
        return PUNCT
    if (ch.isascii() and ch.isalnum()) or (unicodedata.category(ch) == "Ll" and ord(ch) < 0x250):
        return LATIN
    return SYMBOL


_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"  # as is_han
_HAN_OR_NOT = re.compile(f"(?P<han>[{_IDEOGRAPHS}]+)|(?P<other>[^{_IDEOGRAPHS}]+)")


def _with_prefix(words: list[str], prefix: str) -> Iterator[str]:
    """The entries of the sorted list `words` that start with `prefix`."""
    for i in range(bisect.bisect_left(words, prefix), len(words)):
        if not words[i].startswith(prefix):
            return
        yield words[i]


class WordModel:
    """Unigram word model over a frequency list; see the module docstring."""

    def __init__(self, freqs: Mapping[str, int], costs: Costs):
        total = sum(freqs.values())
        self.costs = costs
        self._logp = {w: math.log(f / total) for w, f in freqs.items() if f > 0}
        self._prefixes = {w[:i] for w in self._logp for i in range(1, len(w))}
        self._forward = sorted(self._logp)
        self._backward = sorted(w[::-1] for w in self._logp)
        self._cached: dict[str, float] = {}  # see with_cache
        self._shift = 0.0

    @classmethod
    def from_jieba(cls, costs: Costs, lexicon: Mapping[str, int] | None = None) -> "WordModel":
        """The model over jieba's dictionary, plus `lexicon` (word -> frequency) on top."""
        import jieba  # only for the location of its dictionary file

        path = pathlib.Path(jieba.__file__).with_name("dict.txt")
        freqs: dict[str, int] = {}
        for row in path.read_text(encoding="utf-8").splitlines():
            word, freq = row.split(" ")[:2]
            freqs[word] = int(freq)
        freqs.update(lexicon or {})
        return cls(freqs, costs)

    def with_cache(self, counts: Mapping[str, int], weight: float) -> "WordModel":
        """This model mixed with a cache of the words a document uses (counts), weight 0..1.

        A text repeats its own vocabulary: a word it uses elsewhere is likelier at a damaged spot
        than the dictionary alone says (a cache language model).
        """
        total = sum(counts.values())
        mixed = copy.copy(self)
        mixed._shift = math.log(1 - weight)
        mixed._cached = {  # stored less the shift that every word gets
            w: math.log((1 - weight) * math.exp(self._logp[w]) + weight * n / total) - mixed._shift
            for w, n in counts.items() if w in self._logp}
        return mixed

    def word_logp(self, word: str) -> float | None:
        """log P(word), or None when it is not in the vocabulary."""
        logp = self._cached.get(word) or self._logp.get(word)
        return None if logp is None else logp + self._shift

    def score(self, text: str) -> float:
        """Log-probability of `text` (Simplified): Chinese runs segmented, the rest by class."""
        costs = self.costs
        total = 0.0
        last_script = None
        for match in _HAN_OR_NOT.finditer(text):
            if match.lastgroup == HAN:
                total += self.segment_score(match.group())
                classes = (HAN,)
            else:
                classes = tuple(map(char_class, match.group()))
                total += sum(getattr(costs, c) for c in classes if c != SPACE)
            for kind in classes:
                if kind in (HAN, LATIN):
                    if last_script not in (None, kind):
                        total += costs.switch
                    last_script = kind
        return total

    def segment_score(self, han: str) -> float:
        """Log-probability of the best segmentation of a run of Chinese characters."""
        return self._route(han)[0][0]

    def segment(self, han: str) -> list[str]:
        """The best segmentation of a run of Chinese characters into words."""
        best, ends = self._route(han)
        words, i = [], 0
        while i < len(han):
            words.append(han[i:ends[i]])
            i = ends[i]
        return words

    def _route(self, han: str) -> tuple[list[float], list[int]]:
        """Best log-probability from each position to the end, and where its first word ends."""
        n = len(han)
        best = [0.0] * (n + 1)
        ends = list(range(1, n + 2))
        cached, logp_of, shift, oov = self._cached.get, self._logp.get, self._shift, self.costs.oov
        for i in range(n - 1, -1, -1):
            single = cached(han[i]) or logp_of(han[i])
            score = (oov if single is None else single + shift) + best[i + 1]
            j = i + 2
            while j <= n:
                fragment = han[i:j]
                logp = cached(fragment) or logp_of(fragment)
                if logp is not None and logp + shift + best[j] > score:
                    score, ends[i] = logp + shift + best[j], j
                if fragment not in self._prefixes:
                    break
                j += 1
            best[i] = score
        return best, ends

    def fillers(self, left: str, right: str, k: int, reach: int = 3, limit: int = 0) -> list[str]:
        """Strings of `k` characters that complete a dictionary word across the gap left|right.

        A word counts when it is (an end of `left`) + filler + (a start of `right`), with at least
        one of the two ends non-empty and each at most `reach` characters long. Fillers come most
        probable word first; `limit` keeps that many (all when 0).
        """
        found: dict[str, float] = {}

        def add(filler: str, word: str) -> None:
            if all(is_han(ch) for ch in filler):
                found[filler] = max(found.get(filler, -math.inf), self.word_logp(word))

        for i in range(1, min(len(left), reach) + 1):
            for word in _with_prefix(self._forward, left[-i:]):
                rest = word[i + k:]
                if len(word) >= i + k and len(rest) <= reach and right.startswith(rest):
                    add(word[i:i + k], word)
        for j in range(1, min(len(right), reach) + 1):
            for drow in _with_prefix(self._backward, right[:j][::-1]):
                if len(drow) == j + k:
                    add(drow[j:][::-1], drow[::-1])
        ranked = sorted(found, key=lambda f: (-found[f], f))
        return ranked[:limit] if limit else ranked
