"""
`python -m story_desk_nlp --port N`: loads the models, serves on 127.0.0.1, prints one JSON ready line on
stdout, and stops when stdin closes (so it never outlives the bot that started it) or on SIGTERM/SIGINT.
"""
import os

# Before any model library is imported: nothing is ever fetched from a hub at run time, and the embedding
# engine uses one OpenMP thread unless told otherwise (on a shared machine, more threads ran 5x slower).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="story_desk_nlp", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--threads", type=int, default=None, help="OpenMP threads of the embedding engine")
    parser.add_argument(
        "--ignore-stdin", action="store_true", help="keep running when stdin closes (for running it by hand)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = _parse_arguments(argv)
    if arguments.threads:
        os.environ["OMP_NUM_THREADS"] = str(arguments.threads)
    started = time.monotonic()

    from .analysis import Analyzer
    from .embeddings import Embedder
    from .server import LanguageServer

    # Models load before the socket opens: nobody can be served by a half-loaded service.
    server = LanguageServer(("127.0.0.1", arguments.port), Analyzer(), Embedder())
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    if not arguments.ignore_stdin:

        def watch_stdin() -> None:
            # The parent holds our stdin open; when it exits or closes it, read() returns b'' (EOF). A raw
            # os.read, not sys.stdin's buffered reader: a daemon thread blocked on that reader's lock
            # aborts the interpreter at exit.
            while os.read(sys.stdin.fileno(), 65536):
                pass
            stop.set()

        threading.Thread(target=watch_stdin, name="stdin-watch", daemon=True).start()

    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    ready = {
        "event": "ready",
        "port": server.server_address[1],
        "pid": os.getpid(),
        "seconds": round(time.monotonic() - started, 3),
        "models": server.models,
    }
    sys.stdout.write(json.dumps(ready) + "\n")
    sys.stdout.flush()

    # A timeout keeps the main thread responsive to signals while it waits.
    while not stop.wait(timeout=1.0):
        pass
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
