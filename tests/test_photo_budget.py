"""The source photo budget (#17): data, the check, `guongsang shrink`, the pre-commit hook.

Shrinking must lose nothing the site can show: the tests compare, pixel by pixel, what the site
publishes from the original photo and from the shrunk one, at every published size.
"""
from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageStat

from guongsang import cli
from guongsang.check import check
from guongsang.load.refdata import load_reference
from guongsang.media import images, shrink
from guongsang.media.budget import (
    DEFAULT_KB,
    DEFAULT_LONG_EDGE,
    PhotoBudget,
    format_bytes,
    read_budget,
)
from guongsang.media.images import ImageCache, open_image
from guongsang.problems import Problem, Severity
from guongsang.project import Project

from .conftest import ROOT, TODAY
from .test_images import COMMENT, GPS_TAG, ORIENTATION, XMP, assert_clean

PROFILE = """---
ho_ten: Trần Văn Ảnh
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
tom_tat: Người thử giới hạn ảnh gốc.
dong_y_cong_bo: true
anh:
  - tep: chan-dung.jpg
    mo_ta: Chân dung khi làm việc
  - tep: hien-truong.jpg
    mo_ta: Tại hiện trường
---
Câu chuyện.
"""
SLUG = "tran-van-anh"


def textured(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """A photo-like picture: blotchy colour, a gradient, outlines and fine sensor-like noise."""
    w, h = size
    small = (max(1, w // 8), max(1, h // 8))
    bands = [Image.effect_noise(small, 60 + 5 * (seed + i)) for i in range(3)]
    img = Image.merge("RGB", bands).filter(ImageFilter.GaussianBlur(3)).resize(size,
                                                                               Image.BICUBIC)
    img = Image.blend(img, Image.linear_gradient("L").resize(size).convert("RGB"), 0.4)
    draw = ImageDraw.Draw(img)
    for i in range(40):
        x, y = (i * 733 + seed) % w, (i * 389) % h
        draw.ellipse((x, y, x + w // 12, y + h // 14), outline=(200, 40 + i, 90),
                     width=max(2, w // 600))
    return Image.blend(img, Image.effect_noise(size, 18).convert("RGB"), 0.25)


def phone_jpeg(size: tuple[int, int] = (4000, 3000), orientation: int = 6) -> bytes:
    """A phone's photo: big, sideways pixels plus Orientation, GPS, maker, XMP, ICC, comment.
    The stored top-left corner is pure red so the rotation direction shows after shrinking."""
    img = textured(size)
    ImageDraw.Draw(img).rectangle((0, 0, size[0] // 10, size[1] // 10), fill=(255, 0, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_TAG).update({1: "N", 2: (11.0, 56.0, 24.0), 3: "E", 4: (108.0, 26.0, 42.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95, exif=exif.tobytes(), icc_profile=icc, xmp=XMP,
             comment=COMMENT)
    return buf.getvalue()


def padded_jpeg(size: tuple[int, int], total: int) -> bytes:
    """A small JPEG grown to exactly ``total`` bytes with data after its end marker (decoders
    stop at the marker), so a test controls the file size to the byte."""
    buf = io.BytesIO()
    Image.new("RGB", size, (90, 120, 60)).save(buf, "JPEG")
    data = buf.getvalue()
    assert len(data) <= total
    return data + b"\0" * (total - len(data))


def site_yml(budget: str) -> str:
    return (ROOT / "data/site.yml").read_text("utf-8").split("\nanh_goc:")[0] + "\n" + budget


def _psnr(a: Image.Image, b: Image.Image) -> float:
    rms = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).rms
    mse = sum(x * x for x in rms) / 3
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


# ---------------------------------------------------------------- the budget is data

def test_default_budget_is_the_largest_published_width_plus_headroom() -> None:
    assert DEFAULT_LONG_EDGE == 2 * max(images.WIDTHS) == 2560
    assert PhotoBudget() == PhotoBudget(max_kb=DEFAULT_KB, max_long_edge=2560, error_factor=3)
    assert DEFAULT_KB == 1400
    assert PhotoBudget().describe() == "1,4 MB và cạnh dài 2.560 điểm ảnh"
    # The shipped site.yml states the same numbers, so the two cannot drift apart silently.
    ref, problems = load_reference(ROOT / "data", ROOT)
    assert ref.site.anh_goc == PhotoBudget() and problems == []


def test_sizes_are_written_as_a_file_manager_shows_them() -> None:
    assert [format_bytes(n) for n in (0, 10, 153_600, 2**20 - 1, 3_355_443, 12 * 2**20)] == [
        "0 KB", "1 KB", "150 KB", "1.024 KB", "3,2 MB", "12,0 MB"]


def test_a_wrong_budget_is_reported_at_its_line_and_the_default_kept(repo) -> None:
    root = repo({"data/site.yml": site_yml(
        "anh_goc:\n  dung_luong_toi_da_kb: nhiều\n  canh_dai_toi_da: 640\n"
        "  he_so_loi: 2\n  chieu_rong: 10\n")})
    ref, problems = load_reference(root / "data", root)
    lines = (root / "data/site.yml").read_text("utf-8").splitlines()
    at = {key: lines.index(next(x for x in lines if x.strip().startswith(key))) + 1
          for key in ("dung_luong_toi_da_kb", "canh_dai_toi_da", "chieu_rong")}
    assert problems == [
        Problem("data/site.yml", at["dung_luong_toi_da_kb"], "anh_goc.dung_luong_toi_da_kb",
                "du-lieu-tham-chieu",
                "`dung_luong_toi_da_kb` phải là một số từ 50 đến 100.000, đang ghi \"nhiều\".",
                "Ví dụ: dung_luong_toi_da_kb: 1.400"),
        Problem("data/site.yml", at["canh_dai_toi_da"], "anh_goc.canh_dai_toi_da",
                "du-lieu-tham-chieu",
                "`canh_dai_toi_da` phải là một số từ 1.280 đến 20.000, đang ghi \"640\".",
                "Ví dụ: canh_dai_toi_da: 2.560"),
        Problem("data/site.yml", at["chieu_rong"], "anh_goc.chieu_rong", "du-lieu-tham-chieu",
                "Trường `chieu_rong` không có trong `anh_goc`.",
                "Các trường dùng được: dung_luong_toi_da_kb, canh_dai_toi_da, he_so_loi."),
    ]
    assert ref.site.anh_goc == PhotoBudget(error_factor=2)


def test_budget_that_is_not_a_mapping() -> None:
    seen: list[tuple] = []
    assert read_budget("1400", lambda *a: seen.append(a)) == PhotoBudget()
    example = "Ví dụ: anh_goc: {dung_luong_toi_da_kb: 1400, canh_dai_toi_da: 2560, he_so_loi: 3}"
    assert seen == [(("anh_goc",), "`anh_goc` phải là một nhóm trường.", example)]


# ---------------------------------------------------------------- the check

SMALL_BUDGET = "anh_goc:\n  dung_luong_toi_da_kb: 100\n  canh_dai_toi_da: 1600\n  he_so_loi: 3\n"


def _budget_problems(root: Path) -> list[Problem]:
    _, problems = check(Project(root), TODAY)
    return [p for p in problems if p.rule == "anh-qua-lon"]


def test_photos_over_the_budget_warn_and_far_over_is_an_error(repo) -> None:
    folder = f"profiles/{SLUG}"
    root = repo({
        "data/site.yml": site_yml(SMALL_BUDGET),
        f"{folder}/index.md": PROFILE,
        f"{folder}/chan-dung.jpg": padded_jpeg((800, 600), 150 * 1024),    # 1.5× the bytes
        f"{folder}/hien-truong.jpg": padded_jpeg((800, 600), 350 * 1024),  # 3.5×: an error
        f"{folder}/ban-goc.jpg": padded_jpeg((1700, 100), 20_000),  # not named; edge 1700
        f"{folder}/nho.jpg": padded_jpeg((1600, 1200), 100 * 1024),  # exactly at the limits
    })
    hint = ("Thu nhỏ ảnh tại chỗ (vẫn đủ nét cho mọi cỡ ảnh trên trang; bỏ thông tin máy ảnh và "
            "vị trí GPS) bằng lệnh: guongsang shrink ")
    limits = "100 KB và cạnh dài 1.600 điểm ảnh"
    assert _budget_problems(root) == [
        Problem(f"{folder}/ban-goc.jpg", 0, "", "anh-qua-lon",
                f"Ảnh \"ban-goc.jpg\" nặng 20 KB, 1700×100 điểm ảnh: vượt giới hạn ảnh gốc của "
                f"kho ({limits}).", hint + f"{folder}/ban-goc.jpg", Severity.WARNING),
        Problem(f"{folder}/index.md", 10, "anh[1].tep", "anh-qua-lon",
                f"Ảnh \"chan-dung.jpg\" nặng 150 KB, 800×600 điểm ảnh: vượt giới hạn ảnh gốc của "
                f"kho ({limits}).", hint + f"{folder}/chan-dung.jpg", Severity.WARNING),
        Problem(f"{folder}/index.md", 12, "anh[2].tep", "anh-qua-lon",
                f"Ảnh \"hien-truong.jpg\" nặng 350 KB, 800×600 điểm ảnh: gấp hơn 3 lần giới hạn "
                f"ảnh gốc của kho ({limits}); ảnh lớn như vậy nằm mãi trong lịch sử git và mọi "
                "bản sao của kho.", hint + f"{folder}/hien-truong.jpg", Severity.ERROR),
    ]


def test_a_story_cover_and_other_images_of_its_folder_have_the_same_budget(repo) -> None:
    folder = "stories/phat-dong"
    story = ("---\ntieu_de: Phát động phong trào\nngay: 06/01/2026\ntac_gia: Công đoàn cơ sở\n"
             "tom_tat: Lễ phát động.\nanh_bia:\n  tep: anh-bia.jpg\n"
             "  mo_ta: Hội trường trong lễ phát động\n---\nNội dung.\n")
    root = repo({"data/site.yml": site_yml(SMALL_BUDGET), f"{folder}/index.md": story,
                 f"{folder}/anh-bia.jpg": padded_jpeg((800, 600), 150 * 1024),
                 f"{folder}/ban-nhap.jpg": padded_jpeg((800, 600), 350 * 1024)})
    assert [(p.file, p.line, p.field, p.severity) for p in _budget_problems(root)] == [
        (f"{folder}/ban-nhap.jpg", 0, "", Severity.ERROR),
        (f"{folder}/index.md", 7, "anh_bia.tep", Severity.WARNING)]


def test_photos_within_the_budget_raise_nothing(repo) -> None:
    folder = f"profiles/{SLUG}"
    root = repo({f"{folder}/index.md": PROFILE,
                 f"{folder}/chan-dung.jpg": padded_jpeg((2560, 1920), 1400 * 1024),
                 f"{folder}/hien-truong.jpg": padded_jpeg((1200, 2560), 900 * 1024)})
    assert _budget_problems(root) == []


def test_the_long_edge_counts_as_the_viewer_shows_the_photo(repo) -> None:
    # Stored 3000×200 with orientation 6: shown 200×3000, and reported that way.
    folder = f"profiles/{SLUG}"
    root = repo({f"{folder}/index.md": PROFILE.split("  - tep: hien")[0] + "---\nCâu chuyện.\n",
                 f"{folder}/chan-dung.jpg": phone_jpeg((3000, 200))})
    [problem] = _budget_problems(root)
    assert problem.severity is Severity.WARNING and "200×3000 điểm ảnh" in problem.message


def test_a_quoted_command_for_names_with_spaces() -> None:
    assert shrink.command(["profiles/a b/ảnh 1.jpg", "profiles/c/d.jpg"]) == (
        "guongsang shrink 'profiles/a b/ảnh 1.jpg' profiles/c/d.jpg")


# ---------------------------------------------------------------- shrinking

@pytest.fixture(scope="module")
def big_photo() -> bytes:
    return phone_jpeg()


def _repo_with(repo, photos: dict[str, bytes]) -> Path:
    files: dict[str, str | bytes] = {f"profiles/{SLUG}/index.md": PROFILE}
    files.update({f"profiles/{SLUG}/{name}": data for name, data in photos.items()})
    return repo(files)


def test_shrink_brings_a_phone_photo_within_budget_without_visible_loss(
        repo, big_photo: bytes, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = _repo_with(repo, {"chan-dung.jpg": big_photo,
                             "hien-truong.jpg": padded_jpeg((1200, 800), 300_000)})
    path = root / f"profiles/{SLUG}/chan-dung.jpg"
    original = tmp_path / "original.jpg"
    original.write_bytes(big_photo)
    small_before = (root / f"profiles/{SLUG}/hien-truong.jpg").stat()

    assert cli.main(["shrink", "--root", str(root)]) == 0
    after = path.stat().st_size
    rel = f"profiles/{SLUG}/chan-dung.jpg"
    assert capsys.readouterr().out == (
        f"Đã thu nhỏ {rel}: {format_bytes(len(big_photo))} → {format_bytes(after)}, "
        "3000×4000 → 1920×2560 điểm ảnh.\n"
        f"Xong: thu nhỏ 1 ảnh, tiết kiệm {format_bytes(len(big_photo) - after)}. "
        "Giới hạn: 1,4 MB và cạnh dài 2.560 điểm ảnh (data/site.yml, mục anh_goc).\n")
    assert len(big_photo) > 3 * 2**20 and after <= 1400 * 1024
    other = (root / f"profiles/{SLUG}/hien-truong.jpg").stat()  # within budget: untouched
    assert (other.st_size, other.st_mtime_ns) == (small_before.st_size, small_before.st_mtime_ns)

    # Orientation applied to the pixels (the red corner went top-right), metadata gone.
    assert_clean(path)
    with Image.open(path) as img:
        assert img.format == "JPEG" and img.size == (1920, 2560)
        assert img.convert("RGB").getpixel((1900, 20))[0] > 200
        assert img.convert("RGB").getpixel((20, 20))[0] < 200
    assert _budget_problems(root) == []

    # Nothing visible lost at the sizes the site publishes: the pixels the site encodes from
    # the shrunk photo equal, within JPEG's noise, those it encodes from the original.
    src, shrunk = open_image(original), open_image(path)
    for width in (*images.WIDTHS, images.FALLBACK_WIDTH):
        size = (width, round(src.height * width / src.width))
        a = src.resize(size, Image.Resampling.LANCZOS)
        b = shrunk.resize(size, Image.Resampling.LANCZOS)
        assert _psnr(a, b) > 40, width
        assert max(ImageStat.Stat(ImageChops.difference(a, b)).mean) < 1.5, width
    # …and the files the site publishes from each are as close as two encodings can be.
    cache_a, cache_b = ImageCache(tmp_path / "a"), ImageCache(tmp_path / "b")
    done_a, done_b = cache_a.process(original), cache_b.process(path)
    assert [(v.format, v.width, v.height) for v in done_a.variants] == [
        (v.format, v.width, v.height) for v in done_b.variants]
    for va, vb in zip(done_a.variants, done_b.variants):
        assert _psnr(cache_a.open_variant(va), cache_b.open_variant(vb)) > 38, va


def test_check_mode_lists_and_changes_nothing(repo, big_photo: bytes,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo_with(repo, {"chan-dung.jpg": big_photo})
    path = root / f"profiles/{SLUG}/chan-dung.jpg"
    assert cli.main(["shrink", "--kiem-tra", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    rel = f"profiles/{SLUG}/chan-dung.jpg"
    assert out.startswith(f"Quá giới hạn: {rel} ({format_bytes(len(big_photo))}, 3000×4000 điểm "
                          "ảnh); thu nhỏ được còn khoảng ")
    assert out.endswith(f"1 ảnh vượt giới hạn (1,4 MB và cạnh dài 2.560 điểm ảnh). Thu nhỏ bằng "
                        f"lệnh: guongsang shrink {rel}\n")
    assert path.read_bytes() == big_photo


def test_pull_request_comment_suggests_the_command(repo, big_photo: bytes,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = _repo_with(repo, {"chan-dung.jpg": big_photo})
    rel = f"profiles/{SLUG}/chan-dung.jpg"
    # As the workflow runs it: the files the pull request changed, on standard input.
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{rel}\nprofiles/{SLUG}/index.md\n"))
    assert cli.main(["shrink", "--kiem-tra", "--format", "markdown", "--root", str(root),
                     "-"]) == 0
    out = capsys.readouterr().out
    after = shrink.shrink(root / rel, PhotoBudget(), write=False).after
    assert out == (
        "<!-- guongsang-anh-goc -->\n### 📷 Ảnh gốc quá lớn\n\n"
        "Giới hạn ảnh gốc của kho là 1,4 MB và cạnh dài 2.560 điểm ảnh (`data/site.yml`, mục "
        "`anh_goc`). Mỗi ảnh được commit sẽ nằm mãi trong lịch sử git và mọi bản sao của kho, "
        "nên hãy thu nhỏ trước khi hợp nhất. Trang đăng ảnh không rộng quá 1280 điểm ảnh, nên "
        "thu nhỏ không làm ảnh trên trang kém nét.\n\n"
        "| Ảnh | Hiện tại | Sau khi thu nhỏ |\n| --- | --- | --- |\n"
        f"| `{rel}` | {format_bytes(len(big_photo))}, 3000×4000 | {format_bytes(after)}, "
        "1920×2560 |\n\n"
        "Chạy lệnh sau trong thư mục kho trên máy của bạn, rồi commit và đẩy lại các ảnh:\n\n"
        f"```sh\nguongsang shrink {rel}\n```\n\n"
        "Lệnh giữ đúng chiều ảnh, bỏ thông tin máy ảnh và vị trí GPS, và báo số byte tiết kiệm "
        "được. Muốn việc này tự chạy mỗi lần commit: chạy `make hooks` một lần (mục 3 «Thêm ảnh» "
        "của HUONG-DAN-BIEN-TAP.md). Hệ thống không tự sửa commit của bạn.\n")
    assert (root / rel).read_bytes() == big_photo
    # Nothing over the budget: no comment at all.
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"profiles/{SLUG}/index.md\n"))
    assert cli.main(["shrink", "--kiem-tra", "--format", "markdown", "--root", str(root),
                     "-"]) == 0
    assert capsys.readouterr().out == ""


def test_a_png_stays_a_png_and_says_when_jpeg_would_be_needed(repo, tmp_path: Path) -> None:
    noisy = textured((3000, 2000))
    buf = io.BytesIO()
    noisy.save(buf, "PNG")
    root = _repo_with(repo, {"anh.png": buf.getvalue()})
    path = root / f"profiles/{SLUG}/anh.png"
    result = shrink.shrink(path, PhotoBudget())
    assert result.changed and result.dims_after == (2560, 1707)
    with Image.open(path) as img:
        assert img.format == "PNG" and img.size == (2560, 1707)
    assert result.after > PhotoBudget().max_bytes  # noise does not compress without loss
    assert result.note == (f"Vẫn nặng {format_bytes(result.after)} sau khi thu nhỏ: lưu ảnh "
                           "dạng .jpg sẽ nhẹ hơn nhiều (nhớ sửa tên tệp trong hồ sơ).")


def test_a_file_that_would_not_get_smaller_is_kept(tmp_path: Path) -> None:
    # Over the long edge but tiny in bytes: re-encoding a flat 3000×100 JPEG cannot beat it.
    path = tmp_path / "bang.jpg"
    Image.new("RGB", (3000, 100), (250, 250, 250)).save(path, quality=20)
    data = path.read_bytes()
    result = shrink.shrink(path, PhotoBudget(max_long_edge=2560))
    if result.changed:  # a smaller file is fine too; it must then be within the edge
        assert max(result.dims_after) <= 2560
    else:
        assert result.note == "Đã thử nén lại nhưng ảnh không nhỏ hơn; giữ nguyên tệp."
        assert path.read_bytes() == data


def test_shrink_reports_unreadable_files_and_goes_on(repo, big_photo: bytes,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo_with(repo, {"chan-dung.jpg": big_photo[: len(big_photo) // 2] + b"\0" * 2**21})
    path = root / f"profiles/{SLUG}/chan-dung.jpg"
    assert cli.main(["shrink", str(path), str(root / "khong-co.jpg"),
                     "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert err == (f"profiles/{SLUG}/chan-dung.jpg: Không đọc được ảnh (tệp hỏng, bị cắt cụt "
                   "hoặc không phải ảnh).\nKhông tìm thấy tệp khong-co.jpg.\n")


def test_markdown_needs_check_mode(repo, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo_with(repo, {})
    assert cli.main(["shrink", "--format", "markdown", "--root", str(root)]) == 2
    assert capsys.readouterr().err == (
        "Lỗi: --format markdown chỉ dùng cùng --kiem-tra (bình luận cho pull request).\n")


# ---------------------------------------------------------------- the pre-commit hook

def _git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env=env).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_shrinks_staged_photos_only(repo, big_photo: bytes) -> None:
    root = _repo_with(repo, {"chan-dung.jpg": big_photo,
                             "hien-truong.jpg": padded_jpeg((1200, 800), 300_000)})
    env = {**os.environ, "GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.org",
           "GIT_COMMITTER_NAME": "Biên tập", "GIT_COMMITTER_EMAIL": "bt@example.org",
           "GUONGSANG": str(Path(sys.executable).with_name("guongsang"))}
    _git(root, "init", "-q")
    hook = root / ".git/hooks/pre-commit"
    shutil.copy2(ROOT / "scripts/pre-commit", hook)
    os.chmod(hook, 0o755)
    # A text file with an unstaged edit: the hook must not stage it.
    notes = root / "ghi-chu.md"
    notes.write_text("một\n", encoding="utf-8")
    _git(root, "add", "ghi-chu.md", "data", f"profiles/{SLUG}/chan-dung.jpg",
         f"profiles/{SLUG}/index.md")
    notes.write_text("một\nhai (chưa đưa vào commit)\n", encoding="utf-8")
    done = subprocess.run(["git", "commit", "-qm", "Thêm ảnh"], cwd=root, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    # git passes what a hook prints to standard error.
    assert "Đã thu nhỏ profiles/tran-van-anh/chan-dung.jpg" in done.stderr
    blob = subprocess.run(["git", "cat-file", "-p", f"HEAD:profiles/{SLUG}/chan-dung.jpg"],
                          cwd=root, check=True, capture_output=True).stdout
    assert len(blob) <= 1400 * 1024 and blob == (root / f"profiles/{SLUG}/chan-dung.jpg").read_bytes()
    assert _git(root, "show", "HEAD:ghi-chu.md") == "một\n"
    assert _git(root, "status", "--porcelain") == " M ghi-chu.md\n?? profiles/tran-van-anh/hien-truong.jpg\n"
