"""Province names, codes and aliases resolve through one index; unknown names get a suggestion."""

import pytest

from smartcity.data.provinces import Province, ProvinceIndex, UnknownProvince, normalise_name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TH-50", "TH-50"),
        ("th-50", "TH-50"),
        ("50", "TH-50"),
        ("Chiang Mai", "TH-50"),
        ("chiangmai", "TH-50"),
        ("เชียงใหม่", "TH-50"),
        ("จังหวัดเชียงใหม่", "TH-50"),
        ("จ.ตรัง", "TH-92"),
        ("Trang Province", "TH-92"),
        ("Korat", "TH-30"),
        ("โคราช", "TH-30"),
        ("Chonburi", "TH-20"),
        ("Chon Buri", "TH-20"),
        ("กทม.", "TH-10"),
        ("กทม", "TH-10"),
        ("Bangkok Metropolis", "TH-10"),
        ("Phangnga", "TH-82"),
        ("Phang-nga", "TH-82"),
        ("Buri Ram", "TH-31"),
        ("Nan", "TH-55"),
        ("Trat", "TH-23"),
        ("Trang", "TH-92"),
        ("Udon Thani", "TH-41"),
        ("Ubon Ratchathani", "TH-34"),
        ("Bueng Kan", "TH-38"),
        ("TH-96", "TH-96"),
    ],
)
def test_resolves_codes_names_and_aliases(real_tables, text, code):
    assert real_tables.index.resolve(text).code == code


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Chiang Mia", "not a province; did you mean 'Chiang Mai' (TH-50)?"),
        ("Chonbury", "not a province; did you mean 'Chon Buri' (TH-20)?"),
        ("เชียงใม่", "not a province; did you mean 'เชียงใหม่' (TH-50)?"),
        ("Pattaya", "not a province code, name or alias"),
        ("TH-99", "not a province code, name or alias"),
        ("Ubon", "not a province code, name or alias"),
    ],
)
def test_unknown_names_are_errors_with_the_nearest_match(real_tables, text, message):
    with pytest.raises(UnknownProvince) as raised:
        real_tables.index.resolve(text)
    assert raised.value.describe() == message


def test_search_offers_prefix_matches_for_partial_names(real_tables):
    assert [p.code for p in real_tables.index.search("Nakhon")] == [
        "TH-26",
        "TH-30",
        "TH-48",
        "TH-60",
        "TH-73",
        "TH-80",
    ]
    assert [p.code for p in real_tables.index.search("Korat")] == ["TH-30"]
    assert real_tables.index.search("   ") == []


def test_an_alias_naming_two_provinces_is_refused():
    with pytest.raises(ValueError, match="'Twin' names both TH-01 and TH-02"):
        ProvinceIndex([(Province("TH-01", "หนึ่ง", "One"), ["Twin"]), (Province("TH-02", "สอง", "Two"), ["Twin"])])


@pytest.mark.parametrize(
    ("text", "key"),
    [("Chon Buri", "chonburi"), (" Phang-nga ", "phangnga"), ("กทม.", "กทม"), ("จังหวัดน่าน", "น่าน")],
)
def test_normalise_name(text, key):
    assert normalise_name(text) == key
