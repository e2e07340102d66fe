"""Decoding: every encoding scraped texts come in, line ends, control characters, bad input."""
from __future__ import annotations

import codecs

import pytest

from reformdocs.decode import DecodeError, decode

from .conftest import SOURCES

SIMPLIFIED = "太原市人民政府关于印发资源型经济转型综合配套改革试验实施方案的通知。\n各县（市、区）人民政府：\n"
TRADITIONAL = "太原市人民政府關於印發資源型經濟轉型綜合配套改革試驗實施方案的通知。\n各縣（市、區）人民政府：\n"


@pytest.mark.parametrize("name", sorted(p.name for p in SOURCES.glob("*.txt")))
def test_seeds_decode_as_utf8(name):
    raw = (SOURCES / name).read_bytes()
    decoded = decode(raw, name)
    assert decoded.encoding == "utf-8"
    assert decoded.text == raw.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("text, encoding, expected", [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "utf-8", "utf-8"),
])
def test_encodings_recognised(text, encoding, expected):
    decoded = decode(text.encode(encoding), "x.txt")
    assert decoded.encoding == expected
    assert decoded.text == text


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_marks(bom, codec):
    decoded = decode(bom + SIMPLIFIED.encode(codec), "x.txt")
    assert decoded.text == SIMPLIFIED
    assert "BOM" in decoded.encoding


def test_real_traditional_text_in_big5_and_simplified_in_gb18030():
    """Whole real paragraphs, not just a sentence: the plausibility vote must hold on real text."""
    lines_001 = (SOURCES / "001_006c4d63c36b7a44.txt").read_text("utf-8").splitlines()
    # Lines 12-16 hold no pinyin-free mojibake; strip the inserted pinyin to keep Big5-encodable text.
    import re
    hant = "\n".join(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", "", l) for l in lines_001[12:16]) + "\n"
    assert decode(hant.encode("big5"), "hant.txt").encoding == "big5"
    hans = (SOURCES / "003_08dfc49d6e2fc626.txt").read_text("utf-8")
    hans = hans.encode("gb18030", errors="ignore")
    assert decode(hans, "hans.txt").encoding == "gb18030"


def test_line_ends_normalised():
    assert decode("甲\r\n乙\r丙\n".encode("utf-8"), "x.txt").text == "甲\n乙\n丙\n"


def test_control_characters_removed_and_audited():
    decoded = decode("第一行\n改革\x00\x00试验\x07区\n".encode("utf-8"), "x.txt")
    assert decoded.text == "第一行\n改革试验区\n"
    assert [(e.rule, e.line, e.before) for e in decoded.edits] == [
        ("decode.control-character", 2, "NUL NUL"), ("decode.control-character", 2, "U+0007")]


@pytest.mark.parametrize("raw, reason", [
    (b"", "is empty"),
    (b" \n\t\r\n ", "holds only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" * 20, "binary"),
    (b"abc \x80\x80 \xff\xfe\xfd", "cannot be decoded"),
    (bytes(b for i in range(400) for b in (0x81 + i * 37 % 126, 0x80 + i * 53 % 127)),
     "does not read as Chinese"),
])
def test_bad_input_is_refused_with_a_reason(raw, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(raw, "bad.txt")
