"""Downloads: per-document files, the corpus as data, the offline zip (see reformdocs/export.py,
reformdocs/offline.py). On the real site built from source_texts/ and on inputs written here."""
from __future__ import annotations

import calendar
import csv
import html
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from reformdocs import export, offline
from reformdocs.downloads import OFFLINE_SLOT, OFFLINE_ZIP, doc_file
from reformdocs.model import Document, Edit, Line, Metadata, Section, Table
from reformdocs.script import edition_text

from .conftest import build_site
from .test_site import doc_pages, headings

DATA = ("corpus", "catalogue", "audit")


def validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((site / f"downloads/{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def records(site: Path) -> list[dict]:
    return [json.loads(line) for line in (site / "downloads/corpus.jsonl").read_text("utf-8").splitlines()]


def zip_of(site: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / OFFLINE_ZIP)


# --- the corpus as data, on the real site ------------------------------------------------------

def test_corpus_records_validate_and_match_the_sections_on_the_site(built_site):
    check = validator(built_site, "corpus")
    recs = records(built_site)
    for rec in recs:
        check.validate(rec)
    for edition_root in (built_site, built_site / "zh-Hant"):
        on_site = [(page.parent.name, h[1]) for page in doc_pages(edition_root)
                   for h in headings(page) if re.match(r"s[0-9]", h[1])]
        in_data = [(r["doc"], r["section"]) for r in recs if r["section"] != export.PREAMBLE]
        assert sorted(on_site) == sorted(in_data)
    preambles = [r for r in recs if r["section"] == export.PREAMBLE]
    assert preambles, "the real texts have preambles; each is one record"
    assert len(recs) == len(in_data) + len(preambles)
    for rec in preambles:  # the preamble is the text of the page before its first section heading
        page = (built_site / rec["url"]["zh-Hans"] / "index.html").read_text("utf-8")
        before = page[:page.index(' id="s')] if ' id="s' in page else page
        before = html.unescape(re.sub(r"<[^>]+>", "", before))  # text only (glossary terms are links)
        for paragraph in rec["text"]["zh-Hans"].split("\n"):
            assert paragraph.strip() in before


def test_corpus_text_is_in_both_scripts_and_headings_match_the_pages(built_site):
    recs = {(r["doc"], r["section"]): r for r in records(built_site)}
    for page in doc_pages(built_site / "zh-Hant"):
        for level, hid, text in headings(page):
            if re.match(r"s[0-9]", hid):
                rec = recs[(page.parent.name, hid)]
                assert rec["heading"]["zh-Hant"] == text.strip()
                assert rec["path"][-1]["id"] == hid and rec["level"] == level - 1
                if len(rec["path"]) > 1:  # the path is the parent's path and this section
                    parent = recs[(rec["doc"], rec["path"][-2]["id"])]
                    assert rec["path"][:-1] == parent["path"]
    taiyuan = [r for r in recs.values() if r["document"]["script"] == "Hant"]
    assert taiyuan and any(r["text"]["zh-Hans"] != r["text"]["zh-Hant"] for r in taiyuan)


def test_catalogue_and_audit_validate_and_agree_with_the_site(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads/catalogue.csv").read_text("utf-8"))))
    check = validator(built_site, "catalogue")
    for row in rows:
        check.validate(row)
    assert [r["slug"] for r in rows] == sorted(p.parent.name for p in doc_pages(built_site))
    recs = records(built_site)
    for row in rows:
        assert int(row["sections"]) == sum(1 for r in recs if r["doc"] == row["slug"] and r["section"] != "preamble")
        assert (built_site / row["url_zh_hant"] / "index.html").is_file()
    audit = json.loads((built_site / "downloads/audit.json").read_text("utf-8"))
    validator(built_site, "audit").validate(audit)
    assert [a["doc"] for a in audit] == [r["slug"] for r in rows]
    assert [len(a["edits"]) for a in audit] == [int(r["edits"]) for r in rows]
    assert sum(int(r["edits"]) for r in rows) > 0
    for a in audit:  # every edit is in the page's editorial notes
        page = (built_site / "documents" / a["doc"] / "index.html").read_text("utf-8")
        assert page.count("<tr>", page.index('id="audit"')) - 1 == len(a["edits"])


def test_data_page_in_both_editions_names_every_source(built_site):
    for prefix, edition in (("", "Hans"), ("zh-Hant/", "Hant")):
        page = (built_site / prefix / "data/index.html").read_text("utf-8")
        for row in csv.DictReader(io.StringIO((built_site / "downloads/catalogue.csv").read_text("utf-8"))):
            source = edition_text(row["source"], edition, row["script"])  # in the page's script
            assert html.escape(source) in page and row["source_file"] in page
        for target in re.findall(r'href="([^"#]+)"', page[page.index("<article"):]):
            if target.startswith("https:"):
                continue
            assert (built_site / prefix / "data" / target).resolve().exists(), target
    assert "數據下載" in (built_site / "zh-Hant/data/index.html").read_text("utf-8")


# --- per-document files ------------------------------------------------------------------------

def test_document_pages_link_their_downloads(built_site):
    for prefix, edition in (("", "Hans"), ("zh-Hant/", "Hant")):
        for page in doc_pages(built_site / prefix):
            text = page.read_text("utf-8")
            line = re.search(r'<p class="doc-downloads">(.*?)</p>', text).group(1)
            targets = re.findall(r'href="([^"]+)"', line)
            slug = page.parent.name
            assert [(page.parent / t).resolve() for t in targets] == [
                (built_site / doc_file(slug, e, ext)).resolve()
                for e, ext in (("Hans", "txt"), ("Hant", "txt"), (edition, "md"), (edition, "html"))]
            assert all((page.parent / t).is_file() for t in targets)
            assert text.index('class="doc-downloads"') < text.index(' id="s')  # in the header


def test_plain_text_has_every_heading_and_paragraph(built_site):
    recs = records(built_site)
    for slug in {r["doc"] for r in recs}:
        for lang in ("zh-Hans", "zh-Hant"):
            txt = (built_site / f"downloads/documents/{slug}/{slug}.{lang}.txt").read_text("utf-8")
            assert "&lt;" not in txt and "<p>" not in txt and "&#" not in txt  # plain text, not markup
            pos = 0
            for rec in (r for r in recs if r["doc"] == slug):
                for piece in [rec["heading"][lang]] + rec["text"][lang].split("\n"):
                    if piece:
                        pos = txt.index(piece, pos)  # in reading order


def test_single_file_html_loads_nothing_and_has_the_sections(built_site):
    for path in sorted((built_site / "downloads/documents").glob("*/*.html")):
        page = path.read_text("utf-8")
        assert not re.search(r'<(link|script|img|iframe)\b', page)
        assert not re.search(r'(src|href)="(?!#)', page)
        assert "default-src 'none'" in page and "<style>" in page
        slug = path.parent.name
        ids = re.findall(r'<h[2-6] id="(s[0-9][^"]*)"', page)
        assert ids == [r["section"] for r in records(built_site) if r["doc"] == slug and r["section"] != "preamble"]


# --- inputs written here: escaping ---------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> *x* [a](http://e) {{ y }} | # & 1. "q"'


def hostile_doc() -> Document:
    meta = Metadata(title=HOSTILE, doc_number="<b>号</b>", source='<img src=x onerror="a()">',
                    title_en="**bold** <i>", script="Hans", slug="hostile")
    sec = Section("s1", "一、", HOSTILE, 1, 3, [Line(4, HOSTILE)],
                  [Section("s1-1", "（一）", "子", 2, 5, [Table(6, (("<th>", "|"), ("a|b", "`c`")))])])
    return Document("h.txt", "utf-8", meta, [Line(1, "发展 <em>" + HOSTILE)], [sec],
                    [Edit("clean", "r.<x>", "removed", "<del>", "", 2, "n<")], "0" * 40)


def test_scraped_text_never_becomes_markup_in_any_download():
    doc = hostile_doc()
    files = export.document_files(doc, export.layouts(doc))
    for path, content in files.items():
        if path.endswith(".html"):
            assert "<script>" not in content and "<img" not in content and "<b>" not in content
            assert "<em>" not in content and "<th>&lt;th&gt;</th>" in content
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
        if path.endswith(".md"):
            assert "<script>" not in content and "](" not in content and "*x*" not in content
            assert r"\<script\>alert\(1\)\</script\>" in content
            assert r"a\|b" in content  # a table cell cannot split
            assert not re.search(r"^1\. ", content, re.M)  # no accidental list
        if path.endswith(".txt"):
            assert HOSTILE in content  # plain text keeps the text as it is
    recs = export.section_records(doc, export.layouts(doc))
    assert [r["section"] for r in recs] == ["preamble", "s1", "s1-1"]
    assert recs[2]["path"][0]["title"]["zh-Hans"] == HOSTILE and recs[2]["text"]["zh-Hans"] == "<th>\t|\na|b\t`c`"
    assert recs[1]["text"]["zh-Hant"] == HOSTILE and recs[0]["text"]["zh-Hant"].startswith("發展")


def test_data_page_escapes_sidecar_text():
    (page,) = export.data_pages([hostile_doc()], "Hans", 100).values()
    assert "<img" not in page and "&lt;img src=x" in page and "<script>" not in page


def test_data_page_lists_sources_a_page_at_a_time():
    pages = export.data_pages([hostile_doc()] * 5, "Hant", 2)
    assert list(pages) == ["zh-Hant/data.md", "zh-Hant/data/2.md", "zh-Hant/data/3.md"]
    assert [p.count("<tr>", p.index("{#sources}")) - 1 for p in pages.values()] == [2, 2, 1]
    assert all(p.count('id="licence"') + p.count("{#licence}") == (n == 0) for n, p in enumerate(pages.values()))
    assert '<a href="../">1</a> · <a href="./">2</a> · <a href="../3/">3</a>' in pages["zh-Hant/data/2.md"]


# --- the offline copy --------------------------------------------------------------------------

@pytest.mark.parametrize("before,after", [
    ('<a href="../">', '<a href="../index.html">'),
    ('<a href="./">', '<a href="./index.html">'),
    ('<a href="..">', '<a href="../index.html">'),
    ('<a class="x" href="documents/x/#s2">', '<a class="x" href="documents/x/index.html#s2">'),
    ('<a href="../?q=1#y">', '<a href="../index.html?q=1#y">'),
    ('<a href="#s1">', '<a href="#s1">'),
    ('<a href="?q">', '<a href="?q">'),
    ('<a href="https://example.org/">', '<a href="https://example.org/">'),
    ('<a href="/abs/">', '<a href="/abs/">'),
    ('<link href="assets/main.css">', '<link href="assets/main.css">'),
    ('<img src="data:image/png;base64,AA">', '<img src="data:image/png;base64,AA">'),
    ('<a href="downloads/x.zh-Hans.txt">', '<a href="downloads/x.zh-Hans.txt">'),
])
def test_directory_links_name_their_index_file(before, after):
    assert offline.file_links(before) == after


def test_build_date_prefers_source_date_epoch(tmp_path):
    assert offline.build_date(tmp_path, {"SOURCE_DATE_EPOCH": "1700000000"}) == 1700000000
    assert offline.build_date(tmp_path, {"SOURCE_DATE_EPOCH": "5"}) == offline.EPOCH_1980
    assert offline.build_date(tmp_path, {}) == offline.EPOCH_1980  # not a git checkout
    env = {**os.environ, "GIT_COMMITTER_DATE": "1700000123 +0000", "GIT_AUTHOR_DATE": "1700000000 +0000"}
    for args in (["init", "-q"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q",
                                  "--allow-empty", "-m", "x"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    assert offline.build_date(tmp_path, {}) == 1700000123  # the latest commit's date


def test_zip_is_reproducible_and_fills_the_home_slot(tmp_path):
    for run in ("a", "b"):
        site = tmp_path / run
        (site / "zh-Hant").mkdir(parents=True)
        (site / "index.html").write_text(f'<p>{OFFLINE_SLOT}</p><a href="zh-Hant/">繁</a>', "utf-8")
        (site / "zh-Hant/index.html").write_text(f"<p>{OFFLINE_SLOT}</p>", "utf-8")
        (site / "sitemap.xml").write_text("<lastmod>today</lastmod>", "utf-8")
        (site / "b.txt").write_text("b" * 5000, "utf-8")
        offline.write(site, 1700000000)
    assert (tmp_path / "a" / OFFLINE_ZIP).read_bytes() == (tmp_path / "b" / OFFLINE_ZIP).read_bytes()
    with zip_of(tmp_path / "a") as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == [offline.FOLDER + n for n in ("b.txt", "index.html", "zh-Hant/index.html")]
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        inside = zf.read(offline.FOLDER + "index.html").decode()
        assert 'href="zh-Hant/index.html"' in inside and "offline copy" in inside and "<a href=\"downloads" not in inside
    home = (tmp_path / "a/index.html").read_text("utf-8")
    size = (tmp_path / "a" / OFFLINE_ZIP).stat().st_size
    assert f'href="{OFFLINE_ZIP}"' in home and offline.size_label(size) in home and "2023-11-14" in home
    assert 'href="../downloads/reformdocs-offline.zip"' in (tmp_path / "a/zh-Hant/index.html").read_text("utf-8")


def test_offline_copy_is_complete_local_and_linked(built_site):
    with zip_of(built_site) as zf:
        assert all(n.startswith(offline.FOLDER) for n in zf.namelist())
        names = {n[len(offline.FOLDER):] for n in zf.namelist()}
        on_site = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
        assert names == on_site - {OFFLINE_ZIP} - offline.LEFT_OUT
        for name in sorted(n for n in names if n.endswith(".html") and not n.startswith("downloads/")):
            page = zf.read(offline.FOLDER + name).decode("utf-8")
            assert not re.search(r'<(script|img|iframe|source)\b[^>]*\bsrc="(https?:)?//', page), name
            for tag in re.findall(r"<link\b[^>]*>", page):  # canonical/alternate: addresses, not loads
                assert 'rel="canonical"' in tag or 'rel="alternate"' in tag or not re.search(
                    r'href="(https?:)?//', tag), (name, tag)
            for target in re.findall(r'\b(?:href|src)="([^"#?]+)', page):
                if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                    continue
                resolved = Path("/", name).parent.joinpath(target).resolve().as_posix()[1:]
                assert resolved in names, f"{name} links to {target}, not a file in the zip"
    assert "Google" not in (built_site / "index.html").read_text("utf-8")
    assert "fonts.googleapis" not in (built_site / "index.html").read_text("utf-8")


def test_home_pages_link_the_offline_copy_with_size_and_date(built_site):
    size = (built_site / OFFLINE_ZIP).stat().st_size
    with zip_of(built_site) as zf:
        y, mo, d = zf.infolist()[0].date_time[:3]
    for prefix in ("", "zh-Hant/"):
        home = (built_site / prefix / "index.html").read_text("utf-8")
        link = re.search(r'<span class="offline-copy"><a href="([^"]+)"[^>]*>[^<]+</a> \(ZIP, ([^,]+), ([0-9-]+)\)', home)
        assert link, "home page links the offline copy"
        assert (built_site / prefix / link.group(1)).resolve() == (built_site / OFFLINE_ZIP).resolve()
        assert link.group(2) == offline.size_label(size) and link.group(3) == f"{y:04d}-{mo:02d}-{d:02d}"
        assert OFFLINE_SLOT not in home


def test_two_builds_give_byte_identical_downloads(built_site, tmp_path):
    with zip_of(built_site) as zf:
        epoch = calendar.timegm(zf.infolist()[0].date_time + (0, 0, 0))
    again = tmp_path / "again"
    result = build_site(again, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stderr
    first = sorted(p.relative_to(built_site) for p in (built_site / "downloads").rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in (again / "downloads").rglob("*") if p.is_file())
    assert first == second and len(first) > 10
    for rel in first:
        assert (built_site / rel).read_bytes() == (again / rel).read_bytes(), rel
    assert (built_site / "index.html").read_bytes() == (again / "index.html").read_bytes()
