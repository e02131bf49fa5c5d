"""Security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, request

# Scripts only from the app's own static files: no inline script, no eval. htmx is configured
# through <meta name="htmx-config"> and never given hx-on or js: values.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


# The site uses none of these powerful features: deny them to the page and to anything it embeds.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
    "screen-wake-lock", "usb", "xr-spatial-tracking", "browsing-topics"))
# Two years, as HSTS preload lists ask; sent only over HTTPS, where browsers heed it.
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"
# What every answer carries, whoever serves it (the app, or nginx for static files and frozen
# pages: webapp/serve.py and deploy/nginx.conf take them from here). A window this site opens
# shares no browsing context with another origin's (COOP), and no other origin may embed its
# files (CORP): the site embeds nothing of another's either.
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def nginx_headers(indent: str) -> str:
    """Return nginx ``add_header`` lines for HEADERS, one per line after the first's ``indent``."""
    return f"\n{indent}".join(f'add_header {name} "{value}" always;'
                               for name, value in HEADERS.items())


def init_app(app: Flask) -> None:
    """Add the security headers to every response of ``app``."""
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    """Set CSP, nosniff, Referrer-Policy, framing and cross-origin rules and, over HTTPS, HSTS."""
    for name, value in HEADERS.items():
        # A view may narrow its own CSP (none widens it); the others are the same everywhere.
        if name == "Content-Security-Policy":
            response.headers.setdefault(name, value)
        else:
            response.headers[name] = value
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
    return response


def unsafe_settings(app: Flask) -> list[str]:
    """Return what in ``app``'s configuration is unsafe for serving readers."""
    warnings = []
    if app.debug:
        warnings.append("debug mode is on: it shows tracebacks and runs the debugger; "
                        "never set FLASK_DEBUG when serving readers")
    if app.testing:
        warnings.append("TESTING is on: errors propagate instead of being answered")
    public_url = app.config.get("PUBLIC_URL")
    if public_url and not str(public_url).startswith("https://"):
        warnings.append(f"PUBLIC_URL {public_url!r} is not https: citations and PDFs will "
                        "link to an unencrypted address")
    if not public_url:
        warnings.append("PUBLIC_URL is not set: absolute links (citations, PDFs, hreflang) "
                        "use whatever host each request names")
    if "@example.org" in str(app.config.get("REPORT_ERROR_URL", "")):
        warnings.append("REPORT_ERROR_URL is the placeholder: readers' error reports go "
                        "nowhere; set FLASK_REPORT_ERROR_URL to your corrections address")
    if app.config.get("SECRET_KEY"):
        warnings.append("SECRET_KEY is set but the app uses no signed session: unset it")
    return warnings
