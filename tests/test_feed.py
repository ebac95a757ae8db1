"""RSS 2.0 feed: structure, order, absolute links, nothing private."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from guongsang.pages import feed
from guongsang.records import Award
from guongsang.site.build import build_site

from .conftest import make_repo
from .test_stats import FIXTURE, load

SITE = "https://guongsang.ttxt-lamdong.example/"


@pytest.fixture
def corpus(repo):
    return load(repo(FIXTURE))


def parse(corpus) -> ET.Element:
    out = build_site(corpus)
    assets = [a for a in out.assets if a.uri == "feed.xml"]
    assert len(assets) == 1 and assets[0].path is None
    content = assets[0].content
    assert isinstance(content, bytes)
    assert content.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<rss ")
    return ET.fromstring(content)


def test_channel_has_every_required_element(corpus) -> None:
    rss = parse(corpus)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == corpus.ref.site.ten
    assert channel.findtext("link") == SITE
    assert channel.findtext("description") == corpus.ref.site.mo_ta
    assert channel.findtext("language") == "vi"
    # The channel last changed when its newest entry appeared.
    assert channel.findtext("lastBuildDate") == "Sun, 15 Mar 2026 00:00:00 +0700"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.attrib == {"href": SITE + "feed.xml", "rel": "self",
                                "type": "application/rss+xml"}


def test_items_newest_first_from_published_profiles_only(corpus) -> None:
    items = parse(corpus).find("channel").findall("item")
    assert [(i.findtext("pubDate")[5:16], i.findtext("title")) for i in items] == [
        ("15 Mar 2026", "Phòng Xúc tiến Du lịch đạt danh hiệu Tập thể lao động xuất sắc năm 2025"),
        ("02 Mar 2026", "Gia đình ông Lê Văn Cường được tặng Giấy khen của Giám đốc Trung tâm năm 2026"),
        ("12 Jan 2026", "Phòng Xúc tiến Du lịch đạt danh hiệu Tập thể lao động tiên tiến năm 2025"),
        ("08 Jan 2026", "Nguyễn Thị An được tặng Giấy khen của Giám đốc Trung tâm năm 2025"),
        ("12 Jun 2025", "Nguyễn Thị An được tặng Bằng khen của Thủ tướng Chính phủ năm 2024"),
        ("20 Feb 2025", "Phòng Xúc tiến Du lịch đạt danh hiệu Cờ thi đua của UBND tỉnh năm 2024"),
        ("10 Feb 2025", "Phòng Xúc tiến Du lịch: Nhân tố mới"),
        ("15 Jan 2025", "Nguyễn Thị An: Điển hình tiên tiến"),
        # Same day: people in Vietnamese name order ("An" before "Phòng").
        ("10 Jan 2025", "Nguyễn Thị An đạt danh hiệu Lao động tiên tiến năm 2024"),
        ("10 Jan 2025", "Phòng Xúc tiến Du lịch đạt danh hiệu Tập thể lao động tiên tiến năm 2024"),
        ("05 Jan 2025", "Trần Văn Bình đạt danh hiệu Lao động tiên tiến năm 2024"),
        ("20 Mar 2024", "Trần Văn Bình: Nhân tố mới"),
        ("05 Jan 2024", "Trần Văn Bình đạt danh hiệu Lao động tiên tiến năm 2023"),
    ]


def test_item_fields_are_absolute_and_escaped(corpus) -> None:
    items = parse(corpus).find("channel").findall("item")
    award = items[4]
    assert [child.tag for child in award] == ["title", "link", "guid", "pubDate", "description"]
    assert award.findtext("link") == SITE + "ho-so/nguyen-thi-an/"
    guid = award.find("guid")
    assert guid.get("isPermaLink") == "true"
    assert guid.text == SITE + "ho-so/nguyen-thi-an/#khen-thuong-bang-khen-thu-tuong-2024-812-qd-ttg"
    assert award.findtext("pubDate") == "Thu, 12 Jun 2025 00:00:00 +0700"
    assert award.findtext("description") == (
        "Nguyễn Thị An được tặng Bằng khen của Thủ tướng Chính phủ năm 2024. Quyết định số "
        "812/QĐ-TTg ngày 12/06/2025 của Thủ tướng Chính phủ. Có thành tích xuất sắc trong xúc "
        "tiến đầu tư.")
    recognised = items[7]
    assert recognised.findtext("guid") == SITE + "ho-so/nguyen-thi-an/#cong-nhan"
    assert recognised.findtext("description") == (
        "Nguyễn Thị An (Phòng Xúc tiến Đầu tư) được công nhận là Điển hình tiên tiến ngày "
        "15/01/2025. Người kết nối nhà đầu tư với dự án du lịch xanh.")
    guids = [i.findtext("guid") for i in items]
    assert len(set(guids)) == len(guids)
    for item in items:
        assert item.findtext("link").startswith(SITE + "ho-so/")
        assert item.findtext("guid").startswith(item.findtext("link") + "#")


def test_nothing_private_or_unpublished(corpus) -> None:
    raw = ET.tostring(parse(corpus), encoding="unicode")
    for secret in ("0912 345 678", "an.nt@example.vn", "rieng_tu",
                   "Phạm Thị Đào", "pham-thi-dao", "Võ Văn Em", "vo-van-em"):
        assert secret not in raw


def test_markup_in_records_stays_text(repo) -> None:
    files = dict(FIXTURE)
    path = "profiles/tran-van-binh/index.md"
    files[path] = files[path].replace("dong_y_cong_bo: true",
                                      "dong_y_cong_bo: true\ntom_tat: 'Trả lời nhà đầu tư <3 ngày & \"một đầu mối\"'")
    rss = parse(load(repo(files)))
    item = next(i for i in rss.iter("item") if i.findtext("title") == "Trần Văn Bình: Nhân tố mới")
    assert item.findtext("description").endswith('Trả lời nhà đầu tư <3 ngày & "một đầu mối"')
    raw = ET.tostring(rss, encoding="unicode")
    assert "nhà đầu tư &lt;3 ngày &amp; \"một đầu mối\"" in raw  # escaped by the XML writer


def test_site_under_a_sub_path(repo) -> None:
    corpus = load(repo(FIXTURE))
    corpus.ref.site.url = "https://example.github.io/guong-sang"  # no trailing slash
    channel = parse(corpus).find("channel")
    assert channel.findtext("link") == "https://example.github.io/guong-sang/"
    assert channel.find("item").findtext("link") == (
        "https://example.github.io/guong-sang/ho-so/phong-xuc-tien-du-lich/")


def test_at_most_fifty_items(repo) -> None:
    corpus = load(repo(FIXTURE))
    person = corpus.profiles["tran-van-binh"]
    start = date(2020, 1, 1)
    person.khen_thuong = [Award("lao-dong-tien-tien", 2019, f"{i}/QĐ-TTXT", start + timedelta(days=i),
                                index=i) for i in range(60)]
    items = feed.feed_items(corpus.ref, corpus.published_profiles)
    assert len(items) == feed.MAX_ITEMS == 50
    days = [i.day for i in items]
    assert days == sorted(days, reverse=True)
    assert days[0] == date(2026, 3, 15)  # the newest of all profiles still comes first


def test_empty_site_has_a_valid_channel(tmp_path: Path) -> None:
    from guongsang.check import check
    from guongsang.project import Project

    from .conftest import TODAY

    corpus, _ = check(Project(root=make_repo(tmp_path / "r", {})), TODAY)
    channel = parse(corpus).find("channel")
    assert channel.findall("item") == []
    assert channel.findtext("lastBuildDate") == "Fri, 27 Nov 2026 00:00:00 +0700"


def test_rfc822_dates() -> None:
    assert feed.rfc822(date(2024, 1, 5)) == "Fri, 05 Jan 2024 00:00:00 +0700"
    assert feed.absolute("https://a.example/x", "ho-so/b/") == "https://a.example/x/ho-so/b/"
