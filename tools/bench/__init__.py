"""Benchmarks: commands that measure, never tests that time. `make bench` runs them.

generate.py fills a database with a large synthetic forum in bulk (every benchmark uses it, and
`flask bench generate` fills the forum's own empty database with it); pages.py times pages
against a trivial page at each database size (with measure.py, explain.py, load.py, report.py);
search.py times the search service.
"""

RESULTS_FILE = "bench-search-results.txt"  # gitignored (bench*results*.txt)
