"""The pipeline: decode -> clean -> metadata -> sections, for one text and for a corpus.

`process` turns one source into a Document or a Problem; `process_corpus` runs it over every
source, reports progress, and sets aside duplicates (the same text twice, two texts claiming one
slug) with a Problem each, so one bad file never stops the build.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import metadata, sections
from .clean import clean
from .decode import DecodeError, decode
from .model import Document, Problem
from .sources import Source


def process(source: Source) -> Document | Problem:
    try:
        decoded = decode(source.raw, source.name)
    except DecodeError as err:
        return Problem(source.name, f"{err}; not published")
    cleaned = clean(decoded.text)
    if cleaned.rejected:
        return Problem(source.name, f"{cleaned.rejected}; not published")
    meta = metadata.extract(cleaned.blocks, source.sidecar, decoded.text)
    meta.slug = source.slug
    preamble, tree = sections.parse(cleaned.blocks, meta.title)
    return Document(source_name=source.name, encoding=decoded.encoding, meta=meta,
                    preamble=preamble, sections=tree, audit=decoded.edits + cleaned.edits,
                    source_sha1=source.sha1)


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def process_corpus(sources: Iterable[Source], total: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Process every source; `progress(done, total)` is called as the work goes on."""
    corpus = Corpus()
    by_sha1: dict[str, str] = {}
    by_slug: dict[str, str] = {}
    for done, source in enumerate(sources, start=1):
        if progress:
            progress(done, total)
        if source.sha1 in by_sha1:
            corpus.problems.append(Problem(
                source.name, f"is the same text as {by_sha1[source.sha1]}; not published twice"))
            continue
        by_sha1[source.sha1] = source.name
        slug = source.slug
        if slug in by_slug:
            corpus.problems.append(Problem(
                source.name, f"claims slug {slug!r}, already used by {by_slug[slug]}; not published"))
            continue
        result = process(source)
        if isinstance(result, Problem):
            corpus.problems.append(result)
            continue
        by_slug[slug] = source.name
        corpus.documents.append(result)
    return corpus
