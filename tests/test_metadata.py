"""Metadata extraction from the texts themselves (sidecars ignored), checked against seeds.yml."""
from __future__ import annotations

import re

import pytest

from reformdocs import metadata, script
from reformdocs.clean import clean
from reformdocs.decode import decode
from reformdocs.model import Line

from .conftest import SOURCES


def norm(text: str) -> str:
    """Simplified, without whitespace and punctuation: how seeds.yml says to compare."""
    return re.sub(r"[\W_]+", "", script.convert(text, "Hans"))


def extracted(name: str):
    decoded = decode((SOURCES / name).read_bytes(), name)
    return metadata.extract(clean(decoded.text).blocks, {}, decoded.text)


@pytest.mark.parametrize("field", ["title", "doc_number", "issuer", "date"])
def test_seed_metadata_matches_acceptance(acceptance, field):
    for name, expected in acceptance.items():
        if field in expected:
            got = getattr(extracted(name), field)
            assert norm(got) == norm(str(expected[field])), (name, field, got)


def test_001_is_traditional_and_others_simplified(seed_names):
    scripts = {name: extracted(name).script for name in seed_names}
    assert scripts.pop("001_006c4d63c36b7a44.txt") == "Hant"
    assert set(scripts.values()) == {"Hans"}


@pytest.mark.parametrize("text, iso", [
    ("2013年7月16日", "2013-07-16"), ("  2018年1月6日 ", "2018-01-06"), ("二〇一三年七月十六日", "2013-07-16"),
    ("2020-3-5", "2020-03-05"), ("2013年13月1日", ""), ("2013年7月16日印发", ""),
])
def test_dates(text, iso):
    assert metadata.parse_date(text) == iso


def test_gbt_9704_notice_of_an_unseen_issuer():
    blocks = [Line(n, t) for n, t in enumerate([
        "首页 > 政务公开", "湘政办发〔2009〕12号", "湖南省人民政府办公厅关于印发长株潭城市群两型社会建设改革试验总体方案的通知",
        "各市州人民政府：", "现将方案印发给你们，请认真贯彻执行。", "湖南省人民政府办公厅", "2009年3月2日"], 1)]
    meta = metadata.extract(blocks, {}, "")
    assert (meta.title, meta.doc_number, meta.issuer, meta.date, meta.doc_type, meta.region) == (
        "湖南省人民政府办公厅关于印发长株潭城市群两型社会建设改革试验总体方案的通知", "湘政办发〔2009〕12号",
        "湖南省人民政府办公厅", "2009-03-02", "通知", "湖南省")


def test_sidecar_wins():
    blocks = [Line(1, "某某市人民政府关于加快发展的意见"), Line(2, "2010年1月1日")]
    meta = metadata.extract(blocks, {"title": "更正后的标题", "date": "2010-01-02"}, "")
    assert (meta.title, meta.date, meta.issuer) == ("更正后的标题", "2010-01-02", "某某市人民政府")


def test_site_catalogue_supplies_what_the_text_does_not_say():
    """A disclosure page's 索引号 block is chrome, but its 文号 and 成文日期 are the document's:
    they fill the metadata the body lacks, and never override what the body says."""
    body = ["各区县人民政府，市直各单位：",
            "为深化综合配套改革，经市政府同意，现就有关事项通知如下：一、推进简政放权。二、优化营商环境。"]
    header = ["索引号：11530100-2021-00015", "发布机构：青川市人民政府办公室", "文号：青政办发〔2021〕27号",
              "成文日期：2021-09-06", "名称：青川市人民政府办公室关于深化综合配套改革的通知"]
    text = "\n".join(header + body)
    cleaned = clean(text)
    meta = metadata.extract(cleaned.blocks, {}, text, cleaned.catalog)
    assert (meta.title, meta.doc_number, meta.issuer, meta.date) == (
        "青川市人民政府办公室关于深化综合配套改革的通知", "青政办发〔2021〕27号", "青川市人民政府办公室",
        "2021-09-06")
    assert metadata.extract(cleaned.blocks, {}, text).doc_number == ""  # from the catalogue only
    # the text's own title, 文号 and date win over the catalogue's
    own = ["青川市人民政府关于推进营商环境改革的通知", "青政发〔2021〕30号", *body, "青川市人民政府", "2021年9月8日"]
    text = "\n".join(header + own)
    cleaned = clean(text)
    meta = metadata.extract(cleaned.blocks, {}, text, cleaned.catalog)
    assert (meta.title, meta.doc_number, meta.issuer, meta.date) == (
        "青川市人民政府关于推进营商环境改革的通知", "青政发〔2021〕30号", "青川市人民政府", "2021-09-08")
