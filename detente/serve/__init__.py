"""The service: a JSON API over the store and the analyses, and the web page that uses it.

``create_app`` builds the FastAPI application; ``detente serve`` runs it on
uvicorn.  Every handler parses its input, calls one library function
(``detente.api``, ``detente.reciprocity``) and returns its result.  Rules:

* reading needs nothing; writing (``POST /api/documents``) needs the token
  given to ``detente serve --token`` (sent as ``Authorization: Bearer …``, the
  scheme in any case), and is refused when the service has none;
  ``POST /api/code`` stores nothing and needs no token: the limits below keep
  it from stalling the service;
* texts are coded in a pool of processes (``coding.py``) with a queue limit
  (429), a character limit (413) and a deadline per request (503 while
  waiting, 504 once coding, its process ended); writes go first, and reads
  never wait for coding: they share no lock and no thread with it;
* request bodies over ``max_request_bytes`` are refused (413);
* every error has one JSON shape: ``{"error": {"status": 404, "message": "…"}}``;
* the page escapes all article text (it only ever sets ``textContent``) and is
  served with a Content-Security-Policy that allows no inline script;
* CORS is off unless origins are given.
"""


import asyncio
import contextlib
import dataclasses
import datetime
import functools
import hmac
import logging
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import api, query
from ..errors import DetenteError, InputError, NotFoundError, TooLargeError, UsageError
from ..reciprocity.events import SORTS, dyads, event_page
from ..settings import Settings
from ..store import EventFilter, Store
from .coding import BusyError, CodingPool, DeadlineError, Job, QueueFullError, refuse_long_text
from .limits import ServiceLimits

log = logging.getLogger(__name__)

PAGES = Path(__file__).parent / "page"
MAX_PAGE = 500
MAX_OFFSET = 1_000_000_000
Country = Annotated[str, PathParameter(max_length=40, description="a country or organisation code (USA, RUS, EU)")]
Dyad = Annotated[str | None, Query(max_length=100, description="two country codes: USA-RUS or `USA RUS`")]
Since = Annotated[date | None, Query(description="first event date (YYYY-MM-DD)")]
Until = Annotated[date | None, Query(description="last event date (YYYY-MM-DD)")]
# Checked by ``query.confidence`` as the command line checks it: out of 0-1 is a 400 with the same message.
MinConfidence = Annotated[float | None, Query(description="only events whose calibrated confidence is at least "
                                                          "this (0-1); events without one pass 0 only")]
AllLinks = Annotated[bool, Query(description="links scored below the link threshold too")]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class EventQuery:
    """The filters that the lists of events and of reports share, as query parameters."""

    def __init__(self, dyad: Dyad = None,
                 type: Annotated[str | None, Query(max_length=40, description="PLOVER event type")] = None,  # noqa: A002
                 cameo: Annotated[str | None, Query(max_length=10, description="CAMEO code or its start")] = None,
                 status: Annotated[str, Query(max_length=100)] = ",".join(api.DEFAULT_STATUSES),
                 since: Since = None, until: Until = None,
                 outlet: Annotated[str | None, Query(max_length=200)] = None,
                 min_confidence: MinConfidence = None) -> None:
        self.values = {"pair": dyad, "kind": type, "code": cameo, "status": status, "since": since, "until": until,
                       "source": outlet, "min_confidence": min_confidence}

    def where(self, store: Store) -> EventFilter:
        """The store's filter, checked as the command line checks it (one error line for what cannot match)."""
        return query.event_filter(store, **self.values)


class Article(BaseModel):
    """A text to code: plain text or an HTML page, with what the text itself may not say."""

    text: str = Field(min_length=1, description="the article: plain text or HTML")
    date: datetime.date | None = Field(None, description="publication date, when the text carries none")
    source: str | None = Field(None, max_length=200, description="the outlet, when the text names none")

    def job(self, *, keep: bool) -> Job:
        return Job(self.text, self.date, self.source, keep)


def create_app(db: str, *, token: str | None = None, settings: Settings | None = None,
               limits: ServiceLimits | None = None, cors_origins: tuple[str, ...] = ()) -> FastAPI:
    """The application over the store at ``db`` (a SQLite path or a PostgreSQL URL).

    Its coding processes start with the application (``lifespan``), or on the first text to code when the
    application is used without it, and end with it.
    """
    settings = settings or Settings()
    limits = limits or ServiceLimits()
    Store.open(db).close()  # create and migrate once, and fail now rather than on the first request
    pool = CodingPool(settings, limits)
    # Threads for the requests admitted to coding, apart from the threads that serve reads: admission
    # bounds how many there are, so a coding request never waits here and a read never waits for one.
    coding_threads = ThreadPoolExecutor(pool.most_admitted, thread_name_prefix="detente-coding")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        with pool.serving():
            yield

    app = FastAPI(title="detente", version=_version(), docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Event data that knows about reciprocity: aggregated events, links, parity, dyads.")
    app.state.coding = pool
    writing = threading.Lock()  # one writer at a time: storing and updating aggregates and links
    drawing = threading.Lock()  # matplotlib's layout is shared by the threads of one process

    def opened() -> Store:
        # A connection per request, opened and closed in the worker thread that handles it (SQLite
        # connections belong to one thread).
        return Store.open(db)

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "this service stores nothing: start it with --token to allow writing")
        if not hmac.compare_digest(_bearer(authorization).encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed to write: send `Authorization: Bearer TOKEN`")

    async def coded(article: Article, *, write: bool):
        """The coded documents of a write, or the JSON answer of ``/api/code``, from a coding process."""
        refuse_long_text(article.text, limits.max_code_chars)  # before it takes a place in the queue
        query.publication_date(article.date)  # dates resolve against it: one in the future is a mistake
        ticket = pool.admit(write=write)
        try:
            return await asyncio.wrap_future(coding_threads.submit(pool.code, ticket, article.job(keep=write)))
        finally:
            pool.withdraw(ticket)

    _guards(app, limits.max_request_bytes, cors_origins)

    @app.get("/api/health", summary="The service is up")
    def health() -> dict:
        return {"status": "ok", "version": _version()}

    @app.get("/api/documents", summary="Stored documents, newest first")
    def documents(limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                  offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict:
        with opened() as store:
            total, items = _documents_page(store, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events", summary="Events (each real-world event once), filtered, sorted and paged")
    def events(filters: Annotated[EventQuery, Depends()],
               sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "date",
               limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
               offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0, all_links: AllLinks = False) -> dict:
        with opened() as store:
            where = dataclasses.replace(filters.where(store), all_links=all_links)
            total, items = event_page(store, where, sort=sort, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/reports", summary="Reports (each document's account of an event), filtered and paged")
    def reports(filters: Annotated[EventQuery, Depends()],
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict:
        with opened() as store:
            total, items = store.report_page(filters.where(store), limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{reference}",
             summary="One event (its number, a report's number r12, or an id): its reports with highlights, causes, "
                     "answers")
    def event(reference: Annotated[str, PathParameter()],  # any length: a long one names no event
              all_links: AllLinks = False) -> dict:
        with opened() as store:
            record = api.sources(store, reference, all_links)
            record["links"] = [{**link, "summary": _summary(store, link["event"])} for link in record["links"]]
            record["answered_by"] = [{**link, "summary": _summary(store, link["event"])}
                                     for link in record["answered_by"]]
        record["mentions"] = [_highlighted(m) for m in record["mentions"]]
        return record

    @app.get("/api/events/{reference}/chain", summary="The retaliation chain of an event")
    def chain(reference: Annotated[str, PathParameter()],
              depth: Annotated[int, Query(ge=1, le=50)] = 10, all_links: AllLinks = False) -> dict:
        with opened() as store:
            nodes = api.chain(store, reference, depth, all_links)
        return {"nodes": [{"depth": n.depth, "link": n.link_type, "cue": n.cue, "score": n.score,
                           "event": _row(n.event)} for n in nodes]}

    @app.get("/api/dyads", summary="Pairs of countries with events, busiest first")
    def dyad_list(min_confidence: MinConfidence = None,
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict:
        where = EventFilter(statuses=api.DEFAULT_STATUSES, min_confidence=query.confidence(min_confidence))
        with opened() as store:
            return {"items": dyads(store, where)[:limit]}

    @app.get("/api/dyads/{first}/{second}/series", summary="Escalation series and reciprocity statistics")
    def series(first: Country, second: Country,
               period: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
               status: Annotated[str, Query(max_length=100)] = ",".join(api.DEFAULT_STATUSES),
               since: Since = None, until: Until = None, min_confidence: MinConfidence = None) -> dict:
        with opened() as store:
            result = api.dyad(store, first, second, period=period, statuses=query.statuses(status), since=since,
                              until=until, min_confidence=min_confidence)
        return {"dyad": [result.first, result.second], "period": period,
                "series": [p.to_dict() for p in result.series],
                "reciprocity": [r.to_dict() for r in result.reciprocity]}

    @app.get("/api/dyads/{first}/{second}/parity", summary="The parity ledger of two countries")
    def parity(first: Country, second: Country, min_confidence: MinConfidence = None) -> dict:
        with opened() as store:
            return api.parity(store, first, second, min_confidence=min_confidence).to_dict()

    @app.get("/api/dyads/{first}/{second}/plot.svg",
             summary="The escalation chart with linked events marked, within since and until when given",
             response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
    def plot(first: Country, second: Country,
             period: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
             status: Annotated[str, Query(max_length=100)] = ",".join(api.DEFAULT_STATUSES),
             since: Since = None, until: Until = None, min_confidence: MinConfidence = None) -> Response:
        with opened() as store, tempfile.TemporaryDirectory() as folder, drawing:  # matplotlib's layout is shared
            chart = Path(folder) / "chart.svg"
            api.plot(store, first, second, str(chart), period=period, statuses=query.statuses(status),
                     since=since, until=until, min_confidence=min_confidence)
            return Response(chart.read_bytes(), media_type="image/svg+xml")

    @app.post("/api/code", summary="Code a text and return its events, without storing anything",
              response_class=Response, responses={200: {"content": {"application/json": {}}}})
    async def code_text(article: Article) -> Response:
        return Response(await coded(article, write=False), media_type="application/json")

    @app.post("/api/documents", summary="Code and store a text (needs the token)", status_code=201,
              dependencies=[Depends(authorised)])
    async def store_text(article: Article) -> dict:
        found = await coded(article, write=True)
        report = api.Report()

        def store_them() -> dict:
            with writing, opened() as store:
                events = api.store_coded(store, found, settings=settings, report=report)
            if report.failures:
                raise report.failures[0]  # the store refused the document's rows (422), and stored nothing of it
            return {"documents": report.documents, "already_stored": report.already_stored,
                    "events": [event.to_dict() for event in events]}

        return await anyio.to_thread.run_sync(store_them)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(PAGES / "index.html", media_type="text/html")

    app.mount("/page", StaticFiles(directory=PAGES), name="page")
    return app


def _bearer(authorization: str | None) -> str:
    """The credentials of an ``Authorization: Bearer …`` header (the scheme in any case, RFC 9110), else ""."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def _documents_page(store: Store, limit: int, offset: int) -> tuple[int, list[dict]]:
    db = store.connection
    total = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    rows = db.execute("SELECT d.id, d.title, d.date, d.source, d.url, d.coded_at, "
                      "(SELECT COUNT(*) FROM events e WHERE e.document = d.hash) FROM documents d "
                      "ORDER BY d.date IS NULL, d.date DESC, d.id LIMIT ? OFFSET ?", (limit, offset))
    keys = ("id", "title", "date", "source", "url", "coded_at", "reports")
    return total, [{k: (str(v) if k in ("date", "coded_at") and v is not None else v) for k, v in zip(keys, row,
                                                                                                 strict=True)}
                   for row in rows]


def _highlighted(mention: dict) -> dict:
    """A report with the offsets, within its sentence, of the trigger and of the actors' and recipients' words."""
    text, start = mention["text"], mention["span"][0]
    marks = []
    if mention.get("trigger_span"):
        a, b = mention["trigger_span"]
        marks.append({"start": a - start, "end": b - start, "role": "trigger"})
    for role in ("actor", "recipient"):
        for entity in mention[role]:
            found = text.find(entity.get("text") or "\0")
            if found >= 0:
                marks.append({"start": found, "end": found + len(entity["text"]), "role": role})
    marks = [m for m in marks if 0 <= m["start"] < m["end"] <= len(text)]
    return {**mention, "highlights": sorted(marks, key=lambda m: (m["start"], -m["end"]))}


def _summary(store: Store, aggregate_id: str) -> dict | None:
    row = store.aggregate(aggregate_id)
    return _row(row) if row else None


def _row(row) -> dict:
    return {"id": row.id, "number": row.number, "date": row.date.isoformat() if row.date else None,
            "event": row.event, "cameo": row.cameo, "actors": row.actors, "recipients": row.recipients,
            "mentions": row.mentions, "sources": row.sources, "confidence": row.confidence,
            "independent_sources": row.independent_sources}


def _guards(app: FastAPI, max_request_bytes: int, cors_origins: tuple[str, ...]) -> None:
    """Size limit, security headers, CORS when asked for, and one JSON shape for every error."""

    @app.middleware("http")
    async def limits(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdecimal() or int(length) > max_request_bytes):
            return _error(413, f"the request body is larger than {max_request_bytes} bytes")
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > max_request_bytes:
                    return _error(413, f"the request body is larger than {max_request_bytes} bytes")
            request._body = body  # starlette reads the cached body
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        return _error(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(UsageError)
    async def usage(request: Request, error: UsageError):
        return _error(400, str(error))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError):
        return _error(404, str(error))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError):
        return _error(413 if isinstance(error, TooLargeError) else 422, str(error))

    @app.exception_handler(BusyError)
    async def busy(request: Request, error: BusyError):
        if isinstance(error, QueueFullError):
            return _error(429, str(error), retry_after=2)
        return _error(504 if isinstance(error, DeadlineError) else 503, str(error), retry_after=5)

    @app.exception_handler(DetenteError)
    async def failed(request: Request, error: DetenteError):
        log.error("%s", error)
        return _error(500, str(error))

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, f"internal error ({type(error).__name__}); see the service log")


def _error(status: int, message: str, *, retry_after: int | None = None) -> JSONResponse:
    headers = SECURITY_HEADERS if retry_after is None else {**SECURITY_HEADERS, "Retry-After": str(retry_after)}
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


@functools.cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("detente")
    except PackageNotFoundError:
        return "0"
