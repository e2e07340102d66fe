"""Script conversion: the override list, and the editions of the real corpus."""
from __future__ import annotations

import opencc
import pytest

from reformdocs import pipeline, script, sources
from reformdocs.model import Line

from .conftest import SOURCES

OTHER = {"Hans": "Hant", "Hant": "Hans"}
ENTRIES = [(edition, key, value) for edition, table in script.overrides().items()
           for key, value in table.items()]


@pytest.fixture(scope="module")
def corpus():
    texts, problems = sources.read_sources(SOURCES)
    assert not problems
    return pipeline.process_corpus(texts).documents


def text_of(doc) -> str:
    """Every piece of a document that an edition shows converted: title, paragraphs, cells, headings."""
    blocks = list(doc.preamble) + [b for s in doc.all_sections() for b in s.blocks]
    parts = [doc.meta.title] + [s.title for s in doc.all_sections()] + [
        b.text if isinstance(b, Line) else "\n".join(sum(b.rows, ())) for b in blocks]
    return "\n".join(parts)


def test_override_list_is_not_empty_and_keyed_both_ways():
    tables = script.overrides()
    assert len(tables["Hant"]) >= 5 and len(tables["Hans"]) >= 5


@pytest.mark.parametrize("edition, key, value", ENTRIES, ids=[f"{e}:{k}" for e, k, _ in ENTRIES])
def test_each_override_corrects_opencc_and_survives_the_way_back(edition, key, value):
    # A real correction: plain OpenCC converts the phrase differently.
    assert opencc.OpenCC(script.CONFIGS[edition]).convert(key) != value
    # The phrase is written in the script it is converted from, the correction in the target's.
    assert all(script.in_script(ch, OTHER[edition]) for ch in key), key
    assert all(script.in_script(ch, edition) for ch in value), value
    assert len(key) == len(value)
    # One way: the override wins, alone and inside a sentence.
    assert script.convert(key, edition) == value
    assert script.convert(f"为此，{key}。", edition) == script.convert("为此，", edition) + value + "。"
    # The other way and back: the corrected phrase comes back to itself.
    assert script.convert(script.convert(value, OTHER[edition]), edition) == value


def test_corpus_conversion_is_length_preserving_both_ways(corpus):
    assert len(corpus) == 5
    for doc in corpus:
        text = text_of(doc)
        for edition in script.EDITIONS:
            assert len(script.convert(text, edition)) == len(text), (doc.slug, edition)
            assert len(script.edition_text(text, edition, doc.meta.script)) == len(text), (doc.slug, edition)


def test_corpus_editions_are_in_their_script_and_round_trip(corpus):
    for doc in corpus:
        text = text_of(doc)
        editions = {e: script.edition_text(text, e, doc.meta.script) for e in script.EDITIONS}
        for edition, shown in editions.items():
            stray = {ch for ch in shown if not script.in_script(ch, edition)}
            # 001's own characters outside Big5 that no standard replaces (銹) are kept as written.
            assert stray <= set(text), (doc.slug, edition, stray - set(text))
        assert script.convert(editions["Hant"], "Hans") == editions["Hans"], doc.slug


def test_overrides_apply_where_the_corpus_has_them(corpus):
    """Every place a corpus text holds an override's phrase, the other edition shows the correction."""
    hits = 0
    for doc in corpus:
        text = text_of(doc)
        for edition, key, value in ENTRIES:
            if doc.meta.script == edition:
                continue
            shown = script.edition_text(text, edition, doc.meta.script)
            start = text.find(key)
            while start != -1:
                assert shown[start:start + len(key)] == value, (doc.slug, key)
                hits += 1
                start = text.find(key, start + 1)
    assert hits >= 8  # 新征程, 作者系, 指明了 in the Simplified texts; 著力, 著眼 in 001


def test_001_original_characters_in_traditional_converted_in_simplified(corpus):
    taiyuan = next(d for d in corpus if d.meta.script == "Hant")
    assert taiyuan.source_name.startswith("001_")
    text = text_of(taiyuan)
    hant = script.edition_text(text, "Hant", "Hant")
    hans = script.edition_text(text, "Hans", "Hant")
    assert "並政發〔2013〕30號" in hant and "并政发〔2013〕30号" in hans
    # Its own valid forms stay, where OpenCC's s2t standard would write 考覈 and 羣.
    assert "考核" in hant and "考覈" not in hant and "困難群體" in hant
    # Stray Simplified characters of the scrape are normalised: every standard agrees on them.
    assert "并" not in hant and "后發優勢" not in hant and "後發優勢" in hant


def test_detect_tells_the_scripts_apart(corpus):
    assert {d.source_name[:3]: script.detect(text_of(d)) for d in corpus} == {
        "000": "Hans", "001": "Hant", "002": "Hans", "003": "Hans", "004": "Hans"}
