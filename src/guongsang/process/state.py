"""The state of a nomination, derived from the records, never typed.

    đề xuất ──(hồ sơ đọc được, điều kiện đã xét)──> thẩm định ──(có trong một cuộc họp)──> bình xét
    bình xét ──(Hội đồng biểu quyết đạt)──> quyết định (đơn vị tự quyết định)
                                         └─> trình cấp trên ──(cấp trên quyết định)──> quyết định
    bất kỳ bước nào ──(kết luận không đạt, có lý do)──> không đạt

The blocks a nomination file may hold (``trinh_cap_tren``, ``quyet_dinh``, ``khong_dat``) and
the meeting records decide the state. Which combinations are allowed is checked by
:mod:`guongsang.rules.process`; this module only names the state and the last vote.
"""
from __future__ import annotations

from dataclasses import dataclass

from .council import Tally, tally
from .load import Process
from .records import Meeting, Nomination, Vote

STATES = ("de_xuat", "tham_dinh", "binh_xet", "quyet_dinh", "khong_dat", "trinh_cap_tren")


@dataclass(frozen=True)
class Review:
    """The council's review of one nomination: the meeting and, once recorded, its vote."""

    meeting: Meeting
    vote: Vote | None
    tally: Tally | None


def last_review(process: Process, nomination: Nomination) -> Review | None:
    """The latest meeting that reviewed the nomination (a later vote replaces an earlier one)."""
    meetings = process.meetings_of(nomination.slug)
    if not meetings:
        return None
    voted = [m for m in meetings if m.vote_for(nomination.slug) is not None]
    meeting = voted[-1] if voted else meetings[-1]
    vote = meeting.vote_for(nomination.slug)
    found = tally(process.council, meeting, vote, nomination.hinh_thuc) if vote else None
    return Review(meeting, vote, found)


def state(process: Process, nomination: Nomination) -> str:
    if nomination.khong_dat is not None:
        return "khong_dat"
    if nomination.quyet_dinh is not None:
        return "quyet_dinh"
    if nomination.trinh_cap_tren is not None:
        return "trinh_cap_tren"
    if process.meetings_of(nomination.slug):
        return "binh_xet"
    if nomination.ho_so in process.corpus.profiles and nomination.hinh_thuc in process.corpus.ref.awards:
        return "tham_dinh"
    return "de_xuat"


def state_label(process: Process, nomination: Nomination) -> str:
    key = state(process, nomination)
    label = process.corpus.ref.label("trang_thai_de_nghi", key)
    if key == "binh_xet":
        review = last_review(process, nomination)
        if review and review.vote:
            result = process.corpus.ref.label("ket_qua_binh_xet", review.vote.ket_qua).lower()
            label += f" ({result}, {review.vote.dong_y}/{review.meeting.members} phiếu đồng ý)"
        else:
            label += " (chưa ghi kết quả)"
    return label
