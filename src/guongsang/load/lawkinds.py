"""The kinds of requirement a condition set may use, and their parameters, declared once.

The reader (:mod:`.conditions`) validates the catalogue against these declarations, the editor
guide lists them (:mod:`guongsang.editor.lawdocs`) and :mod:`guongsang.rules.legal.kinds`
implements exactly these ids (a test keeps the two in step).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MEMBER_FIELDS = {
    "hoan_thanh_nhiem_vu": "thành viên hoàn thành nhiệm vụ",
    "lao_dong_tien_tien": "thành viên đạt \"Lao động tiên tiến\"",
    "chien_si_thi_dua_co_so": "thành viên đạt \"Chiến sĩ thi đua cơ sở\"",
    "ky_luat": "thành viên bị kỷ luật từ hình thức cảnh cáo trở lên",
}
"""Counts a collective records per year in ``thanh_tich[].thanh_vien`` (besides ``tong_so``)."""


# -- requirement kinds ------------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """One parameter of a requirement kind."""

    key: str
    type: str
    """int | percent | bool | award | awards | rating | scope | model_kinds | campaign_levels
    | member_field"""
    label: str
    required: bool = False
    default: Any = None
    minimum: int = 0


@dataclass(frozen=True)
class KindSpec:
    """A kind of requirement: its parameters, as editors write them in the catalogue."""

    id: str
    label: str
    params: tuple[Param, ...] = ()
    one_of: tuple[str, ...] = ()
    """Exactly one of these parameters must be given."""
    group: bool = False
    """Has ``lua_chon`` (sub-requirements)."""
    needs_text: bool = False
    """Needs ``mo_ta`` (what the council judges)."""


_AWARD = Param("hinh_thuc", "award", "id danh hiệu, hình thức trong danh mục", required=True)
_WINDOW = Param("so_nam", "int", "số năm liên tục, kết thúc ở năm xét", default=1, minimum=1)
_SAME_TIME = Param("cung_thoi_gian", "bool",
                   "tính trong thời gian của yêu cầu đứng trước trong cùng nhóm (\"trong thời "
                   "gian đó\")", default=False)

KINDS: dict[str, KindSpec] = {k.id: k for k in (
    KindSpec("danh_hieu_cung_nam", "Có danh hiệu khác trong cùng năm", (
        _AWARD,
        Param("dat_tieu_chuan", "bool", "chỉ cần đạt tiêu chuẩn của danh hiệu đó (không cần "
              "quyết định)", default=False),
    )),
    KindSpec("xep_loai", "Xếp loại từ một mức trở lên trong năm xét, hoặc trong mỗi năm của "
             "một số năm liên tục", (
        Param("muc", "rating", "mức xếp loại thấp nhất (id trong xep_loai)", required=True),
        _WINDOW,
        Param("it_nhat", "int", "số năm tối thiểu đạt mức trong các năm đó (mặc định: tất cả)",
              minimum=1),
        _SAME_TIME,
    )),
    KindSpec("lien_tiep", "Có một danh hiệu N lần liên tục (năm liền năm với danh hiệu hằng "
             "năm; không quá một chu kỳ với danh hiệu theo chu kỳ)", (
        _AWARD,
        Param("so_lan", "int", "số lần liên tục", required=True, minimum=1),
        Param("tre_toi_da", "int", "lần cuối có thể sớm hơn năm xét tối đa bấy nhiêu năm",
              default=0),
        Param("dung_lai", "bool", "được dùng lại các lần đã làm căn cứ cho lần trước của chính "
              "hình thức đang xét", default=True),
    )),
    KindSpec("so_lan", "Có một danh hiệu ít nhất N lần (không cần liên tục), trong một số năm", (
        _AWARD,
        Param("so_lan", "int", "số lần tối thiểu", required=True, minimum=1),
        Param("so_nam", "int", "chỉ tính trong bấy nhiêu năm gần nhất (mặc định: mọi năm)",
              minimum=1),
        _SAME_TIME,
    )),
    KindSpec("da_co", "Đã được tặng một hình thức trước đó", (
        _AWARD,
        Param("cach_it_nhat", "int", "năm của hình thức đó sớm hơn năm xét ít nhất bấy nhiêu năm",
              default=0),
        Param("trong_vong", "int", "và không sớm hơn năm xét quá bấy nhiêu năm", minimum=0),
    )),
    KindSpec("sang_kien", "K sáng kiến (hoặc đề tài) phạm vi từ S trở lên, có hồ sơ là tác giả, "
             "được công nhận trước hoặc cùng ngày quyết định", (
        Param("so_luong", "int", "số sáng kiến tối thiểu", required=True, minimum=1),
        Param("pham_vi", "scope", "phạm vi ảnh hưởng tối thiểu (id trong pham_vi)", required=True),
        Param("loai_mo_hinh", "model_kinds", "các loại được tính (id trong loai_mo_hinh)",
              required=True),
        _WINDOW,
        _SAME_TIME,
        Param("khong_tinh_lai", "awards", "không tính sáng kiến đã làm căn cứ cho các hình thức "
              "này", default=()),
    )),
    KindSpec("thanh_phan", "Thành phần của tập thể trong năm xét (theo `thanh_vien`)", (
        Param("chi_so", "member_field", "chỉ số: " + ", ".join(MEMBER_FIELDS), required=True),
        Param("ty_le_toi_thieu", "percent", "tỷ lệ tối thiểu (%) trên tổng số thành viên"),
        Param("ty_le_tren", "percent", "tỷ lệ phải vượt (%) trên tổng số thành viên"),
        Param("so_toi_thieu", "int", "số người tối thiểu"),
        Param("so_toi_da", "int", "số người tối đa"),
    ), one_of=("ty_le_toi_thieu", "ty_le_tren", "so_toi_thieu", "so_toi_da")),
    KindSpec("phong_trao", "Quyết định khen gắn với một phong trào thi đua do cấp nhất định "
             "phát động (`khen_thuong[].phong_trao`)", (
        Param("cap_phat_dong", "campaign_levels", "các cấp phát động được tính (id trong "
              "cap_phat_dong)", required=True),
    )),
    KindSpec("tham_dinh", "Tiêu chuẩn do hội đồng thẩm định, không kiểm tra tự động được "
             "(đạt khi quyết định ghi `theo_tieu_chuan`)", needs_text=True),
    KindSpec("mot_trong", "Đạt một trong các yêu cầu con (`lua_chon`)", group=True),
    KindSpec("tat_ca", "Đạt tất cả các yêu cầu con (`lua_chon`)", group=True),
)}

COMMON_KEYS = ("id", "kieu", "dieu", "van_ban", "nguon", "xac_nhan", "muc_do", "mo_ta", "ghi_chu",
               "cau_hoi_mo", "lua_chon")
LEVELS = ("loi", "canh_bao")
