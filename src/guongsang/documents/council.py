"""The council pack of a meeting: the nominations with their eligibility per condition and the
evidence, the ballot sheet (phiếu bầu), and the minutes (biên bản) pre-filled with the members,
the quorum and, once recorded, the results."""
from __future__ import annotations

from ..process.council import Tally
from ..process.eligibility import Assessment, Row, assess
from ..process.load import Process
from ..process.records import Meeting, Nomination
from ..process.state import state_label
from ..reports import display_key, unit_name
from ..text import format_date
from .layout import Layout
from .model import (
    Document,
    Letterhead,
    Signature,
    heading,
    para,
    table,
    title,
)


def verdict_word(a: Assessment | None) -> str:
    return a.word if a else "Chưa thẩm định được"


def requirement_cells(r: Row) -> list[str]:
    """[requirement with its article, result, what the records show] for one row; an
    alternative is indented under its group."""
    return ["\u2003" * r.depth + ("– " if r.depth else "") + r.label, r.word, r.found]


def agenda(process: Process, meeting: Meeting) -> list[Nomination]:
    """The meeting's nominations, grouped by form (catalogue order), then by name."""
    order = {f: i for i, f in enumerate(process.corpus.ref.awards)}
    found = [process.nominations[s] for s in dict.fromkeys(meeting.de_nghi)
             if s in process.nominations]

    def key(n: Nomination) -> tuple:
        p = process.corpus.profiles.get(n.ho_so)
        return (order.get(n.hinh_thuc, len(order)), display_key(p) if p else (n.ho_so,), n.slug)
    return sorted(found, key=key)


def _name(process: Process, n: Nomination) -> str:
    p = process.corpus.profiles.get(n.ho_so)
    return p.ho_ten if p else n.ho_so


def _form(process: Process, form_id: str) -> str:
    f = process.corpus.ref.awards.get(form_id)
    return f.ten if f else form_id


def _head(process: Process, layout: Layout, meeting: Meeting, number: str = "") -> Letterhead:
    return Letterhead(layout.parent, layout.unit.upper(), number, layout.place_date(meeting.ngay))


def _rule_text(process: Process, meeting: Meeting, form_id: str) -> str:
    rule = process.council.rule_for(form_id, meeting.ngay)
    if rule is None:
        return "chưa có quy định"
    needed = rule.approval.needed(meeting.members) if rule.approval.base == "tong_so" else None
    base = "tổng số thành viên" if rule.approval.base == "tong_so" else "số thành viên có mặt"
    text = f"{rule.approval.phrase} {base}"
    if needed is not None:
        text += f" (ít nhất {needed}/{meeting.members} phiếu)"
    if rule.secret_ballot:
        text += ", bỏ phiếu kín"
    if not rule.xac_nhan:
        text += " – ngưỡng chưa xác nhận"
    return text


def pack(process: Process, meeting: Meeting, layout: Layout) -> Document:
    """Hồ sơ họp: the list, then one section per nomination."""
    corpus = process.corpus
    doc = Document(f"ho-so-hop-{meeting.slug}")
    items = agenda(process, meeting)
    doc.add(_head(process, layout, meeting))
    doc.add(title("HỒ SƠ BÌNH XÉT THI ĐUA, KHEN THƯỞNG", meeting.ten))
    doc.add(para(f"Cuộc họp ngày {format_date(meeting.ngay) if meeting.ngay else '……'}"
                 + (f" tại {meeting.dia_diem}" if meeting.dia_diem else "")
                 + f"; thành tích năm {meeting.nam}; {len(items)} đề nghị. Hội đồng có "
                 f"{meeting.members} thành viên. Kết luận thẩm định dưới đây do hệ thống tính từ "
                 "hồ sơ trong kho (không nhập tay); Phòng Tổ chức – Hành chính rà soát trước khi "
                 "trình Hội đồng.", first_indent=True))
    doc.add(heading("I. DANH SÁCH ĐỀ NGHỊ"))
    rows = []
    for i, n in enumerate(items, 1):
        p = corpus.profiles.get(n.ho_so)
        rows.append([i, _name(process, n), unit_name(corpus, p.don_vi) if p else "",
                     _form(process, n.hinh_thuc), unit_name(corpus, n.don_vi_de_nghi),
                     verdict_word(assess(process, n))])
    doc.add(table(["STT", "Họ và tên (tập thể)", "Đơn vị", "Đề nghị", "Đơn vị đề nghị",
                   "Thẩm định"], rows, [0.85, 3, 2.4, 2.6, 2.2, 1.8], 10.5, ["center"]))
    doc.add(heading("II. THẨM ĐỊNH TỪNG ĐỀ NGHỊ"))
    assessed = {n.slug: assess(process, n) for n in items}
    labels = {a.verdict.basis.label for a in assessed.values() if a is not None}
    shared = len(labels) == 1
    if shared:
        # One legal basis for the whole agenda (the usual case): said once, not 200 times.
        doc.add(para(f"Căn cứ pháp lý của mọi đề nghị dưới đây (văn bản còn hiệu lực vào ngày "
                     f"xét của từng đề nghị): {labels.pop()}.", align="left"))
    for i, n in enumerate(items, 1):
        p = corpus.profiles.get(n.ho_so)
        v = assessed[n.slug]
        who = f"{i}. {_name(process, n)}" + (f" – {p.chuc_vu}" if p and p.chuc_vu else "")
        doc.add(para(who, bold=True, align="left", space_before=6, keep_with_next=True))
        doc.add(para(f"Đề nghị: {_form(process, n.hinh_thuc)} năm {n.nam}; "
                     f"{unit_name(corpus, n.don_vi_de_nghi)} đề nghị ngày "
                     f"{format_date(n.ngay_de_nghi) if n.ngay_de_nghi else '……'}. "
                     f"Trạng thái: {state_label(process, n)}. Ngưỡng biểu quyết: "
                     f"{_rule_text(process, meeting, n.hinh_thuc)}.", align="left",
                     keep_with_next=True))
        if v is None:
            doc.add(para("Chưa thẩm định được: hồ sơ, hình thức không tồn tại hoặc hình thức "
                         "không dành cho loại hồ sơ này.", italic=True, align="left"))
        else:
            day = format_date(v.verdict.on)
            basis = (f"Ngày xét: {day}." if shared
                     else f"Căn cứ pháp lý: {v.verdict.basis.label} (ngày xét {day}).")
            doc.add(para(f"{basis} Kết luận: {v.word}.", align="left", keep_with_next=True))
            for gap in v.verdict.basis.gaps:
                doc.add(para(f"Lưu ý: {gap}", italic=True, align="left"))
            rows = v.rows(corpus)
            if rows:
                doc.add(table(["Yêu cầu", "Kết quả", "Hồ sơ cho thấy"],
                              [requirement_cells(r) for r in rows], [4.6, 1.6, 3.6], 10.5))
            for bad in v.invalid_grounds(corpus):
                doc.add(para(f"Căn cứ chưa hợp lệ: {bad}.", italic=True, align="left"))
        grounds = []
        for slug in n.can_cu.sang_kien:
            m = corpus.models.get(slug)
            if m:
                rec = (f", công nhận theo {m.cong_nhan.so_quyet_dinh} ngày "
                       f"{format_date(m.cong_nhan.ngay_quyet_dinh)}"
                       if m.cong_nhan and m.cong_nhan.ngay_quyet_dinh else ", chưa có quyết định công nhận")
                grounds.append(f"Sáng kiến \"{m.ten}\" ({m.nam}{rec})")
        if p:
            years = set(n.can_cu.nam_thanh_tich) or {n.nam}
            for t in p.thanh_tich:
                if t.nam in years:
                    rating = corpus.ref.label("xep_loai", t.xep_loai) if t.xep_loai else "chưa ghi xếp loại"
                    grounds.append(f"Năm {t.nam}: {t.noi_dung} (xếp loại: {rating.lower()})")
        if n.can_cu.ghi_chu:
            grounds.append(n.can_cu.ghi_chu)
        for g in grounds:
            doc.add(para(f"– {g}", align="left", space_after=2))
    doc.add(Signature("NGƯỜI LẬP", note="(Ký, ghi rõ họ tên)",
                      left_title="PHÒNG TỔ CHỨC – HÀNH CHÍNH", left_note="(Ký, ghi rõ họ tên)"))
    return doc


def ballot(process: Process, meeting: Meeting, layout: Layout) -> Document:
    """Phiếu bầu: one sheet listing every candidate with a box to tick."""
    doc = Document(f"phieu-bau-{meeting.slug}")
    doc.add(_head(process, layout, meeting))
    doc.add(title("PHIẾU BẦU", f"Bình xét thi đua, khen thưởng năm {meeting.nam}"))
    kind = process.corpus.ref.label("hinh_thuc_bieu_quyet", meeting.hinh_thuc_bieu_quyet)
    doc.add(para(f"({kind}. Đánh dấu X vào một ô \"Đồng ý\" hoặc \"Không đồng ý\" cho mỗi "
                 "người; phiếu đánh dấu cả hai ô hoặc để trống ô của ai thì không tính cho người "
                 "đó.)", italic=True, align="center"))
    rows = [[i, _name(process, n), _form(process, n.hinh_thuc), "", ""]
            for i, n in enumerate(agenda(process, meeting), 1)]
    doc.add(table(["STT", "Họ và tên (tập thể)", "Đề nghị", "Đồng ý", "Không đồng ý"], rows,
                  [0.85, 4, 3.6, 1.3, 1.5], 11, ["center", "left", "left", "center", "center"]))
    return doc


def minutes(process: Process, meeting: Meeting, layout: Layout) -> Document:
    """Biên bản họp: filled with what the records hold; blanks where the meeting adds words."""
    corpus = process.corpus
    doc = Document(f"bien-ban-{meeting.slug}")
    doc.add(_head(process, layout, meeting))
    doc.add(title("BIÊN BẢN", meeting.ten))
    day = meeting.ngay
    when = (f"Vào lúc …… giờ …… ngày {day:%d} tháng {day:%m} năm {day:%Y}" if day
            else "Vào lúc …… giờ …… ngày …… tháng …… năm ……")
    doc.add(para(f"{when}, tại {meeting.dia_diem or '……'}, Hội đồng Thi đua – Khen thưởng "
                 f"{layout.unit} họp bình xét thi đua, khen thưởng năm {meeting.nam}.",
                 first_indent=True))
    doc.add(heading("I. THÀNH PHẦN"))
    chair = next((m for m in meeting.thanh_vien if m.vai_tro == "chu_tich"), None)
    doc.add(para(f"Chủ trì: {chair.ho_ten + (', ' + chair.chuc_vu if chair.chuc_vu else '') if chair else '……'}."
                 f" Thư ký: {meeting.thu_ky or '……'}.", align="left"))
    rows = [[i, m.ho_ten, m.chuc_vu, corpus.ref.label("vai_tro_hoi_dong", m.vai_tro),
             "Có mặt" if m.co_mat else ("Vắng, có ý kiến bằng văn bản" if m.y_kien_van_ban else "Vắng")]
            for i, m in enumerate(meeting.thanh_vien, 1)]
    doc.add(table(["STT", "Họ và tên", "Chức vụ", "Vai trò", "Tham dự"], rows,
                  [0.85, 2.8, 3, 2.4, 2], 10.5, ["center"]))
    items = agenda(process, meeting)
    rule = process.council.rule_for(items[0].hinh_thuc, meeting.ngay) if items else \
        process.council.rule_for("", meeting.ngay)
    if rule is not None and meeting.members:
        quorum = rule.quorum.needed(meeting.members)
        ok = rule.quorum.reached(meeting.present, meeting.members)
        doc.add(para(f"Có mặt {meeting.present}/{meeting.members} thành viên"
                     + (f", {meeting.written} thành viên vắng gửi ý kiến bằng văn bản" if meeting.written else "")
                     + f". Cuộc họp cần {rule.quorum.phrase} tổng số thành viên ({quorum} người) "
                     f"theo {rule.can_cu}: {'đủ' if ok else 'KHÔNG đủ'} điều kiện tiến hành.",
                     first_indent=True))
    doc.add(heading("II. NỘI DUNG"))
    doc.add(para(f"Hội đồng nghe Phòng Tổ chức – Hành chính báo cáo {len(items)} đề nghị và kết quả "
                 "thẩm định (kèm hồ sơ họp); thảo luận và biểu quyết bằng hình thức "
                 f"{corpus.ref.label('hinh_thuc_bieu_quyet', meeting.hinh_thuc_bieu_quyet).lower()}."
                 " Ý kiến thảo luận: ………………………………………………………………………………", first_indent=True))
    doc.add(heading("III. KẾT QUẢ BIỂU QUYẾT"))
    recorded = bool(meeting.ket_qua)
    rows = []
    for i, n in enumerate(items, 1):
        v = meeting.vote_for(n.slug)
        if v is None:
            rows.append([i, _name(process, n), _form(process, n.hinh_thuc), "", "", "",
                         _rule_text(process, meeting, n.hinh_thuc), ""])
            continue
        r = process.council.rule_for(n.hinh_thuc, meeting.ngay)
        t = Tally(r, meeting.members, meeting.present, meeting.written, v) if r else None
        share = f"{100 * v.dong_y / t.base:.1f}%".replace(".", ",") if t and t.base else ""
        rows.append([i, _name(process, n), _form(process, n.hinh_thuc), v.dong_y, v.khong_dong_y,
                     v.khong_bieu_quyet, share, corpus.ref.label("ket_qua_binh_xet", v.ket_qua)])
    doc.add(table(["STT", "Họ và tên (tập thể)", "Đề nghị", "Đồng ý", "Không đồng ý",
                   "Không biểu quyết", "Tỷ lệ đồng ý", "Kết quả"], rows,
                  [0.85, 3, 2.8, 1, 1.1, 1.2, 1.2, 1.1], 10,
                  ["center", "left", "left", "center", "center", "center", "center", "center"]))
    # The threshold of each form once, under the table, rather than on every row.
    forms = list(dict.fromkeys(n.hinh_thuc for n in items))
    for form_id in forms:
        doc.add(para(f"Ngưỡng \"{_form(process, form_id)}\": "
                     f"{_rule_text(process, meeting, form_id)}.", italic=True, align="left",
                     size=11, space_after=1))
    if not recorded:
        doc.add(para("(Số phiếu ghi sau khi kiểm phiếu; kết quả được ghi vào hồ sơ họp trong kho "
                     "bằng một pull request, rồi lập lại biên bản này.)", italic=True))
    doc.add(para(f"Kết luận: {meeting.ket_luan or '………………………………………………………………'}", first_indent=True))
    doc.add(para("Cuộc họp kết thúc lúc …… giờ …… cùng ngày. Biên bản đã được đọc lại và các thành "
                 "viên dự họp thống nhất.", first_indent=True))
    doc.add(Signature("CHỦ TỊCH HỘI ĐỒNG", chair.ho_ten if chair else "", "(Ký, ghi rõ họ tên)",
                      left_title="THƯ KÝ", left_note="(Ký, ghi rõ họ tên)",
                      left_name=meeting.thu_ky))
    return doc


def council_documents(process: Process, meeting: Meeting, layout: Layout) -> list[Document]:
    return [pack(process, meeting, layout), ballot(process, meeting, layout),
            minutes(process, meeting, layout)]


