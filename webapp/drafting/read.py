"""Read a report from a file into the normalized text a ``source.txt`` holds.

Plain text (UTF-8, or GB18030/GBK/Big5 found by charset-normalizer), an HTML page saved from a
website (its main text found by trafilatura), Markdown (headings and emphasis markers kept out
of the text) and PDF with a text layer (pypdfium2) all become lines of prose, one paragraph a
line as Chinese reports are written, and tables as the tab-indented cells the source parser
reads. Anything that cannot be read raises DraftError with a one-line reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from . import DraftError

SourceFormat = Literal["text", "html", "markdown", "pdf"]
Progress = Callable[[str], None]

_SNIFF = 8192
_ENCODINGS_READ_AS_GB18030 = {"gb2312", "gbk", "gb18030", "hz", "cp936"}
# Characters that carry no text: zero-width spaces and joiners, the word joiner, the BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_FINAL = "。！？；：!?;:…”」）)"
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|附件|\d{2}$)")
_DELIVERY_DASH = ("——", "—", "－－")
_TITLE_END = "报告"
_DELIVERY_END = ("上", "）", ")")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–\s]*$|^\d+\s*/\s*\d+$")
_HTML_HINT = re.compile(rb"<(?:!doctype\s+html|html|body|p|div|h[1-6])[\s>]", re.IGNORECASE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dd", "dt"}


def read_source(path: Path, progress: Progress | None = None) -> tuple[str, SourceFormat]:
    """Return the normalized text of the report in ``path`` and the format it was read as."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DraftError(f"{path}: cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise DraftError(f"{path}: the file is empty")
    kind = source_format(path, data)
    if progress is not None:
        progress(f"reading {path.name} as {kind}")
    if kind == "pdf":
        text = pdf_text(data, path, progress)
    else:
        decoded = decode(data, path)
        text = {"html": html_text, "markdown": markdown_text, "text": _unwrapped}[kind](decoded)
    text = normalize(without_furniture(text))
    if not text.strip():
        raise DraftError(f"{path}: no text found in the {kind} file")
    return text, kind


def source_format(path: Path, data: bytes) -> SourceFormat:
    """Tell the format from the content first (a PDF or HTML page misnamed), then the name."""
    head = data[:_SNIFF]
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"} or _HTML_HINT.search(head):
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def decode(data: bytes, path: Path) -> str:
    """Decode text bytes: UTF-8 when they are, else the encoding charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DraftError(f"{path}: a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DraftError(f"{path}: cannot tell the text's encoding (not UTF-8, GB18030 or Big5)")
    encoding = best.encoding.lower().replace("-", "")
    # GB18030 is a superset of GB2312 and GBK: reading as it loses no character they have.
    codec = "gb18030" if encoding in _ENCODINGS_READ_AS_GB18030 else best.encoding
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") > len(text) // 100 or _control_share(text) > 0.01:
        raise DraftError(f"{path}: a binary file, not text")
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t")
    return controls / max(len(text), 1)


def normalize(text: str) -> str:
    """Normalize line ends and invisible characters; keep every visible character as written.

    Compatibility forms (full-width digits, ideographic spaces) stay: the text is the report
    as published, and the number reader understands them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip() and out and not out[-1].strip() and len(out) > 1 and not out[-2].strip():
            continue  # At most two blank lines in a row: they carry no more meaning.
        out.append(line if line.strip() else "")
    return "\n".join(out).strip("\n") + "\n"


def without_furniture(text: str) -> str:
    """Leave out page furniture: newspaper headers, bylines, navigation, page numbers, and a
    PDF's running heads (a short line naming the report, repeated on three pages or more)."""
    from .lexicon import lexicon

    patterns = [re.compile(pattern) for pattern in lexicon().words("furniture")]
    heads = lexicon().words("running_heads")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    counts = Counter(line.strip() for line in lines if line.strip())
    # A first line naming the report is its title, which the running head of the pages after it
    # may repeat; a congress document line printed atop every page is no title.
    first = next((index for index, line in enumerate(lines) if line.strip()), -1)
    first = first if first >= 0 and lines[first].strip().endswith(_TITLE_END) else -1
    # A tab-indented line is a table's cell (a bare number there is a count, not a page's).
    kept = [line for index, line in enumerate(lines)
            if line.startswith("\t") or not any(pattern.match(line.strip()) for pattern in patterns)
            and (index == first or not (counts[line.strip()] >= 3 and len(line.strip()) <= 30
                                        and any(head in line for head in heads)))]
    return "\n".join(kept)


def _unwrapped(text: str) -> str:
    """Return plain text with its page furniture left out, then its paragraphs joined: a PDF's
    running head and page number between two lines of a paragraph cut by a page's end must go
    before the lines are joined, or they stay in the paragraph."""
    return unwrap_if_wrapped(without_furniture(text))


def unwrap_if_wrapped(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs, when the text is hard-wrapped."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 8:
        return text
    lengths = sorted(len(line.strip()) for line in lines)
    typical = lengths[int(len(lengths) * 0.8)]
    open_ended = sum(1 for line in lines if len(line.strip()) >= typical * 0.9
                     and line.strip()[-1] not in _FINAL)
    # A report written a paragraph a line has few long lines ending mid-sentence.
    if typical < 15 or open_ended < len(lines) * 0.3:
        return text
    return "\n".join(unwrap(text.split("\n")))


def unwrap(lines: Iterable[str]) -> Iterator[str]:
    """Join lines that run on: a long line ending mid-sentence continues on the next one."""
    kept = [line.strip() for line in lines if not _PAGE_NUMBER.match(line.strip()) or not line.strip()]
    texts = [line for line in kept if line]
    if not texts:
        return
    lengths = sorted(len(line) for line in texts)
    full = lengths[int(len(lengths) * 0.8)]
    paragraph = ""
    for index, line in enumerate(kept):
        if not line:
            if paragraph:
                yield paragraph
                paragraph = ""
            continue
        if line.startswith(_DELIVERY_DASH) and paragraph:
            yield paragraph  # The delivery line (——2026年1月10日在…会议上) starts afresh …
            paragraph = ""
        if (paragraph or line).startswith(_DELIVERY_DASH) and line.endswith(_DELIVERY_END):
            yield paragraph + line  # … and ends at its meeting, before the speaker's line.
            paragraph = ""
            continue
        if _HEADING.match(line):
            # A heading stands alone; a long one wraps onto one short line, without a stop.
            if paragraph:
                yield paragraph
            following = kept[index + 1] if index + 1 < len(kept) else ""
            paragraph = line
            if len(line) >= full * 0.85 and following and len(following) < full * 0.85 \
                    and "。" not in following and not _HEADING.match(following):
                kept[index + 1] = ""
                paragraph += following
            yield paragraph
            paragraph = ""
            continue
        paragraph += line
        if len(line) < full * 0.85 or line[-1] in _FINAL:
            yield paragraph
            paragraph = ""
    if paragraph:
        yield paragraph


def markdown_text(text: str) -> str:
    """Return Markdown as plain lines: no heading marks, emphasis, links' targets or rules."""
    text = _HTML_COMMENT.sub("", text)
    out: list[str] = []
    table: list[list[str]] = []
    fenced = False
    for raw in text.split("\n"):
        if raw.strip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        line = raw if fenced else _markdown_line(raw)
        if not fenced and raw.strip().startswith("|") and raw.strip().endswith("|"):
            if not _MD_TABLE_RULE.match(raw):
                table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if table:
            out.extend(table_lines(table))
            table = []
        if not fenced and re.fullmatch(r"\s*(?:[-*_]\s*){3,}", raw):
            continue  # A horizontal rule.
        out.append(line)
    if table:
        out.extend(table_lines(table))
    return "\n".join(out)


def _markdown_line(raw: str) -> str:
    heading = _MD_HEADING.match(raw)
    line = heading[1] if heading else _MD_QUOTE.sub("", raw)
    line = _MD_BULLET.sub(r"\1- ", line)
    line = _MD_LINK.sub(lambda match: match[1] or "", line)
    return _MD_EMPHASIS.sub("", line)


def table_lines(rows: Iterable[Iterable[str]]) -> list[str]:
    """Write a table as the source parser reads one: a tab-indented line per cell, rows apart."""
    lines: list[str] = []
    for row in rows:
        cells = [" ".join(cell.split()) for cell in row]
        if not any(cells):
            continue
        lines.extend("\t" + cell for cell in cells)
        lines.append("")
    return ["", *lines]


def html_text(html: str) -> str:
    """Return the main text of an HTML page, a block a line, with its headings and tables.

    trafilatura decides where the main text is; it drops some headings, so the page's own
    blocks from the first to the last it kept are read in order, headings and tables included.
    """
    import lxml.html
    import trafilatura

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises many kinds of error on broken markup
        raise DraftError("the HTML page cannot be parsed") from None
    for element in tree.xpath("//script|//style|//noscript|//template|//head"):
        element.drop_tree()
    # A site's own header, navigation and footer are page furniture; an article's header holds
    # its title and stays.
    for element in tree.xpath("//nav|//aside|//header[not(ancestor::article or ancestor::main)]"
                              "|//footer[not(ancestor::article or ancestor::main)]"):
        element.drop_tree()
    html = lxml.html.tostring(tree, encoding="unicode")
    blocks = list(_html_blocks(tree))
    kept = trafilatura.extract(html, include_tables=True, favor_recall=True, include_comments=False,
                               include_links=False, include_images=False) or ""
    main = _squash(kept.replace("|", ""))
    inside = [index for index, (_kind, text) in enumerate(blocks)
              if len(_squash(text)) >= 2 and _squash(text.replace("- ", "", 1)) in main]
    if inside:
        first, last = inside[0], inside[-1]
        # The title usually stands just above where the main text begins, a byline or a
        # source line (furniture, left out after) sometimes between them.
        while first > 0 and inside[0] - first < 3 and (
                blocks[first - 1][0] == "heading" or not without_furniture(blocks[first - 1][1]).strip()):
            first -= 1
        blocks = blocks[first:last + 1]
    return "\n".join(text for _kind, text in blocks)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("|", "")


def _html_blocks(tree: Any) -> Iterator[tuple[str, str]]:
    """Yield (kind, text) for each block element of the page in reading order."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "table":
            rows = [[_element_text(cell) for cell in row.iter("td", "th")]
                    for row in element.iter("tr")]
            yield "table", "\n".join(table_lines(rows))
            continue
        if tag not in _BLOCK_TAGS or _inside(element, {"table"}) or _has_block_child(element):
            if tag == "div" and element.text and element.text.strip() and not _inside(element, {"table"}):
                yield "paragraph", " ".join(element.text.split())
            continue
        text = _element_text(element)
        if not text.strip():
            continue
        kind = "heading" if tag.startswith("h") and tag[1:].isdigit() else "paragraph"
        prefix = "- " if tag == "li" and _inside(element, {"ul"}) else ""
        yield kind, "\n".join(prefix + part for part in text.split("\n") if part.strip())


def _element_text(element: Any) -> str:
    """Return an element's text with <br> as line breaks and spacing collapsed."""
    parts: list[str] = []
    for piece in element.iter():
        if isinstance(piece.tag, str) and piece.tag.lower() == "br":
            parts.append("\n")
        if piece is element:
            parts.append(piece.text or "")
        else:
            if isinstance(piece.tag, str) and piece.tag.lower() not in {"br"}:
                parts.append(piece.text or "")
            parts.append(piece.tail or "")
    text = "".join(parts)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _inside(element: Any, tags: set[str]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag.lower() in tags:
            return True
        parent = parent.getparent()
    return False


def _has_block_child(element: Any) -> bool:
    return any(isinstance(child.tag, str) and child.tag.lower() in _BLOCK_TAGS | {"table", "ul", "ol", "div"}
               for child in element.iterdescendants())


def pdf_text(data: bytes, path: Path, progress: Progress | None = None) -> str:
    """Return the text layer of a PDF, its hard-wrapped lines joined back into paragraphs."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise DraftError(f"{path}: cannot open the PDF ({error})") from None
    lines: list[str] = []
    try:
        count = len(document)
        for index in range(count):
            if progress is not None and count > 1:
                progress(f"page {index + 1} of {count}")
            page = document[index]
            text = page.get_textpage().get_text_range()
            lines.extend(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    finally:
        document.close()
    if sum(len(line.strip()) for line in lines) < 20:
        raise DraftError(f"{path}: the PDF has no text layer (a scan?): run OCR on it first")
    return "\n".join(unwrap(lines))
