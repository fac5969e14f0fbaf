"""Performance benchmarks: `python -m tests.benchmarks.run` (not part of pytest)."""
