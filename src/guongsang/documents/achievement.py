"""Báo cáo thành tích: the achievement report a nomination file needs, in the layout of the
decree's appendix form chosen by date and kind of profile (``data/mau-van-ban.yml``).

Only public-record fields are filled in. Personal details the form asks for (date of birth, sex,
home town, education) stay as dotted lines to fill by hand: the documents never read the private
``rieng_tu`` block, so a document left on a shared drive cannot leak it.
"""
from __future__ import annotations

from datetime import date

from ..process.load import Process
from ..process.records import Nomination
from ..reports import unit_name
from ..text import format_date
from .layout import Layout, ReportForm
from .model import Document, NationalHeading, Signature, heading, para, table, title


def report_years(form: ReportForm | None, n: Nomination) -> list[int]:
    span = form.so_nam_bao_cao.get(n.hinh_thuc, 1) if form else 1
    return list(range(n.nam - span + 1, n.nam + 1))


def achievement_report(process: Process, n: Nomination, layout: Layout,
                       day: date | None = None) -> Document:
    corpus = process.corpus
    p = corpus.profiles.get(n.ho_so)
    day = day or n.ngay_de_nghi or process.today
    kind = p.loai if p else "ca_nhan"
    form = layout.report_form(kind, day)
    award = corpus.ref.awards.get(n.hinh_thuc)
    award_name = award.ten if award else n.hinh_thuc
    doc = Document(f"bao-cao-thanh-tich-{n.slug}")
    if form:
        doc.add(para(form.label + ("" if form.xac_nhan_muc else " (đề mục chưa đối chiếu nguyên văn)"),
                     italic=True, align="right", size=10))
    doc.add(NationalHeading(layout.place_date(None)))
    doc.add(title(form.tieu_de if form else "BÁO CÁO THÀNH TÍCH",
                  f"ĐỀ NGHỊ TẶNG {award_name.upper()} NĂM {n.nam}"))
    years = report_years(form, n)
    period = f"năm {years[0]}" if len(years) == 1 else f"từ năm {years[0]} đến năm {years[-1]}"
    doc.add(para(f"(Thành tích {period})", italic=True, align="center"))
    sections = list(form.muc) if form else []
    sections += ["I.", "II.", "III."][len(sections):]
    name = p.ho_ten if p else n.ho_so
    unit = unit_name(corpus, p.don_vi) if p else ""
    doc.add(heading(sections[0]))
    if kind == "ca_nhan":
        facts = [("Họ và tên", name), ("Sinh ngày, tháng, năm", "……"), ("Giới tính", "……"),
                 ("Quê quán", "……"), ("Chức vụ", (p.chuc_vu if p else "") or "……"),
                 ("Đơn vị công tác", f"{unit}, {layout.unit}" if unit else layout.unit),
                 ("Trình độ chuyên môn, nghiệp vụ", "……")]
    else:
        facts = [("Tên tập thể", name), ("Thuộc", layout.unit),
                 ("Số thành viên", "……"), ("Chức năng, nhiệm vụ được giao", "……")]
    for label, value in facts:
        doc.add(para(f"– {label}: {value}", align="left", space_after=1))
    doc.add(heading(sections[1]))
    doc.add(para("1. Kết quả thực hiện nhiệm vụ được giao", bold=True, align="left"))
    story = " ".join(line.strip() for line in n.body.split("\n") if line.strip())
    if story:
        doc.add(para(story, first_indent=True))
    rows = []
    for t in sorted(p.thanh_tich if p else [], key=lambda t: t.nam):
        if t.nam in years:
            rows.append([t.nam, t.noi_dung, corpus.ref.label("xep_loai", t.xep_loai) if t.xep_loai else ""])
    if rows:
        doc.add(table(["Năm", "Thành tích", "Xếp loại"], rows, [1, 6, 2.6], 11, ["center"]))
    elif not story:
        doc.add(para("……", align="left"))
    models = [corpus.models[s] for s in n.can_cu.sang_kien if s in corpus.models]
    if p:
        models += [m for m in corpus.models.values()
                   if p.slug in m.tac_gia and m.nam in years and m not in models]
    doc.add(para("2. Sáng kiến, giải pháp, đề tài được công nhận", bold=True, align="left"))
    if models:
        doc.add(table(["Tên sáng kiến, mô hình", "Năm", "Phạm vi", "Quyết định công nhận"],
                      [[m.ten, m.nam, corpus.ref.label("pham_vi", m.pham_vi),
                        f"{m.cong_nhan.so_quyet_dinh} ngày {format_date(m.cong_nhan.ngay_quyet_dinh)}"
                        if m.cong_nhan and m.cong_nhan.ngay_quyet_dinh else "chưa có"]
                       for m in models], [4.5, 1, 1.8, 3], 11, ["left", "center"]))
    else:
        doc.add(para("Không có.", align="left"))
    doc.add(heading(sections[2]))
    awards = sorted(p.khen_thuong if p else [], key=lambda a: (a.nam, a.index))
    if awards:
        doc.add(table(["Năm", "Danh hiệu, hình thức khen thưởng", "Số, ngày quyết định",
                       "Cơ quan ban hành"],
                      [[a.nam, corpus.ref.awards[a.hinh_thuc].ten if a.hinh_thuc in corpus.ref.awards
                        else a.hinh_thuc,
                        f"{a.so_quyet_dinh} ngày {format_date(a.ngay_quyet_dinh)}"
                        if a.ngay_quyet_dinh else a.so_quyet_dinh, a.co_quan]
                       for a in awards], [1, 3.6, 3, 2.6], 11, ["center"]))
    else:
        doc.add(para("Chưa có.", align="left"))
    doc.add(Signature("NGƯỜI BÁO CÁO THÀNH TÍCH" if kind == "ca_nhan" else "THỦ TRƯỞNG TẬP THỂ",
                      name if kind == "ca_nhan" else "", "(Ký, ghi rõ họ tên)",
                      left_title="XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",
                      left_note="(Ký, ghi rõ họ tên, đóng dấu)", left_name=layout.signer_name))
    return doc
