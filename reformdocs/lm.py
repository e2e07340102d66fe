"""A small Chinese language model: word unigram frequencies, scored over the best segmentation.

The vocabulary is jieba's dictionary (``word freq pos`` per line, Simplified), optionally extended
by a caller's lexicon. A text is scored like jieba's DAG route: the log-probability of its most
probable segmentation into dictionary words. Text that is not Chinese is scored by character class
(see `Costs`), so a reading can be compared with a damaged one that is full of stray ``?``, Latin
letters and symbols. The model never calls ``jieba.cut``: it only reads the dictionary file.

Scoring is fast without changing a number: a repair scores thousands of texts that differ in a few
characters, so each model remembers the scores of texts (keyed so that characters that must score
alike share a key), the best score of every suffix of a Chinese run, and the words a gap can be
filled with; the context before a damage site has its own words worked out once (`_Start`). Every
shortcut gives the float the plain dynamic programme (`_route`) gives, bit for bit.
"""
from __future__ import annotations

import bisect
import copy
import math
import os
import pathlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

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


def _with_prefix(words: list[str], prefix: str) -> list[str]:
    """The entries of the sorted list `words` that start with `prefix`, in order."""
    start = bisect.bisect_left(words, prefix)
    stop = bisect.bisect_left(words, prefix + "\U0010ffff", start)  # no word holds U+10FFFF
    return words[start:stop]


_ABSENT = object()
_HAN_END = re.compile(f"[{_IDEOGRAPHS}]+$")
_HAN_START = re.compile(f"[{_IDEOGRAPHS}]+")
_ALL_HAN = re.compile(f"[{_IDEOGRAPHS}]+")
_MEMO_LIMIT = 200_000  # entries a memo table holds before it is emptied
_TIE = 1e-9  # log-probabilities this close may swap places once the model's shift is added
# What stands for every character that scores alike: a character of a class other than Chinese
# is scored by its class alone, and a Chinese character that no word of the vocabulary contains
# only ever as an out-of-vocabulary single character.
_STAND_INS = {LATIN: "a", PUNCT: ",", SPACE: " ", SYMBOL: "\u2605"}


class _Canonical(dict):
    """str.translate table (filled as characters are met): code point -> its stand-in, so that
    texts that must score the same become one memo key."""

    def __init__(self, model: "WordModel"):
        super().__init__()
        self._chars = model._chars
        self._free = model._free_char

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        kind = char_class(ch)
        if kind == HAN:
            out = ch if ch in self._chars else self._free
        else:
            out = _STAND_INS[kind]
        self[cp] = out
        return out


class _Start:
    """The start of Chinese runs that many texts share, with its words worked out once.

    `_route` takes best[i] as the largest of (word constant + best[j]) over the words han[i:j];
    being monotone, float addition makes best[0] the largest, over all paths of words to the end,
    of c1 + (c2 + (... + (ck + best[j]))). A path through the start either stays in it up to
    its end, or leaves it with a word that crosses its end from some position t. Only the paths
    within the start whose exact sum is within TOLERANCE of the best one to the same point can
    give the largest float (rounding moves a sum by far less), so those are kept, and best[0] is
    computed from them, bit for bit as `_route` would.
    """

    TOLERANCE = 1e-6
    MAX_PATHS = 32

    def __init__(self, model: "WordModel", text: str):
        self.model, self.text, self.size = model, text, len(text)
        m = len(text)
        step, shift, oov = model._step.get, model._shift, model.costs.oov
        cached_of = model._cached.get if model._cached else None
        into: list[list[tuple[int, float]]] = [[] for _ in range(m + 1)]  # j -> [(i, constant)]
        for i in range(m):
            single = step(text[i])
            if single is not None and cached_of is not None:
                single = cached_of(text[i]) or single
            into[i + 1].append((i, oov if single is None else single + shift))
            j = i + 2
            while j <= m:
                fragment = text[i:j]
                logp = step(fragment, _ABSENT)
                if logp is _ABSENT:
                    break
                if logp is not None:
                    if cached_of is not None:
                        logp = cached_of(fragment) or logp
                    into[j].append((i, logp + shift))
                j += 1
        reach = [0.0] + [-math.inf] * m  # best sum of a path from 0 to each position
        for j in range(1, m + 1):
            reach[j] = max(reach[i] + c for i, c in into[j])
        # where a word may leave the start: its last character, or a tail that is a word's prefix
        ends = [t for t in range(m - 1) if text[t:] in model._step] + [m - 1, m]
        self.paths: list[tuple[int, list[tuple[float, ...]]]] = []
        for t in ends:
            found: list[tuple[float, ...]] = []
            if not self._paths(into, reach, t, reach[t] - self.TOLERANCE, 0.0, [], found):
                self.paths = []  # too many near-ties: not worth it
                return
            self.paths.append((t, found))

    def _paths(self, into, reach, j, floor, after, tail, found) -> bool:
        """Collect the near-best paths from 0 to j (constants last word first); False if too many."""
        if j == 0:
            found.append(tuple(tail))
            return len(found) <= self.MAX_PATHS
        for i, c in into[j]:
            if reach[i] + c + after >= floor:
                tail.append(c)
                if not self._paths(into, reach, i, floor, c + after, tail, found):
                    return False
                tail.pop()
        return True

    def best(self, han: str, best: list) -> float:
        """best[0] of `han` (which starts with the start), given best[j] for j >= size."""
        model = self.model
        step, shift = model._step.get, model._shift
        cached_of = model._cached.get if model._cached else None
        n, m = len(han), self.size
        result = None
        for t, paths in self.paths:
            if t == m:
                value = best[m]
            else:
                value = None
                j = m + 1
                while j <= n:  # the words from t that cross the end of the start
                    fragment = han[t:j]
                    logp = step(fragment, _ABSENT)
                    if logp is _ABSENT:
                        break
                    if logp is not None:
                        if cached_of is not None:
                            logp = cached_of(fragment) or logp
                        x = logp + shift + best[j]
                        if value is None or x > value:
                            value = x
                    j += 1
                if value is None:
                    continue
            for constants in paths:
                x = value
                for c in constants:
                    x = c + x
                if result is None or x > result:
                    result = x
        return result


class WordModel:
    """Unigram word model over a frequency list; see the module docstring."""

    def __init__(self, freqs: Mapping[str, int], costs: Costs):
        total = sum(freqs.values())
        self.costs = costs
        logp = {w: math.log(f / total) for w, f in freqs.items() if f > 0}
        # One table for the vocabulary and its segmentation: each word -> its log-probability,
        # and each proper prefix of a word that is not a word itself -> None. A fragment missing
        # from it neither is a word nor can grow into one.
        self._step: dict[str, float | None] = dict.fromkeys(
            {w[:i] for w in logp for i in range(1, len(w))})
        self._step.update(logp)
        self._forward = sorted(logp)
        self._backward_by_size: dict[int, list[str]] = {}  # the words spelled backwards, sorted
        for drow in sorted(w[::-1] for w in logp):
            self._backward_by_size.setdefault(len(drow), []).append(drow)
        self._backward_costs: dict[int, list[float]] = {}  # see _costs_backward
        self._chars = frozenset("".join(logp))  # every character some word contains
        self._free_char = next(chr(cp) for cp in range(0x9FFF, 0x4DFF, -1)
                               if chr(cp) not in self._chars)
        self._cached: dict[str, float] = {}  # see with_cache
        self._cached_by_end: dict[tuple[int, str], list[str]] = {}  # (length, last char) -> words
        self._shift = 0.0
        self._memos()

    def _memos(self) -> None:
        """Fresh memo tables: each model (the base one, each document's cache model) has its own.

        They only remember what this model computed (a pure function of the text), so a document's
        model starts empty and results never depend on what was scored before.
        """
        self._scores: dict[str, float] = {}  # canonical text -> score
        self._runs: dict[str, tuple[float, bool]] = {}  # non-Chinese run -> (cost, has Latin)
        self._fillers: dict[tuple, list[str]] = {}
        self._suffixes: dict[str, float] = {}  # Chinese run -> segment_score (with its suffixes)
        self._starts: dict[str, _Start | None] = {}  # see use_start
        self._start: _Start | None = None
        self._prefix_scans: dict[tuple[bool, str], list[str]] = {}

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
        mixed._memos()
        mixed._shift = math.log(1 - weight)
        mixed._cached = {  # stored less the shift that every word gets
            w: math.log((1 - weight) * math.exp(self._step[w]) + weight * n / total) - mixed._shift
            for w, n in counts.items() if self._step.get(w) is not None}
        mixed._cached_by_end = {}
        for word in mixed._cached:
            mixed._cached_by_end.setdefault((len(word), word[-1]), []).append(word)
        return mixed

    def word_logp(self, word: str) -> float | None:
        """log P(word), or None when it is not in the vocabulary."""
        logp = self._cached.get(word) or self._step.get(word)
        return None if logp is None else logp + self._shift

    def score(self, text: str) -> float:
        """Log-probability of `text` (Simplified): Chinese runs segmented, the rest by class."""
        key = text.translate(self._canonical)
        total = self._scores.get(key)
        if total is None:
            if len(self._scores) > _MEMO_LIMIT:
                self._scores.clear()
            total = self._scores[key] = self._score(key)
        return total

    def _score(self, text: str) -> float:
        """`score` of a text (not memoised)."""
        return self._add_runs([m.group() for m in _HAN_OR_NOT.finditer(text)], 0.0, None)[0]

    def _add_runs(self, runs: list[str], total: float, last_script: str | None
                  ) -> tuple[float, str | None]:
        """`total` plus the scores of the alternating Chinese and other runs of a text, in order
        (and the script of the last one): how `_score` adds up a text."""
        return self._sum_runs(self._run_values(runs), total, last_script)

    def _run_values(self, runs: list[str]) -> list[tuple[float, str | None]]:
        """Each run's score and script (HAN, LATIN, or None for neither)."""
        costs, known_runs, values = self.costs, self._runs, []
        for run in runs:
            if is_han(run[0]):
                values.append((self.segment_score(run), HAN))
            else:
                known = known_runs.get(run)
                if known is None:
                    classes = tuple(map(char_class, run))
                    known = known_runs[run] = (
                        sum(getattr(costs, c) for c in classes if c != SPACE), LATIN in classes)
                values.append((known[0], LATIN if known[1] else None))
        return values

    def _sum_runs(self, values: list[tuple[float, str | None]], total: float,
                  last_script: str | None) -> tuple[float, str | None]:
        """`total` plus run scores, and a switch cost where Chinese and Latin text meet."""
        for add in self._sum_runs_steps(values, last_script):
            total += add
        return total, next((s for _, s in reversed(values) if s is not None), last_script)

    def _sum_runs_steps(self, values: list[tuple[float, str | None]], last_script: str | None
                        ) -> list[float]:
        """What `_sum_runs` adds, in order: each run's score, and a switch cost where Chinese and
        Latin text meet (added one by one, as floats must be to give the same sum)."""
        switch, steps = self.costs.switch, []
        for value, script in values:
            steps.append(value)
            if script is not None:
                if last_script is not None and last_script != script:
                    steps.append(switch)
                last_script = script
        return steps

    def scores_after(self, before: str, texts: list[str]) -> list[float]:
        """[score(before + t) for t in texts], the same numbers; quicker when the texts differ
        only in Chinese characters near their start (they are split at their common end)."""
        if len(texts) < 2:
            return [self.score(before + text) for text in texts]
        common = len(os.path.commonprefix([text[::-1] for text in texts]))
        after = texts[0][len(texts[0]) - common:]
        return self.scores_between(before, [text[:len(text) - common] for text in texts], after)

    def scores_between(self, before: str, middles: list[str], after: str) -> list[float]:
        """[score(before + m + after) for m in middles], the same numbers; quicker when the
        middles are Chinese, as the runs before and after them are split and added up once."""
        canonical = self._canonical
        b, a = before.translate(canonical), after.translate(canonical)
        tail, head = _HAN_END.search(b), _HAN_START.match(a)
        start, b = (tail.group(), b[:tail.start()]) if tail else ("", b)
        end, a = (head.group(), a[head.end():]) if head else ("", a)
        first, script = self._add_runs([m.group() for m in _HAN_OR_NOT.finditer(b)], 0.0, None)
        # what is added after the Chinese run, in order: the switch from Latin text before it,
        # and the runs after it
        adds = [self.costs.switch] * (script == LATIN) + self._sum_runs_steps(
            self._run_values([m.group() for m in _HAN_OR_NOT.finditer(a)]), HAN)
        shared = self._start if self._start is not None and self._start.text == start else None
        after_end = self._suffix_values(end) if shared is not None else None
        prefix, suffix, scores = b + start, end + a, self._scores
        out = []
        for middle in middles:
            m = middle.translate(canonical)
            if not _ALL_HAN.fullmatch(m):
                out.append(self.score(before + middle + after))
                continue
            key = prefix + m + suffix
            total = scores.get(key)
            if total is None:
                total = first
                if shared is not None:  # as segment_score, knowing what the middle sits between
                    han, stop = start + m + end, shared.size + len(m)
                    best = [None] * stop + after_end
                    self._fill(han, stop, best, shared.size)
                    total += shared.best(han, best)
                else:
                    total += self.segment_score(start + m + end)
                for add in adds:
                    total += add
                if len(scores) > _MEMO_LIMIT:
                    scores.clear()
                scores[key] = total
            out.append(total)
        return out

    @property
    def _canonical(self) -> "_Canonical":
        """str.translate table that maps each character to one that every score treats alike."""
        table = self.__dict__.get("_canonical_table")
        if table is None:
            table = self.__dict__["_canonical_table"] = _Canonical(self)
        return table

    def use_start(self, text: str) -> None:
        """Expect the texts scored next to start with `text` (a site's context before it).

        The best segmentation of a Chinese run that starts with the end of `text` is then worked
        out from the right up to that start only; the start's own words are known (`_Start`).
        Any text can still be scored: this only makes such texts cheaper.
        """
        han = _HAN_END.search(text.translate(self._canonical))
        start = han.group() if han else ""
        if start not in self._starts:
            if len(self._starts) > 64:
                self._starts.clear()
            self._starts[start] = _Start(self, start) if len(start) > 1 else None
        self._start = self._starts[start]
        if self._start is not None and not self._start.paths:
            self._start = None

    def segment_score(self, han: str) -> float:
        """Log-probability of the best segmentation of a run of Chinese characters.

        The same numbers as `_route` (bit for bit), computed from the right; the best score of
        every suffix is remembered, so texts that share their end (a site's readings share the
        context after it) only compute what differs, and a start given to `use_start` is not
        worked through again.
        """
        got = self._suffixes.get(han)
        if got is not None:
            return got
        start = self._start
        n = len(han)
        lo = start.size if start is not None and n > start.size and han.startswith(start.text) else 0
        best = self._suffix_values(han, lo)
        return start.best(han, best) if lo else best[0]

    def _suffix_values(self, han: str, lo: int = 0) -> list:
        """The best score of each suffix of a Chinese run that starts at `lo` or later (0.0 for
        the empty one; None before `lo`), remembered. A suffix is worked out only back to the
        longest one remembered: every suffix of a remembered run is remembered too."""
        memo, n = self._suffixes, len(han)
        known = n  # where the longest remembered suffix starts
        for i in range(lo, n):
            if han[i:] in memo:
                known = i
                break
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
            known = n
        best: list[float | None] = [None] * (n + 1)
        best[n] = 0.0
        for j in range(known, n):
            best[j] = memo[han[j:]]
        self._fill(han, known, best, lo)
        for i in range(lo, known):
            memo[han[i:]] = best[i]
        return best

    def _fill(self, han: str, stop: int, best: list, lo: int = 0) -> None:
        """best[i] for lo <= i < stop, from the right (as `_route`), given best[stop:]."""
        n = len(han)
        step, shift, oov = self._step.get, self._shift, self.costs.oov
        cached_of = self._cached.get if self._cached else None
        for i in range(stop - 1, lo - 1, -1):
            single = step(han[i])
            if single is not None and cached_of is not None:
                single = cached_of(han[i]) or single
            score = (oov if single is None else single + shift) + best[i + 1]
            for j in range(i + 2, n + 1):
                fragment = han[i:j]
                logp = step(fragment, _ABSENT)
                if logp is _ABSENT:
                    break
                if logp is not None:
                    if cached_of is not None:
                        logp = cached_of(fragment) or logp
                    if logp + shift + best[j] > score:
                        score = logp + shift + best[j]
            best[i] = score

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
        step, shift, oov = self._step.get, self._shift, self.costs.oov
        cached_of = self._cached.get if self._cached else None
        for i in range(n - 1, -1, -1):
            single = step(han[i])
            if single is not None and cached_of is not None:
                single = cached_of(han[i]) or single
            score = (oov if single is None else single + shift) + best[i + 1]
            for j in range(i + 2, n + 1):  # a fragment no word starts with ends the search
                fragment = han[i:j]
                logp = step(fragment, _ABSENT)
                if logp is _ABSENT:
                    break
                if logp is not None:
                    if cached_of is not None:
                        logp = cached_of(fragment) or logp
                    if logp + shift + best[j] > score:
                        score, ends[i] = logp + shift + best[j], j
            best[i] = score
        return best, ends

    def fillers(self, left: str, right: str, k: int, reach: int = 3, limit: int = 0) -> list[str]:
        """Strings of `k` characters that complete a dictionary word across the gap left|right.

        A word counts when it is (an end of `left`) + filler + (a start of `right`), with at least
        one of the two ends non-empty and each at most `reach` characters long. Fillers come most
        probable word first; `limit` keeps that many (all when 0).
        """
        key = (left[-reach:], right[:reach], k, reach, limit)
        ranked = self._fillers.get(key)
        if ranked is None:
            if len(self._fillers) > _MEMO_LIMIT:
                self._fillers.clear()
            ranked = self._fillers[key] = self._find_fillers(*key)
        return list(ranked)

    def _find_fillers(self, left: str, right: str, k: int, reach: int, limit: int) -> list[str]:
        # Each source (the words a start of `left` begins and `right` ends, the words `right`
        # ends alone, the words `left` begins alone) lists its fillers best first, each filler
        # once. A filler among the first `limit` overall is among the first `limit` of the source
        # holding its best word: the others need not be looked at.
        cut = limit or None
        sources = []
        for i in range(1, min(len(left), reach) + 1):  # left[-i:] + filler + rest, rest starts right
            by_rest = self._left_words(left[-i:], k, reach)
            sources += [by_rest[right[:m]] for m in range(1, min(len(right), reach) + 1)
                        if right[:m] in by_rest]
        sources += [self._right_words(right[:j], k, limit)
                    for j in range(1, min(len(right), reach) + 1)]
        found = {f: -neg for neg, f in self._left_alone(left, k, reach)[1][:cut]}
        for source in sources:
            for filler, logp in source[:cut]:
                if logp > found.get(filler, -math.inf):
                    found[filler] = logp
        ranked = [f for _, f in sorted((-logp, f) for f, logp in found.items())]
        return ranked[:limit] if limit else ranked

    def _left_alone(self, left: str, k: int, reach: int
                    ) -> tuple[dict[str, float], list[tuple[float, str]]]:
        """Fillers that end a word begun by the end of `left`: filler -> best log P, and the
        same as (-log P, filler) in order."""
        key = ("alone", left, k, reach)
        got = self._prefix_scans.get(key)
        if got is None:
            alone: dict[str, float] = {}
            for i in range(1, min(len(left), reach) + 1):
                for filler, logp in self._left_words(left[-i:], k, reach).get("", ()):
                    if logp > alone.get(filler, -math.inf):
                        alone[filler] = logp
            got = alone, sorted((-logp, f) for f, logp in alone.items())
            self._remember(key, got)
        return got

    def _left_words(self, start: str, k: int, reach: int) -> dict[str, list[tuple[str, float]]]:
        """Words start + filler (k Chinese characters) + rest (at most `reach` characters), by rest:
        rest -> [(filler, log P(word))], memoised."""
        key = (False, start, k, reach)
        table = self._prefix_scans.get(key)
        if table is None:
            table = {}
            i = len(start)
            for word in _with_prefix(self._forward, start):
                rest = word[i + k:]
                if len(word) >= i + k and len(rest) <= reach:
                    filler = word[i:i + k]
                    if not filler or _ALL_HAN.fullmatch(filler):
                        table.setdefault(rest, []).append((filler, self.word_logp(word)))
            for entries in table.values():  # best first, each filler once (its best word)
                best: dict[str, float] = {}
                for filler, logp in entries:
                    if logp > best.get(filler, -math.inf):
                        best[filler] = logp
                entries[:] = [(f, -neg) for neg, f in sorted((-lp, f) for f, lp in best.items())]
            self._remember(key, table)
        return table

    def _right_words(self, end: str, k: int, limit: int = 0) -> list[tuple[str, float]]:
        """Words filler (k Chinese characters) + end, best first: [(filler, log P(word))], the
        first `limit` (all when 0), memoised.

        A word the document's cache does not hold keeps its dictionary rank, and the cache only
        raises a word's probability: the first `limit` are among the first `limit` by dictionary
        rank (and those tied with the last of them) and the cached words, so only those are
        ranked by the model's own numbers.
        """
        key = (True, end, k, limit)
        table = self._prefix_scans.get(key)
        if table is None:
            size, drow = len(end) + k, end[::-1]
            drows = self._backward_by_size.get(size, [])
            start = bisect.bisect_left(drows, drow)
            stop = bisect.bisect_left(drows, drow + "\U0010ffff", start)  # as _with_prefix
            costs = self._costs_backward(size)[start:stop]
            words, last = [], math.inf
            for cost, found in sorted(zip(costs, drows[start:stop])):
                if limit and len(words) >= limit and cost > last + _TIE:
                    break
                word = found[::-1]
                if not k or _ALL_HAN.fullmatch(word[:k]):
                    words.append(word)
                    last = cost
            words += [w for w in self._cached_by_end.get((size, end[-1]), ())
                      if w.endswith(end) and (not k or _ALL_HAN.fullmatch(w[:k]))]
            cached, step, shift = self._cached.get, self._step.get, self._shift  # as word_logp
            ranked = sorted({(-((cached(w) or step(w)) + shift), w[:k]) for w in words})
            table = [(f, -neg) for neg, f in ranked[:limit or None]]
            self._remember(key, table)
        return table

    def _costs_backward(self, size: int) -> list[float]:
        """-log P (dictionary only) of each word of `_backward_by_size[size]`, in its order: the
        words that end alike are a slice of it, ranked by sorting in C instead of word by word.

        Made on first use, once for all documents (it depends on the dictionary alone), so that
        loading the model does not pay for word lengths no gap is filled with.
        """
        costs = self._backward_costs.get(size)
        if costs is None:
            logp = self._step.__getitem__
            costs = self._backward_costs[size] = [
                -logp(drow[::-1]) for drow in self._backward_by_size.get(size, [])]
        return costs

    def _remember(self, key: tuple, value) -> None:
        if len(self._prefix_scans) > _MEMO_LIMIT:
            self._prefix_scans.clear()
        self._prefix_scans[key] = value
