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
CANDIDATE = re.compile(r"[,:;()?!]")


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
    if not CANDIDATE.search(text):
        return text, 0, ("", "")
    masked = set()
    for m in PROTECT.finditer(text):
        masked.update(range(m.start(), m.end()))
    targets: set[int] = set()
    # Parentheses, matched as pairs (full-width ones take part in the matching).
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for i, ch in enumerate(text):
        if i in masked:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）":
            if stack:
                pairs.append((stack.pop(), i))
            elif ch == ")":
                lone.append(i)
    lone += [i for i in stack if text[i] == "("]
    for a, b in pairs:
        if text[a] == "(" or text[b] == ")":
            left, _ = _neighbours(text, a)
            _, right = _neighbours(text, b)
            inner = text[a + 1:b]
            if _cjk(left) or _cjk(right) or any(_cjk(ch) for ch in inner):
                targets.update(x for x in (a, b) if text[x] in "()")
    for i in lone:
        left, right = _neighbours(text, i)
        if _cjk(left) or _cjk(right):
            targets.add(i)
    # , : ; ? !
    for m in CANDIDATE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in "()" or i in masked:
            continue
        left, right = _neighbours(text, i)
        if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # 1,000 and 12:30
        if _cjk(left) or _cjk(right):
            targets.add(i)
    if not targets:
        return text, 0, ("", "")
    out: list[str] = []
    skip: set[int] = set()
    for i in sorted(targets):
        ch = text[i]
        if ch in ",:;?!":
            # spaces after the mark, before Chinese text
            j = i + 1
            while j < len(text) and text[j] == " ":
                j += 1
            if j > i + 1 and (_cjk(text[j] if j < len(text) else None) or ch in ",;"):
                skip.update(range(i + 1, j))
        if ch in ",:;?!)":
            j = i - 1
            while j >= 0 and text[j] == " ":
                j -= 1
            if j < i - 1 and _cjk(text[j] if j >= 0 else None):
                skip.update(range(j + 1, i))
    first = min(targets)
    a, z = max(0, first - 8), min(len(text), first + 9)
    window = [0, 0]
    for i, ch in enumerate(text):
        if i == a:
            window[0] = len(out)
        if i == z:
            window[1] = len(out)
        if i in skip:
            continue
        out.append(FULL[ch] if i in targets else ch)
    if z == len(text):
        window[1] = len(out)
    new = "".join(out)
    return new, len(targets), (text[a:z], new[window[0]:window[1]])


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
