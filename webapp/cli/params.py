"""Parameters the commands share: a report id, checked before it names a file."""

from __future__ import annotations

import click

from ..content.texts import SLUG_MAX_LENGTH, is_slug


class ReportIdType(click.ParamType):
    """A report id, checked before the command runs: it names a folder and files."""

    name = "report id"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        if isinstance(value, str) and is_slug(value):
            return value
        self.fail(f"{str(value)[:SLUG_MAX_LENGTH + 1]!r} is not a report id: kebab-case "
                  f"(lowercase letters, digits, -), at most {SLUG_MAX_LENGTH} characters",
                  param, ctx)


REPORT_ID = ReportIdType()
