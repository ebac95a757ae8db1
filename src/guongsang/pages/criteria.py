"""The criteria page ``tieu-chi/``, written from the reference data the checks read.

Nothing on this page is typed by hand: the general standards, each mass organisation's own
criteria, the statuses that need evidence, the award catalogue with its conditions and the
legal texts all come from ``data/*.yml`` through :class:`~guongsang.load.refdata.ReferenceData`,
the same objects the rules in :mod:`guongsang.rules` check profiles against. Editing the data
changes the page and the checks together, so they cannot drift apart.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..html import esc, front_matter
from ..load.awards import ConditionSet, Requirement
from ..load.refdata import AwardForm, LegalText, ReferenceData, Standard
from ..rules.criteria import needs_evidence
from ..rules.legal import describe, lapsing
from ..site.output import View
from ..text import format_date
from . import Context, generator

UNCONFIRMED = '<span class="gs-unconfirmed">chưa xác nhận</span>'


@dataclass(frozen=True)
class CriteriaView(View):
    """The generated criteria page."""


def award_anchor(form_id: str) -> str:
    return f"kt-{form_id}"


def legal_anchor(legal_id: str) -> str:
    return f"vb-{legal_id}"


def source_anchor(source_id: str) -> str:
    return f"ng-{source_id}"


def question_anchor(question_id: str) -> str:
    return f"hoi-{question_id}"


def _legal_state(text: LegalText, today: date) -> str:
    if text.in_force(today):
        return "Đang có hiệu lực"
    return "Chưa có hiệu lực" if today < text.hieu_luc_tu else "Hết hiệu lực"


def _period(text: LegalText) -> str:
    start = format_date(text.hieu_luc_tu)
    return f"{start} – {format_date(text.hieu_luc_den)}" if text.hieu_luc_den else f"Từ {start}"


def _legal_link(text: LegalText) -> str:
    mark = f" {UNCONFIRMED}" if not text.xac_nhan else ""
    return f'<a href="#{esc(legal_anchor(text.id))}">{esc(text.so_hieu)}</a>{mark}'


def _linked(ref: ReferenceData, text: str) -> str:
    """Escape ``text`` and turn each ``⟦form-id⟧`` into a link to that form on this page."""
    def sub(m: re.Match[str]) -> str:
        form = ref.awards.get(m.group(1))
        if form is None:
            return f"“{m.group(1)}”"
        return f'“<a href="#{esc(award_anchor(form.id))}">{esc(form.ten)}</a>”'
    return _FORM_REF.sub(sub, esc(text))


_FORM_REF = re.compile(r"⟦([^⟧]*)⟧")


def blocks(req: Requirement) -> bool:
    """Whether a failure of ``req`` can block publishing (the rule of ``Result.severity``)."""
    own = req.muc_do == "loi" and req.xac_nhan and not req.broken
    if req.kieu == "tham_dinh":
        return False
    if req.kieu == "mot_trong":
        return own and all(blocks(c) for c in req.lua_chon)
    if req.kieu == "tat_ca":
        return own and any(blocks(c) for c in req.lua_chon)
    return own


def _sources(ref: ReferenceData, ids: tuple[str, ...]) -> str:
    links = []
    for sid in ids:
        src = ref.law.sources.get(sid)
        links.append(f'<a href="#{esc(source_anchor(sid))}">{esc(sid)}</a>' if src else esc(sid))
    return ", ".join(links)


def requirement_html(ref: ReferenceData, form: AwardForm, cset: ConditionSet,
                     req: Requirement, parent: Requirement | None = None) -> str:
    """One requirement (and its alternatives) in words, with article, sources and level."""
    text = _linked(ref, describe(ref, form, req))
    law = ref.legal.get(req.van_ban)
    cite = esc(req.dieu) + (f" ({esc(law.short)})" if law else "")
    notes = [] if parent is not None and (req.dieu, req.van_ban) == (parent.dieu, parent.van_ban) \
        else [f'<span class="gs-cite">{cite}</span>']
    inherited = parent is not None and req.nguon == parent.nguon
    if req.nguon and not inherited:
        notes.append("nguồn: " + _sources(ref, req.nguon))
    if not req.xac_nhan and (parent is None or parent.xac_nhan):
        notes.append(UNCONFIRMED)
    if req.cau_hoi_mo:
        notes.append(f'theo mặc định của <a href="#{esc(question_anchor(req.cau_hoi_mo))}">câu '
                     "hỏi mở</a>")
    if parent is None:
        if req.kieu == "tham_dinh":
            notes.append('<span class="gs-advisory">Hội đồng thẩm định.</span>')
        elif blocks(req):
            notes.append('<span class="gs-required">Bắt buộc.</span>')
        else:
            notes.append('<span class="gs-advisory">Chỉ nhắc nhở, không chặn xuất bản.</span>')
    if req.ghi_chu:
        notes.append(f'<span class="gs-muted">{esc(req.ghi_chu)}</span>')
    label = f'<span class="gs-req-id">{esc(req.id)}</span> ' if parent is not None else ""
    children = ""
    if req.lua_chon:
        children = ('<ol class="gs-alternatives">' + "".join(
            requirement_html(ref, form, cset, c, req) for c in req.lua_chon) + "</ol>")
    rid = esc(f"{cset.anchor}-{req.id}")
    meta = f' <span class="gs-req-meta">{" · ".join(notes)}</span>' if notes else ""
    return f'<li id="{rid}">{label}{text}{meta}{children}</li>'


def _set_period(ref: ReferenceData, law: LegalText | None) -> str:
    if law is None:
        return ""
    if law.hieu_luc_den:
        return (f"quyết định ký từ {format_date(law.hieu_luc_tu)} đến "
                f"{format_date(law.hieu_luc_den)}")
    return f"quyết định ký từ {format_date(law.hieu_luc_tu)}"


def _decrees(ref: ReferenceData, law: LegalText) -> str:
    texts = sorted((t for t in ref.legal.values() if t.huong_dan == law.id or t.sua_doi == law.id),
                   key=lambda t: t.hieu_luc_tu)
    return ", ".join(f"{_legal_link(t)} ({_period(t)})" for t in texts)


def set_html(ref: ReferenceData, form: AwardForm, cset: ConditionSet, today: date) -> str:
    law = ref.legal.get(cset.luat)
    who = (" – cho " + ", ".join(ref.label("loai_ho_so", d).lower() for d in cset.doi_tuong)
           if cset.doi_tuong else "")
    current = law is not None and law.in_force(today)
    head = (f"Theo {_legal_link(law)}, {_set_period(ref, law)}{esc(who)}" if law
            else esc(cset.luat))
    if current:
        head += ' <span class="gs-current">đang áp dụng</span>'
    decrees = _decrees(ref, law) if law else ""
    body = (f'<p class="gs-muted">Văn bản hướng dẫn, sửa đổi: {decrees}.</p>' if decrees else "")
    if cset.ghi_chu:
        body += f'<p class="gs-muted">{esc(cset.ghi_chu)}</p>'
    reqs = "".join(requirement_html(ref, form, cset, r) for r in cset.yeu_cau)
    return (f'<section class="gs-condition-set" id="{esc(cset.anchor)}"><h5>{head}</h5>{body}'
            f'<ol class="gs-requirements">{reqs}</ol></section>')


def standards_html(standards: list[Standard], field: str) -> str:
    items = "".join(
        f"<li><strong>{esc(s.ten)}</strong>" + (f": {esc(s.mo_ta)}" if s.mo_ta else "")
        + f' <span class="gs-muted">(mục minh chứng <code>{field}.{esc(s.id)}</code>)</span></li>'
        for s in standards)
    return f'<ol class="gs-criteria">{items}</ol>'


def award_html(ref: ReferenceData, form: AwardForm, today: date) -> str:
    kinds = ", ".join(ref.label("loai_ho_so", d).lower() for d in form.doi_tuong)
    rows = [("Loại", esc(ref.label("loai_khen_thuong", form.loai))),
            ("Dành cho", esc(kinds)),
            ("Cấp", esc(ref.label("cap_khen_thuong", form.cap))),
            ("Thẩm quyền", esc(form.co_quan) or "Chưa ghi.")]
    if form.lap_lai_trong_nam:
        rows.append(("Trong một năm", "Có thể được tặng nhiều lần (cho các thành tích khác nhau)."))
    if form.ghi_chu:
        rows.append(("Ghi chú", esc(form.ghi_chu)))
    mark = f" {UNCONFIRMED}" if not form.xac_nhan else ""
    facts = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    # The set of the law in force today first, then older laws.
    sets = sorted(form.dieu_kien, key=lambda s: -(ref.legal[s.luat].hieu_luc_tu.toordinal()
                                                   if s.luat in ref.legal else 0))
    conditions = ("".join(set_html(ref, form, s, today) for s in sets) if sets else
                  '<p class="gs-muted">Chưa có điều kiện nào trong dữ liệu.</p>')
    return (f'<section class="gs-award" id="{esc(award_anchor(form.id))}">'
            f"<h4>{esc(form.ten)}{mark}</h4><dl class=\"gs-facts\">{facts}</dl>{conditions}</section>")


def _levels(ref: ReferenceData) -> list[tuple[str, str]]:
    known = [(t.id, t.ten) for t in ref.vocab.get("cap_khen_thuong", {}).values()]
    seen = {k for k, _ in known}
    others = [(f.cap, f.cap) for f in ref.awards.values() if f.cap not in seen]
    return known + list(dict.fromkeys(others))


def legal_table(ref: ReferenceData, today: date) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Số hiệu", "Tên văn bản", "Hiệu lực", f"Tình trạng ngày {format_date(today)}",
                    "Nguồn"))
    rows = ""
    for t in sorted(ref.legal.values(), key=lambda t: t.hieu_luc_tu):
        mark = f" {UNCONFIRMED}" if not t.xac_nhan else ""
        signed = f"Ký ngày {format_date(t.ngay_ky)}. " if t.ngay_ky else ""
        note = (f'<br><span class="gs-muted">{esc(signed)}{esc(t.ghi_chu)}</span>'
                if t.ghi_chu or signed else "")
        rows += (f'<tr id="{esc(legal_anchor(t.id))}"><th scope="row">{esc(t.so_hieu)}{mark}</th>'
                 f"<td>{esc(t.ten)}{note}</td><td>{_period(t)}</td>"
                 f"<td>{_legal_state(t, today)}</td><td>{_sources(ref, t.nguon)}</td></tr>")
    return (f'<div class="gs-table"><table><caption>Văn bản pháp lý làm căn cứ khen thưởng'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def lapse_notes(ref: ReferenceData, today: date) -> list[str]:
    """Announce, ahead of time, every text in force that has a last day on record."""
    out = []
    for text, successor in lapsing(ref, today):
        day = text.lapses
        assert day is not None
        left = (day - today).days
        then = (f"Từ ngày đó, dữ liệu ghi {_legal_link(successor)} thay thế." if successor else
                "Dữ liệu chưa có văn bản thay thế hay kéo dài: quyết định ký từ ngày đó sẽ được "
                "cảnh báo “không có căn cứ” cho tới khi <code>data/van-ban-phap-ly.yml</code> "
                "được cập nhật.")
        out.append(f'<p class="gs-note gs-lapse"><strong>{esc(text.so_hieu)} hết hiệu lực từ '
                   f"{format_date(day)}</strong> (còn {left} ngày). {then}</p>")
    return out


def principles_html(ref: ReferenceData) -> str:
    items = ""
    for p in ref.law.principles:
        text = ref.legal.get(p.van_ban)
        cite = esc(p.dieu) + (f" ({esc(text.short)})" if text else "")
        mark = "" if p.xac_nhan else f" {UNCONFIRMED}"
        items += (f'<li id="nt-{esc(p.id)}">{esc(p.noi_dung)} <span class="gs-req-meta">'
                  f'<span class="gs-cite">{cite}</span> · nguồn: {_sources(ref, p.nguon)}'
                  f"{mark}</span></li>")
    return f'<ul class="gs-principles">{items}</ul>'


def questions_html(ref: ReferenceData) -> str:
    items = ""
    for q in ref.law.questions.values():
        who = f" Cần hỏi: {esc(q.gui)}." if q.gui else ""
        items += (f'<li id="{esc(question_anchor(q.id))}"><strong>{esc(q.cau_hoi)}</strong> '
                  f"Mặc định đang dùng: {esc(q.mac_dinh)}{who} "
                  f'<span class="gs-req-meta">nguồn: {_sources(ref, q.nguon)}</span></li>')
    return f'<ul class="gs-questions">{items}</ul>'


def sources_html(ref: ReferenceData) -> str:
    items = "".join(
        f'<li id="{esc(source_anchor(s.id))}"><strong>{esc(s.id)}</strong> '
        f'<a href="{esc(s.url)}" rel="nofollow noopener">{esc(s.ten)}</a> '
        f'<span class="gs-muted">({esc(ref.label("do_tin_cay", s.do_tin_cay))})</span></li>'
        for s in ref.law.sources.values())
    return f'<ul class="gs-sources">{items}</ul>'


def render_criteria(ctx: Context) -> str:
    ref, corpus = ctx.ref, ctx.corpus
    today = corpus.today
    plan = ref.site.ke_hoach.get("can_cu", "")
    parts = [
        "# Tiêu chí",
        "Trang này được tạo tự động từ dữ liệu tham chiếu của Gương sáng (thư mục `data/`), "
        "chính là dữ liệu mà bộ kiểm tra dùng để xét từng hồ sơ trước khi đăng: khi dữ liệu "
        "thay đổi, trang này và việc kiểm tra thay đổi cùng lúc."
        + (f" Tiêu chuẩn chung tóm tắt theo Kế hoạch của Trung tâm thực hiện {esc(plan)}." if plan else ""),
        (f'<p class="gs-note">Nội dung có nhãn {UNCONFIRMED} chưa được đối chiếu với nguồn '
         "đáng tin, chỉ dùng để tham khảo. Điều kiện chưa xác nhận chỉ được nhắc nhở khi kiểm "
         "tra hồ sơ, không chặn việc đăng.</p>"),
        *lapse_notes(ref, today),
        "## Tiêu chuẩn chung",
        "Tập thể, cá nhân, gia đình điển hình tiên tiến cần đạt các tiêu chuẩn chung sau:",
        standards_html(ref.standards, "tieu_chuan") if ref.standards
        else '<p class="gs-muted">Chưa có tiêu chuẩn chung nào trong dữ liệu.</p>',
        "## Tiêu chí riêng của các đoàn thể",
        ("Mỗi đoàn thể xây dựng tiêu chí cụ thể của mình; hồ sơ do đoàn thể đề xuất cần minh "
         "chứng cho các tiêu chí này."),
    ]
    orgs = [u.id for u in ref.units.values() if u.loai == "doan_the" or u.id in ref.criteria]
    orgs += [o for o in ref.criteria if o not in orgs]
    for org in orgs:
        unit = ref.units.get(org)
        parts.append(f"### {esc(unit.ten if unit else org)}")
        items = ref.criteria.get(org, [])
        parts.append(standards_html(items, "tieu_chi_doan_the") if items else
                     '<p class="gs-muted">Đoàn thể này chưa xây dựng tiêu chí riêng.</p>')

    statuses = list(ref.vocab.get("trang_thai", {}).values())
    need = [t for t in statuses if needs_evidence(corpus, t.id)]
    rest = [t for t in statuses if not needs_evidence(corpus, t.id)]
    parts.append("## Trạng thái cần minh chứng")
    if need:
        parts.append(
            "Hồ sơ ở trạng thái " + ", ".join(f"**{esc(t.ten)}**" for t in need)
            + " phải có minh chứng (việc làm cụ thể, có số liệu, năm) cho mọi tiêu chuẩn chung "
            "và mọi tiêu chí của đoàn thể đề xuất; thiếu minh chứng, hồ sơ không được đăng."
            + (" Các trạng thái " + ", ".join(f"**{esc(t.ten)}**" for t in rest)
               + " không bắt buộc minh chứng." if rest else ""))
    else:
        parts.append("Hiện không có trạng thái nào bắt buộc minh chứng.")

    parts += [
        "## Danh hiệu và hình thức khen thưởng",
        ("Mỗi danh hiệu, hình thức có một bộ điều kiện theo từng luật; bộ được dùng cho một khen "
         "thưởng là bộ của luật còn hiệu lực vào <strong>ngày ký quyết định</strong>. Điều kiện "
         "“bắt buộc” không đạt thì hồ sơ không được đăng; điều kiện chưa xác nhận, hoặc có "
         "tiêu chuẩn thay thế do hội đồng thẩm định, chỉ được nhắc nhở. Mã trong ngoặc (ví dụ "
         "<code>d</code>) là mã ghi vào <code>theo_tieu_chuan</code> của khen thưởng khi quyết "
         "định xét theo tiêu chuẩn đó."),
        "### Nguyên tắc chung",
        principles_html(ref) if ref.law.principles else
        '<p class="gs-muted">Chưa có nguyên tắc nào trong dữ liệu.</p>',
    ]
    for level, label in _levels(ref):
        forms = [f for f in ref.awards.values() if f.cap == level]
        if forms:
            parts.append(f"### Cấp {esc(label)}")
            parts.append('<div class="gs-awards">'
                         + "".join(award_html(ref, f, today) for f in forms) + "</div>")
    parts += ["## Câu hỏi mở",
              ("Những điểm chưa có câu trả lời chính thức; bộ kiểm tra và báo cáo dùng giá trị mặc "
               "định dưới đây cho tới khi <code>data/van-ban-phap-ly.yml</code> được sửa."),
              questions_html(ref) if ref.law.questions
              else '<p class="gs-muted">Không có câu hỏi mở nào.</p>',
              "## Văn bản pháp lý",
              ("Căn cứ của một khen thưởng tuỳ theo ngày ký quyết định: văn bản phải còn hiệu lực "
               "vào ngày đó. Văn bản chưa xác nhận không bao giờ thay cho văn bản đã xác nhận."),
              *lapse_notes(ref, today),
              legal_table(ref, today) if ref.legal
              else '<p class="gs-muted">Chưa có văn bản nào trong dữ liệu.</p>',
              "## Nguồn đối chiếu",
              "Các nguồn đã dùng để đối chiếu điều kiện và ngày hiệu lực ghi trong dữ liệu.",
              sources_html(ref) if ref.law.sources
              else '<p class="gs-muted">Chưa có nguồn nào trong dữ liệu.</p>']
    meta = {"title": "Tiêu chí",
            "description": "Tiêu chuẩn chung, tiêu chí của các đoàn thể, điều kiện các danh "
                           "hiệu, hình thức khen thưởng và căn cứ pháp lý.",
            "guongsang": {"kind": "criteria"}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def criteria_page(ctx: Context) -> Iterator[View]:
    yield CriteriaView(urls.CRITERIA, "Tiêu chí", render_criteria(ctx))
