"""Reading `source_texts/`: each scraped text with its optional YAML sidecar of curated facts."""
from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .decode import CONTROL
from .metadata import parse_date
from .model import Problem
from .script import EDITIONS

SIDECAR_FIELDS = {"slug", "title", "title_en", "summary_en", "region", "source", "doc_number",
                  "issuer", "date", "doc_type", "script"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?$")  # a year, or a year and month


class SidecarLoader(yaml.SafeLoader):
    """YAML's safe loader with dates left as text: `date: 2013-13-45` is then one bad field,
    reported by name, rather than an error that loses the whole sidecar."""


SidecarLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@dataclass
class Source:
    name: str  # file name inside source_texts/
    raw: bytes
    sidecar: dict = field(default_factory=dict)

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.raw).hexdigest()

    @property
    def slug(self) -> str:
        """The sidecar's slug, or one made from an ASCII file name, or from a hash of the name."""
        if self.sidecar.get("slug"):
            return self.sidecar["slug"]
        stem = self.name.rsplit(".", 1)[0]
        slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
        if slug and stem.isascii():
            return slug
        return "doc-" + hashlib.sha1(stem.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def read_sidecar(path: Path) -> tuple[dict, str]:
    """The sidecar's fields, or ({}, reason) when it cannot be used."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SidecarLoader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as err:  # ValueError: !!timestamp 2013-13-45
        return {}, f"sidecar {path.name} is not valid YAML ({str(err).splitlines()[0]}); ignored"
    if data is None:
        return {}, ""
    if not isinstance(data, dict):
        return {}, f"sidecar {path.name} is not a mapping of fields; ignored"
    unknown = sorted(set(map(str, data)) - SIDECAR_FIELDS)
    problems = []
    if unknown:
        problems.append(f"sidecar {path.name} has unknown field(s) {', '.join(unknown)}; ignored")
    clean = {}
    for key, value in data.items():
        if key in SIDECAR_FIELDS and value is not None:
            text, problem = _field_text(value)
            if problem:
                problems.append(f"sidecar {path.name}: {key} {problem}")
            if text:
                clean[key] = text
    if "date" in clean:
        date = clean["date"] if PARTIAL_DATE.match(clean["date"]) else parse_date(clean["date"])
        if not date:
            problems.append(f"sidecar {path.name}: date {clean['date']!r} is not a date "
                            "(YYYY-MM-DD, YYYY-MM, YYYY or 2013年7月16日); ignored")
            del clean["date"]
        else:
            clean["date"] = date
    if "script" in clean and clean["script"] not in EDITIONS:
        problems.append(f"sidecar {path.name}: script {clean['script']!r} is not Hans or Hant; "
                        "the script is read from the text instead")
        del clean["script"]
    if "slug" in clean and not SLUG.match(clean["slug"]):
        problems.append(f"sidecar {path.name}: slug {clean['slug']!r} is not lowercase ASCII "
                        "words joined by '-'; a slug is made from the file name instead")
        del clean["slug"]
    return clean, "; ".join(problems)


def _field_text(value) -> tuple[str, str]:
    """A sidecar value as one line of text, and what was wrong with it ("" when nothing).

    Only scalars are text (a list or mapping is refused before ``str()`` could expand a YAML alias
    bomb); YAML escapes can smuggle in lone surrogates, which no page can be written with, and
    control characters, which are removed as decode removes them from texts.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float, datetime.date)):
        return "", f"is not text ({type(value).__name__}); ignored"
    text = str(value)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return "", "holds a lone surrogate (not Unicode text); ignored"
    kept = CONTROL.sub("", text)
    removed = len(text) - len(kept)
    text = re.sub(r"\s*[\r\n\u2028\u2029]\s*", " ", kept).strip()
    return text, f"had {removed} control character(s), removed" if removed else ""


def read_sources(folder: Path) -> tuple[list[Source], list[Problem]]:
    """Every `*.txt` in `folder` (sorted by name), with its sidecar `<stem>.yml` if present."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.txt")):
        name = file_name(path)
        if name != path.name:
            problems.append(Problem(name, "file name is not UTF-8 (saved on a GBK system?); "
                                          "published under this name, rename the file"))
        if not path.is_file() or path.is_symlink():
            problems.append(Problem(name, "is not a regular file; skipped"))
            continue
        sidecar: dict = {}
        side = path.with_suffix(".yml")
        if side.is_file():
            sidecar, problem = read_sidecar(side)
            if problem:
                problems.append(Problem(name, problem))
        sources.append(Source(name, path.read_bytes(), sidecar))
    return sources, problems


def file_name(path: Path) -> str:
    """The file's name as text: bytes that are not UTF-8 become ``\\xNN`` (a name carrying lone
    surrogates cannot be written into any page or download)."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")
