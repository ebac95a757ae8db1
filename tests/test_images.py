"""Photos on the way to the site: oriented, stripped, resized, cached, and never a crash."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw

from guongsang.check import check
from guongsang.media import images
from guongsang.media.images import ImageCache, ImageError, open_image
from guongsang.problems import Problem
from guongsang.project import Project
from guongsang.site.build import build_site

from .conftest import TODAY

RED, BLUE = (220, 20, 20), (20, 40, 200)
GPS_TAG = 0x8825
ORIENTATION = 0x0112
COMMENT = b"Chup tai Da Lat, may cua anh Son"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description>secret-xmp-marker</rdf:Description></rdf:RDF>'
       b"</x:xmpmeta>")


def phone_photo(size: tuple[int, int] = (200, 100), orientation: int = 6,
                fmt: str = "JPEG") -> bytes:
    """A photo as a phone stores it: sideways pixels plus Orientation, GPS, XMP, ICC, comment.

    The stored top-left 40×40 corner is red, the rest blue, so the rotation direction shows.
    """
    img = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(img).rectangle((0, 0, 39, 39), fill=RED)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(GPS_TAG)
    gps.update({1: "N", 2: (11.0, 56.0, 24.0), 3: "E", 4: (108.0, 26.0, 42.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    extra = {"comment": COMMENT} if fmt == "JPEG" else {}
    img.save(buf, fmt, exif=exif.tobytes(), icc_profile=icc, xmp=XMP, quality=95, **extra)
    return buf.getvalue()


def test_the_sample_photo_really_carries_what_must_be_removed(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    src.write_bytes(phone_photo())
    with Image.open(src) as img:
        exif = img.getexif()
        assert exif[ORIENTATION] == 6 and exif.get_ifd(GPS_TAG)[1] == "N"
        assert {"icc_profile", "xmp", "comment"} <= set(img.info)


def assert_clean(path: Path) -> None:
    raw = path.read_bytes()
    with Image.open(path) as img:
        assert not img.getexif(), path
        assert not {"exif", "icc_profile", "xmp", "comment"} & set(img.info), (path, img.info.keys())
    for marker in (b"Exif\x00\x00", b"PhoneMaker", b"secret-xmp-marker", b"ICC_PROFILE",
                   COMMENT, b"ns.adobe.com/xap"):
        assert marker not in raw, (path, marker)


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP", "PNG"])
def test_orientation_applied_then_every_metadata_dropped(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / f"a.{fmt.lower()}"
    src.write_bytes(phone_photo(fmt=fmt))
    done = ImageCache(tmp_path / "cache").process(src)
    assert (done.width, done.height) == (100, 200)
    assert {(v.format, v.width, v.height) for v in done.variants} == {
        ("webp", 100, 200), ("jpeg", 100, 200)}
    for v in done.variants:
        path = tmp_path / "cache" / f"images-v{images.PIPELINE_VERSION}" / v.file
        assert_clean(path)
        with Image.open(path) as img:
            rgb = img.convert("RGB")
            # Orientation 6 = "turn 90° clockwise to view": the stored top-left goes top-right.
            top_right, top_left = rgb.getpixel((85, 15)), rgb.getpixel((15, 15))
            bottom_right = rgb.getpixel((85, 185))
        assert top_right[0] > 180 and top_right[2] < 80, top_right
        assert top_left[2] > 150 and top_left[0] < 80, top_left
        assert bottom_right[2] > 150 and bottom_right[0] < 80, bottom_right


def test_webp_at_every_width_and_one_jpeg_fallback(tmp_path: Path) -> None:
    src = tmp_path / "big.jpg"
    Image.new("RGB", (1600, 1200), (90, 120, 60)).save(src)
    done = ImageCache(tmp_path / "cache").process(src)
    assert [(v.width, v.height) for v in done.by_format("webp")] == [
        (320, 240), (640, 480), (1280, 960)]
    assert [(v.width, v.height) for v in done.by_format("jpeg")] == [(640, 480)]
    assert done.largest().format == "webp" and done.largest().width == 1280
    # What layouts show: pages from 640 up, cards the 320 one, everyone the JPEG fallback.
    assert [v.width for v in done.page()] == [640, 1280]
    assert (done.card().width, done.card().format) == (320, "webp")
    assert [(v.format, v.width) for v in done.published(in_cards=False)] == [
        ("webp", 640), ("webp", 1280), ("jpeg", 640)]
    assert [(v.format, v.width) for v in done.published(in_cards=True)] == [
        ("webp", 640), ("webp", 1280), ("jpeg", 640), ("webp", 320)]

    small = tmp_path / "small.png"
    Image.new("RGBA", (500, 300), (0, 0, 0, 0)).save(small)
    done = ImageCache(tmp_path / "cache").process(small)
    assert [v.width for v in done.by_format("webp")] == [320, 500]  # never enlarged
    assert [v.width for v in done.by_format("jpeg")] == [500]
    assert [v.width for v in done.page()] == [500]  # narrower than 640: its own width
    path = tmp_path / "cache" / f"images-v{images.PIPELINE_VERSION}" / done.fallback().file
    with Image.open(path) as img:  # transparency becomes white, not black
        assert img.convert("RGB").getpixel((10, 10)) == (255, 255, 255)


def test_colour_profile_is_applied_then_dropped(tmp_path: Path) -> None:
    """Pixels are converted to sRGB through the embedded profile, then the profile goes."""
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    src = tmp_path / "g.png"
    Image.new("RGB", (64, 64), (128, 64, 32)).save(src, icc_profile=icc)
    img = open_image(src)
    assert img.mode == "RGB" and not img.info
    assert all(abs(a - b) <= 2 for a, b in zip(img.getpixel((5, 5)), (128, 64, 32)))

    broken = tmp_path / "b.png"
    Image.new("RGB", (8, 8), (10, 20, 30)).save(broken, icc_profile=b"not a profile")
    assert open_image(broken).getpixel((1, 1)) == (10, 20, 30)  # ignored, not a failure


def test_corrupt_files_raise_an_editor_message(tmp_path: Path) -> None:
    good = phone_photo((400, 300), 1)
    cases = {"cut.jpg": good[: len(good) // 2], "junk.jpg": b"not an image at all",
             "empty.png": b""}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ImageError, match="Không đọc được ảnh"):
            open_image(tmp_path / name)
    (tmp_path / "pdf.jpg").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ImageError, match="^Tệp là PDF, không phải ảnh.$"):
        open_image(tmp_path / "pdf.jpg")
    gif = tmp_path / "anim.jpg"
    Image.new("P", (4, 4)).save(gif, "GIF")  # GIF renamed .jpg: refused before decoding
    with pytest.raises(ImageError):
        open_image(gif)


PROFILE = """---
ho_ten: {name}
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
tom_tat: Người thử nghiệm ảnh của trang.
dong_y_cong_bo: true
anh:
  - tep: {photo}
    mo_ta: Chân dung khi làm việc
---
Câu chuyện.
"""


def _corpus(root: Path):
    corpus, problems = check(Project(root), TODAY)
    assert not [p for p in problems if p.is_error], [p.format_text() for p in problems]
    return corpus


def test_truncated_photo_is_a_problem_at_its_line_not_a_crash(repo) -> None:
    good = phone_photo((800, 600), 1)
    root = repo({"profiles/tran-thi-hong/index.md": PROFILE.format(name="Trần Thị Hồng",
                                                                   photo="chan-dung.jpg"),
                 "profiles/tran-thi-hong/chan-dung.jpg": good[: len(good) // 3]})
    expected = [Problem(
        "profiles/tran-thi-hong/index.md", 10, "anh[1].tep", "anh-hong",
        '"chan-dung.jpg": Không đọc được ảnh (tệp hỏng, bị cắt cụt hoặc không phải ảnh).',
        "Mở ảnh bằng trình xem ảnh rồi lưu lại dạng .jpg.")]
    corpus, problems = check(Project(root), TODAY)
    assert problems == expected  # the check decodes as the build does…
    output = build_site(corpus)
    assert output.problems == expected  # …and the build, run anyway, says the same
    page = next(v for v in output.views if v.url == "ho-so/tran-thi-hong/")
    assert 'class="gs-avatar"' in page.markdown  # the page still renders, with the avatar


def test_profile_page_offers_webp_widths_and_one_jpeg(repo) -> None:
    big = io.BytesIO()
    Image.new("RGB", (2000, 1500), (90, 120, 60)).save(big, "JPEG")
    root = repo({"profiles/le-van-tam/index.md": PROFILE.format(name="Lê Văn Tâm",
                                                                photo="chan-dung.jpg"),
                 "profiles/le-van-tam/chan-dung.jpg": big.getvalue()})
    output = build_site(_corpus(root))
    page = next(v for v in output.views if v.url == "ho-so/le-van-tam/").markdown
    picture = re.search(r"<picture>.*?</picture>", page).group(0)
    digest = re.search(r"assets/anh/([0-9a-f]{20})-", picture).group(1)
    img = f"../../assets/anh/{digest}"
    assert picture == (
        f'<picture><source type="image/webp" srcset="{img}-640.webp 640w, {img}-1280.webp 1280w" '
        'sizes="(min-width: 76.25em) 17rem, (min-width: 45em) 38vw, 100vw">'
        f'<img src="{img}-640.jpg" alt="Chân dung khi làm việc" width="640" height="480" '
        # The first photo is the largest thing of the first screen: fetched first, not lazily.
        'fetchpriority="high"></picture>')
    # Published: what the page and the cards show, not the 320 JPEG nor a 1280 JPEG.
    assert sorted(a.uri for a in output.assets if a.uri.startswith("assets/anh/" + digest)) == [
        f"assets/anh/{digest}-1280.webp", f"assets/anh/{digest}-320.webp",
        f"assets/anh/{digest}-640.jpg", f"assets/anh/{digest}-640.webp"]


def test_second_build_decodes_and_draws_nothing(repo) -> None:
    files = {}
    for slug, name in (("pham-van-son", "Phạm Văn Sơn"), ("do-thi-lan", "Đỗ Thị Lan")):
        files[f"profiles/{slug}/index.md"] = PROFILE.format(name=name, photo="a.jpg")
        files[f"profiles/{slug}/a.jpg"] = phone_photo((900, 700), 6)
    files["profiles/vo-minh-tri/index.md"] = PROFILE.format(
        name="Võ Minh Trí", photo="a.jpg").replace("anh:\n  - tep: a.jpg\n    mo_ta: Chân dung "
                                                  "khi làm việc\n", "")
    root = repo(files)

    before = (images.decode_count, images.render_count)
    first = build_site(_corpus(root))
    assert images.decode_count - before[0] >= 2  # two photos (plus their share images)
    assert images.render_count - before[1] >= 3 + 1  # three share images, one avatar, default

    middle = (images.decode_count, images.render_count)
    second = build_site(_corpus(root))  # a new ImageCache on the same cache directory
    assert (images.decode_count, images.render_count) == middle
    assert sorted(a.uri for a in second.assets) == sorted(a.uri for a in first.assets)
    assert all(a.path is None or a.path.is_file() for a in second.assets)

    # Replacing one photo re-derives that photo only.
    (root / "profiles/do-thi-lan/a.jpg").write_bytes(phone_photo((901, 700), 1))
    third = build_site(_corpus(root))
    assert images.decode_count > middle[0]
    changed = {a.uri for a in third.assets} - {a.uri for a in second.assets}
    assert changed and all(u.startswith(("assets/anh/", "assets/og/")) for u in changed)
