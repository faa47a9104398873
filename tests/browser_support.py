"""Helpers for the notebook and browser tiers: an isolated Jupyter environment, a copy of the project,
JupyterLab started on a free port with a token, and Debian's chromium driven by playwright.

Nothing here touches the developer's own Jupyter configuration: every Jupyter and IPython directory,
and HOME, point into a temporary folder. The kernel spec ``python3`` written there runs this very
Python (``sys.executable``), so notebooks run with the workbook installed in this environment.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from workbook.lab import is_root, lab_command

__all__ = [
    "ARTIFACTS",
    "CHROMIUM_ARGS",
    "LOCAL_HOSTS",
    "NOTEBOOKS",
    "REPO",
    "SEEDS",
    "LabServer",
    "RequestLog",
    "copy_project",
    "find_chromium",
    "free_port",
    "is_local_url",
    "isolated_jupyter_env",
    "notebook7_command",
    "playwright_missing_reason",
    "start_lab",
]

REPO = Path(__file__).resolve().parents[1]
#: The notebooks the notebook and browser tiers run (``$WORKBOOK_NOTEBOOKS`` to try others).
NOTEBOOKS = Path(os.environ.get("WORKBOOK_NOTEBOOKS", REPO / "notebooks"))
SEEDS = REPO / "seeds"
#: Where the browser tier writes screenshots, logs and measurements (gitignored).
ARTIFACTS = Path(os.environ.get("WORKBOOK_TEST_ARTIFACTS", REPO / "test-artifacts"))

#: Flags for a headless chromium that makes no request of its own to the outside (no sync, no component
#: updates, no QUIC probing) and whose host resolver knows only the loopback: any other host fails fast.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
)

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome", "chrome-extension", "devtools"})


def find_chromium() -> str | None:
    """The chromium to drive: ``$WORKBOOK_CHROMIUM``, else ``chromium`` (Debian) or a similar name on PATH."""
    env = os.environ.get("WORKBOOK_CHROMIUM")
    if env:
        return env if Path(env).exists() else shutil.which(env)
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def playwright_missing_reason() -> str | None:
    """Why the browser tier cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if find_chromium() is None:
        return "no chromium on PATH (Debian: apt-get install chromium; or set WORKBOOK_CHROMIUM)"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def is_local_url(url: str) -> bool:
    """Whether ``url`` stays on this machine (loopback, or a data:/blob:/about: URL)."""
    parts = urlsplit(url)
    if parts.scheme in _LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


def isolated_jupyter_env(base: Path) -> dict[str, str]:
    """Environment variables that give Jupyter, JupyterLab, IPython and the workbook's asset cache their own
    folders under ``base``.

    Also writes a ``python3`` kernel spec running ``sys.executable`` into the first folder of
    ``JUPYTER_PATH``, so that kernel name resolves to this Python whatever else is installed.
    """
    dirs = {
        "HOME": base / "home",
        "JUPYTER_CONFIG_DIR": base / "jupyter-config",
        "JUPYTER_DATA_DIR": base / "jupyter-data",
        "JUPYTER_RUNTIME_DIR": base / "jupyter-runtime",
        "JUPYTER_PATH": base / "jupyter-path",
        "IPYTHONDIR": base / "ipython",
        "JUPYTERLAB_SETTINGS_DIR": base / "lab-user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": base / "lab-workspaces",
        # the workbook's cache of compressed page scripts (plotly.js, basemaps), see workbook.widgets.assets
        "WORKBOOK_CACHE_DIR": base / "workbook-cache",
    }
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    spec_dir = dirs["JUPYTER_PATH"] / "kernels" / "python3"
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    env = {k: str(v) for k, v in dirs.items()}
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def copy_project(dest: Path) -> Path:
    """Copy ``notebooks/`` and ``seeds/`` into ``dest`` with the same layout; returns ``dest``.

    Notebooks open ``../seeds/``, so run from ``dest/notebooks`` they build the seed workspace in
    ``dest`` (``dest/seeds.workbook``), never inside the checkout.
    """
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "*.workbook", "__pycache__")
    shutil.copytree(NOTEBOOKS, dest / "notebooks", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(SEEDS, dest / "seeds", ignore=ignore, dirs_exist_ok=True)
    for p in dest.rglob("*"):  # the checkout's files may be read-only; the copies must be writable
        with contextlib.suppress(OSError):
            p.chmod(0o755 if p.is_dir() else 0o644)
    return dest


@dataclass
class LabServer:
    """A running JupyterLab: its URL pieces, process and log file."""

    root: Path
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """``base_url/path`` with the token as a query parameter."""
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def _wait_until_up(server: LabServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {server.process.returncode}:\n{server.log()[-4000:]}")
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = str(exc)
        time.sleep(0.2)
    raise TimeoutError(f"JupyterLab did not answer within {timeout:.0f}s ({last}):\n{server.log()[-4000:]}")


def notebook7_command(lab_cmd: list[str]) -> list[str]:
    """The Notebook 7 (``jupyter notebook``) command line with the same settings as JupyterLab's ``lab_cmd``.

    Notebook 7 is a JupyterLab application (``JupyterNotebookApp``): each ``--LabApp.X`` option it also has
    (the workbook's offline application settings, ``expose_app_in_browser``) is passed to it under its own
    name; the others (JupyterLab's news and update checks, which Notebook 7 does not have) are dropped.
    """
    from notebook.app import JupyterNotebookApp

    traits = set(JupyterNotebookApp.class_trait_names())
    out = [sys.executable, "-m", "notebook"]
    for arg in lab_cmd[3:]:
        if arg.startswith("--LabApp."):
            name = arg.removeprefix("--LabApp.").split("=", 1)[0]
            if name in traits:
                out.append("--JupyterNotebookApp." + arg.removeprefix("--LabApp."))
            continue
        out.append(arg)
    return out


@contextlib.contextmanager
def start_lab(
    root: Path,
    state: Path,
    *,
    token: str = "workbook-test-token",
    timeout: float = 60.0,
    extra_args: tuple[str, ...] = (),
    notebook7: bool = False,
) -> Iterator[LabServer]:
    """Run JupyterLab on ``root`` (the folder it serves), with its state under ``state``, until the block ends.

    It listens on 127.0.0.1 on a free port, with ``token``; it is started by :func:`workbook.lab.lab_command`,
    so it uses the workbook's offline settings, and exposes ``window.jupyterapp`` to the page. With
    ``notebook7`` it is Notebook 7 (``jupyter notebook``) instead, with the same settings.
    """
    env = {**os.environ, **isolated_jupyter_env(state)}
    port = free_port()
    cmd = lab_command(
        root,
        port=port,
        no_browser=True,
        token=token,
        ip="127.0.0.1",
        allow_root=is_root(),
        extra_args=(
            "--LabApp.expose_app_in_browser=True",
            "--ServerApp.open_browser=False",
            "--ServerApp.terminals_enabled=False",
            *extra_args,
        ),
    )
    if notebook7:
        cmd = notebook7_command(cmd)
    log_path = state / "jupyterlab.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = LabServer(root=root, port=port, token=token, process=proc, log_path=log_path)
    try:
        _wait_until_up(server, timeout)
        yield server
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@dataclass
class RequestLog:
    """Every request a page made, the bytes that came over the wire, and those that left the machine."""

    urls: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    encoded_bytes: int = 0
    websocket_bytes: int = 0
    failed: list[str] = field(default_factory=list)
    by_url: dict[str, int] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)

    @property
    def non_local(self) -> list[str]:
        return sorted({u for u in [*self.urls, *self.websockets] if not is_local_url(u)})

    def attach(self, context: Any, page: Any) -> None:
        """Record ``page``'s requests (and its workers') through playwright and the DevTools protocol."""
        context.on("request", lambda r: self.urls.append(r.url))
        page.on("websocket", lambda ws: self.websockets.append(ws.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._on_sent)
        cdp.on("Network.loadingFinished", self._on_finished)
        cdp.on("Network.webSocketFrameReceived", self._on_frame)

    def _on_sent(self, event: dict[str, Any]) -> None:
        self._ids[event["requestId"]] = event.get("request", {}).get("url", "")

    def _on_finished(self, event: dict[str, Any]) -> None:
        n = int(event.get("encodedDataLength") or 0)
        self.encoded_bytes += n
        url = self._ids.get(event.get("requestId", ""), "?").split("?")[0]
        self.by_url[url] = self.by_url.get(url, 0) + n

    def largest(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` URLs that brought the most bytes."""
        return sorted(self.by_url.items(), key=lambda kv: -kv[1])[:n]

    def _on_frame(self, event: dict[str, Any]) -> None:
        frame = event.get("response", {})
        payload = frame.get("payloadData") or ""
        # Text frames come as text, binary frames (opcode 2: the kernel protocol's buffers) as base64.
        self.websocket_bytes += len(payload) * 3 // 4 if frame.get("opcode") == 2 else len(payload.encode("utf-8"))
