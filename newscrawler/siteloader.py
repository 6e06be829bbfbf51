"""The spider loader: the coded sites (SPIDER_MODULES) and the sites defined in TOML files.

Set as SPIDER_LOADER_CLASS, so `newscrawler crawl`, `sites`, `doctor` and `scrapy crawl`
find a file site by name as they find a coded one. The files are the sites directory's
(`NEWSCRAWLER_SITES_DIR`) and `NEWSCRAWLER_SITE_FILES` (the `--site-file` options); a bad
file raises `sitefiles.SiteFileError`, whose message is the one line to show.
"""

from __future__ import annotations

from scrapy.spiderloader import SpiderLoader

from newscrawler.sitefiles import read_site_files, site_file_paths


class SiteLoader(SpiderLoader):
    def __init__(self, settings) -> None:
        super().__init__(settings)
        from newscrawler.spiders.filesite import spider_class

        paths = site_file_paths(settings.get("NEWSCRAWLER_SITES_DIR") or "",
                                site_files_setting(settings))
        self.file_sites: dict[str, str] = {}
        for site in read_site_files(paths, set(self._spiders)):
            self._spiders[site.name] = spider_class(site)
            self.file_sites[site.name] = str(site.path)


def site_files_setting(settings) -> list[str]:
    """NEWSCRAWLER_SITE_FILES as a list: a list, or paths separated by os.pathsep."""
    import os

    value = settings.get("NEWSCRAWLER_SITE_FILES") or []
    if isinstance(value, str):
        return [item for item in value.split(os.pathsep) if item]
    return [str(item) for item in value]
