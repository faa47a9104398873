"""``workbook lab``: JupyterLab on the project's notebooks, set up to work offline.

JupyterLab is started with the running Python (``python -m jupyterlab``), so the kernel, the widget
extensions and plotly's renderer are the ones installed beside the workbook. Its application settings
come from the workbook's package data (``workbook/data/jupyter/lab/settings/overrides.json``): news and
update checks are off (in the page and in the server) and the extension manager (which searches a package
index) is disabled, so that nothing reaches past the machine it runs on.

plotly's own JupyterLab extension (``jupyterlab-plotly``, 1.45 MB compressed, which the explorer does not
use) is left enabled on purpose: in an ipykernel, plotly's default renderer emits only the
``application/vnd.plotly.v1+json`` output, which that extension draws, so disabling it would leave
``fig.show()`` blank; and JupyterLab 4 downloads every federated extension's code even when its plugins are
listed in ``disabledExtensions`` (page_config), so disabling it would not save those bytes either.

    >>> from workbook.lab import lab_command
    >>> cmd = lab_command("notebooks", port=8899, no_browser=True, token="secret")
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbook.errors import LabError

__all__ = ["SETTINGS_DIR", "LabError", "default_notebook_dir", "is_root", "lab_command", "run_lab"]

#: JupyterLab application settings shipped with the workbook (``overrides.json``).
SETTINGS_DIR = Path(__file__).resolve().parent / "data" / "jupyter" / "lab" / "settings"


def is_root() -> bool:
    """Whether this process runs as root (JupyterLab then refuses to start without ``--allow-root``)."""
    geteuid = getattr(os, "geteuid", None)
    return bool(geteuid is not None and geteuid() == 0)


def default_notebook_dir(start: str | Path | None = None) -> Path:
    """The ``notebooks/`` folder of the checkout holding ``start`` (default: the working directory).

    Looks in ``start`` and its parents for a ``notebooks`` folder; when there is none, ``start`` itself.
    """
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    if here.name == "notebooks" and here.is_dir():
        return here
    for folder in (here, *here.parents):
        candidate = folder / "notebooks"
        if candidate.is_dir():
            return candidate
    return here


def lab_command(
    notebook_dir: str | Path,
    *,
    port: int | None = None,
    no_browser: bool = False,
    token: str | None = None,
    ip: str | None = None,
    allow_root: bool | None = None,
    settings_dir: str | Path | None = SETTINGS_DIR,
    compress: bool = True,
    extra_args: Sequence[str] = (),
) -> list[str]:
    """The command line that starts JupyterLab on ``notebook_dir``.

    ``token`` is passed as ``--IdentityProvider.token`` (``""`` turns authentication off; ``None`` lets
    JupyterLab make one up and print it). ``allow_root`` defaults to :func:`is_root`. ``settings_dir`` is
    the JupyterLab application settings folder (the workbook's own by default; ``None`` keeps
    JupyterLab's). ``compress`` gzips the server's responses: JupyterLab's scripts and plotly's renderer go
    over the wire in about a third of their size (12 MB down to 4 MB on a first load). ``extra_args`` are
    appended as they are.
    """
    folder = Path(notebook_dir)
    if not folder.is_dir():
        raise LabError(f"{folder} is not a folder: give the folder of notebooks JupyterLab should open.")
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder.resolve()}"]
    if settings_dir is not None:
        cmd.append(f"--LabApp.app_settings_dir={Path(settings_dir).resolve()}")
    # The server side of the news feed and the update check would reach a website: turn both off.
    cmd += ["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if compress:
        cmd.append("--ServerApp.tornado_settings=compress_response=True")
    if port is not None:
        cmd.append(f"--ServerApp.port={int(port)}")
    if ip is not None:
        cmd.append(f"--ServerApp.ip={ip}")
    if no_browser:
        cmd.append("--no-browser")
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    if is_root() if allow_root is None else allow_root:
        cmd.append("--allow-root")
    cmd.extend(extra_args)
    return cmd


def run_lab(
    notebook_dir: str | Path | None = None,
    *,
    port: int | None = None,
    no_browser: bool = False,
    token: str | None = None,
    ip: str | None = None,
    extra_args: Sequence[str] = (),
) -> int:
    """Start JupyterLab on ``notebook_dir`` (default: :func:`default_notebook_dir`) and wait for it to stop.

    Returns JupyterLab's exit code (0 when stopped with Ctrl-C). Raises :class:`LabError` when JupyterLab is
    not installed.
    """
    if importlib.util.find_spec("jupyterlab") is None:
        raise LabError("JupyterLab is not installed in this Python: pip install 'workbook[explore]'.")
    folder = Path(notebook_dir) if notebook_dir is not None else default_notebook_dir()
    cmd = lab_command(folder, port=port, no_browser=no_browser, token=token, ip=ip, extra_args=extra_args)
    with subprocess.Popen(cmd) as proc:
        restore = _forward_signals(proc)
        try:
            while True:
                try:
                    code = proc.wait()
                except KeyboardInterrupt:
                    continue  # JupyterLab got the same Ctrl-C: it asks to confirm, a second one stops it
                return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM, 130) else code
        finally:
            restore()


def _forward_signals(proc: subprocess.Popen[bytes]) -> Callable[[], None]:
    """Pass SIGTERM and SIGHUP on to JupyterLab (so that stopping ``workbook lab`` stops it, rather than
    leaving it running); returns what puts the previous handlers back."""
    previous: dict[int, Any] = {}

    def forward(signum: int, _frame: Any) -> None:
        if proc.poll() is None:
            proc.send_signal(signum)

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            previous[signum] = signal.signal(signum, forward)
        except ValueError:  # not the main thread: signals cannot be handled here
            break

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    return restore
