"""Stage 2, clean: decoded text -> the document's own paragraphs and tables, every edit audited.

Each step is a module with ``apply(lines) -> (lines, edits)``; they run in the order of STEPS:

1. ``mojibake``     GBK misalignment repair (first: it reads the pinyin the next step removes)
2. ``pinyin``       pinyin a converting site inserted after characters
3. ``chrome``       the hosting site's page furniture: known families (data/chrome.yml) and
                    conservative structural signals
4. ``table``        flattened tables (one cell per line) rebuilt as Table blocks; the steps after
                    it pass Table blocks through untouched
5. ``pages``        page marks and page counters removed, cut sentences re-joined, fixed-width
                    wraps undone (data/pages.yml)
6. ``paragraphs``   one Line per paragraph: whitespace, run-on and flattened text split at
                    outline markers, titles split off
7. ``punctuation``  half-width punctuation in Chinese text made full-width (GB/T 15834)

Rules that describe the outside world (chrome patterns, page marks ...) live in ``data/``.
Body text is never dropped: every removal is an Edit naming its rule.
"""
from __future__ import annotations

from ..model import Cleaned, Edit, Line, Table
from . import chrome, mojibake, pages, paragraphs, pinyin, punctuation, table
from .chrome import LineFrequency
from .common import RUN, Run, count_ideographs

STEPS = (mojibake, pinyin, chrome, table, pages, paragraphs, punctuation)

# A text whose Chinese characters are mostly lost (shown as '?') cannot be published.
MAX_DAMAGE = 0.5

__all__ = ["clean", "STEPS", "LineFrequency", "damage"]


def damage(text: str) -> float:
    """Share of the text's Chinese characters that are lost to encoding damage (0..1)."""
    if "?" not in text and "\ufffd" not in text:
        return 0.0  # damage shows as '?' (or U+FFFD) where characters were lost
    return float(mojibake.damage_ratio(text))


def clean(text: str, corpus: LineFrequency | None = None) -> Cleaned:
    """Clean a decoded text. Body text is never dropped: every removal is an audited rule.

    `corpus` (optional) is a table of how many documents of the corpus each short line occurs in
    (``LineFrequency.from_texts(texts)``); lines common to many documents are then chrome.
    """
    context = Run(corpus=corpus)
    token = RUN.set(context)
    try:
        blocks: list = [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]
        edits: list[Edit] = []
        for step in STEPS:
            blocks, step_edits = step.apply(blocks)
            edits.extend(step_edits)
    finally:
        RUN.reset(token)
    blocks = [b for b in blocks if isinstance(b, Table) or b.text.strip()]
    body = "\n".join(b.text if isinstance(b, Line) else "\n".join("\t".join(r) for r in b.rows)
                     for b in blocks)
    rejected = ""
    if not blocks or count_ideographs(body) == 0:
        rejected = "no Chinese text is left once the page furniture is removed"
    else:
        lost = damage(body)
        if lost > MAX_DAMAGE:
            rejected = (f"{lost:.0%} of its Chinese characters are lost to encoding damage "
                        "(shown as '?')")
    return Cleaned(blocks=blocks, edits=edits, rejected=rejected, catalog=context.catalog)
