"""Reading a report from each input format, and refusing what cannot be read."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from webapp.content.sources import parse_source
from webapp.drafting import DraftError
from webapp.drafting.read import read_source, unwrap_if_wrapped

from .conftest import FIXTURES

DRAFTING = FIXTURES / "drafting"
TEXT = (DRAFTING / "report.txt").read_text(encoding="utf-8")


def pdf_of(html_text: str, path: Path) -> Path:
    from weasyprint import HTML

    HTML(string=html_text).write_pdf(path)
    return path


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture report typeset on narrow pages, so that its paragraphs wrap across lines."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in TEXT.split("\n") if line.strip())
    return pdf_of("<html lang='zh-Hans'><style>@page { size: A6; margin: 10mm } "
                  "body { font-family: 'Noto Sans CJK SC'; font-size: 10pt } "
                  "p { margin: 0 0 4pt; text-indent: 2em }</style>"
                  f"<body>{paragraphs}</body></html>", tmp_path_factory.mktemp("pdf") / "report.pdf")


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PDF as a scanner makes it: a picture of a page, no text layer."""
    return pdf_of("<html><style>@page { size: A6 } div { width: 80mm; height: 120mm; "
                  "background: #777 }</style><body><div></div></body></html>",
                  tmp_path_factory.mktemp("scan") / "scan.pdf")


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def squeezed(text: str) -> list[str]:
    """Return the lines of ``text`` without white space (typesetting changes spacing only)."""
    return ["".join(line.split()) for line in lines(text)]


def test_plain_text_is_kept_as_written() -> None:
    text, kind = read_source(DRAFTING / "report.txt")
    assert kind == "text"
    assert text == TEXT


def test_gbk_text_is_detected_and_converted() -> None:
    assert (DRAFTING / "report-gbk.txt").read_bytes() != TEXT.encode("utf-8")
    text, kind = read_source(DRAFTING / "report-gbk.txt")
    assert (kind, text) == ("text", TEXT)


def test_html_keeps_the_main_text_with_its_headings_and_drops_the_page_around_it() -> None:
    text, kind = read_source(DRAFTING / "report.html")
    assert kind == "html"
    assert lines(text)[0] == "示例市中级人民法院工作报告"
    assert "2024年的主要工作" in lines(text)  # An <h2>, which trafilatura alone drops.
    assert "- 走访企业320家" in lines(text)
    assert "\t刑事\n\t2950" in text  # The table, as tab-indented cells.
    for outside in ("首页", "广告", "版权所有", "99999", "color"):
        assert outside not in text
    kinds = {block.text: block.kind for block in parse_source(text).blocks}
    assert kinds["一、坚持总体国家安全观，维护社会安全稳定"] == "heading"


def test_markdown_keeps_headings_and_emphasis_out_of_the_text() -> None:
    text, kind = read_source(DRAFTING / "report.md")
    assert kind == "markdown"
    assert "#" not in text and "**" not in text and "](" not in text
    assert "2024年，全市法院共受理案件86543件，同比上升6.8%；审结8.12万件。" in lines(text)
    assert "- 审结知识产权案件1204件，同比上升1.2倍" in lines(text)  # "* " items become "- ".
    assert "详见法院网。" in text
    assert "\t刑事\n\t2950\n\t2912" in text and "---" not in text


def test_pdf_text_layer_is_read_with_wrapped_lines_joined(text_pdf: Path) -> None:
    text, kind = read_source(text_pdf)
    assert kind == "pdf"
    # Each paragraph of the report is one line again, however the page wrapped it.
    assert squeezed(text) == squeezed(TEXT)


def test_hard_wrapped_text_is_joined_only_when_it_is_wrapped() -> None:
    wrapped = "\n".join(paragraph[index:index + 20] for paragraph in lines(TEXT)
                        for index in range(0, len(paragraph), 20))
    assert squeezed(unwrap_if_wrapped(wrapped)) == squeezed(TEXT)
    assert unwrap_if_wrapped(TEXT) == TEXT


def test_text_copied_from_a_pdf_loses_its_running_heads_and_page_numbers(tmp_path: Path) -> None:
    """Pages cut paragraphs mid-sentence: the page's number and the next page's running head
    stand between two lines of one paragraph, and go before the lines are joined."""
    wrapped = [paragraph[index:index + 20] for paragraph in lines(TEXT)
               for index in range(0, len(paragraph), 20)]
    pages = [wrapped[start:start + 15] for start in range(0, len(wrapped), 15)]
    copied = "\n".join(f"{chr(10).join(page)}\n- {number} -\n示例市中院工作报告"
                        for number, page in enumerate(pages, start=1))
    path = tmp_path / "copied.txt"
    path.write_text(copied, encoding="utf-8")
    text, _kind = read_source(path)
    assert len(pages) >= 3
    assert "示例市中院工作报告" not in text and "- 2 -" not in text
    assert squeezed(text) == squeezed(TEXT)


def test_a_running_head_repeating_the_title_leaves_the_title(tmp_path: Path) -> None:
    """A PDF's running head is often the report's title: the pages after the first repeat it,
    and the first line stays the title."""
    title = TEXT.split("\n", 1)[0]
    wrapped = [paragraph[index:index + 20] for paragraph in lines(TEXT)[1:]
               for index in range(0, len(paragraph), 20)]
    pages = [wrapped[start:start + 15] for start in range(0, len(wrapped), 15)]
    copied = title + "\n" + "\n".join(f"{chr(10).join(page)}\n- {number} -\n{title}"
                                        for number, page in enumerate(pages, start=1))
    path = tmp_path / "copied.txt"
    path.write_text(copied, encoding="utf-8")
    text, _kind = read_source(path)
    assert text.split("\n", 1)[0] == title and text.count(title) == 1
    assert squeezed(text) == squeezed(TEXT)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "a binary file, not text"),
        (bytes(range(256)) * 20, "a binary file, not text"),
    ],
)
def test_unreadable_input_is_refused_in_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(DraftError) as refused:
        read_source(path)
    assert message in str(refused.value) and "\n" not in str(refused.value)


def test_a_pdf_without_text_layer_is_refused(scanned_pdf: Path) -> None:
    with pytest.raises(DraftError, match="the PDF has no text layer"):
        read_source(scanned_pdf)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="cannot read"):
        read_source(tmp_path / "nowhere.txt")
