"""Rebuild tables that scraping flattened into one cell per line.

A flattened table looks like: a run of short header-like lines (序号 / 单位 / 主要意见 …), then the
cells of each row one per line, the first cell of every row a running number 1, 2, 3 … Cells are
lines; a truly empty line only separates cells, while an empty cell shows as a line of spaces (or
&nbsp;). A row may come back short when the page dropped empty cells at its end; it is padded with
empty cells. Nothing here knows any header words: the shape alone decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edit, Line, Table
from .common import WS

MAX_COLUMNS = 12
MAX_HEADER_CELL = 12
RUNNING = re.compile(r"^[（(]?0*(\d{1,3})[)）.、．]?$")
HEADER_PUNCT = re.compile(r"[。，；,;！？!?]")


@dataclass(frozen=True)
class Found:
    start: int  # index of the first header line in `lines`
    end: int  # index one past the last cell of the last row
    table: Table
    cells: int


def _header_like(text: str) -> bool:
    t = text.strip(WS)
    return (0 < len(t) <= MAX_HEADER_CELL and not HEADER_PUNCT.search(t) and not RUNNING.match(t)
            and any(ch.isalpha() for ch in t))


def _number(text: str) -> int | None:
    m = RUNNING.match(text.strip(WS))
    return int(m.group(1)) if m else None


def find(lines: list) -> list[Found]:
    """Every flattened table in `lines` (Line blocks; anything else is a barrier)."""
    # Cells: lines that are not truly empty (a line of spaces is an empty cell).
    cells = [i for i, b in enumerate(lines) if isinstance(b, Line) and b.text != ""]
    barrier = {i for i, b in enumerate(lines) if not isinstance(b, Line)}
    found: list[Found] = []
    c = 0
    while c < len(cells):
        i = cells[c]
        if _number(lines[i].text) != 1 or c < 2:
            c += 1
            continue
        hit = _try(lines, cells, c, barrier)
        if hit is None:
            c += 1
            continue
        found.append(hit)
        while c < len(cells) and cells[c] < hit.end:
            c += 1
    return found


def _gap(cells: list[int], a: int) -> int:
    """Blank lines between cell a-1 and cell a."""
    return cells[a] - cells[a - 1] - 1


def _try(lines: list, cells: list[int], first: int, barrier: set[int]) -> Found | None:
    # Header: the header-like cells right before the "1", evenly spaced.
    h = first - 1
    if not _header_like(lines[cells[h]].text):
        return None
    spacing = _gap(cells, first)
    head = [h]
    while (h - 1 >= 0 and len(head) < MAX_COLUMNS and _header_like(lines[cells[h - 1]].text)
           and _gap(cells, h) == spacing):
        h -= 1
        head.insert(0, h)
    if len(head) < 2:
        return None
    # Rows: each starts at the cell holding the next running number.
    k = len(head)
    rows: list[list[int]] = []
    c = first
    number = 1
    while c < len(cells) and _number(lines[cells[c]].text) == number:
        row = [c]
        c += 1
        while c < len(cells) and len(row) < k:
            if _number(lines[cells[c]].text) == number + 1 and len(row) >= 2:
                break  # the next row
            if _gap(cells, c) != spacing or any(cells[c - 1] < x < cells[c] for x in barrier):
                break  # the table's layout ends
            row.append(c)
            c += 1
        rows.append(row)
        number += 1
    if len(rows) < 2 or any(len(r) < 2 for r in rows):
        return None
    # The last row has no next number to end it: it is no longer than the rows before it, and
    # the header no wider than the widest row (a caption may sit right above the header).
    widest = max(len(r) for r in rows[:-1])
    rows[-1] = rows[-1][:widest]
    if len(head) > widest:
        head = head[len(head) - widest:]
        k = widest
    if sum(len(r) for r in rows) < len(rows) * k / 2:
        return None
    header = tuple(lines[cells[x]].text.strip(WS) for x in head)
    body = []
    for r in rows:
        values = [lines[cells[x]].text.strip(WS) for x in r]
        body.append(tuple(values + [""] * (k - len(values))))
    start = cells[head[0]]
    end = cells[rows[-1][-1]] + 1
    table = Table(no=lines[start].no, rows=(header, *body))
    return Found(start=start, end=end, table=table, cells=len(head) + sum(len(r) for r in rows))


def apply(lines: list) -> tuple[list, list[Edit]]:
    found = find(lines)
    if not found:
        return lines, []
    out: list = []
    edits: list[Edit] = []
    pos = 0
    for hit in found:
        out.extend(lines[pos:hit.start])
        t = hit.table
        columns = len(t.rows[0])
        last = lines[hit.end - 1].no
        edits.append(Edit("clean", "table.flattened", "joined",
                          f"{hit.cells} cells, one per line (lines {t.no}-{last})",
                          f"table of {columns} columns, {len(t.rows) - 1} rows", t.no,
                          "flattened table rebuilt: header row and one row per running number; "
                          "short rows padded with empty cells"))
        out.append(t)
        pos = hit.end
    out.extend(lines[pos:])
    return out, edits
