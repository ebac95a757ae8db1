#!/usr/bin/env python3
"""Write a synthetic Gương sáng repository of N fictional profiles, valid under every rule.

    python scripts/synthetic.py .bench/n2000 --profiles 2000

The repository is complete (mkdocs.yml, hooks, theme overrides, reference data, the content
pages) and holds, all generated from one seed so the same N gives the same bytes:

- N profiles: individuals (most), collectives and families, each status of the vocabulary;
  exemplars carry evidence for every standard and their organisation's criteria;
- awards that meet the catalogue's legal conditions ("Chiến sĩ thi đua cơ sở" only with
  "Lao động tiên tiến" the same year and an initiative recognised that year) or simple forms
  without conditions; decision numbers are unique, decisions signed after the year they reward;
- good deeds (the gallery), yearly achievements with ratings, follow-ups, private fields;
- about N/40 models and initiatives with 1–3 authors, and about N/250 campaigns;
- photos on ~40 % of profiles: one 800×600 JPEG, hard-linked from a small pool drawn once
  into ``--photo-cache`` (the pool is shared between sizes, so N=10,000 writes no extra bytes).

Names are Vietnamese with diacritics, 3 or 4 syllables, no two equal once every mark is
dropped (so the duplicate-person rule has nothing to say). Every person is fictional.

:func:`generate` returns the records as plain data (front matter + body) so the benchmark can
write the equivalent plain-MkDocs pages from the same content.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from guongsang.text import fold, slugify

AS_OF = date(2026, 6, 30)
"""Every generated date is on or before this day, so the content stays valid as time passes."""
PHOTO_SHARE = 0.4
PHOTO_POOL = 48
PHOTO_SIZE = (800, 600)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lương", "Trịnh", "Mai", "Tô",
          "Châu", "Lò", "Kiều", "Quách", "Tạ", "Thái", "Triệu", "Ưng"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Đình", "Xuân", "Ngọc",
            "Trọng", "Bá", "Quang", "Gia", "Tuấn"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh", "Mỹ", "Hoài", "Bảo", "Diệu",
            "Phương", "Hồng", "Thùy", "Khánh", "Tường"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hòa", "Hùng", "Huy", "Khánh",
           "Khoa", "Kỹ", "Long", "Lực", "Nam", "Nghĩa", "Phúc", "Quân", "Quý", "Sơn", "Tài",
           "Thành", "Thắng", "Thuỷ", "Toàn", "Trí", "Trung", "Tuấn", "Việt", "Vĩnh", "Đạt",
           "Hiếu", "Lộc", "Mạnh", "Nhân", "Phong", "Sang", "Tâm", "Vũ"]
GIVEN_F = ["Anh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hoà", "Hương", "Lan", "Linh",
           "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
           "Thủy", "Thùy", "Trang", "Tuyết", "Uyên", "Vy", "Xuân", "Yến", "Ý", "Lý", "Đào",
           "Ánh", "Diễm", "Hằng", "Huệ", "Liên", "My", "Nguyệt", "Trâm"]
GROUPS = ["Tổ", "Nhóm", "Đội", "Câu lạc bộ", "Ban"]
THEMES = ["tình nguyện", "xúc tiến đầu tư", "hỗ trợ nhà đầu tư", "quảng bá du lịch",
          "chuyển đổi số", "một cửa", "biên tập bản tin", "hội chợ thương mại", "khảo sát dự án",
          "lưu trữ", "công đoàn", "thanh niên xung kích", "dữ liệu điểm đến", "kết nối giao thương",
          "văn hoá cơ quan", "sáng kiến", "hậu cần hội nghị", "tiếp đón đoàn khách", "tư vấn",
          "an sinh"]
PLACES = ["Đà Lạt", "Lạc Dương", "Bảo Lộc", "Đạ Huoai", "Phan Thiết", "Đắk Mil", "Gia Nghĩa",
          "Đơn Dương", "Di Linh", "Đức Trọng", "Lâm Hà", "Tuy Phong", "Mũi Né", "Đắk R'lấp",
          "Cát Tiên", "Bảo Lâm"]
UNITS = ["phong-to-chuc-hanh-chinh", "phong-xuc-tien-dau-tu", "phong-xuc-tien-thuong-mai",
         "phong-xuc-tien-du-lich", "trung-tam-thong-tin"]
OUTSIDE = ["ubnd-phuong-xuan-huong-da-lat", "ubnd-xa-lac-duong", "so-cong-thuong"]
ORGS = ["cong-doan-co-so", "chi-doan-thanh-nien", "phong-xuc-tien-dau-tu", "trung-tam-thong-tin"]
CRITERIA = {"cong-doan-co-so": ["cd_nghia_vu_doan_vien", "cd_cham_lo_nguoi_lao_dong"],
            "chi-doan-thanh-nien": ["cdtn_xung_kich", "cdtn_chuyen_doi_so"]}
STANDARDS = ["chap_hanh", "hoan_thanh_nhiem_vu", "sang_tao", "doan_ket"]
FIELDS = ["xuc-tien-dau-tu", "xuc-tien-thuong-mai", "du-lich", "chuyen-doi-so",
          "cai-cach-hanh-chinh", "an-sinh-xa-hoi", "cong-tac-doan-the"]
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Kỹ thuật viên", "Nhân viên",
             "Phó Trưởng phòng", "Trưởng phòng", "Biên tập viên", "Hướng dẫn viên"]
DEED_PLACES = ["Chợ Đà Lạt", "Quảng trường Lâm Viên", "Đèo Prenn", "Bến xe liên tỉnh Đà Lạt",
               "Trường tiểu học Lạc Dương", "Bệnh viện Đa khoa tỉnh", "Xã Đạ Huoai",
               "Phường Bảo Lộc", "Bãi biển Mũi Né", "Thác Datanla", "Xã Đắk Mil"]
DEEDS = [
    "Nhặt được ví có giấy tờ và tiền mặt, tìm đến tận nhà để trả lại cho người đánh rơi.",
    "Cùng đồng nghiệp quyên góp sách vở, áo ấm cho học sinh vùng cao trước mùa mưa.",
    "Sơ cứu và đưa người bị nạn giao thông đến trạm y tế, ở lại đến khi người nhà tới.",
    "Hiến máu tình nguyện tại ngày hội của tỉnh, vận động thêm năm đồng nghiệp cùng tham gia.",
    "Hướng dẫn người cao tuổi làm thủ tục trực tuyến ngoài giờ làm việc, không nhận thù lao.",
    "Tham gia dọn dẹp bùn đất, sửa lại nhà cho các hộ bị ảnh hưởng sau mưa lũ.",
    "Giúp du khách nước ngoài bị lạc tìm lại đoàn, đưa về tận khách sạn lúc nửa đêm.",
    "Trả lại chiếc điện thoại du khách để quên trên ghế đá, liên hệ qua số người thân.",
]
SENTENCES = [
    "Anh chị luôn đến cơ quan sớm, chuẩn bị hồ sơ chu đáo cho từng đoàn doanh nghiệp.",
    "Khi có việc gấp, đồng nghiệp biết có thể nhờ và được giúp đỡ tận tình.",
    "Sáng kiến nhỏ trong cách lưu hồ sơ giúp cả phòng tiết kiệm nhiều giờ làm mỗi tháng.",
    "Những chuyến khảo sát điểm đến ở vùng sâu được ghi chép cẩn thận, có ảnh và bản đồ kèm theo.",
    "Các bạn trẻ trong chi đoàn học được cách làm việc có kế hoạch, có kiểm tra và rút kinh nghiệm.",
    "Dù bận, việc nhà và việc cơ quan vẫn được sắp xếp hài hoà, không để ai phải chờ.",
    "Mỗi cuối tuần, nhóm tình nguyện lại mang sách và đồ dùng học tập lên các điểm trường.",
    "Doanh nghiệp đánh giá cao sự nhiệt tình, đúng hẹn và hiểu thủ tục của cán bộ Trung tâm.",
    "Từ một ý tưởng nhỏ, cách làm được các phòng khác học theo và áp dụng rộng rãi.",
    "Đồng nghiệp nhận xét: làm việc với người này thì yên tâm, vì việc gì nhận là làm đến nơi.",
    "Hồ sơ dự án được số hoá, gắn mã QR để nhà đầu tư tra cứu ngay trên điện thoại.",
    "Những buổi tiếp đoàn kéo dài đến tối, nhưng câu hỏi nào cũng được trả lời trong ngày.",
]
HEADINGS = ["Những ngày đầu", "Một cách làm mới", "Điều đồng nghiệp nhớ", "Việc nhỏ, ý nghĩa lớn"]
ACHIEVEMENTS = [
    "Hỗ trợ {n} nhà đầu tư hoàn thiện hồ sơ đề xuất dự án.",
    "Tổ chức {n} đoàn khảo sát điểm đến cho doanh nghiệp lữ hành.",
    "Biên tập {n} số bản tin xúc tiến, đúng hạn và không sai sót.",
    "Kết nối {n} doanh nghiệp tham gia hội chợ thương mại trong và ngoài tỉnh.",
    "Trả lời {n} câu hỏi của nhà đầu tư qua kênh trực tuyến trong 2 ngày làm việc.",
]
MODEL_KINDS = ["mo_hinh", "sang_kien", "giai_phap", "cach_lam_hay"]
MODEL_NAMES = ["Sổ tay", "Bản đồ số", "Quy trình", "Kho dữ liệu", "Bộ mẫu", "Cổng tra cứu",
               "Lịch", "Phiếu khảo sát điện tử", "Góc đọc", "Nhóm trực tuyến"]
MODEL_TOPICS = ["nhà đầu tư", "điểm đến du lịch", "hội chợ thương mại", "hồ sơ lưu trữ",
                "doanh nghiệp lữ hành", "sản phẩm OCOP", "thủ tục một cửa", "đoàn khảo sát",
                "hội nghị xúc tiến", "nông sản đặc sản"]
CAMPAIGN_THEMES = ["đẩy mạnh chuyển đổi số", "chung tay vì người nghèo", "văn hoá công sở",
                   "cải cách hành chính", "xúc tiến du lịch xanh", "mỗi tuần một việc tốt",
                   "học tập và làm theo gương Bác", "phát triển kinh tế số"]


@dataclass
class Record:
    """One generated file: where it goes, its front matter (plain data) and its body."""

    rel: str
    """Path inside the repository, e.g. ``profiles/nguyen-van-an/index.md``."""
    data: dict[str, Any]
    body: str
    photo: int | None = None
    """Index of the pool photo hard-linked as ``chan-dung.jpg`` (profiles only)."""


@dataclass
class Corpus:
    profiles: list[Record] = field(default_factory=list)
    models: list[Record] = field(default_factory=list)
    campaigns: list[Record] = field(default_factory=list)


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


class _Names:
    """Unique names: no two equal once every diacritic is dropped (so slugs are unique too)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.seen: set[str] = set()

    def _take(self, make) -> str:
        for _ in range(10_000):
            name = make()
            if fold(name) not in self.seen and slugify(name) not in self.seen:
                self.seen.add(fold(name))
                self.seen.add(slugify(name))
                return name
        raise SystemExit("synthetic: không còn đủ tổ hợp tên khác nhau")

    def person(self) -> tuple[str, bool]:
        female = self.rng.random() < 0.5
        def make() -> str:
            mid = MIDDLE_F if female else MIDDLE_M
            parts = [self.rng.choice(FAMILY), self.rng.choice(mid)]
            if self.rng.random() < 0.5:
                parts.append(self.rng.choice([m for m in mid if m != parts[1]]))
            parts.append(self.rng.choice(GIVEN_F if female else GIVEN_M))
            return " ".join(parts)
        return self._take(make), female

    def collective(self) -> str:
        def make() -> str:
            name = (f"{self.rng.choice(GROUPS)} {self.rng.choice(THEMES)} "
                    f"{self.rng.choice(PLACES)}")
            return name if self.rng.random() < 0.7 else f"{name} số {self.rng.randint(2, 99)}"
        return self._take(make)


@dataclass
class _Decisions:
    """Unique decision numbers per signing year."""

    counters: dict[int, int] = field(default_factory=dict)

    def next(self, year: int, body: str = "TTXT") -> str:
        self.counters[year] = self.counters.get(year, 0) + 1
        return f"{self.counters[year]}/QĐ-{body}"


def _story(rng: random.Random) -> str:
    paras = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(3)]
    if rng.random() < 0.5:
        paras.insert(1, f"### {rng.choice(HEADINGS)}")
    if rng.random() < 0.3:
        paras.append("\n".join(f"- {s}" for s in rng.sample(SENTENCES, 3)))
    return "\n\n".join(paras) + "\n"


def generate(n: int, seed: int = 1) -> Corpus:
    """The records of a repository with ``n`` profiles, as plain data (nothing is written)."""
    rng = random.Random(seed)
    names = _Names(rng)
    decisions = _Decisions()
    out = Corpus()

    n_campaigns = max(4, n // 250)
    for i in range(n_campaigns):
        start = _day(rng, date(2021, 1, 1), date(2025, 12, 31))
        end = start + timedelta(days=rng.choice([180, 365, 730]))
        state = "da_ket_thuc" if end < AS_OF else "dang_dien_ra"
        theme = CAMPAIGN_THEMES[i % len(CAMPAIGN_THEMES)]
        title = f"Thi đua {theme} giai đoạn {start.year}–{end.year} (đợt {i + 1})"
        slug = slugify(f"thi-dua-{theme}-{start.year}-{i + 1}")
        out.campaigns.append(Record(f"content/phong-trao/{slug}.md", {
            "ten": title, "cap_phat_dong": rng.choice(["co_quan", "tinh", "co_quan"]),
            "co_quan_phat_dong": "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh Lâm Đồng",
            "tu_ngay": _d(start), "den_ngay": _d(end),
            "muc_tieu": rng.sample(SENTENCES, 2), "trang_thai": state,
            "tom_tat": rng.choice(SENTENCES)}, _story(rng)))
    campaign_slugs = [r.rel.rsplit("/", 1)[1][:-3] for r in out.campaigns]

    # Profiles first (models need their authors), awards that need a model come after.
    kinds = ["ca_nhan"] * 85 + ["tap_the"] * 10 + ["gia_dinh"] * 5
    statuses = (["guong_nguoi_tot_viec_tot"] * 50 + ["nhan_to_moi"] * 30
                + ["dien_hinh_tien_tien"] * 15 + ["dien_hinh_tieu_bieu"] * 5)
    decisions_of: dict[str, list[dict[str, Any]]] = {}
    for _ in range(n):
        kind = rng.choice(kinds)
        if kind == "tap_the":
            name = names.collective()
        elif kind == "gia_dinh":
            person, female = names.person()
            name = f"Gia đình {'chị' if female else 'anh'} {person}"
        else:
            name, _female = names.person()
        slug = slugify(name)
        status = rng.choice(statuses)
        org = rng.choice(ORGS)
        recognised = _day(rng, date(2022, 1, 10), AS_OF - timedelta(days=30))
        data: dict[str, Any] = {
            "ho_ten": name, "loai": kind, "don_vi": rng.choice(UNITS),
        }
        if kind == "ca_nhan":
            data["chuc_vu"] = rng.choice(POSITIONS)
        data.update({
            "linh_vuc": rng.sample(FIELDS, rng.randint(1, 2)), "trang_thai": status,
            "ngay_cong_nhan": _d(recognised), "don_vi_de_xuat": org,
            "tom_tat": rng.choice(SENTENCES),
        })
        if status.startswith("dien_hinh"):
            data["tieu_chuan"] = {s: rng.choice(SENTENCES) for s in STANDARDS}
            if org in CRITERIA:
                data["tieu_chi_doan_the"] = {c: rng.choice(SENTENCES) for c in CRITERIA[org]}
        years = sorted(rng.sample(range(2021, 2026), rng.randint(1, 4)))
        data["thanh_tich"] = [
            {"nam": y, "noi_dung": rng.choice(ACHIEVEMENTS).format(n=rng.randint(2, 40)),
             "xep_loai": rng.choice(["hoan_thanh_xuat_sac", "hoan_thanh_tot"])} for y in years]
        if kind == "tap_the":
            # Member counts, as a collective's report records them (the composition rules).
            for t in data["thanh_tich"]:
                size = rng.randint(4, 30)
                t["thanh_vien"] = {"tong_so": size, "hoan_thanh_nhiem_vu": size,
                                   "lao_dong_tien_tien": size // 2 + 1 + rng.randint(0, size // 2 - 1),
                                   "chien_si_thi_dua_co_so": rng.randint(0, 2), "ky_luat": 0}
        awards: list[dict[str, Any]] = []
        for y in years:
            if kind == "ca_nhan" and rng.random() < 0.6:
                awards.append(_award("lao-dong-tien-tien", y, decisions, rng))
            elif kind == "tap_the" and rng.random() < 0.6:
                awards.append(_award("tap-the-lao-dong-tien-tien", y, decisions, rng))
        if rng.random() < 0.15:
            a = _award("giay-khen-giam-doc", rng.choice(years), decisions, rng)
            a["dot_xuat"] = rng.random() < 0.5
            a["ly_do"] = "Có hành động đẹp được đồng nghiệp và nhân dân ghi nhận"
            awards.append(a)
        decisions_of[slug] = awards
        if status in ("guong_nguoi_tot_viec_tot", "nhan_to_moi") or rng.random() < 0.3:
            deeds = sorted(_day(rng, date(2021, 1, 1), AS_OF) for _ in range(rng.randint(1, 3)))
            data["viec_tot"] = [{"ngay": _d(d), "dia_diem": rng.choice(DEED_PLACES),
                                 "noi_dung": rng.choice(DEEDS)} for d in deeds]
        if rng.random() < 0.5:
            data["phong_trao"] = rng.sample(campaign_slugs, rng.randint(1, 2))
        photo = None
        if rng.random() < PHOTO_SHARE:
            photo = rng.randrange(PHOTO_POOL)
            data["anh"] = [{"tep": "chan-dung.jpg",
                            "mo_ta": f"{name} tại nơi làm việc (ảnh minh hoạ)",
                            "chu_thich": "Ảnh minh hoạ",
                            "nguon": "Minh hoạ: dữ liệu tổng hợp"}]
        data["dong_y_cong_bo"] = True
        if rng.random() < 0.1:
            data["theo_doi"] = [{"ngay": _d(_day(rng, recognised, AS_OF)),
                                 "ghi_chu": "Được cử tham gia lớp bồi dưỡng nghiệp vụ xúc tiến."}]
        if rng.random() < 0.2:
            data["rieng_tu"] = {"dien_thoai": f"09{rng.randint(10, 99)} {rng.randint(100, 999)} "
                                              f"{rng.randint(100, 999)}",
                                "email": f"{slug[:12]}.{rng.randint(1, 999)}@example.vn"}
        out.profiles.append(Record(f"profiles/{slug}/index.md", data, _story(rng), photo))

    # Models: 1–3 individual authors each; a recognised one of year Y may ground a
    # "Chiến sĩ thi đua cơ sở" (with "Lao động tiên tiến" the same year) or a provincial
    # Certificate of Merit for its authors.
    people = [r for r in out.profiles if r.data["loai"] == "ca_nhan"]
    n_models = max(3, n // 40)
    for i in range(n_models):
        year = rng.randint(2021, 2025)
        authors = rng.sample(people, min(len(people), rng.randint(1, 3)))
        scope = ("don_vi", "tinh", "don_vi", "toan_quoc")[i % 4]
        title = (f"{rng.choice(MODEL_NAMES)} {rng.choice(MODEL_TOPICS)} "
                 f"{rng.choice(PLACES)} {year} (số {i + 1})")
        slug = slugify(title)
        data = {"ten": title, "loai": rng.choice(MODEL_KINDS),
                "tac_gia": [_slug_of(a) for a in authors], "don_vi": authors[0].data["don_vi"],
                "nam": year, "linh_vuc": rng.sample(FIELDS, 1), "pham_vi": scope}
        recognised = rng.random() < 0.8
        if recognised:
            data["cong_nhan"] = {"so_quyet_dinh": decisions.next(year),
                                 "ngay_quyet_dinh": _d(date(year, 12, rng.randint(10, 28))),
                                 "co_quan": "Hội đồng Sáng kiến Trung tâm"}
        data["tom_tat"] = rng.choice(SENTENCES)
        data["hieu_qua"] = rng.choice(ACHIEVEMENTS).format(n=rng.randint(5, 90))
        if rng.random() < 0.3:
            data["nhan_rong"] = [{"don_vi": rng.choice(OUTSIDE),
                                  "ngay": _d(date(min(year + 1, AS_OF.year), 3, 1)),
                                  "ghi_chu": "Áp dụng cho bộ phận một cửa"}]
        if rng.random() < 0.5:
            data["phong_trao"] = [rng.choice(campaign_slugs)]
        out.models.append(Record(f"content/mo-hinh/{slug}.md", data, _story(rng)))
        for author in authors:
            a_slug = _slug_of(author)
            if rng.random() < 0.5:
                author.data.setdefault("mo_hinh", []).append(slug)
            if not recognised:
                continue
            awards = decisions_of[a_slug]
            held = {(a["hinh_thuc"], a["nam"]) for a in awards}
            if rng.random() < 0.7 and ("chien-si-thi-dua-co-so", year) not in held:
                if ("lao-dong-tien-tien", year) not in held:
                    awards.append(_award("lao-dong-tien-tien", year, decisions, rng))
                a = _award("chien-si-thi-dua-co-so", year, decisions, rng)
                a["ly_do"] = f"Có sáng kiến \"{title}\" được công nhận"
                # Decided with (never before) the year's "Lao động tiên tiến" it rests on.
                a["ngay_quyet_dinh"] = next(x["ngay_quyet_dinh"] for x in awards
                                            if x["hinh_thuc"] == "lao-dong-tien-tien"
                                            and x["nam"] == year)
                awards.append(a)
            if scope != "don_vi" and rng.random() < 0.5 \
                    and ("bang-khen-chu-tich-ubnd-tinh", year) not in held:
                a = _award("bang-khen-chu-tich-ubnd-tinh", year, decisions, rng, "UBND")
                a["co_quan"] = "Chủ tịch UBND tỉnh Lâm Đồng"
                # Granted for an achievement with provincial influence: point b of Điều 74
                # (decisions under the 2003 law name its unconfirmed "other criteria").
                a["theo_tieu_chuan"] = "b" if a["ngay_quyet_dinh"][-4:] >= "2024" else "khac"
                awards.append(a)

    for r in out.profiles:
        awards = decisions_of[_slug_of(r)]
        if awards:
            r.data["khen_thuong"] = sorted(awards, key=lambda a: (a["nam"], a["hinh_thuc"]))
        # Order keys like the schema, so files read like hand-written ones.
        r.data = _ordered(r.data)
    return out


_PROFILE_ORDER = ["ho_ten", "loai", "don_vi", "chuc_vu", "linh_vuc", "trang_thai",
                  "ngay_cong_nhan", "don_vi_de_xuat", "tom_tat", "tieu_chuan",
                  "tieu_chi_doan_the", "thanh_tich", "khen_thuong", "viec_tot", "phong_trao",
                  "mo_hinh", "anh", "dong_y_cong_bo", "theo_doi", "rieng_tu"]


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in _PROFILE_ORDER if k in data}


def _slug_of(r: Record) -> str:
    return r.rel.split("/")[1]


def _award(form: str, year: int, decisions: _Decisions, rng: random.Random,
           body: str = "TTXT") -> dict[str, Any]:
    signed = date(year + 1, 1, rng.randint(3, 25)) if year < AS_OF.year else AS_OF
    return {"hinh_thuc": form, "nam": year, "so_quyet_dinh": decisions.next(signed.year, body),
            "ngay_quyet_dinh": _d(signed),
            "co_quan": "Chủ tịch UBND tỉnh" if body == "UBND" else "Giám đốc Trung tâm"}


# --- writing ---------------------------------------------------------------------------------

def _yaml(value: Any, indent: int = 0) -> list[str]:
    """Block YAML for plain data; strings are JSON-quoted (valid YAML, safe for any text)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines.extend(_yaml(v, indent + 2))
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}")
    else:
        for item in value:
            if isinstance(item, dict):
                sub = _yaml(item, indent + 2)
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str) and v and all(c.isalnum() or c in "-_/" for c in v) \
            and v[0].isalpha() and v not in ("true", "false", "null", "yes", "no"):
        return v  # ids and dates read as written (dates dd/mm/yyyy stay strings for the loader)
    return json.dumps(v, ensure_ascii=False)


def markdown(record: Record) -> str:
    return "---\n" + "\n".join(_yaml(record.data)) + "\n---\n\n" + record.body


SITE_FILES = ("mkdocs.yml", "hooks", "overrides", "data")
CONTENT_PAGES = ("index.md", "gioi-thieu.md", "phong-trao/index.md", "mo-hinh/index.md")


def photo_pool(cache: Path, wanted: set[int]) -> dict[int, Path]:
    """Pool photos ``wanted`` (800×600 JPEGs), drawn once into ``cache`` and reused afterwards."""
    from PIL import Image, ImageDraw

    cache.mkdir(parents=True, exist_ok=True)
    out: dict[int, Path] = {}
    for i in sorted(wanted):
        path = out[i] = cache / f"pool-{i:03d}.jpg"
        if path.exists():
            continue
        rng = random.Random(i)
        sky, haze, hill, figure = (tuple(rng.randrange(256) for _ in range(3)) for _ in range(4))
        w, h = PHOTO_SIZE
        img = Image.new("RGB", PHOTO_SIZE, sky)
        draw = ImageDraw.Draw(img)
        for y in range(h // 2):  # a sky gradient, hills and a figure: photo-like JPEG sizes
            t = y / (h / 2)
            draw.line([(0, y), (w, y)],
                      fill=tuple(int(a * (1 - t) + b * t) for a, b in zip(sky, haze)))
        draw.polygon([(0, h), (0, h * 0.55), (w * 0.3, h * 0.4), (w * 0.7, h * 0.6),
                      (w, h * 0.45), (w, h)], fill=hill)
        draw.ellipse([w * 0.42, h * 0.3, w * 0.58, h * 0.52], fill=figure)
        draw.rectangle([w * 0.4, h * 0.5, w * 0.6, h * 0.95], fill=figure)
        tmp = path.with_suffix(".tmp")
        img.save(tmp, "JPEG", quality=85)
        os.replace(tmp, path)
    return out


def phone_photo(size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A JPEG like a phone's (quality 95, 12 megapixels of colour, edges and sensor noise:
    about 4.4 MB), to measure what the photo budget does to a repository."""
    import io

    from PIL import Image, ImageDraw, ImageFilter

    w, h = size
    small = (w // 8, h // 8)
    bands = [Image.effect_noise(small, 60 + 5 * i) for i in range(3)]
    img = Image.merge("RGB", bands).filter(ImageFilter.GaussianBlur(3)).resize(size,
                                                                               Image.BICUBIC)
    img = Image.blend(img, Image.linear_gradient("L").resize(size).convert("RGB"), 0.4)
    draw = ImageDraw.Draw(img)
    for i in range(40):
        x, y = (i * 733) % w, (i * 389) % h
        draw.ellipse((x, y, x + w // 12, y + h // 14), outline=(200, 40 + i, 90), width=6)
    img = Image.blend(img, Image.effect_noise(size, 18).convert("RGB"), 0.25)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system: copy
        shutil.copy2(src, dst)


def write_repo(corpus: Corpus, target: Path, photo_cache: Path) -> None:
    """Write the repository (site configuration copied from this one, records generated).

    An existing ``target`` is replaced, except its ``.cache`` folder: the image cache stays
    warm between runs, as it does in a real repository.
    """
    target.mkdir(parents=True, exist_ok=True)
    for old in target.iterdir():
        if old.name != ".cache":
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
    for name in SITE_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / name)
    for page in CONTENT_PAGES:
        dst = target / "content" / page
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "content" / page, dst)
    pool = photo_pool(photo_cache, {r.photo for r in corpus.profiles if r.photo is not None})
    for r in [*corpus.campaigns, *corpus.models, *corpus.profiles]:
        path = target / r.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown(r), encoding="utf-8")
        if r.photo is not None:
            _link(pool[r.photo], path.parent / "chan-dung.jpg")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--profiles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--photo-cache", type=Path, default=ROOT / ".bench" / "photos",
                        help="where the pool of generated photos is kept between runs")
    args = parser.parse_args(argv)
    corpus = generate(args.profiles, args.seed)
    write_repo(corpus, args.target, args.photo_cache)
    print(f"{len(corpus.profiles)} profiles, {len(corpus.models)} models, "
          f"{len(corpus.campaigns)} campaigns, "
          f"{sum(r.photo is not None for r in corpus.profiles)} photos in {args.target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
