"""Initials avatars, share images (Open Graph) and the meta tags that point to them."""
from __future__ import annotations

import io
import math
import os
import struct
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from guongsang.check import check
from guongsang.media import avatars, fonts, images, ogimage
from guongsang.media.avatars import PALETTE, avatar_image, colour, initials
from guongsang.media.images import ImageCache
from guongsang.media.ogimage import ShareCard, render, share_image, wrap
from guongsang.pages.social import DEFAULT_URI
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import ROOT, TODAY
from .sitebuild import mkdocs_build, site_repo

# ---------------------------------------------------------------- the font covers Vietnamese

CONSONANTS = "bcdđghklmnpqrstvx" + "fjwz"
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang huyền hỏi ngã sắc nặng


def vietnamese_letters() -> list[str]:
    """Every Vietnamese letter, lower and upper case, each with every tone it can carry."""
    lower = list(CONSONANTS)
    for v in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", v + tone)
            assert len(letter) == 1, (v, tone)  # precomposed in Unicode
            lower.append(letter)
    return lower + [ch.upper() for ch in lower]


def cmap(path: Path) -> set[int]:
    """Code points with a real glyph, read from the font's Unicode cmap (format 4 or 12)."""
    data = path.read_bytes()
    (num_tables,) = struct.unpack(">H", data[4:6])
    tables = {}
    for i in range(num_tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        tables[tag] = offset
    base = tables[b"cmap"]
    (count,) = struct.unpack(">H", data[base + 2: base + 4])
    subtables = {}
    for i in range(count):
        pid, eid, off = struct.unpack(">HHI", data[base + 4 + 8 * i: base + 12 + 8 * i])
        subtables[(pid, eid)] = base + off
    covered: set[int] = set()
    if (3, 10) in subtables:
        at = subtables[(3, 10)]
        (n_groups,) = struct.unpack(">I", data[at + 12: at + 16])
        for g in range(n_groups):
            start, end, glyph = struct.unpack(">III", data[at + 16 + 12 * g: at + 28 + 12 * g])
            covered.update(range(start, end + 1) if glyph else range(start + 1, end + 1))
        return covered
    at = subtables[(3, 1)]
    seg2 = struct.unpack(">H", data[at + 6: at + 8])[0]
    ends = struct.unpack(f">{seg2 // 2}H", data[at + 14: at + 14 + seg2])
    starts = struct.unpack(f">{seg2 // 2}H", data[at + 16 + seg2: at + 16 + 2 * seg2])
    deltas = struct.unpack(f">{seg2 // 2}h", data[at + 16 + 2 * seg2: at + 16 + 3 * seg2])
    ro_at = at + 16 + 3 * seg2
    range_offsets = struct.unpack(f">{seg2 // 2}H", data[ro_at: ro_at + seg2])
    for i, (start, end) in enumerate(zip(starts, ends)):
        for cp in range(start, end + 1):
            if cp == 0xFFFF:
                continue
            if range_offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                where = ro_at + 2 * i + range_offsets[i] + 2 * (cp - start)
                (glyph,) = struct.unpack(">H", data[where: where + 2])
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                covered.add(cp)
    return covered


def test_the_letter_list_is_complete() -> None:
    letters = vietnamese_letters()
    assert len(set(letters)) == len(letters) == 2 * (len(CONSONANTS) + len(VOWELS) * 6)
    assert len([ch for ch in letters if not ch.isascii()]) == 134


@pytest.mark.parametrize("path", [fonts.REGULAR, fonts.BOLD], ids=lambda p: p.name)
def test_font_has_a_glyph_for_every_vietnamese_letter(path: Path) -> None:
    covered = cmap(path)
    missing = [ch for ch in vietnamese_letters() if ord(ch) not in covered]
    assert missing == []
    assert 0x0378 not in covered  # an unassigned code point: proves the reader is not lax
    for ch in "–…“”·©":  # punctuation the images use
        assert ord(ch) in covered


def _glyph(ch: str, bold: bool) -> bytes:
    img = Image.new("L", (80, 90))
    ImageDraw.Draw(img).text((10, 10), ch, font=fonts.load(40, bold), fill=255)
    assert img.getbbox() is not None, ch
    return img.tobytes()


@pytest.mark.parametrize("bold", [False, True])
def test_letters_render_as_themselves_not_as_the_missing_glyph_box(bold: bool) -> None:
    notdef = _glyph("\u0378", bold)
    drawn = {ch: _glyph(ch, bold) for ch in vietnamese_letters()}
    assert [ch for ch, pixels in drawn.items() if pixels == notdef] == []
    assert len(set(drawn.values())) == len(drawn)  # every letter looks different


def test_font_files_ship_with_their_licence() -> None:
    licence = (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Google LLC" in licence
    assert font_in_package_data()


def font_in_package_data() -> bool:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return '"media/fonts/*"' in text

# ---------------------------------------------------------------- initials avatars


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("Nguyễn Thị Hoà", "ca_nhan", "NH"),
    ("Đặng Thị Thuỷ", "ca_nhan", "ĐT"),
    ("Ưng Thị Mỹ Duyên", "ca_nhan", "ƯD"),
    ("Âu Thanh Tùng", "ca_nhan", "ÂT"),
    ("Trần Văn Ân", "ca_nhan", "TÂ"),
    ("Ông Ích Ơn", "ca_nhan", "ÔƠ"),
    ("Ánh", "ca_nhan", "A"),
    ("nguyễn   văn  an", "ca_nhan", "NA"),
    ("Nguye\u0302\u0303n Va\u0306n A\u0301nh", "ca_nhan", "NA"),  # NFD input
    ("Gia đình anh Lương Văn Sơn", "gia_dinh", "LS"),
    ("Gia đình bà Đinh Thị Ê", "gia_dinh", "ĐÊ"),
    ("Gia đình", "gia_dinh", "GĐ"),
    ("Chi đoàn Thanh niên Trung tâm", "tap_the", "TN"),
    ("Phòng Xúc tiến Du lịch", "tap_the", "XT"),
    ("Tổ Biên tập Bản tin Xúc tiến", "tap_the", "BT"),
    ("Công đoàn cơ sở", "tap_the", "CS"),
    ("Phòng", "tap_the", "P"),
    ("", "ca_nhan", "?"),
])
def test_initials(name: str, kind: str, expected: str) -> None:
    assert initials(name, kind) == expected


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = avatars.rgb(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("hex_colour", PALETTE)
def test_white_initials_are_readable_on_every_palette_colour(hex_colour: str) -> None:
    assert (1.05) / (_luminance(hex_colour) + 0.05) >= 4.5


def test_colour_is_stable_and_ignores_tone_placement() -> None:
    assert colour("Phan Văn Hòa") == colour("Phan Văn Hoà") == colour("phan văn hoà")
    picked = {colour(f"Nguyễn Văn {given}") for given in ("An", "Bình", "Chi", "Dũng", "Đạt",
                                                          "Giang", "Hải", "Khoa", "Lâm", "Minh")}
    assert len(picked) >= 4  # names spread over the palette


def test_avatar_is_drawn_once_and_shows_white_letters(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    before = images.render_count
    first = avatar_image(cache, "Đặng Thị Thuỷ")
    again = avatar_image(ImageCache(tmp_path), "Đặng Thị Thuỷ")
    assert first == again and images.render_count == before + 1
    with Image.open(first) as img:
        assert img.format == "PNG" and img.size == (avatars.SIZE, avatars.SIZE)
        assert not img.info.get("exif")
        rgb = img.convert("RGB")
    background = avatars.rgb(colour("Đặng Thị Thuỷ"))
    assert rgb.getpixel((3, 3)) == background
    white = sum(1 for v in rgb.convert("L").tobytes() if v > 240)
    assert white > 0.04 * avatars.SIZE ** 2
    other = avatar_image(cache, "Ưng Thị Mỹ Duyên")
    assert other != first and images.render_count == before + 2


# ---------------------------------------------------------------- share images


def test_wrap_respects_width_lines_and_ellipsis() -> None:
    font = fonts.load(29)
    text = "Người nhặt được chiếc túi có hộ chiếu và tiền của du khách nước ngoài " * 4
    lines = wrap(text, font, 500)
    assert len(lines) > 3 and all(font.getlength(x) <= 500 for x in lines)
    assert " ".join(lines) == " ".join(text.split())
    cut = wrap(text, font, 500, 2)
    assert len(cut) == 2 and cut[-1].endswith("…") and font.getlength(cut[-1]) <= 500
    long_word = wrap("https://example.org/" + "x" * 200, font, 300)
    assert len(long_word) > 1 and all(font.getlength(x) <= 300 for x in long_word)
    assert wrap("", font, 300) == []


def _dark_pixels(img: Image.Image, box: tuple[int, int, int, int]) -> int:
    return sum(1 for v in img.crop(box).convert("L").tobytes() if v < 110)


def _ink_rows(img: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Height of the first run of rows holding dark ink inside ``box``."""
    region = img.crop(box).convert("L")
    width = region.width
    data = region.tobytes()
    rows = [any(v < 110 for v in data[y * width:(y + 1) * width]) for y in range(region.height)]
    start = rows.index(True)
    end = rows.index(False, start) if False in rows[start:] else len(rows)
    return end - start


CARD = ShareCard(title="Đặng Thị Thuỷ", site="Gương sáng TTXT", kicker="Điển hình tiên tiến",
                 subtitle="Phòng Xúc tiến Đầu tư",
                 summary="Hướng dẫn hơn 200 nhà đầu tư hoàn thiện hồ sơ dự án.",
                 footer="guongsang.example", initials="ĐT", colour=PALETTE[3])


def test_share_image_draws_the_name_large_beside_the_panel() -> None:
    img = render(CARD)
    assert img.size == (1200, 630) and img.mode == "RGB"
    name_box = (ogimage.TEXT_X, 150, 1200 - ogimage.MARGIN, 260)
    assert _dark_pixels(img, name_box) > 4000
    assert _ink_rows(img, name_box) >= 45  # large type: the capitals alone are ~50 px tall
    other = render(ShareCard(**{**CARD.__dict__, "title": "Ưng Thị Mỹ Duyên"}))
    assert other.crop(name_box).tobytes() != img.crop(name_box).tobytes()
    # The avatar panel: the colour, with white letters in the middle.
    assert img.getpixel((10, 10)) == avatars.rgb(PALETTE[3])
    middle = img.crop((60, 200, 360, 430)).convert("L").tobytes()
    assert sum(1 for v in middle if v > 240) > 2000


def test_share_image_uses_the_photo_when_there_is_one(tmp_path: Path) -> None:
    src = tmp_path / "p.jpg"
    Image.new("RGB", (900, 1200), (30, 160, 60)).save(src)
    cache = ImageCache(tmp_path / "c")
    done = cache.process(src)
    path = share_image(cache, CARD, ogimage.panel_variant(done.by_format("webp")))
    with Image.open(path) as img:
        assert img.format == "JPEG" and img.size == (1200, 630)
        assert not img.getexif() and "icc_profile" not in img.info
        r, g, b = img.convert("RGB").getpixel((200, 300))
    assert g > 130 and r < 70 and b < 90  # the photo's green, not the avatar colour


def _psnr(a: Image.Image, b: Image.Image) -> float:
    rms = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).rms
    mse = sum(x * x for x in rms) / 3
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


def test_card_without_photo_is_an_indexed_png_that_looks_the_same(tmp_path: Path) -> None:
    path = share_image(ImageCache(tmp_path), CARD)
    assert path.suffix == ".png"
    drawn = render(CARD)
    with Image.open(path) as img:
        assert (img.format, img.mode, img.size) == ("PNG", "P", (1200, 630))
        assert not {"exif", "icc_profile", "xmp"} & set(img.info)
        back = img.convert("RGB")
    assert _psnr(drawn, back) > 45
    # Flat colours stay within one level; no anti-aliased pixel moves by more than 16.
    for xy in ((10, 10), (700, 600), (1100, 40)):
        assert max(abs(a - b) for a, b in zip(drawn.getpixel(xy), back.getpixel(xy))) <= 1
    assert max(ImageChops.difference(drawn, back).getextrema(), key=lambda e: e[1])[1] <= 16
    # Far smaller than the quality-88 JPEG it replaced, which was also less faithful.
    old = io.BytesIO()
    drawn.save(old, "JPEG", quality=88, optimize=True)
    assert path.stat().st_size < 0.5 * len(old.getvalue())
    assert _psnr(drawn, Image.open(io.BytesIO(old.getvalue()))) < _psnr(drawn, back)


def test_card_with_photo_is_a_progressive_jpeg(tmp_path: Path) -> None:
    src = tmp_path / "p.jpg"
    photo = Image.radial_gradient("L").resize((900, 1200)).convert("RGB")
    photo.save(src, quality=95)
    cache = ImageCache(tmp_path / "c")
    variant = ogimage.panel_variant(cache.process(src).by_format("webp"))
    path = share_image(cache, CARD, variant)
    assert path.suffix == ".jpg"
    with Image.open(path) as img:
        assert img.format == "JPEG" and img.info.get("progressive") == 1
        back = img.convert("RGB")
    assert _psnr(render(CARD, cache.open_variant(variant)), back) > 36
    # The site's default image keeps its fixed .jpg name even though it has no photo.
    default = share_image(cache, CARD, ext="jpg")
    assert default.suffix == ".jpg" and Image.open(default).format == "JPEG"


def test_share_image_is_cached_by_its_inputs(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    before = images.render_count
    first = share_image(cache, CARD)
    assert share_image(ImageCache(tmp_path), CARD) == first
    assert images.render_count == before + 1
    changed = share_image(cache, ShareCard(**{**CARD.__dict__, "summary": "Việc tốt khác."}))
    assert changed != first and images.render_count == before + 2


# ---------------------------------------------------------------- the generator and meta tags

PROFILE = """---
ho_ten: {name}
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
tom_tat: {summary}
dong_y_cong_bo: {consent}
{photo}---
Câu chuyện.
"""
PHOTO = "anh:\n  - tep: chan-dung.jpg\n    mo_ta: Chân dung khi làm việc\n"
SUMMARY = "Tặng \"áo ấm\" & sách cho 3 < 5 điểm trường; luôn 'sẵn lòng'."


def _jpeg(colour: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (800, 1000), colour).save(buf, "JPEG")
    return buf.getvalue()


def fixture_files() -> dict[str, str | bytes]:
    campaign = (ROOT / "content/phong-trao/thi-dua-chuyen-doi-so-2024.md").read_text("utf-8")
    return {
        "profiles/dang-thi-thuy/index.md": PROFILE.format(
            name="Đặng Thị Thuỷ", summary=_yaml(SUMMARY), consent="true", photo=PHOTO),
        "profiles/dang-thi-thuy/chan-dung.jpg": _jpeg(),
        "profiles/vo-minh-tri/index.md": PROFILE.format(
            name="Võ Minh Trí", summary="Nhặt được ví, trả lại người đánh rơi.", consent="true",
            photo=""),
        "profiles/an-danh/index.md": PROFILE.format(
            name="Lý Thị Kín", summary="Chưa đồng ý công bố.", consent="false", photo=""),
        "content/phong-trao/thi-dua-chuyen-doi-so-2024.md": campaign,
    }


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_every_published_profile_and_campaign_gets_a_share_image(repo) -> None:
    root = repo(fixture_files())
    corpus, problems = check(Project(root), TODAY)
    assert not [p for p in problems if p.is_error], [p.format_text() for p in problems]
    output = build_site(corpus)
    site = corpus.ref.site.url
    assets = {a.uri: a for a in output.assets}
    assert DEFAULT_URI in assets
    for src in ("ho-so/dang-thi-thuy/index.md", "ho-so/vo-minh-tri/index.md",
                "phong-trao/thi-dua-chuyen-doi-so-2024.md"):
        og = output.meta[src]["og"]
        assert og["image"].startswith(site + "assets/og/") and og["image"].endswith((".jpg", ".png"))
        asset = assets[og["image"][len(site):]]
        with Image.open(asset.path) as img:
            assert img.size == (og["width"], og["height"]) == (1200, 630)
        assert og["alt"].startswith("Ảnh giới thiệu: ")
    assert output.meta["ho-so/dang-thi-thuy/index.md"]["og"]["description"] == SUMMARY
    assert "ho-so/an-danh/index.md" not in output.meta
    assert not any("an-danh" in v.url for v in output.views)
    # Profiles without a photo get the initials avatar, once, on their page.
    page = next(v for v in output.views if v.url == "ho-so/vo-minh-tri/").markdown
    assert 'src="../../assets/anh/chu-cai/' in page and 'data-initials="VT"' in page


class MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        key = a.get("property") or a.get("name")
        if tag == "meta" and key and (key.startswith(("og:", "twitter:"))):
            assert key not in self.tags, f"{key} twice"
            self.tags[key] = a.get("content") or ""


def meta_tags(path: Path) -> dict[str, str]:
    parser = MetaTags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


REQUIRED = {"og:type", "og:locale", "og:site_name", "og:title", "og:description", "og:url",
            "og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:card",
            "twitter:title", "twitter:description", "twitter:image"}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    os.environ.setdefault("GUONGSANG_TODAY", "2026-11-27")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = site_repo(tmp_path_factory.mktemp("site") / "repo", fixture_files())
    return mkdocs_build(root)


def test_profile_page_carries_share_tags_with_absolute_urls(built_site: Path) -> None:
    tags = meta_tags(built_site / "ho-so/dang-thi-thuy/index.html")
    assert REQUIRED <= set(tags)
    site = "https://guongsang.ttxt-lamdong.example/"
    assert tags["og:url"] == site + "ho-so/dang-thi-thuy/"
    assert tags["og:image"].startswith(site + "assets/og/")
    assert tags["twitter:image"] == tags["og:image"]
    assert (built_site / tags["og:image"][len(site):]).is_file()
    assert (tags["og:type"], tags["og:locale"], tags["twitter:card"]) == (
        "article", "vi_VN", "summary_large_image")
    assert tags["og:title"] == tags["twitter:title"] == "Đặng Thị Thuỷ"
    assert tags["og:description"] == tags["twitter:description"] == SUMMARY
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    raw = (built_site / "ho-so/dang-thi-thuy/index.html").read_text(encoding="utf-8")
    assert 'content="Tặng &#34;áo ấm&#34; &amp; sách cho 3 &lt; 5' in raw


def test_pages_without_their_own_image_use_the_site_default(built_site: Path) -> None:
    site = "https://guongsang.ttxt-lamdong.example/"
    for page in ("index.html", "phong-trao/index.html", "gioi-thieu/index.html"):
        tags = meta_tags(built_site / page)
        assert REQUIRED <= set(tags), page
        assert tags["og:image"] == site + DEFAULT_URI, page
        assert tags["og:type"] == "website"
        assert tags["og:url"] == site + page.removesuffix("index.html")
    with Image.open(built_site / DEFAULT_URI) as img:
        assert img.size == (1200, 630)
    home = meta_tags(built_site / "index.html")
    assert home["og:title"].startswith("Gương sáng")


def test_campaign_page_has_its_own_image(built_site: Path) -> None:
    tags = meta_tags(built_site / "phong-trao/thi-dua-chuyen-doi-so-2024/index.html")
    assert "/assets/og/" in tags["og:image"] and not tags["og:image"].endswith(DEFAULT_URI)
    assert tags["og:title"].startswith("Thi đua đẩy mạnh chuyển đổi số")


def test_share_tags_follow_a_site_under_a_sub_path(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", "2026-11-27")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    root = site_repo(tmp_path / "repo", fixture_files())
    site_yml = root / "data/site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(text.replace("url: https://guongsang.ttxt-lamdong.example/",
                                     "url: https://example.org/guong-sang/"), encoding="utf-8")
    site_dir = mkdocs_build(root)
    tags = meta_tags(site_dir / "ho-so/vo-minh-tri/index.html")
    assert tags["og:url"] == "https://example.org/guong-sang/ho-so/vo-minh-tri/"
    assert tags["og:image"].startswith("https://example.org/guong-sang/assets/og/")
    assert (site_dir / tags["og:image"].removeprefix("https://example.org/guong-sang/")).is_file()
    home = meta_tags(site_dir / "index.html")
    assert home["og:image"] == "https://example.org/guong-sang/" + DEFAULT_URI


def test_image_text_gets_curly_quotes_and_single_spaces() -> None:
    assert ogimage.typographic('Mở  "phiên chợ"\nvà "x') == "Mở “phiên chợ” và \"x"
