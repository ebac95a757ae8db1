"""The pull-request comment: the eligibility verdict of each changed nomination, per condition."""
from __future__ import annotations

from ..problems import Problem
from ..reports import cell
from .eligibility import OUTCOME_WORDS, WAITING, Row, assess
from .load import Process
from .records import Nomination
from .state import state_label

MARKER = "<!-- guongsang-tham-dinh -->"
_ICONS = {"dat": "✅", "thieu": "❌", "chua_ro": "⚠️", "tham_dinh": "👥", WAITING: "⏳"}
_VERDICT = {k: f"{icon} **{OUTCOME_WORDS[k]}**"
            for k, icon in ((True, "✅"), (False, "❌"), (None, "⚠️"))}


def _requirement(r: Row) -> str:
    if not r.depth:
        return r.label
    return "&emsp;" * (r.depth - 1) + "↳ " + (f"**{r.label}**" if r.chosen else r.label)


def selected(process: Process, files: list[str]) -> list[Nomination]:
    """Nominations whose file, or whose meeting's file, is among ``files`` (all when empty)."""
    if not files:
        return sorted(process.nominations.values(), key=lambda n: n.slug)
    names = {f.replace("\\", "/").rsplit("/", 1)[-1] for f in files}
    chosen = {n.slug for n in process.nominations.values() if f"{n.slug}.md" in names}
    for m in process.meetings.values():
        if f"{m.slug}.md" in names:
            chosen.update(s for s in m.de_nghi if s in process.nominations)
    return [process.nominations[s] for s in sorted(chosen)]


def render(process: Process, nominations: list[Nomination], problems: list[Problem]) -> str:
    corpus = process.corpus
    lines = [MARKER, "### 🏅 Thẩm định đề nghị khen thưởng", ""]
    if not nominations:
        lines.append("Pull request này không thay đổi đề nghị khen thưởng hay cuộc họp nào.")
        return "\n".join(lines) + "\n"
    lines.append("Kết quả do `guongsang tham-dinh` tính từ hồ sơ trong kho theo điều kiện của luật "
                 "còn hiệu lực vào ngày xét (`data/danh-muc-khen-thuong.yml`, "
                 "`data/van-ban-phap-ly.yml`); không ai gõ tay kết luận này.")
    for n in nominations:
        p = corpus.profiles.get(n.ho_so)
        form = corpus.ref.awards.get(n.hinh_thuc)
        a = assess(process, n)
        head = f"#### {p.ho_ten if p else n.ho_so} – {form.ten if form else n.hinh_thuc} năm {n.nam}"
        status = (f"Tệp `{n.file}` · trạng thái: {state_label(process, n)} · "
                  f"{_VERDICT[a.eligible] if a else '⚠️ **Chưa thẩm định được**'}")
        lines += ["", head, "", status]
        if a:
            lines += ["", f"Căn cứ pháp lý: {a.basis()}."]
            lines += [f"> Lưu ý: {gap}" for gap in a.verdict.basis.gaps]
            rows = a.rows(corpus)
            if rows:
                lines += ["", "| Yêu cầu | Kết quả | Hồ sơ cho thấy |", "|---|---|---|"]
                lines += [f"| {cell(_requirement(r))} | {_ICONS[r.status]} {r.word} | "
                          f"{cell(r.found)} |" for r in rows]
            bad = a.invalid_grounds(corpus)
            if bad:
                lines += ["", "Căn cứ chưa hợp lệ:"] + [f"- {b}" for b in bad]
        mine = [x for x in problems if x.file == n.file]
        if mine:
            lines += ["", "Cần sửa:"]
            lines += [f"- {x.severity.label} `{x.rule}` dòng {x.line}: {x.message}" for x in mine]
    return "\n".join(lines) + "\n"
