"""Hostile inputs shared by the robustness, escaping and browser tests: injection payloads, a real
PNG, and writers for temporary corpora (point ``REFORMDOCS_SOURCES`` at the folder to build one)."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import yaml

from .conftest import SOURCES

# Every payload that could run script sets window.__pwned; every one must be shown as text.
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<svg onload="window.__pwned=3">',
    "[click](javascript:window.__pwned=4)",
    '<a href="javascript:window.__pwned=5">link</a>',
    "<!-- comment",
    "{{ config.site_name }}",
    '{% include "base.html" %}',
    '{: onclick="window.__pwned=6" }',
    "| a | b |",
    "*emphasis* **strong** `code`",
    '<iframe src="javascript:window.__pwned=7"></iframe>',
    '<details open ontoggle="window.__pwned=8">',
    "&lt;b&gt; &amp; &#60;",
    '<style>body{display:none}</style>',
    "![x](x onerror=window.__pwned=9)",
    '<object data="javascript:window.__pwned=10"></object>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=11">',
)
# Markdown block syntax: only active at the start of a line, so each goes on a line of its own.
BLOCK_SYNTAX = ("# heading", "---", "***", "- item", "> quote", "    indented code", "```",
                "$$x$$", "[^1]: note", '<div markdown="1">**bold**</div>', "=====", "[ref]: javascript:x")
# Run-in headings take a title of at most outline.yml's max_heading characters: short payloads.
HEADING_PAYLOADS = (
    "<script>window.__pwned=12</script>",
    '<svg onload="window.__pwned=13">',
    "[x](javascript:window.__pwned=14)",
    "{{ page.title }}",
    "<!-- c -->",
    '{: onclick="window.__pwned=15" }',
)
SIDECAR_PAYLOADS = {
    "title": '关于改革的通知<img src=x onerror="window.__pwned=16"></title><script>window.__pwned=17</script>',
    "title_en": 'Notice " onmouseover="window.__pwned=18" <svg onload="window.__pwned=19">',
    "summary_en": "<script>window.__pwned=20</script> [x](javascript:window.__pwned=21) {{ config }}",
    "source": '<a href="javascript:window.__pwned=22">source</a> <!--',
    "region": "湖南省<script>window.__pwned=23</script>",
    "issuer": '<img src=x onerror="window.__pwned=24">人民政府',
    "doc_number": "{% raw %}〔2013〕1号",
    "doc_type": '{: onclick="window.__pwned=25" }',
}
INJECTION_SLUG = "injection-attempts"
ALL_PAYLOADS = PAYLOADS + HEADING_PAYLOADS + tuple(SIDECAR_PAYLOADS.values())


def injection_text() -> str:
    """A text with every payload in its body and in numbered headings."""
    lines = ["关于推进综合配套改革的实施意见", "", "为深化改革，现提出如下意见。"]
    lines += PAYLOADS  # alone on a line the cleaner takes them for page chrome: they go to the audit
    lines += [f"各地要认真落实本意见 {payload} 并报告进展情况。" for payload in PAYLOADS]
    lines += BLOCK_SYNTAX
    lines += [f"{syntax} 各地要认真落实本意见。" for syntax in BLOCK_SYNTAX]
    digits = "一二三四五六七八九十"
    for n, payload in enumerate(HEADING_PAYLOADS):
        lines += [f"{digits[n]}、{payload}", "各地要认真落实本意见。"]
    return "\n".join(lines) + "\n"


def write_injection_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "injection.txt").write_text(injection_text(), encoding="utf-8")
    sidecar = {"slug": INJECTION_SLUG, **SIDECAR_PAYLOADS}
    (folder / "injection.yml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
    return folder


def png() -> bytes:
    """A real 8x8 RGB PNG (the kind of file that gets renamed .txt by mistake)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(v for x in range(8) for v in (x * 32, y * 32, 128))
                    for y in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def tiny_text(n: int) -> str:
    """A small distinct document: a title and two numbered sections."""
    return (f"关于第{n}号综合配套改革试点的通知\n一、总体要求\n坚持改革创新，第{n}项任务。\n"
            f"二、保障措施\n加强组织领导，确保第{n}项任务落实。\n")


def seed_bytes(name: str = "002_7955dc0b8421cd4f.txt") -> bytes:
    return (SOURCES / name).read_bytes()
