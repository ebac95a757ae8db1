"""The benchmark's content generator (scripts/synthetic.py) writes valid, varied repositories."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from guongsang.check import check
from guongsang.project import Project

from .conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "scripts" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module
    spec.loader.exec_module(module)
    return module


def _write(synthetic, tmp_path: Path, n: int, seed: int = 1) -> Path:
    root = tmp_path / f"n{n}-{seed}"
    synthetic.write_repo(synthetic.generate(n, seed), root, tmp_path / "photos")
    return root


def test_thirty_generated_profiles_pass_the_check_without_any_problem(synthetic, tmp_path):
    root = _write(synthetic, tmp_path, 30)
    corpus, problems = check(Project(root), TODAY)
    assert [p.format_text() for p in problems] == []
    assert len(corpus.profiles) == 30
    assert corpus.models and corpus.campaigns


def test_a_larger_corpus_covers_every_kind_status_and_award_and_stays_valid(synthetic, tmp_path):
    root = _write(synthetic, tmp_path, 300)
    corpus, problems = check(Project(root), TODAY)
    assert [p.format_text() for p in problems] == []
    profiles = corpus.profiles.values()
    assert set(Counter(p.loai for p in profiles)) == {"ca_nhan", "tap_the", "gia_dinh"}
    assert set(Counter(p.trang_thai for p in profiles)) == {
        "nhan_to_moi", "guong_nguoi_tot_viec_tot", "dien_hinh_tien_tien", "dien_hinh_tieu_bieu"}
    forms = {a.hinh_thuc for p in profiles for a in p.khen_thuong}
    assert {"lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien",
            "giay-khen-giam-doc", "bang-khen-chu-tich-ubnd-tinh"} <= forms
    with_photo = [p for p in profiles if p.anh]
    assert 0.3 < len(with_photo) / len(corpus.profiles) < 0.5
    assert all((p.folder / "chan-dung.jpg").is_file() for p in with_photo)
    assert any(any(ord(ch) > 127 for ch in p.ho_ten) for p in profiles)


def test_the_same_seed_writes_the_same_files(synthetic, tmp_path):
    a, b = _write(synthetic, tmp_path / "a", 40), _write(synthetic, tmp_path / "b", 40)
    files = sorted(p.relative_to(a).as_posix() for p in (a / "profiles").rglob("index.md"))
    assert files == sorted(p.relative_to(b).as_posix() for p in (b / "profiles").rglob("index.md"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
