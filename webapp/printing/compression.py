"""Compress a PDF's streams at zlib's default level, not at the slowest.

pydyf, which writes WeasyPrint's PDFs, deflates every stream (the pages' drawing, the embedded
faces, their character maps) at level 9. On the Haidian briefing that took 100-135 ms of a
render for 1.5-2.2 MB of streams; at level 6, zlib's default, 35-50 ms, and the PDF grew by
1-2 % (437 to 440 KB in Simplified Chinese, 594 to 597 KB in Traditional, 334 to 338 KB in
English). The streams inflate to the same bytes: the PDF shows and holds the same.

Installed only on the pydyf it was checked against (``CHECKED_VERSION``): another version
compresses its own way until this is checked again.
"""

from __future__ import annotations

import zlib

CHECKED_VERSION = "0.13.0"
LEVEL = 6


class _Deflate:
    """zlib as pydyf calls it (``compressobj``, ``compress``), at ``LEVEL`` whatever it asks."""

    def __init__(self, level: int) -> None:
        self.level = level

    def compressobj(self, level: int = -1) -> zlib._Compress:
        return zlib.compressobj(self.level)

    def compress(self, data: bytes, level: int = -1) -> bytes:
        return zlib.compress(data, self.level)


def install() -> bool:
    """Make pydyf compress at ``LEVEL`` in this process; return whether it is in effect."""
    import pydyf

    if isinstance(pydyf.zlib, _Deflate):
        return True
    if pydyf.__version__ != CHECKED_VERSION:
        return False
    # pydyf reads zlib from its module's globals at each stream it writes.
    pydyf.zlib = _Deflate(LEVEL)  # type: ignore[assignment]
    return True
