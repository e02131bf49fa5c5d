"""The content is built once per generation, and a process serves a build as it serves content."""

from __future__ import annotations

import logging
import multiprocessing
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from webapp import build, create_app, digests
from webapp.build import Build, ensure_built, generation, open_build
from webapp.content.reports import StoredReports
from webapp.search import Results, SearchIndex, collect_entries
from webapp.web.content import current_content

from .conftest import FIXTURE_CONTENT
from .test_drafts_private import DRAFT, SUMMARY_ZH, draft_content

SOURCE = "reports/sample-2023/source.txt"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content, for a test to edit."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def test_the_generation_changes_with_any_byte_or_name_of_a_content_file(content: Path) -> None:
    first = generation(content)
    assert generation(content) == first
    source = content / SOURCE
    original = source.read_bytes()
    source.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    assert generation(content) != first
    source.write_bytes(original)
    assert generation(content) == first
    (content / "units.yaml").rename(content / "units-renamed.yaml")
    assert generation(content) != first


@pytest.fixture
def code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for the app's package, its digest taken afresh for each test."""
    code = tmp_path / "code"
    for module in ("content/reports.py", "views/pages.py", "templates/base.html"):
        (code / module).parent.mkdir(parents=True, exist_ok=True)
        (code / module).write_text("# first\n", encoding="utf-8")
    monkeypatch.setattr(digests, "PACKAGE", code)
    digests.code_digest.cache_clear()
    yield code
    digests.code_digest.cache_clear()  # The next test digests the real package again.


def test_the_generation_follows_the_code_of_the_models_not_of_the_web_layer(content: Path,
                                                                             code: Path) -> None:
    first = generation(content)
    (code / "views/pages.py").write_text("# edited\n", encoding="utf-8")
    (code / "templates/base.html").write_text("edited\n", encoding="utf-8")
    digests.code_digest.cache_clear()
    assert generation(content) == first
    (code / "content/reports.py").write_text("# edited\n", encoding="utf-8")
    digests.code_digest.cache_clear()
    assert generation(content) != first


def test_the_code_is_digested_once_a_process_as_it_was_imported(content: Path, code: Path) -> None:
    first = generation(content)
    # A process goes on running the code it imported: an edit on disk is a later process's.
    (code / "content/reports.py").write_text("# edited\n", encoding="utf-8")
    assert generation(content) == first


def test_a_changed_content_file_makes_a_new_build(content: Path, tmp_path: Path) -> None:
    builds = tmp_path / "builds"
    first = ensure_built(content, builds)
    assert ensure_built(content, builds) == first  # Built once, found the second time.
    with (content / SOURCE).open("a", encoding="utf-8") as source:
        source.write("\n")
    second = ensure_built(content, builds)
    assert second != first and second.is_file()


def test_a_started_process_does_not_validate_again(content: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    settings = {"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content),
                "CONTENT_BUILD": True, "CONTENT_BUILD_DIR": str(tmp_path / "builds")}
    create_app(settings)

    def refuse(_content_dir: Path) -> None:
        raise AssertionError("the content was loaded again, not opened from its build")

    monkeypatch.setattr(build, "load_content", refuse)
    app = create_app(settings)
    assert isinstance(app.extensions["content"].reports, StoredReports)
    assert app.test_client().get("/en/reports/sample-2023/").status_code == 200


def test_a_half_written_build_is_never_read(content: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    builds = tmp_path / "builds"
    builds.mkdir()
    # What a build that crashed left behind: a temporary file, never under a build's name.
    (builds / f".{generation(content)}-1-1.tmp").write_bytes(b"SQLite format 3\0 cut short")
    written = []
    dumps = build._dumps

    def watched(value: object, refs_by_id: bool = False) -> bytes:
        # While the build is written, no file stands under the name processes open.
        written.append(sorted(path.name for path in builds.glob("*.sqlite")))
        return dumps(value, refs_by_id)

    monkeypatch.setattr(build, "_dumps", watched)

    def crash(_source: object, _target: object) -> None:
        raise OSError("the machine stopped before the rename")

    monkeypatch.setattr(build.os, "replace", crash)
    with pytest.raises(OSError, match="before the rename"):
        ensure_built(content, builds)
    assert written and all(names == [] for names in written)
    assert list(builds.glob("*.sqlite")) == []
    monkeypatch.undo()
    path = ensure_built(content, builds)
    assert open_build(path).content.reports["sample-2023"].id == "sample-2023"
    assert sorted(p.name for p in builds.iterdir() if p.suffix != ".tmp") == [".lock", path.name]


def _build_and_record(content: Path, builds: Path, log: Path) -> None:
    """Build as a process of its own, recording each build it writes in ``log``."""
    write = build._write

    def recorded(*arguments: object) -> None:
        with log.open("a", encoding="utf-8") as file:
            file.write("built\n")
        write(*arguments)  # type: ignore[arg-type]

    build._write = recorded  # type: ignore[assignment]
    ensure_built(content, builds)


@pytest.mark.slow
def test_two_processes_building_at_once_make_one_build(content: Path, tmp_path: Path) -> None:
    builds, log = tmp_path / "builds", tmp_path / "log"
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_build_and_record, args=(content, builds, log))
                 for _ in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    assert log.read_text(encoding="utf-8") == "built\n"
    assert [path.name for path in builds.glob("*.sqlite")] == [generation(content) + ".sqlite"]
    assert not list(builds.glob(".*.tmp"))


QUERIES = ("执行", "案件", "執行", "商事", "enforcement", "1.95万", "zhixing")
PAGES = ("/zh-hans/reports/sample-2023/", "/zh-hant/reports/sample-2023/economy",
         "/en/reports/sample-2023/", "/en/glossary", "/zh-hant/search?q=%E5%9F%B7%E8%A1%8C")


def test_a_process_on_a_build_serves_what_one_on_the_content_serves(tmp_path: Path) -> None:
    settings = {"TESTING": True, "PDF_PROCESSES": 0, "PAGE_CACHE": False,
                "CONTENT_DIR": str(FIXTURE_CONTENT)}
    in_memory = create_app(settings).test_client()
    built = create_app({**settings, "CONTENT_BUILD": True,
                        "CONTENT_BUILD_DIR": str(tmp_path / "builds")}).test_client()
    found = 0
    for query in QUERIES:
        for lang in ("zh-hans", "zh-hant", "en"):
            address = f"/api/v1/search?q={quote(query)}&lang={lang}"
            answer = built.get(address)
            assert answer.status_code == 200
            assert answer.get_json() == in_memory.get(address).get_json(), address
            found += answer.get_json()["total"]
    assert found > 0  # The queries find something, so the comparison compares hits.
    for page in PAGES:
        answer = built.get(page)
        expected = in_memory.get(page)
        assert (answer.status_code, answer.get_data()) == (expected.status_code,
                                                           expected.get_data()), page


@pytest.mark.parametrize("preview", [False, True])
def test_a_build_keeps_a_draft_where_the_content_in_memory_keeps_it(tmp_path: Path,
                                                                      preview: bool) -> None:
    content = draft_content(tmp_path)
    settings = {"TESTING": True, "PDF_PROCESSES": 0, "PAGE_CACHE": False, "PREVIEW_DRAFTS": preview,
                "CONTENT_DIR": str(content), "PDF_CACHE_DIR": str(tmp_path / "pdf")}
    in_memory = create_app(settings).test_client()
    built = create_app({**settings, "CONTENT_BUILD": True,
                        "CONTENT_BUILD_DIR": str(tmp_path / "builds")}).test_client()
    for address in (f"/en/reports/{DRAFT}/", "/zh-hans/",
                    f"/api/v1/search?q={quote(SUMMARY_ZH[:4])}&lang=zh-hans"):
        answer, expected = built.get(address), in_memory.get(address)
        assert (answer.status_code, answer.get_data()) == (expected.status_code,
                                                           expected.get_data()), address
    assert built.get(f"/en/reports/{DRAFT}/").status_code == (200 if preview else 404)
    found = built.get(f"/api/v1/search?q={quote(SUMMARY_ZH[:4])}&lang=zh-hans").get_json()
    assert (DRAFT in {group["report"] for group in found["groups"]}) == preview


def test_the_commands_build_the_content_and_refuse_invalid_content(content: Path,
                                                                    tmp_path: Path) -> None:
    builds = tmp_path / "builds"
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content),
                      "CONTENT_BUILD_DIR": str(builds)})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["content", "check", "--build"])
    assert result.exit_code == 0, result.output
    built = builds / f"{generation(content)}.sqlite"
    assert built.is_file() and f"Content built: {built}" in result.output
    briefing = content / "reports/sample-2023/briefing.yaml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(
        "quote: 审结商事案件1.95万件", "quote: 审结商事案件1.96万件"), encoding="utf-8")
    result = runner.invoke(args=["content", "build"])
    assert result.exit_code == 1
    assert "reports/sample-2023/briefing.yaml:" in result.output
    assert list(builds.glob("*.sqlite")) == [built]  # Nothing built of invalid content.


def test_a_build_folder_that_cannot_be_written_costs_speed_not_the_site(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="webapp.web.content"):
        app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                          "CONTENT_BUILD": True, "CONTENT_BUILD_DIR": str(blocked / "builds")})
    assert "could not be built" in caplog.text
    assert "content_build" not in app.extensions
    assert app.test_client().get("/en/reports/sample-2023/").status_code == 200


# Search from a build ----------------------------------------------------------------------

BUILD_QUERIES = ("执行", "案", "案件", "執行", "商事", "法院", "enforcement", "court", "cour",
                 "Fengqiao Experience", "fengqia", "zhixing", "1.95万", "100344", "2023",
                 "收案 10万")


def _listed(results: Results) -> tuple[object, ...]:
    """Return what a page of results shows: each hit's place, item, title, passage and rank."""
    return (tuple((hit.entry.group, hit.entry.part, hit.entry.number,
                   getattr(hit.entry.item, "id", None), hit.title, hit.passage, hit.rank)
                  for hit in results.hits),
            results.counts, results.total, results.page, results.pages, results.offset)


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, Build]:
    """The fixture content's index made in memory, and its build."""
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT)})
    with app.app_context():
        in_memory = SearchIndex(collect_entries(current_content().published()))
    return in_memory, open_build(ensure_built(FIXTURE_CONTENT, tmp_path_factory.mktemp("builds")))


@pytest.mark.parametrize("kept", [build.KEPT_ENTRIES, 2])
def test_a_search_from_a_build_lists_what_one_in_memory_lists(
        indexes: tuple[SearchIndex, Build], kept: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Also with room for two entries kept: what is forgotten is read again, the same.
    monkeypatch.setattr(build, "KEPT_ENTRIES", kept)
    monkeypatch.setattr(build, "KEPT_NAMES", kept)
    in_memory, built = indexes
    stored = built.search_index()
    groups = 0
    for query in BUILD_QUERIES:
        for tag in ("zh-Hans", "zh-Hant", "en"):
            expected = in_memory.search(query, tag)
            assert _listed(stored.search(query, tag)) == _listed(expected), (query, tag)
            # Every group found, listed whole (as the glossary's filter does) and a page of it.
            for group in expected.counts:
                groups += 1
                for page in (None, 1):
                    assert _listed(stored.search(query, tag, group, page)) == _listed(
                        in_memory.search(query, tag, group, page)), (query, tag, group, page)
    assert groups > 20  # The queries find hits in many groups, so that hits are compared.


def test_a_search_from_a_build_reads_no_report(indexes: tuple[SearchIndex, Build],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _in_memory, built = indexes

    def refuse(*_arguments: object) -> None:
        raise AssertionError("a search read a whole report to list its hits")

    monkeypatch.setattr(build._Reader, "_report", refuse)
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "PAGE_CACHE": False,
                      "CONTENT_DIR": str(FIXTURE_CONTENT), "CONTENT_BUILD": True,
                      "CONTENT_BUILD_DIR": str(built.path.parent)})
    found = app.test_client().get(f"/api/v1/search?q={quote('执行')}&lang=en").get_json()
    assert {group["report"] for group in found["groups"]} >= {"sample-2023", "example-2023"}
    # Each named by its title, which the build keeps beside the entries.
    assert all(group["title"].endswith("Court") for group in found["groups"])
