"""Private values in any spelling (rules/spellings.py), one spelling per case.

cases/private-spellings.yml shows the outcome on a whole site (one problem per line and field);
here each spelling is asserted on its own, with the look-alikes that must *not* match, and the
inputs that once made the scan take minutes.
"""
from __future__ import annotations

import time
from datetime import date

import pytest

from guongsang.rules.spellings import PrivateIndex, dates_in, emails_in, numbers_in

from .payloads import private_index


def _index() -> PrivateIndex:
    return private_index()  # the phone, ID, birth date, e-mail, address and note of payloads


@pytest.mark.parametrize("text", [
    "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "091 234 5678",
    "+84 912 345 678", "+84912345678", "84 912 345 678", "0084 912 345 678", "(84) 912-345-678",
    "+84 (0) 912 345 678", "(+84) 912.345.678", "０９１２ ３４５ ６７８", "ĐT:0912345678.",
    "0912\u00a0345\u00a0678", "0912\u200b345678",
])
def test_a_phone_number_in_any_spelling(text: str) -> None:
    assert _index().found_in(f"Gọi {text} nhé") == ["dien_thoai"]


@pytest.mark.parametrize("text", [
    "068190000123", "068 190 000 123", "068.190.000.123", "0681-9000-0123", "068 19 00 00 123",
])
def test_an_id_number_with_spaces_or_dots(text: str) -> None:
    assert _index().found_in(f"CCCD {text}.") == ["so_dinh_danh"]


@pytest.mark.parametrize("text", [
    "15/08/1985", "15/8/1985", "15-08-1985", "15.08.1985", "15 08 1985", "15.8.85", "1985-08-15",
    "1985/8/15", "08/15/1985", "15081985", "19850815", "ngày 15 tháng 8 năm 1985",
    "15 tháng 8, 1985", "ngày 15 tháng Tám năm 1985", "15 THÁNG TÁM 1985", "mùng 15 tháng 08/1985",
    "15/ tháng 8 năm 85",
])
def test_a_birth_date_in_any_order_separator_or_in_words(text: str) -> None:
    assert _index().found_in(f"Sinh {text}.") == ["ngay_sinh"]


@pytest.mark.parametrize("text", [
    "an.nt@example.vn", "AN.NT@EXAMPLE.VN", "an.nt [at] example [dot] vn", "an.nt(at)example.vn",
    "an.nt {at} example.vn", "an.nt a còng example chấm vn", "an.nt @ example . vn",
    "an.nt@example.vn.", "<an.nt@example.vn>",
])
def test_an_email_address_in_capitals_or_disguised(text: str) -> None:
    assert _index().found_in(f"Thư: {text}") == ["email"]


def test_other_private_text_is_compared_without_spaces_dots_and_accents() -> None:
    assert _index().found_in("Nhà ở tổ 5 thôn Da Loi, gần chợ") == ["dia_chi"]


@pytest.mark.parametrize("text", [
    "Số khác: 0912 345 679.",
    "Năm 2019 12 345 678 đồng được trao.",   # a year and an amount side by side
    "Mã 10912345678 của hồ sơ.",              # a longer number that contains the phone's digits
    "Ngày 16/08/1985 và ngày 15/08/1986.",
    "Ngày 15 tháng 9 năm 1985.",
    "Tổng 68.190.000.1234 đồng.",
    "Thư: nt@example.vn, an.nt@example.com.",
    "Cuộc thi 2024, 15, 8, 1985 người.",      # commas between unrelated numbers read as a date…
])
def test_look_alikes_are_not_private(text: str) -> None:
    found = _index().found_in(text)
    if text.startswith("Cuộc thi"):
        assert found == ["ngay_sinh"]  # …is the price of "15, 8, 1985": said here on purpose
    else:
        assert found == []


def test_each_spelling_function_on_its_own() -> None:
    assert "912345678" in set(numbers_in("+84 (0) 912 345 678", {9}))
    assert date(1985, 8, 15) in dates_in("ngày 15 tháng tám năm 1985")
    assert "an.nt@example.vn" in emails_in("an.nt [at] example [dot] vn")


@pytest.mark.parametrize("name, text", [
    ("letters without @", "a" * 200_000),
    ("dotted names around @", "a." * 50_000 + "@" + "b." * 49_000 + "vn"),
    ("many @", "a@" * 100_000),
    ("digits and spaces", "1 " * 100_000),
    ("date-like triples", "1/1/1 " * 33_000),
    ("two-digit triples", "11 " * 66_000),
    ("blanks after a day", "15" + " " * 199_000 + "thang"),
    ("word dates", "ngày 1 tháng " * 15_000),
    ("disguises", " at " * 50_000),
])
def test_a_hostile_line_is_scanned_in_linear_time(name: str, text: str) -> None:
    """Each of these once backtracked (the e-mail scan took minutes on 40 KB of "a.")."""
    started = time.perf_counter()
    _index().found_in(text)
    assert time.perf_counter() - started < 5, name
