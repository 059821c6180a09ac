"""Timeline steps in date order, conflicting dates merged into one step, cumulative counts."""

from smartcity.model.milestones import Counts, counts_on, cumulative_series, timeline_steps


def test_steps_are_in_date_order_and_the_round_one_dates_are_one_step(real_tables):
    steps = timeline_steps(real_tables)
    assert [s.date for s in steps] == sorted((s.date for s in steps), key=lambda d: (d + "-00-00")[:10])
    ceremony = next(s for s in steps if s.key == "r1-ceremony-24")
    assert ceremony.dates == ("2021-12-24", "2021-12-25") and ceremony.conflicting
    assert not any(s.key == "r1-ceremony-25" for s in steps)


def test_rounds_in_force_follow_the_award_dates(real_tables):
    by_key = {s.key: s.rounds_in_force for s in timeline_steps(real_tables)}
    assert by_key["dla-depa-mou"] == ()
    assert by_key["r1-ceremony-24"] == (1,)
    assert by_key["r2-committee"] == (1,)  # decided 9 Nov 2022; emblems handed over 9 Jan 2023
    assert by_key["r2-ceremony"] == (1, 2)


def test_counts_by_status_on_each_date(real_tables):
    assert counts_on(real_tables, "2021-12-23") == Counts(0, 0, 0, 0)
    assert counts_on(real_tables, "2021-12-24") == Counts(15, 0, 11, 11)
    assert counts_on(real_tables, "2023-01-09") == Counts(30, 0, 23, 23)
    assert counts_on(real_tables, "2023-01-09", ["South"]) == Counts(10, 0, 10, 10)
    assert counts_on(real_tables, "2023-07-27") == Counts(30, 6, 25, 23)
    assert counts_on(real_tables, None) == Counts(31, 6, 25, 23)


def test_the_series_steps_at_every_status_change(real_tables):
    series = cumulative_series(real_tables)
    assert series["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2018-01-01",
        "2021-12-24",
        "2023-01-09",
        "2023-07-27",
        "2025-08-27",
    ]
    assert series[["certified", "announced", "provinces"]].values.tolist() == [
        [0, 0, 0],
        [15, 15, 11],
        [30, 30, 23],
        [30, 36, 25],
        [31, 37, 25],
    ]


def test_each_step_knows_its_date_for_status(real_tables):
    by_key = {s.key: s for s in timeline_steps(real_tables)}
    assert by_key["r3-proposed"].on == "2023-07-27"
    assert by_key["ascn-founding-members"].on == "2018-00-00"
    assert by_key["renewals-2025"].kind == "renewal"
    assert counts_on(real_tables, by_key["renewals-2025"].on).certified == 31
