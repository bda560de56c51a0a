"""What every public page of the portal goes through: a rate limit per client address and a short
cache of the whole response.

The cache key is the address (path and query), so a month approved or a report signed shows up once
the entry expires, within ``IGM_PORTAL_CACHE_SECONDS``. The counter is Django's cache (Redis in
production, so one limit across web workers): ``IGM_PORTAL_RATE`` requests per client and minute.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render

from accounts.security import client_ip

CACHED_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control")
WINDOW_SECONDS = 60


def rate_limited(request) -> bool:
    """Count the request in its client's current minute; True past the limit."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"portal:rate:{client_ip(request) or 'unknown'}:{window}"
    cache.add(key, 0, WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS + 5)
        count = 1
    return count > settings.IGM_PORTAL_RATE


def too_many_requests(request) -> HttpResponse:
    response = render(request, "transparency/429.html", status=429)
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def public_page(view=None, *, cached: bool = True):
    """Rate-limit, then answer from the cache or run ``view`` and keep its answer if it is a 200.
    ``cached=False`` for pages that carry a form's CSRF token or stream a file."""
    if view is None:
        return lambda view: public_page(view, cached=cached)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if rate_limited(request):
            return too_many_requests(request)
        seconds = settings.IGM_PORTAL_CACHE_SECONDS
        if not cached or request.method not in ("GET", "HEAD") or not seconds:
            return view(request, *args, **kwargs)
        key = "portal:page:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            response["Cache-Control"] = f"public, max-age={seconds}"
            headers = {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), seconds)
        return response

    return wrapper
