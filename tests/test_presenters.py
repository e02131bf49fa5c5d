"""What the presenters hand out as files: the figures' CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from webapp.views.presenters import records_csv, spreadsheet_safe


@pytest.mark.parametrize(("cell", "written"), [
    ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    # Numbers are data, as numbers or as text: never changed.
    ("-5", "-5"), ("+3.2%", "+3.2%"), ("-1,234.5", "-1,234.5"), ("-.5", "-.5"),
    (-5, -5), (Decimal("-2.5"), Decimal("-2.5")),
    ("审结商事案件1.95万件", "审结商事案件1.95万件"), ("plain text", "plain text"),
])
def test_a_cell_a_spreadsheet_would_run_is_neutralized(cell: object, written: object) -> None:
    assert spreadsheet_safe(cell) == written


def test_the_csv_writes_neutralized_cells_and_numbers_as_they_are() -> None:
    text = records_csv([{"label": "=1+1", "value": -5, "change": "-3.5%"}])
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [["label", "value", "change"], ["'=1+1", "-5", "-3.5%"]]
