"""Symlinks must not smuggle files from outside the repository into the site."""
from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from guongsang.check import check
from guongsang.project import Project

from .conftest import TODAY

PROFILE = ("---\nho_ten: Nguyễn Văn An\nloai: ca_nhan\ndon_vi: phong-xuc-tien-dau-tu\n"
           "linh_vuc: [xuc-tien-dau-tu]\ntrang_thai: nhan_to_moi\ndong_y_cong_bo: true\n"
           "anh:\n  - tep: chan-dung.jpg\n    mo_ta: Ảnh chân dung\n---\nx\n")


def test_photo_symlink_leaving_the_folder_is_refused(repo, tmp_path: Path) -> None:
    outside = tmp_path / "bi-mat.jpg"
    Image.new("RGB", (10, 10)).save(outside)
    root = repo({"profiles/nguyen-van-an/index.md": PROFILE})
    os.symlink(outside, root / "profiles/nguyen-van-an/chan-dung.jpg")
    _, problems = check(Project(root=root), TODAY)
    assert [p.format_text().split("\n")[0] for p in problems] == [
        ("profiles/nguyen-van-an/index.md:9: lỗi [anh-ngoai-thu-muc] trường `anh[1].tep`: "
        "Đường dẫn ảnh \"chan-dung.jpg\" nằm ngoài thư mục hồ sơ.")]


def test_profile_folder_symlinked_outside_is_skipped(repo, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.md").write_text(PROFILE.replace("anh:\n  - tep: chan-dung.jpg\n    mo_ta: Ảnh chân dung\n", ""), "utf-8")
    root = repo({})
    os.symlink(elsewhere, root / "profiles/tran-thi-binh")
    corpus, problems = check(Project(root=root), TODAY)
    assert corpus.profiles == {}
    assert [p.format_text().split("\n")[0] for p in problems] == [
        ("profiles/tran-thi-binh: lỗi [lien-ket-ngoai-kho] Thư mục hồ sơ là liên kết (symlink) "
        "trỏ ra ngoài kho; vì an toàn, hồ sơ này bị bỏ qua.")]
