"""Command line: ``python -m reformdocs clean FILE... --out DIR``.

For each input ``X.txt`` (with its sidecar ``X.yml`` when there is one) it writes the cleaned body
as plain text in both scripts, ``DIR/X.zh-Hans.txt`` and ``DIR/X.zh-Hant.txt``, and
``DIR/X.json``: the metadata, the sections, the audit of every edit, and whether the text was
rejected and why (README, "Cleaning from the command line", documents the format). Exit status:
0 when every text was cleaned, 1 when some were rejected, 2 on usage errors.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import export, pipeline
from .model import Document, Problem
from .script import EDITIONS
from .sources import Source, read_sidecar
from .urls import LANG


def body_text(doc: Document, edition: str) -> str:
    """The cleaned body with its headings, one paragraph a line, blank lines between parts."""
    chunks = []
    for part in export.parts(doc, edition):
        text = export.part_text(part)
        chunks.append("\n".join(t for t in (part.heading, text) if t))
    return "\n\n".join(chunks) + "\n"


def record(name: str, result: Document | Problem) -> dict:
    """The JSON written for one input."""
    if isinstance(result, Problem):
        return {"file": name, "rejected": True, "reason": result.message, "title": "",
                "doc_number": "", "issuer": "", "date": "", "sections": [], "audit": []}
    out = {"file": name, "rejected": False, "reason": "", "encoding": result.encoding}
    out.update(result.meta.as_dict())
    out["sections"] = [{k: v for k, v in r.items() if k != "document"}
                       for r in export.section_records(result)]
    out["audit"] = [e.as_dict() for e in result.audit]
    return out


def load(paths: list[Path]) -> list[Source]:
    sources = []
    for path in paths:
        sidecar = {}
        if path.with_suffix(".yml").is_file():
            sidecar, problem = read_sidecar(path.with_suffix(".yml"))
            if problem:
                print(f"{path}: {problem}", file=sys.stderr)
        sources.append(Source(path.name, path.read_bytes(), sidecar))
    return sources


def clean_command(files: list[Path], out: Path) -> int:
    sources = load(files)
    lines = pipeline.line_frequency(sources)
    out.mkdir(parents=True, exist_ok=True)
    rejected = 0
    for path, source in zip(files, sources):
        result = pipeline.process(source, lines)
        stem = path.stem
        if isinstance(result, Problem):
            rejected += 1
            print(f"{path}: rejected: {result.message}", file=sys.stderr)
        else:
            for edition in EDITIONS:
                (out / f"{stem}.{LANG[edition]}.txt").write_text(body_text(result, edition), encoding="utf-8")
        (out / f"{stem}.json").write_text(export.dumps(record(path.name, result)) + "\n", encoding="utf-8")
    return 1 if rejected else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reformdocs", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="clean scraped texts into plain text and JSON")
    clean.add_argument("files", nargs="+", type=Path, metavar="FILE")
    clean.add_argument("--out", required=True, type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    stems = [p.stem for p in args.files]
    if len(set(stems)) != len(stems):
        parser.error("two inputs share a file name; their outputs would overwrite each other")
    return clean_command(args.files, args.out)
