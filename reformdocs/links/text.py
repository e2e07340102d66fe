"""What the cross-link stages read: each document's paragraphs in Simplified, with their place.

All matching (citations, glossary terms, departments, related sections) runs on text normalised
to Simplified with `script.convert`, so Simplified and Traditional originals match alike. OpenCC's
t2s is length-preserving for almost every text; a paragraph where it is not gets no inline links
(`Para.aligned` is False), since positions found in the Simplified text could not be mapped back.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Document, Line, Section
from ..script import convert

PREAMBLE = ""  # the place key of a document's text before its first heading


@lru_cache(maxsize=4)
def rules(name: str) -> dict:
    """A top-level table of data/links.yml (citations, departments, related)."""
    data = yaml.safe_load(resources.files("reformdocs.data").joinpath("links.yml").read_text("utf-8"))
    return data[name]


def hans(text: str) -> str:
    return convert(text, "Hans")


def anchor(prefix: str, key: str) -> str:
    """A stable ASCII anchor for an index entry named by `key` (any script)."""
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


@dataclass(frozen=True)
class Para:
    """One body paragraph: its document, place (section id, or PREAMBLE) and index there."""

    slug: str
    place: str
    index: int  # position of the block in its section (or the preamble); HEADING for the heading
    text: str  # normalised to Simplified
    aligned: bool  # links can be placed: a body paragraph whose Simplified text keeps its length


HEADING = -1  # the `index` of a section's heading: searched and counted, never given inline links


def paragraphs(doc: Document):
    """Every paragraph of `doc` (tables excluded) in reading order, each section's heading first."""
    def of(place: str, blocks):
        for i, block in enumerate(blocks):
            if isinstance(block, Line):
                text = hans(block.text)
                yield Para(doc.slug, place, i, text, len(text) == len(block.text))

    yield from of(PREAMBLE, doc.preamble)
    for section in doc.all_sections():
        yield Para(doc.slug, section.id, HEADING, hans(heading_text(section)), False)
        yield from of(section.id, section.blocks)


def section_paths(doc: Document) -> dict[str, list[Section]]:
    """{section id: the sections from the top level down to it}."""
    paths: dict[str, list[Section]] = {}

    def walk(section: Section, above: list[Section]) -> None:
        path = above + [section]
        paths[section.id] = path
        for child in section.children:
            walk(child, path)

    for section in doc.sections:
        walk(section, [])
    return paths


def heading_text(section: Section) -> str:
    return section.marker + section.title
