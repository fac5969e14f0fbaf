"""Insights: facts (what insights need from the journal, summarised per
month), stats (differences within groups, Welch intervals), student_t (the t
distribution in pure Python: scipy would cost tens of MB and 100+ ms of
import) and findings (the practices compared). May import: common, plan,
journal.
"""
