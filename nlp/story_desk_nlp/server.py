"""
The HTTP side: stdlib ThreadingHTTPServer, JSON in and out. Every bad request is answered with a 400 and an
OpenAI-style error object; an unexpected failure with a 500; the server itself never stops on a request.
"""
import json
import os
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .analysis import LANGUAGES, Analyzer
from .embeddings import Embedder, UnprefixedText

# Large enough for a batch of long passages, small enough that a runaway client cannot exhaust memory.
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_TEXTS_PER_REQUEST = 2048


class BadRequest(ValueError):
    pass


class LanguageServer(ThreadingHTTPServer):
    daemon_threads = True  # a client holding a keep-alive connection must not delay shutdown

    def __init__(self, address: tuple[str, int], analyzer: Analyzer, embedder: Embedder) -> None:
        super().__init__(address, Handler)
        self.analyzer = analyzer
        self.embedder = embedder
        self.models = {"analysis": analyzer.models, "embeddings": embedder.models}


def _texts(value: Any, field: str, allow_single: bool) -> list[str]:
    if allow_single and isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(text, str) for text in value):
        raise BadRequest(f"'{field}' must be {'a string or ' if allow_single else ''}an array of strings")
    if len(value) > MAX_TEXTS_PER_REQUEST:
        raise BadRequest(f"'{field}' holds {len(value)} texts; at most {MAX_TEXTS_PER_REQUEST} per request")
    return value


class Handler(BaseHTTPRequestHandler):
    server: LanguageServer
    protocol_version = "HTTP/1.1"  # keep-alive: the bot sends many small requests

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass  # the bot logs its own requests; stderr stays for real problems

    def _send(self, status: int, body: Any) -> None:
        try:
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate from the client cannot be UTF-8: escape everything instead.
            payload = json.dumps(body).encode("ascii")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _error(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
        self._send(status, {"error": {"message": message, "type": kind}})

    def _read_json(self) -> dict[str, Any]:
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError as error:
            raise BadRequest("Content-Length must be a number") from error
        if length <= 0:
            raise BadRequest("the request needs a JSON body")
        if length > MAX_BODY_BYTES:
            raise BadRequest(f"the body is {length} bytes; at most {MAX_BODY_BYTES}")
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BadRequest(f"the body is not valid JSON: {error}") from error
        if not isinstance(body, dict):
            raise BadRequest("the body must be a JSON object")
        return body

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path == "/health":
            self._send(200, {"status": "ok", "pid": os.getpid(), "models": self.server.models})
        else:
            self._error(404, f"no route GET {self.path}", "not_found")

    def do_POST(self) -> None:  # noqa: N802
        routes = {"/v1/analyze": self._analyze, "/v1/embeddings": self._embeddings}
        route = routes.get(self.path)
        if route is None:
            # The body must still be drained, or it would be read as the next request on this connection.
            self.rfile.read(int(self.headers.get("Content-Length") or "0"))
            self._error(404, f"no route POST {self.path}", "not_found")
            return
        try:
            route(self._read_json())
        except BadRequest as error:
            self.close_connection = True  # the body may not have been read in full
            self._error(400, str(error))
        except Exception as error:  # noqa: BLE001 - one bad request must not take the service down
            traceback.print_exc(file=sys.stderr)
            self._error(500, f"{type(error).__name__}: {error}", "server_error")

    def _analyze(self, body: dict[str, Any]) -> None:
        language = body.get("language")
        if language not in LANGUAGES:
            raise BadRequest(f"'language' must be one of {', '.join(LANGUAGES)}")
        texts = _texts(body.get("texts"), "texts", allow_single=False)
        analyses = self.server.analyzer.analyse(texts, language)
        self._send(
            200,
            {"language": language, "model": self.server.models["analysis"][language], "results": analyses},
        )

    def _embeddings(self, body: dict[str, Any]) -> None:
        texts = _texts(body.get("input"), "input", allow_single=True)
        if not texts:
            raise BadRequest("'input' must not be empty")
        if body.get("encoding_format", "float") != "float":
            raise BadRequest("only encoding_format 'float' is served")
        try:
            vectors, tokens = self.server.embedder.embed(texts)
        except UnprefixedText as error:
            raise BadRequest(str(error)) from error
        self._send(
            200,
            {
                "object": "list",
                "data": [
                    {"object": "embedding", "index": index, "embedding": vector}
                    for index, vector in enumerate(vectors)
                ],
                # Whatever `model` the client named, this is the one that answered.
                "model": self.server.models["embeddings"]["model"],
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            },
        )
