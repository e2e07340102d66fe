"""Half-width punctuation in Chinese text becomes full-width (GB/T 15834-2011): , : ; ( ) ? ! ->
，：；（）？！.

A mark is converted when the nearest non-space character on either side is Chinese (an ideograph or
Chinese punctuation); a pair of parentheses when it holds Chinese or touches it on the outside, so
(2013-2015年) in a Chinese title becomes （2013-2015年）. Numbers (1,000; 12:30), URLs and e-mail
addresses, Latin text, decimal points and ranges are left alone. Spaces between a converted mark
and Chinese text go (full-width marks carry their own spacing). One audit record per paragraph or
table: how many marks, with a sample before and after.
"""
from __future__ import annotations

import re

from ..model import Edit, Line, Table
from .common import CJK_CONTEXT

STAGE = "clean"
FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
PROTECT = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]:\\\S*")
CANDIDATE = re.compile(r"[,:;?!]")
CANDIDATE_ALL = re.compile(r"[,:;()?!]")
PAREN = re.compile(r"[()（）]")
HALF = set(",:;()?!")


def _cjk(ch: str | None) -> bool:
    return ch is not None and CJK_CONTEXT.match(ch) is not None


def _neighbours(text: str, i: int) -> tuple[str | None, str | None]:
    a = i - 1
    while a >= 0 and text[a] == " ":
        a -= 1
    b = i + 1
    while b < len(text) and text[b] == " ":
        b += 1
    return (text[a] if a >= 0 else None), (text[b] if b < len(text) else None)


def convert(text: str) -> tuple[str, int, tuple[str, str]]:
    """`text` with its Chinese half-width marks made full-width; (text, count, sample before/after)."""
    found = CANDIDATE_ALL.findall(text)
    if not found or not any(ch in HALF for ch in found):
        return text, 0, ("", "")
    masked: list[tuple[int, int]] = [m.span() for m in PROTECT.finditer(text)] if (
        "/" in text or "@" in text or "www" in text or "\\" in text) else []

    def is_masked(i: int) -> bool:
        return any(a <= i < b for a, b in masked)

    targets: set[int] = set()
    # Parentheses, matched as pairs (full-width ones take part in the matching).
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for m in PAREN.finditer(text):
        i = m.start()
        if masked and is_masked(i):
            continue
        if m.group() in "(（":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
        elif m.group() == ")":
            lone.append(i)
    lone += [i for i in stack if text[i] == "("]
    for a, b in pairs:
        if text[a] == "(" or text[b] == ")":
            left, _ = _neighbours(text, a)
            _, right = _neighbours(text, b)
            if _cjk(left) or _cjk(right) or CJK_CONTEXT.search(text, a + 1, b):
                targets.update(x for x in (a, b) if text[x] in "()")
    for i in lone:
        left, right = _neighbours(text, i)
        if _cjk(left) or _cjk(right):
            targets.add(i)
    # , : ; ? !
    for m in CANDIDATE.finditer(text):
        i = m.start()
        if masked and is_masked(i):
            continue
        ch = text[i]
        if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # 1,000 and 12:30
        left, right = _neighbours(text, i)
        if _cjk(left) or _cjk(right):
            targets.add(i)
    if not targets:
        return text, 0, ("", "")
    # Spaces between a converted mark and Chinese text go.
    skip: list[tuple[int, int]] = []
    for i in targets:
        ch = text[i]
        if ch in ",:;?!":
            j = i + 1
            while j < len(text) and text[j] == " ":
                j += 1
            if j > i + 1 and (_cjk(text[j] if j < len(text) else None) or ch in ",;"):
                skip.append((i + 1, j))
        if ch in ",:;?!)":
            j = i - 1
            while j >= 0 and text[j] == " ":
                j -= 1
            if j < i - 1 and _cjk(text[j] if j >= 0 else None):
                skip.append((j + 1, i))
    edits = sorted([(i, i + 1, FULL[text[i]]) for i in targets] + [(a, b, "") for a, b in skip])
    pieces: list[str] = []
    pos = 0
    for a, b, repl in edits:
        if a < pos:
            a = pos
        if b <= a and repl == "":
            continue
        pieces.append(text[pos:a])
        pieces.append(repl)
        pos = max(pos, b)
    pieces.append(text[pos:])
    new = "".join(pieces)
    first = min(targets)
    start, end = max(0, first - 8), min(len(text), first + 9)

    def moved(x: int) -> int:  # where old index x is in the new text
        shift = 0
        for a, b, r in edits:
            if b <= x:
                shift += len(r) - (b - a)
            elif a < x:
                return a + shift
        return x + shift

    return new, len(targets), (text[start:end], new[moved(start):moved(end)])


def apply(blocks: list) -> tuple[list, list[Edit]]:
    out: list = []
    edits: list[Edit] = []
    for b in blocks:
        if isinstance(b, Line):
            new, count, (before, after) = convert(b.text)
            if count:
                edits.append(Edit(STAGE, "punct.fullwidth", "replaced", before, after, b.no,
                                  f"{count} half-width mark(s) in Chinese text made full-width"))
                b = Line(b.no, new)
        elif isinstance(b, Table):
            total = 0
            sample: tuple[str, str] | None = None
            rows = []
            for row in b.rows:
                cells = []
                for cell in row:
                    new, count, pair = convert(cell)
                    if count:
                        total += count
                        sample = sample or pair
                    cells.append(new)
                rows.append(tuple(cells))
            if total:
                edits.append(Edit(STAGE, "punct.fullwidth", "replaced", sample[0], sample[1], b.no,
                                  f"{total} half-width mark(s) in the table's cells made full-width"))
                b = Table(b.no, tuple(rows), b.caption)
        out.append(b)
    return out, edits
