"""The after-run plan: definition (the plan file's steps and windows), evening
(one run's steps laid out before bedtime), run_plan (the plan for the app),
runs (a run record's plan state and when it ended), view (the plan in words,
one wording for the command line and the app), practices (one name per
practice) and experiment_note (what a self-experiment asks of tonight, passed in).
May import: common, routines.
"""
