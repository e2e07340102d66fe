"""Navigation that stays small: lists nested in numbered runs, and the rows a listing page holds.

Every page carries the navigation expanded down to itself (Material's navigation.prune), so a nav
list that grew with the corpus would make every page grow with it.
"""
from __future__ import annotations

PAGE_ROWS = 100  # rows of a listing page, items of a nav list: every page small at 10,000 documents


def bounded(items: list, first: int = 1) -> list:
    """Nav items nested in numbered runs ("1–100", "101–200" …) so no list exceeds PAGE_ROWS.

    Every page carries the nav expanded down to itself (navigation.prune): one list that grew with
    the corpus would make every page grow with it, and the site quadratic in documents.
    """
    if len(items) <= PAGE_ROWS:
        return items
    size = PAGE_ROWS
    while len(items) > size * PAGE_ROWS:
        size *= PAGE_ROWS
    return [{f"{first + i}–{first + min(i + size, len(items)) - 1}": bounded(items[i:i + size], first + i)}
            for i in range(0, len(items), size)]
