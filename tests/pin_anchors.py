"""Pin the section anchors of the bundled documents: ``python -m tests.pin_anchors`` rewrites
tests/anchors.json ({slug: [section ids in page order]}) from source_texts/.

Run it only when a change is meant to move permalinks (and say so in the commit): test_determinism
fails on any other change that would break a link someone has cited.
"""
from __future__ import annotations

import json
from pathlib import Path

from reformdocs import pipeline, sources

ROOT = Path(__file__).resolve().parent.parent
PINNED = Path(__file__).resolve().parent / "anchors.json"


def anchors(folder: Path = ROOT / "source_texts") -> dict[str, list[str]]:
    texts, _ = sources.read_sources(folder)
    corpus = pipeline.process_corpus(texts)
    return {doc.slug: [s.id for s in doc.all_sections()] for doc in sorted(corpus.documents, key=lambda d: d.slug)}


def main() -> None:
    pinned = anchors()
    PINNED.write_text(json.dumps(pinned, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{PINNED}: {sum(map(len, pinned.values()))} anchors in {len(pinned)} documents")


if __name__ == "__main__":
    main()
