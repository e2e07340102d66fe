"""Stage 2, clean: decoded text -> the document's own paragraphs and tables, every edit audited.

Each step is a module with ``apply(lines) -> (lines, edits)``; they run in the order of STEPS.
Rules that describe the outside world (chrome patterns, page markers ...) live in ``data/``.
"""
from __future__ import annotations

from ..model import Cleaned, Edit, Line
from . import pinyin

STEPS = (pinyin,)


def clean(text: str) -> Cleaned:
    """Clean a decoded text. Body text is never dropped: every removal is an audited rule."""
    lines = [Line(no, t) for no, t in enumerate(text.split("\n"), start=1)]
    edits: list[Edit] = []
    for step in STEPS:
        lines, step_edits = step.apply(lines)
        edits.extend(step_edits)
    blocks = [line for line in lines if line.text.strip()]
    return Cleaned(blocks=blocks, edits=edits)
