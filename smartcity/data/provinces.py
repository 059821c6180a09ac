"""Resolving province names, codes and aliases (Thai or English) to ISO 3166-2:TH codes."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Prefixes and suffixes people add to a province name: "จังหวัดเชียงใหม่", "จ.ตรัง", "Trang Province".
THAI_PREFIXES = ("จังหวัด", "จ.")
ENGLISH_SUFFIX = " province"
# Separators that vary between spellings: "Chon Buri" / "Chonburi" / "Phang-nga", "กทม." / "กทม".
SEPARATORS = re.compile(r"[\s\-\.'’_]+")
CODE_PATTERN = re.compile(r"^(?:th-?)?(\d{2})$")


def normalise_name(text: str) -> str:
    """Fold a province name to the key it is looked up by: case, spaces, hyphens and dots ignored."""
    folded = unicodedata.normalize("NFC", text).strip().casefold()
    for prefix in THAI_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
    folded = folded.removesuffix(ENGLISH_SUFFIX)
    return SEPARATORS.sub("", folded)


@dataclass(frozen=True)
class Province:
    code: str
    name_th: str
    name_en: str


class UnknownProvince(ValueError):  # noqa: N818 - reads as the condition it names
    """A name that matches no province; ``suggestion`` is the nearest one, if any is close."""

    def __init__(self, text: str, suggestion: Province | None):
        self.text = text
        self.suggestion = suggestion
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.suggestion is None:
            return "not a province code, name or alias"
        hint = self.suggestion.name_th if is_thai(self.text) else self.suggestion.name_en
        return f"not a province; did you mean '{hint}' ({self.suggestion.code})?"


def is_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)


class ProvinceIndex:
    """Looks provinces up by code ("TH-50", "50"), Thai or English name, or any alias.

    Matching is exact after ``normalise_name``; no substring matching, because "Nan", "Trat"
    and "Trang", "Ubon" and "Udon" would then match the wrong province.
    """

    def __init__(self, provinces: Iterable[tuple[Province, Iterable[str]]]):
        self._by_code: dict[str, Province] = {}
        self._by_key: dict[str, Province] = {}
        clashes = []
        for province, names in provinces:
            self._by_code[province.code] = province
            for name in {province.name_th, province.name_en, *names}:
                key = normalise_name(name)
                if not key:
                    continue
                holder = self._by_key.setdefault(key, province)
                if holder.code != province.code:
                    clashes.append(f"'{name}' names both {holder.code} and {province.code}")
        if clashes:
            raise ValueError("ambiguous province aliases: " + "; ".join(clashes))

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self):
        return iter(self._by_code.values())

    def get(self, code: str) -> Province:
        return self._by_code[code]

    def resolve(self, text: str) -> Province:
        """Return the province that ``text`` names, or raise UnknownProvince with a suggestion."""
        key = normalise_name(text)
        code_match = CODE_PATTERN.match(key)
        if code_match and f"TH-{code_match.group(1)}" in self._by_code:
            return self._by_code[f"TH-{code_match.group(1)}"]
        if key in self._by_key:
            return self._by_key[key]
        raise UnknownProvince(text, self.suggest(key))

    def suggest(self, key: str) -> Province | None:
        # 0.8: close enough for typos ("Chiang Mia"), far enough that "Pattaya" does not suggest Ayutthaya.
        close = difflib.get_close_matches(key, self._by_key, n=1, cutoff=0.8)
        return self._by_key[close[0]] if close else None

    def search(self, text: str) -> list[Province]:
        """Provinces for a search box: an exact match first, else names that start with the text."""
        key = normalise_name(text)
        if not key:
            return []
        try:
            return [self.resolve(text)]
        except UnknownProvince as unknown:
            starts = {p.code: p for k, p in self._by_key.items() if k.startswith(key)}
            if starts:
                return sorted(starts.values(), key=lambda p: p.code)
            return [unknown.suggestion] if unknown.suggestion else []


def split_list(text: str) -> list[str]:
    """Split a ';'-separated cell into its stripped, non-empty items."""
    return [item.strip() for item in text.split(";") if item.strip()]
