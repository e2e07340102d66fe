"""The editorial notes (校勘记) as a reader sees them in Chromium: the audit table of a document
with many edits of every kind (003: chrome, a rebuilt table, punctuation) keeps Latin words whole
("6 rows", "lead byte") on a phone and on a desktop, in both editions; only a string too long for
its cell (a URL) may break inside."""
from __future__ import annotations

import pytest

TONGGUAN = "documents/tongguan-five-development-actions-2018-draft/index.html"

# Each Latin word of the audit table's cells (short enough to fit any cell) and how many line
# boxes it takes: a word broken over two lines takes two.
SPLIT_WORDS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('.audit-table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[A-Za-z]{2,12}/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        out.push([m[0], lines.size]);
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_audit_table_keeps_words_whole(browser, site_url, prefix, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(site_url + prefix + TONGGUAN)
        words = page.evaluate(SPLIT_WORDS)
    finally:
        page.close()
    assert len(words) > 100  # the notes are there, in English
    assert "rows" in {w for w, _ in words}  # the rebuilt table's row
    split = sorted({w for w, lines in words if lines > 1})
    assert not split, f"words broken over two lines: {split}"


# The width of each edit's "before" cell, and the page's width.
BEFORE_WIDTHS = """() => [[...document.querySelectorAll('.audit-table tr:not(.audit-rule) td:nth-child(2)')]
  .map(td => td.getBoundingClientRect().width), document.documentElement.clientWidth]"""


@pytest.mark.parametrize("prefix", ["", "zh-Hant/"])
def test_audit_table_is_a_list_of_cards_on_a_phone(browser, site_url, prefix):
    """On a phone each edit is a card (its line number beside the text it changed, then what
    came of it and the note), so the text it changed has most of the screen's width instead of
    a quarter of it, and nothing runs off the screen."""
    page = browser.new_page(viewport={"width": 390, "height": 900})
    try:
        page.goto(site_url + prefix + TONGGUAN)
        widths, screen = page.evaluate(BEFORE_WIDTHS)
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        page.close()
    assert len(widths) > 50
    assert min(widths) >= 0.6 * screen, f"narrowest 'before' cell {min(widths):.0f} px of {screen} px"
    assert overflow <= screen
