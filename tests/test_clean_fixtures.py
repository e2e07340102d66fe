"""The chrome corpus: pages imitating other portals and sharing sites (tests/fixtures/chrome/),
each cleaned to exactly the text beside it (X.expected.txt: a paragraph a line, tables as rows)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reformdocs.clean import clean

from .test_clean import assert_audited, render

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "chrome"
PAGES = sorted(p for p in FIXTURES.glob("*.txt") if not p.name.endswith(".expected.txt"))


def test_corpus_has_many_styles():
    assert len(PAGES) >= 12
    for page in PAGES:
        assert page.with_suffix(".expected.txt").exists(), page.name


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_cleaned_exactly(page):
    raw = page.read_text(encoding="utf-8")
    expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8").rstrip("\n")
    cleaned = clean(raw)
    assert render(cleaned) == expected
    assert cleaned.rejected == ""


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_audit_accounts_for_everything(page):
    raw = page.read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert_audited(raw, cleaned)
    lines = raw.split("\n")
    for e in cleaned.edits:
        if e.kind == "removed" and e.rule.startswith("chrome.") and not e.note.endswith("(phrase)"):
            assert e.before == lines[e.line - 1]


# Expected texts with a table write it as rows, not as the flattened cells a scrape has, so
# cleaning them again is not a fixed point by design; the others must be.
UNTABLED = [p for p in PAGES if "\n| " not in p.with_suffix(".expected.txt").read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", UNTABLED, ids=[p.stem for p in UNTABLED])
def test_fixture_is_a_fixed_point(page):
    """The expected text, cleaned again, stays as it is and needs no edit."""
    expected = page.with_suffix(".expected.txt").read_text(encoding="utf-8").rstrip("\n")
    cleaned = clean(expected)
    assert render(cleaned) == expected
    assert cleaned.edits == []
