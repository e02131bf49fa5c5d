"""The report drafter: from a court's published work report to a draft briefing.

A plain library, in steps a reader can follow: ``read`` turns a text, HTML, Markdown or PDF
file into the normalized source text; ``numbers`` finds the figures with their qualifiers and
changes; ``parts`` assigns every block to its part of the report; ``summaries`` picks the
sentences that carry a section; ``glossary`` finds candidate terms; ``metadata`` the court,
year and occasion; ``draft`` assembles them into a briefing and ``write`` puts it on disk;
``evaluate`` compares a draft with a hand-written briefing. Every rule is deterministic and
its words are data (``data/lexicon.yaml``): no network, no model.
"""

from __future__ import annotations


class DraftError(Exception):
    """The input cannot be drafted; the message is one line saying why."""
