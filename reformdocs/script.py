"""Stage 3, script: Simplified (Hans) and Traditional (Hant) editions of any text.

OpenCC's phrase-level configs do the conversion: ``s2tw`` to Traditional and ``t2s`` back. Both
change characters only, not vocabulary: ``s2twp`` would rewrite mainland wording into Taiwan's
(信息 -> 資訊) and put words in the authors' mouths. ``s2tw`` rather than plain ``s2t`` because its
forms are the ones Traditional readers and Big5 texts use (為 群 著 眾 啟 裡, not OpenCC's
standard 爲 羣 着 衆 啓 裏). ``t2s`` reads all of them back except 著 where Simplified writes 着
(著力, 隨著); ``tw2s`` would, but it also breaks words (土著 -> 土着), so those phrases are
overrides. Corrections for OpenCC misconversions met in this
domain live in ``data/script_overrides.yml`` and win over OpenCC in both directions.

A text's own script is never round-tripped through the other one (see `edition_text`). Which
script a text is in is judged by the national character sets: Big5 for Traditional, GB2312 for
Simplified.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources

import opencc
import yaml

EDITIONS = ("Hans", "Hant")
CONFIGS = {"Hans": "t2s.json", "Hant": "s2tw.json"}
# Further standards of each script, consulted before changing a character of an original.
REGIONAL = {"Hans": (), "Hant": ("s2t.json", "s2hk.json")}
CHARSETS = {"Hans": "gb2312", "Hant": "big5"}
PLACEHOLDER_BASE = 0xF0000  # Supplementary Private Use Area: never in a source text after decoding


@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def overrides() -> dict[str, dict[str, str]]:
    """{edition: {phrase in the other script: phrase in this edition}}."""
    data = yaml.safe_load(
        resources.files("reformdocs.data").joinpath("script_overrides.yml").read_text("utf-8"))
    return {"Hans": dict(data.get("to_hans") or {}), "Hant": dict(data.get("to_hant") or {})}


@lru_cache(maxsize=65536)
def in_script(ch: str, edition: str) -> bool:
    """Whether a CJK character belongs to the edition's script (non-CJK always does)."""
    if ord(ch) < 0x2E80:
        return True
    try:
        ch.encode(CHARSETS[edition])
    except UnicodeEncodeError:
        # Outside the national set: a rare character is kept unless OpenCC would change it.
        return _converter(CONFIGS[edition]).convert(ch) == ch
    return True


def convert(text: str, edition: str) -> str:
    """Convert `text` fully to `edition`'s script, with the domain overrides applied."""
    table = overrides()[edition]
    protected: list[str] = []
    if table:
        for phrase in sorted(table, key=len, reverse=True):
            if phrase in text:
                text = text.replace(phrase, chr(PLACEHOLDER_BASE + len(protected)))
                protected.append(table[phrase])
    out = _converter(CONFIGS[edition]).convert(text)
    for i, target in enumerate(protected):
        out = out.replace(chr(PLACEHOLDER_BASE + i), target)
    return out


def edition_text(text: str, edition: str, original: str) -> str:
    """The text as shown in `edition`, for a document whose original script is `original`.

    Into the other script, OpenCC converts. Into the original's own script, a character is only
    replaced when every regional standard OpenCC knows for that script agrees it does not belong
    there (a stray Simplified 并 or 布局 in a Traditional text): the original's own choices among
    valid forms (考核, 群, 污) are kept, and nothing is round-tripped through the other script.
    """
    if edition != original:
        return convert(text, edition)
    converted = convert(text, edition)
    if converted == text or len(converted) != len(text):
        return converted
    readings = [_converter(cfg).convert(text) for cfg in REGIONAL[edition]]
    if any(len(r) != len(text) for r in readings):
        return converted
    out = list(text)
    for i, (o, c) in enumerate(zip(text, converted)):
        if c != o and all(r[i] != o for r in readings):
            out[i] = c
    return "".join(out)


def detect(text: str) -> str:
    """The script a text is written in: Hant when it has more Traditional-only characters."""
    hant_only = hans_only = 0
    for ch, n in Counter(text).items():
        if ord(ch) < 0x2E80:
            continue
        if not in_script(ch, "Hans"):
            hant_only += n
        elif not in_script(ch, "Hant"):
            hans_only += n
    return "Hant" if hant_only > hans_only else "Hans"
