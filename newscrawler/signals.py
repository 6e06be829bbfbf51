"""newscrawler's own crawler signals, sent with `crawler.signals.send_catch_log`."""

# A feed batch's articles were committed to the crawl state (kwargs: path, articles).
batch_committed = object()
