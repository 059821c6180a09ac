"""Presenter mode: the sequence of steps shown on stage, their captions, and the hand-off QR code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

import segno

from smartcity.data.checks import period_start
from smartcity.data.tables import Tables
from smartcity.i18n import format_date, localised
from smartcity.model.milestones import Step, ascn_layers, timeline_steps
from smartcity.theme import INK

DEFAULT_PUBLIC_URL = "http://localhost:8501"
MIN_INTERVAL, DEFAULT_INTERVAL, MAX_INTERVAL = 0.5, 8, 120


def public_url_from_environment() -> str:
    """The address visitors reach the dashboard at (``SMARTCITY_PUBLIC_URL``), for the QR code."""
    return (os.environ.get("SMARTCITY_PUBLIC_URL", "").strip() or DEFAULT_PUBLIC_URL).rstrip("/")


def interval_from(value: object) -> float:
    """Seconds between steps, from the URL (``?interval=8``), kept within sensible bounds."""
    try:
        seconds = float(str(value))
    except ValueError:
        return DEFAULT_INTERVAL
    if seconds != seconds:  # NaN
        return DEFAULT_INTERVAL
    return min(max(seconds, MIN_INTERVAL), MAX_INTERVAL)


@dataclass(frozen=True)
class Slide:
    number: int
    step: Step
    caption: str
    date: str
    layers: tuple[str, ...] = ()  # the programme's layers (overlays) the step is about, shown with it


def step_layers(tables: Tables, step: Step) -> tuple[str, ...]:
    """The layers that show a step's subject: the ASEAN Smart Cities Network cities for a network
    step; the pilots for the MoU whose source lists them (pilots.csv ``source``)."""
    if step.kind == "ascn":  # the network's cities as they were on the step's date
        return tuple(key for key, date, _ in ascn_layers(tables) if period_start(date) <= period_start(step.date))
    pilot_sources = set() if tables.pilots is None else {s for row in tables.pilots["source"] for s in row}
    if step.kind == "mou" and pilot_sources & set(step.sources):
        return ("pilots",)
    return ()


def slides(tables: Tables, lang: str) -> list[Slide]:
    """One slide per timeline step; the caption is the event, the date as the sources give it."""
    return [
        Slide(
            number=index,
            step=step,
            caption=getattr(step, localised("title", lang)),
            date=" / ".join(format_date(d, lang) for d in step.dates),
            layers=step_layers(tables, step),
        )
        for index, step in enumerate(timeline_steps(tables), start=1)
    ]


def slide_url(base: str, lang: str, slide: int) -> str:
    """The address a visitor's phone opens from the slide's QR code: the static map at the same
    timeline step (``/export/?step=N``, served by nginx beside the dashboard). It needs no
    Streamlit session and draws in a couple of seconds on a mobile network."""
    query = {"lang": lang} if lang != "th" else {}
    return f"{base}/export/?{urlencode({**query, 'step': slide})}"


@lru_cache(maxsize=512)  # 8 ms each; a stage shows the same few dozen again and again
def qr_svg_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI, made locally (no service is called)."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2, dark=INK)
