"""A synthetic corpus of N documents made from the bundled texts, for benchmarks.

Each document is a bundled text with its paragraphs rotated and a numbered title line, so every
text is distinct (no duplicate detection) while keeping real chrome, damage and outline numbering.
Regions are spread over a list of real prefecture-level cities so navigation groups are realistic.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ["湖南省长沙市", "湖南省株洲市", "湖南省湘潭市", "湖北省武汉市", "湖北省鄂州市", "山西省太原市", "山西省大同市",
           "安徽省铜陵市", "安徽省合肥市", "上海市浦东新区", "天津市滨海新区", "重庆市", "四川省成都市", "广东省深圳市",
           "浙江省义乌市", "福建省厦门市", "辽宁省沈阳市", "黑龙江省哈尔滨市", "云南省昆明市", "广西壮族自治区南宁市",
           "贵州省贵阳市", "陕西省西安市", "甘肃省兰州市", "江苏省苏州市", "山东省青岛市", "河南省郑州市",
           "江西省南昌市", "吉林省长春市", "内蒙古自治区包头市", "新疆维吾尔自治区乌鲁木齐市"]


def make_corpus(n: int, dest: Path) -> Path:
    """Write N source texts with sidecars into dest/source_texts and return that folder."""
    seeds = sorted((ROOT / "source_texts").glob("*.txt"))
    folder = dest / "source_texts"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        seed = seeds[i % len(seeds)]
        lines = seed.read_text(encoding="utf-8").split("\n")
        k = (i // len(seeds)) % max(1, len(lines) // 3)
        body = lines[:2] + lines[2 + k:] + lines[2:2 + k]
        stem = f"syn{i:05d}"
        (folder / f"{stem}.txt").write_text(f"第{i}号合成文件\n" + "\n".join(body), encoding="utf-8")
        (folder / f"{stem}.yml").write_text(
            f"slug: synthetic-{i:05d}\ntitle_en: Synthetic document {i}\nregion: {REGIONS[i % len(REGIONS)]}\n",
            encoding="utf-8")
    return folder


def make_project(n: int, dest: Path) -> Path:
    """A copy of the project's site configuration with a synthetic corpus; returns mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in ("mkdocs.yml", "docs", "overrides", "hooks"):
        src = ROOT / item
        if src.is_dir():
            shutil.copytree(src, dest / item, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / item)
    make_corpus(n, dest)
    return dest / "mkdocs.yml"
