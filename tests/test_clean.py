"""Cleaning the five real seed texts: what seeds.yml says clean means, and a complete audit."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import opencc
import pytest

from reformdocs.clean import STEPS, chrome, clean
from reformdocs.clean.common import ideographs
from reformdocs.decode import decode
from reformdocs.model import Cleaned, Line, Table

from .conftest import SOURCES

SEEDS = sorted(p.name for p in SOURCES.glob("*.txt"))
_T2S = opencc.OpenCC("t2s")
DROP = re.compile(r"[\W_]+")  # whitespace and punctuation


def norm(text: str) -> str:
    """Simplified, without whitespace and punctuation: how seeds.yml phrases are compared."""
    return DROP.sub("", _T2S.convert(text))


def block_texts(cleaned: Cleaned) -> list[str]:
    """Every text of the cleaned body: paragraphs, then each table's cells."""
    out: list[str] = []
    for b in cleaned.blocks:
        if isinstance(b, Table):
            out.extend(cell for row in b.rows for cell in row)
        else:
            out.append(b.text)
    return out


def render(cleaned: Cleaned) -> str:
    """The cleaned body as text: a paragraph per line, a table as '| a | b |' rows."""
    out = []
    for b in cleaned.blocks:
        if isinstance(b, Table):
            out.extend("| " + " | ".join(row) + " |" for row in b.rows)
        else:
            out.append(b.text)
    return "\n".join(out)


@lru_cache(maxsize=None)
def cleaned_seed(name: str) -> tuple[str, Cleaned]:
    raw = (SOURCES / name).read_bytes()
    text = decode(raw, name).text
    return text, clean(text)


def has_mojibake_step() -> bool:
    return any(step.__name__.endswith(".mojibake") for step in STEPS)


def lost_ideographs(source: str, cleaned: Cleaned) -> Counter:
    """Ideographs of the source that are not in the cleaned body."""
    return Counter(ideographs(source)) - Counter(ideographs("\n".join(block_texts(cleaned))))


def audited_ideographs(cleaned: Cleaned) -> Counter:
    """Ideographs the audit says were taken out (removed text, and replaced text's difference)."""
    out: Counter = Counter()
    for e in cleaned.edits:
        if e.kind in ("removed", "replaced", "lacuna", "conjecture"):
            out.update(ideographs(e.before))
            out.subtract(ideographs(e.after))
    return +out


def assert_audited(source: str, cleaned: Cleaned) -> None:
    """No ideograph leaves the text except through an audited removal."""
    lost = lost_ideographs(source, cleaned)
    unexplained = lost - audited_ideographs(cleaned)
    assert not unexplained, f"ideographs lost without an audit record: {dict(unexplained)}"


# --- seeds.yml -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SEEDS)
def test_chrome_gone(name, acceptance):
    _, cleaned = cleaned_seed(name)
    body = norm("".join(block_texts(cleaned)))
    for phrase in acceptance[name].get("chrome", []):
        assert norm(phrase) not in body, phrase


@pytest.mark.parametrize("name", SEEDS)
def test_body_and_joined_present(name, acceptance):
    _, cleaned = cleaned_seed(name)
    body = norm("".join(block_texts(cleaned)))
    wanted = acceptance[name].get("body", []) + acceptance[name].get("joined", [])
    missing = [p for p in wanted if norm(p) not in body]
    assert not missing


@pytest.mark.parametrize("name", [n for n in SEEDS if n.startswith("001")])
def test_repaired_present(name, acceptance):
    """Readings that only the encoding repair (mojibake step) gives back."""
    if not has_mojibake_step():
        pytest.skip("the mojibake step is not in the tree yet")
    _, cleaned = cleaned_seed(name)
    body = norm("".join(block_texts(cleaned)))
    missing = [p for p in acceptance[name].get("repaired", []) if norm(p) not in body]
    assert not missing


@pytest.mark.parametrize("name", SEEDS)
def test_headings_start_paragraphs(name, acceptance):
    _, cleaned = cleaned_seed(name)
    starts = [norm(b.text) for b in cleaned.blocks if isinstance(b, Line)]
    for heading in acceptance[name].get("headings", []):
        h = norm(heading)
        assert any(s.startswith(h) for s in starts), heading


def test_000_flattened_headings_are_paragraphs():
    _, cleaned = cleaned_seed("000_33f229109a05da0c.txt")
    texts = [b.text for b in cleaned.blocks]
    assert "（七）推进对外开放体制机制改革" in texts
    assert "（八）推进行政管理体制机制改革" in texts
    assert "四、综合配套改革试验的保障措施" in texts
    # a run-in heading stays with its body
    assert any(t.startswith("（一）加强组织领导。成立长沙市") for t in texts)
    # sentences stay whole: every paragraph of the flattened line ends like a sentence or is a heading
    assert texts[0].startswith("5、建立覆盖城乡的社会保障体系。")


def test_003_feedback_table():
    _, cleaned = cleaned_seed("003_08dfc49d6e2fc626.txt")
    tables = [b for b in cleaned.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert t.rows[0] == ("序号", "单位", "主要意见", "意见采纳情况", "未采纳原因")
    assert len(t.rows) == 1 + 6
    assert all(len(row) == 5 for row in t.rows)
    assert [row[0] for row in t.rows[1:]] == ["1", "2", "3", "4", "5", "6"]
    assert t.rows[3][3] == "部分采纳" and t.rows[3][4].startswith("高新区虽为")
    assert t.rows[1][3:] == ("", "")  # empty cells kept empty
    # the real numbering of 003 is untouched
    texts = [b.text for b in cleaned.blocks if isinstance(b, Line)]
    assert "1、指导思想。" in "".join(texts)
    assert any(t.startswith("1.科教兴区战略。") for t in texts)
    assert any(t.startswith("24.加强组织领导。") for t in texts)


def test_004_page_counters_and_real_numbering():
    _, cleaned = cleaned_seed("004_dc28f0d6643294e2.txt")
    texts = [b.text for b in cleaned.blocks]
    assert texts[0] == "关于强化“两型社会”建设工作机制的思考"
    assert texts[1].startswith("“十二五”时期是长株潭试验区")
    # real list items keep their numbers; page counters (1、 … 16、) are gone
    assert any(t.startswith("1、努力做到责任分工具体化。") for t in texts)
    assert any(t.startswith("三、强化创新机制，推动改革突破") for t in texts)
    assert not any(re.match(r"\d+、[，。、]", t) for t in texts)
    counters = [e for e in cleaned.edits if e.rule == "pages.counter" and e.kind == "removed"]
    assert [e.before for e in counters] == [f"{n}、" for n in range(1, 17)]
    assert "重大课题支撑体系。顶层设计是一个" in "".join(texts)


def test_002_title_and_sentences():
    _, cleaned = cleaned_seed("002_7955dc0b8421cd4f.txt")
    texts = [b.text for b in cleaned.blocks]
    assert texts[0] == "鄂州推进综合改革纪略"
    assert "由“单兵突进”转向综合改革" in texts
    assert any(t.endswith("。”市委书记梁惠玲如是说。") for t in texts)


def test_001_keeps_traditional_and_doc_lines():
    _, cleaned = cleaned_seed("001_006c4d63c36b7a44.txt")
    texts = [b.text for b in cleaned.blocks]
    assert texts[0] == "太原市人民政府關于印發太原市資源型經濟轉型綜合配套改革試驗實施方案（2013-2015年）的通知"
    assert texts[1] == "并政發〔2013〕30號"
    assert texts[4] == "太原市人民政府" and texts[5] == "2013年7月16日"
    assert texts[2].endswith("各有關單位：")


@pytest.mark.parametrize("name", SEEDS)
def test_not_rejected(name):
    _, cleaned = cleaned_seed(name)
    assert cleaned.rejected == ""


# --- the audit -------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", SEEDS)
def test_every_removed_line_is_in_the_edits(name):
    source, cleaned = cleaned_seed(name)
    body = ideographs("".join(block_texts(cleaned)))
    whole = {(e.line, ideographs(e.before)) for e in cleaned.edits if e.kind == "removed"}
    phrases: dict[int, list[str]] = {}
    touched = set()
    for e in cleaned.edits:
        if e.kind == "removed":
            phrases.setdefault(e.line, []).append(e.before)
        if e.kind in ("replaced", "lacuna", "conjecture") and e.rule.startswith("mojibake"):
            touched.add(e.line)
    for no, line in enumerate(source.split("\n"), start=1):
        if not ideographs(line) or no in touched:
            continue
        if (no, ideographs(line)) in whole:
            continue  # removed whole (perhaps after an earlier step changed non-Chinese text in it)
        rest = line
        for phrase in phrases.get(no, ()):
            rest = rest.replace(phrase, "", 1)
        assert ideographs(rest) in body, f"line {no} is neither in the text nor audited: {line[:60]!r}"


@pytest.mark.parametrize("name", SEEDS)
def test_no_ideograph_lost_unaudited(name):
    source, cleaned = cleaned_seed(name)
    assert_audited(source, cleaned)


@pytest.mark.parametrize("name", SEEDS)
def test_edits_name_rules_and_lines(name):
    source, cleaned = cleaned_seed(name)
    n = source.count("\n") + 1
    lines = [Line(no, t) for no, t in enumerate(source.split("\n"), start=1)]
    for step in STEPS[:STEPS.index(chrome)]:  # the lines as the chrome step gets them
        lines = step.apply(lines)[0]
    for e in cleaned.edits:
        assert e.stage == "clean" and e.rule and e.kind
        assert 1 <= e.line <= n, e
        if e.rule.startswith("chrome.") and e.kind == "removed" and not e.note.endswith("(phrase)"):
            assert e.before == lines[e.line - 1].text, e  # the whole line (repairs audited apart)


@pytest.mark.parametrize("name", SEEDS)
def test_deterministic(name):
    source, cleaned = cleaned_seed(name)
    again = clean(source)
    assert again.blocks == cleaned.blocks and again.edits == cleaned.edits


@pytest.mark.parametrize("name", SEEDS)
def test_line_numbers_point_at_the_source(name):
    """Each paragraph's line number is a source line that holds its start."""
    source, cleaned = cleaned_seed(name)
    lines = source.split("\n")
    for b in cleaned.blocks:
        if isinstance(b, Line):
            head = ideographs(b.text)[:4]
            assert head in ideographs(lines[b.no - 1]) or not head, (b.no, b.text[:30])
