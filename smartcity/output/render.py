"""HTML fragments for panels and lists. Every value from a data file goes through ``html.escape``;
only http(s) URLs become links. The dashboard shows these with ``st.html``."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlparse

import pandas as pd

from smartcity.data.checks import URL_PATTERN
from smartcity.data.confidence import independent_reports
from smartcity.data.sourcenames import SourceNames, source_origins
from smartcity.i18n import THAI_WORDS, format_date, format_number, format_share, localised, region_name, text
from smartcity.model.summaries import map_summary
from smartcity.output.choropleth import area_line
from smartcity.theme import css


def escape(value: object) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def demote_headings(markdown: str, levels: int = 2) -> str:
    """Markdown with every heading ``levels`` lower (a README's "# title" under the page's own h1)."""
    return re.sub(r"^(#{1,6}) ", lambda m: "#" * min(6, len(m.group(1)) + levels) + " ", markdown, flags=re.M)


def link(url: str, label: str) -> str:
    """An external link when ``url`` is http(s); otherwise the label as plain text."""
    if not URL_PATTERN.match(url) or urlparse(url).scheme.lower() not in ("http", "https"):
        return escape(label)
    return f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(label)}</a>'


def source_label(source: str, lang: str, known: SourceNames) -> str:
    """A source as people know it: its publisher and date (``known``: sources.csv's rows,
    ``Tables.source_names``), else a URL's site or the article's number."""
    row = known.get(source)
    if row:
        publisher = row.get(localised("publisher", lang)) or row.get("publisher_en", "")
        date = row.get("published_on", "")
        if date:
            return f"{publisher}, {format_date(date, lang)}"
        # An article with no date says so; a web page's date is only not recorded here.
        return publisher if URL_PATTERN.match(source) else f"{publisher} ({text('undated', lang)})"
    if URL_PATTERN.match(source):
        return urlparse(source).netloc.removeprefix("www.")
    return text("article", lang, name=source.split("_")[0])


def source_links(sources: Iterable[str], lang: str, known: SourceNames) -> str:
    return ", ".join(link(s, source_label(s, lang, known)) for s in sources)


def area_name(area: pd.Series, lang: str) -> str:
    """The area's name in ``lang``; English names that are our translation say so, and where no
    Thai title was found the English one stands in, saying so."""
    if lang == "th":
        return area["name_th"] or f"{area['name_en']}{text('no_thai_name', lang)}"
    note = text("translation_note", lang) if area.get("name_en_basis") == "translation" else ""
    return f"{area['name_en']}{note}"


def province_panel(
    province: pd.Series, areas: pd.DataFrame, lang: str, round_labels: dict[int, str], known: SourceNames
) -> str:
    """The panel for one province: its region and population, then each area with round, date, sources."""
    name = province[localised("name", lang)]
    year = format_date(province["population_date"], lang)
    summary = text(
        "panel_region_population",
        lang,
        region=region_name(province["region"], lang),
        population=format_number(province["population"], lang),
        year=year,
    )
    parts = [
        '<section class="scm-panel" aria-live="polite">',
        f"<h3>{escape(text('panel_title', lang, name=name))}</h3>",
        f'<p class="scm-muted">{escape(summary)}</p>',
    ]
    if areas.empty:
        parts.append(f"<p>{escape(text('panel_none', lang, name=name))}</p>")
    else:
        parts.append("<ol>")
        for _, area in areas.iterrows():
            round_label = round_labels.get(int(area["round"]), text("round_n", lang, n=int(area["round"])))
            sources = source_links(area["source"], lang, known)
            parts.append(
                f"<li><b>{escape(area_name(area, lang))}</b><br>"
                f'<span class="scm-muted">{escape(round_label)}</span> {status_badge(area, lang, known)}<br>'
                f'<span class="scm-small">{escape(text("sources_label", lang))}: {sources}</span><br>'
                f'<span class="scm-small scm-muted">{escape(confidence_reason(area, lang, known))}</span></li>'
            )
        parts.append("</ol>")
    parts.append("</section>")
    return "".join(parts)


def province_table(joined: pd.DataFrame, lang: str, round_labels: dict[int, str]) -> str:
    """The map as a table, for screen readers and anyone who would rather read: each selected
    province with an area, most areas first, its areas with their status; the caption is the
    map's text alternative."""
    selected = joined[joined["in_selection"] & (joined["area_count"] > 0)]
    selected = selected.sort_values(["area_count", localised("name", lang)], ascending=[False, True])
    headers = [text(key, lang) for key in ("province", "region", "map_table_areas", "map_table_first_round")]
    rows = []
    for _, row in selected.iterrows():
        areas = zip(row[localised("area_names", lang)].split("\n"), row["area_statuses"].split("\n"), strict=True)
        first = (
            "" if pd.isna(row["first_round"]) else round_labels.get(int(row["first_round"]), str(row["first_round"]))
        )
        cells = [
            f'<th scope="row">{escape(row[localised("name", lang)])}</th>',
            f"<td>{escape(region_name(row['region'], lang))}</td>",
            "<td>" + "<br>".join(escape(area_line(name, status, lang)) for name, status in areas) + "</td>",
            f"<td>{escape(first)}</td>",
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    return (
        f'<table class="scm-table"><caption>{escape(map_summary(joined, lang))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def html_table(headers: list[tuple[str, bool]], rows: list[list[str]], caption: str = "") -> str:
    """A whole table that wraps to its column (a data grid cuts its right-hand columns off):
    ``headers`` as (label, is a number); ``rows`` of plain text, the first cell heading its row."""
    numeric = [number for _, number in headers]
    number_class = ' class="scm-number"'
    head = "".join(f'<th scope="col"{number_class if number else ""}>{escape(label)}</th>' for label, number in headers)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>']
        cells += [
            f'<td class="scm-number">{escape(cell)}</td>' if numeric[i + 1] else f"<td>{escape(cell)}</td>"
            for i, cell in enumerate(row[1:])
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="scm-table">{title}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def region_coverage_table(summary: pd.DataFrame, lang: str) -> str:
    """Coverage by region (summaries.coverage_by_region): provinces with a certified area, areas,
    and the registered population of those provinces, with its share."""
    headers = [
        (text("col_region", lang), False),
        (text("coverage_provinces", lang), True),
        (text("coverage_areas", lang), True),
        (text("population_covered_col", lang), True),
        (text("population_share_col", lang), True),
    ]
    rows = [
        [
            region_name(row["region"], lang),
            f"{format_number(row['provinces_covered'], lang)} / {format_number(row['provinces'], lang)}",
            format_number(row["areas"], lang),
            f"{format_number(row['population_covered'], lang)} / {format_number(row['population'], lang)}",
            format_share(row["population_share"], lang),
        ]
        for _, row in summary.iterrows()
    ]
    return html_table(headers, rows)


def body_coverage_table(bodies: pd.DataFrame, lang: str) -> str:
    """Areas by the kind of body that runs them (summaries.coverage_by_body); unknown last."""
    headers = [
        (text("body_kind_col", lang), False),
        (text("coverage_areas", lang), True),
        (text("col_provinces", lang), True),
    ]
    rows = [
        [
            text(f"body_kind_{row['kind']}" if row["kind"] else "body_kind_unknown", lang),
            format_number(row["areas"], lang),
            format_number(row["provinces"], lang),
        ]
        for _, row in bodies.iterrows()
    ]
    return html_table(headers, rows)


def pilots_panel(
    became: list[tuple[str, str]], not_found: list[tuple[str, str]], lang: str, source: str, known: SourceNames
) -> str:
    """Which of the 2020 pilot municipalities became certified areas, and which did not."""
    total = len(became) + len(not_found)
    parts = [
        '<section class="scm-panel">',
        f"<p>{escape(text('pilots_summary', lang, n=format_number(len(became), lang), total=total))}</p>",
        f"<h3>{escape(text('pilots_became', lang))} ({len(became)})</h3><ul>",
        *(f"<li><b>{escape(pilot)}</b>: {escape(area)}</li>" for pilot, area in became),
        f"</ul><h3>{escape(text('pilots_not', lang))} ({len(not_found)})</h3><ul>",
        # The reasons are written in English in pilots.csv; the Thai page lists the names.
        *(
            f"<li><b>{escape(pilot)}</b>"
            + (f': <span class="scm-muted">{escape(why)}</span>' if lang == "en" else "")
            + "</li>"
            for pilot, why in not_found
        ),
        f'</ul><p class="scm-small scm-muted">{escape(text("pilots_source", lang, source=source_label(source, lang, known)))}</p>',
        "</section>",
    ]
    return "".join(parts)


def headline_texts(headline, lang: str) -> dict[str, tuple[str, str]]:
    """The headline figures as shown (label, value), the same on the overview, the export and the brief."""
    return {
        "areas": (text("headline_areas", lang), format_number(headline.certified, lang)),
        "reported": (text("headline_reported", lang), format_number(headline.reported, lang)),
        "provinces": (
            text("headline_provinces", lang),
            text("of_total", lang, n=headline.provinces_covered, total=headline.provinces_total),
        ),
        "regions": (
            text("headline_regions", lang),
            text("of_total", lang, n=headline.regions_covered, total=headline.regions_total),
        ),
    }


def stated_total_card(total, lang: str, known: SourceNames) -> str:
    """The total an announcement stated beside what the area list gives; flagged when they differ."""
    stated = " · ".join(
        text(f"unit_{metric}", lang, value=format_number(value, lang))
        for metric, value in (("areas_total", total.areas_stated), ("provinces_total", total.provinces_stated))
        if value is not None
    )
    line = text(
        "stated_vs_list",
        lang,
        stated=stated,
        sources="{sources}",
        areas=total.areas_listed,
        provinces=total.provinces_listed,
    )
    # The line is escaped text with the source links (escaped HTML) put in its one placeholder.
    body = escape(line).replace("{sources}", source_links(total.sources, lang, known))
    if total.conflicting:
        body += f"<br><b>{escape(text('stated_conflict', lang))}</b>"
    return f'<div class="scm-card{" scm-conflict" if total.conflicting else ""} scm-small">{body}</div>'


def confidence_reason(area: pd.Series, lang: str, known: SourceNames) -> str:
    """Why the area's label is what it is: the independent reports that name it (the rule in
    data/README.md), and the sources that support only its date."""
    # The label shown is the latest status event's where there is one (status_badge): so are its sources.
    from_status = bool(area.get("status_confidence"))
    reports = independent_reports(area["status_source"] if from_status else area["source"], source_origins(known))
    if reports:
        reason = text("confidence_why", lang, n=len(reports), names=", ".join(reports))
    else:
        reason = text("confidence_why_none", lang)
    dates = None if from_status else area.get("date_source")
    if isinstance(dates, tuple | list) and dates:
        reason += " " + text("confidence_date_only", lang, names=", ".join(source_label(d, lang, known) for d in dates))
    return reason


def other_award_date(area: pd.Series, lang: str, known: SourceNames) -> str:
    """' (25 Dec 2021 in another source: …)' where a source gives another award date; else ''."""
    other = area.get("certified_on_other")
    if other is None or (not isinstance(other, str) and pd.isna(other)) or other == "":
        return ""
    names = ", ".join(source_label(s, lang, known) for s in area.get("certified_other_source") or ())
    return " " + text("award_date_other", lang, date=format_date(other, lang), sources=names)


def status_badge(area: pd.Series, lang: str, known: SourceNames) -> str:
    """The area's status with its date, how sure it is, and (when it is not the award) its source."""
    status = area.get("status") or "certified"
    date = area.get("status_date") or area.get("certified_on")
    label = f"{text('status_' + status, lang)} {format_date(date, lang)}".strip()
    other = other_award_date(area, lang, known)
    if status == "certified":
        label += other
    if status == "renewed":
        awarded = text("status_certified", lang) + " " + format_date(area.get("certified_on"), lang) + other
        label = f"{awarded} · {label}"
    confidence = area.get("status_confidence") or area.get("confidence") or ""
    extra = ""
    if confidence:
        # A reported area's label is about the report: the award itself was not found.
        key = "confidence_label_reported" if status == "reported" else "confidence_label"
        extra = f" · {text(key, lang, value=text('confidence_' + confidence, lang))}"
    sources = ""
    if status != "certified" and area.get("status_source"):
        sources = f" ({source_links(area['status_source'], lang, known)})"
    return f'<span class="scm-status scm-status-{escape(status)}">{escape(label + extra)}</span>{sources}'


def timeline_step(step, lang: str, province_names: dict[str, str], known: SourceNames) -> str:
    """One timeline event: kind, date(s) (with a note when sources disagree), title, provinces, sources."""
    dates = " / ".join(format_date(d, lang) for d in step.dates)
    parts = [
        '<section class="scm-card' + (" scm-conflict" if step.conflicting else "") + '">',
        f'<span class="scm-tag">{escape(text("kind_" + step.kind, lang))}</span>',
        f'<span class="scm-muted">{escape(dates)}</span>',
        f'<div class="scm-value" style="font-size:1.05rem;margin:.3rem 0">{escape(getattr(step, localised("title", lang)))}</div>',
    ]
    if step.conflicting:
        parts.append(f'<div class="scm-small">{escape(text("date_conflict", lang, dates=dates))}</div>')
    if step.provinces:
        names = ", ".join(province_names.get(code, code) for code in step.provinces)
        parts.append(f'<div class="scm-small scm-muted">{escape(text("provinces_concerned", lang, names=names))}</div>')
    parts.append(
        f'<div class="scm-small">{escape(text("sources_label", lang))}: {source_links(step.sources, lang, known)}</div>'
    )
    parts.append("</section>")
    return "".join(parts)


def claim_value(claim: pd.Series, lang: str) -> str:
    """'กว่า 20,000 ล้านบาท' / 'more than 20,000 million baht', exactly as stated."""
    qualifier = text(f"qualifier_{claim['qualifier'] or ''}", lang)
    value = qualifier + text(f"unit_{claim['metric']}", lang, value=format_number(claim["value"], lang))
    target_by = claim.get("target_by")
    if target_by is not None and not pd.isna(target_by):
        value += " " + text("target_by", lang, year=format_date(str(int(target_by)), lang))
    return value


def statement_tag(claim: pd.Series, lang: str) -> str:
    """The kind of statement the figure is (expected, planned, announced, realised, target), beside it."""
    kind = claim.get("statement") or ""
    if not kind:
        return ""
    label = text("statement_" + kind, lang)
    return f'<span class="scm-tag scm-statement scm-statement-{escape(kind)}">{escape(label)}</span>'


def claim_card(claim: pd.Series, lang: str, known: SourceNames) -> str:
    dated = bool(claim["stated_on"]) and not pd.isna(claim["stated_on"])
    stated = format_date(claim["stated_on"], lang) if dated else text("undated", lang)
    when = text("stated_on", lang, date=stated) if dated else stated
    conflict = " scm-conflict" if claim["conflict_group"] else ""
    words = claim.get("statement_words") or ""
    quoted = (
        f'<div class="scm-small scm-muted">{escape(text("statement_words_label", lang, words=words))}</div>'
        if words
        else ""
    )
    return (
        f'<section class="scm-card{conflict}">'
        f'<span class="scm-tag">{escape(text("metric_" + claim["metric"], lang))}</span>'
        f"{statement_tag(claim, lang)}"
        f'<div class="scm-value">{escape(claim_value(claim, lang))}</div>'
        f"<div>{escape(claim[localised('scope', lang)])}</div>"
        f"{quoted}"
        f'<div class="scm-small scm-muted">{escape(when)} · {escape(text("sources_label", lang))}: '
        f"{source_links(claim['source'], lang, known)}</div>"
        "</section>"
    )


ClaimBlocks = list[tuple[str, list[tuple[str | None, list[str]]]]]
# The announced figures beside the areas: investment and the people an area serves.
FIGURE_METRICS = ("investment_mthb", "investment_musd", "population_served")


def claim_groups(
    tables, lang: str, rounds: tuple[int, ...] | None = None, metrics: tuple[str, ...] | None = None
) -> ClaimBlocks:
    """Claim cards grouped by round (those of ``rounds``; None: all), then programme-wide ones;
    within each, the cards of one conflict group together (a group name; None for a lone claim).
    ``metrics``: only claims of these metrics (None: all)."""
    labels = tables.round_index.labels(lang)
    claims = tables.claims if metrics is None else tables.claims[tables.claims["metric"].isin(metrics)]
    shown = sorted(labels) if rounds is None else [r for r in sorted(labels) if r in rounds]
    groups = [(labels.get(r, text("round_n", lang, n=r)), claims[claims["round"] == r]) for r in shown]
    groups.append((text("claims_programme", lang), claims[claims["round"].isna()]))
    result = []
    for title, group in groups:
        if group.empty:
            continue
        blocks = []
        for conflict, members in group.groupby(group["conflict_group"].replace("", None), dropna=False, sort=False):
            cards = [claim_card(claim, lang, tables.source_names) for _, claim in members.iterrows()]
            blocks.append((None if pd.isna(conflict) or len(members) == 1 else str(conflict), cards))
        result.append((title, blocks))
    return result


def claim_layout(groups: ClaimBlocks) -> Iterator[tuple[str, str | list[str]]]:
    """How the claims of ``groups`` are laid out, in reading order: ("round", the title of a round
    or of the programme), then ("card", a card) for each claim that stands alone, and
    ("conflict", the cards) for the claims of a conflict group, shown side by side under a note
    that they disagree. The investment page and the brief both lay the claims out so."""
    for title, blocks in groups:
        yield "round", title
        for conflict, cards in blocks:
            if conflict is None:
                for card in cards:
                    yield "card", card
            else:
                yield "conflict", cards


PROGRAMME_TOPIC_ORDER = ("benefit", "governance", "application", "focus_area", "national_plan", "procurement", "people")


def programme_sections(programme: pd.DataFrame | None, lang: str, known: SourceNames) -> list[tuple[str, str]]:
    """How the programme works (programme.csv), one (title, HTML) per topic in reading order: each
    fact with its detail, the source's own words and the source."""
    if programme is None or programme.empty:
        return []
    sections = []
    for topic in PROGRAMME_TOPIC_ORDER:
        rows = programme[programme["topic"] == topic].sort_values("order")
        if rows.empty:
            continue
        cards = "".join(programme_card(row, lang, known) for _, row in rows.iterrows())
        sections.append((text("programme_topic_" + topic, lang), f'<div class="scm-programme">{cards}</div>'))
    return sections


def programme_card(row: pd.Series, lang: str, known: SourceNames) -> str:
    when = f" · {escape(text('as_of_date', lang, date=format_date(row['as_of'], lang)))}" if row["as_of"] else ""
    return (
        '<section class="scm-card">'
        f'<div class="scm-value" style="font-size:1.05rem">{escape(row[localised("title", lang)])}</div>'
        f"<div>{escape(row[localised('detail', lang)])}</div>"
        f'<div class="scm-small scm-muted">{escape(text("statement_words_label", lang, words=row["quote"]))}</div>'
        f'<div class="scm-small">{escape(text("sources_label", lang))}: {source_links(row["source"], lang, known)}{when}</div>'
        "</section>"
    )


# Longest first: a compound is kept whole before its parts are.
THAI_WORD = re.compile("|".join(re.escape(html.escape(w)) for w in sorted(THAI_WORDS, key=len, reverse=True)))


def thai_words(escaped: str) -> str:
    """Escaped Thai text with each of THAI_WORDS in a span that no line break enters: a line
    breaks between words, never inside one."""
    return THAI_WORD.sub(lambda m: f'<span class="scm-word">{m.group(0)}</span>', escaped)


# A long caption in smaller type, so that the stage's side still fits the screen (PRESENTER_CSS).
PRESENTER_CAPTION_SIZES = ((120, "scm-present-long"), (60, "scm-present-medium"))


def presenter_caption(date: str, caption: str, areas: int, provinces: int, lang: str, reported: int = 0) -> str:
    """The stage's caption (date and event) and its figures, in type readable from the back.

    ``areas`` and ``provinces`` count certified areas; ``reported`` areas (award not found) are
    named on their own line, never added in.
    """
    reported_line = ""
    if reported:
        reported_line = (
            f'<div class="scm-present-reported">+ {format_number(reported, lang)} '
            f"{escape(text('headline_reported', lang))}</div>"
        )
    size = next((name for length, name in PRESENTER_CAPTION_SIZES if len(caption) > length), "")
    return (
        f'<div class="scm-present-caption {size}" aria-live="polite"><div class="scm-present-date">{escape(date)}</div>'
        f"<div>{thai_words(escape(caption)) if lang == 'th' else escape(caption)}</div></div>"
        f'<div class="scm-present-figure"><span>{format_number(areas, lang)}</span>'
        f"<small>{escape(text('cumulative_certified', lang))}</small>{reported_line}</div>"
        f'<div class="scm-present-figure"><span>{escape(text("of_total", lang, n=provinces, total=77))}</span>'
        f"<small>{escape(text('headline_provinces_certified', lang))}</small></div>"
    )


def presenter_qr(url: str, qr_data_uri: str) -> str:
    """The hand-off QR code with the URL it encodes written beside it."""
    return (
        f'<div class="scm-present-qr"><img src="{escape(qr_data_uri)}" alt="{escape(url)}" width="200" height="200">'
        f'<div class="scm-present-url" data-url="{escape(url)}">{escape(url)}</div></div>'
    )


PANEL_CSS = css("""
<style>
.scm-panel h3 { margin: 0 0 .25rem 0; font-size: 1.15rem; }
/* Brought into view below Streamlit's fixed header, not under it. */
.scm-panel { scroll-margin-top: 4.5rem; }
.scm-panel ol { padding-left: 1.3rem; margin: .4rem 0; }
.scm-panel li { margin-bottom: .6rem; line-height: 1.45; }
.scm-muted { color: $muted; }
/* Captions: Streamlit draws them at 60% opacity (4.2:1 on white), below WCAG AA's 4.5:1. */
[data-testid="stCaptionContainer"] { color: $muted !important; opacity: 1 !important; }
/* One h1 a page: the dashboard's title, at the size the old h3 had. */
.st-key-app_title h1 { font-size: 1.75rem; padding: 0.5rem 0 0.25rem; }
/* A script-only st.html (page_script, scroll_into_view_script) takes no room in the page's gaps. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) { display: none; }
.scm-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.scm-small { font-size: .85rem; }
/* A long source URL (percent-encoded Thai runs to hundreds of characters) breaks where it must,
   rather than making the page wider than its window. */
[data-testid="stMain"] a { overflow-wrap: anywhere; }
.scm-card { border: 1px solid $rule; border-radius: 8px; padding: .7rem .9rem; margin-bottom: .6rem; background: $white; }
.scm-conflict { border-left: 4px solid $conflict; }
.scm-value { font-size: 1.35rem; font-weight: 650; }
.scm-headline { font-size: 1.5rem; font-weight: 650; line-height: 1.35; margin: 0; }
/* The language switch's place is kept while a session's first run leaves it out, so that on a
   phone, where it sits above the map, the map does not move when it arrives. */
[data-testid="stHorizontalBlock"]:has(.st-key-app_title) > [data-testid="stColumn"]:last-child { min-height: 2.5rem; }
/* The switch takes the width its two names need (a sixth of the row cut "English" to "Er" at
   1024 px); the title's column gives way. */
[data-testid="stHorizontalBlock"]:has(.st-key-app_title) > [data-testid="stColumn"]:last-child {
  flex: 0 0 auto !important; width: auto !important; min-width: max-content; }
@media (min-width: 641px) {
  [data-testid="stHorizontalBlock"]:has(.st-key-app_title) > [data-testid="stColumn"]:first-child {
    flex: 1 1 0 !important; min-width: 0 !important; } }
@media (max-width: 640px) { [data-testid="stMetricValue"] { font-size: 1.6rem; } }
.scm-status { display:inline-block; font-size:.8rem; padding:0 .45rem; border-radius: 4px; border: 1px solid $certified; color:$certified_ink; }
.scm-status-renewed { border-color:$renewed; color:$renewed_ink; }
.scm-status-reported { border: 2px dashed $reported_border; color:$reported_ink; }
.scm-tag { display:inline-block; font-size:.78rem; padding:0 .45rem; border-radius: 999px; background:$tag_background; color:$tag_ink; margin-right:.3rem; }
.scm-statement { font-weight:600; border:1px solid $tag_ink; background:$white; }
.scm-statement-expected, .scm-statement-planned { border-style:dashed; }
/* Region and "as of" on the page itself where the sidebar is folded away (Streamlit folds it
   at 768 px and below); the sidebar keeps them on wider screens. */
[data-testid="stLayoutWrapper"]:has(> .st-key-phone_filters) { display: none; }
@media (max-width: 768px) { [data-testid="stLayoutWrapper"]:has(> .st-key-phone_filters) { display: flex; } }
/* A session's first overview sends the map before the filters (ui/map.py): the row's room is
   kept meanwhile, so the map does not move down when they arrive (its height at a phone's width,
   where "as of" wraps onto a second line). */
@media (max-width: 768px) { .st-key-phone_filters { min-height: 180px; } }
.scm-table { border-collapse: collapse; width: 100%; font-size: .9rem; }
/* A chart's lines named under it, each name wrapping beside its sample line. */
.scm-chart-legend { list-style: none; padding: 0; margin: -.5rem 0 1rem; font-size: .85rem; color: $ink; }
.scm-chart-legend li { display: flex; gap: .5rem; align-items: center; margin: .15rem 0; }
.scm-legend-mark { flex: none; width: 2.4rem; display: inline-flex; align-items: center; }
.scm-legend-line { flex: none; width: 2rem; height: 0; }
.scm-legend-end { flex: none; width: .5rem; height: .5rem; margin-left: -.3rem; transform: rotate(45deg); }
.scm-table caption { text-align: left; color: $muted; padding-bottom: .3rem; }
.scm-table th, .scm-table td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid $rule; vertical-align: top; }
.scm-table td.scm-number, .scm-table th.scm-number { text-align: right; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
</style>
""")

# Motion preference travels in the URL: the server cannot read the browser's media query.
MOTION_PARAM, REDUCED_MOTION = "motion", "reduce"


def page_script(lang: str) -> str:
    """The main page's own script: its ``lang`` follows the language switch (Streamlit's page
    says "en" whatever is shown), and a reader who asked the system for reduced motion gets
    ``?motion=reduce``, which stops the presenter from advancing on its own."""
    return f"""<script>
document.documentElement.lang = {json.dumps(lang)};
if (window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches) {{
  var url = new URL(location.href);
  if (url.searchParams.get({json.dumps(MOTION_PARAM)}) !== {json.dumps(REDUCED_MOTION)}) {{
    url.searchParams.set({json.dumps(MOTION_PARAM)}, {json.dumps(REDUCED_MOTION)});
    location.replace(url.href);
  }}
}}
</script>"""


def scroll_into_view_script(selector: str, nonce: int) -> str:
    """Bring the element ``selector`` into view if it is off screen (a phone, where the panel a
    tap opened is below the map); ``nonce`` makes each request a new element, so it runs again."""
    return f"""<script data-nonce="{nonce}">
requestAnimationFrame(function () {{
  var target = document.querySelector({json.dumps(selector)});
  if (!target) return;
  var box = target.getBoundingClientRect();
  if (box.top < 0 || box.top > window.innerHeight - 80) {{
    var still = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({{ block: "start", behavior: still ? "auto" : "smooth" }});
  }}
}});
</script>"""


EMBED_CSS = css("""
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 8px 12px 0 12px !important; max-width: 100% !important; }
/* The map takes the frame's height less the "as of" control and the source line. */
iframe[title="streamlit_folium.st_folium"] { height: calc(100vh - 118px) !important; min-height: 240px; }
.scm-embed-source { font-size: 12px; color: $muted; margin: 0; }
</style>
""")

PRESENTER_CSS = css("""
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
/* Everything on the stage is sized in --u, a hundredth of the height of a 16:9 screen that fits
   in the window (10.8 px at 1920x1080, 7.2 px at 1280x720, 21.6 px at 3840x2160): the stage
   fits any projector without scrolling, and its type grows with the screen. */
:root { --u: min(1vh, 0.5625vw); }
.block-container, [data-testid="stMainBlockContainer"] {
  padding: calc(2.2 * var(--u)) calc(3 * var(--u)) 0 calc(3 * var(--u)) !important; max-width: 100% !important; }
html, body, [data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: hidden !important; }
/* The map takes the stage's height less the margin above it (the stage's, and the 16 px gap
   under the page's style element) and the 8 px Streamlit leaves below it. */
iframe[title="streamlit_folium.st_folium"] { height: calc(100vh - 2.2 * var(--u) - 26px) !important; }
.scm-present-caption { font-size: calc(4 * var(--u)); line-height: 1.25; font-weight: 650; margin-bottom: calc(2 * var(--u)); }
.scm-word { white-space: nowrap; }
.scm-present-caption.scm-present-medium { font-size: calc(3.2 * var(--u)); }
.scm-present-caption.scm-present-long { font-size: calc(2.7 * var(--u)); }
.scm-present-date { font-size: calc(3.1 * var(--u)); font-weight: 500; color: $primary; margin-bottom: calc(.8 * var(--u)); }
.scm-present-figure { margin: var(--u) 0 calc(1.6 * var(--u)); }
.scm-present-figure span { display: block; font-size: calc(8 * var(--u)); font-weight: 700; line-height: 1; }
.scm-present-figure small { font-size: calc(2.8 * var(--u)); color: $muted; }
.scm-present-reported { font-size: calc(2.6 * var(--u)); color: $reported_ink; margin-top: calc(.6 * var(--u)); }
.scm-present-qr { margin-top: calc(1.6 * var(--u)); display: flex; gap: calc(1.3 * var(--u)); align-items: center; }
.scm-present-qr img { width: calc(15 * var(--u)); height: calc(15 * var(--u)); flex: none; }
.scm-present-url { font-size: max(12px, calc(1.5 * var(--u))); color: $muted; overflow-wrap: anywhere; min-width: 0; }
[data-testid="stButton"] button { min-height: calc(6.5 * var(--u)); padding: 0 var(--u); }
[data-testid="stButton"] button p { font-size: calc(2.8 * var(--u)) !important; line-height: 1; white-space: nowrap; }
/* The icon's box grows with its glyph (Streamlit fixes it at 16 px, and a 4K stage's glyph ran
   into the button's name), with a gap that grows too. */
[data-testid="stButton"] button [data-testid="stIconMaterial"],
[data-testid="stButton"] button span:has(> [data-testid="stIconMaterial"]) {
  font-size: calc(3.2 * var(--u)) !important; width: 1em !important; height: 1em !important; }
[data-testid="stButton"] button div:has(> span > [data-testid="stIconMaterial"]) { gap: calc(.8 * var(--u)) !important; }
</style>
""")
