"""How sure a row is, from the sources it cites (the rule written in data/README.md).

A row's ``source`` lists the sources that name the area (its title, or its place in a list of
awarded areas); ``date_source`` lists those that support only the date and does not count. The
project's own articles (files in data/sources/) are where the lists come from; a label says how
many independent reports beyond them also name the area. Reports are independent when they come
from different origins: a report that relays another's wire (sources.csv ``origin``) counts as
that wire, so two copies of one wire item count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlparse

CONFIRMED, SINGLE, ARTICLES_ONLY = "confirmed", "single source", "articles only"


def is_report(source: str) -> bool:
    """A report beyond the project's articles: a public URL (articles are file names)."""
    return source.lower().startswith(("http://", "https://"))


def first_text(source: str, origins: Mapping[str, str]) -> str:
    """What ``source`` copies, followed through copies of copies (sources.csv ``origin``) to the
    first text: a URL, an article's file name, or the name of a wire or an outlet."""
    seen = {source}
    while origins.get(source) and origins[source] not in seen:
        source = origins[source]
        seen.add(source)
    return source


def report_origin(source: str, origins: Mapping[str, str]) -> str:
    """Where a report comes from: the first text it copies when sources.csv names one (a wire, an
    outlet's site), else its publisher's site; "" for a copy of one of the project's articles."""
    first = first_text(source, origins)
    if is_report(first):
        return (urlparse(first).hostname or first).lower().removeprefix("www.")
    if first != source and first.endswith(".txt"):
        return ""  # a copy of an article in sources/: the article, already counted as one
    return first.removeprefix("www.")


def copies(sources: Iterable[str], origins: Mapping[str, str]) -> list[tuple[str, str]]:
    """The reports in ``sources`` that copy another text (sources.csv ``origin``), with what they copy."""
    return [(s, first_text(s, origins)) for s in sources if is_report(s) and first_text(s, origins) != s]


def independent_reports(sources: Iterable[str], origins: Mapping[str, str]) -> list[str]:
    """The distinct origins among the reports (not the articles, nor copies of them) in ``sources``, in order."""
    found: list[str] = []
    for source in sources:
        if is_report(source) and (origin := report_origin(source, origins)) and origin not in found:
            found.append(origin)
    return found


def derived_confidence(sources: Iterable[str], origins: Mapping[str, str]) -> str:
    """The label the rule gives: two or more independent reports name the area: confirmed; one:
    single source; none (only the project's articles name it): articles only."""
    count = len(independent_reports(sources, origins))
    return CONFIRMED if count >= 2 else SINGLE if count == 1 else ARTICLES_ONLY
