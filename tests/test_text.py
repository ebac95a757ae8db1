"""Vietnamese text conventions: folding, identity, slugs, order, dates."""
from __future__ import annotations

from datetime import date

import pytest

from guongsang.text import (
    fold,
    format_date,
    format_date_formal,
    identity_key,
    nfc,
    parse_date,
    person_sort_key,
    slugify,
    sort_key,
)


def test_fold_drops_every_mark_and_maps_d_stroke() -> None:
    assert fold("Đặng Thị Thuỷ") == "dang thi thuy"
    assert fold("NGUYỄN") == "nguyen"


@pytest.mark.parametrize(("a", "b"), [("Hoà", "Hòa"), ("Thuỷ", "Thủy"), ("Kỹ", "Kĩ"),
                                       ("Quý", "Quí"), ("Lý", "Lí"), ("khoẻ", "khỏe")])
def test_identity_ignores_tone_placement_and_i_y(a: str, b: str) -> None:
    assert identity_key(a) == identity_key(b)


@pytest.mark.parametrize(("a", "b"), [("Hoa", "Hòa"), ("Duy", "Dui"), ("Đức", "Dức")])
def test_identity_keeps_real_differences(a: str, b: str) -> None:
    assert identity_key(a) != identity_key(b)


def test_identity_of_nfd_input_equals_nfc() -> None:
    import unicodedata
    assert identity_key(unicodedata.normalize("NFD", "Nguyễn Thị Hoà")) == identity_key("Nguyễn Thị Hòa")


def test_slug_is_ascii_with_d_for_d_stroke() -> None:
    assert slugify("Trần Văn Đức") == "tran-van-duc"
    assert slugify("  Phòng Tổ chức – Hành chính ") == "phong-to-chuc-hanh-chinh"


def test_vietnamese_letter_order_not_code_points() -> None:
    words = ["Zung", "Đức", "Dung", "Ân", "Anh", "Ánh", "Ấn", "Bình", "Ăn", "Ưng", "Uyên"]
    assert sorted(words, key=sort_key) == [
        "Anh", "Ánh", "Ăn", "Ân", "Ấn", "Bình", "Dung", "Đức", "Uyên", "Ưng", "Zung"]


def test_tone_order_ngang_huyen_hoi_nga_sac_nang() -> None:
    words = ["má", "mạ", "mà", "mã", "ma", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_people_sort_by_given_then_middle_then_family_name() -> None:
    names = ["Trần Văn Đức", "Nguyễn Thị An", "Lê Văn An", "Phạm Thị Ánh", "Đỗ Minh Dũng"]
    assert sorted(names, key=person_sort_key) == [
        "Nguyễn Thị An", "Lê Văn An", "Phạm Thị Ánh", "Đỗ Minh Dũng", "Trần Văn Đức"]


def test_dates_accept_dmy_and_iso_and_refuse_impossible() -> None:
    assert parse_date("05/01/2024") == date(2024, 1, 5)
    assert parse_date("5/1/2024") == date(2024, 1, 5)
    assert parse_date("2024-01-05") == date(2024, 1, 5)
    assert parse_date(date(2024, 1, 5)) == date(2024, 1, 5)
    assert parse_date("31/02/2024") is None
    assert parse_date("01-05-2024") is None
    assert parse_date(20240105) is None


def test_date_formats() -> None:
    assert format_date(date(2024, 1, 5)) == "05/01/2024"
    assert format_date_formal(date(2024, 1, 5), "Lâm Đồng") == "Lâm Đồng, ngày 05 tháng 01 năm 2024"


def test_nfc() -> None:
    assert nfc("Nguye\u0302\u0303n") == "Nguyễn"
