"""The ``guongsang`` command line, the editor guide and the GitHub editor workflow files."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml

from guongsang.cli import build_parser, main
from guongsang.editor import ruledocs
from guongsang.rules import RULES

from .conftest import ROOT, TODAY, make_repo

VALID = """---
ho_ten: Nguyễn Văn An
loai: ca_nhan
don_vi: phong-xuc-tien-dau-tu
linh_vuc: [xuc-tien-dau-tu]
trang_thai: nhan_to_moi
dong_y_cong_bo: true
---
Câu chuyện.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GUONGSANG_TODAY", TODAY.isoformat())

    def factory(files: dict[str, str]) -> Path:
        root = make_repo(tmp_path / "repo", files)
        (root / "mkdocs.yml").write_text("docs_dir: content\nsite_dir: site\n", encoding="utf-8")
        return root
    return factory


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


# -- check ------------------------------------------------------------------------------------

def test_check_passes_on_valid_content(repo, capsys) -> None:
    root = repo({"profiles/nguyen-van-an/index.md": VALID})
    assert run(capsys, "--thu-muc", str(root), "check") == (
        0, "Không có lỗi nào. Mọi hồ sơ đều hợp lệ.\n", "")


def test_check_fails_with_exit_1_and_every_problem(repo, capsys) -> None:
    bad = VALID.replace("don_vi: phong-xuc-tien-dau-tu", "don_vi: phong-xuc-tien-dautu")
    root = repo({"profiles/nguyen-van-an/index.md": bad})
    code, out, err = run(capsys, "check", "--thu-muc", str(root))
    assert (code, err) == (1, "")
    assert out == (
        "profiles/nguyen-van-an/index.md\n"
        "  profiles/nguyen-van-an/index.md:4: lỗi [gia-tri-la] trường `don_vi`: Giá trị "
        "\"phong-xuc-tien-dautu\" không có trong danh sách đơn vị (data/don-vi.yml). Có phải ý bạn "
        "là `phong-xuc-tien-dau-tu`?\n"
        "      Gợi ý: Các giá trị hợp lệ: ban-giam-doc, phong-to-chuc-hanh-chinh, "
        "phong-xuc-tien-dau-tu, phong-xuc-tien-thuong-mai, phong-xuc-tien-du-lich, "
        "trung-tam-thong-tin, cong-doan-co-so, chi-doan-thanh-nien, ubnd-phuong-xuan-huong-da-lat, "
        "ubnd-xa-lac-duong, so-cong-thuong.\n"
        "\nTổng cộng: 1 lỗi, 0 cảnh báo trong 1 tệp.\n")


def test_check_github_and_json_formats(repo, capsys) -> None:
    bad = VALID.replace("loai: ca_nhan\n", "")
    root = repo({"profiles/nguyen-van-an/index.md": bad})
    code, out, _ = run(capsys, "--thu-muc", str(root), "check", "--format", "github")
    assert code == 1
    assert out == ("::error file=profiles/nguyen-van-an/index.md,line=2,title=thieu-truong::"
                   "[thieu-truong] loai: Thiếu trường bắt buộc `loai`: Loại hồ sơ: ca_nhan, "
                   "tap_the hoặc gia_dinh. Gợi ý: Thêm dòng, ví dụ:%0A      loai: ca_nhan\n")
    code, out, _ = run(capsys, "--thu-muc", str(root), "check", "--format", "json")
    assert code == 1
    assert [(p["rule"], p["field"], p["severity"]) for p in json.loads(out)] == [
        ("thieu-truong", "loai", "error")]


def test_check_hides_notices_unless_asked(repo, capsys) -> None:
    root = repo({"profiles/nguyen-van-an/index.md": VALID.replace("true", "false")})
    assert run(capsys, "--thu-muc", str(root), "check")[:2] == (
        0, "Không có lỗi nào. Mọi hồ sơ đều hợp lệ.\n")
    code, out, _ = run(capsys, "--thu-muc", str(root), "check", "--all")
    assert code == 0 and "lưu ý [chua-dong-y]" in out


# -- usage and help ---------------------------------------------------------------------------

def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_subcommands() -> None:
    assert _subcommands() == ["build", "check", "deploy-s3", "ghi-khen-thuong", "new", "parity",
                              "post-build", "pr-result", "preview-links", "report", "schema",
                              "shrink", "stage", "tham-dinh", "van-ban"]


@pytest.mark.parametrize("argv", [["--help"], *[[c, "--help"] for c in _subcommands()]],
                         ids=["guongsang", *_subcommands()])
def test_help_is_in_vietnamese(capsys, argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert out.startswith("Cách dùng: guongsang")
    assert "tùy chọn:" in out and "hiện hướng dẫn này rồi thoát" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


@pytest.mark.parametrize(("argv", "error"), [
    (["--khong-co"], "Lỗi: không hiểu tham số: --khong-co"),
    (["new"], "Lỗi: thiếu tham số bắt buộc: LOẠI, TÊN"),
    (["new", "nguoi", "An"], ("Lỗi: tham số LOẠI: lựa chọn không hợp lệ: 'nguoi' (chọn một trong: "
                             "'campaign', 'de-nghi', 'ho-so', 'hop-hoi-dong', 'mo-hinh', 'model', "
                             "'phong-trao', 'profile', 'story', 'tin-bai')")),
    (["check", "--format", "xml"], ("Lỗi: tham số --format: lựa chọn không hợp lệ: 'xml' (chọn "
                                   "một trong: 'text', 'github', 'json')")),
    (["report", "periodic", "--period"], "Lỗi: tham số --period: cần một giá trị"),
    (["lam-gi"], ("Lỗi: tham số LỆNH: lựa chọn không hợp lệ: 'lam-gi' (chọn một trong: 'check', "
                 "'new', 'report', 'schema', 'preview-links', 'build', 'stage', 'post-build', "
                 "'parity', 'pr-result', 'shrink', 'deploy-s3', 'tham-dinh', 'ghi-khen-thuong', "
                 "'van-ban')")),
    (["build", "--engine", "hugo"], ("Lỗi: tham số --engine: lựa chọn không hợp lệ: 'hugo' "
                                     "(chọn một trong: 'mkdocs', 'properdocs', 'zensical')")),
])
def test_usage_errors_are_in_vietnamese_with_exit_2(capsys, argv: list[str], error: str) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    lines = err.strip().split("\n")
    assert lines[0].startswith("Cách dùng: guongsang")
    assert error in lines
    assert lines[-1].startswith("Xem hướng dẫn: guongsang")


def test_no_command_prints_help_and_exit_2(capsys) -> None:
    code, out, err = run(capsys)
    assert code == 2 and err.startswith("Cách dùng: guongsang") and out == ""


def test_bad_period_is_a_usage_error(repo, capsys) -> None:
    root = repo({})
    assert run(capsys, "--thu-muc", str(root), "report", "periodic", "--period", "năm nay") == (
        2, "", ("Lỗi: Không hiểu kỳ báo cáo \"năm nay\". Viết một năm (2026) hoặc một khoảng ngày "
               "(01/01/2026-30/06/2026).\n"))


def test_root_is_found_from_a_subfolder(repo, capsys, monkeypatch) -> None:
    root = repo({"profiles/nguyen-van-an/index.md": VALID})
    monkeypatch.chdir(root / "profiles" / "nguyen-van-an")
    assert run(capsys, "check")[0] == 0
    assert run(capsys, "new", "campaign", "Phong trào mới")[0] == 0
    assert (root / "content" / "phong-trao" / "phong-trao-moi.md").is_file()


# -- schema -----------------------------------------------------------------------------------

def test_schema_writes_and_checks_the_generated_files(repo, capsys) -> None:
    root = repo({})
    code, out, _ = run(capsys, "--thu-muc", str(root), "schema", "--kiem-tra")
    assert code == 1
    assert out == ("Đã cũ: schemas/ho-so.schema.json\nĐã cũ: schemas/mo-hinh.schema.json\n"
                   "Đã cũ: schemas/phong-trao.schema.json\nĐã cũ: schemas/tin-bai.schema.json\n"
                   "Đã cũ: schemas/de-nghi.schema.json\nĐã cũ: schemas/hop-hoi-dong.schema.json\n"
                   "Đã cũ: mau/ho-so.md\nĐã cũ: mau/mo-hinh.md\nĐã cũ: mau/phong-trao.md\n"
                   "Đã cũ: mau/tin-bai.md\n"
                   "Đã cũ: quan-tri/config.yml\n"
                   "Chạy `guongsang schema` để tạo lại các tệp trên rồi commit.\n")
    assert run(capsys, "--thu-muc", str(root), "schema")[0] == 0
    assert run(capsys, "--thu-muc", str(root), "schema", "--check") == (
        0, "Các tệp sinh tự động đều đã cập nhật.\n", "")
    assert (root / "schemas" / "ho-so.schema.json").read_bytes() == \
        (ROOT / "schemas" / "ho-so.schema.json").read_bytes()


# -- preview-links ----------------------------------------------------------------------------

MODEL = """---
ten: Sổ tay nhà đầu tư
loai: sang_kien
tac_gia: [nguyen-van-an]
don_vi: phong-xuc-tien-dau-tu
nam: 2024
hieu_qua: Nhanh hơn
---
Mô tả.
"""
CAMPAIGN = """---
ten: Thi đua chuyển đổi số 2026
cap_phat_dong: co_quan
tu_ngay: 01/03/2026
trang_thai: dang_dien_ra
---
Mô tả.
"""


def test_preview_links_point_at_each_changed_page(repo, capsys, monkeypatch) -> None:
    root = repo({
        "profiles/nguyen-van-an/index.md": VALID,
        "profiles/le-thi-ba/index.md": VALID.replace("Nguyễn Văn An", "Lê Thị Ba")
                                            .replace("true", "false"),
        "content/mo-hinh/so-tay.md": MODEL,
        "content/phong-trao/chuyen-doi-so-2026.md": CAMPAIGN,
        "content/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n# Về Gương sáng\n",
        "content/index.md": "# Gương sáng\n",
    })
    changed = ["profiles/nguyen-van-an/index.md", "profiles/nguyen-van-an/chan-dung.jpg",
               "profiles/le-thi-ba/index.md", "profiles/da-xoa/index.md",
               "content/mo-hinh/so-tay.md", "content/phong-trao/chuyen-doi-so-2026.md",
               "content/gioi-thieu.md", "content/index.md", "content/cu.md", "data/don-vi.yml",
               "src/guongsang/cli.py", ""]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(changed)))
    code, out, err = run(capsys, "--thu-muc", str(root), "preview-links",
                         "--base-url", "https://x.github.io/gs/pr-preview/pr-7",
                         "--run-url", "https://github.com/x/gs/actions/runs/1")
    assert (code, err) == (0, "")
    base = "https://x.github.io/gs/pr-preview/pr-7/"
    assert out == (
        "<!-- guongsang-preview -->\n### 🔎 Bản xem trước\n\n"
        f"Toàn bộ trang xem trước: {base}\n\n"
        "Các trang có thay đổi trong pull request này:\n\n"
        f"- Hồ sơ: [Nguyễn Văn An]({base}ho-so/nguyen-van-an/)\n"
        "- Hồ sơ: Lê Thị Ba — chưa đồng ý công bố, không có trang (chỉ được kiểm tra)\n"
        "- Hồ sơ: da-xoa — đã xoá hoặc đổi tên, không còn trang\n"
        f"- Mô hình, sáng kiến: [Sổ tay nhà đầu tư]({base}mo-hinh/so-tay/)\n"
        f"- Phong trào: [Thi đua chuyển đổi số 2026]({base}phong-trao/chuyen-doi-so-2026/)\n"
        f"- Trang: [Giới thiệu]({base}gioi-thieu/)\n"
        f"- Trang: [Gương sáng]({base})\n"
        "- Trang: cu.md — đã xoá hoặc đổi tên\n"
        f"- Dữ liệu tham chiếu: [data/*.yml]({base}) — có thể ảnh hưởng nhiều trang; xem trang "
        "chủ và trang Tiêu chí\n\n"
        "Trang xem trước được cập nhật vài phút sau mỗi lần đẩy commit (khi quy trình `deploy` "
        "chạy xong) và được gỡ khi pull request đóng. Trang có thẻ `noindex`, nhưng ai có đường "
        "dẫn đều xem được: đừng gửi ra ngoài.\n\n"
        "Không mở được? Tải bản dựng (tệp zip) ở mục Artifacts của lần chạy: "
        "https://github.com/x/gs/actions/runs/1\n")


def test_preview_links_without_record_changes(repo, capsys) -> None:
    root = repo({})
    code, out, _ = run(capsys, "--thu-muc", str(root), "preview-links", "--base-url",
                       "https://x.github.io/gs/pr-preview/pr-8/", "README.md")
    assert code == 0
    assert "- Giao diện, mã nguồn: [toàn trang](https://x.github.io/gs/pr-preview/pr-8/)\n" in out


# -- the editor guide -------------------------------------------------------------------------

GUIDE = ROOT / "HUONG-DAN-BIEN-TAP.md"


def test_every_rule_id_used_in_the_code_is_explained_in_the_guide() -> None:
    docs = ruledocs.collect(ruledocs.package_dir())
    guide = GUIDE.read_text(encoding="utf-8")
    missing = [rid for rid in docs if f"#### `{rid}`" not in guide or f"| `{rid}` |" not in guide]
    assert missing == [], "run `guongsang schema` to regenerate the table in the guide"


def test_the_collector_sees_every_id_the_checks_really_emit() -> None:
    """Independent evidence: ids in the expected outputs of the rule cases and the registry."""
    docs = ruledocs.collect(ruledocs.package_dir())
    emitted = set()
    for case in (ROOT / "tests" / "cases").rglob("*.yml"):
        for line in yaml.safe_load(case.read_text(encoding="utf-8")).get("expect") or []:
            emitted |= set(re.findall(r"\[([a-z][a-z0-9-]*)\]", line))
    emitted |= {r.id for r in RULES}
    assert sorted(emitted - set(docs)) == []
    assert {"thieu-truong", "yaml-cu-phap", "du-lieu-tham-chieu", "dieu-kien-khen-thuong",
            "lo-thong-tin-rieng", "anh-khong-ton-tai", "ten-tep"} <= set(docs)


def test_rule_messages_are_shown_as_templates() -> None:
    docs = ruledocs.collect(ruledocs.package_dir())
    assert "Trường `…` không có …. Có phải ý bạn là `…`?" in docs["truong-la"].messages
    assert docs["chua-dong-y"].severities == {"lưu ý"}
    assert docs["dieu-kien-khen-thuong"].severities == {"tuỳ trường hợp"}
    assert docs["anh"].family and not docs["anh"].messages


def test_guide_covers_the_editor_workflow() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for needle in ("Add file", "Create new file", "Commit changes", "Upload files", "mo_ta",
                   "Require review from Code Owners", "pr-preview/pr-", "deploy-pages",
                   "guongsang report", "CODEOWNERS", "rieng_tu", "Codespaces", "Problems"):
        assert needle in guide, needle


# -- GitHub files -----------------------------------------------------------------------------

def _yaml(rel: str):
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def test_nomination_form_requires_consent() -> None:
    form = _yaml(".github/ISSUE_TEMPLATE/de-cu-guong-dien-hinh.yml")
    assert form["name"] == "Đề cử gương điển hình"
    fields = {b["id"]: b for b in form["body"] if "id" in b}
    assert list(fields) == ["ho_ten", "loai", "don_vi", "hinh_thuc", "de_nghi_khen_thuong",
                            "viec_lam", "tieu_chuan", "minh_chung", "nguoi_de_cu", "dong_y"]
    # The form leads to the nomination pull request (guongsang new de-nghi).
    assert "guongsang new de-nghi" in form["body"][0]["attributes"]["value"]
    assert fields["dong_y"]["type"] == "checkboxes"
    assert all(o["required"] for o in fields["dong_y"]["attributes"]["options"])
    assert "bốn tiêu chuẩn" in fields["tieu_chuan"]["attributes"]["label"]


def test_correction_form_and_config() -> None:
    form = _yaml(".github/ISSUE_TEMPLATE/bao-sai-sot.yml")
    assert form["name"] == "Báo sai sót / đề nghị đính chính"
    assert [b["id"] for b in form["body"] if "id" in b] == ["url", "sai", "dung", "lien_he"]
    assert _yaml(".github/ISSUE_TEMPLATE/config.yml")["blank_issues_enabled"] is False


def test_pull_request_template_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] \*\*([^*]+)\*\*", text, re.MULTILINE)
    assert boxes == ["Đồng ý công bố:", "Thông tin riêng tư:", "Ảnh:", "Khen thưởng:",
                     "Kiểm tra tự động đạt:", "Đã xem bản xem trước:"]


def test_codeowners_gives_every_path_to_the_placeholder_team() -> None:
    text = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = [line.split() for line in text.split("\n") if line and not line.startswith("#")]
    assert rules == [["*", "@ttxt-lamdong/phong-to-chuc-hanh-chinh"]]
    assert "CHỖ GIỮ CHỖ" in text


def test_preview_workflow_permissions_are_least_privilege() -> None:
    wf = _yaml(".github/workflows/preview.yml")
    assert wf[True]["pull_request"]["types"] == ["opened", "synchronize", "reopened", "closed"]
    assert wf["permissions"] == {}
    jobs = wf["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    for name in ("publish", "cleanup"):
        assert jobs[name]["permissions"] == {"contents": "write", "actions": "write",
                                             "pull-requests": "write"}
        # Jobs that can write never check out or run the pull request's code.
        assert not any("checkout" in str(s.get("uses", "")) or "make" in str(s.get("run", ""))
                       for s in jobs[name]["steps"])
    for job in jobs.values():
        assert "head.repo.full_name == github.repository" in job.get("if", "") or \
            job.get("needs") == "build"
        for step in job["steps"]:
            assert str(step.get("uses", "actions/")).startswith("actions/")
    build_steps = "\n".join(str(s.get("run", "")) for s in jobs["build"]["steps"])
    assert "make build" in build_steps and "guongsang preview-links" in build_steps
    assert 'git -c core.quotepath=off diff --name-only "origin/${BASE_REF}...HEAD"' in build_steps


def test_deploy_publishes_the_stored_previews() -> None:
    wf = _yaml(".github/workflows/deploy.yml")
    steps = [s["name"] for s in wf["jobs"]["build"]["steps"]]
    previews = steps.index("Add pull-request previews from the gh-pages branch")
    # After the build (and the derived-image cache and object-storage steps, which must see
    # production only), before the Pages artifact is made.
    assert steps.index("Build site") < steps.index("Save derived images (main only)") < previews
    assert steps.index("Publish to S3-compatible storage (when configured)") < previews
    assert previews + 1 == steps.index("Upload Pages artifact")
    assert "workflow_dispatch" in wf[True]


def test_vscode_and_codespaces_files() -> None:
    def jsonc(rel: str):
        text = (ROOT / rel).read_text(encoding="utf-8")
        return json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))

    settings = jsonc(".vscode/settings.json")
    assert settings["yaml.schemas"] == {
        "./schemas/ho-so.schema.json": ["profiles/*/index.md"],
        "./schemas/mo-hinh.schema.json": ["content/mo-hinh/*.md"],
        "./schemas/phong-trao.schema.json": ["content/phong-trao/*.md"],
        "./schemas/tin-bai.schema.json": ["stories/*/index.md"],
        "./schemas/de-nghi.schema.json": ["noi-bo/de-nghi/*.md"],
        "./schemas/hop-hoi-dong.schema.json": ["noi-bo/hop-hoi-dong/*.md"],
    }
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file()
    recommended = jsonc(".vscode/extensions.json")["recommendations"]
    assert "redhat.vscode-yaml" in recommended
    container = jsonc(".devcontainer/devcontainer.json")
    assert container["customizations"]["vscode"]["extensions"] == recommended
    assert container["postCreateCommand"] == "make venv"
    task = jsonc(".vscode/tasks.json")["tasks"][0]
    pattern = re.compile(task["problemMatcher"][0]["pattern"]["regexp"])
    line = ("  profiles/a/index.md:18: lỗi [thieu-truong] trường `loai`: Trường bắt buộc `loai` "
            "đang để trống.")
    assert pattern.match(line).groups()[:3] == ("profiles/a/index.md", "18", "thieu-truong")
