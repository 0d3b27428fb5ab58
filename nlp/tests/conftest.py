"""Shared fixtures: the real models, loaded once per test session, and a real service process."""
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

NLP_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def analyzer():
    from story_desk_nlp.analysis import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def embedder():
    from story_desk_nlp.embeddings import Embedder

    return Embedder()


class ServiceProcess:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "story_desk_nlp", "--port", "0"],
            cwd=NLP_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        # readline returns '' if the process dies first, and the json.loads below then fails loudly.
        self.ready_line = self.process.stdout.readline().decode("utf-8")
        self.ready = json.loads(self.ready_line)
        self.url = f"http://127.0.0.1:{self.ready['port']}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


@pytest.fixture
def start_service() -> Iterator:
    started: list[ServiceProcess] = []

    def start() -> ServiceProcess:
        service = ServiceProcess()
        started.append(service)
        return service

    yield start
    for service in started:
        service.stop()


@pytest.fixture(scope="session")
def service() -> Iterator[ServiceProcess]:
    process = ServiceProcess()
    yield process
    process.stop()
