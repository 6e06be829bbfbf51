"""Crawling from several machines: one Redis holds the frontier and the crawl state.

One setting, NEWSCRAWLER_REDIS_URL, turns a crawl into a worker of a distributed crawl
(the DistributedMode add-on, wherever the crawl is started): the scrapy-redis scheduler
over a shared, persistent request queue per site, request fingerprints from our canonical
URLs, and the crawl state in the same Redis (unless NEWSCRAWLER_STATE names another).

Keys, per site (`newscrawler:frontier:<site>:...`):
    queue            zset  pickled requests, scored by -priority (scrapy-redis)
    seen / starts    set   fingerprints of this round's article / start requests
    workers          hash  worker id -> start time, the workers of this round
    alive:<worker>   str   "busy" or "idle", expires after NEWSCRAWLER_WORKER_TTL
    leases:<worker>  hash  the requests the worker popped, until its run is committed

Why leases: with a shared "seen" set, a request a worker popped is filtered for everyone
else, so a worker killed with SIGKILL would lose every article it had fetched but not yet
exported in a completed file. Popping moves a request into the worker's leases in one
Lua call; the leases are deleted only once the run finished and its feed was committed
to the crawl state (engine_stopped). A worker whose heartbeat key expired is dead: the
first live worker that notices puts its leases back on the queue. The same happens to a
worker's own leftover leases when a worker of the same id starts again.

A round ends when its frontier is drained: the queue is empty and no live worker is busy
(checked twice, a heartbeat apart). The last worker to leave deletes the round's seen and
starts sets, so the next run walks the listings again; what it already knows is filtered
by the crawl state before it is ever queued, as in a single-process crawl. Start
requests (feeds, first listing pages) are queued once per round, whichever worker reads
them first; the other workers only drain the shared queue.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from hashlib import sha1

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.request import fingerprint as scrapy_fingerprint
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from newscrawler.export.storage import worker_id_from_settings
from newscrawler.staging import CommitWindowExtension, commit_staged, drop_own_staged
from newscrawler.urls import UrlRules, canonicalize_url

logger = logging.getLogger(__name__)

KEY_PREFIX = "newscrawler:frontier"
START_META = "newscrawler_start"
# Consecutive idle checks with a drained frontier before a worker leaves.
DRAINED_CHECKS = 2

# Queue `data` once per round: only if its fingerprint is new to the set.
_PUSH_ONCE = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
  return 1
end
return 0
"""
# Pop the first request into this worker's leases; the worker is busy from now on.
_POP_LEASED = """
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return false end
redis.call('ZREM', KEYS[1], first[1])
redis.call('HSET', KEYS[2], first[1], first[2])
redis.call('SET', KEYS[3], 'busy', 'PX', ARGV[1])
return first[1]
"""
# A dead worker's leases go back to the queue (not if it is alive after all).
_REQUEUE_LEASES = """
if ARGV[2] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
local leased = redis.call('HGETALL', KEYS[1])
for i = 1, #leased, 2 do
  redis.call('ZADD', KEYS[2], leased[i + 1], leased[i])
end
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return #leased / 2
"""
# A worker leaves; the last one out of a drained round ends the round.
_LEAVE = """
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HLEN', KEYS[2]) == 0 and redis.call('ZCARD', KEYS[3]) == 0 then
  redis.call('DEL', KEYS[4], KEYS[5])
  return 1
end
return 0
"""


class FrontierKeys:
    def __init__(self, site: str, worker: str) -> None:
        base = f"{KEY_PREFIX}:{site}"
        self.base = base
        self.queue = f"{base}:queue"
        self.seen = f"{base}:seen"
        self.starts = f"{base}:starts"
        self.workers = f"{base}:workers"
        self.alive = self.alive_of(worker)
        self.leases = self.leases_of(worker)

    def alive_of(self, worker: str) -> str:
        return f"{self.base}:alive:{worker}"

    def leases_of(self, worker: str) -> str:
        return f"{self.base}:leases:{worker}"


class DistributedMode:
    """Add-on: NEWSCRAWLER_REDIS_URL set = a worker of a distributed crawl."""

    def update_settings(self, settings) -> None:
        url = settings.get("NEWSCRAWLER_REDIS_URL")
        if not url:
            return
        for name, value in {
            "SCHEDULER": "newscrawler.distributed.SharedFrontierScheduler",
            "DUPEFILTER_CLASS": "newscrawler.distributed.RoundDupeFilter",
            "SCHEDULER_QUEUE_CLASS": "newscrawler.distributed.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": f"{KEY_PREFIX}:%(spider)s:queue",
            "SCHEDULER_DUPEFILTER_KEY": f"{KEY_PREFIX}:%(spider)s:seen",
            # Never flush the shared queue when one worker closes (scrapy-redis default).
            "SCHEDULER_PERSIST": True,
            # 0: no blocking pop on the reactor thread (research §1.3).
            "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
            "REDIS_URL": url,
            "REQUEST_FINGERPRINTER_CLASS":
                "newscrawler.distributed.CanonicalRequestFingerprinter",
        }.items():
            settings.set(name, value, priority="spider")
        if not settings.get("NEWSCRAWLER_STATE"):
            settings.set("NEWSCRAWLER_STATE", url, priority="spider")
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", StartRequestMarker, 10)
        # After the crawl state (400): a complete export's articles are staged in Redis
        # until committed (the commit window, staging.py).
        settings.set_in_component_priority_dict("EXTENSIONS", CommitWindowExtension, 410)


class CanonicalRequestFingerprinter:
    """Fingerprints on our canonical URL (tracking parameters, www, http folded the way
    the site's spider folds them), so the shared seen set agrees with the crawl state."""

    def __init__(self, url_rules: UrlRules | None = None) -> None:
        self.url_rules = url_rules or UrlRules()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(getattr(crawler.spidercls, "url_rules", None))

    def fingerprint(self, request: Request) -> bytes:
        try:
            url = canonicalize_url(request.url, fold_www=self.url_rules.fold_www,
                                   force_https=self.url_rules.force_https)
        except ValueError:  # not http(s): Scrapy's own fingerprint
            return scrapy_fingerprint(request)
        body = (request.body or b"").hex()
        return sha1(f"{request.method}\n{url}\n{body}".encode()).digest()


class RoundDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter with the crawler's (canonical) fingerprints."""

    fingerprinter: CanonicalRequestFingerprinter | None = None

    def request_fingerprint(self, request: Request) -> str:
        fingerprinter = self.fingerprinter or CanonicalRequestFingerprinter()
        return fingerprinter.fingerprint(request).hex()


class StartRequestMarker:
    """Spider middleware: marks what start() yields, queued once per round (scheduler)."""

    async def process_start(self, start: AsyncIterator) -> AsyncIterator:
        async for item_or_request in start:
            if isinstance(item_or_request, Request):
                item_or_request.meta[START_META] = True
            yield item_or_request


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue; pop() leases the request to this worker."""

    keys: FrontierKeys
    ttl_ms: int = 30_000

    def prepare(self, keys: FrontierKeys, ttl_ms: int) -> None:
        self.keys, self.ttl_ms = keys, ttl_ms
        self._push_once = self.server.register_script(_PUSH_ONCE)
        self._pop_leased = self.server.register_script(_POP_LEASED)

    def push_once(self, request: Request, fingerprint_set: str, fingerprint: str) -> bool:
        data = self._encode_request(request)
        return bool(self._push_once(keys=[fingerprint_set, self.key],
                                    args=[fingerprint, -request.priority, data]))

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop_leased(keys=[self.key, self.keys.leases, self.keys.alive],
                                args=[self.ttl_ms])
        return self._decode_request(data) if data else None


class SharedFrontierScheduler(Scheduler):
    """scrapy-redis's scheduler with leases, start requests once per round, a heartbeat
    and an idle check that ends the worker when the shared frontier is drained."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = cls.from_settings(crawler.settings)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        scheduler.worker = worker_id_from_settings(crawler.settings)
        scheduler.ttl = max(crawler.settings.getfloat("NEWSCRAWLER_WORKER_TTL"), 0.5)
        scheduler.close_reason = None
        scheduler.drained_checks = 0
        scheduler._heartbeat = None
        scheduler._wakeup = None
        scheduler.clock = None  # the reactor; tests give a twisted.internet.task.Clock
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(scheduler.engine_stopped, signal=signals.engine_stopped)
        return scheduler

    # --- opening and closing --------------------------------------------------------

    def open(self, spider) -> None:
        self.spider = spider
        self.keys = FrontierKeys(spider.name, self.worker)
        self.queue = LeasedQueue(server=self.server, spider=spider, key=self.keys.queue,
                                 serializer=self.serializer)
        self.queue.prepare(self.keys, int(self.ttl * 1000))
        self.df = RoundDupeFilter(self.server, key=self.keys.seen)
        self.df.fingerprinter = self.crawler.request_fingerprinter
        self._requeue = self.server.register_script(_REQUEUE_LEASES)
        self._leave = self.server.register_script(_LEAVE)
        # A worker of the same id that died: its leases are ours to put back.
        self.requeue_leases(self.worker, only_if_dead=False)
        self.server.hset(self.keys.workers, self.worker, int(time.time()))
        self.beat()
        queued = len(self.queue)
        if queued:
            logger.info("Joining a crawl round of %s: %d requests queued", spider.name, queued)
        from twisted.internet import task

        if self.clock is None:
            from twisted.internet import reactor

            self.clock = reactor
        self._heartbeat = task.LoopingCall(self.beat)
        self._heartbeat.clock = self.clock
        self._heartbeat.start(self.ttl / 4, now=False)

    def close(self, reason: str) -> None:
        self.close_reason = reason

    def engine_stopped(self) -> None:
        """After the feed is committed to the crawl state: give up the leases and leave."""
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        if self._wakeup is not None and self._wakeup.active():
            self._wakeup.cancel()
        if not hasattr(self, "keys"):
            return  # never opened
        if self.close_reason == "finished":
            self.server.delete(self.keys.leases)
        else:  # cancelled, timed out...: what it popped and did not finish goes back
            requeued = self.requeue_leases(self.worker, only_if_dead=False)
            logger.info("Frontier: %d leased requests back to the queue (%s)", requeued,
                        self.close_reason)
        ended = self._leave(keys=[self.keys.alive, self.keys.workers, self.keys.queue,
                                  self.keys.seen, self.keys.starts], args=[self.worker])
        if ended:
            logger.info("Frontier of %s drained: crawl round ended", self.spider.name)

    # --- requests -------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        start = request.meta.pop(START_META, False)
        if start and request.dont_filter:
            added = self.queue.push_once(request, self.keys.starts,
                                         self.df.request_fingerprint(request))
        elif not request.dont_filter:
            added = self.queue.push_once(request, self.keys.seen,
                                         self.df.request_fingerprint(request))
        else:
            self.queue.push(request)
            added = True
        if not added:
            self.stats.inc_value("newscrawler/frontier/filtered")
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    # --- liveness and the end of a round ----------------------------------------------

    def beat(self) -> None:
        try:
            busy = not self.crawler.engine.spider_is_idle()
        except (AttributeError, RuntimeError):  # no engine or no slot: not crawling
            busy = False
        self.server.set(self.keys.alive, "busy" if busy else "idle", px=int(self.ttl * 1000))

    def requeue_leases(self, worker: str, *, only_if_dead: bool = True) -> int:
        if not only_if_dead:  # our own: each staged file is renamed (reconciled) or torn
            drop_own_staged(self.server, self.spider.name, worker)
        elif not self.server.exists(self.keys.alive_of(worker)):
            # Before its requests are fetched again: what it exported but did not commit.
            commit_staged(self.server, self.spider.name, worker, self.crawl_state())
        keys = [self.keys.leases_of(worker), self.keys.queue, self.keys.alive_of(worker),
                self.keys.workers]
        return max(0, self._requeue(keys=keys, args=[worker, "1" if only_if_dead else "0"]))

    def crawl_state(self):
        from newscrawler.state.extension import CrawlStateExtension

        extension = self.crawler.get_extension(CrawlStateExtension)
        return extension.state if extension is not None else None

    def recover_dead_workers(self) -> int:
        recovered = 0
        for raw in self.server.hkeys(self.keys.workers):
            worker = raw.decode()
            if worker != self.worker and not self.server.exists(self.keys.alive_of(worker)):
                count = self.requeue_leases(worker)
                logger.warning("Frontier: worker %s of %s stopped answering; %d of its "
                               "requests back to the queue", worker, self.spider.name, count)
                self.stats.inc_value("newscrawler/frontier/recovered", count)
                recovered += count
        return recovered

    def others_busy(self) -> bool:
        for raw in self.server.hkeys(self.keys.workers):
            worker = raw.decode()
            if worker != self.worker and self.server.get(self.keys.alive_of(worker)) == b"busy":
                return True
        return False

    def spider_idle(self, spider) -> None:
        """Locally idle: leave only when the shared frontier is drained."""
        self.beat()
        if self.recover_dead_workers() or len(self.queue) or self.others_busy():
            self.drained_checks = 0
        else:
            self.drained_checks += 1
            if self.drained_checks >= DRAINED_CHECKS:
                return  # Scrapy closes the spider: "finished"
        self.wake_up_later()
        raise DontCloseSpider

    def wake_up_later(self) -> None:
        """Look at the queue again soon: the engine's own heartbeat is every 5 s."""
        if self._wakeup is None or not self._wakeup.active():
            self._wakeup = self.clock.callLater(min(self.ttl / 4, 1.0), self._wake_engine)

    def _wake_engine(self) -> None:
        slot = getattr(self.crawler.engine, "_slot", None)  # no public "run the loop now"
        if slot is not None:
            slot.nextcall.schedule()
