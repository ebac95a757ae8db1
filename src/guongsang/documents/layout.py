"""The layout of generated documents, read from ``data/mau-van-ban.yml``.

Everything a unit would change (parent body, signer, margins, report forms and their numbers)
is there; a missing or wrong value is reported as a problem and a documented default is used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..load.refdata import ReferenceData
from ..load.yamlsrc import format_path, load_yaml_file, read_utf8
from ..problems import Problem, Severity
from ..project import Project, is_inside
from ..text import format_date_formal, parse_date, within

LAYOUT_FILE = "mau-van-ban.yml"
RULE_ID = "du-lieu-van-ban"


@dataclass(frozen=True)
class ReportForm:
    """One appendix form of a decree for achievement reports (báo cáo thành tích)."""

    id: str
    doi_tuong: tuple[str, ...]
    nghi_dinh: str
    phu_luc: str
    mau: str
    tieu_de: str
    muc: tuple[str, ...]
    xac_nhan: bool
    xac_nhan_muc: bool
    nguon: str = ""
    so_nam_bao_cao: dict[str, int] = field(default_factory=dict)
    ap_dung_tu: date | None = None
    ap_dung_den: date | None = None

    def applies(self, day: date) -> bool:
        return within(day, self.ap_dung_tu, self.ap_dung_den)

    @property
    def label(self) -> str:
        """ "Mẫu số 03, Phụ lục I, Nghị định 98/2023/NĐ-CP" """
        appendix = f", Phụ lục {self.phu_luc}" if self.phu_luc else ""
        return f"Mẫu số {self.mau}{appendix}, {self.nghi_dinh}"


@dataclass
class Layout:
    unit: str
    """Name of the unit (data/site.yml, co_quan)."""
    unit_code: str
    place: str
    parent: str = ""
    signer_title: str = "THỦ TRƯỞNG ĐƠN VỊ"
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    font: str = "Times New Roman"
    size: float = 13
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)
    """top, bottom, left, right"""
    national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    forms: list[ReportForm] = field(default_factory=list)

    def place_date(self, day: date | None) -> str:
        if day is None:
            return f"{self.place or '…'}, ngày …… tháng …… năm ……"
        return format_date_formal(day, self.place or "…")

    def report_form(self, kind: str, day: date) -> ReportForm | None:
        for f in self.forms:
            if kind in f.doi_tuong and f.applies(day):
                return f
        return None


def load_layout(project: Project, ref: ReferenceData) -> tuple[Layout, list[Problem]]:
    site = ref.site
    layout = Layout(site.co_quan, site.co_quan_viet_tat, site.dia_danh)
    path = project.path(project.data_dir) / LAYOUT_FILE
    rel = project.rel(path)
    problems: list[Problem] = []

    def fail(p: tuple, message: str, hint: str = "", sev: Severity = Severity.ERROR) -> None:
        problems.append(Problem(rel, src.line_of(p) if src else 0, format_path(p), RULE_ID,
                                message, hint, sev))

    src = None
    if not path.is_file() or not is_inside(path, project.root):
        problems.append(Problem(rel, 0, "", RULE_ID, f"Thiếu tệp `{rel}` (thể thức văn bản): dùng "
                                "thể thức mặc định.", "Sao chép data/mau-van-ban.yml của Gương sáng.",
                                Severity.WARNING))
        return layout, problems
    text, probs = read_utf8(path, rel)
    problems.extend(probs)
    src, probs = load_yaml_file(text, rel) if text is not None else (None, [])
    problems.extend(probs)
    data = src.data if src and isinstance(src.data, dict) else {}
    layout.parent = str(data.get("co_quan_chu_quan") or "")
    signer = data.get("nguoi_ky") if isinstance(data.get("nguoi_ky"), dict) else {}
    layout.signer_title = str(signer.get("chuc_danh") or layout.signer_title)
    layout.signer_name = str(signer.get("ho_ten") or "")
    recipients = data.get("noi_nhan_bao_cao") or []
    layout.recipients = tuple(str(r) for r in recipients) if isinstance(recipients, list) else ()
    style = data.get("the_thuc") if isinstance(data.get("the_thuc"), dict) else {}
    if style.get("kho_giay", "A4") != "A4":
        fail(("the_thuc", "kho_giay"), f"Khổ giấy \"{style.get('kho_giay')}\" chưa được hỗ trợ; "
             "văn bản được dàn trang khổ A4.", "kho_giay: A4")
    margins = style.get("le_mm") if isinstance(style.get("le_mm"), dict) else {}
    values = []
    for key, default in zip(("tren", "duoi", "trai", "phai"), layout.margins_mm):
        raw = margins.get(key, default)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 5 <= raw <= 60:
            fail(("the_thuc", "le_mm", key), f"Lề `{key}` là \"{raw}\"; cần một số milimét từ 5 "
                 "đến 60.", f"Ví dụ: {key}: {default}")
            raw = default
        values.append(float(raw))
    layout.margins_mm = tuple(values)  # type: ignore[assignment]
    size = style.get("co_chu", layout.size)
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not 10 <= size <= 16:
        fail(("the_thuc", "co_chu"), f"Cỡ chữ \"{size}\" không hợp lệ; cần từ 10 đến 16.",
             "Ví dụ: co_chu: 13")
        size = 13
    layout.size = float(size)
    layout.font = str(style.get("phong_chu") or layout.font)
    layout.national = str(style.get("quoc_hieu") or layout.national)
    layout.motto = str(style.get("tieu_ngu") or layout.motto)
    forms = data.get("bao_cao_thanh_tich") or []
    for i, item in enumerate(forms if isinstance(forms, list) else []):
        if not isinstance(item, dict):
            fail(("bao_cao_thanh_tich", i), "Mỗi mẫu phải là một nhóm trường.")
            continue
        years = item.get("so_nam_bao_cao") or {}
        clean_years = {}
        for form_id, n in (years.items() if isinstance(years, dict) else []):
            if form_id not in ref.awards:
                fail(("bao_cao_thanh_tich", i, "so_nam_bao_cao", form_id),
                     f"Hình thức \"{form_id}\" không có trong danh-muc-khen-thuong.yml.")
            elif isinstance(n, bool) or not isinstance(n, int) or n < 1:
                fail(("bao_cao_thanh_tich", i, "so_nam_bao_cao", form_id),
                     f"Số năm báo cáo \"{n}\" phải là một số nguyên dương.")
            else:
                clean_years[form_id] = n
        for key in ("mau", "nghi_dinh"):
            if not item.get(key):
                fail(("bao_cao_thanh_tich", i, key), f"Mẫu báo cáo thiếu `{key}`.")
        layout.forms.append(ReportForm(
            str(item.get("id") or i), tuple(item.get("doi_tuong") or ()),
            str(item.get("nghi_dinh") or ""), str(item.get("phu_luc") or ""),
            str(item.get("mau") or ""), str(item.get("tieu_de") or "BÁO CÁO THÀNH TÍCH"),
            tuple(str(m) for m in item.get("muc") or ()), item.get("xac_nhan") is True,
            item.get("xac_nhan_muc") is True, str(item.get("nguon") or ""), clean_years,
            parse_date(item.get("ap_dung_tu")) if item.get("ap_dung_tu") else None,
            parse_date(item.get("ap_dung_den")) if item.get("ap_dung_den") else None))
    return layout, problems
