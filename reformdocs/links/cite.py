"""Cite this section: a GB/T 7714-2015 reference and a BibTeX entry for any section.

The access date printed in references is the build date, which must not depend on the day the
build runs: the hook passes `offline.build_date` (SOURCE_DATE_EPOCH when set, the reproducible-builds
convention, else the date of the latest git commit), as a UTC day.
"""
from __future__ import annotations

from ..model import Document, Section
from ..script import edition_text


def _bib(value: str) -> str:
    """A BibTeX field value: braces and backslashes would end or escape it."""
    return value.replace("\\", "").replace("{", "(").replace("}", ")")


def references(doc: Document, path: list[Section], edition: str, url: str,
               accessed: str) -> tuple[str, str]:
    """(GB/T 7714-2015 reference, BibTeX entry) for section `path[-1]` of `doc` in `edition`."""
    def conv(text: str) -> str:
        return edition_text(text, edition, doc.meta.script)

    m = doc.meta
    title = conv(m.title) or doc.slug
    number = conv(m.doc_number)
    where = " ".join(conv(s.marker + s.title).strip() for s in path)
    parts = [f"{conv(m.issuer)}. " if m.issuer else "",
             f"{title}（{number}）" if number else title, f": {where}" if where else "",
             "[EB/OL]. ", f"({m.date})" if m.date else "", f"[{accessed}]. {url}."]
    gbt = "".join(parts)
    key = f"{doc.slug}:{path[-1].id}" if path else doc.slug
    fields = [("title", _bib(f"{title}: {where}" if where else title)),
              # an institution as author: braced, so BibTeX does not split it into names
              ("author", "{" + _bib(conv(m.issuer)) + "}" if m.issuer else ""),
              ("number", _bib(number)), ("date", m.date), ("url", url), ("urldate", accessed)]
    bibtex = "@misc{" + key + ",\n" + "".join(f"  {k} = {{{v}}},\n" for k, v in fields if v) + "}"
    return gbt, bibtex
