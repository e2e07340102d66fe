"""The document model every stage reads and writes.

Stages are plain functions from one of these records to the next; nothing here knows about MkDocs.
Text keeps its source line number (`Line.no`) through every stage, so each audit record can say
where in the scraped file a change was made.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edit:
    """One change a stage made to a text: what, where and why (the audit record)."""

    stage: str  # decode | clean | ... : the pipeline stage that made the edit
    rule: str  # the rule's id in its data file, e.g. "chrome.share-site.member-shared"
    kind: str  # removed | replaced | joined | inserted | lacuna | conjecture | split
    before: str
    after: str
    line: int  # 1-based line of the source text (0 when not tied to a line)
    note: str = ""

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "rule": self.rule,
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "line": self.line,
            "note": self.note,
        }


@dataclass(frozen=True)
class Line:
    """A line of text with the number of the source line it came from."""

    no: int
    text: str


@dataclass(frozen=True)
class Table:
    """A table recovered from flattened cells; `rows[0]` is the header row."""

    no: int
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Line | Table


@dataclass
class Decoded:
    """A source text as characters, with the encoding it was read in."""

    name: str
    text: str
    encoding: str
    edits: list[Edit] = field(default_factory=list)


@dataclass
class Cleaned:
    """The body of a document after cleaning: paragraphs and tables, plus the audit."""

    blocks: list[Block]
    edits: list[Edit] = field(default_factory=list)
    rejected: str = ""  # non-empty: the reason the text cannot be published
    # The hosting site's catalogue of the document (索引号, 文号, 发布机构 …: key -> value), removed
    # from the body as chrome; metadata falls back on it for what the text does not say.
    catalog: dict[str, str] = field(default_factory=dict)


@dataclass
class Metadata:
    title: str = ""
    doc_number: str = ""  # 发文字号
    issuer: str = ""
    date: str = ""  # ISO yyyy-mm-dd, or yyyy-mm / yyyy when that is all the text says
    region: str = ""
    doc_type: str = ""
    script: str = "Hans"  # Hans | Hant: the script of the original
    title_en: str = ""
    summary_en: str = ""
    source: str = ""
    slug: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Section:
    """A heading with the blocks under it and its sub-sections.

    `id` comes from the outline position (e.g. ``s4-2`` for 四、（二）), never from the wording, so
    a better cleaner cannot move a permalink.
    """

    id: str
    marker: str  # the outline marker as written, e.g. "（二）"; "" for un-numbered headings
    title: str  # heading text after the marker
    level: int  # 1 for the top outline level
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    """A cleaned, sectioned document in its original script."""

    source_name: str
    encoding: str
    meta: Metadata
    preamble: list[Block]  # blocks before the first heading
    sections: list[Section]
    audit: list[Edit]
    source_sha1: str = ""

    @property
    def slug(self) -> str:
        return self.meta.slug

    def all_sections(self):
        for section in self.sections:
            yield from section.walk()


@dataclass(frozen=True)
class Problem:
    """Bad input: the file it is about and what is wrong. The build reports it and goes on."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"
