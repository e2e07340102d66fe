"""Build a synthetic corpus of N documents and print build time, peak memory and page sizes.

    python bench/build_bench.py [N ...]      (default: 2000)

Ratios in one run: the figures for several N come from the same machine and code, so how build
time grows with N (linear or not) can be read directly.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make_project  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def build(n: int) -> dict:
    project = OUT / f"corpus-{n}"
    config = make_project(n, project)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                             "-d", str(project / "site")], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {n} documents failed:\n{result.stderr[-3000:]}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pages = sorted(((p.stat().st_size, p) for p in (project / "site").rglob("*.html")), reverse=True)
    return {"n": n, "seconds": seconds, "peak_mib": max(peak_kib, before) / 1024, "pages": len(pages),
            "largest": pages[0], "site_mib": sum(p.stat().st_size for p in (project / "site").rglob("*")
                                                if p.is_file()) / 2**20}


def main(sizes: list[int]) -> None:
    print(f"{'docs':>6} {'build s':>8} {'s/doc':>7} {'peak MiB':>9} {'pages':>6} {'site MiB':>9}  largest page")
    for n in sizes:
        r = build(n)
        size, path = r["largest"]
        print(f"{n:>6} {r['seconds']:>8.1f} {r['seconds'] / n:>7.3f} {r['peak_mib']:>9.0f} {r['pages']:>6} "
              f"{r['site_mib']:>9.1f}  {size / 1024:.0f} KiB {path.relative_to(OUT)}", flush=True)
        if size > 200 * 1024:
            print(f"       over the 200 KB page budget: {path}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000])
