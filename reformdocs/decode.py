"""Stage 1, decode: bytes of a scraped file -> text, with the encoding used and an audit of removals.

Unicode byte-order marks are trusted, then strict UTF-8. Otherwise each legacy encoding is tried
strictly, and among those that decode, the one whose text reads most like Chinese (share of common
characters) wins; a text that reads as Chinese in none of them is refused. Line ends become ``\\n``; NUL and other control characters are
removed, each removal audited.
"""
from __future__ import annotations

import bisect
import codecs
import re
from functools import lru_cache
from importlib import resources

from .model import Decoded, Edit

# Legacy encodings tried when the bytes are not UTF-8; a tie in plausibility keeps the earlier one.
LEGACY = ("gb18030", "big5")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A text in which fewer than this share of the CJK characters are common ones is not Chinese text
# in that encoding (or is no text at all).
MIN_PLAUSIBILITY = 0.5
# C0 and C1 controls (valid UTF-8 and GB18030 can carry both; YAML front matter cannot).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe\uffff]+")
CONTROL_NAMES = {"\x00": "NUL", "\u200b": "ZERO WIDTH SPACE", "\ufeff": "BYTE ORDER MARK"}


class DecodeError(ValueError):
    """The bytes are not a text this pipeline can read; the message says why."""


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    text = resources.files("reformdocs.data").joinpath("common_chars.txt").read_text("utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def plausibility(text: str) -> float:
    """Share of CJK-range characters in `text` that are common Chinese characters (0 when none)."""
    common = common_chars()
    cjk = [ch for ch in text if ord(ch) >= 0x2E80]
    if not cjk:
        return 0.0
    return sum(ch in common for ch in cjk) / len(cjk)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    nul = sample.count(0)
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    return nul > len(sample) // 10 or controls > len(sample) // 5


def _choose(raw: bytes) -> tuple[str, str]:
    for bom, name in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as err:
                raise DecodeError(f"has a {name} byte-order mark but is not {name}: {err.reason}") from err
            # Almost any even-length bytes are "valid" UTF-16: junk after FF FE must still read as Chinese.
            if name != "utf-8-sig" and any(ord(ch) >= 0x2E80 for ch in CONTROL.sub("", text).strip()):
                score = plausibility(text)
                if score < MIN_PLAUSIBILITY:
                    raise DecodeError(f"has a {name} byte-order mark but does not read as Chinese "
                                      f"text in {name} ({score:.0%} common characters)")
            return text, name.replace("-sig", "") + " (BOM)"
    if _looks_binary(raw):
        raise DecodeError("is binary, not text (too many NUL or control bytes)")
    try:  # valid UTF-8 with non-ASCII bytes is almost never an accident
        text = raw.decode("utf-8")
        return text, "utf-8" if not text.isascii() else "ascii"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for name in LEGACY:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None:
        raise DecodeError(f"cannot be decoded as any of utf-8, {', '.join(LEGACY)}")
    score, text, name = best
    if score < MIN_PLAUSIBILITY:
        raise DecodeError(
            f"does not read as Chinese text in any encoding tried (best: {name}, "
            f"{score:.0%} common characters)"
        )
    return text, name


def decode(raw: bytes, name: str) -> Decoded:
    """Decode the bytes of source file `name`; raise DecodeError for what cannot be read."""
    if not raw.strip():
        raise DecodeError("is empty" if not raw else "holds only whitespace")
    text, encoding = _choose(raw)
    if not text.strip():  # e.g. only ideographic spaces, or a byte-order mark and blanks
        raise DecodeError("holds only whitespace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    edits: list[Edit] = []
    newlines: list[int] = []
    if CONTROL.search(text):
        newlines = [m.start() for m in re.finditer("\n", text)]

    def audit(match: re.Match) -> str:
        run = match.group()
        line = bisect.bisect_right(newlines, match.start()) + 1
        label = " ".join(CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}") for ch in run)
        edits.append(Edit("decode", "decode.control-character", "removed", label, "", line,
                          f"{len(run)} control character(s) removed"))
        return ""

    text = CONTROL.sub(audit, text)
    if not text.strip():
        raise DecodeError("holds no text once control characters are removed")
    return Decoded(name=name, text=text, encoding=encoding, edits=edits)
