"""No network: build, open, explore (driven from Python), the reader and every chart work with every way of
reaching the network blocked in this process.

``socket.socket.connect``/``connect_ex``/``sendto``/``sendmsg``, ``socket.create_connection`` and
``socket.getaddrinfo`` all raise :class:`NetworkUsed` and record the attempt. Local ``AF_UNIX`` sockets are
not exempt: the workbook opens none. The corpus holds an HTML page whose images, stylesheets, scripts and
links point at remote hosts, a sidecar with a URL and a document full of URLs: nothing is fetched.
(tests/run_offline.sh proves the same for the browser tier with a network namespace.)
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.hostile_data import SCRIPT, write_files

pytestmark = pytest.mark.widgets


class NetworkUsed(OSError):
    """Raised by every blocked socket entry point."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []

    def blocked(name: str) -> Any:
        def fail(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.socket') else args}")
            raise NetworkUsed(f"network access attempted: {name}")

        return fail

    for attr in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, attr, blocked(f"socket.socket.{attr}"))
    monkeypatch.setattr(socket, "create_connection", blocked("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", blocked("socket.getaddrinfo"))
    yield attempts


def test_the_block_works(no_network: list[str]) -> None:
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)  # the point: it fails
    with socket.socket() as s, pytest.raises(NetworkUsed):
        s.connect(("192.0.2.1", 80))
    assert len(no_network) == 2


def _corpus(root: Path) -> Path:
    return write_files(
        root,
        {
            "remote.html": (
                "<html><head><title>Remote assets</title><link rel='stylesheet' href='http://192.0.2.1/x.css'>"
                "<script src='https://192.0.2.1/x.js'></script><base href='http://192.0.2.1/'>"
                "<meta http-equiv='refresh' content='0; url=http://192.0.2.1/'></head><body>"
                "<p>Kim Jong Un visited Pyongyang on Monday, KCNA said.</p><img src='http://192.0.2.1/p.png'>"
                "<iframe src='http://192.0.2.1/'></iframe><a href='http://192.0.2.1/more'>more</a></body></html>"
            ),
            "remote.html.meta.json": json.dumps({"url": "http://192.0.2.1/article", "published": "2024-01-10"}),
            "urls.txt": "Links: http://192.0.2.1/a https://example.invalid/b ftp://192.0.2.1/c file:///etc/passwd\n\n"
            f'"The missile may fly far," said Jeffrey Lewis in June 2018. {SCRIPT}',
            "statement.md": "# Statement\n\n![remote](http://192.0.2.1/img.png) The ministry said it is likely.",
        },
    )


def test_build_explore_read_and_chart_with_the_network_blocked(tmp_path: Path, no_network: list[str]) -> None:
    import workbook as wb
    from workbook import charts
    from workbook.build import build
    from workbook.cli import main
    from workbook.filtering import FilterSpec
    from workbook.widgets import explore

    root = _corpus(tmp_path / "corpus")
    report = build([root], tmp_path / "ws", progress=False)
    assert report.counts["documents"] == 3 and len(report.issues) == 0
    assert main(["build", str(root), "--out", str(tmp_path / "ws2"), "-q"]) == 0
    assert main(["info", str(tmp_path / "ws2")]) == 0
    book = wb.open(tmp_path / "ws")
    assert len(book.mentions) and len(book.claims) and len(book.events)

    ex = explore(book, views=("timeline", "claims", "entities", "network", "map", "mentions"))
    kim = book.entities.loc[book.entities["name"] == "Kim Jong Un", "entity_id"].iloc[0]
    ex.panel.controls["entity_ids"].value = (kim,)
    ex.panel.controls["text"].value = "Pyongyang"
    ex.host.handle_message({"type": "click", "view": "entities", "points": [{"customdata": [kim]}]})
    assert ex.table.row_ids
    ex.table.handle_message({"type": "select", "row_id": str(ex.table.row_ids[0])})
    assert "wb-reader" in ex.reader.value
    ex.spec = FilterSpec()
    ex.table_tabs.value = "documents"
    ex.undo()
    for view in ex.views:
        assert ex.figure(view)["data"] is not None
    for builder in (
        charts.timeline,
        charts.claims_by_confidence,
        charts.co_mentions,
        charts.mentions_over_time,
        charts.place_map,
        charts.top_entities,
    ):
        json.loads(builder(book).to_json())
    for did in book.documents["doc_id"]:
        assert "wb-reader" in charts.document_reader_html(book, str(did))
    assert no_network == []
