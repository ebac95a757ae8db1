"""The criteria page ``tieu-chi/``, written from the reference data the checks read.

Nothing on this page is typed by hand: the general standards, each mass organisation's own
criteria, the statuses that need evidence, the award catalogue with its conditions and the
legal texts all come from ``data/*.yml`` through :class:`~guongsang.load.refdata.ReferenceData`,
the same objects the rules in :mod:`guongsang.rules` check profiles against. Editing the data
changes the page and the checks together, so they cannot drift apart.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import urls
from ..html import esc, front_matter
from ..load.refdata import AwardForm, Condition, LegalText, ReferenceData, Standard
from ..problems import Severity
from ..rules.criteria import needs_evidence
from ..rules.legal import _severity as condition_severity
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


def _award_ref(ref: ReferenceData, form_id: str) -> str:
    """The name of an award form, linked to its entry on this page when it is in the catalogue."""
    form = ref.awards.get(form_id)
    if form is None:
        return f"“{esc(form_id)}”"
    return f'“<a href="#{esc(award_anchor(form_id))}">{esc(form.ten)}</a>”'


def _good_ratings(ref: ReferenceData) -> str:
    """The yearly ratings that count as "hoàn thành tốt trở lên" (``dat_chuan`` in tu-vung.yml)."""
    good = [f"“{esc(t.ten)}”" for t in ref.vocab.get("xep_loai", {}).values()
            if t.extra.get("dat_chuan")]
    return " hoặc ".join([", ".join(good[:-1]), good[-1]] if len(good) > 1 else good)


def condition_text(ref: ReferenceData, form: AwardForm, cond: Condition) -> str:
    """One condition of an award form in words (HTML), as the award rule checks it."""
    need = _award_ref(ref, cond.hinh_thuc)
    if cond.kieu == "cung_nam":
        text = f"Trong cùng năm được xét đã có {need}."
    elif cond.kieu == "lien_tiep":
        text = f"Có {need} {cond.so_nam} năm liên tục, tính đến năm được xét"
        good = _good_ratings(ref)
        text += (f"; mỗi năm đó, nếu hồ sơ ghi xếp loại, phải là {good}." if good else ".")
    elif cond.kieu == "so_lan":
        text = f"Trước năm được xét đã có ít nhất {cond.so_lan} lần {need}."
    elif cond.kieu == "sang_kien":
        scope = esc(ref.label("pham_vi", cond.pham_vi or "don_vi"))
        text = ("Là tác giả của sáng kiến, giải pháp được công nhận (có quyết định) trong năm "
                f"được xét, phạm vi ảnh hưởng từ “{scope}” trở lên.")
    else:
        text = f"Điều kiện kiểu “{esc(cond.kieu)}”."
    if cond.ap_dung_tu and cond.ap_dung_den:
        text += (f" Áp dụng cho quyết định ký từ {format_date(cond.ap_dung_tu)} "
                 f"đến {format_date(cond.ap_dung_den)}.")
    elif cond.ap_dung_tu:
        text += f" Áp dụng cho quyết định ký từ {format_date(cond.ap_dung_tu)}."
    elif cond.ap_dung_den:
        text += f" Áp dụng cho quyết định ký đến {format_date(cond.ap_dung_den)}."
    # Blocking or not is decided by the award rule's own function, so the page cannot disagree.
    if condition_severity(cond, form) is Severity.ERROR:
        return text + ' <span class="gs-required">Bắt buộc.</span>'
    return text + ' <span class="gs-advisory">Chỉ nhắc nhở, không chặn xuất bản.</span>'


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


def standards_html(standards: list[Standard], field: str) -> str:
    items = "".join(
        f"<li><strong>{esc(s.ten)}</strong>" + (f": {esc(s.mo_ta)}" if s.mo_ta else "")
        + f' <span class="gs-muted">(mục minh chứng <code>{field}.{esc(s.id)}</code>)</span></li>'
        for s in standards)
    return f'<ol class="gs-criteria">{items}</ol>'


def award_html(ref: ReferenceData, form: AwardForm, today: date) -> str:
    kinds = ", ".join(ref.label("loai_ho_so", d).lower() for d in form.doi_tuong)
    conds = ("<ul>" + "".join(f"<li>{condition_text(ref, form, c)}</li>" for c in form.dieu_kien)
             + "</ul>") if form.dieu_kien else "Không có điều kiện nào được kiểm tra tự động."
    texts = [ref.legal[i] for i in form.can_cu if i in ref.legal]
    current = [t for t in texts if t.in_force(today)]
    basis = ", ".join(_legal_link(t) for t in current) or (
        "Không có văn bản nào trong danh mục còn hiệu lực." if texts else "Chưa ghi.")
    rows = [("Loại", esc(ref.label("loai_khen_thuong", form.loai))),
            ("Dành cho", esc(kinds)),
            ("Cấp", esc(ref.label("cap_khen_thuong", form.cap))),
            ("Thẩm quyền", esc(form.co_quan) or "Chưa ghi."),
            ("Điều kiện", conds),
            ("Căn cứ hiện hành", basis)]
    if form.ghi_chu:
        rows.append(("Ghi chú", esc(form.ghi_chu)))
    mark = f" {UNCONFIRMED}" if not form.xac_nhan else ""
    facts = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<section class="gs-award" id="{esc(award_anchor(form.id))}">'
            f"<h4>{esc(form.ten)}{mark}</h4><dl class=\"gs-facts\">{facts}</dl></section>")


def _levels(ref: ReferenceData) -> list[tuple[str, str]]:
    known = [(t.id, t.ten) for t in ref.vocab.get("cap_khen_thuong", {}).values()]
    seen = {k for k, _ in known}
    others = [(f.cap, f.cap) for f in ref.awards.values() if f.cap not in seen]
    return known + list(dict.fromkeys(others))


def legal_table(ref: ReferenceData, today: date) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Số hiệu", "Tên văn bản", "Hiệu lực", f"Tình trạng ngày {format_date(today)}"))
    rows = ""
    for t in sorted(ref.legal.values(), key=lambda t: t.hieu_luc_tu):
        mark = f" {UNCONFIRMED}" if not t.xac_nhan else ""
        note = f'<br><span class="gs-muted">{esc(t.ghi_chu)}</span>' if t.ghi_chu else ""
        rows += (f'<tr id="{esc(legal_anchor(t.id))}"><th scope="row">{esc(t.so_hieu)}{mark}</th>'
                 f"<td>{esc(t.ten)}{note}</td><td>{_period(t)}</td>"
                 f"<td>{_legal_state(t, today)}</td></tr>")
    return (f'<div class="gs-table"><table><caption>Văn bản pháp lý làm căn cứ khen thưởng'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


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
        (f'<p class="gs-note">Nội dung có nhãn {UNCONFIRMED} chưa được đối chiếu với văn bản '
         "gốc, chỉ dùng để tham khảo. Điều kiện của danh hiệu, hình thức chưa xác nhận chỉ được "
         "nhắc nhở khi kiểm tra hồ sơ, không chặn việc đăng.</p>"),
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
        ("Khi kiểm tra điều kiện, khen thưởng đột xuất và khen thưởng theo chuyên đề không được "
         "tính làm căn cứ. Điều kiện “bắt buộc” không đạt thì hồ sơ không được đăng. "
         f"“Căn cứ hiện hành” là các văn bản còn hiệu lực ngày {format_date(today)}."),
    ]
    for level, label in _levels(ref):
        forms = [f for f in ref.awards.values() if f.cap == level]
        if forms:
            parts.append(f"### {esc(label)}")
            parts.append('<div class="gs-awards">'
                         + "".join(award_html(ref, f, today) for f in forms) + "</div>")
    parts += ["## Văn bản pháp lý",
              ("Căn cứ của một khen thưởng tuỳ theo ngày ký quyết định: văn bản phải còn hiệu lực "
               "vào ngày đó."),
              legal_table(ref, today) if ref.legal
              else '<p class="gs-muted">Chưa có văn bản nào trong dữ liệu.</p>']
    meta = {"title": "Tiêu chí",
            "description": "Tiêu chuẩn chung, tiêu chí của các đoàn thể, điều kiện các danh "
                           "hiệu, hình thức khen thưởng và căn cứ pháp lý.",
            "guongsang": {"kind": "criteria"}}
    return front_matter(meta) + "\n\n".join(parts) + "\n"


@generator
def criteria_page(ctx: Context) -> Iterator[View]:
    yield CriteriaView(urls.CRITERIA, "Tiêu chí", render_criteria(ctx))
