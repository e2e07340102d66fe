"""Cite this section: what a page holds for the GB/T 7714-2015 reference and BibTeX entry of each
of its sections.

The document's part (issuer, title, number, date, access date) is on the page once, as hidden
text; each section's cite control holds its path and absolute URL. The browser script
docs/javascripts/cite.js puts them together when a control is opened, so a page with a hundred
sections does not carry a hundred copies of the document's reference. Without the script, the
control still shows the section's path and permalink. Scraped text is only ever element text.

The access date is the build date, which must not depend on the day the build runs: the hook
passes `offline.build_date` (SOURCE_DATE_EPOCH when set, the reproducible-builds convention, else
the date of the latest git commit), as a UTC day.
"""
from __future__ import annotations

import html

from ..model import Document, Section
from ..script import edition_text


def cite_data(doc: Document, edition: str, accessed: str) -> str:
    """The document's part of every reference on its page (div.cite-data, hidden)."""
    def conv(text: str) -> str:
        return edition_text(text, edition, doc.meta.script)

    m = doc.meta
    fields = [("key", doc.slug), ("issuer", conv(m.issuer)), ("title", conv(m.title) or doc.slug),
              ("number", conv(m.doc_number)), ("date", m.date), ("accessed", accessed)]
    spans = "".join(f'<span class="cite-{k}">{html.escape(v)}</span>' for k, v in fields)
    return f'<div class="cite-data" hidden>{spans}</div>'


def cite_control(doc: Document, path: list[Section], edition: str, url: str, label: str) -> str:
    """A section's cite control: its path from the top level and its absolute URL."""
    where = " ".join(edition_text(s.marker + s.title, edition, doc.meta.script).strip() for s in path)
    return (f'<details class="cite"><summary>{html.escape(label)}</summary>'
            f'<p class="cite-where">{html.escape(where)}</p><p class="cite-url">{html.escape(url)}</p></details>')
