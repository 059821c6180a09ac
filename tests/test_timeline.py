"""Timeline steps in date order, conflicting dates merged into one step, cumulative counts."""

from smartcity.timeline import cumulative_counts, cumulative_series, timeline_steps


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


def test_cumulative_counts(real_tables):
    assert cumulative_counts(real_tables, (1,)) == (15, 11)
    assert cumulative_counts(real_tables, (1, 2)) == (30, 23)
    assert cumulative_counts(real_tables, (1, 2), ["South"]) == (10, 10)
    series = cumulative_series(real_tables)
    assert series[["areas", "provinces"]].values.tolist() == [[0, 0], [15, 11], [30, 23], [30, 23]]
