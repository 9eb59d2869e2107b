"""The address a request came from, as the login throttle and rate limits count it.

Behind the balancer every request arrives from the balancer's address; the client's is in
`X-Forwarded-For`, which a client can also write. Only the entries our own proxies appended
are believed: with PORTAL_TRUSTED_PROXIES = n, the n-th entry from the end. Without proxies,
the connection's own address.
"""

from django.conf import settings


def client_address(request) -> str | None:
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
