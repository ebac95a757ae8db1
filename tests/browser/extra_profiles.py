"""Fictional profiles added to the sample site for the browser tests.

:func:`write_profiles` writes named profiles (search cases the sample lacks) and generated ones
(so the gallery needs more than one page): valid under every rule, without photos, each with
one or two good deeds. Names use the whole range of Vietnamese spelling (đ, tone marks, old and
new tone placement, i/y). For load tests of whole synthetic sites see scripts/synthetic.py.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from guongsang.text import identity_key, slugify

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lương", "Trịnh", "Mai", "Tô",
          "Châu", "Lò"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Đình", "Xuân", "Ngọc"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh", "Mỹ", "Hoài", "Bảo", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hòa", "Hùng", "Huy", "Khánh",
           "Khoa", "Kỹ", "Long", "Lực", "Nam", "Nghĩa", "Phúc", "Quân", "Quý", "Sơn", "Tài",
           "Thành", "Thắng", "Thuỷ", "Toàn", "Trí", "Trung", "Tuấn", "Việt", "Vĩnh", "Đạt"]
GIVEN_F = ["Anh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hoà", "Hương", "Lan", "Linh",
           "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo",
           "Thủy", "Thùy", "Trang", "Tuyết", "Uyên", "Vy", "Xuân", "Yến", "Ý", "Lý", "Đào"]
UNITS = ["phong-to-chuc-hanh-chinh", "phong-xuc-tien-dau-tu", "phong-xuc-tien-thuong-mai",
         "phong-xuc-tien-du-lich", "trung-tam-thong-tin"]
ORGS = ["cong-doan-co-so", "chi-doan-thanh-nien"]
FIELDS = ["xuc-tien-dau-tu", "xuc-tien-thuong-mai", "du-lich", "chuyen-doi-so",
          "cai-cach-hanh-chinh", "an-sinh-xa-hoi", "cong-tac-doan-the"]
STATES = ["guong_nguoi_tot_viec_tot", "nhan_to_moi"]
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Kỹ thuật viên", "Nhân viên", "Phó Trưởng phòng"]
PLACES = ["Phường Xuân Hương – Đà Lạt", "Xã Lạc Dương", "Phường Bảo Lộc", "Xã Đạ Huoai",
          "Phường Phan Thiết", "Xã Đắk Mil", "Phường Gia Nghĩa", "Xã Đơn Dương", "Đèo Prenn"]
DEEDS = [
    "Nhặt được ví có giấy tờ và tiền mặt, tìm đến tận nhà để trả lại cho người đánh rơi.",
    "Cùng đồng nghiệp quyên góp sách vở, áo ấm cho học sinh vùng cao trước mùa mưa.",
    "Sơ cứu và đưa người bị nạn giao thông đến trạm y tế, ở lại đến khi người nhà tới.",
    "Hiến máu tình nguyện tại ngày hội của tỉnh, vận động thêm năm đồng nghiệp cùng tham gia.",
    "Hướng dẫn người cao tuổi làm thủ tục trực tuyến ngoài giờ làm việc, không nhận thù lao.",
    "Tham gia dọn dẹp bùn đất, sửa lại nhà cho các hộ bị ảnh hưởng sau mưa lũ.",
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
]


def names(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Endless (name, sex) pairs, no two equal under :func:`identity_key`."""
    seen: set[str] = set()
    misses = 0
    while True:
        female = rng.random() < 0.5
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                         rng.choice(GIVEN_F if female else GIVEN_M)])
        key = identity_key(name)
        if key in seen:
            misses += 1
            if misses > 100_000:
                raise SystemExit("gen_synthetic: không còn đủ tổ hợp tên khác nhau")
            continue
        seen.add(key)
        yield name, "nu" if female else "nam"


def _date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days))


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def profile_text(name: str, rng: random.Random, today: date) -> str:
    unit = rng.choice(UNITS)
    fields = rng.sample(FIELDS, rng.randint(1, 2))
    recognised = _date(rng, date(2023, 1, 10), today - timedelta(days=30))
    deeds = sorted(_date(rng, date(2023, 1, 1), recognised) for _ in range(rng.randint(1, 2)))
    year = recognised.year - 1
    lines = [
        "---",
        f"ho_ten: {q(name)}",
        "loai: ca_nhan",
        f"don_vi: {unit}",
        f"chuc_vu: {q(rng.choice(POSITIONS))}",
        "linh_vuc:", *(f"  - {f}" for f in fields),
        f"trang_thai: {rng.choice(STATES)}",
        f"ngay_cong_nhan: {recognised:%d/%m/%Y}",
        f"don_vi_de_xuat: {rng.choice(ORGS)}",
        f"tom_tat: {q(rng.choice(SENTENCES))}",
        "thanh_tich:",
        f"  - nam: {year}",
        f"    noi_dung: {q(rng.choice(SENTENCES))}",
        "    xep_loai: hoan_thanh_tot",
        "viec_tot:",
    ]
    for d in deeds:
        lines += [f"  - ngay: {d:%d/%m/%Y}", f"    dia_diem: {q(rng.choice(PLACES))}",
                  f"    noi_dung: {q(rng.choice(DEEDS))}"]
    lines += ["dong_y_cong_bo: true", "---", ""]
    body = ["\n".join(rng.sample(SENTENCES, 4)) for _ in range(3)]
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def write_profiles(profiles_dir: Path, count: int, seed: int = 1,
                   extra_names: Iterable[str] = (), today: date | None = None) -> list[str]:
    """Write ``count`` generated profiles (plus one per ``extra_names``); returns their names."""
    rng = random.Random(seed)
    today = today or date.today()
    extra = list(extra_names)
    present = [m.group(1).strip().strip('"') for f in profiles_dir.glob("*/index.md")
               if (m := re.search(r"^ho_ten:(.*)$", f.read_text("utf-8"), re.MULTILINE))]
    existing = {identity_key(n) for n in [*present, *extra]}
    written: list[str] = []
    gen = names(rng)
    wanted = list(extra)
    while len(wanted) < len(extra) + count:
        name, _ = next(gen)
        if identity_key(name) not in existing:
            wanted.append(name)
    used: set[str] = {p.name for p in profiles_dir.iterdir()} if profiles_dir.exists() else set()
    for name in wanted:
        slug = base = slugify(name)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        folder = profiles_dir / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(profile_text(name, rng, today), encoding="utf-8")
        written.append(name)
    return written
