"""The table of problem ids in the editor guide, generated from the code that reports them.

Every check reports a :class:`~guongsang.problems.Problem` with a stable rule id. This module reads
the source of the package (``ast``, nothing is run) and finds every place a problem is made:
``Problem(...)``, ``at(...)`` in rules, ``self.report(...)`` in the schema check, the reference
data reader's ``fail(...)`` and the ``@rule(...)`` registrations. From each it takes the id, the
severity and the message and hint *templates* (the parts that vary per record shown as "…"), so
the guide shows the words editors will really see. A short explanation per id, written by hand
below, comes first; an id without one still gets its messages and hints.

``guongsang schema`` rewrites the section between the markers in ``HUONG-DAN-BIEN-TAP.md``; a test
fails when the guide misses an id the code uses.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

BEGIN = "<!-- BẮT ĐẦU BẢNG MÃ LỖI: sinh tự động bởi `guongsang schema`, đừng sửa tay -->"
END = "<!-- KẾT THÚC BẢNG MÃ LỖI -->"

# Call name -> (index of the rule id, of the message, of the hint) among positional arguments.
_CALLS = {"Problem": (3, 4, 5), "at": (2, 3, 4), "report": (1, 2, 3), "rule": (0, -1, -1)}
# Helpers that wrap Problem with a fixed id: name -> (id, message index, hint index).
_WRAPPERS = {"fail": ("du-lieu-tham-chieu", 1, 2)}
_SEVERITY = {"ERROR": "lỗi", "WARNING": "cảnh báo", "INFO": "lưu ý"}
_BUILD_MODULES = ("pages/", "site/search.py", "site/postbuild.py", "media/images.py", "site/build.py",
                  "site/output.py")

MEANINGS: dict[str, str] = {
    "anh": "Nhóm kiểm tra ảnh của hồ sơ; chỉ thấy mã này khi chính bộ kiểm tra gặp lỗi nội bộ.",
    "anh-dinh-dang": "Tệp ghi ở `anh[].tep` không có đuôi ảnh .jpg, .png hoặc .webp.",
    "anh-hong": "Tệp ảnh có đó nhưng không đọc được như một ảnh (hỏng, rỗng, quá lớn, "
                "hoặc là tệp khác bị đổi đuôi).",
    "anh-khong-ton-tai": "Hồ sơ nhắc tới một tệp ảnh không có trong thư mục hồ sơ "
                         "(sai tên, sai chữ hoa/thường, hoặc chưa tải lên).",
    "anh-qua-lon": "Ảnh gốc vượt giới hạn của kho (dung lượng hoặc cạnh dài, ghi ở `anh_goc` trong "
                   "data/site.yml): cảnh báo, hoặc lỗi khi gấp nhiều lần. Thu nhỏ bằng lệnh "
                   "`guongsang shrink` (mục 3 «Thêm ảnh»).",
    "anh-ngoai-thu-muc": "Đường dẫn ảnh trỏ ra ngoài thư mục hồ sơ; ảnh phải nằm cùng thư mục "
                         "với index.md.",
    "can-cu-khong-hop-le": "Khen thưởng dựa trên một khen thưởng khác (ví dụ Chiến sĩ thi đua cơ "
                           "sở của các năm trước) mà chính khen thưởng đó chưa đủ điều kiện.",
    "can-cu-phap-ly": "Vào ngày ký quyết định, data/van-ban-phap-ly.yml không có luật, hoặc không "
                      "có nghị định hướng dẫn đã xác nhận, còn hiệu lực (ví dụ sau khi một nghị "
                      "định hết hiệu lực mà chưa ghi văn bản thay thế). Văn bản chưa xác nhận "
                      "không được tính.",
    "chua-dong-y": "Hồ sơ chưa có `dong_y_cong_bo: true` nên được giữ trong kho nhưng không hiện "
                   "trên trang. Đây là lưu ý, không phải lỗi.",
    "co-quan-ban-hanh": "Ký hiệu trong số quyết định (QĐ-UBND, QĐ-TTg, QĐ-CTN, ký hiệu của đơn "
                        "vị) hoặc người ký không khớp cấp của khen thưởng (theo "
                        "data/tu-vung.yml, cap_khen_thuong). Chỉ là cảnh báo.",
    "dieu-kien-khen-thuong": "Khen thưởng ghi trong hồ sơ chưa đủ điều kiện của luật còn hiệu lực "
                             "vào ngày ký quyết định. Điều kiện, điều luật và nguồn của từng yêu "
                             "cầu ở trang Tiêu chí (sinh từ data/danh-muc-khen-thuong.yml).",
    "doc-tep": "Không đọc được tệp (quyền truy cập, tệp bị khoá…).",
    "doi-tuong-khen-thuong": "Hình thức khen thưởng không dành cho loại hồ sơ này (ví dụ danh hiệu "
                             "cá nhân ghi cho một tập thể).",
    "du-lieu-tham-chieu": "Tệp dữ liệu tham chiếu trong data/ thiếu trường, sai ngày hoặc nhắc tới "
                          "một mã không tồn tại.",
    "gia-tri-la": "Giá trị không có trong danh sách cho phép (đơn vị, lĩnh vực, danh hiệu, "
                  "trạng thái…); thường do gõ sai mã.",
    "html-nguy-hiem": "Bài viết có thẻ HTML hoặc liên kết có thể chạy mã (script, iframe, "
                      "javascript:…), bị chặn vì an toàn.",
    "html-trong-truong": "Một trường thông tin có HTML hoặc mã; các trường chỉ nhận chữ thường.",
    "khen-thuong-hop-le": "Nhóm kiểm tra tính hợp lệ của khen thưởng; chỉ thấy mã này khi bộ "
                          "kiểm tra gặp lỗi nội bộ.",
    "khen-thuong-trung": "Cùng một hình thức được ghi hai lần cho cùng một năm (dù số quyết định "
                         "khác nhau), trừ hình thức được tặng nhiều lần trong năm "
                         "(`lap_lai_trong_nam: true`), với chúng chỉ cùng một quyết định mới là trùng.",
    "khoa-trung": "Một tên trường xuất hiện hai lần trong cùng một nhóm; YAML sẽ âm thầm bỏ giá "
                  "trị đầu.",
    "lien-ket-hong": "Hồ sơ hoặc mô hình nhắc tới một phong trào, mô hình, hồ sơ không tồn tại "
                     "(sai tên tệp).",
    "lien-ket-noi-bo": "Thân bài có liên kết (hoặc ảnh) trỏ vào hồ sơ nội bộ (đề nghị, biên bản "
                       "họp hội đồng trong `noi-bo/`): hồ sơ nội bộ không bao giờ được đăng, "
                       "liên kết chỉ để lộ đường dẫn mà không dẫn tới đâu.",
    "lien-ket-trong-bai": "Thân bài (trang content/, mô hình, phong trào, tin bài, câu chuyện của "
                          "hồ sơ) có liên kết `[…](…)`, ảnh `![…](…)`, liên kết tham chiếu "
                          "`[id]: …` hay `href`/`src` của thẻ HTML dẫn tới trang hoặc tệp mà "
                          "trang web không có; liên kết tới trang viết kiểu thư mục (`…/`) "
                          "thay cho tệp `.md` cũng bị báo. Liên kết vào phần hệ thống tự tạo "
                          "(bảng vinh danh theo năm, danh bạ…) được kiểm tra khi dựng trang.",
    "lien-ket-ngoai-kho": "Tệp hoặc thư mục là liên kết (symlink) trỏ ra ngoài kho; bị bỏ qua vì "
                          "an toàn.",
    "lo-thong-tin-rieng": "Thông tin riêng tư ghi trong `rieng_tu` (điện thoại, số định danh, "
                          "ngày sinh, thư điện tử…) lại xuất hiện trong phần công khai của hồ sơ "
                          "hay của một trang khác, kể cả khi viết cách khác: +84 thay cho số 0, "
                          "dấu chấm hay gạch ngang giữa các số, ngày viết bằng chữ (\"ngày 15 "
                          "tháng 8 năm 1985\"), thư điện tử viết \"[at]\"/\"a còng\".",
    "lo-thong-tin-rieng-trang-khac": "Nhóm kiểm tra thông tin riêng tư của hồ sơ bị nhắc lại trong "
                                     "trang mô hình hoặc phong trào (báo bằng mã "
                                     "`lo-thong-tin-rieng`).",
    "ma-hoa": "Tệp không được lưu bằng bảng mã UTF-8 (thường do chép từ Word hoặc dùng mã "
              "TCVN3/VNI).",
    "mo-ta-anh": "Mô tả ảnh (`mo_ta`) không nói ảnh có gì, nên người khiếm thị không biết ảnh "
                 "thể hiện điều gì.",
    "nam-khong-hop-le": "Năm (của một trường năm hoặc của một ngày) nằm ngoài khoảng cho phép: "
                        "sớm hơn năm ghi trong data/site.yml (`gioi_han_nam`), hoặc xa hơn "
                        "`so_nam_toi_da_ve_sau` năm về sau.",
    "noi-bat": "`noi_bat` trong data/site.yml không chỉ tới một hồ sơ đã công bố hay một tin "
               "bài (`tin-bai/tên-thư-mục`); trang chủ tự chọn gương được công nhận gần nhất "
               "có ảnh.",
    "ten-tin-bai": "Thư mục tin bài tên là `trang` hoặc `nam`: hai tên này dành cho các trang "
                   "danh sách tin bài (tin-bai/trang/2/, tin-bai/nam/2026/).",
    "tin-bai-ho-so-an": "Tin bài nói về một người (trường `ho_so`) mà hồ sơ chưa được công bố "
                        "(chưa đồng ý hoặc đã rút): bài không được đăng cho tới khi sửa.",
    "ngay-khong-hop-le": "Ngày viết sai dạng hoặc không tồn tại (ví dụ 31/02/2025).",
    "ngay-quyet-dinh": "Ngày ký quyết định nằm trước năm của thành tích được khen.",
    "ngay-tuong-lai": "Ngày hoặc năm ở tương lai, trong khi trường đó ghi việc đã xảy ra.",
    "noi-dung-qua-dai": "Bài viết dài quá giới hạn cho phép (thường do dán nhầm cả một tài liệu).",
    "qua-dai": "Trường dài quá số ký tự cho phép.",
    "sai-kieu": "Giá trị sai kiểu: ví dụ cần một danh sách mà ghi một dòng, cần số mà ghi chữ.",
    "sitemap": "Khi dựng trang: một trang được tạo không có trong sitemap.xml (lỗi cấu hình, "
               "không phải lỗi hồ sơ).",
    "so-quyet-dinh": "Số quyết định không đúng dạng `số/QĐ-cơ quan` (thường do dùng chữ D thay "
                     "cho Đ, hoặc có dấu cách).",
    "tac-gia-khong-khop": "Hồ sơ ghi là tác giả của một mô hình, nhưng tệp mô hình không ghi hồ sơ "
                          "đó trong `tac_gia`.",
    "ky-tu-an": "Có ký tự vô hình (dấu cách không độ rộng, gạch nối mềm, BOM…), ký tự đổi "
                "chiều chữ hoặc ký tự điều khiển. Bị từ chối (lỗi) trong tên trường, mã, tên tệp, "
                "địa chỉ, ngày, số, họ tên và tên trang, và ở mọi nơi với ký tự đổi chiều chữ "
                "hay ký tự điều khiển; bị tự động bỏ kèm cảnh báo trong các đoạn chữ khác và "
                "trong nội dung bài viết.",
    "tep-khong-ho-tro": "Thư mục content/ có một tệp không phải trang .md (HTML, ảnh, PDF…); tệp "
                        "như vậy sẽ được chép nguyên lên trang mà không qua kiểm tra.",
    "ten-tep": "Tên tệp hoặc thư mục có chữ hoa, dấu tiếng Việt hoặc dấu cách; tên phải viết "
               "thường, không dấu, nối bằng dấu gạch ngang.",
    "thanh-phan-tap-the": "Thành phần tập thể trong năm (`thanh_tich[].thanh_vien`) không đạt tỷ "
                          "lệ hoặc số người mà danh hiệu tập thể đòi hỏi.",
    "thanh-vien-tap-the": "Số liệu `thanh_vien` không hợp lý (lớn hơn tổng số), hoặc được ghi cho "
                          "hồ sơ không phải tập thể.",
    "theo-tieu-chuan": "`theo_tieu_chuan` của khen thưởng không phải mã của tiêu chuẩn nào trong "
                       "bộ điều kiện áp dụng cho ngày ký quyết định.",
    "thieu-du-lieu-nam-truoc": "Chưa kiểm tra được một điều kiện vì hồ sơ chưa ghi các năm trước "
                               "(danh hiệu, xếp loại) mà điều kiện cần.",
    "thieu-du-lieu-thanh-vien": "Chưa kiểm tra được điều kiện về thành phần tập thể vì hồ sơ chưa "
                                "ghi `thanh_vien` của năm đó; thông báo nói rõ cần ghi gì.",
    "thieu-front-matter": "Tệp không bắt đầu bằng phần thông tin giữa hai dòng `---`, hoặc thiếu "
                          "dòng `---` đóng.",
    "thieu-minh-chung": "Hồ sơ điển hình tiên tiến/tiêu biểu thiếu minh chứng cho một tiêu chuẩn "
                        "chung hoặc một tiêu chí của đoàn thể đề xuất.",
    "thieu-truong": "Thiếu một trường bắt buộc, hoặc trường bắt buộc đang để trống.",
    "tieu-chi-sai-doan-the": "Minh chứng ghi cho tiêu chí của một đoàn thể khác với đơn vị đề xuất "
                             "hồ sơ.",
    "tim-kiem-loi": "Khi dựng trang: công cụ tìm kiếm Pagefind không lập được chỉ mục (lỗi môi "
                    "trường, không phải lỗi hồ sơ).",
    "tim-kiem-thieu": "Khi dựng trang: chưa cài công cụ tìm kiếm Pagefind (lỗi môi trường, không "
                      "phải lỗi hồ sơ).",
    "trung-dia-chi": "Hai thứ sẽ được đăng ở cùng một địa chỉ: một địa chỉ cũ (`slug_cu`) trùng "
                     "với hồ sơ khác, hoặc một trang trong content/ trùng với trang khác, với hồ "
                     "sơ, hay nằm trong phần trang do hệ thống tự tạo (vinh-danh/, ho-so/…).",
    "trung-nguoi": "Hai hồ sơ trùng hoặc gần trùng tên trong cùng đơn vị: có thể là một người có "
                   "hai hồ sơ.",
    "truong-la": "Tên trường không có trong mẫu (thường do gõ sai); thông báo gợi ý tên đúng.",
    "vi-tri-ho-so": "Hồ sơ không nằm đúng chỗ: mỗi hồ sơ là một thư mục trong profiles/ có tệp "
                    "index.md.",
    "xep-loai-khong-dat": "Xếp loại của một năm (`thanh_tich[].xep_loai`) thấp hơn mức mà danh "
                          "hiệu, hình thức đòi hỏi (ví dụ Lao động tiên tiến cần \"hoàn thành tốt "
                          "nhiệm vụ\" trở lên).",
    "yaml-cu-phap": "Phần thông tin (front matter) viết sai cú pháp YAML: thiếu dấu hai chấm, "
                    "ngoặc không đóng, thụt lề lệch, dùng phím Tab…",
    # Quy trình khen thưởng (hồ sơ nội bộ trong noi-bo/, chỉ `guongsang check` đọc).
    "de-nghi-chua-dong-y": "Người được đề nghị chưa đồng ý được đề nghị khen thưởng "
                           "(`dong_y_de_nghi` không phải true).",
    "de-nghi-chua-dong-y-cong-bo": "Hồ sơ được đề nghị chưa đồng ý công bố: vẫn xét được, nhưng "
                                   "khen thưởng không hiện trên trang.",
    "de-nghi-chua-tham-dinh-duoc": "Chưa kết luận tự động được một điều kiện của đề nghị: hồ sơ "
                                   "thiếu dữ liệu (xếp loại, số thành viên của năm xét), danh mục "
                                   "chưa có bộ điều kiện theo luật của ngày xét, hoặc điều kiện chỉ "
                                   "đạt khi đề nghị cùng đợt được quyết định. Phòng Tổ chức – Hành "
                                   "chính thẩm định bằng tay.",
    "de-nghi-dieu-kien": "Nhóm kiểm tra điều kiện của đề nghị; chỉ thấy mã này khi bộ kiểm tra gặp "
                         "lỗi nội bộ.",
    "de-nghi-dong-y": "Nhóm kiểm tra sự đồng ý của người được đề nghị; chỉ thấy mã này khi bộ kiểm "
                      "tra gặp lỗi nội bộ.",
    "de-nghi-ho-so-da-rut": "Đề nghị khen thưởng cho một hồ sơ đã rút khỏi trang (`thu_hoi`).",
    "de-nghi-khen-thuong": "Quyết định ghi trong đề nghị và khen thưởng ghi trong hồ sơ không khớp "
                           "nhau (thiếu, khác số, hoặc đề nghị chưa có quyết định).",
    "de-nghi-khong-du-dieu-kien": "Người được đề nghị chưa đủ một điều kiện của hình thức theo luật "
                                  "còn hiệu lực vào ngày xét (cùng bộ máy xét như khen thưởng đã "
                                  "ghi, tính từ hồ sơ, không gõ tay), hoặc dựa trên một khen "
                                  "thưởng chính nó chưa đủ điều kiện.",
    "de-nghi-lien-ket": "Đề nghị nhắc tới hồ sơ, phong trào, sáng kiến không có, hoặc sáng kiến "
                        "không phải của người được đề nghị.",
    "de-nghi-thu-tu-ngay": "Ngày của các bước không theo thứ tự đề nghị → họp Hội đồng → trình cấp "
                           "trên → quyết định.",
    "de-nghi-trang-thai": "Đề nghị chuyển bước sai: có quyết định mà Hội đồng chưa bình xét đạt, "
                          "hình thức cấp trên mà không có tờ trình…",
    "de-nghi-trung": "Cùng một người, hình thức và năm có hai đề nghị đang xét.",
    "du-lieu-hoi-dong": "Tệp data/hoi-dong.yml (ngưỡng biểu quyết của Hội đồng) thiếu hoặc sai "
                        "một giá trị.",
    "du-lieu-van-ban": "Tệp data/mau-van-ban.yml (thể thức văn bản) thiếu hoặc sai một giá trị.",
    "hop-bieu-quyet": "Nhóm kiểm tra biểu quyết; chỉ thấy mã này khi bộ kiểm tra gặp lỗi nội bộ.",
    "hop-chua-ghi-ket-qua": "Cuộc họp đã qua nhưng chưa ghi kết quả cho một đề nghị.",
    "hop-de-nghi": "Chương trình họp hoặc kết quả nhắc tới đề nghị không có, bị ghi hai lần, hoặc "
                   "không có trong chương trình.",
    "hop-hoi-dong": "Nhóm kiểm tra cuộc họp; chỉ thấy mã này khi bộ kiểm tra gặp lỗi nội bộ.",
    "hop-ket-qua-sai": "Kết quả ghi \"đạt\" / \"không đạt\" không đúng với số phiếu, ngưỡng và số "
                       "thành viên có mặt theo data/hoi-dong.yml.",
    "hop-khong-co-quy-dinh": "Không có ngưỡng biểu quyết nào áp dụng cho hình thức vào ngày họp.",
    "hop-khong-du-dai-bieu": "Cuộc họp không đủ số thành viên có mặt theo quy định: kết quả không "
                             "có giá trị.",
    "hop-phieu-kin": "Hình thức này phải bỏ phiếu kín nhưng cuộc họp ghi biểu quyết giơ tay.",
    "hop-so-phieu": "Tổng số phiếu nhiều hơn số thành viên có mặt (và gửi ý kiến bằng văn bản).",
    "hop-thanh-vien": "Danh sách thành viên Hội đồng trống, thiếu Chủ tịch, hoặc một người ghi hai "
                      "lần.",
    "hop-tuong-lai": "Đã ghi kết quả cho một cuộc họp chưa diễn ra.",
    "noi-bo-sai-cho": "Thư mục hồ sơ nội bộ không có, hoặc nằm trong thư mục được công bố "
                      "(content/, site/).",
    "so-khong-hop-le": "Một số (ví dụ số phiếu) nhỏ hơn giá trị cho phép."
}


@dataclass
class RuleDoc:
    """Everything the code says about one rule id."""

    id: str
    severities: set[str] = field(default_factory=set)
    messages: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    family: bool = False
    """Registered with ``@rule`` (a family of checks)."""

    @property
    def at_build(self) -> bool:
        """Reported only while building the site, not by ``guongsang check``."""
        return bool(self.files) and all(f.startswith(_BUILD_MODULES) for f in self.files)


def template(node: ast.AST | None, names: dict[str, ast.AST] | None = None) -> str:
    """Text of a message expression with every computed part shown as "…"; ``names`` are the
    module's constants (``_HINT = "…"``), read where a call uses them."""
    if node is None:
        return ""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else "…"
    if isinstance(node, ast.JoinedStr):
        return "".join(template(v) if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return template(node.left, names) + template(node.right, names)
    if isinstance(node, ast.Name) and names and node.id in names:
        return template(names[node.id])
    return "…"


def _constants(tree: ast.Module) -> dict[str, ast.AST]:
    """Module-level ``NAME = <text>`` assignments."""
    out: dict[str, ast.AST] = {}
    for stmt in tree.body:
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)
                and isinstance(stmt.value, (ast.Constant, ast.JoinedStr, ast.BinOp))):
            out[stmt.targets[0].id] = stmt.value
    return out


def _arg(call: ast.Call, index: int, names: tuple[str, ...]) -> ast.AST | None:
    for kw in call.keywords:
        if kw.arg in names:
            return kw.value
    return call.args[index] if 0 <= index < len(call.args) else None


def _severity(call: ast.Call) -> str:
    for node in [*call.args, *(kw.value for kw in call.keywords)]:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "Severity":
            return _SEVERITY.get(node.attr, "lỗi")
        if isinstance(node, ast.Name) and node.id in ("sev", "severity"):
            return "tuỳ trường hợp"
    return "lỗi"


def _clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split())


def collect(package_dir: Path) -> dict[str, RuleDoc]:
    """Every rule id reported anywhere in the package, with its messages and hints."""
    docs: dict[str, RuleDoc] = {}
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            if name == "report" and not (isinstance(func, ast.Attribute)
                                         and isinstance(func.value, ast.Name)
                                         and func.value.id == "self"):
                continue
            if name in _WRAPPERS and isinstance(func, ast.Attribute):
                rule_id, mi, hi = _WRAPPERS[name]
            elif name in _CALLS:
                ri, mi, hi = _CALLS[name]
                id_node = _arg(node, ri, ("rule", "rule_id"))
                if not (isinstance(id_node, ast.Constant) and isinstance(id_node.value, str)):
                    continue
                rule_id = id_node.value
            else:
                continue
            doc = docs.setdefault(rule_id, RuleDoc(rule_id))
            doc.files.add(rel)
            if name == "rule":
                doc.family = True
                continue
            doc.severities.add(_severity(node))
            for target, index, keywords in ((doc.messages, mi, ("message",)),
                                            (doc.hints, hi, ("hint",))):
                text = _clean(template(_arg(node, index, keywords), names))
                if text and text != "…" and text not in target:
                    target.append(text)
    return docs


def _severity_text(doc: RuleDoc) -> str:
    if not doc.severities:
        return "nhóm kiểm tra" if doc.family else "—"
    if "tuỳ trường hợp" in doc.severities or len(doc.severities) > 1:
        order = [s for s in ("lỗi", "cảnh báo", "lưu ý") if s in doc.severities]
        return " hoặc ".join(order) if order and "tuỳ trường hợp" not in doc.severities \
            else "lỗi hoặc cảnh báo"
    return next(iter(doc.severities))


def render_section(docs: dict[str, RuleDoc]) -> str:
    """Markdown between :data:`BEGIN` and :data:`END` (markers included)."""
    ids = sorted(docs)
    lines = [BEGIN, "", "| Mã | Mức | Khi nào | Ý nghĩa |", "|---|---|---|---|"]
    for rid in ids:
        d = docs[rid]
        when = "khi dựng trang" if d.at_build else "khi kiểm tra"
        meaning = MEANINGS.get(rid, d.messages[0] if d.messages else "").replace("|", "\\|")
        lines.append(f"| `{rid}` | {_severity_text(d)} | {when} | {meaning} |")
    lines.append("")
    for rid in ids:
        d = docs[rid]
        lines += [f"#### `{rid}`", ""]
        if rid in MEANINGS:
            lines += [MEANINGS[rid], ""]
        if d.messages:
            lines.append("Thông báo bạn có thể gặp (… là phần thay đổi theo từng hồ sơ):")
            lines.append("")
            lines += [f"- {m}" for m in d.messages]
            lines.append("")
        if d.hints:
            lines.append("Cách sửa:")
            lines.append("")
            lines += [f"- {h}" for h in d.hints]
            lines.append("")
        if d.family and not d.messages:
            lines += [("Đây là tên một nhóm kiểm tra; các lỗi của nhóm được báo bằng những mã khác "
                      "trong bảng. Mã này chỉ hiện kèm chữ \"lỗi nội bộ\" khi chính bộ kiểm tra "
                      "gặp sự cố: đó không phải lỗi của hồ sơ, hãy báo cho nhóm kỹ thuật."), ""]
    lines.append(END)
    return "\n".join(lines)


def update(guide: Path, docs: dict[str, RuleDoc]) -> str:
    """Text of ``guide`` with its generated section replaced (the file is not written)."""
    text = guide.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{guide.name}: thiếu hai dòng đánh dấu bảng mã lỗi.")
    return text[:start] + render_section(docs) + text[end + len(END):]


def package_dir() -> Path:
    """The guongsang package folder (rules report from every stage, not only rules/)."""
    return Path(__file__).resolve().parent.parent
