"""Stories and news (tin bài): their pages, the index and archives, the related sections of the
pages they name, and their place in the feed, the share images, search and the home page.

The checks of a story's fields, cover and links are data cases in tests/cases/stories/.
"""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from PIL import Image

from guongsang.editor import decap, scaffold
from guongsang.load.refdata import load_reference
from guongsang.pages import Context
from guongsang.pages.feed import feed_xml
from guongsang.project import Project
from guongsang.site.build import build_site
from guongsang.site.output import SiteOutput, View
from guongsang.site.search import page_kind, pages_to_index

from .conftest import ROOT, TODAY, make_repo
from .test_campaigns import campaign, context, model, profile
from .test_images import phone_photo


def story(title: str, day: str, extra: str = "", body: str = "Nội dung bài.",
          summary: str = "") -> str:
    return (f"---\ntieu_de: '{title}'\nngay: {day}\ntac_gia: Công đoàn cơ sở\n"
            f"tom_tat: {summary or 'Tóm tắt của ' + title}\n{extra}---\n{body}\n")


COVER = ("anh_bia:\n  tep: anh-bia.jpg\n  mo_ta: Viên chức giơ tay biểu quyết tại hội trường\n"
         "  chu_thich: Lễ phát động\n  nguon: 'Ảnh: Công đoàn cơ sở'\n")

FILES: dict[str, str | bytes] = {
    "profiles/nguyen-thi-an/index.md": profile("Nguyễn Thị An"),
    "profiles/tran-van-binh/index.md": profile("Trần Văn Bình"),
    "content/phong-trao/viec-tot-2026.md": campaign(
        "Mỗi người một việc tốt", "co_quan", "05/01/2026", "dang_dien_ra"),
    "content/mo-hinh/so-tay.md": model("Sổ tay điện tử", 2024, "sang_kien", ["nguyen-thi-an"]),
    "stories/phat-dong/index.md": story(
        "Phát động phong trào", "06/01/2026",
        COVER + "phong_trao: [viec-tot-2026]\nho_so: [nguyen-thi-an]\nslug_cu: [le-phat-dong]\n",
        body="### Việc tốt nhỏ\n\nMỗi người một việc.\n\n#### Ghi nhận\n\nHằng tháng."),
    "stories/phat-dong/anh-bia.jpg": phone_photo((640, 360)),
    "stories/so-tay-ve-xa/index.md": story(
        "Sổ tay về tới xã", "22/09/2025", "mo_hinh: [so-tay]\nho_so: [nguyen-thi-an]\n"),
    "stories/tong-ket/index.md": story("Tổng kết phong trào", "20/11/2026",
                                       "phong_trao: [viec-tot-2026]\n"),
    "stories/so-ket/index.md": story("Sơ kết sáu tháng", "30/06/2026",
                                     "phong_trao: [viec-tot-2026]\n"),
    # Two on the same day: by title (Vietnamese order: "Ánh" before "Bến").
    "stories/b/index.md": story("Bến xe sạch", "01/05/2026"),
    "stories/a/index.md": story("Ánh đèn đêm", "01/05/2026"),
    "stories/c/index.md": story("Chợ phiên", "01/04/2026"),
    "stories/d/index.md": story("Dòng suối", "01/03/2025"),
}
ORDER = ["tong-ket", "so-ket", "a", "b", "c", "phat-dong", "so-tay-ve-xa", "d"]
"""Newest first: 20/11/2026, 30/06/2026, 01/05/2026 (×2, by title), 01/04, 06/01, 2025…"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Context, SiteOutput]:
    ctx = context(make_repo(tmp_path_factory.mktemp("stories") / "repo", FILES))
    return ctx, build_site(ctx.corpus, ctx.images)


def views(output: SiteOutput) -> dict[str, View]:
    return {v.url: v for v in output.views}


def hrefs(html: str) -> list[str]:
    return re.findall(r'<h[23] class="gs-card-title"><a href="([^"]+)">', html)


def front(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


# -- a story's page ----------------------------------------------------------------------------

def test_story_page_reads_title_dateline_summary_cover_body(built) -> None:
    _, output = built
    page = views(output)["tin-bai/phat-dong/"]
    md = page.markdown
    assert front(md) == {
        "title": "Phát động phong trào", "description": "Tóm tắt của Phát động phong trào",
        "lastmod": "2026-01-06", "guongsang": {"kind": "story", "slug": "phat-dong"}}
    body = md.split("---\n\n", 1)[1]
    assert body.startswith(
        "# Phát động phong trào\n\n"
        '<div class="gs-story-head"><p class="gs-kicker"><time datetime="2026-01-06">06/01/2026'
        "</time> · Công đoàn cơ sở</p>"
        '<p class="gs-lead">Tóm tắt của Phát động phong trào</p>'
        '<div class="gs-story-cover"><figure><picture>')
    cover = body.split('<div class="gs-story-cover">')[1].split("</figure>")[0]
    # The largest thing on the first screen: fetched first, never lazy; its alt text given.
    assert 'fetchpriority="high"' in cover and 'loading="lazy"' not in cover
    assert 'alt="Viên chức giơ tay biểu quyết tại hội trường"' in cover
    assert ("<figcaption>Lễ phát động — <span class=\"gs-credit\">Ảnh: Công đoàn cơ sở</span>"
            "</figcaption>") in cover
    # The body's headings start at h2 under the title, keeping their steps.
    assert "\n## Việc tốt nhỏ\n" in body and "\n### Ghi nhận\n" in body
    assert "####" not in body
    named = body.split("## Trong bài này {#gs-trong-bai}")[1].split("</dl>")[0]
    assert named == (
        '\n\n<dl class="gs-story-links"><dt>Gương điển hình</dt><dd><a href="../../ho-so/'
        'nguyen-thi-an/">Nguyễn Thị An</a> <span class="gs-muted">(Nhân tố mới)</span></dd>'
        '<dt>Phong trào thi đua</dt><dd><a href="../../phong-trao/viec-tot-2026/">Mỗi người '
        "một việc tốt</a></dd>")
    nav = body.split('<nav class="gs-story-nav"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]+)"', nav) == ["../c/", "../so-tay-ve-xa/"]
    assert body.rstrip().endswith('<p class="gs-back"><a href="../">← Tất cả tin bài</a></p>')


def test_cover_is_published_without_its_metadata(built) -> None:
    ctx, output = built
    done = ctx.photo(ctx.corpus.stories["phat-dong"], ctx.corpus.stories["phat-dong"].anh_bia)
    assert done is not None
    shown = done.published(in_cards=False)
    assert {v.format for v in shown} == {"webp", "jpeg"}
    for v in shown:
        with Image.open(ctx.images.path(v.file)) as img:
            assert dict(img.getexif()) == {} and "icc_profile" not in img.info
            assert "comment" not in img.info and "xmp" not in img.info
            # Turned upright from the phone's Orientation=6: stored 640×360, shown 360×640.
            assert img.height > img.width
    published = {a.uri for a in output.assets}
    assert {f"assets/anh/{v.file}" for v in shown} <= published


def test_former_address_redirects_to_the_story(built) -> None:
    _, output = built
    stub = next(a for a in output.assets if a.uri == "tin-bai/le-phat-dong/index.html")
    assert 'url=../phat-dong/"' in str(stub.content) and 'content="noindex"' in str(stub.content)


# -- the index and the archives ---------------------------------------------------------------

def test_index_is_newest_first_six_a_page_without_javascript(built) -> None:
    _, output = built
    pages = views(output)
    first, second = pages["tin-bai/"], pages["tin-bai/trang/2/"]
    assert hrefs(first.markdown) == [f"{s}/" for s in ORDER[:6]]
    assert hrefs(second.markdown) == [f"../../{s}/" for s in ORDER[6:]]
    assert front(first.markdown)["title"] == "Tin bài"
    assert front(second.markdown)["title"] == "Tin bài – trang 2"
    assert front(first.markdown)["lastmod"] == "2026-11-20"
    pager = second.markdown.split('<nav class="gs-pager"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]+)"', pager) == ["../../", "../../", "./"]
    assert '<span class="gs-pager-next" aria-disabled="true">' in pager
    years = first.markdown.split('<nav class="gs-story-years"')[1]
    assert re.findall(r'<a href="([^"]+)"[^>]*>Năm (\d+)</a> <span class="gs-count">(\d+) bài',
                      years) == [("nam/2026/", "2026", "6"), ("nam/2025/", "2025", "2")]
    assert "<script" not in first.markdown


def test_each_year_has_its_archive(built) -> None:
    _, output = built
    pages = views(output)
    assert sorted(u for u in pages if u.startswith("tin-bai/") and "/nam/" in u) == [
        "tin-bai/nam/2025/", "tin-bai/nam/2026/"]
    archive = pages["tin-bai/nam/2025/"].markdown
    assert hrefs(archive) == ["../../so-tay-ve-xa/", "../../d/"]
    assert "# Tin bài năm 2025" in archive
    assert 'aria-current="page">Năm 2025</a>' in archive
    assert front(archive)["lastmod"] == "2025-09-22"


# -- "Bài viết liên quan" on the pages a story names -----------------------------------------

def test_profiles_campaigns_and_models_list_the_stories_that_name_them(built) -> None:
    _, output = built
    profile_md = views(output)["ho-so/nguyen-thi-an/"].markdown
    related = profile_md.split("## Bài viết liên quan {#gs-bai-viet-lien-quan}")[1]
    assert hrefs(related) == ["../../tin-bai/phat-dong/", "../../tin-bai/so-tay-ve-xa/"]
    assert front(profile_md)["lastmod"] == "2026-01-06"
    assert "Bài viết liên quan" not in views(output)["ho-so/tran-van-binh/"].markdown
    camp = output.augments["phong-trao/viec-tot-2026.md"]
    assert hrefs(camp.split("## Bài viết liên quan")[1]) == [
        "../../tin-bai/tong-ket/", "../../tin-bai/so-ket/", "../../tin-bai/phat-dong/"]
    assert output.meta["phong-trao/viec-tot-2026.md"]["lastmod"] == "2026-11-20"
    mod = output.augments["mo-hinh/so-tay.md"]
    assert hrefs(mod.split("## Bài viết liên quan")[1]) == ["../../tin-bai/so-tay-ve-xa/"]


# -- feed, share images, search, home ----------------------------------------------------------

def test_feed_lists_stories_with_their_address_as_guid(built) -> None:
    ctx, _ = built
    xml = feed_xml(ctx.ref, ctx.profiles, TODAY, list(ctx.corpus.stories.values()))
    items = ET.fromstring(xml).find("channel").findall("item")  # type: ignore[union-attr]
    first = items[0]
    link = "https://guongsang.ttxt-lamdong.example/tin-bai/tong-ket/"
    assert [(e.tag, e.text) for e in first] == [
        ("title", "Tổng kết phong trào"), ("link", link), ("guid", link),
        ("pubDate", "Fri, 20 Nov 2026 00:00:00 +0700"),
        ("description", "Tóm tắt của Tổng kết phong trào (Công đoàn cơ sở)")]
    stories = [i.find("link").text for i in items if "/tin-bai/" in i.find("link").text]  # type: ignore[union-attr,operator]
    assert [s.rsplit("/", 2)[1] for s in stories] == ORDER  # type: ignore[union-attr]


def test_every_story_has_its_share_image(built) -> None:
    _, output = built
    for slug in ORDER:
        og = output.meta[f"tin-bai/{slug}/index.md"]["og"]
        assert og["image"].startswith("https://guongsang.ttxt-lamdong.example/assets/og/")  # type: ignore[index]
        assert og["description"] == f"Tóm tắt của {front(FILES[f'stories/{slug}/index.md'])['tieu_de']}"  # type: ignore[index, arg-type]
    uri = output.meta["tin-bai/phat-dong/index.md"]["og"]["image"].split("example/")[1]  # type: ignore[index]
    share = next(a for a in output.assets if a.uri == uri)
    with Image.open(share.path) as img:  # type: ignore[arg-type]
        assert img.size == (800, 420)


def test_search_indexes_stories_and_not_their_lists() -> None:
    found = page_kind("tin-bai/phat-dong/index.html")
    assert found is not None and (found.kind, found.name_only) == ("Tin bài", False)
    for listing in ("tin-bai/index.html", "tin-bai/trang/2/index.html",
                    "tin-bai/nam/2026/index.html", "tin-bai/nam/2026/trang/2/index.html"):
        assert page_kind(listing) is None, listing


def test_home_shows_the_latest_stories_and_can_feature_one(tmp_path: Path) -> None:
    from .test_home import home, site_yml  # noqa: F401 - the home page's own fixture

    files = {k: v for k, v in FILES.items()}
    html, problems = home(tmp_path / "a", files)
    latest = html.split("## Tin bài mới")[1].split("## ")[0]
    assert hrefs(latest) == ["tin-bai/tong-ket/", "tin-bai/so-ket/", "tin-bai/a/"]
    assert '<a href="tin-bai/">Xem tất cả tin bài</a>' in latest
    html, problems = home(tmp_path / "b", files, "noi_bat: tin-bai/phat-dong\n")
    feature = html.split("</section>")[0]
    assert '<h2 id="gs-feature-name"><a href="tin-bai/phat-dong/">Phát động phong trào</a>' in feature
    assert "<picture>" in feature and 'fetchpriority="high"' in feature
    assert problems == []
    html, problems = home(tmp_path / "c", files, "noi_bat: tin-bai/khong-co\n")
    assert [(p.rule, p.severity.value) for p in problems] == [("noi-bat", "warning")]


# -- the sample site ---------------------------------------------------------------------------

SAMPLE = {
    "phat-dong-moi-vien-chuc-mot-viec-tot": ["phong-trao/moi-vien-chuc-mot-viec-tot-2026/"],
    "tong-ket-thi-dua-chuyen-doi-so": ["phong-trao/thi-dua-chuyen-doi-so-2024/",
                                       "mo-hinh/so-hoa-ho-so-luu-tru/", "ho-so/le-minh-duc/"],
    "so-tay-nha-dau-tu-dien-tu-ve-xa-lac-duong": ["mo-hinh/so-tay-nha-dau-tu-dien-tu/",
                                                  "ho-so/le-minh-duc/"],
}
"""A campaign launch, a campaign's results, a replicated model, and pages that list them."""


def test_sample_site_has_stories_linked_from_profiles_campaigns_and_models(
        sample_site: Path) -> None:
    stories = sorted(p.parent.name for p in (sample_site / "tin-bai").glob("*/index.html")
                     if p.parent.name not in ("trang", "nam"))
    assert len(stories) >= 6
    for slug, pages in SAMPLE.items():
        assert slug in stories
        for page in pages:
            html = (sample_site / page / "index.html").read_text("utf-8")
            related = html.split('id="gs-bai-viet-lien-quan"')[1]
            assert f'href="../../tin-bai/{slug}/"' in related, (slug, page)
    sitemap = (sample_site / "sitemap.xml").read_text("utf-8")
    feed = (sample_site / "feed.xml").read_text("utf-8")
    indexed = {page.url for page, _ in pages_to_index(sample_site)}
    for slug in stories:
        assert f"/tin-bai/{slug}/</loc>" in sitemap
        assert f"tin-bai/{slug}/" in indexed
    # The feed holds the newest items of every kind (feed.MAX_ITEMS): the stories of 2026 are in
    # it among the year's awards and deeds.
    for slug in ("nguoi-o-lai-den-khi-gia-dinh-toi", "dua-da-lat-den-ban-be-bang-video-ngan",
                 "tong-ket-thi-dua-chuyen-doi-so", "phat-dong-moi-vien-chuc-mot-viec-tot"):
        assert f"/tin-bai/{slug}/</link>" in feed, slug
    assert "tin-bai/</loc>" in sitemap and "tin-bai/nam/2025/</loc>" in sitemap


# -- editors' tools ----------------------------------------------------------------------------

def test_guongsang_new_story_writes_a_template_that_passes_once_filled(tmp_path: Path) -> None:
    from guongsang.check import check

    root = make_repo(tmp_path / "repo", {})
    ref, _ = load_reference(root / "data", root)
    made = scaffold.create(Project(root=root), ref, "tin-bai", "Tổng kết phong trào năm 2026")
    assert made.path == root / "stories" / "tong-ket-phong-trao-nam-2026" / "index.md"
    text = made.path.read_text("utf-8")
    assert text.startswith("---\n# TIN BÀI — mẫu sinh tự động")
    assert "tieu_de: Tổng kết phong trào năm 2026\n" in text
    filled = (text.replace("\nngay:\n", "\nngay: 05/01/2026\n")
              .replace("\ntac_gia:\n", "\ntac_gia: Công đoàn cơ sở\n")
              .replace("\ntom_tat:\n", "\ntom_tat: Một năm nhìn lại.\n"))
    made.path.write_text(filled, encoding="utf-8")
    _, problems = check(Project(root=root), TODAY)
    assert [p.format_text() for p in problems] == []
    with pytest.raises(scaffold.ScaffoldError, match="không ghi đè tin bài đang có"):
        scaffold.create(Project(root=root), ref, "story", "Tổng kết phong trào năm 2026")


def test_the_web_form_edits_stories_beside_their_cover() -> None:
    ref, _ = load_reference(ROOT / "data", ROOT)
    config = decap.generate(Project(root=ROOT), ref)
    c = next(c for c in config["collections"] if c["name"] == "tin-bai")
    assert (c["folder"], c["path"], c["media_folder"], c["public_folder"], c["slug"]) == (
        "stories", "{{slug}}/index", "", "", "{{tieu_de}}")
    cover = next(f for f in c["fields"] if f["name"] == "anh_bia")
    # An optional group: its keys are required once the group is used (the check says so).
    assert cover["fields"][0] == {"name": "tep", "label": "Tên tệp ảnh trong thư mục bài viết",
                                  "widget": "image", "choose_url": False, "required": False}
    links = {f["name"]: f.get("collection") for f in c["fields"] if f.get("widget") == "relation"}
    assert links == {"ho_so": "ho-so", "phong_trao": "phong-trao", "mo_hinh": "mo-hinh"}


def test_cover_decodes_from_a_phone_photo() -> None:
    # The fixture's cover really carries what the pipeline must strip.
    with Image.open(io.BytesIO(FILES["stories/phat-dong/anh-bia.jpg"])) as img:  # type: ignore[arg-type]
        assert img.getexif().get(0x0112) == 6 and "icc_profile" in img.info


def test_a_pull_request_that_edits_a_story_links_to_its_preview(built) -> None:
    from guongsang.site.preview import Change, changes

    ctx, _ = built
    corpus = ctx.corpus
    assert changes(["stories/phat-dong/anh-bia.jpg", "stories/phat-dong/index.md",
                    "stories/da-xoa/index.md"], corpus, corpus.project) == [  # type: ignore[arg-type]
        Change("Tin bài", "Phát động phong trào", "tin-bai/phat-dong/"),
        Change("Tin bài", "da-xoa", None, "đã xoá hoặc đổi tên")]
