"""Shared fixtures: apps on the fixture content (one per test, and one per session for tests that
only read), one on the real content, and a copy of the fixture content to break."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from webapp import build, create_app
from webapp.build import generation
from webapp.config import LANGUAGES_BY_CODE, PROJECT_ROOT
from webapp.content import load_content
from webapp.content import loading as content_loading
from webapp.content import translations as content_translations
from webapp.content.figures import FigureDisplay
from webapp.content.reports import Content
from webapp.content.sources import block_id
from webapp.content.yamlfile import ContentError, YamlDocument, read_yaml
from webapp.search import SearchIndex
from webapp.views.presenters import display_figure
from webapp.web import content as web_content
from webapp.web import search as web_search
from webapp.web.content import current_content


class SharedTemplates(jinja2.BytecodeCache):
    """Keep templates compiled across the apps the tests create.

    Most tests make an app of their own, and each app's Jinja environment would compile every
    template it renders afresh (about 0.15 s of CPU for a report page). The compiled code is
    shared, keyed by each template's name and file and checked against a digest of its source,
    so a changed template is compiled again; what a page renders is unchanged.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": SharedTemplates()}


class SharedContent:
    """Keep content loaded across the apps the tests create, one copy per generation.

    Loading and validating the fixture content is most of what making an app costs, and most
    tests make one. Models are frozen, so apps may share them; the key is the generation's
    digest of every file (``webapp.build.generation``), so a test that edits its copy of the
    content gets that content loaded afresh, and its problems reported as ever.
    """

    def __init__(self) -> None:
        self.loaded: dict[str, Content] = {}

    def __call__(self, content_dir: Path) -> Content:
        # Models name files relative to the content folder (a build is pickled and opened
        # anywhere), so two copies of the same files share one load.
        key = generation(content_dir)
        if key not in self.loaded:
            self.loaded[key] = load_content(content_dir)
        return self.loaded[key]


# Apps load content on start-up, builds before they write it: both share the loads.
web_content.load_content = build.load_content = SharedContent()


class SharedYaml:
    """Keep each content file parsed across the loads the tests make, keyed by its name and text.

    Tests that check validation break one file of a copy of the fixture content and load it
    all; parsing the files they did not touch is most of that load. The parsed data is only
    read by validation, so loads may share it; a file whose text changed is parsed afresh,
    and a file that fails to parse is never kept, so its problem is reported as ever.
    """

    def __init__(self, parse: Callable[[Path, str], YamlDocument]) -> None:
        self.parse = parse
        self.parsed: dict[tuple[str, str], YamlDocument] = {}

    def __call__(self, path: Path, display_path: str) -> YamlDocument:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return self.parse(path, display_path)  # Reports the unreadable file as it does.
        key = (display_path, text)
        if key not in self.parsed:
            self.parsed[key] = self.parse(path, display_path)
        return dataclasses.replace(self.parsed[key], path=path)


content_loading.read_yaml = content_translations.read_yaml = SharedYaml(read_yaml)


class SharedIndexes:
    """Keep a search index per content the tests' apps search, built once.

    Apps that share loaded content (above) search the same reports; each would build the same
    index in memory at its first search (about 20 ms for the fixture content). The key is the
    identity of the reports and glossary an app's public view holds, kept alive with the index.
    """

    def __init__(self, build: Callable[[Content], SearchIndex]) -> None:
        self.build = build
        self.built: dict[tuple[int, ...], tuple[Content, SearchIndex]] = {}

    def __call__(self, content: Content) -> SearchIndex:
        key = (id(content.glossary), *map(id, content.reports.values()))
        if key not in self.built:
            self.built[key] = (content, self.build(content))
        return self.built[key][1]


web_search.index_in_memory = SharedIndexes(web_search.index_in_memory)

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CONTENT = FIXTURES / "content"
LANGUAGE_CODES = ("zh-hans", "zh-hant", "en")
BRIEFING = "reports/sample-2023/briefing.yaml"
GRAPHIC = "sample-graphic-2024"
EXAMPLE = "example-2023"
FIXTURE_REPORTS = ("example-2023", "sample-2023")
# The index a measure appended to the fixture's measures.yaml gets, in a problem's `[i]`.
APPENDED_MEASURE = len(yaml.safe_load((FIXTURE_CONTENT / "measures.yaml").read_text(encoding="utf-8")))


def displayed(app: Flask, report_id: str, figure_id: str, code: str) -> FigureDisplay:
    """Return how ``app`` shows a figure of a report in the language ``code``."""
    language = LANGUAGES_BY_CODE[code]
    # No locale is forced: the language passed in is the only one formatting may follow.
    with app.test_request_context():
        content = current_content()
        return display_figure(content.reports[report_id].figure(figure_id), content, language)


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the fixture content, for a test to break."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def edit(content_dir: Path, relative: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in a content file; return the 1-based line it was on."""
    path = content_dir / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def edit_paragraph(content_dir: Path, report_id: str, old: str, new: str) -> None:
    """Rewrite a paragraph of a report's source, and its id (a digest of its text) where the
    briefing and the translation name it, so that the content stays whole."""
    edit(content_dir, f"reports/{report_id}/source.txt", old, new)
    for name in ("briefing.yaml", "translation.yaml"):
        path = content_dir / "reports" / report_id / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(block_id(old), block_id(new)), encoding="utf-8")


def name_courts_in_overview(content_dir: Path) -> None:
    """Make the fixture's overview paragraph name courts (示例区法院) as its subject, as a
    region's report names one city's courts beside its own figures."""
    paragraph = "全年共收案100344件，同比上升10.2%；结收比105.5%，同比上升5.5个百分点。"
    edit_paragraph(content_dir, "sample-2023", paragraph, "示例区法院" + paragraph)


def problems(content_dir: Path) -> list[str]:
    """Return the problems loading ``content_dir`` raises, as printed."""
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """An app serving the small fixture report ``sample-2023``."""
    app = create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                      "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def real_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app serving the real content in content/ (loaded once per session)."""
    cache = tmp_path_factory.mktemp("pdf-cache")
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "PDF_CACHE_DIR": str(cache)})


@pytest.fixture(scope="session")
def real_content() -> Content:
    """The real content in content/, loaded once per session (the content real_app serves)."""
    return web_content.load_content(PROJECT_ROOT / "content")


@pytest.fixture
def real_client(real_app: Flask) -> FlaskClient:
    return real_app.test_client()


@pytest.fixture
def graphic_content(tmp_path: Path) -> Path:
    """The fixture content with ``sample-graphic-2024``, a small invented briefing built on an
    infographic (一图读懂): its source keeps the ** emphasis and - bullets of the page."""
    target = tmp_path / "graphic-content"
    shutil.copytree(FIXTURE_CONTENT, target)
    shutil.copytree(FIXTURES / "infographic" / GRAPHIC, target / "reports" / GRAPHIC)
    return target


@pytest.fixture
def graphic_app(graphic_content: Path, tmp_path: Path) -> Flask:
    """An app serving the fixture reports and the infographic ``sample-graphic-2024``."""
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(graphic_content),
                       "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})


@pytest.fixture
def graphic_client(graphic_app: Flask) -> FlaskClient:
    return graphic_app.test_client()


@pytest.fixture(scope="session")
def fixture_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app serving the fixture content, loaded once per session, for tests that only read."""
    cache = tmp_path_factory.mktemp("fixture-pdf-cache")
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(FIXTURE_CONTENT),
                       "PDF_CACHE_DIR": str(cache)})


@pytest.fixture
def fixture_client(fixture_app: Flask) -> FlaskClient:
    return fixture_app.test_client()


@pytest.fixture
def sample_app(tmp_path: Path) -> Flask:
    """An app serving ``sample-2023`` alone, for tests that count what one small report holds."""
    content = tmp_path / "sample-content"
    shutil.copytree(FIXTURE_CONTENT, content, ignore=shutil.ignore_patterns(EXAMPLE))
    return create_app({"TESTING": True, "PDF_PROCESSES": 0, "CONTENT_DIR": str(content),
                       "PDF_CACHE_DIR": str(tmp_path / "pdf-cache")})
