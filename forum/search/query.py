"""What a reader typed, read the way web search engines read it, and spelled safely for each
back-end.

    baclofen "muscle spasms" -diazepam     both words, the phrase, but not diazepam
    baclofen or diazepam                   either word

Nothing typed reaches SQL as syntax: words are cut out of the text with a regular expression and
each is quoted, so quotes, brackets, asterisks and stray operators can never make FTS5 fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 200  # characters of a query that are read at all
MAX_TERMS = 12
# A minus only excludes at the start of a word ("side-effects" is two words, not an exclusion).
TOKEN = re.compile(r'(?P<minus>(?<!\S)-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>\w+))')
WORD = re.compile(r"\w+")

# The words PostgreSQL's English configuration ignores, ignored on SQLite too, so both
# back-ends find the same documents for the same query.
STOPWORD_TEXT = """
a about above after again against all am an and any are as at be because been before being
below between both but by can did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such t than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with you your yours yourself yourselves s"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase

    def fts5(self) -> str:
        return '"' + " ".join(self.words) + '"'

    def websearch(self) -> str:
        return self.fts5() if len(self.words) > 1 else self.words[0]


@dataclass(frozen=True)
class ParsedQuery:
    """All of `required` (each a set of alternatives joined by OR), none of `excluded`."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.required)

    def fts5(self) -> str:
        """An FTS5 MATCH expression: "a" AND ("b" OR "c") NOT "d"."""
        expression = " AND ".join(_either(group) for group in self.required)
        for term in self.excluded:
            expression += f" NOT {term.fts5()}"
        return expression

    def websearch(self) -> str:
        """The same query in the syntax of PostgreSQL's websearch_to_tsquery()."""
        parts = [" or ".join(term.websearch() for term in group) for group in self.required]
        parts += [f"-{term.websearch()}" for term in self.excluded]
        return " ".join(parts)


def _either(group: tuple[Term, ...]) -> str:
    alternatives = " OR ".join(term.fts5() for term in group)
    return alternatives if len(group) == 1 else f"({alternatives})"


def parse(text: str) -> ParsedQuery:
    """Words and "phrases", `or` between two of them, and a leading minus to leave one out."""
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in TOKEN.finditer(text[:MAX_LENGTH].casefold()):
        negated = match["minus"] is not None
        if match["word"] == "or" and not negated:
            join_next = bool(required)
            continue
        words = WORD.findall(match["phrase"] if match["phrase"] is not None else match["word"])
        term = _term(words)
        if term is None:
            continue
        if negated:
            excluded.append(term)
        elif join_next:
            required[-1].append(term)
        else:
            required.append([term])
        join_next = False
        if len(required) + len(excluded) >= MAX_TERMS:
            break
    return ParsedQuery(tuple(tuple(group) for group in required), tuple(excluded))


def _term(words: list[str]) -> Term | None:
    """A phrase keeps its small words (they hold it together); a lone small word is dropped."""
    if len(words) == 1 and words[0] in STOPWORDS:
        return None
    return Term(tuple(words)) if words else None
