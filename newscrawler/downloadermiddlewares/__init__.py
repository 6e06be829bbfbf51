"""newscrawler's downloader middlewares: what Scrapy 2.19 does not do on its own.

- `retry.BackoffRetryMiddleware`: retries wait, growing, and honour Retry-After;
- `bounds.SiteBoundsMiddleware`: http(s) only, the site's hosts only (redirects included),
  no redirect loops, a page budget per site;
- `charset.CharsetRepairMiddleware`: UTF-8 bodies mislabelled as a single-byte charset.
"""
