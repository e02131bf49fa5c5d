"""Search the reports and the glossary in any script: an index built once, queried per search.

What a reader can find: glossary entries (headwords, other names, definitions) and, of every
report, its summaries, figures (label and value), highlights, cases and each paragraph of its
text. Texts and queries are folded alike before they are compared, one character for one
(Traditional to Simplified, full-width to half-width, capitals to small letters), so a place in
a folded text is the same place in the text shown: 楓橋 finds 枫桥经验, and 枫桥 finds 楓橋經驗.

The index is SQLite FTS5, built once per content generation into the content's build
(``webapp.build``) and opened read-only by every process, or built in memory from the loaded
content at the first search (apps made for tests, previews of drafts); the web layer keeps one
per app (``webapp.web.search``). Chinese goes in as single characters and as
overlapping pairs of characters, so one- and two-character words are found (FTS5's trigram
tokenizer finds nothing under three). Toneless pinyin is read as the Chinese of the indexed
texts that sounds so (fengqiao: 枫桥), from the pinyin of every pair of characters there.
English words go in as written and as Snowball stems (mediate finds mediation). Numbers, read
with their thousands separators and 万/亿 scales, go into a table of values: 100344, 100,344 and
10万 find 100344件. The index proposes entries; each is then checked, and its matches marked, on
the text in the reader's language.

Results come a group at a time (a kind of entry in one report, or the glossary): glossary terms
first, then report by report its figures, summaries, highlights, cases and text. Within the
glossary, figures and cases the best matches lead (a term whose headword holds the query before
one that mentions it in passing); a search lists the first few of each group, and every hit of
a group can be listed, a page at a time.

``text`` folds, reads pinyin, stems and reads numbers; ``query`` reads what a reader types;
``entries`` collects what can be found from the content; ``index`` holds and queries the index;
``check`` confirms, marks and ranks what it proposes.
"""

from __future__ import annotations

from .check import Hit, Marked
from .entries import Entry, Field, GroupKey, Kind, ReportRef, collect_entries
from .index import (
    MAX_HITS,
    PER_GROUP,
    EntrySource,
    GroupRuns,
    Results,
    SearchIndex,
    StoredIndex,
)
from .query import MAX_QUERY_LENGTH, HanPiece, LatinPiece, NumberPiece, QueryError, parse_query
from .text import fold

__all__ = [
    "MAX_HITS", "MAX_QUERY_LENGTH", "PER_GROUP", "Entry", "EntrySource", "Field", "GroupKey",
    "GroupRuns", "HanPiece", "Hit", "Kind", "LatinPiece", "Marked", "NumberPiece", "QueryError",
    "ReportRef", "Results", "SearchIndex", "StoredIndex", "collect_entries", "fold",
    "parse_query",
]
