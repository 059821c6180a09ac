"""Vega-Lite charts (Altair): the programme over time, and progress against each national target."""

from __future__ import annotations

import altair as alt
import pandas as pd

from smartcity.data.checks import period_start
from smartcity.data.tables import Tables
from smartcity.i18n import format_date, format_number, local_year, localised, text, year_offset
from smartcity.output.render import claim_value, escape, source_label
from smartcity.theme import FIGURE_INK, FONT_STACK, SERIES_COLOURS, STATEMENT_COLOURS, TARGET_COLOURS

DASHES = {"certified": [1, 0], "announced": [7, 4], "provinces": [1, 0]}
# One a target (of one value and year), in the order stated, with its colour (theme.TARGET_COLOURS).
TARGET_DASHES = ([6, 4], [2, 3], [12, 4], [3, 2])  # drawn as CSS dashed or dotted in the legend
# Vega sizes text by its Latin metrics: Thai marks above and below the line, on the rotated axis
# title and the top label, fell outside the canvas, as did half of the last point on the right.
CHART_PADDING = {"left": 12, "top": 10, "right": 12, "bottom": 5}


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart as the dashboard draws it (Thai font, room at the canvas's edges), as a Vega-Lite
    spec for st.vega_lite_chart. st.altair_chart converts a chart and validates it against the
    schema on every run: 175 ms of the targets page's 213 ms warm run. The spec is made once and
    cached instead (ui.cached_targets_chart)."""
    # Vega draws on a canvas with its own font list; without a Thai font first, tone marks are lost.
    finished = chart.properties(padding=CHART_PADDING).configure(font=FONT_STACK)
    with alt.theme.enable("none"):  # as st.altair_chart does: no 300 px default view size
        return finished.to_dict()


def year_label(lang: str) -> str:
    """Axis labels in the Buddhist era for Thai, Gregorian for English."""
    return f"year(datum.value) + {year_offset(lang)} + ''" if year_offset(lang) else "timeFormat(datum.value, '%Y')"


def series_names(lang: str) -> dict[str, str]:
    return {
        "certified": text("cumulative_certified", lang),
        "announced": text("cumulative_announced", lang),
        "provinces": text("cumulative_provinces", lang),
    }


def series_lines(series: pd.DataFrame, lang: str, columns: tuple[str, ...]) -> alt.Chart:
    """Step lines of ``columns`` of a cumulative series (see timeline.cumulative_series)."""
    names = series_names(lang)
    long = series.melt("date", value_vars=list(columns), var_name="series", value_name="count")
    long["series"] = long["series"].map(names)
    return (
        alt.Chart(long)
        .mark_line(interpolate="step-after", point=True, strokeWidth=3)
        .encode(
            x=alt.X(
                "date:T", title=text("chart_date", lang), axis=alt.Axis(labelExpr=year_label(lang), tickCount="year")
            ),
            y=alt.Y("count:Q", title=text("chart_count", lang)),
            color=alt.Color(
                "series:N",
                title=text("chart_series", lang),
                scale=alt.Scale(domain=[names[c] for c in columns], range=[SERIES_COLOURS[c] for c in columns]),
                # In a column: a row of the names ran past the chart at 390 and 1024 px.
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            # Dashed where reported areas are added in, so the certified line shows beneath it.
            strokeDash=alt.StrokeDash(
                "series:N",
                scale=alt.Scale(domain=[names[c] for c in columns], range=[DASHES[c] for c in columns]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("series:N", title=text("chart_series", lang)),
                alt.Tooltip("count:Q", title=text("chart_count", lang)),
            ],
        )
    )


def cumulative_chart(series: pd.DataFrame, lang: str) -> alt.Chart:
    """Certified areas, certified and reported areas, and provinces over time."""
    return series_lines(series, lang, ("certified", "announced", "provinces"))


def stated_targets(tables: Tables) -> pd.DataFrame:
    """Every target_areas claim, oldest statement first, with where each line starts and ends.

    A target line runs from when it was stated (a partial date's start; undated: blank) to the end
    of its deadline year; targets without a year are listed but have no line.
    """
    claims = tables.claims
    targets = claims[claims["metric"] == "target_areas"].copy()
    targets["starts"] = pd.to_datetime(targets["stated_on"].map(lambda d: period_start(d) if d else None))
    targets["ends"] = pd.to_datetime(
        targets["target_by"].map(lambda y: None if pd.isna(y) else f"{int(y)}-12-31"), errors="coerce"
    )
    return targets.sort_values(["starts", "claim_id"], na_position="first").reset_index(drop=True)


def drawn_targets(series: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets with a deadline, as the chart draws them: each with its label ("100 by 2022"),
    its legend entry (the label and when it was stated: targets of one value and year are one
    entry), and that entry's colour and dash."""
    drawn = targets[targets["ends"].notna()].copy()
    drawn["starts"] = drawn["starts"].fillna(series["date"].min())
    drawn["label"] = [
        text("target_label", lang, value=format_number(v, lang), year=local_year(int(y), lang))
        for v, y in zip(drawn["value"], drawn["target_by"], strict=True)
    ]
    drawn["stated"] = drawn["stated_on"].map(lambda d: d or text("undated", lang))

    def dated(d: str) -> str:  # a date is not broken across lines (no-break spaces)
        return format_date(d, lang).replace(" ", "\u00a0") if d else text("undated", lang)

    when = drawn.groupby("label", sort=False)["stated_on"].agg(lambda dates: "; ".join(map(dated, dates)))
    drawn["entry"] = drawn["label"].map(lambda label: text("target_legend", lang, label=label, stated=when[label]))
    order = {label: i for i, label in enumerate(dict.fromkeys(drawn["label"]))}
    drawn["colour"] = drawn["label"].map(lambda label: TARGET_COLOURS[order[label] % len(TARGET_COLOURS)])
    drawn["dash"] = drawn["label"].map(lambda label: TARGET_DASHES[order[label] % len(TARGET_DASHES)])
    return drawn


def targets_chart(series: pd.DataFrame, targets: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Areas so far (certified; certified and reported) against each target as stated at the time.

    Nothing is written on the chart: targets of one value overlap (100 by 2022 and by 2024), and a
    label beside its line ran into the next one's line or label. The lines are named in
    ``chart_legend`` under it, in HTML that wraps to a phone's width (Vega's legend does not)."""
    lines = series_lines(series, lang, ("certified", "announced"))
    lines.encoding.color.legend = None
    drawn = drawn_targets(series, targets, lang)
    tooltip = [
        alt.Tooltip("label:N", title=text("chart_target", lang)),
        alt.Tooltip("stated:N", title=text("col_stated", lang)),
        alt.Tooltip("scope:N", title=text("col_scope", lang)),
        alt.Tooltip("statement:N", title=text("col_statement", lang)),
    ]
    drawn["scope"] = drawn[localised("scope", lang)]
    drawn["statement"] = drawn["statement"].map(lambda kind: text("statement_" + kind, lang))
    labels = dict(zip(drawn["label"], drawn["dash"], strict=True))
    base = alt.Chart(drawn[["starts", "ends", "value", "label", "stated", "scope", "statement", "colour"]])
    rules = base.mark_rule(strokeWidth=2.5).encode(
        x="starts:T",
        x2="ends:T",
        y="value:Q",
        color=alt.Color("colour:N", scale=None),
        strokeDash=alt.StrokeDash(
            "label:N", scale=alt.Scale(domain=list(labels), range=list(labels.values())), legend=None
        ),
        tooltip=tooltip,
    )
    ends = base.mark_point(filled=True, size=90, shape="diamond").encode(
        x="ends:T", y="value:Q", color=alt.Color("colour:N", scale=None), tooltip=tooltip
    )
    return (
        alt.layer(lines, rules, ends)
        .resolve_scale(color="independent", strokeDash="independent")
        .properties(height=420)
    )


def legend_line(colour: str, dash: list[int], diamond: bool = False) -> str:
    """A legend's sample of a line (and of a target's end mark) in CSS: st.html drops inline SVG."""
    style = "solid" if dash[1] == 0 else "dotted" if dash[0] <= 2 else "dashed"
    end = f'<i class="scm-legend-end" style="background:{colour}"></i>' if diamond else ""
    line = f'<span class="scm-legend-line" style="border-top:3px {style} {colour}"></span>'
    return f'<span class="scm-legend-mark">{line}{end}</span>'


def chart_legend(series: pd.DataFrame, targets: pd.DataFrame, lang: str) -> str:
    """The targets chart's lines named under it: the two series, then each target."""
    names = series_names(lang)
    rows = [(legend_line(SERIES_COLOURS[c], DASHES[c]), names[c]) for c in ("certified", "announced")]
    drawn = drawn_targets(series, targets, lang).drop_duplicates("label")
    rows += [(legend_line(r["colour"], r["dash"], diamond=True), r["entry"]) for _, r in drawn.iterrows()]
    items = "".join(f"<li>{mark}<span>{escape(name)}</span></li>" for mark, name in rows)
    return f'<ul class="scm-chart-legend">{items}</ul>'


# A figure's colour is its kind of statement (theme.STATEMENT_COLOURS): a result is drawn solid,
# what is only expected or planned is drawn pale with a dashed edge.
FIGURE_LINE = 15
FIGURE_AXIS = 62  # px below the rows: the value axis, its title and the padding
FIGURE_WRAP = 60  # characters a line of a figure's label


def wrap_words(words: str, width: int) -> list[str]:
    """``words`` in lines of at most ``width`` characters, broken only at spaces (Thai is written
    without spaces between words, so a Thai phrase is never broken inside)."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def stated_figures(tables: Tables, metric: str, lang: str) -> pd.DataFrame:
    """One row per announced figure of ``metric``, by round (those about several rounds or the
    programme last), conflicting figures of one round next to each other: each with its label
    (round, qualifier and value; kind of statement and scope) and what the tooltip shows."""
    claims = tables.claims[tables.claims["metric"] == metric]
    labels = tables.round_index.labels(lang)
    rows = []
    for _, claim in claims.iterrows():
        whole = claim["round"] is None or pd.isna(claim["round"])
        when = text("claims_programme", lang) if whole else labels.get(int(claim["round"]), str(claim["round"]))
        statement = text("statement_" + claim["statement"], lang) if claim["statement"] else ""
        stated = claim["stated_on"] if claim["stated_on"] and not pd.isna(claim["stated_on"]) else ""
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "order": (
                    1 if whole else 0,
                    0 if whole else int(claim["round"]),
                    claim["conflict_group"] or "",
                    -claim["value"],
                ),
                "value": float(claim["value"]),
                "statement": claim["statement"] or "",
                "label": [
                    f"{when} · {claim_value(claim, lang)}",
                    statement,
                    *wrap_words(claim[localised("scope", lang)], FIGURE_WRAP),
                ],
                "figure": claim_value(claim, lang),
                "kind": statement,
                "scope": claim[localised("scope", lang)],
                "source": "; ".join(source_label(s, lang, tables.source_names) for s in claim["source"]),
                "stated": format_date(stated, lang) if stated else text("undated", lang),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=["claim_id", "order", "value", "statement", "label", "figure", "kind", "scope", "source", "stated"],
    )
    return frame.sort_values("order").drop(columns="order").reset_index(drop=True)


def figures_chart(figures: pd.DataFrame, metric: str, lang: str) -> alt.LayerChart:
    """Every announced figure of one metric as a bar under its words: never summed or averaged,
    conflicting ones one above the other; hover gives the source."""
    tooltip = [
        alt.Tooltip("figure:N", title=text("chart_figure", lang)),
        alt.Tooltip("kind:N", title=text("col_statement", lang)),
        alt.Tooltip("scope:N", title=text("col_scope", lang)),
        alt.Tooltip("source:N", title=text("sources_label", lang)),
        alt.Tooltip("stated:N", title=text("col_stated", lang)),
    ]
    kinds = [k for k in STATEMENT_COLOURS if k in set(figures["statement"])]
    colours = alt.Scale(domain=kinds, range=[STATEMENT_COLOURS[k] for k in kinds])
    # Figure i takes rows i to i + 1 of the y scale (top down): its lines of words, then its bar.
    lines = max((len(label) for label in figures["label"]), default=1)
    row = FIGURE_LINE * lines + 32
    drawn = figures.assign(
        top=range(len(figures)),
    )
    # One string a figure (Arrow carries no lists to the browser), its lines apart.
    drawn["text"] = ["\n".join(label) for label in figures["label"]]
    drawn["bar_top"] = drawn["top"] + (row - 13) / row
    drawn["bar_bottom"] = drawn["top"] + (row - 3) / row
    drawn = drawn.drop(columns="label")
    rows = alt.Scale(domain=[0, max(len(figures), 1)], reverse=True, nice=False, zero=False)
    base = alt.Chart(drawn)
    bars = base.mark_rect(strokeWidth=1.5).encode(
        x=alt.X(
            "value:Q",
            title=text("chart_unit_" + metric, lang),
            axis=alt.Axis(format=",d", labelFlush=True, tickCount=5),
        ),
        x2=alt.datum(0),
        y=alt.Y("bar_top:Q", scale=rows, axis=None),
        y2="bar_bottom:Q",
        color=alt.Color("statement:N", scale=colours, legend=None),
        stroke=alt.Color("statement:N", scale=colours, legend=None),
        fillOpacity=alt.condition(alt.datum.statement == "realised", alt.value(1.0), alt.value(0.4)),
        strokeDash=alt.condition(alt.datum.statement == "realised", alt.value([1, 0]), alt.value([4, 2])),
        tooltip=tooltip,
    )
    words = base.mark_text(
        align="left", baseline="top", dy=3, lineHeight=FIGURE_LINE, fontSize=12, color=FIGURE_INK, lineBreak="\n"
    ).encode(x=alt.value(0), y=alt.Y("top:Q", scale=rows, axis=None), text="text:N", tooltip=tooltip)
    # Streamlit fits the whole chart, value axis and padding included, to the height it is given.
    return alt.layer(bars, words).properties(height=row * max(len(figures), 1) + FIGURE_AXIS)
