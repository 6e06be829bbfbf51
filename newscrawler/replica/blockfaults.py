"""Block, challenge and shell pages served in place of an article (fault kinds `block_*`).

Each is answered with HTTP 200, as the real ones are; the markup is ours, typed from the
descriptions in the research notes:
- `block_firewall`: a WAF "Request Rejected" page of about 246 bytes with a support id
  (sbv.gov.vn, measured 2026-08-14/15, vn_sites_2026 §14, idx:62053534597);
- `block_challenge`: a script of about 177 bytes that sets a cookie and reloads
  (mod.gov.vn, vn_sites_2026 §13-14; opensanctions PR #4385, 2026-06-04);
- `block_denied`: the notice "Thông báo từ chối truy cập" / "Hệ thống đang gặp vấn đề
  khi xử lý yêu cầu của bạn" (mae.gov.vn block markers, vn_sites_2026 §14,
  idx:61997304903);
- `block_shell`: an application shell, `<div id="app"></div>` and scripts (mof.gov.vn's
  Vue SPA, idx:54660080281, 2026-07-14);
ASSUMPTION: `block_captcha` is a reCAPTCHA-style form page; no captcha page of these
  sites is documented.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscrawler.replica.faultkinds import Hit
    from newscrawler.replica.faults import FaultInjector

HTML = "text/html; charset=utf-8"


def _token(path: str, length: int) -> str:
    return hashlib.sha256(path.encode()).hexdigest()[:length]


def firewall_page(path: str) -> str:
    support_id = int(_token(path, 15), 16) % 10**19
    return ("<html><head><title>Request Rejected</title></head><body>The requested URL "
            "was rejected. Please consult with your administrator.<br><br>Your support "
            f"ID is: {support_id:019d}<br><br><a href='javascript:history.back();'>"
            "[Go Back]</a></body></html>")


def challenge_page(path: str) -> str:
    return ("<html><head><script>document.cookie=\"rpx=" + _token(path, 47)
            + "; max-age=1800; path=/\";window.location.reload(true);</script></head>"
            "<body></body></html>")


def captcha_page(path: str) -> str:
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Xác "
            "minh truy cập</title><script src=\"https://www.google.com/recaptcha/api.js\" "
            "async defer></script></head><body><form method=\"post\" action=\"/verify\">"
            "<p>Vui lòng xác nhận bạn không phải là robot.</p><div class=\"g-recaptcha\" "
            f"data-sitekey=\"{_token(path, 24)}\"></div><button>Tiếp tục</button></form>"
            "</body></html>")


def denied_page(path: str) -> str:
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Thông "
            "báo</title></head><body><div class=\"notice\"><h2>Thông báo từ chối truy "
            "cập</h2><p>Hệ thống đang gặp vấn đề khi xử lý yêu cầu của bạn. Vui lòng "
            f"thử lại sau.</p><p>Mã yêu cầu: {_token(path, 12)}</p></div></body></html>")


def shell_page(path: str) -> str:
    version = _token(path, 8)
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name="
            "\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Cổng "
            f"thông tin điện tử</title><link href=\"/css/app.{version}.css\" rel="
            "\"stylesheet\"></head><body><noscript>Vui lòng bật JavaScript.</noscript>"
            f"<div id=\"app\"></div><script src=\"/js/chunk-vendors.{version}.js\">"
            f"</script><script src=\"/js/app.{version}.js\"></script></body></html>")


PAGES = {"block_firewall": firewall_page, "block_challenge": challenge_page,
         "block_captcha": captcha_page, "block_denied": denied_page,
         "block_shell": shell_page}
BLOCKS = tuple(PAGES)


def _block(kind: str):
    def fault(injector: FaultInjector, hit: Hit) -> None:
        body = PAGES[kind](hit.path).encode("utf-8")
        hit.handler.send_reply(200, {"Content-Type": HTML}, body, hit.send_body)
    return fault


BLOCK_FAULTS = {kind: _block(kind) for kind in BLOCKS}
