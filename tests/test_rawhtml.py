"""Swapping raw-HTML blocks out of Markdown and back gives exactly Markdown's own output."""
from __future__ import annotations

import markdown
import pytest
from mkdocs.structure.pages import _HTMLHandler

from guongsang.site.rawhtml import protect

EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]

CASES = {
    "one-line blocks between Markdown": (
        '<div class="gs-head"><h1>Lê Minh Đức</h1><p class="gs-lead">Tóm tắt</p></div>\n\n'
        "## Câu chuyện\n\nĐoạn *một*.\n\n"
        '<ul class="gs-deeds"><li><time datetime="2024-05-03">03/05/2024</time>: việc tốt</li></ul>\n\n'
        "Đoạn cuối."),
    "a block last on the page": "Mở đầu.\n\n<dl><dt>Loại</dt><dd>Cá nhân</dd></dl>",
    "a block first on the page": "<table><tr><td>1</td></tr></table>\n\nSau bảng.",
    "a wrapper open across blank lines": (
        '<div class="gs-gallery">\n\n<p class="gs-lead">Dẫn.</p>\n\n'
        '<div class="gs-cards"><article>Thẻ</article></div>\n\n</div>\n\nSau.'),
    "a wrapper right after a paragraph": "Chữ\n<div>\n\n<p>x</p>\n\n</div>\n\nSau.",
    "an unclosed tag": "<div><p>không đóng\n\n## Tiêu đề\n\n<ul><li>a</li></ul>",
    "inline HTML at the start of a line": "<span>chữ</span> và thêm\n\n<em>nghiêng</em>",
    "two elements on one line": "<p>a</p><p>b</p>\n\nSau.",
    "text after the closing tag": "<div>a</div> đuôi\n\nSau.",
    "a comment": "<!-- ghi chú\n<div>trong chú thích</div>\n-->\n\n<p>sau</p>",
    "fenced text": "```\n\n<div>trong khối mã</div>\n\n```\n\n<p>sau</p>",
    "an indented tag": "   <div>thụt lề</div>\n\nSau.",
    "a block inside a list": "- mục\n\n    <div>thụt trong danh sách</div>\n\n<div>ngoài</div>",
    "an admonition": '!!! note "Ghi chú"\n    <div>trong</div>\n\n<div>ngoài</div>',
    "anchors": '<h2 id="cong-nhan">Công nhận</h2>\n\n<p><a name="cu">cũ</a></p>\n\n[Tới](#cong-nhan)',
    "nested elements of one tag": "<div><div>a</div></div>\n\n<div><div>a</div></div><div>b</div>",
    "a block under a heading": "## Tiêu đề\n<div>x</div>\n\n<div>y</div>\n\n\n",
    "a void first tag": "<hr>\n\n<img src=\"a.jpg\" alt=\"\">\n\n<p>x</p>",
    "no HTML at all": "# Tiêu đề\n\nChỉ có chữ.",
}


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_protected_conversion_equals_markdowns_own(text: str) -> None:
    protected = protect(text)
    assert protected.restore(_convert(protected.markdown)) == _convert(text)


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_anchors_in_swapped_blocks_are_reported_like_mkdocs_finds_them(text: str) -> None:
    def anchors(source: str) -> set[str]:
        handler = _HTMLHandler()
        handler.feed(source)
        handler.close()
        return handler.present_anchor_ids

    protected = protect(text)
    assert anchors(protected.markdown) | protected.ids() == anchors(text)


def test_only_whole_blocks_between_blank_lines_are_swapped() -> None:
    protected = protect(CASES["one-line blocks between Markdown"])
    assert len(protected.blocks) == 2
    assert "## Câu chuyện" in protected.markdown
    assert protect(CASES["a wrapper right after a paragraph"]).blocks == []
    assert protect(CASES["fenced text"]).blocks == ["<p>sau</p>"]
