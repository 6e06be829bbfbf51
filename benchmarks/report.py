"""Renders the results of `benchmarks.run` as benchmarks/RESULTS.md."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

TARGET_RSS_MB = 300
TARGET_FULL_VS_BARE = 0.7
TARGET_VS_NEWSPLEASE = 3.0
TARGET_VS_TRAFILATURA = 1 / 3


def _spread(spread: dict[str, float], digits: int = 1) -> str:
    return (f"{spread['median']:.{digits}f} ({spread['min']:.{digits}f}-"
            f"{spread['max']:.{digits}f}, n={spread['n']})")


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**NOT met**")


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |"
              for row in rows]
    return lines + [""]


def targets(results: dict[str, Any]) -> list[str]:
    rows = []
    crawl = results.get("crawl", {})
    if "summary" in crawl:
        ratio = crawl["ratio_of_medians"]
        pairs = ", ".join(f"{r:.2f}" for r in crawl["ratio_per_pair"])
        rows.append(["full pipeline ≥ 0.7× bare Scrapy (pages/s)",
                     f"{ratio:.2f}× (per pair: {pairs})",
                     f"{crawl['summary']['full']['pages_per_s']['n']} pairs",
                     _met(ratio >= TARGET_FULL_VS_BARE)])
    news = results.get("newsplease", {})
    if "summary" in news and "summary" in crawl:
        ours = crawl["summary"]["full"]["pages_per_s"]["median"]
        theirs = news["summary"]["pages_per_s"]["median"]
        better = all(news["accuracy_ours"][f] > news["accuracy_newsplease"][f]
                     for f in ("title", "date", "body"))
        rows.append(["ours ≥ 3× news-please (pages/s) with better field accuracy",
                     f"{ours / theirs:.1f}× ({ours:.0f} vs {theirs:.1f} pages/s); accuracy "
                     f"better on all of title, date, body: {'yes' if better else 'no'}",
                     f"{crawl['summary']['full']['pages_per_s']['n']} + "
                     f"{news['summary']['pages_per_s']['n']} runs",
                     _met(ours / theirs >= TARGET_VS_NEWSPLEASE and better)])
    extraction = results.get("extraction", {})
    for subset, paths in extraction.get("ms_per_page", {}).items():
        site, trafilatura = paths["selector path"]["median"], paths["trafilatura alone"][
            "median"]
        rows.append([f"site-path extraction ≤ 1/3 of trafilatura ({subset} pages)",
                     f"{site:.2f} vs {trafilatura:.2f} ms/page = {site / trafilatura:.2f}×",
                     f"{paths['selector path']['n']} runs", _met(
                         site / trafilatura <= TARGET_VS_TRAFILATURA)])
    memory = results.get("memory", {})
    if "peak_rss_mb" in memory:
        at_100k = memory["articles"] >= 100_000
        rows.append(["peak RSS ≤ 300 MB at 100,000 pages",
                     f"{memory['peak_rss_mb']:.0f} MB at {memory['pages']:,} pages",
                     "1 run", _met(memory["peak_rss_mb"] <= TARGET_RSS_MB) if at_100k
                     else "n/a (not a 100k crawl)"])
    return ["## Targets", ""] + _table(["target", "measured (median)", "runs", "result"],
                                       rows)


def crawl_section(crawl: dict[str, Any]) -> list[str]:
    if "summary" not in crawl:
        return ["## 1. Crawl throughput", "", f"Not run: {crawl.get('failed', 'skipped')}", ""]
    lines = ["## 1. Crawl throughput: full pipeline vs bare Scrapy", "",
             f"Replica: {len(crawl['sites'])} sites ({', '.join(crawl['sites'])}), "
             f"{crawl['articles_per_site']:,} articles each; {crawl['paths']:,} pages per "
             "crawl. Median (min-max, n runs), runs alternating full, bare.", ""]
    rows = []
    for kind, label in (("full", "full pipeline (`newscrawler crawl`)"),
                        ("bare", "bare Scrapy (yields the URL)")):
        s = crawl["summary"][kind]
        rows.append([label, _spread(s["pages_per_s"]), _spread(s["cpu_ms_per_page"], 2),
                     _spread(s["peak_rss_mb"], 0), _spread(s["wall_s"])])
    lines += _table(["crawler", "pages/s", "CPU ms/page", "peak RSS MB", "wall s"], rows)
    lines += _table(["run", "kind", "pages", "wall s", "pages/s", "CPU ms/page", "RSS MB",
                     "exit", "records"],
                    [[r["run"], r["kind"], r["pages"], f"{r['wall_s']:.1f}",
                      f"{r['pages_per_s']:.1f}", f"{r['cpu_ms_per_page']:.2f}",
                      f"{r['peak_rss_mb']:.0f}", r["returncode"], r.get("records", "")]
                     for r in crawl["runs"]])
    ceiling = crawl["ceiling"]
    fastest = max(r["pages_per_s"] for r in crawl["runs"])
    lines += [f"Replica ceiling (fast serving mode, one Python client, 32 keep-alive "
              f"connections, {ceiling['requests']:,} requests over the crawl's pages): "
              f"**{ceiling['requests_per_s']:,} requests/s**, "
              f"{ceiling['requests_per_s'] / fastest:.0f}× the fastest crawl run.", ""]
    return lines


def newsplease_section(news: dict[str, Any]) -> list[str]:
    if "summary" not in news:
        return ["## 2. news-please", "", f"Not run: {news.get('failed', 'skipped')}", ""]
    s = news["summary"]
    ours, theirs = news["accuracy_ours"], news["accuracy_newsplease"]
    lines = ["## 2. Against news-please", "",
             f"news-please {news['version']} (own venv), `NewsPlease.from_html` over "
             f"{news['pages']:,} article pages fetched from the same replica by one "
             "keep-alive connection (see bench_newsplease.py: its own crawler cannot be "
             "routed to the replica; this leaves out its discovery, so it favours it).", ""]
    lines += _table(["", "pages/s", "CPU ms/page", "peak RSS MB"],
                    [["news-please", _spread(s["pages_per_s"]),
                      _spread(s["cpu_ms_per_page"]), _spread(s["peak_rss_mb"], 0)]])
    lines += _table(["exact field share (same pages)", "title", "date", "body"],
                    [[name, *(f"{acc[f]:.3f}" for f in ("title", "date", "body"))]
                     for name, acc in (("newscrawler", ours), ("news-please", theirs))])
    return lines


def extraction_section(extraction: dict[str, Any]) -> list[str]:
    if "ms_per_page" not in extraction:
        return ["## 3. Extraction cost", "", f"Not run: {extraction.get('failed')}", ""]
    rows = []
    for subset, paths in extraction["ms_per_page"].items():
        reference = paths["trafilatura alone"]["median"]
        for path, spread in paths.items():
            rows.append([f"{subset} ({extraction['n_pages'][subset]})", path,
                         _spread(spread, 2), f"{spread['median'] / reference:.2f}"])
    quality = [["## 3a. Body quality on AEB dev (F1 of lead + blank line + body)", "",
                "Metric: ../shared/bench/aeb_metric.py, on the 90 labelled pages, both "
                "extractors in the same run; ± = bootstrap standard deviation.", ""] + _table(
        ["extractor", "F1", "±", "precision", "recall", "pages"],
        [[row["extractor"], f"{row['f1']:.4f}", f"{row['f1_std']:.4f}",
          f"{row['precision']:.4f}", f"{row['recall']:.4f}", row["n_docs"]]
         for row in extraction["quality"]]) + [""]] if extraction.get("quality") else []
    return [line for block in quality for line in block] + [
            "## 3. Extraction cost (ms/page, parsing included)", "",
            "Each run: the median of 3 timings of every page, averaged over the pages. "
            "Replica pages use their spider's real selectors; AEB pages a body XPath "
            "standing in for a site's selector (bench_extraction.py).", ""] + _table(
        ["pages", "path", "ms/page", "× trafilatura"], rows)


def memory_section(results: dict[str, Any]) -> list[str]:
    lines = ["## 4. Memory (peak RSS of the crawl process: its VmHWM)", ""]
    rows = []
    crawl = results.get("crawl", {})
    if "summary" in crawl:
        rows.append([f"{crawl['paths']:,} pages (the throughput runs)",
                     _spread(crawl["summary"]["full"]["peak_rss_mb"], 0), "in-memory queues"])
    memory = results.get("memory", {})
    if "peak_rss_mb" in memory:
        rows.append([f"{memory['pages']:,} pages ({memory['articles']:,} articles, "
                     f"{memory.get('records', 0):,} records exported)",
                     f"{memory['peak_rss_mb']:.0f} (n=1), {memory['wall_s']:.0f} s, "
                     f"{memory['pages_per_s']:.0f} pages/s",
                     "in-memory queues" + "".join(f"; -s {name}={value}" for name, value
                                                  in (memory.get("settings") or {}).items())])
    elif memory:
        lines.append(f"100k crawl not run: {memory.get('failed', 'skipped')}")
    lines += _table(["crawl", "peak RSS MB", "scheduler"], rows)
    if memory.get("note"):  # an explanation written into the results after the run
        lines += [f"Note: {memory['note']}", ""]
    return lines


def rows_section(title: str, section: dict[str, Any]) -> list[str]:
    lines = [f"## {title}", ""]
    if "rows" not in section:
        return lines + [f"Not run: {section.get('skipped') or section.get('failed')}", ""]
    rows = section["rows"]
    header = list(rows[0])
    return lines + _table(header, [[row.get(c, "") for c in header] for row in rows])


def profile_section(profile: dict[str, Any]) -> list[str]:
    lines = ["## Profile of the full pipeline (pyinstrument)", ""]
    if "ours_inclusive" not in profile:
        return lines + [f"Not run: {profile.get('skipped') or profile.get('failed')}", ""]
    lines += [f"One crawl of {profile['pages']:,} pages under pyinstrument (wall "
              f"{profile['wall_s']:.1f} s, sampled time {profile['total_ms_per_page']:.1f} "
              f"ms/page, profiler overhead included). Session: `{profile['session']}`.", ""]
    lines += ["Our functions, inclusive time:", ""] + _table(
        ["function", "ms/page"], [[f"`{k}`", v] for k, v in profile["ours_inclusive"][:15]])
    lines += ["Self time, all code:", ""] + _table(
        ["function", "ms/page"], [[f"`{k}`", v] for k, v in profile["self"][:15]])
    return lines


SECTION_KEYS = ("crawl", "newsplease", "extraction", "memory", "state", "dataset", "dates",
                "workers", "frontier", "profile")


def with_earlier_sections(results: dict[str, Any], earlier: list[dict[str, Any]]
                          ) -> dict[str, Any]:
    """`results` completed by the sections only earlier runs hold (the first run holding a
    section gives it), each run named in the header with its sections."""
    merged = dict(results, earlier=[])
    for run in earlier:
        kept = [key for key in SECTION_KEYS if key not in merged and key in run]
        for key in kept:
            merged[key] = run[key]
        if kept:
            merged["earlier"].append({"started": run["started"], "sections": kept})
    return merged


def main(argv: list[str] | None = None) -> int:
    """Re-renders a results JSON file (benchmarks/.work/results-*.json) as Markdown."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("results", type=Path)
    parser.add_argument("--earlier", type=Path, action="append", default=[],
                        help="an earlier full run's JSON: the sections the results lack")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    results = json.loads(args.results.read_text())
    if args.earlier:
        results = with_earlier_sections(
            results, [json.loads(path.read_text()) for path in args.earlier])
    text = markdown(results)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


def markdown(results: dict[str, Any]) -> str:
    m, v = results["machine"], results["versions"]
    load = "; ".join(f"{name} {a:.1f}/{b:.1f}/{c:.1f}" for name, (a, b, c)
                     in m.get("load_during", []))
    lines = ["# Benchmark results", "",
             f"`{results['command']}` ({results['mode']} mode), started {results['started']}, "
             f"{results['total_s'] / 60:.1f} min. Reproduce with `make bench`.", ""]
    for earlier in results.get("earlier", []):
        lines += [f"Section(s) {', '.join(earlier['sections'])}: from the separate run "
                  f"started {earlier['started']}.", ""]
    lines += [f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gib']} GiB RAM, Linux "
              f"{m['kernel']}. Shared with other work: load average (1/5/15 min) before "
              f"{'/'.join(f'{x:.1f}' for x in m['load_before'])}; after each section: {load}.",
              "", "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".", ""]
    lines += targets(results)
    if "crawl" in results:
        lines += crawl_section(results["crawl"])
    if "newsplease" in results:
        lines += newsplease_section(results["newsplease"])
    if "extraction" in results:
        lines += extraction_section(results["extraction"])
    if "crawl" in results or "memory" in results:
        lines += memory_section(results)
    for key, title in (("state", "5. Crawl state at scale and near-duplicates"),
                       ("workers", "5b. Workers (distributed crawl)"),
                       ("dataset", "Dataset export"), ("dates", "Date parsing")):
        if key in results:
            lines += rows_section(title, results[key])
    if "frontier" in results:
        lines += frontier_section(results["frontier"])
    if "archive" in results:
        lines += archive_section(results["archive"])
    if "profile" in results:
        lines += profile_section(results["profile"])
    return "\n".join(lines)


def archive_section(archive: dict[str, Any]) -> list[str]:
    """bench_archive.py: crawl pages/s with and without the WARC archive (same run),
    bytes per page, and the WARC libraries measured."""
    from benchmarks.bench_archive import markdown as archive_table

    if "crawl" not in archive and "formats" not in archive:
        return ["## 5d. WARC archive", "", f"Not run: {archive}", ""]
    return ["## 5d. WARC archive (issue 19)", "", archive_table(archive)]


def frontier_section(frontier: dict[str, Any]) -> list[str]:
    """bench_frontier.py: state work per article with and without the frontier, and a
    no-change rerun's requests against a first crawl's."""
    lines = rows_section("5c. Discovery frontier: cost per article, rerun requests", frontier)
    rerun = frontier.get("rerun")
    if rerun:
        lines += _table(list(rerun), [list(rerun.values())])
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
