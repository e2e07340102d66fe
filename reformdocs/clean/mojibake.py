"""Repair text that was decoded out of step after bytes of a GBK file were lost.

When bytes of a double-byte text are lost, the decoder pairs each trail byte with the next lead
byte until a single-byte (ASCII) character puts it back in step. What survives is

    marker  junk  misaligned run  terminal
    ??              茖              W          (規劃。科學: 。 and the lead byte of 科 lost)
    ?       qū)                     I          (向專業: 專 and the lead byte of 業 lost)
    ?       jié)     摿Ψ治          ?          (潛力分析: the lead byte of 潛 lost)

a marker ('?') where the bytes went, sometimes junk, a run of double-byte characters decoded from
the wrong byte pairs, and a terminal that holds the run's last trail byte: an ASCII letter (a trail
byte in 0x40-0x7E decoded by itself), or another '?' (the decoder gave up on it; the '(' of an
inserted pinyin after it may be swallowed too, the pinyin left as a hint). A lone '?' followed by
such a hint can also stand for one whole character (主?dǎo)產業).

The repair re-encodes the run, puts each possible lead byte before it (and each possible trail
byte after it, for a '?' terminal), decodes again, and keeps the reading that a word-frequency
language model (`reformdocs.lm`, with a cache of the text's own words) finds far more probable
than the damaged text. A realigned character the model is not sure of, and whole characters lost
with the bytes, are supplied between conjecture brackets when the model is confident, and
otherwise become the lacuna mark. A '?' that is punctuation (为什么?, (?), URLs) is left alone: no
reading of it gains enough. Lines without a marker are not looked at, so normal text costs
nothing. Constants live in ``data/mojibake.yml``.

A site's readings are scored in batches (`Site.scores_with`, `Document.simplify_all`: one OpenCC
call for many texts) over the model's memoised segmentation, which returns exactly the numbers of
scoring each text alone; the repairs are the same, only found sooner.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources

import opencc
import yaml

from .. import script
from ..decode import common_chars
from ..lm import Costs, WordModel, is_han
from ..model import Edit, Line
from .pinyin import SYLLABLE

STAGE = "clean"
REALIGN, LOST = "mojibake.realign", "mojibake.lost-character"
SURE, CONJECTURE, LACUNA = "sure", "conjecture", "lacuna"
LEADS = range(0x81, 0xFF)  # bytes that start a double-byte character (or end one: 0x81-0xFE)
TRAILS = [b for b in range(0x40, 0xFF) if b != 0x7F]
HAN = "\u3400-\u9fff"
INSERTED_PINYIN = re.compile(rf"(?<=[{HAN}])\(({SYLLABLE})\)")
HINT = re.compile(rf"\(?({SYLLABLE})\)")  # pinyin after a '?', its '(' possibly swallowed


@lru_cache(maxsize=1)
def config() -> dict:
    """The constants of data/mojibake.yml."""
    text = resources.files("reformdocs.data").joinpath("mojibake.yml").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def model() -> WordModel:
    """The dictionary language model, loaded once (about a second) for the first damaged text."""
    lm = config()["lm"]
    return WordModel.from_jieba(Costs(**lm["costs"]), lm.get("lexicon"))


@lru_cache(maxsize=1)
def _double_bytes() -> dict[int, str]:
    """Every double-byte code of the encoding that decodes strictly: code -> character."""
    encoding = config()["encoding"]
    table = {}
    for lead in LEADS:
        for trail in TRAILS:
            try:
                table[lead << 8 | trail] = bytes((lead, trail)).decode(encoding)
            except UnicodeDecodeError:
                pass
    return table


@lru_cache(maxsize=8192)
def _is_double(ch: str) -> bool:
    """Whether `ch` is one double-byte character of the encoding (and not a marker)."""
    if ch in config()["markers"]:
        return False
    try:
        return len(ch.encode(config()["encoding"])) == 2
    except UnicodeEncodeError:
        return False


def _with_leads(data: list[int]) -> list[tuple[int, str]]:
    """(lead, _decode_pairs([lead] + data)) for each lead byte whose bytes decode.

    Only the first character depends on the lead byte: the rest is decoded once.
    """
    if not len(data) % 2:
        return []
    rest = _decode_pairs(data[1:])
    if rest is None:
        return []
    table = _double_bytes()
    return [(lead, first + rest) for lead in LEADS if (first := table.get(lead << 8 | data[0]))]


def _decode_pairs(data: list[int]) -> str | None:
    """Decode bytes that must all pair into double-byte characters; None if they do not."""
    if len(data) % 2:
        return None
    table = _double_bytes()
    chars = [table.get(data[i] << 8 | data[i + 1]) for i in range(0, len(data), 2)]
    return None if None in chars else "".join(chars)


@lru_cache(maxsize=4)
def _opencc(config_name: str) -> opencc.OpenCC:
    return opencc.OpenCC(config_name)


def _posterior(scores: list[float]) -> list[float]:
    """Log-scores normalised to probabilities."""
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _logsumexp(scores: list[float]) -> float:
    top = max(scores)
    return top + math.log(sum(math.exp(s - top) for s in scores))


def _certainty(p: float) -> str:
    """SURE, CONJECTURE or LACUNA for a choice the model gives probability p."""
    decision = config()["decision"]
    return SURE if p >= decision["sure"] else CONJECTURE if p >= decision["confidence"] else LACUNA


def damage_ratio(text: str) -> float:
    """Share of the Chinese-looking characters of `text` that are lost-byte markers or garbage.

    Markers ('?', U+FFFD) count unless both neighbours are ASCII (a URL's or Q?A's '?'), and so do
    private-use characters (undecodable codes); the CJK ideographs make up the rest.
    """
    markers = config()["markers"]
    damaged = han = 0
    for i, ch in enumerate(text):
        if is_han(ch):
            han += 1
        elif "\ue000" <= ch <= "\uf8ff" or (ch in markers and not _between_ascii(text, i, markers)):
            damaged += 1
    return damaged / (damaged + han) if damaged + han else 0.0


def _between_ascii(text: str, i: int, markers: str) -> bool:
    """Whether text[i] has printable ASCII other than markers on both sides."""
    return 0 < i < len(text) - 1 and all(
        c.isascii() and c.isprintable() and not c.isspace() and c not in markers
        for c in (text[i - 1], text[i + 1]))


# --- the text a site sits in ---------------------------------------------------------------------


class Document:
    """What the repair needs to know about the whole text: script, pinyin, own vocabulary."""

    def __init__(self, lines: list[Line]):
        self._lines = lines
        self._simplified: dict[str, str] = {}  # memo of `simplified`
        self._in_script: dict[str, bool] = {}  # memo of `in_script`

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self._lines)

    @cached_property
    def edition(self) -> str:
        """The text's script: Hans or Hant."""
        return script.detect(self.text)

    @property
    def traditional(self) -> bool:
        return self.edition == "Hant"

    def in_script(self, chars: str) -> bool:
        """Whether `chars` could be written in the text's script (a realignment must be)."""
        known = self._in_script.get(chars)
        if known is None:
            known = self._in_script[chars] = all(script.in_script(ch, self.edition) for ch in chars)
        return known

    @cached_property
    def pinyin(self) -> dict[str, set[str]]:
        """syllable -> the characters the text writes it after, e.g. 'dǎo' -> {'導'}."""
        found: dict[str, set[str]] = {}
        for match in re.finditer(rf"([{HAN}])\(({SYLLABLE})\)", self.text):
            found.setdefault(match.group(2), set()).add(match.group(1))
        return found

    @cached_property
    def model(self) -> WordModel:
        """The language model with a cache of the words of the text's undamaged parts."""
        markers, reach = re.escape(config()["markers"]), 2 * config()["search"]["context"]
        damaged = rf".{{0,{reach}}}[{markers}]+(?:{config()['junk']})?[^\x00-\x7f]*.{{0,{reach}}}"
        damaged = re.compile(damaged)
        marker = re.compile(f"[{markers}]")
        undamaged = "\n".join(damaged.sub("\n", line.text) if marker.search(line.text) else line.text
                               for line in self._lines)  # as re.sub over the whole text
        counts: Counter[str] = Counter()
        runs = Counter(re.findall(f"[{HAN}]+", self.simplified(undamaged)))
        for run, times in runs.items():  # a text repeats its phrases: each segmented once
            for word in model().segment(run):
                if len(word) > 1:
                    counts[word] += times
        if not counts:
            return model()
        return model().with_cache(counts, config()["lm"]["cache_weight"])

    def simplified(self, text: str) -> str:
        """The text as the model reads it: inserted pinyin dropped, Simplified script."""
        memo = self._simplified
        out = memo.get(text)
        if out is None:
            out = INSERTED_PINYIN.sub("", text)
            if self.traditional:
                out = _opencc("t2s.json").convert(out)
            memo[text] = out
        return out

    def simplify_all(self, texts) -> None:
        """`simplified` of many texts at once (remembered): one OpenCC call for all of them.

        OpenCC converts phrase by phrase, and no phrase holds a line break, so converting the
        texts joined by line breaks gives each text's own conversion. Inserted pinyin follows a
        Chinese character, never a line break, so it is dropped from the joined texts at once.
        """
        memo = self._simplified
        todo = list(dict.fromkeys(t for t in texts if t not in memo))
        if not self.traditional or len(todo) < 2 or any("\n" in t for t in todo):
            for text in todo:
                self.simplified(text)
            return
        plain = INSERTED_PINYIN.sub("", "\n".join(todo))
        converted = _opencc("t2s.json").convert(plain).split("\n")
        if len(converted) != len(todo):  # not expected; convert one by one
            converted = [_opencc("t2s.json").convert(t) for t in plain.split("\n")]
        memo.update(zip(todo, converted))

    def own_script(self, supplied: str, left: str, right: str) -> str:
        """Characters the model supplied (Simplified) in the text's script, converted in context."""
        if not self.traditional:
            return supplied
        whole = left + supplied + right
        converted = _opencc("s2t.json").convert(whole)
        if len(converted) == len(whole):
            return converted[len(left):len(left) + len(supplied)]
        return _opencc("s2t.json").convert(supplied)


# --- readings of a damage site -------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """Part of a repair: its text and how certain it is (SURE, CONJECTURE or LACUNA)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Reading:
    """One way to read the damaged span line[start:end], scored over the site's window."""

    rule: str
    end: int
    score: float
    note: str
    realigned: str = ""  # characters decoded from the realigned bytes
    marks: tuple[str, ...] = ()  # the certainty of each realigned character (all SURE if empty)
    last: Piece | None = None  # the character of a lost trail byte or of a lone '?'
    lost: Piece | None = None  # what was lost before the restored lead byte

    @property
    def pieces(self) -> tuple[Piece, ...]:
        marks = self.marks or (SURE,) * len(self.realigned)
        realigned = tuple(Piece(m, ch) for m, ch in zip(marks, self.realigned))
        return tuple(p for p in (self.lost, *realigned, self.last) if p is not None)

    @property
    def chars(self) -> str:
        """The text the reading puts in (for scoring): what is known, without marks."""
        return "".join(p.text for p in self.pieces if p.kind != LACUNA)


class Site:
    """A marker run in a line: the window every reading of it is scored over."""

    def __init__(self, line: str, start: int, marker_end: int, done: str, doc: Document):
        self.line, self.start, self.marker_end, self.doc = line, start, marker_end, doc
        context = config()["search"]["context"]
        self.left = doc.simplified(done[-4 * context:])[-context:]
        self.right_end = marker_end  # widened by `reach` to the farthest end of any reading
        self._scores: dict[tuple, float] = {}
        self._tails: dict[tuple[int, int], str] = {}

    def reach(self, end: int) -> None:
        """Widen the window to line[end] (before any reading is scored)."""
        self.right_end = max(self.right_end, end)

    def score(self, chars: str, end: int, supplied: str = "", left: bool = True) -> float:
        """Log-probability of the window with line[start:end] read as `chars` (text's script).

        `supplied` is Simplified text the model puts before `chars` (characters lost before it);
        without `left` the window starts there, leaving out the context before the site.
        """
        key = (chars, end, supplied, left, self.right_end)
        got = self._scores.get(key)
        if got is None:
            before, raw = self._raw(chars, end, supplied)
            read = self.doc.simplified(raw)[len(before):]
            got = self.doc.model.score((self.left if left else "") + supplied + read)
            self._scores[key] = got
        return got

    def _raw(self, chars: str, end: int, supplied: str) -> tuple[str, str]:
        """The character before the reading and the text `score` reads (before Simplification)."""
        tail = self._tails.get((end, self.right_end))
        if tail is None:
            context = config()["search"]["context"]
            tail = self.line[end:self.right_end] + self.line[self.right_end:][:2 * context]
            self._tails[(end, self.right_end)] = tail
        before = (supplied or self.left)[-1:]
        return before, before + chars + tail

    def scores_with(self, chars: str, end: int, supplied: list[str]) -> list[float]:
        """[score(chars, end, s) for s in supplied], the same numbers, worked out together."""
        keys = [(chars, end, option, True, self.right_end) for option in supplied]
        raws = {i: self._raw(chars, end, supplied[i])
                for i, key in enumerate(keys) if key not in self._scores}
        self.doc.simplify_all(raw for _, raw in raws.values())
        groups: dict[str, list[int]] = {}  # the text read after them -> which options
        for i, (before, raw) in raws.items():
            groups.setdefault(self.doc.simplified(raw)[len(before):], []).append(i)
        for read, which in groups.items():
            scores = self.doc.model.scores_between(self.left, [supplied[i] for i in which], read)
            for i, score in zip(which, scores):
                self._scores[keys[i]] = score
        return [self._scores[key] for key in keys]

    def score_all(self, readings: list[str], end: int, left: bool = True) -> None:
        """Work out score(chars, end, left=left) for many `chars` together (remembered for
        `score`): one OpenCC call, and the model splits their texts where they agree."""
        todo = [c for c in dict.fromkeys(readings)
                if (c, end, "", left, self.right_end) not in self._scores]
        raws = [self._raw(chars, end, "") for chars in todo]
        self.doc.simplify_all(raw for _, raw in raws)
        reads = [self.doc.simplified(raw)[len(before):] for before, raw in raws]
        scores = self.doc.model.scores_after(self.left if left else "", reads)
        for chars, score in zip(todo, scores):
            self._scores[(chars, end, "", left, self.right_end)] = score

    def damaged_score(self) -> float:
        return self.score(self.line[self.start:self.right_end], self.right_end)

    def hint(self, pos: int) -> re.Match | None:
        """Pinyin right at `pos` (its '(' possibly swallowed), or None."""
        return HINT.match(self.line, pos)


def _with_hint(char: str, hint: re.Match | None) -> str:
    """`char` followed by the pinyin hint, its '(' restored."""
    return char + (f"({hint.group(1)})" if hint else "")


def _supplied(options: list[tuple[Reading, str]], hint: re.Match | None, what: str,
              single_is_sure: bool) -> Reading:
    """The best of readings that differ in one supplied character, marked by its certainty.

    `options` pairs each reading with the character it supplies. A single option (the pinyin
    hint left one byte value) is SURE when `single_is_sure`; otherwise the choice is a CONJECTURE
    when the model is confident, and a LACUNA when it is not.
    """
    probs = _posterior([r.score for r, _ in options])
    best = max(range(len(options)), key=probs.__getitem__)
    reading, ch = options[best]
    if len(options) == 1 and single_is_sure:
        kind = SURE
        how = f"{ch!r}, the one its pinyin {hint.group(1)!r} allows" if hint else repr(ch)
    elif probs[best] >= config()["decision"]["confidence"]:
        kind, how = CONJECTURE, f"{ch!r} by word frequency (p={probs[best]:.2f})"
    else:
        kind, how = LACUNA, f"not known (best {ch!r}, p={probs[best]:.2f}): lacuna"
    last = Piece(kind, _with_hint(ch, hint) if kind != LACUNA else "")
    return replace(reading, last=last, note=f"{reading.note}; {what} {how}")


class Realigner:
    """Readings of the double-byte run at line[run_start:] as bytes out of step by one.

    A pinyin hint after the terminal names the run's last character: after an ASCII terminal it is
    the text's own inserted pinyin of that character, after a '?' terminal its '(' may be lost.
    """

    def __init__(self, site: Site, run_start: int):
        self.site = site
        line = site.line
        end, limit = run_start, min(len(line), run_start + config()["search"]["max_run"])
        while end < limit and _is_double(line[end]):
            end += 1
        self.run_start, self.run_end = run_start, end  # the terminal is line[run_end]
        self.run = list(line[run_start:end].encode(config()["encoding"]))
        self.terminal = line[end] if end < len(line) else ""
        self.lost_trail = bool(self.run and self.terminal) and self.terminal in config()["markers"]
        ascii_trail = self.terminal and 0x40 <= ord(self.terminal) <= 0x7E
        self.trail = ord(self.terminal) if ascii_trail else None
        hint = site.hint(end + 1)
        self.hint = hint if hint and (self.lost_trail or hint.group().startswith("(")) else None
        absorbed = self.trail is None and not self.lost_trail
        self.end = self.hint.end() if self.lost_trail and self.hint else end + (not absorbed)
        site.reach(self.end)

    @property
    def damaged(self) -> str:
        """The run and its terminal as the line has them."""
        with_terminal = self.trail is not None or self.lost_trail
        return self.site.line[self.run_start:self.run_end + with_terminal]

    def readings(self) -> list[Reading]:
        """Every reading that decodes and fits (the best lead bytes only, for a lost trail).

        The run's last trail byte is the terminal, or the '?' terminal stands for it, or it was
        taken into the run's last character when an ASCII letter came next (that letter is then
        the last byte of the run, and left over once the run is realigned).
        """
        if self.lost_trail:
            return self._lost_trail_readings()
        if self.trail is not None:
            data = self.run + [self.trail]
        elif self.run and self.run[-1] < 0x80:
            data = self.run[:-1]
        else:
            return []
        decoded = _with_leads(data)
        self.site.score_all([fit for _, chars in decoded
                             if (fit := self._fitting(chars)) is not None], self.end)
        return [r for lead, chars in decoded if (r := self._reading(lead, chars))]

    def _fitting(self, chars: str) -> str | None:
        """The realigned `chars` as read (the leftover letter after them), or None when they do
        not fit the hint or the text's script."""
        doc = self.site.doc  # the characters after the first are the same for every lead byte
        if not self._fits_hint(chars[-1]) or not (
                doc.in_script(chars[:1]) and doc.in_script(chars[1:])):
            return None
        if self.trail is None and not self.lost_trail:
            chars += chr(self.run[-1])
        return chars

    def _reading(self, lead: int, chars: str, note: str = "") -> Reading | None:
        """The reading of the realigned `chars`, if they fit the hint and the text's script."""
        chars = self._fitting(chars)
        if chars is None:
            return None
        return Reading(REALIGN, self.end, self.site.score(chars, self.end),
                       f"lead byte 0x{lead:02X} restored before {self.damaged!r}{note}",
                       realigned=chars)

    def _fits_hint(self, last: str) -> bool:
        """Whether the text writes `last` with the hinted pinyin (True when it never uses it)."""
        known = self.site.doc.pinyin.get(self.hint.group(1)) if self.hint else None
        return not known or last in known

    def _lost_trail_readings(self) -> list[Reading]:
        """For a '?' terminal: the likely lead bytes, each with its best trail byte.

        Lead bytes are ranked by the realigned characters before the last one (with the context
        before them), trail bytes by the last character (with the context after it). The best
        leads are tried with every trail byte, more leads with the best trail bytes.
        """
        site, table, top = self.site, _double_bytes(), config()["search"]["top_leads"]
        heads = []
        decoded = [(lead, head) for lead, head in _with_leads(self.run[:-1])
                   if site.doc.in_script(head[:1]) and site.doc.in_script(head[1:])]
        site.doc.simplify_all(head for _, head in decoded)
        scores = site.doc.model.scores_after(site.left, [site.doc.simplified(h) for _, h in decoded])
        for (lead, head), score in zip(decoded, scores):
            heads.append((score, lead, head))
        chars = [ch for trail in LEADS if (ch := table.get(self.run[-1] << 8 | trail))
                 and self._fits_hint(ch) and site.doc.in_script(ch)]
        site.score_all([_with_hint(ch, self.hint) for ch in chars], self.end, left=False)
        finals = sorted(((site.score(_with_hint(ch, self.hint), self.end, left=False), ch)
                         for ch in chars), reverse=True)
        readings = []
        ranked = sorted(heads, reverse=True)[:3 * top]
        site.score_all([head + _with_hint(ch, self.hint)
                        for rank, (_, _, head) in enumerate(ranked)
                        for _, ch in (finals if rank < top else finals[:top])], self.end)
        for rank, (_, lead, head) in enumerate(ranked):
            tried = finals if rank < top else finals[:top]
            options = [(self._with_final(lead, head, ch), ch) for _, ch in tried]
            if options:
                readings.append(_supplied(options, self.hint, "lost trail byte:", True))
        return readings

    def _with_final(self, lead: int, head: str, last: str) -> Reading:
        """A reading of the realigned `head` and a supplied `last` character."""
        text = _with_hint(last, self.hint)
        return Reading(REALIGN, self.end, self.site.score(head + text, self.end),
                       f"lead byte 0x{lead:02X} restored before {self.damaged!r}",
                       realigned=head, last=Piece(SURE, text))

    def vanished(self) -> list[Reading]:
        """Readings in which an undecodable byte pair had also vanished from the run.

        A decoder that skips what it cannot decode drops the pair (x, y); realigned, x is the
        trail of the character before it and y the lead of the one after, both common characters.
        Only the lead bytes whose first character reads best are tried.
        """
        if self.trail is None or len(self.run) < 2:
            return []
        table, common, site = _double_bytes(), common_chars(), self.site
        data = self.run + [self.trail]
        heads = [(ch, lead) for lead in LEADS
                 if (ch := table.get(lead << 8 | data[0])) and site.doc.in_script(ch)]
        site.doc.simplify_all(ch for ch, _ in heads)
        firsts = [(site.doc.model.score(site.left + site.doc.simplified(ch)), lead)
                  for ch, lead in heads]
        readings = []
        for _, lead in sorted(firsts, reverse=True)[:config()["search"]["top_leads"]]:
            for gap in range(2, len(self.run) + 1, 2):
                before = _decode_pairs([lead] + data[:gap - 1])
                after = _decode_pairs(data[gap + 1:])
                if before is None or after is None:
                    continue
                prev, nxt = data[gap - 1], data[gap]
                xs = [x for x in LEADS if table.get(prev << 8 | x) in common]
                ys = [y for y in LEADS if table.get(y << 8 | nxt) in common]
                for x, y in ((x, y) for x in xs for y in ys if (x << 8 | y) not in table):
                    chars = before + table[prev << 8 | x] + table[y << 8 | nxt] + after
                    note = f", undecodable bytes 0x{x:02X} 0x{y:02X} had vanished from the run"
                    if reading := self._reading(lead, chars, note):
                        readings.append(reading)
        return readings


def _lone_marker_hint(site: Site) -> re.Match | None:
    """The pinyin after a lone '?' that follows a Chinese character, or None."""
    hint = site.hint(site.marker_end)
    if site.marker_end - site.start == 1 and hint and site.left and is_han(site.left[-1]):
        return hint
    return None


def _stands_for_characters(site: Site) -> bool:
    """Whether the site's markers may stand for whole lost characters (`_lost_characters`)."""
    return _lone_marker_hint(site) is not None or "\ufffd" in site.line[site.start:site.marker_end]


def _lost_characters(site: Site) -> list[Reading]:
    """The reading of markers that replaced whole characters, with nothing out of step after them.

    Two kinds of marker say so: a lone '?' that left the pinyin of its character after it
    (主?dǎo)產業), and markers holding U+FFFD, which stands for a byte the decoder could not read
    (its neighbours lost). The characters come from the text's own pinyin, or else from the words
    the gap can complete; they are supplied when the model is confident, else a lacuna is set.
    """
    if not _stands_for_characters(site):
        return []
    hint = _lone_marker_hint(site)
    end = hint.end() if hint else site.marker_end
    site.reach(end)
    left = re.search(f"[{HAN}]*$", site.left).group()
    right = site.doc.simplified(site.line[end:end + 2 * config()["search"]["context"]])
    if not left and not (right and is_han(right[0])):
        return []
    search = config()["search"]
    known = sorted(site.doc.pinyin.get(hint.group(1), ())) if hint else []
    options = [(site.doc.simplified(ch), ch) for ch in known]  # (Simplified, in the text's script)
    if not known:
        for k in range(1, (1 if hint else search["max_lost"]) + 1):
            fillers = site.doc.model.fillers(left, right, k, search["reach"], search["fillers"])
            options += [(f, "") for f in fillers]
    if not options:
        return []
    prior = math.log(config()["decision"]["lost_prior"])
    scores = [score + prior * (len(o) - 1)
              for (o, _), score in zip(options, site.scores_with("", end, [o for o, _ in options]))]
    probs = _posterior(scores)
    best = max(range(len(options)), key=probs.__getitem__)
    supplied = options[best][1] or site.doc.own_script(options[best][0], left[-3:], right[:3])
    what = (f"a character was replaced by {site.line[site.start]!r}, its pinyin {hint.group(1)!r} "
            "left after it" if hint else "markers of undecodable bytes stand for lost characters")
    if probs[best] >= config()["decision"]["confidence"]:
        piece = Piece(CONJECTURE, _with_hint(supplied, hint))
        how = f"{supplied!r} supplied by word frequency (p={probs[best]:.2f})"
    else:
        piece = Piece(LACUNA, "")
        how = f"not known (best {supplied!r}, p={probs[best]:.2f}): lacuna"
    return [Reading(LOST, end, _logsumexp(scores), f"{what}; {how}", last=piece)]


# --- choosing and applying a repair --------------------------------------------------------------


def _realigners(site: Site) -> list[Realigner]:
    """A realigner for each place the run may start: right after the marker, or in or after the
    junk a damaging tool left there (pinyin-like letters and ')', or ';')."""
    junk = re.compile(config()["junk"]).match(site.line, site.marker_end)
    starts = range(site.marker_end, (junk.end() if junk else site.marker_end) + 1)
    realigners = [Realigner(site, start) for start in starts]
    return [r for r in realigners if r.run or (site.left and is_han(site.left[-1]))]


def _readings(site: Site, realigners: list[Realigner]) -> list[Reading]:
    """The site's readings with nothing lost before the run, vanished pairs tried if need be
    (`realigners` of the site, each of which widened its window to its end)."""
    readings = _lost_characters(site)  # widens it too, before anything is scored
    for realigner in realigners:
        readings += realigner.readings()
    best = max((r.score for r in readings), default=-math.inf)
    if best - site.damaged_score() < config()["decision"]["min_gain"]:
        for realigner in realigners:
            readings += realigner.vanished()
    return readings


def _best(site: Site) -> Reading | None:
    """The reading of a site that beats the damaged text by the required margin, or None.

    The best realignments are weighed with what may have been lost before them (a lead byte is
    judged by all the readings it allows); then each realigned character is marked by how much of
    the probability the readings that agree on it hold.
    """
    realigners = _realigners(site)
    if not realigners and not _stands_for_characters(site):
        return None  # a '?' of a URL or a question: no reading, and no need of the model
    site.doc.model.use_start(site.left)  # every reading is scored after the same context
    readings = sorted(_readings(site, realigners), key=lambda r: -r.score)
    readings = readings[:config()["search"]["top_readings"]]
    readings = [_with_lost(site, r) if r.rule == REALIGN else r for r in readings]
    if not readings:
        return None
    probs = _posterior([r.score for r in readings])
    best = max(range(len(readings)), key=probs.__getitem__)
    if readings[best].score - site.damaged_score() < config()["decision"]["min_gain"]:
        return None
    return _marked(readings[best], readings, probs)


def _marked(best: Reading, readings: list[Reading], probs: list[float]) -> Reading:
    """`best` with each realigned character marked by the share of readings that agree on it."""
    marks = []
    for i, ch in enumerate(best.realigned):
        agree = sum(p for r, p in zip(readings, probs)
                    if len(r.realigned) == len(best.realigned) and r.realigned[i] == ch)
        marks.append(_certainty(agree))
    doubtful = [ch for ch, m in zip(best.realigned, marks) if m != SURE]
    note = best.note + (f"; realigned {''.join(doubtful)!r} not certain" if doubtful else "")
    return replace(best, marks=tuple(marks), note=note)


def _with_lost(site: Site, reading: Reading) -> Reading:
    """A realigned reading with the whole characters lost before it: supplied, a lacuna, or none.

    Its score becomes the total over the options, each weighted by the prior for losing that many
    characters. One marker may hide whole characters as well as the lead byte, so the reading says
    nothing was lost only when the model is all but sure of it (`none_lost`): text left out
    without a mark is worse than a lacuna mark whose note gives the odds.
    """
    lm, search = site.doc.model, config()["search"]
    left = re.search(f"[{HAN}]*$", site.left).group()
    chars = reading.chars
    right = site.doc.simplified(chars)
    options = [""]
    for k in range(1, search["max_lost"] + 1):
        options += lm.fillers(left, right, k, search["reach"], search["fillers"])
    prior = math.log(config()["decision"]["lost_prior"])
    scores = [score + prior * len(o)
              for o, score in zip(options, site.scores_with(chars, reading.end, options))]
    probs = _posterior(scores)
    best = max(range(len(options)), key=probs.__getitem__)
    decision = config()["decision"]
    if not options[best] and probs[best] < decision["none_lost"]:
        lost = Piece(LACUNA, "")
        how = (f"characters may have been lost before it (lacuna: nothing lost has p={probs[best]:.3f}, "
               f"below the {decision['none_lost']} needed to say so)")
    elif probs[best] < decision["confidence"]:
        lost = Piece(LACUNA, "")
        how = f"what was lost before it is not known (lacuna; best p={probs[best]:.2f})"
    elif not options[best]:
        lost, how = None, f"no whole character lost before it (word frequency, p={probs[best]:.2f})"
    else:
        supplied = site.doc.own_script(options[best], left[-3:], right[:3])
        n = len(supplied)
        lost = Piece(CONJECTURE, supplied)
        how = (f"{n} character{'s' * (n > 1)} lost before it conjectured by word frequency: "
               f"{supplied!r} (p={probs[best]:.2f})")
    return replace(reading, lost=lost, score=_logsumexp(scores),
                   note=f"GBK bytes out of step: {reading.note}; {how}")


def _render(pieces: tuple[Piece, ...]) -> str:
    """The repaired text: conjectures in brackets, lacunae as one lacuna mark per gap."""
    marks = config()["marks"]
    opening, closing = marks["conjecture"]
    out, previous = [], None
    for piece in pieces:
        if piece.kind == SURE:
            out.append(piece.text)
        elif piece.kind == CONJECTURE:
            if previous == CONJECTURE:
                out[-1] = out[-1][:-len(closing)] + piece.text + closing
            else:
                out.append(opening + piece.text + closing)
        elif previous != LACUNA:
            out.append(marks["lacuna"])
        previous = piece.kind
    return "".join(out)


def _kind(pieces: tuple[Piece, ...]) -> str:
    """The Edit kind of a repair: its least certain piece."""
    kinds = {p.kind for p in pieces}
    return "lacuna" if LACUNA in kinds else "conjecture" if CONJECTURE in kinds else "replaced"


def _repair_line(line: Line, doc: Document) -> tuple[Line, list[Edit]]:
    """Repair every damage site of one line, left to right."""
    text, out, edits, pos = line.text, [], [], 0
    for match in re.finditer(f"[{re.escape(config()['markers'])}]+", text):
        if match.start() < pos:
            continue
        site = Site(text, match.start(), match.end(), "".join(out) + text[pos:match.start()], doc)
        reading = _best(site)
        if reading is None:
            continue
        after = _render(reading.pieces)
        out.append(text[pos:site.start] + after)
        edits.append(Edit(STAGE, reading.rule, _kind(reading.pieces), text[site.start:reading.end],
                          after, line.no, reading.note))
        pos = reading.end
    if not edits:
        return line, []
    return Line(line.no, "".join(out) + text[pos:]), edits


def apply(lines: list[Line]) -> tuple[list[Line], list[Edit]]:
    """Repair encoding damage in `lines` (numbers kept); one Edit per repaired site."""
    markers = config()["markers"]
    doc = Document(lines)
    out: list[Line] = []
    edits: list[Edit] = []
    for line in lines:
        if any(m in line.text for m in markers):
            line, line_edits = _repair_line(line, doc)
            edits.extend(line_edits)
        out.append(line)
    return out, edits
