"""The pull-request comment: the eligibility verdict of each changed nomination, per condition."""
from __future__ import annotations

from ..problems import Problem
from ..reports import cell
from ..rules.process import verdict_of
from .load import Process
from .records import Nomination
from .state import state_label

MARKER = "<!-- guongsang-tham-dinh -->"
_MET = {True: "✅ Đạt", False: "❌ Chưa đạt", None: "⚠️ Chưa xác định"}
_VERDICT = {True: "✅ **Đủ điều kiện**", False: "❌ **Chưa đủ điều kiện**",
            None: "⚠️ **Cần thẩm định thêm**"}


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
    lines.append("Kết quả do `guongsang tham-dinh` tính từ hồ sơ trong kho theo điều kiện ở "
                 "`data/danh-muc-khen-thuong.yml`; không ai gõ tay kết luận này.")
    for n in nominations:
        p = corpus.profiles.get(n.ho_so)
        form = corpus.ref.awards.get(n.hinh_thuc)
        v = verdict_of(process, n)
        head = f"#### {p.ho_ten if p else n.ho_so} – {form.ten if form else n.hinh_thuc} năm {n.nam}"
        status = (f"Tệp `{n.file}` · trạng thái: {state_label(process, n)} · "
                  f"{_VERDICT[v.eligible] if v else '⚠️ **Chưa thẩm định được**'}")
        lines += ["", head, "", status, ""]
        if v and v.requirements:
            lines += ["| Điều kiện | Kết quả | Căn cứ trong hồ sơ |", "|---|---|---|"]
            lines += [f"| {cell(r.text + ('' if r.confirmed else ' (chưa xác nhận)'))} | "
                      f"{_MET[r.met]} | {cell(r.evidence)} |" for r in v.requirements]
        if v and v.note:
            lines += ["", f"_{v.note}_"]
        mine = [x for x in problems if x.file == n.file]
        if mine:
            lines += ["", "Cần sửa:"]
            lines += [f"- {x.severity.label} `{x.rule}` dòng {x.line}: {x.message}" for x in mine]
    return "\n".join(lines) + "\n"
