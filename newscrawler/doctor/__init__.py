"""`newscrawler doctor SITE`: what works and what broke on a site, page by page."""
