"""Scrapy settings for newscrawler: production defaults.

Replica and benchmark overrides live in one place, `REPLICA_OVERRIDES`, applied by the
`newscrawler crawl --replica` command. Every setting of our own starts with NEWSCRAWLER_.
"""

from newscrawler import __version__
from newscrawler.export.storage import FEED_OPTIONS, FEED_URI_TEMPLATE

BOT_NAME = "newscrawler"
SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"
# Coded sites and sites defined in TOML files (newscrawler/sitefiles.py).
SPIDER_LOADER_CLASS = "newscrawler.siteloader.SiteLoader"

USER_AGENT = (
    f"newscrawler/{__version__} (+https://github.com/newscrawler/newscrawler; "
    "news archive of Vietnamese ministries)"
)

# Politeness for real government sites.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# Scrapy starts CONCURRENT_ITEMS asyncio tasks per response (scrapy/utils/asyncio.py
# _parallel_asyncio). An article page yields one item and the pipelines are synchronous,
# so more buy nothing: the default 100 cost ~20 % of the CPU per page (make bench).
CONCURRENT_ITEMS = 1
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
# Scrapy's HTTP/1.1 handler with Twisted's hidden retry of a reset GET turned off, so
# RETRY_TIMES bounds the attempts (newscrawler/handlers.py).
DOWNLOAD_HANDLERS = {"http": "newscrawler.handlers.SiteTLSDownloadHandler",
                     "https": "newscrawler.handlers.SiteTLSDownloadHandler"}
DNS_TIMEOUT = 10
COOKIES_ENABLED = False

# Safety nets for unattended runs.
CLOSESPIDER_TIMEOUT = 4 * 3600
# Link hops from a start URL (listing page N is at depth N-1, its articles at N): a
# backstop behind NEWSCRAWLER_MAX_LISTING_PAGES, so keep it above that plus one.
DEPTH_LIMIT = 1000
# Redirect chains longer than this are given up (Firefox's limit, Scrapy's default).
REDIRECT_MAX_TIMES = 20

# Failure handling and limits Scrapy does not have (newscrawler/downloadermiddlewares/):
# retries wait and honour Retry-After; only http(s) and the site's hosts, redirects
# included; no redirect loops; a page budget per site; UTF-8 mislabelled as Latin-1.
DOWNLOADER_MIDDLEWARES = {
    # Every request waiting for robots.txt gets its rules (Scrapy's gives them to one).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawler.downloadermiddlewares.robots.SharedRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawler.downloadermiddlewares.retry.BackoffRetryMiddleware": 550,
    # After decompression (590) in the response chain, before the spider sees the text.
    "newscrawler.downloadermiddlewares.charset.CharsetRepairMiddleware": 585,
    # Just before the download handler: sees every request sent and every raw redirect.
    "newscrawler.downloadermiddlewares.bounds.SiteBoundsMiddleware": 650,
    # A script cookie wall's stub, read after decompression (590), before the archive
    # (540); its cookie goes into CookiesMiddleware's jar on the request sent again.
    # Off unless a spider turns on NEWSCRAWLER_COOKIE_BOOTSTRAP (mod.gov.vn).
    "newscrawler.downloadermiddlewares.cookiebootstrap.CookieBootstrapMiddleware": 575,
    # After DownloaderStats (850): a host whose DNS failed is not asked again this run.
    "newscrawler.downloadermiddlewares.unresolved.UnresolvedHostMiddleware": 860,
    # The WARC archive: the wire form of each response, noted next to the download
    # handler, written below retries and redirects, once per page the spider receives.
    "newscrawler.archive.middleware.WireTap": 950,
    "newscrawler.archive.middleware.ArchiveMiddleware": 540,
}

# Attack surface off: nothing listens while we crawl.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ADDONS = {
    # First: refuses bad settings before anything else reads them.
    "newscrawler.addons.Preflight": -10,
    "newscrawler.addons.ReplicaMode": 0,
    "newscrawler.addons.ArticlesFeed": 0,
    "newscrawler.distributed.DistributedMode": 0,
}

EXTENSIONS = {
    # First: one crawl per data directory (DATA_DIR/.lock), before anything is written.
    "newscrawler.datadirlock.DataDirLockExtension": 1,
    # Tests only (NEWSCRAWLER_TEST_KILL_AT); before the state, to interrupt ahead of a commit.
    "newscrawler.killpoints.KillPoint": 390,
    "newscrawler.state.extension.CrawlStateExtension": 400,
    # Before RunSummary: the monitors' verdict must be in the stats it writes out.
    "spidermon.contrib.scrapy.extensions.Spidermon": 450,
    "newscrawler.export.runsummary.RunSummary": 500,
}

SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["newscrawler.monitors.SiteRunSuite"]

ITEM_PIPELINES = {
    "newscrawler.pipelines.normalize.NormalizePipeline": 100,
    "newscrawler.pipelines.validate.ValidatePipeline": 200,
    "newscrawler.pipelines.dedup.DedupPipeline": 300,
    # Last: what passes it is exported (NEWSCRAWLER_MAX_ARTICLES).
    "newscrawler.pipelines.limit.MaxArticlesPipeline": 900,
}

# `scrapy crawl -o/-O` and Scrapyd's items_dir replace FEEDS: the ArticlesFeed add-on
# puts this feed back beside theirs.
FEEDS = {FEED_URI_TEMPLATE: dict(FEED_OPTIONS)}
FEED_EXPORT_ENCODING = "utf-8"
# Each file is committed to the crawl state when complete: what a run holds in memory
# until then, and what a killed run loses, is one batch.
FEED_EXPORT_BATCH_ITEM_COUNT = 5000
FEED_STORE_EMPTY = False
FEED_STORAGES = {
    "file": "newscrawler.export.storage.AtomicFileFeedStorage",
    "": "newscrawler.export.storage.AtomicFileFeedStorage",
}

LOG_LEVEL = "INFO"

# --- newscrawler's own settings -------------------------------------------------------
# Where articles, run summaries and the crawl state go.
NEWSCRAWLER_DATA_DIR = "data"
# Set by the `crawl` command; a new one is made when empty.
NEWSCRAWLER_RUN_ID = ""
# Base URL of a replica server; when set, every request is routed to it.
NEWSCRAWLER_REPLICA_URL = ""
# OpenSSL security level of the TLS contexts (None = OpenSSL's default). Only a spider's
# custom_settings set it, for a site whose server needs it (moh: a 1024-bit DH key), with
# DOWNLOAD_HANDLERS https = newscrawler.handlers.SiteTLSDownloadHandler. Never set it here.
NEWSCRAWLER_TLS_SECURITY_LEVEL = None
# Listing pages walked per listing URL, at most (a trap guard).
NEWSCRAWLER_MAX_LISTING_PAGES = 500
# The crawl state: empty = DATA_DIR/state.sqlite3; a path, sqlite:///path, or "off".
NEWSCRAWLER_STATE = ""
# Known articles published less than this many days ago are fetched again (edits).
NEWSCRAWLER_RECHECK_DAYS = 2.0
# An incremental run stops walking a listing after this many pages with nothing new.
NEWSCRAWLER_STALE_PAGES = 2
# Walk every listing page to its end (backfill), whatever is already known.
NEWSCRAWLER_FULL = False
# The discovery frontier (newscrawler/state/frontier.py): a pending article URL whose fetch
# failed is retried by the next run, then after NEWSCRAWLER_FRONTIER_BACKOFF hours, doubled
# per failed run up to the max; after NEWSCRAWLER_MAX_ATTEMPTS failed runs it is given up.
NEWSCRAWLER_MAX_ATTEMPTS = 5
NEWSCRAWLER_FRONTIER_BACKOFF = 1.0
NEWSCRAWLER_FRONTIER_BACKOFF_MAX = 72.0
# Sites defined without code: every *.toml in this directory (relative to the current
# directory) and the files listed here (`--site-file`; a list, or paths joined by os.pathsep).
NEWSCRAWLER_SITES_DIR = "sites.d"
NEWSCRAWLER_SITE_FILES = []
# Stop each site after exactly this many exported articles (0 = no limit); the run is
# complete by request (close reason max_articles), the rest stays for the next run.
NEWSCRAWLER_MAX_ARTICLES = 0
# A site's run fails when more than this share of its article pages were block,
# challenge, captcha, access-denied or app-shell pages (newscrawler/blockpages.py).
NEWSCRAWLER_MAX_BLOCKED_SHARE = 0.2
# A script cookie wall passed without a JavaScript engine (cookiebootstrap.py); a spider
# whose site has one turns it on in custom_settings, with COOKIES_ENABLED.
NEWSCRAWLER_COOKIE_BOOTSTRAP = False
# Look for feeds and sitemaps a site does not declare: the `Sitemap:` lines of its
# robots.txt, the `<link rel="alternate">` feeds of its home and listing pages.
NEWSCRAWLER_AUTODISCOVER = True
# Only articles published on or after this date (YYYY-MM-DD) are exported.
NEWSCRAWLER_SINCE = ""
# Seconds between one-line progress summaries when stdout is not a terminal.
NEWSCRAWLER_PROGRESS_INTERVAL = 30.0
# Run checks (newscrawler/monitors.py): a site's run fails above these shares.
NEWSCRAWLER_MAX_ERROR_RATE = 0.2
NEWSCRAWLER_MAX_MISSING_SHARE = 0.1
NEWSCRAWLER_MAX_FALLBACK_SHARE = 0.2
NEWSCRAWLER_MAX_REJECTED_SHARE = 0.05
# False: ignore the site selectors, extract with metadata and the generic extractor only
# (to see what a layout change would leave, or to debug a site).
NEWSCRAWLER_USE_SITE_SELECTORS = True
# Requests per site and run, at most (0 = no budget): the guard against traps.
NEWSCRAWLER_MAX_PAGES_PER_SITE = 50000
# Seconds before the first retry, doubled for each further one, at most the max; a
# Retry-After header makes the wait at least what the server asked for.
NEWSCRAWLER_RETRY_BACKOFF = 2.0
NEWSCRAWLER_RETRY_BACKOFF_MAX = 60.0
# A Retry-After over this many seconds is not waited for: reported, retried next run.
NEWSCRAWLER_RETRY_AFTER_MAX = 120.0
# Cross-site near-duplicates (syndicated copies): "mark" with duplicate_of, or "drop".
NEWSCRAWLER_DUPLICATES = "mark"
# A run cut short (CLOSESPIDER_TIMEOUT, the page budget, SIGINT/SIGTERM) is marked
# incomplete in the run summary; it fails the verdict unless this is True (--allow-partial).
NEWSCRAWLER_ALLOW_PARTIAL = False
# Distributed crawl (newscrawler/distributed.py): a Redis URL turns it on, shared frontier
# and crawl state; the worker id names this process's export files (default host-pid-rand).
NEWSCRAWLER_REDIS_URL = ""
NEWSCRAWLER_WORKER_ID = ""
# Seconds without a heartbeat after which a worker counts as dead and its requests go
# back to the shared frontier.
NEWSCRAWLER_WORKER_TTL = 30.0
# The WARC archive of every fetched page (newscrawler/archive/): DATA_DIR/archive/<site>/
# <day>/<run_id>.warc.gz, a new file past this many bytes. False turns it off.
NEWSCRAWLER_ARCHIVE = True
NEWSCRAWLER_ARCHIVE_MAX_BYTES = 1024 ** 3
# Site selectors replaced by configuration, {site: {field: selector}} (a dict, or JSON with
# -s): a fix applied before its release, e.g. to re-extract the archive (`reextract`).
NEWSCRAWLER_SELECTOR_OVERRIDES = {}
# Tests only: "EVENT:N[:SIGNAL]" interrupts the crawl at a point it reaches
# (newscrawler/killpoints.py). Empty = off.
NEWSCRAWLER_TEST_KILL_AT = ""
# Tests only: export writes fail with ENOSPC past this many bytes per file (0 = off).
NEWSCRAWLER_TEST_DISK_FULL_AFTER = 0

# What replica mode (NEWSCRAWLER_REPLICA_URL set) changes, through the ReplicaMode add-on:
# the replica is ours, on loopback.
REPLICA_OVERRIDES = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DNS_TIMEOUT": 5,
    "DOWNLOAD_TIMEOUT": 15,
    "NEWSCRAWLER_RETRY_BACKOFF": 0.2,
    # The one routing setting: every http(s) request goes to the replica server.
    "DOWNLOAD_HANDLERS": {
        "http": "newscrawler.handlers.ReplicaDownloadHandler",
        "https": "newscrawler.handlers.ReplicaDownloadHandler",
    },
}
