#!/usr/bin/env bash
# Run the browser tier (or the pytest arguments given) in a network namespace whose only interface is the
# loopback, which proves that JupyterLab, the notebook and the explorer work with no network at all.
#
#   tests/run_offline.sh                      # the browser tier
#   tests/run_offline.sh -m notebooks -q      # any pytest arguments
#
# As root it uses `unshare -n`; otherwise `unshare -rn` (a user namespace; needs unprivileged namespaces).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
[ -x "$python" ] || python=python3
[ "$#" -gt 0 ] || set -- -m browser -s tests/test_browser.py tests/test_browser_explorer.py
if [ "$(id -u)" = 0 ]; then unshare_opts=(-n); else unshare_opts=(-r -n); fi
exec unshare "${unshare_opts[@]}" -- "$python" - "$python" "$@" <<'PY'
import socket
import subprocess
import sys

# Bring the loopback up (a new namespace starts with it down), then check that nothing else is reachable.
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
try:
    socket.create_connection(("192.0.2.1", 80), timeout=2).close()
except OSError as exc:
    print(f"run_offline: no network in this namespace ({exc.strerror or exc})", flush=True)
else:
    sys.exit("run_offline: a non-local address is reachable: this is not an offline namespace")
python, args = sys.argv[1], sys.argv[2:]
sys.exit(subprocess.call([python, "-m", "pytest", *args]))
PY
