"""Metadata: title, 发文字号, issuer, date, region, type and script, from the text and its sidecar.

What the text says is read by the rules in ``data/metadata.yml``; what it does not say may come
from the hosting site's catalogue of the document (removed from the body as chrome); a sidecar
field always wins (it holds curated facts, including what the text lacks or gets wrong).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from . import script
from .model import Block, Line, Metadata

CN_DATE_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
DATE = re.compile(r"^\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                  r"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$")
ISO_DATE = re.compile(r"^\s*((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})\s*$")


@dataclass(frozen=True)
class Rules:
    doc_types: dict[str, int]
    draft_marks: tuple[str, ...]
    draft_bonus: int
    title_window: int
    doc_number: re.Pattern
    issuer_suffixes: tuple[str, ...]
    region: re.Pattern
    catalog_fields: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = yaml.safe_load(
        resources.files("reformdocs.data").joinpath("metadata.yml").read_text("utf-8"))
    return Rules(dict(data["doc_types"]), tuple(data["draft_marks"]), data["draft_bonus"],
                 data["title_window"], re.compile(data["doc_number"]),
                 tuple(data["issuer_suffixes"]), re.compile(data["region"]),
                 {k: tuple(v) for k, v in data["catalog_fields"].items()})


def _cn_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (int(CN_DATE_DIGITS[tens]) if tens else 1) * 10 + (int(CN_DATE_DIGITS[ones]) if ones else 0)
    return int("".join(CN_DATE_DIGITS[ch] for ch in text))


def parse_date(text: str) -> str:
    """'2013年7月16日' / '二〇一三年七月十六日' / '2013-07-16' -> '2013-07-16'; '' otherwise."""
    m = DATE.match(text) or ISO_DATE.match(text)
    if not m:
        return ""
    try:
        return datetime.date(*(_cn_int(g) for g in m.groups())).isoformat()
    except ValueError:  # 13月, 2月30日
        return ""


def _doc_number(text: str) -> str:
    """The 发文字号 in `text`, whitespace closed up; "" when there is none."""
    m = rules().doc_number.search(text)
    return re.sub(r"\s+", "", m.group()) if m else ""


def _strip_title(text: str) -> str:
    """A title line without a leading 发文字号 and without the 《》 a listing wraps it in."""
    text = rules().doc_number.sub("", text, count=1).strip()
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1].strip()
    return text


def _doc_type(title: str) -> tuple[str, int]:
    """The document type a title ends with (before any bracketed suffixes) and its weight."""
    core = re.sub(r"(?:[(（][^()（）]*[)）])+$", "", title)
    best = ("", 0)
    for name, weight in rules().doc_types.items():
        if core.endswith(name) and len(name) > len(best[0]):
            best = (name, weight)
    return best


def title_score(text: str) -> int:
    r = rules()
    title = _strip_title(text)
    if not 4 <= len(title) <= 100 or title[-1] in "。；;，,：:":
        return 0
    name, weight = _doc_type(title)
    if not name:
        return 0
    bonus = r.draft_bonus if any(mark in title[-12:] for mark in r.draft_marks) else 0
    return weight + bonus


def find_title(blocks: list[Block]) -> str:
    """The highest-scoring title-like line near the top; the first line when none scores."""
    lines = [b for b in blocks[: rules().title_window] if isinstance(b, Line)]
    scored = [(title_score(b.text), -i, b.text) for i, b in enumerate(lines)]
    best = max(scored, default=(0, 0, ""))
    if best[0] > 0:
        return _strip_title(best[2])
    first = next((_strip_title(b.text) for b in lines if len(b.text.strip()) <= 100), "")
    return first


def find_issuer(title: str, blocks: list[Block]) -> str:
    """The organ before 关于 in the title; else a signature line right above the 成文日期."""
    r = rules()
    head = re.split("关于|關於|關于", title, maxsplit=1)
    if len(head) == 2 and head[0].strip().endswith(r.issuer_suffixes):
        return head[0].strip()
    for prev, block in zip(blocks, blocks[1:]):
        if isinstance(block, Line) and isinstance(prev, Line) and parse_date(block.text):
            candidate = prev.text.strip()
            if len(candidate) <= 30 and candidate.endswith(r.issuer_suffixes):
                return candidate
    return ""


def _from_catalog(catalog: dict[str, str]) -> dict[str, str]:
    """title, doc_number, issuer and date as the site's catalogue gives them (what it has)."""
    r = rules()
    found = {}
    for name, keys in r.catalog_fields.items():
        value = next((catalog[k] for k in keys if catalog.get(k)), "")
        if name == "doc_number":
            value = _doc_number(value)
        elif name == "date":
            value = parse_date(value)
        elif name == "title" and not title_score(value):
            value = ""
        if value:
            found[name] = value
    return found


def extract(blocks: list[Block], sidecar: dict, text: str,
            catalog: dict[str, str] | None = None) -> Metadata:
    """Metadata from the cleaned blocks (and whole text for the script); what they do not give
    from the site's `catalog` of the document; the sidecar wins."""
    r = rules()
    listed = _from_catalog(catalog or {})
    title = find_title(blocks)
    if "title" in listed and not title_score(title):
        title = listed["title"]
    number = ""
    date = ""
    for block in blocks[: r.title_window * 2]:
        if not isinstance(block, Line):
            continue
        if not number:
            number = _doc_number(block.text)
        if not date:
            date = parse_date(block.text)
    number = number or listed.get("doc_number", "")
    date = date or listed.get("date", "")
    issuer = find_issuer(title, blocks) or listed.get("issuer", "")
    region_m = r.region.match(issuer or title)
    meta = Metadata(
        title=title, doc_number=number, issuer=issuer, date=date,
        region=region_m.group(1) if region_m else "",
        doc_type=_doc_type(title)[0], script=script.detect(text))
    for key, value in sidecar.items():
        if key != "slug" and value:
            setattr(meta, key, value)
    return meta
