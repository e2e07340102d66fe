"""Departments: the units a task list names as leading or sharing each task.

A role word (牵头部门, 责任单位 … in data/links.yml) followed by a colon introduces a list of units,
which runs to the end of the clause; the units are split on 、，,/ and merged through the alias
table. A department is named within its document's region: 市发改委 of Taiyuan is not 市发改委 of
Changsha.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .text import Para, rules

ROLES = ("lead", "share")


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, dict[str, str], dict[str, str], int, int]:
    r = rules("departments")
    words = sorted(r["roles"], key=len, reverse=True)
    ends = re.escape(r["list_end"])
    clause = re.compile(f"({'|'.join(map(re.escape, words))})\\s*[:：]\\s*([^{ends}]+)")
    split = re.compile(f"[{re.escape(r['separators'])}]")
    return clause, split, dict(r["roles"]), dict(r["aliases"]), r["min_name"], r["max_name"]


def find_units(text: str) -> list[tuple[str, str, int, int]]:
    """(role, unit name, start, end) for every unit a Simplified paragraph names, in order; the
    name is the one the unit is listed under, start:end where the text writes it."""
    clause, split, roles, aliases, shortest, longest = _rules()
    found = []
    for m in clause.finditer(text):
        pos = m.start(2)
        for piece in split.split(m.group(2)):
            name = piece.strip(" 　\t")
            start = pos + piece.index(name) if name else pos
            pos += len(piece) + 1
            if shortest <= len(name) <= longest:
                found.append((roles[m.group(1)], aliases.get(name, name), start, start + len(name)))
    return found


@dataclass
class Departments:
    # (region, unit) -> {role: {(slug, place): None}} (an ordered set of tasks)
    units: dict[tuple[str, str], dict[str, dict[tuple[str, str], None]]] = field(
        default_factory=lambda: defaultdict(lambda: {role: {} for role in ROLES}))
    # (slug, place, paragraph index) -> [(start, end, (region, unit))]: every unit named
    spans: dict[tuple[str, str, int], list[tuple[int, int, tuple[str, str]]]] = field(
        default_factory=lambda: defaultdict(list))

    def add(self, para: Para, region: str) -> None:
        for role, name, start, end in find_units(para.text):
            self.units[(region, name)][role][(para.slug, para.place)] = None
            if para.aligned:
                self.spans[(para.slug, para.place, para.index)].append((start, end, (region, name)))
