"""`qualbridge review`: the steward's review of a run, as a small local web app.

Bound to 127.0.0.1 and guarded by a one-time token (given in the printed URL, then kept in a
same-site cookie). Pages are rendered on the server; a little plain JavaScript posts the
steward's actions. Every action is written to the study's decisions file and, with who and
when but never a term, to the warehouse's approvals table. Original values are shown only
when the app was started with --show-raw, and nothing is fetched from or sent to any other host.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from qualbridge.cli.review_app import actions, pages
from qualbridge.schemas.config import ConsortiumConfig, load_config
from qualbridge.tasks.audit import STATUS_LABELS, audit_context, run_status, signoff_blockers
from qualbridge.tasks.shared.keys import load_key
from qualbridge.tasks.warehouse import connect

COOKIE = "qualbridge_review"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
_ENV = Environment(
    loader=PackageLoader("qualbridge.cli.review_app", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


@dataclass
class ReviewSettings:
    """How the app was started: which config and output folder, who reviews, raw or not."""

    config_path: Path
    out: Path | None
    by: str
    token: str
    show_raw: bool = False
    low_confidence: float = 0.7
    rare_max: int = 2
    audits: dict[str, dict[str, Any]] = field(default_factory=dict)

    def config(self) -> ConsortiumConfig:
        """The config as it is now (the app may have added a decisions file to it)."""
        return load_config(self.config_path, self.out)

    def connect(self, read_only: bool = True) -> duckdb.DuckDBPyConnection:
        """A short-lived warehouse connection, so a pipeline run can write between requests."""
        if not read_only:
            return connect(self.config().warehouse_path)
        return duckdb.connect(str(self.config().warehouse_path), read_only=True)


class TokenGuard(BaseHTTPMiddleware):
    """Refuse every request without the token (query or cookie), or for another host name."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        settings: ReviewSettings = request.app.state.settings
        if request.url.hostname not in LOCAL_HOSTS:
            return PlainTextResponse("Forbidden: the review answers on 127.0.0.1 only", 403)
        given = request.query_params.get("token") or request.cookies.get(COOKIE) or ""
        if not hmac.compare_digest(given.encode(), settings.token.encode()):
            return PlainTextResponse("Forbidden: open the URL with the token it printed", 403)
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie(COOKIE, settings.token, httponly=True, samesite="strict")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(name).render(**context))


def _audit(settings: ReviewSettings, con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any]:
    """The audit's work queue for a run, computed once per run (it runs the NER model)."""
    if run_id not in settings.audits:
        settings.audits.clear()
        settings.audits[run_id] = audit_context(
            con, settings.config(), run_id, settings.low_confidence, settings.show_raw,
            settings.rare_max,
        )  # fmt: skip
    return settings.audits[run_id]


async def index(request: Request) -> Response:
    """Studies, transcripts, the work queue, risk flags and sign-off of the latest run."""
    settings: ReviewSettings = request.app.state.settings
    config = settings.config()
    with settings.connect() as con:
        run = pages.latest_run(con)
        if run is None:
            return PlainTextResponse("No run in the warehouse yet: run the pipeline first.")
        audit = _audit(settings, con, run["run_id"])
        key = load_key(config.key_env, config.key_file)
        context = {
            "run": run,
            "status": run_status(con, run["run_id"]),
            "labels": STATUS_LABELS,
            "studies": pages.transcripts_by_study(con),
            "pending": pages.pending_decisions(con, config, key),
            "blockers": signoff_blockers(con, run["run_id"], config),
            "approvals": audit["approvals"],
        }
    return _render(
        "index.html.j2", **context, audit=audit, by=settings.by, show_raw=settings.show_raw,
        entity_types=actions.entity_types(config), config_path=settings.config_path,
    )  # fmt: skip


async def transcript(request: Request) -> Response:
    """One transcript's de-identified text with every replacement highlighted."""
    settings: ReviewSettings = request.app.state.settings
    transcript_id = request.path_params["transcript_id"]
    config = settings.config()
    with settings.connect() as con:
        utterances = pages.transcript_view(con, config, transcript_id, settings.show_raw)
    if not utterances:
        return PlainTextResponse("No such transcript in the warehouse.", 404)
    return _render(
        "transcript.html.j2", transcript_id=transcript_id, utterances=utterances,
        entity_types=actions.entity_types(config), show_raw=settings.show_raw, by=settings.by,
    )  # fmt: skip


async def act(request: Request) -> Response:
    """One steward action (false positive, missed, accept risk, approve) from the page."""
    settings: ReviewSettings = request.app.state.settings
    try:
        body = await request.json()
    except ValueError:
        return JSONResponse({"ok": False, "message": "expected a JSON body"}, 400)
    if not isinstance(body, dict):
        return JSONResponse({"ok": False, "message": "expected a JSON object"}, 400)
    kind = request.path_params["kind"]
    try:
        message = actions.perform(settings, kind, body, datetime.now(UTC))
    except actions.ActionError as exc:
        return JSONResponse({"ok": False, "message": str(exc)}, 400)
    return JSONResponse({"ok": True, "message": message})


def create_app(settings: ReviewSettings) -> Starlette:
    """The review app for one config; every route sits behind the token."""
    static = Path(str(files("qualbridge.cli.review_app").joinpath("static")))
    app = Starlette(
        routes=[
            Route("/", index),
            Route("/transcript/{transcript_id:path}", transcript),
            Route("/api/{kind}", act, methods=["POST"]),
            Mount("/static", StaticFiles(directory=static), name="static"),
        ],
        middleware=[Middleware(TokenGuard)],
    )
    app.state.settings = settings
    # Bring an older warehouse's schema up to date once, before any read-only request.
    settings.connect(read_only=False).close()
    return app
