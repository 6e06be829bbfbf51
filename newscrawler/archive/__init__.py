"""The WARC archive of every page a crawl fetched (issue 19).

- `writer.ArchiveWriter`: WARC/1.1 `request` + `response` records, one gzip member per
  record, into `DATA_DIR/archive/<site>/<YYYY-MM-DD>/<run_id>[-<worker>][.<n>].warc.gz`,
  written as `.part` and renamed once complete; rotated at NEWSCRAWLER_ARCHIVE_MAX_BYTES.
- `middleware.ArchiveMiddleware`: the downloader middleware next to the download handler
  that hands every response (listing, feed, article, an error page with its body) to the
  writer, in its wire form (still content-encoded), under the real site's URL.
- `recovery.recover_archive`: at the start of the next run, the `.part` files of a killed
  run are cut back to their last complete record and renamed, or set aside.
- `reader`: streaming, resilient reading of WARC files (ours or anyone's): a torn or
  corrupt record is reported with its offset and the reading goes on.
- `replay`: `newscrawler reextract` and `newscrawler import-warc`, a crawl whose download
  handler answers from WARC records instead of the network.
"""

from __future__ import annotations

ARCHIVE_DIR = "archive"
WARC_SUFFIX = ".warc.gz"
PART_SUFFIX = ".part"
# Set aside: a `.part` with no complete record left (nothing a reader could use).
SET_ASIDE_SUFFIX = ".torn"
