"""Benchmarks: commands that measure, never tests that time. `make bench` runs them.

generate.py fills a database with synthetic content in bulk (reusable by any benchmark);
search.py times the search service over it.
"""

RESULTS_FILE = "bench-search-results.txt"  # gitignored (bench-results*.txt)
