"""Which of many regular expressions may match a line, found without trying each one.

The chrome rules are a hundred regular expressions, and most lines match none of them: trying each
in turn took half of the chrome step. A `Prefilter` reads each expression once, with the parser of
the standard library's ``re`` (its private ``re._parser``, as in Python 3.11 to 3.14), splits it
into its top-level alternatives and keeps, for each, conditions that every match of it meets:

* a gate: strings one of which every match holds (its longest literal run, a group's literals,
  the characters of a small class): 版权所有 for ``版权所有.{0,30}(?:未经|禁止)``;
* for an alternative anchored at the start of the line (``^…``), the characters it may start
  with, worked out once for each first character met.

`candidates` returns the expressions one of whose alternatives a line meets the conditions of: a
superset of those that match, so trying only them, in order, finds the same first match. A
construct this module does not know gives no condition (the expression stays a candidate): a
rule written a new way is only slower, never missed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # the parse tree's opcodes
from re import _parser

REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
EMPTY = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)  # items that match without consuming a character
CATEGORIES = {  # the classes of str patterns, as the regex engine tests them
    sre.CATEGORY_DIGIT: str.isdecimal, sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    sre.CATEGORY_SPACE: str.isspace, sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_")}
MAX_GATES = 64  # strings of a gate; an alternative whose gate would need more has none
MAX_ALTERNATIVES = 64  # top-level alternatives of an expression, each with its own gate


def _may_start(items: list, ch: str, flags: int) -> bool:
    """Whether a match of a sequence of parsed items may start with `ch` (True when unsure)."""
    for op, av in items:
        if _item_may_start(op, av, ch, flags):
            return True
        if not _may_be_empty(op, av, flags):
            return False
    return True  # the whole sequence may match nothing: any character may follow


def _item_may_start(op, av, ch: str, flags: int) -> bool:
    """`_may_start` of one parsed item."""
    if flags & re.IGNORECASE:
        return True
    if op is sre.LITERAL:
        return ch == chr(av)
    if op is sre.NOT_LITERAL:
        return ch != chr(av)
    if op is sre.IN:
        return _in_class(av, ch, flags)
    if op is sre.BRANCH:
        return any(_may_start(a.data, ch, flags) for a in av[1])
    if op is sre.SUBPATTERN:
        return (flags | av[1]) & re.IGNORECASE or _may_start(av[3].data, ch, flags | av[1])
    if op is sre.ATOMIC_GROUP:
        return _may_start(av.data, ch, flags)
    if op in REPEATS:
        return _may_start(av[2].data, ch, flags)
    return op not in EMPTY  # ANY, GROUPREF, …: any character; assertions consume none


def _may_be_empty(op, av, flags: int) -> bool:
    """Whether one parsed item may match the empty string (True when unsure)."""
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return False
    if op is sre.BRANCH:
        return any(all(_may_be_empty(o, a, flags) for o, a in alt.data) for alt in av[1])
    if op is sre.SUBPATTERN:
        return all(_may_be_empty(o, a, flags) for o, a in av[3].data)
    if op in REPEATS:
        return av[0] == 0 or all(_may_be_empty(o, a, flags) for o, a in av[2].data)
    return True


def _in_class(items: list, ch: str, flags: int) -> bool:
    """Whether `ch` is in a character class (True when unsure)."""
    if flags & (re.IGNORECASE | re.ASCII):
        return True
    negate = bool(items) and items[0][0] is sre.NEGATE
    hit = False
    for op, av in items[negate:]:
        if op is sre.LITERAL:
            hit = ch == chr(av)
        elif op is sre.RANGE:
            hit = av[0] <= ord(ch) <= av[1]
        elif op is sre.CATEGORY and av in CATEGORIES:
            hit = CATEGORIES[av](ch)
        else:
            return True
        if hit:
            break
    return hit != negate


def _alternatives(items: list) -> list[list]:
    """A sequence of parsed items as the sequences its top-level alternatives make (the parser
    moves what all alternatives share out of them: ^(?:a|b)|^c is ^ and a group of three)."""
    for k, (op, av) in enumerate(items):
        if op is sre.BRANCH:
            out = [seq for alt in av[1] for seq in _alternatives(items[:k] + alt.data + items[k + 1:])]
            return out if len(out) <= MAX_ALTERNATIVES else [items]
    return [items]


def _gate(items: list, flags: int) -> frozenset[str] | None:
    """Strings one of which every match of a sequence of parsed items holds (None if not known):
    its longest run of literal characters, or the gates of a group that every match passes
    through (one of each alternative), or the characters of a class."""
    options, run = [], []
    for op, av in items + [(None, None)]:
        if op is sre.LITERAL and not flags & re.IGNORECASE:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op is sre.BRANCH:
            gates = [_gate(a.data, flags) for a in av[1]]
            if all(gates):
                options.append(frozenset().union(*gates))
        elif op is sre.SUBPATTERN and (inner := _gate(av[3].data, flags | av[1])):
            options.append(inner)
        elif op in REPEATS and av[0] >= 1 and (inner := _gate(av[2].data, flags)):
            options.append(inner)
        elif op is sre.IN and not flags & re.IGNORECASE and all(o is sre.LITERAL for o, _ in av):
            options.append(frozenset(chr(c) for _, c in av))
    options = [o for o in options if len(o) <= MAX_GATES]
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


@lru_cache(maxsize=None)
def _test(gates: frozenset[str]):
    """What `candidates` tests a gate with: a string (`in`) or a regular expression of several."""
    if len(gates) == 1:
        return next(iter(gates))
    return re.compile("|".join(map(re.escape, sorted(gates, key=lambda g: (-len(g), g)))))


class Prefilter:
    """The expressions of a list that may match a text (see the module docstring)."""

    def __init__(self, regexes: list[re.Pattern]):
        # (index, items after the ^, flags, gate) of each anchored alternative
        self._anchored: list[tuple[int, list, int, frozenset[str] | None]] = []
        floating: dict[int, set[str] | None] = {}  # index -> the gates of its floating alternatives
        for i, regex in enumerate(regexes):
            for items in _alternatives(list(_parser.parse(regex.pattern, regex.flags).data)):
                gate = _gate(items, regex.flags)
                if items[:1] == [(sre.AT, sre.AT_BEGINNING)] and not regex.flags & re.MULTILINE:
                    self._anchored.append((i, items[1:], regex.flags, gate))
                elif gate is None:
                    floating[i] = None
                elif floating.get(i, ()) is not None:
                    floating[i] = floating.get(i, set()) | gate
        self._floating_free = frozenset(i for i, g in floating.items() if g is None)
        self._floating = tuple((i, _test(frozenset(g))) for i, g in floating.items() if g is not None)
        # the regular expression engine skips quickly to a possible first character of literals
        strings = sorted(set().union(*(g for g in floating.values() if g)))
        self._any_floating = re.compile("|".join(map(re.escape, strings)) or "(?!)")  # any gate at all
        self._by_first: dict[str, tuple[frozenset[int], tuple]] = {}

    def _first(self, first: str) -> tuple[frozenset[int], tuple]:
        """For lines that start with `first`: the expressions that need no test, and (index, test)
        of the others whose anchored alternatives may start so."""
        gates: dict[int, set[str] | None] = {}
        for i, items, flags, gate in self._anchored:
            if gates.get(i, ()) is not None and (not first or _may_start(items, first, flags)):
                gates[i] = None if gate is None else gates.get(i, set()) | gate
        free = self._floating_free | frozenset(i for i, g in gates.items() if g is None)
        return free, tuple((i, _test(frozenset(g))) for i, g in gates.items() if i not in free)

    def candidates(self, text: str) -> set[int]:
        """Indices of the expressions that may match somewhere in `text`."""
        first = text[:1]
        entry = self._by_first.get(first)
        if entry is None:
            entry = self._by_first[first] = self._first(first)
        free, anchored = entry
        found = set(free)  # (a floating test of an expression already found is skipped)
        for i, test in anchored + self._floating if self._any_floating.search(text) else anchored:
            if i not in found and (test in text if test.__class__ is str else test.search(text)):
                found.add(i)
        return found
