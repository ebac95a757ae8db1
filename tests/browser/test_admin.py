"""The web form (/quan-tri/, Decap CMS) driven like an editor would, against ``decap-server``.

A throwaway git repository holds the real site sources; ``decap-server`` (git mode, editorial
workflow: one branch per saved entry) edits it; the built site serves the form from 127.0.0.1.
Every request of the browser is watched: one to any other host fails the test.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import admin_env
from .admin_env import git
from .conftest import REQUIRED

PROFILE_NAME = "Đặng Văn Đức"
PROFILE_SLUG = "dang-van-duc"
PHOTO = admin_env.ROOT / "profiles" / "le-minh-duc" / "chan-dung.jpg"
TODAY = "2026-11-27"
BUDGET = (1600, 600 * 1024)
"""The source-photo budget the test site declares: long edge, bytes."""


@pytest.fixture(scope="module")
def env(_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    if not admin_env.DECAP_SERVER.is_file() or not (admin_env.ROOT / "node_modules" /
                                                    "decap-cms").is_dir():
        message = "The web form's tests need node_modules/decap-cms and decap-server (npm ci)."
        if REQUIRED:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    base = tmp_path_factory.mktemp("bieu-mau")
    repo = admin_env.make_repo(base)
    port = admin_env.free_port()
    site = admin_env.build(repo, base / "site", port, photo_budget=BUDGET)
    with admin_env.decap_server(repo, port, base / "decap-server.log"), \
            admin_env.serve(site) as url:
        yield {"repo": repo, "url": url, "site": site}


@pytest.fixture
def form(browser: Any, env: dict[str, Any]) -> Iterator[Any]:
    """The form, signed in (the local backend needs no password), on the collections page."""
    context, watch = admin_env.watched_context(browser, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    # Decap rejects the save promise without a reason when the form has errors: not a fault.
    page.on("pageerror", lambda e: str(e) != "undefined" and errors.append(f"uncaught: {e}"))
    # decap-server answers 404 when asked for an entry's branch that does not exist yet (a new
    # entry): part of its protocol. Any other failed request is a fault; the console line the
    # browser prints for every failed request is judged by the response itself.
    page.on("console", lambda m: m.type == "error"
            and not m.text.startswith("Failed to load resource")
            and errors.append(f"console: {m.text}"))
    page.on("response", lambda r: r.status >= 400
            and not (r.status == 404 and r.url.endswith("/api/v1"))
            and errors.append(f"HTTP {r.status}: {r.url}"))
    if os.environ.get("GUONGSANG_ADMIN_SHOT"):
        page.on("console", lambda m: print("console:", m.type, m.text[:500]))
    page.goto(env["url"] + "quan-tri/")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Hồ sơ gương điển hình").first.wait_for()
    yield page
    if os.environ.get("GUONGSANG_ADMIN_SHOT"):  # debugging: the last state of the form
        page.screenshot(path=os.environ["GUONGSANG_ADMIN_SHOT"], full_page=True)
        print(page.evaluate("[...document.querySelectorAll('[class*=ErrorsList] li')]"
                            ".map(e => e.textContent)"))
        print(page.evaluate("document.body.innerText")[:3000])
    context.close()
    problems = [f"request to a third party: {u}" for u in watch.external] + errors
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def field(page: Any, label: str, nth: int = 0) -> Any:
    """The input labelled ``label`` (Decap adds "(không bắt buộc)" to optional ones)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(không bắt buộc\))?$")).nth(nth)


def choose(page: Any, label: str, option: str, nth: int = 0) -> None:
    box = field(page, label, nth)
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def open_new(page: Any, collection: str) -> None:
    page.evaluate(f"location.hash = '#/collections/{collection}/new'")
    field(page, "Họ và tên (hoặc tên tập thể, gia đình)").wait_for()


def save(page: Any) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


def saved(page: Any) -> None:
    page.get_by_text("Thay đổi đã được lưu", exact=False).first.wait_for(timeout=30_000)


def add_award(page: Any, n: int, form_name: str, year: str, number: str, day: str) -> None:
    page.get_by_role("button", name="Thêm danh hiệu, hình thức khen thưởng đã nhận").click()
    choose(page, "Danh hiệu hoặc hình thức", form_name, n)
    field(page, "Năm thành tích được khen", n).fill(year)
    field(page, "Số quyết định", n).fill(number)
    field(page, "Ngày ký quyết định (dd/mm/yyyy)", n).fill(day)


def fill_profile(page: Any, name: str = PROFILE_NAME) -> None:
    field(page, "Họ và tên (hoặc tên tập thể, gia đình)").fill(name)
    choose(page, "Loại hồ sơ", "Cá nhân")
    choose(page, "Đơn vị", "Phòng Xúc tiến Đầu tư")
    field(page, "Chức vụ").fill("Chuyên viên")
    choose(page, "Lĩnh vực", "Xúc tiến đầu tư")
    choose(page, "Trạng thái", "Nhân tố mới")
    add_award(page, 0, "Lao động tiên tiến", "2023", "221/QĐ-TTXT", "27/12/2023")
    add_award(page, 1, "Giấy khen của Giám đốc", "2024", "12/QĐ-TTXT", "08/01/2025")


def add_photo(page: Any, photo: Path = PHOTO) -> None:
    page.get_by_role("button", name="Thêm ảnh").click()
    page.get_by_role("button", name="Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_text(photo.stem + ".jpg").first.wait_for()
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()
    field(page, "Mô tả ảnh cho người khiếm thị").fill("Anh Đức tại hội nghị xúc tiến đầu tư")


def consent(page: Any) -> None:
    field(page, "Người trong hồ sơ đã đồng ý công bố").click()


def branch_file(repo: Path, branch: str, path: str) -> str:
    return git(repo, "show", f"{branch}:{path}")


def check_branch(repo: Path, branch: str, tmp: Path) -> subprocess.CompletedProcess:
    tree = tmp / branch.replace("/", "-")
    git(repo, "worktree", "add", "-q", "--detach", str(tree), branch)
    env = {**os.environ, "GUONGSANG_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", "guongsang.cli", "check", "--thu-muc", str(tree)],
                          capture_output=True, text=True, env=env, check=False)


EXPECTED_PROFILE = """\
---
ho_ten: Đặng Văn Đức
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
chuc_vu: Chuyên viên
linh_vuc:
  - xuc-tien-dau-tu
trang_thai: nhan_to_moi
khen_thuong:
  - hinh_thuc: lao-dong-tien-tien
    nam: 2023
    so_quyet_dinh: 221/QĐ-TTXT
    ngay_quyet_dinh: 27/12/2023
  - hinh_thuc: giay-khen-giam-doc
    nam: 2024
    so_quyet_dinh: 12/QĐ-TTXT
    ngay_quyet_dinh: 08/01/2025
anh:
  - tep: chan-dung.jpg
    mo_ta: Anh Đức tại hội nghị xúc tiến đầu tư
dong_y_cong_bo: true
---
"""


def test_a_new_profile_with_two_awards_and_a_photo_passes_the_check(
        form: Any, env: dict[str, Any], tmp_path: Path) -> None:
    page = form
    open_new(page, "ho-so")
    fill_profile(page)
    add_photo(page)
    consent(page)
    save(page)
    saved(page)
    repo = env["repo"]
    branch = f"cms/ho-so/{PROFILE_SLUG}/index"
    assert branch in git(repo, "branch", "--list", branch)
    changed = git(repo, "diff", "--name-only", "main", branch).split()
    assert changed == [f"profiles/{PROFILE_SLUG}/chan-dung.jpg", f"profiles/{PROFILE_SLUG}/index.md"]
    assert branch_file(repo, branch, f"profiles/{PROFILE_SLUG}/index.md") == EXPECTED_PROFILE
    photo = subprocess.run(["git", "-C", str(repo), "show",
                            f"{branch}:profiles/{PROFILE_SLUG}/chan-dung.jpg"],
                           capture_output=True, check=True).stdout
    assert photo[:3] == b"\xff\xd8\xff"  # a JPEG (re-encoded in the browser, metadata removed)
    result = check_branch(repo, branch, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_photo_over_the_budget_is_shrunk_before_it_is_uploaded(
        form: Any, env: dict[str, Any], tmp_path: Path) -> None:
    from io import BytesIO

    from PIL import Image, ImageDraw

    big = Image.new("RGB", (3000, 2000))
    draw = ImageDraw.Draw(big)
    for x in range(0, 3000, 6):
        draw.line([(x, 0), (3000 - x, 2000)], fill=(x % 256, (x * 7) % 256, 120), width=3)
    # Grain, so that even fitted to 1600 px it takes more than the budget at quality 0.9
    # (about 720 KB): the form must lower the quality too.
    big = Image.blend(big, Image.effect_noise(big.size, 40).convert("RGB"), 0.25)
    photo = tmp_path / "hoi-nghi.png"
    big.save(photo)
    assert photo.stat().st_size > BUDGET[1]
    page = form
    open_new(page, "ho-so")
    fill_profile(page, "Phan Văn Ảnh")
    add_photo(page, photo)
    consent(page)
    save(page)
    saved(page)
    data = subprocess.run(["git", "-C", str(env["repo"]), "show",
                           "cms/ho-so/phan-van-anh/index:profiles/phan-van-anh/hoi-nghi.jpg"],
                          capture_output=True, check=True).stdout
    stored = Image.open(BytesIO(data))
    assert (stored.format, stored.size) == ("JPEG", (1600, 1067))
    assert len(data) <= BUDGET[1]
    assert "tep: hoi-nghi.jpg" in git(env["repo"], "show",
                                      "cms/ho-so/phan-van-anh/index:profiles/phan-van-anh/index.md")


def test_editing_one_field_changes_one_line(form: Any, env: dict[str, Any]) -> None:
    page = form
    page.evaluate("location.hash = '#/collections/ho-so/entries/tran-van-an/index'")
    box = field(page, "Chức vụ")
    box.wait_for()
    assert box.input_value() == "Nhân viên văn thư"
    box.fill("Chuyên viên văn thư")
    save(page)
    saved(page)
    repo = env["repo"]
    diff = git(repo, "diff", "--unified=0", "main", "cms/ho-so/tran-van-an/index")
    changes = [line for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changes == ["-chuc_vu: Nhân viên văn thư", "+chuc_vu: Chuyên viên văn thư"]


def test_editing_one_unit_in_the_reference_data_changes_one_line(
        form: Any, env: dict[str, Any]) -> None:
    page = form
    page.evaluate("location.hash = '#/collections/du-lieu/entries/don-vi'")
    summary = "phong-to-chuc-hanh-chinh – Phòng Tổ chức – Hành chính"
    page.get_by_text(summary, exact=True).wait_for()
    # Open the second unit with the arrow of its bar (the item whose summary that is).
    page.evaluate("""summary => {
        let el = [...document.querySelectorAll('div')].find(d => d.textContent === summary);
        while (el && !el.querySelector('button')) el = el.parentElement;
        el.querySelector('button').click();
    }""", summary)
    box = field(page, "Tên (ten)", 1)  # the second unit
    box.wait_for()
    assert box.input_value() == "Phòng Tổ chức – Hành chính"
    box.fill("Phòng Tổ chức – Hành chính – Tổng hợp")
    save(page)
    saved(page)
    diff = git(env["repo"], "diff", "--unified=0", "main", "cms/du-lieu/don-vi")
    changes = [line for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changes == ["-  ten: Phòng Tổ chức – Hành chính",
                       "+  ten: Phòng Tổ chức – Hành chính – Tổng hợp"]


def test_a_wrong_decision_number_shows_the_checks_message(form: Any, env: dict[str, Any]) -> None:
    page = form
    open_new(page, "ho-so")
    field(page, "Họ và tên (hoặc tên tập thể, gia đình)").fill("Lê Thị Sai Số")
    add_award(page, 0, "Lao động tiên tiến", "2024", "163/QD-TTXT", "08/01/2025")
    save(page)
    message = ("Số quyết định không đúng dạng `số/QĐ-cơ quan ban hành`. Ví dụ: 163/QĐ-UBND "
               "(chữ Đ có gạch ngang, không dấu cách).")
    page.get_by_text(message, exact=True).wait_for()
    page.get_by_text("Thiếu trường bắt buộc: Loại hồ sơ.", exact=True).wait_for()
    assert "cms/ho-so/le-thi-sai-so/index" not in git(env["repo"], "branch", "--list")


def test_the_published_form_asks_nothing_of_another_host_before_sign_in(
        browser: Any, env: dict[str, Any], tmp_path: Path) -> None:
    """As published (GitHub backend): the sign-in page loads from the site alone."""
    site = tmp_path / "site"
    import shutil

    shutil.copytree(env["site"] / "quan-tri", site / "quan-tri")
    config = site / "quan-tri" / "config.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[:text.index("\nlocal_backend:")] + "\n"
                      + text[text.index("publish_mode:"):], encoding="utf-8")
    context, watch = admin_env.watched_context(browser)
    page = context.new_page()
    with admin_env.serve(site) as url:
        page.goto(url + "quan-tri/")
        page.get_by_role("button", name="Đăng nhập bằng GitHub").wait_for()
        page.wait_for_load_state("networkidle")
        robots = page.locator('meta[name="robots"]').get_attribute("content")
    context.close()
    assert watch.external == []
    assert robots == "noindex, nofollow"


# Dates Decap formats itself (the editorial board's cards) would use English month names.
_CALENDAR = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September"
                       r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
                       r"|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def english_strings() -> set[str]:
    """Decap's English interface strings that would give themselves away on the screen."""
    import json

    done = subprocess.run(["node", str(admin_env.ROOT / "tests" / "js" / "admin_locale.mjs")],
                          capture_output=True, text=True, check=True)
    english = json.loads(done.stdout)["en"].values()
    parts = {p.strip(" .:…") for s in english for p in re.split(r"%\{\w+\}|\|\|\|\||\n", s)}
    return {p for p in parts if len(p) >= 4 and re.search(r"[a-z]{3}", p) and p != "Markdown"}


def test_no_english_shows_in_the_form(form: Any) -> None:
    page = form
    english = english_strings()
    assert {"Quick add", "Add more images", "Choose selected"} <= english
    screens = {}
    screens["collections"] = page.evaluate("document.body.innerText")
    # The global media library would commit uploads straight to main: its button is hidden.
    assert "Thư viện ảnh" not in screens["collections"]
    assert page.locator("header button").filter(has_text="Thư viện ảnh").count() == 1
    open_new(page, "ho-so")
    for button in ("Thêm danh hiệu, hình thức khen thưởng đã nhận", "Thêm ảnh",
                   "Thêm thành tích theo năm"):
        page.get_by_role("button", name=button).click()
    for group in ("Minh chứng cho từng tiêu chuẩn chung", "Rút hồ sơ khỏi trang"):
        page.get_by_text(group, exact=False).nth(1).click()
    screens["new profile"] = page.evaluate("document.body.innerText")
    page.get_by_role("button", name="Chọn một hình").click()
    page.get_by_role("button", name="Dùng ảnh đã chọn").wait_for()
    screens["photo library"] = page.evaluate("document.body.innerText")
    page.keyboard.press("Escape")
    dialogs: list[str] = []

    def leave(dialog: Any) -> None:  # "leave with unsaved changes?"
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", leave)
    page.evaluate("location.hash = '#/workflow'")
    page.get_by_text("Quy trình biên tập").first.wait_for()
    screens["workflow"] = page.evaluate("document.body.innerText")
    screens["dialogs"] = "\n".join(dialogs)
    found = {name: sorted({s for s in english if s in text} | set(_CALENDAR.findall(text)))
             for name, text in screens.items()}
    assert found == {name: [] for name in screens}
