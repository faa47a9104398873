"""Opening corpus files safely: a file can change between discovery and reading.

:func:`read_regular` opens without blocking (``O_NONBLOCK``: opening a FIFO never waits for a writer),
checks the type of what it *opened* (``fstat`` of the descriptor, so a file swapped for a pipe after
discovery is caught) and refuses files over a size limit before reading them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workbook.errors import DocumentTooLargeError, IngestError

__all__ = ["NOT_REGULAR", "read_regular"]

#: The message of a special file, after its source: the same wording for discovery and reading.
NOT_REGULAR = "not a regular file (a pipe, socket or device); it was not read."


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def read_regular(path: Path, limit: int, source: str, too_large: str) -> bytes:
    """The bytes of the regular file ``path``, refusing it before reading when it is over ``limit`` bytes.

    Raises :class:`~workbook.errors.IngestError` when ``path`` is not a regular file (``source`` names it
    in the message), :class:`~workbook.errors.DocumentTooLargeError` with the message ``too_large`` when it
    is (or grows while read) over ``limit`` bytes, and :class:`OSError` when it cannot be opened or read.
    """
    with open(path, "rb", opener=_nonblocking) as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(f"{source}: {NOT_REGULAR}")
        if st.st_size > limit:
            raise DocumentTooLargeError(too_large)
        data = fh.read(st.st_size + 1)  # not limit + 1: read(n) allocates n bytes before reading
        if len(data) > st.st_size:  # grew while we looked: read the rest, up to the limit
            data += fh.read(limit + 1 - len(data))
    if len(data) > limit:  # grew while we looked
        raise DocumentTooLargeError(too_large)
    return data
