"""Self-experiments: a fair coin decides which of the next runs get a practice.

design (what an experiment is, its schedule drawn in pairs from its seed),
book (the experiments table in the journal's file), progress (which runs
count, what was assigned and done, their outcomes), permutation (the exact
randomisation test over the stored scheme), result (the figures and the
verdict), plan_line (what the after-run plan says for a run).
May import: common, routines, plan, journal, insights.
"""
