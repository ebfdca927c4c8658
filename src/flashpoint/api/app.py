"""The FastAPI app: read-only JSON API under /api, the offline dashboard at /, docs at /docs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from spacy.language import Language
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint import __version__
from flashpoint.api import routes_analytics, routes_analyze, routes_data
from flashpoint.api.routes_analyze import PipelineHolder
from flashpoint.api.store import ReadOnlyStore
from flashpoint.settings import Settings

MAX_BODY_BYTES = 5 * 1024 * 1024
# Everything the dashboard loads comes from this server; inline style attributes come from the SVG.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def web_dir() -> Path:
    """The dashboard's static files, shipped in the package (package-data ``web/**/*``)."""
    return Path(__file__).resolve().parent.parent / "web"


async def _send_json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Answers 413 to a request body over ``max_bytes``, declared or streamed, before any route sees it."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_json(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await _send_json(send, 413, f"request body over {self.max_bytes} bytes")
                return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_json(send, 413, f"request body over {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay([{"type": "http.request", "body": b"".join(chunks), "more_body": False}],
                                      receive), send)


def _replay(messages: list[Message], then: Receive | None = None) -> Receive:
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


def _default_pipeline(settings: Settings) -> Callable[[], Language]:
    def load() -> Language:
        from flashpoint.pipeline import build_pipeline

        return build_pipeline(settings)

    return load


def create_app(settings: Settings, pipeline_loader: Callable[[], Language] | None = None) -> FastAPI:
    """The app over the store at ``settings.db`` (opened read-only); the NLP pipeline loads on first POST."""
    app = FastAPI(
        title="flashpoint",
        version=__version__,
        description="Evidence-linked conflict events, dyad trends, an escalation index and alerts. "
        "Read-only; POST /api/analyze needs the bearer token.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = ReadOnlyStore(Path(settings.db))
    app.state.pipeline = PipelineHolder(pipeline_loader or _default_pipeline(settings))
    app.include_router(routes_data.router)
    app.include_router(routes_analytics.router)
    app.include_router(routes_analyze.router)
    static = web_dir()

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html")

    @app.get("/api/{unknown:path}", include_in_schema=False)
    def unknown_api(unknown: str) -> JSONResponse:
        return JSONResponse({"detail": f"no endpoint /api/{unknown}"}, status_code=404)

    app.mount("/", StaticFiles(directory=static, html=True), name="web")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    return app
