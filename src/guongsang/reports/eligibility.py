"""Who can be proposed for a higher award this year, and who is exactly one year short.

The conditions come from the award catalogue (``data/danh-muc-khen-thuong.yml``, ``dieu_kien``),
the same data the ``dieu-kien-khen-thuong`` check reads, so a change of law is a data edit.
Only forms whose conditions are confirmed (``xac_nhan: true``) are assessed: for the others the
catalogue knows too little to say "eligible", and the report lists them as not assessed.

For year Y, a profile that does not yet hold form F for Y is:

* **eligible** when every condition of F holds for Y;
* **one year short** when a "consecutive years" condition (``lien_tiep``) misses exactly year Y
  (e.g. Chiến sĩ thi đua cơ sở in Y-2 and Y-1 but not yet Y), or a "number of times" condition
  (``so_lan``) misses exactly one time; the other conditions may be missing too and are listed.

Years rated below "hoàn thành tốt" (``xep_loai`` without ``dat_chuan``) break a streak. Sudden
(đột xuất) and themed (chuyên đề) awards never count as grounds. Every profile is assessed,
published or not (the report is internal); the note column says which are not on the site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..load.corpus import Corpus
from ..load.refdata import AwardForm, Condition
from ..records import Award, Profile
from . import (
    OutputFile,
    Period,
    award_name,
    display_key,
    generated_marker,
    internal_note,
    md_table,
    site_note,
    unit_name,
)

_SCOPE_RANK = {"don_vi": 0, "tinh": 1, "toan_quoc": 2}


@dataclass
class Assessment:
    """One profile against one award form for one year."""

    profile: Profile
    form: AwardForm
    have: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    short: bool = False
    """A streak condition misses exactly one year (or one time)."""
    blocked: bool = False
    """A streak condition misses more than that, or a year is rated too low."""

    @property
    def eligible(self) -> bool:
        return not self.missing and not self.blocked


def _grounds(p: Profile, form_id: str, year: int) -> list[Award]:
    return [a for a in p.khen_thuong if a.hinh_thuc == form_id and a.nam == year
            and a.counts_as_grounds]


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


def _condition(corpus: Corpus, p: Profile, cond: Condition, year: int, out: Assessment) -> None:
    ref = corpus.ref
    need = award_name(corpus, cond.hinh_thuc)
    if cond.kieu == "cung_nam":
        if _grounds(p, cond.hinh_thuc, year):
            out.have.append(f"{need} năm {year}")
        else:
            out.missing.append(f"{need} năm {year}")
    elif cond.kieu == "lien_tiep":
        span = list(range(year - cond.so_nam + 1, year + 1))
        held = [y for y in span if _grounds(p, cond.hinh_thuc, y)]
        absent = [y for y in span if y not in held]
        good = {k for k, t in ref.vocab.get("xep_loai", {}).items() if t.extra.get("dat_chuan")}
        ratings = {t.nam: t.xep_loai for t in p.thanh_tich if t.xep_loai}
        low = [y for y in span if y in ratings and ratings[y] not in good]
        if held:
            out.have.append(f"{need} năm {_years(held)}")
        if absent:
            out.missing.append(f"{need} năm {_years(absent)}")
        for y in low:
            out.missing.append(f"năm {y} xếp loại \"{ref.label('xep_loai', ratings[y])}\" "
                               "(cần hoàn thành tốt trở lên)")
        if low or len(absent) > 1 or (absent and absent != [year]):
            out.blocked = True
        elif absent == [year]:
            out.short = True
    elif cond.kieu == "so_lan":
        earlier = sorted(a.nam for a in p.khen_thuong
                         if a.hinh_thuc == cond.hinh_thuc and a.nam < year and a.counts_as_grounds)
        if earlier:
            out.have.append(f"{need} năm {_years(earlier)}")
        if len(earlier) < cond.so_lan:
            lack = cond.so_lan - len(earlier)
            out.missing.append(f"{lack} lần {need} nữa (cần {cond.so_lan} lần trước năm {year})")
            if lack == 1:
                out.short = True
            else:
                out.blocked = True
    elif cond.kieu == "sang_kien":
        rank = _SCOPE_RANK.get(cond.pham_vi or "don_vi", 0)
        scope = ref.label("pham_vi", cond.pham_vi or "don_vi").lower()
        ok = sorted((m for m in corpus.models.values()
                     if p.slug in m.tac_gia and m.cong_nhan and m.nam == year
                     and _SCOPE_RANK.get(m.pham_vi, 0) >= rank), key=lambda m: m.slug)
        if ok:
            m = ok[0]
            out.have.append(f"sáng kiến \"{m.ten}\" ({ref.label('pham_vi', m.pham_vi).lower()}, "
                            f"công nhận theo {m.cong_nhan.so_quyet_dinh})")  # type: ignore[union-attr]
        else:
            out.missing.append(f"sáng kiến được công nhận năm {year}, phạm vi từ \"{scope}\" "
                               "trở lên")


def assess(corpus: Corpus, p: Profile, form: AwardForm, year: int, today: date) -> Assessment:
    out = Assessment(p, form)
    for cond in form.dieu_kien:
        if cond.applies(today):
            _condition(corpus, p, cond, year, out)
    return out


def _assessable(form: AwardForm) -> bool:
    return form.xac_nhan and bool(form.dieu_kien)


def assessments(corpus: Corpus, year: int, today: date) -> tuple[list[Assessment], list[Assessment]]:
    """(eligible, one year short), each ordered by name then catalogue order."""
    eligible: list[Assessment] = []
    short: list[Assessment] = []
    forms = [f for f in corpus.ref.awards.values() if _assessable(f)]
    for p in sorted(corpus.profiles.values(), key=display_key):
        for form in forms:
            if p.loai not in form.doi_tuong:
                continue
            if any(a.hinh_thuc == form.id and a.nam == year for a in p.khen_thuong):
                continue  # already awarded for this year
            a = assess(corpus, p, form, year, today)
            if a.eligible:
                eligible.append(a)
            elif a.short and not a.blocked:
                short.append(a)
    return eligible, short


def render(corpus: Corpus, today: date, year: int) -> str:
    command = f"guongsang report eligibility --period {year}"
    eligible, short = assessments(corpus, year, today)
    lines = [
        generated_marker(command),
        "",
        f"# Rà soát đề nghị khen thưởng năm {year}",
        "",
        *internal_note(corpus, today, command),
        "",
        ("Điều kiện lấy từ danh mục khen thưởng (`data/danh-muc-khen-thuong.yml`, mục `dieu_kien`), "
        "chỉ xét các danh hiệu, hình thức có điều kiện đã được xác nhận. Khen thưởng đột xuất, "
        "theo chuyên đề không được tính làm căn cứ. Danh sách gồm cả hồ sơ chưa công bố trên "
        "trang. Đây là gợi ý để rà soát, không thay cho việc thẩm định hồ sơ."),
        "",
        f"## 1. Đủ điều kiện đề nghị năm {year}",
        "",
    ]
    if eligible:
        lines += md_table(
            ["STT", "Họ và tên", "Đơn vị", "Đề nghị", "Căn cứ đã có", "Ghi chú"],
            [[i, a.profile.ho_ten, unit_name(corpus, a.profile.don_vi), a.form.ten,
              "; ".join(a.have), site_note(a.profile)] for i, a in enumerate(eligible, 1)])
    else:
        lines.append("Chưa có hồ sơ nào đủ điều kiện.")
    lines += ["", "## 2. Còn thiếu một năm", ""]
    if short:
        lines += md_table(
            ["STT", "Họ và tên", "Đơn vị", "Hướng tới", "Đã có", "Còn thiếu", "Ghi chú"],
            [[i, a.profile.ho_ten, unit_name(corpus, a.profile.don_vi), a.form.ten,
              "; ".join(a.have), "; ".join(a.missing), site_note(a.profile)]
             for i, a in enumerate(short, 1)])
    else:
        lines.append("Không có hồ sơ nào chỉ còn thiếu một năm.")
    skipped = [f.ten for f in corpus.ref.awards.values() if f.dieu_kien and not f.xac_nhan]
    none = [f.ten for f in corpus.ref.awards.values() if not f.dieu_kien and not f.xac_nhan]
    lines += ["", "## 3. Chưa xét tự động", ""]
    if skipped:
        lines.append("Điều kiện chưa được xác nhận (danh mục ghi `xac_nhan: false`): "
                     + ", ".join(skipped) + ".")
    if none:
        lines.append("")
        lines.append("Chưa có điều kiện trong danh mục: " + ", ".join(none) + ".")
    if not skipped and not none:
        lines.append("Mọi danh hiệu, hình thức trong danh mục đều đã được xét.")
    return "\n".join(lines) + "\n"


def files(corpus: Corpus, today: date, period: Period) -> list[OutputFile]:
    """The review for the year of the period (its last year, for a range of days)."""
    year = period.end.year
    return [OutputFile(f"xet-khen-thuong-{year}.md", render(corpus, today, year))]
