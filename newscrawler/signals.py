"""newscrawler's own crawler signals, sent with `crawler.signals.send_catch_log`."""

# A feed batch's articles were committed to the crawl state (kwargs: path, articles).
batch_committed = object()

# An export file is complete and flushed to disk, about to be renamed into place (kwargs:
# part, the file as written; final, the name it gets). Distributed crawls stage its
# articles here (newscrawler/staging.py).
feed_file_complete = object()
