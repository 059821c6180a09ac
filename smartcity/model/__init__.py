"""The model: each area's status on a date, the view and its URL, the join, the summaries, the
timeline's steps and the presenter's deck."""
