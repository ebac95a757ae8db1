"""One example address for every kind of page the sample site has.

Shared by ``scripts/screenshots.py`` (pictures a person looks at) and ``tests/browser`` (the
phone, overflow and axe assertions), so a new page kind is added once and is both looked at
and tested. Addresses are relative to the site root; all of them exist in the sample site.
"""
from __future__ import annotations

PAGE_KINDS: dict[str, str] = {
    "trang-chu": "",
    "tin-bai-danh-sach": "tin-bai/",
    "tin-bai-trang-2": "tin-bai/trang/2/",
    "tin-bai-nam": "tin-bai/nam/2025/",
    "tin-bai": "tin-bai/tong-ket-thi-dua-chuyen-doi-so/",
    "tin-bai-khong-anh": "tin-bai/huong-ung-thi-dua-phat-trien-lam-dong/",
    "nguoi-tot-viec-tot": "nguoi-tot-viec-tot/",
    "guong-dien-hinh": "guong-dien-hinh/",
    "guong-dien-hinh-nhom": "guong-dien-hinh/don-vi/phong-xuc-tien-du-lich/",
    "guong-dien-hinh-loai": "guong-dien-hinh/loai/ca-nhan/",
    "ho-so-co-anh": "ho-so/dang-thi-thuy/",
    "ho-so-nhieu-anh": "ho-so/le-minh-duc/",
    "ho-so-khong-anh": "ho-so/tran-van-an/",
    "ho-so-tap-the": "ho-so/chi-doan-thanh-nien-trung-tam/",
    "phong-trao-danh-sach": "phong-trao/",
    "phong-trao": "phong-trao/thi-dua-chuyen-doi-so-2024/",
    "mo-hinh-danh-sach": "mo-hinh/",
    "mo-hinh": "mo-hinh/so-hoa-ho-so-luu-tru/",
    "vinh-danh-danh-sach": "vinh-danh/",
    "vinh-danh-nam": "vinh-danh/2025/",
    "thong-ke": "thong-ke/",
    "tieu-chi": "tieu-chi/",
    "gioi-thieu": "gioi-thieu/",
    "tim-kiem": "tim-kiem/?q=dang",
    "khong-tim-thay": "404.html",
}
"""Name (used for file names) -> address. "khong-tim-thay" is the 404 page."""
