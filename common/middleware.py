"""The client's address when the site runs behind reverse proxies.

Rate limits (incidents, ambassadors, workshops) key on a masked client address. Behind a proxy,
REMOTE_ADDR is the proxy's own address, so every visitor would share one limit. With
TRUSTED_PROXY_HOPS = N, the N-th address from the end of X-Forwarded-For (the one the outermost of our
own proxies saw) replaces REMOTE_ADDR for the request. Entries further left are whatever the client
sent and are never trusted. Nothing is stored or logged here.
"""

import ipaddress

from django.conf import settings


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hops = settings.TRUSTED_PROXY_HOPS
        if hops:
            chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
            chain = [part for part in chain if part]
            if len(chain) >= hops:
                candidate = chain[-hops]
                try:
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(candidate))
                except ValueError:
                    pass  # not an address: keep the proxy's, the limit just gets stricter
        return self.get_response(request)
