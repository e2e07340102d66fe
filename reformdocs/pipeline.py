"""The pipeline: decode -> clean -> metadata -> sections, for one text and for a corpus.

`process` turns one source into a Document or a Problem; `process_corpus` runs it over every
source, reports progress, and sets aside duplicates (the same text twice, two texts claiming one
slug) with a Problem each, so one bad file never stops the build. It reads the corpus twice: first
to count which short lines recur across documents (site furniture the chrome rules have never
seen), then to clean each text with those counts.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from . import metadata, sections
from .clean import LineFrequency, clean
from .decode import DecodeError, decode
from .model import Document, Problem
from .sources import Source

# A text longer than this is built like any other, but the maintainer is told: the longest real
# reform plans are a few hundred kilobytes, so it is likely several documents scraped as one, and
# its page is about as large as the text.
LARGE_TEXT = 5_000_000  # bytes


def process(source: Source, lines: LineFrequency | None = None) -> Document | Problem:
    """One source through every stage; `lines` counts lines across the corpus (optional)."""
    try:
        decoded = decode(source.raw, source.name)
    except DecodeError as err:
        return Problem(source.name, f"{err}; not published")
    cleaned = clean(decoded.text, corpus=lines)
    if cleaned.rejected:
        return Problem(source.name, f"{cleaned.rejected}; not published")
    meta = metadata.extract(cleaned.blocks, source.sidecar, decoded.text, cleaned.catalog)
    meta.slug = source.slug
    preamble, tree = sections.parse(cleaned.blocks, meta.title)
    return Document(source_name=source.name, encoding=decoded.encoding, meta=meta,
                    preamble=preamble, sections=tree, audit=decoded.edits + cleaned.edits,
                    source_sha1=source.sha1)


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # bad input: reported as warnings
    notices: list[Problem] = field(default_factory=list)  # published, but worth a look


def line_frequency(sources: Iterable[Source]) -> LineFrequency:
    """How many texts each short line occurs in (texts that cannot be decoded are left out)."""
    lines = LineFrequency()
    for source in sources:
        try:
            lines.add(decode(source.raw, source.name).text)
        except DecodeError:
            continue
    return lines


def process_corpus(sources: Sequence[Source], total: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Process every source; `progress(done, total)` is called as the work goes on."""
    lines = line_frequency(sources)
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
        result = process(source, lines)
        if isinstance(result, Problem):
            corpus.problems.append(result)
            continue
        by_slug[slug] = source.name
        corpus.documents.append(result)
        if len(source.raw) > LARGE_TEXT:
            corpus.notices.append(Problem(source.name, (
                f"is {len(source.raw) / 1e6:.1f} MB, {sum(1 for _ in result.all_sections())} sections: "
                "published on one page of about that size; check that it is a single document")))
    return corpus
