"""Benchmarks of newscrawler: `make bench` runs them all (see benchmarks/README.md)."""
