"""The OpenAPI document, and a bounded schemathesis run of the API against it, in-process.

Schemathesis reads /api/v1/openapi.json from the app (WSGI), generates requests from it (valid
ones and, in negative mode, invalid ones) and checks every answer: never a 5xx, always a
documented status and content type, a body that matches the schema, an Allow header on 405.
"""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

# Each operation gets this many generated requests: enough to reach the error paths, few
# enough for `make test` on two cores (about 10 s in all).
EXAMPLES = 40


@pytest.fixture(scope="module")
def api_schema(real_app: Flask) -> schemathesis.BaseSchema:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", real_app)
    schema.config.generation.update(modes=list(GenerationMode), max_examples=EXAMPLES,
                                    deterministic=True)
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_the_api_keeps_to_its_document(case: schemathesis.Case) -> None:
    # A valid request may still name a report that does not exist (a 400 or 404 it documents),
    # and `lang` takes other spellings than the codes it lists (zh-TW): that is the API
    # answering well, not rejecting valid data or accepting invalid data.
    case.call_and_validate(excluded_checks=[positive_data_acceptance, negative_data_rejection])


def test_the_document_covers_every_endpoint_of_the_api(real_app: Flask,
                                                       real_client: FlaskClient) -> None:
    document = real_client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    endpoints = {rule.rule.replace("<report_id>", "{report_id}")
                 for rule in real_app.url_map.iter_rules() if rule.rule.startswith("/api/v1/")}
    assert set(document["paths"]) == endpoints - {"/api/v1/openapi.json"}
    assert {"/api/v1/compare", "/api/v1/glossary", "/api/v1/measures", "/api/v1/reports",
            "/api/v1/reports/{report_id}", "/api/v1/reports/{report_id}/source"} <= endpoints
    schemas = document["components"]["schemas"]
    for path, item in document["paths"].items():
        operation = item["get"]
        assert operation["summary"], path
        for status, response in operation["responses"].items():
            reference = response["content"]["application/json"]["schema"]["$ref"]
            assert reference.removeprefix("#/components/schemas/") in schemas, (path, status)
        assert "400" in operation["responses"], path
        assert any(parameter["name"] == "lang" for parameter in operation["parameters"]), path
    assert schemas["ApiError"]["required"] == ["error"]


def test_the_document_is_generated_from_the_models_the_api_answers_with(
        real_client: FlaskClient) -> None:
    document = real_client.get("/api/v1/openapi.json").get_json()
    figure = document["components"]["schemas"]["Figure"]
    # What the API answers has exactly the keys the document declares.
    data = real_client.get("/api/v1/reports/haidian-2023?lang=en").get_json()
    assert set(data["figures"][0]) == set(figure["properties"])
    assert figure["additionalProperties"] is False
    cell = document["components"]["schemas"]["CompareCell"]
    assert set(cell["properties"]) == {"report", "scope", "figure", "previous_year", "parts"}
