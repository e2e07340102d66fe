"""Time the cross-link analysis (reformdocs.links) on synthetic corpora of N documents.

    python bench/links_bench.py [N ...]      (default: 500 1000 2000)

The pipeline runs first (its time is printed for scale); then `links.analyse` (citations,
glossary, departments, related sections) and the rendering of the index pages and of every
document page's links. Several N in one run show how the time grows (it should be linear).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_corpus  # noqa: E402

from reformdocs import links, pipeline, sources  # noqa: E402
from reformdocs.render import document_page  # noqa: E402
from reformdocs.site import sort_key  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def run(n: int) -> None:
    folder = make_corpus(n, OUT / f"links-{n}")
    texts, _ = sources.read_sources(folder)
    begin = time.perf_counter()
    docs = sorted(pipeline.process_corpus(texts).documents, key=sort_key)
    sections = sum(1 for d in docs for _ in d.all_sections())
    processed = time.perf_counter()
    web = links.analyse(docs, "https://example.org/", "2024-01-01")
    analysed = time.perf_counter()
    start = processed
    pages, _ = web.pages("Hans")
    indexed = time.perf_counter()
    for doc in docs:
        document_page(doc, "Hans", web.view(doc, "Hans"))
    rendered = time.perf_counter()
    related = sum(len(v) for v in web.related.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs):>6} {sections:>8} {start - begin:>9.1f} {analysed - start:>9.2f} {peak:>9.0f} "
          f"{indexed - analysed:>8.2f} {rendered - indexed:>8.2f} {len(web.related):>8} {related:>8} "
          f"{max(len(p) for p in pages.values()) // 1024:>8}", flush=True)


if __name__ == "__main__":
    print(f"{'docs':>6} {'sections':>8} {'pipeline':>9} {'analyse s':>9} {'RSS MiB':>9} {'index s':>8} {'pages s':>8} "
          f"{'with rel':>8} {'rel links':>8} {'max KiB':>8}")
    for n in [int(a) for a in sys.argv[1:]] or [500, 1000, 2000]:
        run(n)
