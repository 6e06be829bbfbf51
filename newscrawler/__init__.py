"""newscrawler: the news of Vietnam's government ministries as clean JSON Lines."""

__version__ = "0.1.0"
