"""Internal reports: exact outputs on a fixed corpus, privacy, and where reports may be written.

The corpus in tests/fixtures/reports/ (see its README) carries its own copy of data/, and the
expected files next to it are compared byte for byte (BOM and CRLF of the CSV included). After
an intended change: ``GUONGSANG_UPDATE_GOLDEN=1 python -m pytest tests/test_reports.py``.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from guongsang import reports
from guongsang.check import check
from guongsang.cli import main
from guongsang.project import Project
from guongsang.reports import Period, PeriodError, parse_period
from guongsang.reports.followup import months_before

from .conftest import ROOT, TODAY

FIXTURE = Path(__file__).parent / "fixtures" / "reports"
EXPECTED = FIXTURE / "expected"
UPDATE = os.environ.get("GUONGSANG_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = check(Project(root=FIXTURE), TODAY)
    assert [p.rule for p in problems if p.is_error or p.severity.value == "warning"] == []
    return corpus


CASES = [
    ("all", "2026"),
    ("periodic", "01/01/2026-30/06/2026"),
    ("eligibility", "2025"),
]


@pytest.mark.parametrize(("kind", "period"), CASES)
def test_reports_match_the_expected_files(corpus, tmp_path: Path, kind: str, period: str) -> None:
    files = reports.build(kind, corpus, TODAY, parse_period(period, TODAY))
    written = reports.write(files, tmp_path)
    for path in written:
        expected = EXPECTED / path.name
        if UPDATE:
            EXPECTED.mkdir(exist_ok=True)
            shutil.copyfile(path, expected)
        assert expected.is_file(), f"missing golden file {expected.name}"
        assert path.read_bytes() == expected.read_bytes(), path.name


def test_every_golden_file_is_produced(corpus, tmp_path: Path) -> None:
    names = set()
    for kind, period in CASES:
        names |= {f.name for f in reports.build(kind, corpus, TODAY, parse_period(period, TODAY))}
    assert sorted(names) == sorted(p.name for p in EXPECTED.iterdir())


def test_csv_is_utf8_with_bom_and_crlf(corpus, tmp_path: Path) -> None:
    files = reports.build("periodic", corpus, TODAY, parse_period("2026", TODAY))
    for path in reports.write(files, tmp_path):
        raw = path.read_bytes()
        if path.suffix == ".csv":
            assert raw.startswith(b"\xef\xbb\xbf")
            assert raw.count(b"\r\n") == raw.count(b"\n") > 1
        else:
            assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw


def _private_values() -> list[str]:
    values = []
    for index in (FIXTURE / "profiles").glob("*/index.md"):
        front = yaml.safe_load(index.read_text(encoding="utf-8").split("---\n")[1])
        values += [str(v) for v in (front.get("rieng_tu") or {}).values()]
    return values


def test_no_private_field_reaches_any_report(corpus) -> None:
    secrets = _private_values()
    assert len(secrets) == 5
    text = "".join(f.text for kind, period in CASES
                   for f in reports.build(kind, corpus, TODAY, parse_period(period, TODAY)))
    squashed = re.sub(r"[ .\-]", "", text)
    for secret in secrets:
        assert secret not in text
        assert re.sub(r"[ .\-]", "", secret) not in squashed


def test_unpublished_profiles_are_internal_facts(corpus) -> None:
    period = parse_period("2026", TODAY)
    follow = reports.build("follow-up", corpus, TODAY, period)[0].text
    assert "| Đặng Văn Đức |" in follow and "| chưa đồng ý công bố |" in follow
    assert "| Võ Văn Giang |" in follow and "| đã rút khỏi trang |" in follow
    periodic = reports.build("periodic", corpus, TODAY, period)[0].text
    assert "**Đặng Văn Đức**" in periodic  # not consented to the website: still an exemplar
    assert "Võ Văn Giang" not in periodic  # withdrawn: counted, never presented as an example


def test_follow_up_cut_off_is_six_months_to_the_day(corpus) -> None:
    text = reports.build("follow-up", corpus, TODAY, parse_period(None, TODAY))[0].text
    assert "từ ngày 27/05/2026 (6 tháng)" in text
    assert "Lê Văn Bình" not in text  # last follow-up 27/05/2026: on the cut-off, not late
    assert "| 26/05/2026 |" in text  # Hoàng Thị Ánh: one day before the cut-off


def test_a_low_rating_breaks_the_streak(corpus) -> None:
    """Cơ sở 2024–2025 but rated "hoàn thành" in 2026: listed, with exactly why, never eligible."""
    text = reports.build("eligibility", corpus, TODAY, parse_period("2026", TODAY))[0].text
    eligible = text.split("## 1.")[1].split("## 2.")[0]
    assert "Ngô Văn Hùng" not in eligible
    assert ("| Ngô Văn Hùng | Phòng Xúc tiến Du lịch | Lao động tiên tiến | — | Điều 24 khoản 1 "
            "điểm a (Luật Thi đua, khen thưởng 2022): cần xếp loại từ \"Hoàn thành tốt nhiệm "
            "vụ\" trở lên năm 2026; năm 2026 xếp loại \"Hoàn thành nhiệm vụ\" |  |") in text


@pytest.mark.parametrize(("text", "period"), [
    (None, Period(date(2026, 1, 1), date(2026, 12, 31))),
    ("2025", Period(date(2025, 1, 1), date(2025, 12, 31))),
    ("01/01/2026-30/06/2026", Period(date(2026, 1, 1), date(2026, 6, 30))),
    ("1/7/2025 – 30/6/2026", Period(date(2025, 7, 1), date(2026, 6, 30))),
])
def test_period_forms(text: str | None, period: Period) -> None:
    assert parse_period(text, TODAY) == period


@pytest.mark.parametrize(("text", "message"), [
    ("2026x", ("Không hiểu kỳ báo cáo \"2026x\". Viết một năm (2026) hoặc một khoảng ngày "
              "(01/01/2026-30/06/2026).")),
    ("1800", "Năm 1800 không hợp lệ."),
    ("31/02/2026-30/06/2026", "Kỳ báo cáo \"31/02/2026-30/06/2026\" có ngày không tồn tại."),
    ("30/06/2026-01/01/2026", ("Kỳ báo cáo \"30/06/2026-01/01/2026\": ngày bắt đầu sau ngày "
                              "kết thúc.")),
])
def test_bad_periods_are_explained(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as err:
        parse_period(text, TODAY)
    assert str(err.value) == message


def test_period_labels() -> None:
    assert parse_period("2026", TODAY).label == "2026"
    assert parse_period("2026", TODAY).text == "năm 2026"
    half = parse_period("01/01/2026-30/06/2026", TODAY)
    assert half.label == "2026-01-01_2026-06-30"
    assert half.text == "từ ngày 01/01/2026 đến ngày 30/06/2026"


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 27), date(2026, 5, 27)),
    (date(2026, 8, 31), date(2026, 2, 28)),
    (date(2026, 3, 15), date(2025, 9, 15)),
    (date(2028, 8, 31), date(2028, 2, 29)),
])
def test_months_before(day: date, expected: date) -> None:
    assert months_before(day, 6) == expected


# -- where reports go ------------------------------------------------------------------------

def test_reports_folder_is_outside_docs_dir_and_git_ignored() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^docs_dir: content$", config, re.MULTILINE)
    assert re.search(r"^site_dir: site$", config, re.MULTILINE)
    assert "/reports/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split("\n")
    ignored = subprocess.run(["git", "check-ignore", "-q", "reports/bao-cao.md"], cwd=ROOT,
                             check=False)
    assert ignored.returncode == 0
    kept = subprocess.run(["git", "check-ignore", "-q", "src/guongsang/reports/__init__.py"],
                          cwd=ROOT, check=False)
    assert kept.returncode == 1


def test_cli_writes_reports_into_reports_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("expected"))
    (root / "mkdocs.yml").write_text("docs_dir: content\nsite_dir: site\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["report", "all", "--period", "2026"]) == 0
    assert capsys.readouterr().out == (
        "Đã ghi reports/xet-khen-thuong-2026.md\n"
        "Đã ghi reports/theo-doi-qua-han-2026-11-27.md\n"
        "Đã ghi reports/bao-cao-dinh-ky-2026.md\n"
        "Đã ghi reports/bao-cao-dinh-ky-2026-so-lieu.csv\n"
        "Đã ghi reports/bao-cao-dinh-ky-2026-guong-dien-hinh.csv\n")
    for path in (root / "reports").iterdir():
        assert path.read_bytes() == (EXPECTED / path.name).read_bytes()


@pytest.mark.parametrize("out", ["content", "content/bao-cao", "site", "profiles/x", "data"])
def test_cli_refuses_to_write_reports_where_they_could_be_published(
        tmp_path: Path, monkeypatch, capsys, out: str) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("expected"))
    (root / "mkdocs.yml").write_text("docs_dir: content\nsite_dir: site\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["report", "follow-up", "--out", out]) == 2
    assert capsys.readouterr().err == (
        f"Lỗi: Không ghi báo cáo nội bộ vào {out}: thư mục này được công bố hoặc là dữ liệu. "
        "Dùng thư mục reports/ (mặc định).\n")
    assert not any((root / out).glob("theo-doi-*"))


def test_cli_report_stops_on_content_errors_unless_told(tmp_path: Path, monkeypatch,
                                                         capsys) -> None:
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns("expected"))
    (root / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    index = root / "profiles" / "pham-thi-em" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("loai: ca_nhan\n", ""),
                     encoding="utf-8")
    assert main(["--thu-muc", str(root), "report", "follow-up"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("Dữ liệu còn 1 lỗi nên chưa lập báo cáo (số liệu có thể sai). Sửa các "
                        "lỗi trên, hoặc thêm --bo-qua-loi để vẫn lập báo cáo.\n")
    assert not (root / "reports").exists()
    assert main(["--thu-muc", str(root), "report", "follow-up", "--bo-qua-loi"]) == 0
    assert capsys.readouterr().err == "Lưu ý: dữ liệu còn 1 lỗi; báo cáo có thể thiếu.\n"
    assert (root / "reports" / "theo-doi-qua-han-2026-11-27.md").is_file()


def test_a_build_never_copies_reports_into_the_site(tmp_path: Path) -> None:
    from .sitebuild import mkdocs_build, site_repo

    root = site_repo(tmp_path / "repo", {})
    marker = "BAO-CAO-NOI-BO-KHONG-DUOC-CONG-BO"
    (root / "reports").mkdir()
    (root / "reports" / "bao-cao.md").write_text(f"# {marker}\n", encoding="utf-8")
    (root / "reports" / "bao-cao.csv").write_text(f"{marker}\r\n", encoding="utf-8")
    site = mkdocs_build(root)
    assert site == root / "site"
    leaked = [p for p in site.rglob("*") if p.is_file() and "reports" in p.parts
              or p.is_file() and marker.encode() in p.read_bytes()]
    assert leaked == []
