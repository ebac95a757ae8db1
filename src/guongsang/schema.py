"""The shape of every record, declared once.

The same declarations drive the checks (:mod:`guongsang.load.conform`), the JSON Schema for editors'
tools, the scaffolds of ``guongsang new`` and the field tables of the editor guide, so none of
them can drift from the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One key of a record and what its value must be."""

    key: str
    type: str
    """text | int | bool | date | list | object | map"""
    label: str
    """What goes here, in Vietnamese (used in messages, scaffolds and JSON Schema)."""
    example: Any = None
    required: bool = False
    ref: str = ""
    """Values must be ids of reference data: units, fields, awards, orgs, vocab:<name>."""
    link: str = ""
    """Values must be slugs of other records: profiles, models, campaigns (checked later)."""
    item: Field | None = None
    """For lists: the shape of each item."""
    fields: tuple[Field, ...] = ()
    """For objects: the keys inside."""
    keys_ref: str = ""
    """For maps: where the allowed keys come from (standards, criteria)."""
    past_only: bool = False
    """Dates that record what already happened cannot lie in the future."""
    max_len: int = 0
    pattern: str = ""
    """Named shape check: ``decision`` (số quyết định)."""
    private: bool = False
    """Kept in git, never published anywhere."""
    minimum: int | None = None
    """Smallest value of a number that is not a year (years are bounded by data/site.yml)."""
    year: bool = False
    """An ``int`` holding a year: bounded by ``gioi_han_nam`` and ``so_nam_toi_da_ve_sau`` in
    data/site.yml, like the year of every date field (one rule, see load.conform)."""
    exact: bool = False
    """Looked up or compared as typed (names, file names, addresses): an invisible character
    in it is an error; in other text fields it is removed with a warning."""


def text(key: str, label: str, example: Any = None, **kw: Any) -> Field:
    return Field(key, "text", label, example, **kw)


def obj_list(key: str, label: str, *fields: Field, **kw: Any) -> Field:
    return Field(key, "list", label, item=Field(key, "object", label, fields=fields), **kw)


def ref_list(key: str, label: str, example: Any, **kw: Any) -> Field:
    item_kw = {k: kw.pop(k) for k in ("ref", "link") if k in kw}
    if kw.get("exact"):
        item_kw["exact"] = True
    return Field(key, "list", label, example, item=Field(key, "text", label, **item_kw), **kw)


DECISION = {"pattern": "decision"}

AWARD = obj_list(
    "khen_thuong", "Danh hiệu, hình thức khen thưởng đã nhận",
    text("hinh_thuc", "Danh hiệu hoặc hình thức (id trong data/danh-muc-khen-thuong.yml)",
         "lao-dong-tien-tien", required=True, ref="awards"),
    Field("nam", "int", "Năm thành tích được khen", 2024, required=True, year=True),
    text("so_quyet_dinh", "Số quyết định", "163/QĐ-TTXT", required=True, **DECISION),
    Field("ngay_quyet_dinh", "date", "Ngày ký quyết định (dd/mm/yyyy)", "05/01/2025",
          required=True, past_only=True),
    text("co_quan", "Người/cơ quan ký quyết định", "Giám đốc Trung tâm"),
    text("ly_do", "Lý do khen thưởng", "Đã có thành tích xuất sắc trong công tác năm 2024"),
    Field("dot_xuat", "bool", "Khen thưởng đột xuất (không tính làm căn cứ khen cao hơn)", False),
    Field("chuyen_de", "bool", "Khen thưởng theo chuyên đề (không tính làm căn cứ khen cao hơn)",
          False),
    # No example: the right value depends on the form and on the law of the decision date.
    text("theo_tieu_chuan", "Tiêu chuẩn đã xét, khi hình thức có nhiều tiêu chuẩn thay thế (mã "
         "ghi trong ngoặc ở trang Tiêu chí, ví dụ d cho Bằng khen theo điểm d)"),
    text("phong_trao", "Phong trào thi đua được khen (tên tệp trong content/phong-trao/)",
         link="campaigns"),
)

MEMBERS = Field("thanh_vien", "object", "Thành phần tập thể trong năm (số người), để xét danh "
                "hiệu tập thể", fields=(
    Field("tong_so", "int", "Tổng số thành viên", 7, required=True, minimum=1),
    Field("hoan_thanh_nhiem_vu", "int", "Số thành viên hoàn thành nhiệm vụ", 7, minimum=0),
    Field("lao_dong_tien_tien", "int", "Số thành viên đạt Lao động tiên tiến", 6, minimum=0),
    Field("chien_si_thi_dua_co_so", "int", "Số thành viên đạt Chiến sĩ thi đua cơ sở", 1,
          minimum=0),
    Field("ky_luat", "int", "Số thành viên bị kỷ luật từ hình thức cảnh cáo trở lên", 0, minimum=0),
))

def photo_fields(where: str, file: str, alt: str, caption: str) -> tuple[Field, ...]:
    """The keys of one photo, for every record kind with photos beside its file (the same
    checks, the same pipeline: :mod:`guongsang.rules.photos`, :mod:`guongsang.media.images`)."""
    return (
        text("tep", f"Tên tệp ảnh trong thư mục {where}", file, required=True, exact=True),
        text("mo_ta", "Mô tả ảnh cho người khiếm thị (tối đa 150 ký tự)", alt, required=True,
             max_len=150),
        text("chu_thich", "Chú thích hiển thị dưới ảnh", caption),
        text("nguon", "Nguồn ảnh, tác giả", "Ảnh: Trung tâm Thông tin Xúc tiến"),
    )


PHOTO = obj_list(
    "anh", "Ảnh (tệp nằm trong cùng thư mục hồ sơ)",
    *photo_fields("hồ sơ", "chan-dung.jpg",
                  "Chị An trao đổi với đoàn doanh nghiệp tại hội nghị xúc tiến",
                  "Hội nghị xúc tiến đầu tư năm 2024"),
)

PROFILE: tuple[Field, ...] = (
    text("ho_ten", "Họ và tên (hoặc tên tập thể, gia đình)", "Nguyễn Thị An", required=True,
         max_len=120, exact=True),
    text("loai", "Loại hồ sơ: ca_nhan, tap_the hoặc gia_dinh", "ca_nhan", required=True,
         ref="vocab:loai_ho_so"),
    text("don_vi", "Đơn vị (id trong data/don-vi.yml)", "phong-xuc-tien-dau-tu", required=True,
         ref="units"),
    text("chuc_vu", "Chức vụ", "Chuyên viên"),
    ref_list("linh_vuc", "Lĩnh vực (id trong data/linh-vuc.yml)", ["xuc-tien-dau-tu"],
             required=True, ref="fields"),
    text("trang_thai", "Trạng thái: nhan_to_moi, guong_nguoi_tot_viec_tot, dien_hinh_tien_tien…",
         "dien_hinh_tien_tien", required=True, ref="vocab:trang_thai"),
    Field("ngay_cong_nhan", "date", "Ngày được công nhận (dd/mm/yyyy)", "15/01/2025",
          past_only=True),
    text("don_vi_de_xuat", "Phòng hoặc đoàn thể đề xuất (id trong data/don-vi.yml)",
         "cong-doan-co-so", ref="orgs"),
    text("tom_tat", "Một câu giới thiệu (hiện trên thẻ và khi chia sẻ)",
         "Người kết nối hơn 40 doanh nghiệp với các dự án du lịch xanh.", max_len=200),
    Field("tieu_chuan", "map", "Minh chứng cho từng tiêu chuẩn chung (data/tieu-chuan.yml)",
          {"chap_hanh": "Nhiều năm liền là đảng viên hoàn thành xuất sắc nhiệm vụ."},
          keys_ref="standards"),
    Field("tieu_chi_doan_the", "map",
          "Minh chứng cho tiêu chí riêng của đoàn thể đề xuất (data/tieu-chi-doan-the.yml)",
          {"cd_nghia_vu_doan_vien": "Tham gia đầy đủ sinh hoạt công đoàn."},
          keys_ref="criteria"),
    obj_list("thanh_tich", "Thành tích theo năm",
             Field("nam", "int", "Năm", 2024, required=True, year=True),
             text("noi_dung", "Thành tích", "Thu hút 3 dự án đầu tư du lịch sinh thái",
                  required=True),
             text("xep_loai", "Xếp loại cuối năm (data/tu-vung.yml, xep_loai)",
                  "hoan_thanh_xuat_sac", ref="vocab:xep_loai"),
             MEMBERS),
    AWARD,
    obj_list("viec_tot", 'Việc làm "Người tốt, việc tốt"',
             Field("ngay", "date", "Ngày (dd/mm/yyyy)", "12/03/2025", required=True,
                   past_only=True),
             text("dia_diem", "Địa điểm", "Chợ Đà Lạt", required=True),
             text("noi_dung", "Việc đã làm", "Nhặt được ví và trả lại cho du khách",
                  required=True)),
    ref_list("phong_trao", "Phong trào thi đua đã tham gia (tên tệp trong content/phong-trao/)",
             ["thi-dua-chuyen-doi-so-2024"], link="campaigns"),
    ref_list("mo_hinh", "Mô hình, sáng kiến là tác giả (tên tệp trong content/mo-hinh/)",
             ["so-tay-nha-dau-tu-dien-tu"], link="models"),
    PHOTO,
    Field("dong_y_cong_bo", "bool", "Người trong hồ sơ đã đồng ý công bố (true/false)", True,
          required=True),
    obj_list("theo_doi", "Theo dõi, bồi dưỡng sau công nhận",
             Field("ngay", "date", "Ngày", "10/06/2025", required=True, past_only=True),
             text("ghi_chu", "Ghi chú", "Được cử tham gia lớp bồi dưỡng kỹ năng xúc tiến",
                  required=True)),
    Field("thu_hoi", "object", "Rút hồ sơ khỏi trang (hồ sơ vẫn giữ trong git)", fields=(
        Field("ngay", "date", "Ngày rút", "01/09/2025", required=True, past_only=True),
        text("ly_do", "Lý do", "Người trong hồ sơ rút lại sự đồng ý công bố", required=True),
    )),
    ref_list("slug_cu", "Địa chỉ cũ (tên thư mục cũ) để liên kết cũ vẫn dẫn tới trang",
             ["nguyen-thi-an-cu"], exact=True),
    ref_list("khong_trung_voi", "Hồ sơ trùng tên nhưng là người khác (tên thư mục)",
             ["nguyen-thi-an-2"], link="profiles"),
    Field("rieng_tu", "object", "Thông tin riêng tư: lưu trong git, không bao giờ công bố",
          private=True, fields=(
              text("dien_thoai", "Số điện thoại", "0912 345 678", private=True),
              Field("ngay_sinh", "date", "Ngày sinh", "02/09/1990", private=True,
                    past_only=True),
              text("so_dinh_danh", "Số CCCD/định danh", "068190000000", private=True),
              text("email", "Thư điện tử", "an.nt@example.vn", private=True),
              text("dia_chi", "Địa chỉ nhà", "Phường Xuân Hương – Đà Lạt", private=True),
              text("ghi_chu", "Ghi chú nội bộ", "Liên hệ qua Công đoàn", private=True),
          )),
)

MODEL: tuple[Field, ...] = (
    text("ten", "Tên mô hình, sáng kiến", "Sổ tay nhà đầu tư điện tử", required=True,
         max_len=160, exact=True),
    text("loai", "Loại: mo_hinh, sang_kien, giai_phap hoặc cach_lam_hay", "sang_kien",
         required=True, ref="vocab:loai_mo_hinh"),
    ref_list("tac_gia", "Tác giả (tên thư mục hồ sơ trong profiles/)", ["nguyen-thi-an"],
             required=True, link="profiles"),
    text("don_vi", "Đơn vị chủ trì (id trong data/don-vi.yml)", "phong-xuc-tien-dau-tu",
         required=True, ref="units"),
    Field("nam", "int", "Năm áp dụng", 2024, required=True, year=True),
    ref_list("linh_vuc", "Lĩnh vực", ["chuyen-doi-so"], ref="fields"),
    text("pham_vi", "Phạm vi ảnh hưởng: don_vi, tinh hoặc toan_quoc", "tinh",
         ref="vocab:pham_vi"),
    Field("cong_nhan", "object", "Quyết định công nhận sáng kiến (nếu có)", fields=(
        text("so_quyet_dinh", "Số quyết định", "21/QĐ-TTXT", required=True, **DECISION),
        Field("ngay_quyet_dinh", "date", "Ngày ký", "20/12/2024", required=True, past_only=True),
        text("co_quan", "Cơ quan, hội đồng công nhận", "Hội đồng Sáng kiến Trung tâm"),
        text("pham_vi", "Phạm vi ảnh hưởng được quyết định công nhận: don_vi, tinh hoặc toan_quoc",
             "don_vi", ref="vocab:pham_vi"),
    )),
    text("tom_tat", "Một câu giới thiệu", "Bộ hồ sơ thủ tục đầu tư tra cứu trên điện thoại.",
         max_len=200),
    text("hieu_qua", "Hiệu quả thực tế", "Giảm một nửa thời gian trả lời nhà đầu tư",
         required=True),
    obj_list("nhan_rong", "Nơi đã nhân rộng",
             text("don_vi", "Đơn vị áp dụng (id trong data/don-vi.yml)", "so-cong-thuong",
                  required=True, ref="units"),
             Field("ngay", "date", "Ngày bắt đầu áp dụng", "01/03/2025", required=True,
                   past_only=True),
             text("ghi_chu", "Ghi chú", "Áp dụng cho bộ phận một cửa")),
    ref_list("phong_trao", "Phong trào thi đua liên quan", ["thi-dua-chuyen-doi-so-2024"],
             link="campaigns"),
)

CAMPAIGN: tuple[Field, ...] = (
    text("ten", "Tên phong trào", "Thi đua đẩy mạnh chuyển đổi số năm 2024", required=True,
         max_len=200, exact=True),
    text("cap_phat_dong", "Cấp phát động: trung_uong, tinh hoặc co_quan", "co_quan",
         required=True, ref="vocab:cap_phat_dong"),
    text("co_quan_phat_dong", "Cơ quan phát động", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"),
    Field("tu_ngay", "date", "Bắt đầu (dd/mm/yyyy)", "01/03/2024", required=True),
    Field("den_ngay", "date", "Kết thúc (dd/mm/yyyy)", "31/12/2024"),
    ref_list("muc_tieu", "Mục tiêu", ["100% hồ sơ xúc tiến được số hoá"]),
    text("trang_thai", "Trạng thái: sap_dien_ra, dang_dien_ra hoặc da_ket_thuc", "da_ket_thuc",
         required=True, ref="vocab:trang_thai_phong_trao"),
    text("tom_tat", "Một câu giới thiệu", "Đưa mọi thủ tục xúc tiến lên môi trường số.",
         max_len=200),
)

# A story or a piece of news (tin bài): a record of the core, in stories/<slug>/index.md beside
# its cover photo, so it survives a change of site engine (no blog plugin). Published at
# tin-bai/<slug>/; it appears on the pages of the profiles, campaigns and models it names.
STORY: tuple[Field, ...] = (
    text("tieu_de", "Tiêu đề bài viết", "Phát động phong trào “Mỗi viên chức một việc tốt”",
         required=True, max_len=160, exact=True),
    Field("ngay", "date", "Ngày đăng (dd/mm/yyyy)", "05/01/2026", required=True, past_only=True),
    text("tac_gia", "Người viết (tên người hoặc bộ phận)", "Trung tâm Thông tin Xúc tiến",
         required=True, max_len=120),
    text("tom_tat", "Tóm tắt: một hai câu (hiện trên thẻ, trong nguồn tin và khi chia sẻ)",
         "Toàn thể viên chức đăng ký một việc tốt cụ thể trong năm.", required=True,
         max_len=300),
    Field("anh_bia", "object", "Ảnh bìa (tệp nằm trong cùng thư mục bài viết)",
          fields=photo_fields("bài viết", "anh-bia.jpg",
                              "Viên chức Trung tâm giơ tay biểu quyết tại lễ phát động",
                              "Lễ phát động sáng 05/01/2026")),
    ref_list("ho_so", "Gương điển hình được nói tới (tên thư mục hồ sơ trong profiles/)",
             ["dang-thi-thuy"], link="profiles"),
    ref_list("phong_trao", "Phong trào thi đua được nói tới (tên tệp trong content/phong-trao/)",
             ["moi-vien-chuc-mot-viec-tot-2026"], link="campaigns"),
    ref_list("mo_hinh", "Mô hình, sáng kiến được nói tới (tên tệp trong content/mo-hinh/)",
             ["so-hoa-ho-so-luu-tru"], link="models"),
    ref_list("slug_cu", "Địa chỉ cũ (tên thư mục cũ) để liên kết cũ vẫn dẫn tới bài",
             ["ten-bai-cu"], exact=True),
)

# A hand-written page of content/ (the about page, the index pages of sections, any page an
# editor adds). Models and campaigns, which are pages of content/ too, may carry these keys
# beside their own. Only these reach the engine: the rest of a front matter is never published.
# (No `template`, `icon` or `status`: each names a theme file, and a wrong name stops the
# engine with its own English error. No `search`: Material's `search.exclude` is read by its
# own search plugin only, which the site does not use, so it would promise what Pagefind
# does not do.)
PAGE: tuple[Field, ...] = (
    text("title", "Tiêu đề trang (trên thẻ trình duyệt và trong thanh điều hướng)", "Giới thiệu",
         max_len=120, exact=True),
    text("description", "Một câu giới thiệu trang (khi chia sẻ và trong kết quả tìm kiếm)",
         "Mục đích của trang và căn cứ thực hiện.", max_len=300),
    ref_list("hide", "Phần giao diện ẩn đi: toc, navigation, path hoặc footer", ["toc"],
             ref="vocab:an_thanh_phan"),
)
PAGE_META_KEYS = frozenset(f.key for f in PAGE)

SCHEMAS: dict[str, tuple[Field, ...]] = {"profile": PROFILE, "model": MODEL, "campaign": CAMPAIGN,
                                        "story": STORY}
KIND_LABELS = {"profile": "hồ sơ", "model": "mô hình, sáng kiến", "campaign": "phong trào",
               "story": "tin bài", "page": "trang nội dung"}


def private_keys(fields: tuple[Field, ...] = PROFILE) -> set[str]:
    """Top-level keys whose content must never be published."""
    return {f.key for f in fields if f.private}


# -- Internal records of the commendation process (never published) ----------------------------
# Nominations and council meetings live in the internal-records folder (``noi-bo/`` by default,
# or a private repository: see :mod:`guongsang.process.config`). They are checked like every
# record, but only by ``guongsang check`` and the process commands; the site build never reads
# them. Their state (đề xuất → thẩm định → bình xét → quyết định / không đạt / trình cấp trên)
# is never typed: it follows from which blocks are filled and from the meeting records.

NOMINATION: tuple[Field, ...] = (
    text("ho_so", "Hồ sơ được đề nghị (tên thư mục trong profiles/)", "nguyen-thi-hoa",
         required=True, link="profiles"),
    text("hinh_thuc", "Danh hiệu hoặc hình thức đề nghị (id trong data/danh-muc-khen-thuong.yml)",
         "chien-si-thi-dua-co-so", required=True, ref="awards"),
    Field("nam", "int", "Năm thành tích được đề nghị khen", 2026, required=True, year=True),
    text("phong_trao", "Phong trào thi đua (nếu khen theo phong trào; tên tệp trong "
         "content/phong-trao/)", "thi-dua-phat-trien-lam-dong-2025-2030", link="campaigns"),
    text("don_vi_de_nghi", "Phòng hoặc đoàn thể đề nghị (id trong data/don-vi.yml)",
         "phong-xuc-tien-thuong-mai", required=True, ref="orgs"),
    Field("ngay_de_nghi", "date", "Ngày đề nghị (dd/mm/yyyy)", "03/11/2026", required=True,
          past_only=True),
    Field("dong_y_de_nghi", "bool",
          "Người được đề nghị (hoặc đại diện tập thể) đã biết và đồng ý được đề nghị", True,
          required=True),
    Field("can_cu", "object", "Căn cứ đề nghị: trỏ tới thành tích, sáng kiến đã ghi trong kho",
          fields=(
              ref_list("sang_kien", "Sáng kiến, mô hình làm căn cứ (tên tệp trong "
                       "content/mo-hinh/)", ["phien-cho-nong-san-truc-tuyen"], link="models"),
              Field("nam_thanh_tich", "list", "Các năm thành tích (mục thanh_tich của hồ sơ)",
                    [2026], item=Field("nam_thanh_tich", "int", "Năm", 2026, year=True)),
              text("ghi_chu", "Ghi chú về căn cứ", "Thành tích xúc tiến thương mại năm 2026"),
          )),
    Field("trinh_cap_tren", "object", "Đã trình cấp trên (với hình thức đơn vị không tự quyết "
          "định được)", fields=(
              text("so_to_trinh", "Số tờ trình", "45/TTr-TTXT", required=True),
              Field("ngay", "date", "Ngày trình", "24/11/2026", required=True, past_only=True),
              text("noi_nhan", "Nơi nhận", "Sở Nội vụ tỉnh Lâm Đồng (Ban Thi đua – Khen thưởng)"),
          )),
    Field("quyet_dinh", "object", "Quyết định khen thưởng (khi đã có)", fields=(
        text("so_quyet_dinh", "Số quyết định", "215/QĐ-TTXT", required=True, **DECISION),
        Field("ngay_quyet_dinh", "date", "Ngày ký quyết định", "20/11/2026", required=True,
              past_only=True),
        text("co_quan", "Người/cơ quan ký quyết định", "Giám đốc Trung tâm"),
        text("ly_do", "Lý do khen thưởng (ghi vào hồ sơ)",
             "Đã hoàn thành xuất sắc nhiệm vụ năm 2026"),
    )),
    Field("khong_dat", "object", "Đề nghị không được chấp thuận", fields=(
        Field("ngay", "date", "Ngày kết luận", "18/11/2026", required=True, past_only=True),
        text("ly_do", "Lý do", "Không đạt tỷ lệ phiếu đồng ý của Hội đồng", required=True),
    )),
    text("ghi_chu", "Ghi chú nội bộ", "Hồ sơ gốc lưu tại Phòng Tổ chức – Hành chính"),
)

MEETING: tuple[Field, ...] = (
    text("ten", "Tên cuộc họp", "Họp Hội đồng Thi đua – Khen thưởng bình xét năm 2026",
         required=True, max_len=200),
    Field("ngay", "date", "Ngày họp (dd/mm/yyyy; có thể ghi trước ngày họp)", "17/11/2026",
          required=True),
    Field("nam", "int", "Năm thành tích được bình xét", 2026, required=True, year=True),
    text("dia_diem", "Địa điểm", "Phòng họp tầng 2, Trung tâm"),
    text("hinh_thuc_bieu_quyet", "Hình thức biểu quyết: bo_phieu_kin hoặc gio_tay",
         "bo_phieu_kin", required=True, ref="vocab:hinh_thuc_bieu_quyet"),
    obj_list("thanh_vien", "Thành viên Hội đồng (theo quyết định thành lập)",
             text("ho_ten", "Họ và tên", "Lê Văn Bình", required=True),
             text("chuc_vu", "Chức vụ", "Giám đốc Trung tâm"),
             text("vai_tro", "Vai trò trong Hội đồng (data/tu-vung.yml, vai_tro_hoi_dong)",
                  "chu_tich", required=True, ref="vocab:vai_tro_hoi_dong"),
             Field("co_mat", "bool", "Có mặt tại cuộc họp", True, required=True),
             Field("y_kien_van_ban", "bool", "Vắng mặt nhưng gửi ý kiến bằng văn bản", False)),
    ref_list("de_nghi", "Các đề nghị đưa ra bình xét (tên tệp trong noi-bo/de-nghi/)",
             ["2026-nguyen-thi-hoa-chien-si-thi-dua-co-so"], required=True, link="nominations"),
    obj_list("ket_qua", "Kết quả biểu quyết (ghi sau cuộc họp)",
             text("de_nghi", "Đề nghị (tên tệp trong noi-bo/de-nghi/)",
                  "2026-nguyen-thi-hoa-chien-si-thi-dua-co-so", required=True,
                  link="nominations"),
             Field("dong_y", "int", "Số phiếu đồng ý", 9, required=True, minimum=0),
             Field("khong_dong_y", "int", "Số phiếu không đồng ý", 1, required=True, minimum=0),
             Field("khong_bieu_quyet", "int", "Số phiếu không biểu quyết (trắng, không hợp lệ)",
                   0, minimum=0),
             text("ket_qua", "Kết quả: dat hoặc khong_dat", "dat", required=True,
                  ref="vocab:ket_qua_binh_xet")),
    text("thu_ky", "Thư ký cuộc họp (ghi biên bản)", "Phạm Thị Lan"),
    text("ket_luan", "Kết luận khác của Hội đồng", "Giao Phòng Tổ chức – Hành chính hoàn thiện hồ sơ"),
)

PROCESS_SCHEMAS: dict[str, tuple[Field, ...]] = {"nomination": NOMINATION, "meeting": MEETING}
KIND_LABELS.update({"nomination": "đề nghị khen thưởng", "meeting": "cuộc họp Hội đồng"})
