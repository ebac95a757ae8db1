"""Vietnamese conventions on every published page, and no resource from a third party.

Checks the built sample site (the session fixture `sample_site` of conftest.py): dates dd/mm/yyyy, NFC text,
ASCII addresses with đ -> d, lang="vi", Vietnamese theme strings, no external fonts/scripts.
"""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

SCRIPT = re.compile(r"<(script|style|svg)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
ISO_DATE = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
SHORT_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
TIME = re.compile(r'<time datetime="(\d{4}-\d\d-\d\d)"[^>]*>(.*?)</time>', re.DOTALL)
CELL = re.compile(r"<(?:td|dd)\b[^>]*>(.*?)</(?:td|dd)>", re.DOTALL)
RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*?\s(?:src|srcset)=\"([^\"]+)\""
    r"|<link\b[^>]*?\srel=\"(?:stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch|manifest)\"[^>]*>",
    re.IGNORECASE)
ENGLISH = ["Skip to content", "Back to top", "Made with", "Table of contents", "Initializing search",
           "404 - Not found", "Last update", "Copy to clipboard"]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(site / "pagefind"))


def visible(page: Path) -> str:
    return html.unescape(TAG.sub(" ", SCRIPT.sub(" ", page.read_text("utf-8"))))


def test_every_page_is_vietnamese(sample_site: Path) -> None:
    for page in pages(sample_site):
        assert re.search(r'<html lang="vi"', page.read_text("utf-8")), page


def test_dates_on_screen_are_dd_mm_yyyy(sample_site: Path) -> None:
    """Generated dates (in <time>, table cells, fact lists) read 05/01/2024; none is ISO.

    Dates inside editors' running text are quoted as written (a decision is cited as
    printed, e.g. "ngày 23/5/2023"), so only the ISO form is refused there.
    """
    wrong = []
    for page in pages(sample_site):
        raw = page.read_text("utf-8")
        wrong += [f"{page}: {m.group(0)}" for m in ISO_DATE.finditer(visible(page))]
        for m in TIME.finditer(raw):
            y, mo, d = m.group(1).split("-")
            if html.unescape(TAG.sub("", m.group(2))).strip() != f"{d}/{mo}/{y}":
                wrong.append(f"{page}: {m.group(0)}")
        for cell in CELL.findall(raw):
            text = html.unescape(TAG.sub("", cell)).strip()
            if SHORT_DATE.fullmatch(text) and not re.fullmatch(r"\d\d/\d\d/\d{4}", text):
                wrong.append(f"{page}: {text}")
    assert not wrong, "\n".join(wrong[:20])


def test_text_is_nfc(sample_site: Path) -> None:
    for page in pages(sample_site):
        text = page.read_text("utf-8")
        assert unicodedata.is_normalized("NFC", text), page


def test_addresses_are_ascii_slugs(sample_site: Path) -> None:
    for path in sample_site.rglob("*"):
        rel = path.relative_to(sample_site).as_posix()
        assert rel.isascii() and not re.search(r"[A-Z\s]", rel.split("/assets/")[0]), rel


def test_theme_strings_are_vietnamese(sample_site: Path) -> None:
    found = [f"{p}: {s}" for p in pages(sample_site) for s in ENGLISH if s in visible(p)]
    assert not found, "\n".join(found[:20])
    page = (sample_site / "ho-so" / "dang-thi-thuy" / "index.html").read_text("utf-8")
    assert "Chuyển đến nội dung chính" in page and "Lên đầu trang" in page


def test_no_page_loads_anything_from_another_host(sample_site: Path) -> None:
    external = []
    for page in pages(sample_site):
        for m in RESOURCE.finditer(page.read_text("utf-8")):
            urls = [m.group(1)] if m.group(1) else re.findall(r'href="([^"]+)"', m.group(0))
            for url in urls:
                for part in url.split(","):
                    target = part.strip().split(" ")[0]
                    if urlsplit(target).netloc:
                        external.append(f"{page.relative_to(sample_site)}: {target}")
    assert not external, "\n".join(external[:20])
    css = "".join(p.read_text("utf-8") for p in (sample_site / "assets").rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_material_search_is_gone_and_pagefind_is_there(sample_site: Path) -> None:
    assert not (sample_site / "search" / "search_index.json").exists()
    assert (sample_site / "pagefind" / "pagefind.js").is_file()
    home = (sample_site / "index.html").read_text("utf-8")
    assert 'role="search"' in home and 'name="q"' in home
    assert 'data-md-component="search"' not in home


def test_directory_lists_people_by_given_name(sample_site: Path) -> None:
    """DOMAIN.md: people sort by given name, then middle names, then family name."""
    from datetime import date

    from guongsang.check import check
    from guongsang.project import Project
    from guongsang.text import person_sort_key

    from .conftest import ROOT

    corpus, _ = check(Project(root=ROOT), date.today())
    people = {p.slug: p.ho_ten for p in corpus.published_profiles if p.loai == "ca_nhan"}
    checked = 0
    for page in sorted((sample_site / "guong-dien-hinh").glob("*/*/index.html")):
        slugs = list(dict.fromkeys(re.findall(r'href="[./]*ho-so/([a-z0-9-]+)/"',
                                              page.read_text("utf-8"))))
        names = [people[s] for s in slugs if s in people]
        assert names == sorted(names, key=person_sort_key), (page, names)
        checked += len(names) > 1
    assert checked, "no directory page lists two people: the check checked nothing"
