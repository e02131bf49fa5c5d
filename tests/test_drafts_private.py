"""Drafts stay private until a person publishes them: unseen without previews, then published.

The draft here is a copy of the fixture report marked ``status: draft``: every address and list
is asked of an app with previews on (where the draft must show, so each check can fail) and of
one with them off (where it must not).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flask import Flask

from webapp import create_app
from webapp.content import load_content
from webapp.content.texts import drafted_digest
from webapp.freeze import page_paths, pdf_paths

from .conftest import FIXTURE_CONTENT

DRAFT = "sample-draft"
SUMMARY_ZH = "全年共收案100344件。坚持和发展新时代枫桥经验。"
SUMMARY_EN = "The court received 100,344 cases. It applied the Fengqiao Experience."


def draft_content(root: Path, title_en: str | None = None) -> Path:
    """Copy the fixture content with a draft of its report beside it, its summary machine-drafted.

    ``title_en``: the draft's English title instead of the fixture's ("" awaits translation).
    """
    content = root / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    folder = content / "reports" / DRAFT
    shutil.copytree(content / "reports" / "sample-2023", folder)
    briefing = folder / "briefing.yaml"
    text = briefing.read_text(encoding="utf-8")
    summary = f'summary: {{zh-Hans: {SUMMARY_ZH}, en: "{SUMMARY_EN}"}}'
    assert summary in text
    text = text.replace(summary, f'summary: {{zh-Hans: {SUMMARY_ZH}, en: "{SUMMARY_EN}", '
                                 f"drafted: {drafted_digest(SUMMARY_ZH, SUMMARY_EN)}}}")
    if title_en is not None:
        title = ("title: {zh-Hans: 示例区人民法院工作报告, "
                 "en: Work Report of the Sample District People's Court}")
        assert f"\n{title}" in text
        text = text.replace(f"\n{title}",
                            f'\ntitle: {{zh-Hans: 示例区人民法院工作报告, en: "{title_en}"}}')
    briefing.write_text(text + "status: draft  # until a person has reviewed it\n",
                        encoding="utf-8")
    return content


def make_app(content: Path, preview: bool) -> Flask:
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "PREVIEW_DRAFTS": preview,
                       "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(content.parent / "pdf")})


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return draft_content(tmp_path_factory.mktemp("private"))


@pytest.fixture(scope="module")
def public(content: Path) -> Flask:
    return make_app(content, preview=False)


@pytest.fixture(scope="module")
def preview(content: Path) -> Flask:
    return make_app(content, preview=True)


def draft_addresses(app: Flask) -> list[str]:
    """Return every address of the draft the app has: pages, downloads, PDFs and API."""
    with app.app_context():
        paths = [*page_paths(app), *pdf_paths(app, every_selection=False)]
    return [path for path in paths if f"/{DRAFT}/" in path] + [
        f"/api/v1/reports/{DRAFT}", f"/api/v1/reports/{DRAFT}/source"]


@pytest.mark.slow
def test_every_address_of_a_draft_answers_404_without_previews(public: Flask,
                                                               preview: Flask) -> None:
    addresses = draft_addresses(preview)
    # Pages, source, downloads (CSV, citations) and PDFs, in every language.
    assert {"/en/reports/sample-draft/source", "/en/reports/sample-draft/figures.csv",
            "/en/reports/sample-draft/briefing.pdf"} <= set(addresses)
    shown, hidden = preview.test_client(), public.test_client()
    for path in addresses:
        if not path.endswith(".pdf"):  # Rendering every PDF is slow; one is asked below.
            assert shown.get(path).status_code == 200, path
        assert hidden.get(path).status_code == 404, path
    assert shown.get("/en/reports/sample-draft/briefing.pdf").status_code == 200
    # Nothing of the draft is frozen either.
    assert draft_addresses(public) == [f"/api/v1/reports/{DRAFT}",
                                       f"/api/v1/reports/{DRAFT}/source"]


def test_the_404_offers_only_public_reports(public: Flask) -> None:
    html = public.test_client().get(f"/en/reports/{DRAFT}/").get_data(as_text=True)
    # The page's own address (in its language links) is the only mention of the draft.
    assert "/en/reports/sample-2023/" in html
    assert DRAFT not in re.sub(rf"/[a-z-]+/reports/{DRAFT}/", "", html)


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/", "/api/v1/reports", "/en/compare",
                                  "/en/glossary", "/en/corrections",
                                  "/en/search?q=%E6%9E%AB%E6%A1%A5",
                                  "/api/v1/search?q=%E6%9E%AB%E6%A1%A5&lang=en",
                                  "/en/compare?reports=sample-2023"])
def test_a_draft_is_in_no_list_search_or_comparison_without_previews(
        public: Flask, preview: Flask, path: str) -> None:
    if "glossary" not in path and "corrections" not in path:
        assert DRAFT in preview.test_client().get(path).get_data(as_text=True)
    response = public.test_client().get(path)
    assert response.status_code == 200 and DRAFT not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/en/compare?reports=sample-2023,{report}",
                                  "/api/v1/compare?reports=sample-2023,{report}&lang=en"])
def test_comparing_a_draft_without_previews_is_comparing_no_report(
        public: Flask, preview: Flask, path: str) -> None:
    assert preview.test_client().get(path.format(report=DRAFT)).status_code == 200
    draft = public.test_client().get(path.format(report=DRAFT))
    unknown = public.test_client().get(path.format(report="no-such-report"))
    assert draft.status_code == unknown.status_code == 400
    assert draft.get_data(as_text=True) == unknown.get_data(as_text=True).replace(
        "no-such-report", DRAFT)


def test_a_previewed_draft_is_marked_and_kept_from_search_engines(preview: Flask,
                                                                  public: Flask) -> None:
    client = preview.test_client()
    for path in (f"/en/reports/{DRAFT}/", f"/en/reports/{DRAFT}/source"):
        response = client.get(path)
        assert '<meta name="robots" content="noindex">' in response.get_data(as_text=True), path
        assert response.headers["X-Robots-Tag"] == "noindex"
    # The banner says what the machine checked, and what it did not.
    banner = re.search(r'<p class="notice notice--draft">(.*?)</p>',
                       client.get(f"/en/reports/{DRAFT}/").get_data(as_text=True), flags=re.S)
    assert banner is not None
    assert "Checked: each figure's quoted sentence is in the report word for word" in banner[1]
    assert "Not checked: the figures' labels and units, and which part" in banner[1]
    assert re.search(r"\b1 of \d+ texts are still as the drafter wrote them", banner[1])
    chinese = client.get(f"/zh-hans/reports/{DRAFT}/").get_data(as_text=True)
    assert "已核对：每个数字所引的句子逐字见于报告" in chinese and "未核对：数字的标签和单位" in chinese
    assert client.get(f"/api/v1/reports/{DRAFT}").headers["X-Robots-Tag"] == "noindex"
    final = client.get("/en/reports/sample-2023/")
    assert "noindex" not in final.get_data(as_text=True) and "X-Robots-Tag" not in final.headers


def publish(content: Path, *options: str) -> tuple[int, str]:
    result = make_app(content, preview=False).test_cli_runner().invoke(
        args=["report", "publish", DRAFT, *options])
    return result.exit_code, result.output


def test_publish_refuses_while_texts_are_left_to_review(tmp_path: Path) -> None:
    content = draft_content(tmp_path)
    briefing = content / "reports" / DRAFT / "briefing.yaml"
    before = briefing.read_text(encoding="utf-8")
    code, output = publish(content)
    assert code == 1 and "not published: 1 of" in output
    assert "texts machine-drafted (to review), 0 awaiting English" in output
    # --force alone is not enough: who forced it, and why, are recorded.
    assert publish(content, "--force", "--by", "Wang")[0] == 1
    assert briefing.read_text(encoding="utf-8") == before


def test_publish_makes_a_reviewed_draft_final_and_public(tmp_path: Path) -> None:
    content = draft_content(tmp_path)
    briefing = content / "reports" / DRAFT / "briefing.yaml"
    # The editor accepts the drafted summary: its digest goes.
    briefing.write_text(re.sub(r", drafted: [0-9a-f]+\}", "}",
                               briefing.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = publish(content)
    assert code == 0, output
    text = briefing.read_text(encoding="utf-8")
    assert text.endswith("status: final  # until a person has reviewed it\n")
    assert "forced" not in text
    assert not load_content(content).reports[DRAFT].briefing.is_draft
    public = make_app(content, preview=False).test_client()
    assert public.get(f"/en/reports/{DRAFT}/").status_code == 200
    assert publish(content)[1].strip().endswith("it is final already")


def test_a_forced_publication_records_who_and_why(tmp_path: Path) -> None:
    content = draft_content(tmp_path)
    code, output = publish(content, "--force", "--by", "Wang Fang", "--why", 'The "court" asked.')
    assert code == 0, output
    forced = load_content(content).reports[DRAFT].briefing.forced
    assert forced is not None and (forced.by, forced.why) == ("Wang Fang", 'The "court" asked.')
    assert forced.left.startswith("1 of ")


def test_publish_refuses_what_would_not_pass_as_final_even_forced(tmp_path: Path) -> None:
    content = draft_content(tmp_path, title_en="")
    code, output = publish(content)
    assert code == 1 and "1 awaiting English" in output
    code, output = publish(content, "--force", "--by", "Wang", "--why", "Needed today.")
    assert code == 1 and "would not pass `content check`" in output
    assert "briefing.yaml" in output and "title" in output
    assert load_content(content).reports[DRAFT].briefing.is_draft


def test_a_term_quoting_a_draft_loses_the_quote_until_it_is_published(tmp_path: Path) -> None:
    content = draft_content(tmp_path)
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "source: {report: sample-2023,", f"source: {{report: {DRAFT},"), encoding="utf-8")
    shown = make_app(content, preview=True).test_client()
    assert DRAFT in shown.get("/api/v1/glossary?lang=en").get_data(as_text=True)
    hidden = make_app(content, preview=False).test_client()
    for path in ("/api/v1/glossary?lang=en", "/en/glossary"):
        response = hidden.get(path)
        assert response.status_code == 200 and DRAFT not in response.get_data(as_text=True)
