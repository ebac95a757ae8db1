"""Take the pictures of the web form for HUONG-DAN-BIEN-TAP.md (section 13).

The form runs as in tests/browser/test_admin.py: a throwaway copy of the repository, the built
site on 127.0.0.1 and ``decap-server`` (no GitHub account needed). Needs Debian's chromium and
``npm ci``. Usage: ``.venv/bin/python scripts/admin_screenshots.py`` (writes huong-dan/anh/).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import admin_env
from tests.browser import test_admin as form
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

OUT = ROOT / "huong-dan" / "anh"
SIZE = {"width": 1200, "height": 760}


def retype(box, text: str) -> None:
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    box.type(text)


def shot(page, name: str, target=None, up: int = 0) -> None:
    if target is not None:
        target.scroll_into_view_if_needed()
        if up:
            page.mouse.move(600, 400)
            page.mouse.wheel(0, -up)
    page.wait_for_timeout(400)
    page.screenshot(path=str(OUT / f"{name}.png"))
    print(f"Đã ghi huong-dan/anh/{name}.png")


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        base = Path(tmp)
        repo = admin_env.make_repo(base)
        port = admin_env.free_port()
        site = admin_env.build(repo, base / "site", port)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        with admin_env.decap_server(repo, port, base / "decap-server.log"), \
                admin_env.serve(site) as url:
            context, _ = admin_env.watched_context(browser, viewport=SIZE)
            page = context.new_page()
            page.on("dialog", lambda d: d.accept())
            page.goto(url + "quan-tri/")
            page.get_by_role("button", name="Đăng nhập").wait_for()
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_text("Hồ sơ gương điển hình").first.wait_for()
            shot(page, "bieu-mau-1-danh-sach")

            form.open_new(page, "ho-so")
            form.fill_profile(page)
            shot(page, "bieu-mau-2-ho-so-moi", form.field(page, "Họ và tên (hoặc tên tập thể, gia đình)"))
            shot(page, "bieu-mau-3-khen-thuong", form.field(page, "Số quyết định", 1), up=300)
            page.get_by_role("button", name="Thêm ảnh").click()
            page.get_by_role("button", name="Chọn một hình").click()
            page.locator("input[type=file]").set_input_files(str(form.PHOTO))
            page.get_by_text("chan-dung.jpg").first.wait_for()
            shot(page, "bieu-mau-4-chon-anh")
            page.get_by_role("button", name="Dùng ảnh đã chọn").click()
            form.field(page, "Mô tả ảnh cho người khiếm thị").fill(
                "Anh Đức tại hội nghị xúc tiến đầu tư")
            form.consent(page)
            shot(page, "bieu-mau-5-anh", form.field(page, "Mô tả ảnh cho người khiếm thị"), up=250)

            # A wrong decision number: the form says what the check would say.
            retype(form.field(page, "Số quyết định", 1), "12/QD-TTXT")
            form.save(page)
            page.get_by_text("Số quyết định không đúng dạng", exact=False).first.wait_for()
            shot(page, "bieu-mau-6-loi", form.field(page, "Số quyết định", 1), up=250)
            retype(form.field(page, "Số quyết định", 1), "12/QĐ-TTXT")
            form.save(page)
            form.saved(page)
            page.wait_for_timeout(1500)
            shot(page, "bieu-mau-7-da-luu")
            page.evaluate("location.hash = '#/workflow'")
            page.get_by_text("Quy trình biên tập").first.wait_for()
            page.wait_for_timeout(800)
            shot(page, "bieu-mau-8-quy-trinh")
            context.close()

            # The published form, before sign-in (GitHub backend).
            config = site / "quan-tri" / "config.yml"
            text = config.read_text(encoding="utf-8")
            config.write_text(text[:text.index("\nlocal_backend:")] + "\n"
                              + text[text.index("publish_mode:"):], encoding="utf-8")
            context, _ = admin_env.watched_context(browser, viewport=SIZE)
            page = context.new_page()
            page.goto(url + "quan-tri/")
            page.get_by_role("button", name="Đăng nhập bằng GitHub").wait_for()
            shot(page, "bieu-mau-0-dang-nhap")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
