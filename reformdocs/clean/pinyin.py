"""Remove pinyin that a converting site inserted after characters: 發(fā)展 -> 發展.

Only a parenthesis that directly follows a Chinese character and holds one toned pinyin syllable
is removed, so real parentheses such as (2013-2015年) or (牽頭部門:市政務辦) keep their content.
"""
from __future__ import annotations

import re

from ..model import Edit, Line

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE = rf"[a-zü]*[{TONED}][a-zü]*"
INSERTED = re.compile(rf"(?<=[\u3400-\u9fff])[(（]({SYLLABLE})[)）]")


def apply(lines: list[Line]) -> tuple[list[Line], list[Edit]]:
    out: list[Line] = []
    edits: list[Edit] = []
    for line in lines:
        found = INSERTED.findall(line.text)
        if found:
            edits.append(Edit("clean", "pinyin.inserted", "removed", " ".join(f"({s})" for s in found),
                              "", line.no, f"{len(found)} inserted pinyin syllable(s) removed"))
            line = Line(line.no, INSERTED.sub("", line.text))
        out.append(line)
    return out, edits
