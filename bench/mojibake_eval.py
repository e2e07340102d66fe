"""Repair quality of the mojibake step on simulated damage, for its current and other settings.

    python bench/mojibake_eval.py [--sites N] [--set search.top_readings=8,search.fillers=8] ...

A narrower search (data/mojibake.yml, section `search`) is faster but may repair worse; this
measures how much worse before a setting is changed. Real lines of the five bundled texts
(Traditional and Simplified as they come; the lines of 001 that are themselves damaged left out)
are damaged the way lost GBK bytes damage them (`damage`), at deterministic positions, losing 0, 1
or 2 whole characters before the character whose lead byte went. Each damaged line is repaired in
its own text (the repair learns the text's vocabulary from its undamaged parts), and what the
repair put in is aligned with the original characters.

Each `--set` is one setting (comma-separated overrides of data/mojibake.yml); the current setting
is always the first row. Columns, summed over all sites:

    exact     sites given back exactly (every character, no conjecture or lacuna mark)
    unrep     sites left as they were (no repair made)
    left      sites where a marker or misaligned characters were left after the repair
    no err    sites repaired without any wrong or dropped character (lacunae allowed)
    sure ok   characters given as certain and right
    SURE BAD  characters given as certain and wrong: the worst error, a reader has no sign of it
    dropped   original characters left out without a lacuna mark (as silent)
    conj ok / conj bad   characters supplied in conjecture brackets, right / wrong
    lacunae   lacuna marks standing for lost characters
    void lac  lacuna marks where nothing was lost (false alarms)
    ms/site   CPU milliseconds per site (the text's vocabulary learnt once per batch of sites)
    001 ms    CPU milliseconds of one pass over the damaged seed 001 (best of 3)
    001 diff  repairs of 001 that differ from the current setting's

Every setting starts from a freshly loaded model, so none is timed on the memos of another.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reformdocs.clean import mojibake  # noqa: E402
from reformdocs.decode import decode  # noqa: E402
from reformdocs.model import Line  # noqa: E402

SOURCES = ROOT / "source_texts"
DAMAGED = "001_006c4d63c36b7a44.txt"
BATCH = 10  # damaged lines repaired together in one copy of their text


def damage(text: str, at: int, lost: int = 0) -> str:
    """`text` with the bytes of `lost` characters at `at`, and the lead byte of the next one,
    replaced by '?' in GBK, decoded again (errors replaced, as a scraper would)."""
    raw = text.encode("gbk")
    start = len(text[:at].encode("gbk"))
    end = start + len(text[at:at + lost].encode("gbk")) + 1
    return (raw[:start] + b"?" + raw[end:]).decode("gbk", errors="replace")


def text_lines(path: Path) -> list[Line]:
    text = decode(path.read_bytes(), path.name).text
    return [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]


def _double(ch: str) -> bool:
    try:
        return len(ch.encode("gbk")) == 2
    except UnicodeEncodeError:
        return False


def _usable(text: str) -> bool:
    """A line that can carry a site: undamaged, all GBK, with Chinese characters."""
    if "?" in text or "\ufffd" in text or not re.search("[\u4e00-\u9fff]", text):
        return False
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Site:
    """Line `no` of a text damaged at `at`, `lost` whole characters before the lead byte."""

    text: str  # file name
    no: int
    at: int
    lost: int


def sites(count: int, seed: int = 0) -> list[Site]:
    """`count` different sites, drawn alike from each text and each number of lost characters."""
    rng = random.Random(seed)
    paths = sorted(SOURCES.glob("*.txt"))
    out = []
    for i in range(count):
        path, lost = paths[i % len(paths)], i // len(paths) % 3
        lines = [line for line in text_lines(path) if _usable(line.text)]
        while True:
            line = rng.choice(lines)
            starts = [at for at in range(len(line.text) - lost)
                      if all(_double(ch) for ch in line.text[at:at + lost + 1])]
            site = Site(path.name, line.no, rng.choice(starts), lost) if starts else None
            if site and site not in out:
                out.append(site)
                break
    return out


def batches(found: list[Site]) -> list[list[Site]]:
    """Sites grouped by text, at most BATCH a group and never two on one line."""
    groups: list[list[Site]] = []
    for name in sorted({s.text for s in found}):
        todo = [s for s in found if s.text == name]
        while todo:
            group, taken = [], set()
            for s in todo:
                if s.no not in taken and len(group) < BATCH:
                    group.append(s)
                    taken.add(s.no)
            groups.append(group)
            todo = [s for s in todo if s not in group]
    return groups


# --- scoring a repaired line ---------------------------------------------------------------------

SURE, CONJ, LACUNA, LEFT = "sure", "conj", "lacuna", "left"


def _tokens(damaged: str, edits) -> list[tuple[str, str]]:
    """The repaired line as (kind, character): what the edits put in, and the damaged line's own
    characters between them (LEFT); a lacuna is one token with no character."""
    lacuna = mojibake.config()["marks"]["lacuna"]
    opening, closing = mojibake.config()["marks"]["conjecture"]
    mark = re.compile(f"{re.escape(lacuna)}|{re.escape(opening)}(.*?){re.escape(closing)}|(.)")
    out, pos = [], 0
    for edit in edits:
        i = damaged.index(edit.before, pos)
        out += [(LEFT, ch) for ch in damaged[pos:i]]
        for m in mark.finditer(edit.after):
            if m.group(2) is not None:
                out.append((SURE, m.group(2)))
            elif m.group(1) is not None:
                out += [(CONJ, ch) for ch in m.group(1)]
            else:
                out.append((LACUNA, ""))
        pos = i + len(edit.before)
    return out + [(LEFT, ch) for ch in damaged[pos:]]


def _align(tokens: list[tuple[str, str]], original: str) -> dict[str, int]:
    """Counts of the best alignment of the repair's tokens with the original characters.

    A character token stands for one original character (right or wrong) or for none (put in
    from nowhere: wrong); a lacuna for one to three, or for none (a false alarm: nothing was
    lost there); an original character nobody stands for was dropped. The alignment with the
    fewest errors is taken.
    """
    n, m = len(tokens), len(original)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: dict[tuple[int, int], tuple[int, int, str]] = {}
    cost[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == inf:
                continue
            moves = []
            if j < m:
                moves.append((i, j + 1, 1, "dropped"))
            if i < n:
                kind, ch = tokens[i]
                if kind == LACUNA:  # standing for nothing, it is a false alarm
                    moves += [(i + 1, j + k, 0 if k else 1, "lacuna" if k else "void lacuna")
                              for k in (0, 1, 2, 3) if j + k <= m]
                else:
                    moves.append((i + 1, j, 1, f"{kind} bad"))
                    if j < m:
                        ok = ch == original[j]
                        what = f"{kind} {'ok' if ok else 'bad'}"
                        moves.append((i + 1, j + 1, 0 if ok else 1, what))
            for a, b, extra, what in moves:
                if c + extra < cost[a][b]:
                    cost[a][b] = c + extra
                    step[a, b] = (i, j, what)
    counts: dict[str, int] = {}
    at = (n, m)
    while at != (0, 0):
        i, j, what = step[at]
        counts[what] = counts.get(what, 0) + 1
        at = (i, j)
    return counts


@dataclass
class Tally:
    sites: int = 0
    exact: int = 0
    unrepaired: int = 0
    left: int = 0
    no_error: int = 0
    sure_ok: int = 0
    sure_bad: int = 0
    dropped: int = 0
    conj_ok: int = 0
    conj_bad: int = 0
    lacunae: int = 0
    void: int = 0
    cpu: float = 0.0

    def add(self, original: str, damaged: str, repaired: str, edits) -> None:
        """Score one site: the repair of `damaged` (line `repaired`, `edits`) against `original`."""
        self.sites += 1
        self.exact += repaired == original
        self.unrepaired += not edits
        if not edits:
            return
        tokens = _tokens(damaged, edits)
        head = 0  # the untouched characters before and after the site are not counted
        while head < min(len(tokens), len(original)) and tokens[head] == (LEFT, original[head]):
            head += 1
        tail = 0
        while (tail < min(len(tokens), len(original)) - head
               and tokens[-1 - tail] == (LEFT, original[-1 - tail])):
            tail += 1
        middle = tokens[head:len(tokens) - tail]
        self.left += any(kind == LEFT for kind, _ in middle)
        counts = _align([t for t in middle if t[0] != LEFT], original[head:len(original) - tail])
        self.sure_ok += counts.get("sure ok", 0)
        self.sure_bad += counts.get("sure bad", 0)
        self.dropped += counts.get("dropped", 0)
        self.no_error += not any(counts.get(k) for k in ("sure bad", "dropped", "conj bad"))
        self.conj_ok += counts.get("conj ok", 0)
        self.conj_bad += counts.get("conj bad", 0)
        self.lacunae += counts.get("lacuna", 0)
        self.void += counts.get("void lacuna", 0)


# --- one setting ---------------------------------------------------------------------------------


def configure(overrides: dict[str, object]) -> None:
    """Reload data/mojibake.yml with `overrides` ('section.key' -> value) and a fresh model."""
    mojibake.config.cache_clear()
    mojibake.model.cache_clear()
    config = mojibake.config()
    for dotted, value in overrides.items():
        *path, key = dotted.split(".")
        section = config
        for part in path:
            section = section[part]
        if key not in section:
            raise SystemExit(f"no such setting: {dotted}")
        section[key] = value
    mojibake.model()  # loaded outside the timing


def evaluate(groups: list[list[Site]]) -> tuple[Tally, float, list]:
    """The tally over the sites, 001's pass time (ms, best of 3) and 001's repairs."""
    tally = Tally()
    texts: dict[str, list[Line]] = {}
    for group in groups:
        lines = texts.setdefault(group[0].text, text_lines(SOURCES / group[0].text))
        doc = [line for line in lines if not re.search("[?\ufffd]", line.text)]  # 001's own damage
        damaged = {s.no: damage(lines[s.no - 1].text, s.at, s.lost) for s in group}
        doc = [Line(line.no, damaged.get(line.no, line.text)) for line in doc]
        start = time.process_time()
        out, edits = mojibake.apply(doc)
        tally.cpu += time.process_time() - start
        repaired = {line.no: line.text for line in out}
        for s in group:
            tally.add(lines[s.no - 1].text, damaged[s.no], repaired[s.no],
                      [e for e in edits if e.line == s.no])
    seed = text_lines(SOURCES / DAMAGED)
    times = []
    for _ in range(3):
        start = time.process_time()
        _, edits = mojibake.apply(seed)
        times.append(time.process_time() - start)
    return tally, min(times) * 1e3, [(e.line, e.kind, e.before, e.after) for e in edits]


def parse(setting: str) -> dict[str, object]:
    """'search.top_readings=8,search.fillers=8' -> {'search.top_readings': 8, ...}"""
    out = {}
    for item in filter(None, setting.split(",")):
        key, _, value = item.partition("=")
        out[key.strip()] = yaml.safe_load(value)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=300, help="number of damage sites")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE[,KEY=VALUE]",
                        help="one setting to compare with the current one (repeatable)")
    args = parser.parse_args()
    groups = batches(sites(args.sites))
    per_lost = [sum(s.lost == k for g in groups for s in g) for k in range(3)]
    print(f"{args.sites} sites in {len(groups)} batches (lost 0/1/2 characters: "
          f"{', '.join(map(str, per_lost))})")
    print(f"{'setting':<44} {'exact':>5} {'unrep':>5} {'left':>4} {'no err':>6} {'sure ok':>7} "
          f"{'SURE BAD':>8} {'dropped':>7} {'conj ok':>7} {'conj bad':>8} {'lacunae':>7} {'void lac':>8} "
          f"{'ms/site':>7} {'001 ms':>6} {'001 diff':>8}")
    base = None
    for setting in ["", *args.set]:
        configure(parse(setting))
        tally, seed_ms, seed_edits = evaluate(groups)
        base = seed_edits if base is None else base
        diff = sum(a != b for a, b in zip(seed_edits, base)) + abs(len(seed_edits) - len(base))
        t = tally
        print(f"{setting or 'current':<44} {t.exact:5} {t.unrepaired:5} {t.left:4} {t.no_error:6} "
              f"{t.sure_ok:7} {t.sure_bad:8} {t.dropped:7} {t.conj_ok:7} {t.conj_bad:8} "
              f"{t.lacunae:7} {t.void:8} {t.cpu / t.sites * 1e3:7.1f} {seed_ms:6.0f} {diff:8}", flush=True)


if __name__ == "__main__":
    main()
