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


def report_origin(source: str, origins: Mapping[str, str]) -> str:
    """Where a report comes from: its wire when sources.csv names one, else its publisher's site."""
    if origins.get(source):
        return origins[source]
    host = (urlparse(source).hostname or source).lower()
    return host.removeprefix("www.")


def independent_reports(sources: Iterable[str], origins: Mapping[str, str]) -> list[str]:
    """The distinct origins among the reports (not the articles) in ``sources``, in order."""
    found: list[str] = []
    for source in sources:
        if is_report(source) and (origin := report_origin(source, origins)) not in found:
            found.append(origin)
    return found


def derived_confidence(sources: Iterable[str], origins: Mapping[str, str]) -> str:
    """The label the rule gives: two or more independent reports name the area: confirmed; one:
    single source; none (only the project's articles name it): articles only."""
    count = len(independent_reports(sources, origins))
    return CONFIRMED if count >= 2 else SINGLE if count == 1 else ARTICLES_ONLY
