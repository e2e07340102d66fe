"""Cleaning throughput on one core, in MB/s of UTF-8 input (target: at least 2 MB/s).

    python bench/clean_bench.py [MB]          (synthetic corpus size, default 5)

Two corpora:
* bundled: the five seed texts and the chrome corpus of tests/fixtures/chrome, cleaned repeatedly;
* synthetic: documents recombined from the cleaned paragraphs of the seeds, each wrapped in chrome
  of the data file (head and tail), some cut into page chunks with counters, some flattened onto
  one line (deterministic: a fixed random seed).

The stage is timed with and without the mojibake step (its first call loads a language model,
which is timed apart); the figure that matters for the target is the full stage.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reformdocs.clean as stage  # noqa: E402
from reformdocs.clean import clean  # noqa: E402
from reformdocs.clean.common import load_data  # noqa: E402
from reformdocs.decode import decode  # noqa: E402
from reformdocs.model import Line  # noqa: E402

SOURCES = ROOT / "source_texts"
FIXTURES = ROOT / "tests" / "fixtures" / "chrome"


def bundled() -> list[str]:
    texts = [decode(p.read_bytes(), p.name).text for p in sorted(SOURCES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))
              if not p.name.endswith(".expected.txt")]
    return texts


def chrome_examples() -> list[str]:
    out = []
    for fam in load_data("chrome.yml")["families"]:
        for p in fam["patterns"]:
            if p["scope"] == "line":
                out += p["examples"]
    return out


def synthetic(megabytes: float, seed: int = 9704) -> list[str]:
    rng = random.Random(seed)
    paragraphs = []
    for text in bundled()[:5]:
        paragraphs += [b.text for b in clean(text).blocks if isinstance(b, Line)]
    chrome = chrome_examples()
    docs, size = [], 0
    while size < megabytes * 1e6:
        body = rng.sample(paragraphs, rng.randint(8, 40))
        style = rng.random()
        if style < 0.25:  # a sharing site's page chunks
            flat = "".join(body)
            cuts = sorted(rng.sample(range(100, max(101, len(flat) - 100)), k=min(12, len(flat) // 400 + 1)))
            chunks = [flat[a:b] for a, b in zip([0] + cuts, cuts + [len(flat)])]
            body = [f"{n}、{c}\n" for n, c in enumerate(chunks, start=1)]
        elif style < 0.35:  # flattened onto one line
            body = [" ".join(body)]
        text = "\n".join(rng.sample(chrome, 6) + body + rng.sample(chrome, 8))
        docs.append(text)
        size += len(text.encode("utf-8"))
    return docs


def throughput(texts: list[str], rounds: int = 1) -> tuple[float, float, float]:
    """MB cleaned, CPU seconds of this process (one core, fair on a busy machine), wall seconds."""
    size = sum(len(t.encode("utf-8")) for t in texts) * rounds
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            clean(t)
    return size / 1e6, time.process_time() - cpu, time.perf_counter() - wall


def report(label: str, texts: list[str], rounds: int = 1) -> float:
    mb, cpu, wall = throughput(texts, rounds)
    rate = mb / cpu
    print(f"  {label:<40} {mb:6.2f} MB  cpu {cpu:6.2f} s  {rate:6.2f} MB/s   (wall {wall:6.2f} s)")
    return rate


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    steps = [s.__name__.rsplit(".", 1)[-1] for s in stage.STEPS]
    print(f"clean stage: {' -> '.join(steps)}  (one core, target >= 2 MB/s)")
    corpus = bundled()
    # Warm-up: data files, regular expressions, and the mojibake model, which only a damaged text
    # loads (the first seed has none: warming up on it alone left the load in the first round).
    start = time.perf_counter()
    for text in corpus:
        clean(text)
    print(f"  warm-up (one pass: data files, models)   wall {time.perf_counter() - start:6.2f} s")
    docs = synthetic(megabytes)
    rates = {"bundled": report(f"bundled ({len(corpus)} texts x 20)", corpus, rounds=20),
             "synthetic": report(f"synthetic ({len(docs)} documents)", docs)}
    full = stage.STEPS
    mine = tuple(s for s in full if not s.__name__.endswith(".mojibake"))
    if mine != full:
        stage.STEPS = mine
        try:
            print("without the mojibake step:")
            report(f"bundled ({len(corpus)} texts x 20)", corpus, rounds=20)
            report(f"synthetic ({len(docs)} documents)", docs)
        finally:
            stage.STEPS = full
    print("per step (bundled x 5, cpu):")
    for name, seconds, rate in per_step(corpus, rounds=5):
        print(f"  {name:<40} cpu {seconds:6.2f} s  {rate:8.2f} MB/s")
    for inside, where in ((False, "and no body line (every line at an edge)"),
                          (True, "between two body lines (every line in the body)")):
        print(f"one text of N short lines {where}, cpu:")
        times = [short_lines(n, inside) for n in (20_000, 40_000)]
        print(f"  20,000 lines {times[0]:.2f} s, 40,000 lines {times[1]:.2f} s: "
              f"x{times[1] / times[0]:.2f} for twice the lines (2 = linear)")
    for label, rate in rates.items():
        print(f"{label}: {rate:.2f} MB/s -> {'target met' if rate >= 2.0 else 'TARGET MISSED (>= 2 MB/s)'}")


def short_lines(n: int, inside: bool) -> float:
    """CPU seconds to clean a text of `n` short lines: without body text, all of it is head and
    tail, where the chrome rules compare lines with their neighbours; `inside` two body lines,
    all of it is body, where a short line is compared with the line above it. The lines wrap at
    one width, so that they are joined into one paragraph."""
    body = ["为全面贯彻落实党的十九大精神，更加坚定自觉地用新发展理念统领发展全局，决定对行动计划进行丰富提升。"]
    text = "\n".join(body * inside + [f"栏目{i % 50}_网站名称_{i}" for i in range(n // 2)] +
                     [f"短行第{i}条" for i in range(n // 2)] + body * inside)
    start = time.process_time()
    clean(text)
    return time.process_time() - start


def per_step(texts: list[str], rounds: int = 5) -> list[tuple[str, float, float]]:
    """CPU seconds and MB/s of each step over `texts` (each step fed what the one before made)."""
    from reformdocs.clean.common import RUN, Run
    totals = {s.__name__.rsplit(".", 1)[-1]: 0.0 for s in stage.STEPS}
    for _ in range(rounds):
        for text in texts:
            token = RUN.set(Run())
            blocks = [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]
            for step in stage.STEPS:
                start = time.process_time()
                blocks, _ = step.apply(blocks)
                totals[step.__name__.rsplit(".", 1)[-1]] += time.process_time() - start
            RUN.reset(token)
    mb = sum(len(t.encode("utf-8")) for t in texts) * rounds / 1e6
    return [(name, sec, mb / sec if sec else float("inf")) for name, sec in totals.items()]


if __name__ == "__main__":
    main()
