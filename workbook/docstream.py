"""The documents of a build, held as Arrow columns from the moment they are read.

A build reads every document before extracting any. Held as Python objects until extraction ended
(the ingested document, its row dict, its extraction input: about 4.2 kB per synthetic article, the
text 1.7 kB of it), then turned into a table all at once (a transient of twice that again), the
documents were a fifth of a 100k-document build's peak memory. :class:`DocumentStream` instead turns
every :data:`CHUNK_DOCS` documents' rows into a chunk of the ``documents`` table (declared dtypes:
the text in Arrow, about 2.1 kB per article) and keeps per document only what extraction needs
besides the text (its id, source, title, date and language). :meth:`DocumentStream.inputs` gives the
extraction inputs as a sequence that makes each :class:`~workbook.extract.base.DocumentInput` when it
is asked for (its text read back from the chunk), so an engine that takes the documents batch by
batch holds one batch's texts as Python strings at a time. :meth:`DocumentStream.table` is the
documents table, equal to ``conform("documents", rows)`` of all rows at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, overload

import pandas as pd
import pyarrow as pa

from workbook.errors import SchemaError
from workbook.extract.base import DocumentInput
from workbook.labels import add_labels, concat_frames
from workbook.model import conform, empty_frame

__all__ = ["CHUNK_DOCS", "DocumentInputs", "DocumentStream", "StreamedDocument"]

#: Documents whose row dicts are buffered before they become a chunk of the documents table.
CHUNK_DOCS = 512


@dataclass(frozen=True, slots=True)
class StreamedDocument:
    """What a build keeps of a document besides its row in the table: the extraction input's fields
    (``title`` as the extractor sees it: the document's own title or empty) and its source."""

    doc_id: str
    source: str
    title: str
    published: date | None
    language: str | None


class DocumentStream:
    """Documents' rows in (:meth:`add`, in order), the documents table out (:meth:`table`, once)."""

    def __init__(self, chunk_docs: int | None = None) -> None:
        chunk_docs = CHUNK_DOCS if chunk_docs is None else chunk_docs
        if chunk_docs < 1:
            raise ValueError(f"chunk_docs must be at least 1; got {chunk_docs}.")
        self.chunk_docs = chunk_docs
        self.documents: list[StreamedDocument] = []
        self._rows: list[dict[str, Any]] = []
        self._chunks: list[pd.DataFrame] = []
        self._texts: list[Any] = []  # each chunk's text column as Arrow (a text read by position: no pandas per call)
        self._sections: dict[int, str | None] = {}  # position -> section, where a duplicate added one
        self._done = False

    def __len__(self) -> int:
        return len(self.documents)

    def add(self, row: dict[str, Any], doc: StreamedDocument) -> int:
        """The next document's row (as :func:`workbook.model.conform` takes it) and what extraction needs
        of it; returns its position."""
        if self._done:
            raise ValueError("The documents table was made already; add every document first.")
        self.documents.append(doc)
        self._rows.append(row)
        if len(self._rows) >= self.chunk_docs:
            self._flush()
        return len(self.documents) - 1

    def section(self, position: int) -> str | None:
        """The ``section`` of the document at ``position`` as it stands."""
        if position in self._sections:
            return self._sections[position]
        start = len(self._chunks) * self.chunk_docs
        if position >= start:
            return self._rows[position - start]["section"]
        value = self._chunks[position // self.chunk_docs]["section"].iloc[position % self.chunk_docs]
        return None if pd.isna(value) else str(value)

    def set_section(self, position: int, section: str | None) -> None:
        """Change the ``section`` of the document at ``position`` (a duplicate filed elsewhere)."""
        self._sections[position] = section

    def _flush(self) -> None:
        if self._rows:
            chunk = conform("documents", self._rows)
            self._chunks.append(chunk)
            self._texts.append(pa.array(chunk["text"].array))
            self._rows = []

    def text(self, position: int) -> str:
        """The text of the document at ``position``."""
        start = len(self._chunks) * self.chunk_docs
        if position >= start:
            return str(self._rows[position - start]["text"])
        return str(self._texts[position // self.chunk_docs][position % self.chunk_docs].as_py())

    def inputs(self, positions: Sequence[int]) -> DocumentInputs:
        """The extraction inputs of the documents at ``positions``, made as they are read."""
        return DocumentInputs(self, positions)

    def table(self) -> pd.DataFrame:
        """The documents table (as ``conform("documents", rows)`` of every row); the stream's chunks are
        dropped, so it can be made once."""
        if self._done:
            raise ValueError("The documents table can be made once.")
        self._flush()
        self._done = True
        chunks, self._chunks, self._texts = self._chunks, [], []
        if not chunks:
            return empty_frame("documents")
        out = chunks[0] if len(chunks) == 1 else concat_frames(chunks)  # labels columns stay categorical
        del chunks
        if self._sections:
            where = list(self._sections)
            values = [self._sections[p] for p in where]
            sections = add_labels(out["section"], values)  # a labels column: the joined sections are new values
            sections.iloc[where] = values
            out["section"] = sections
        dup = out["doc_id"].duplicated(keep=False)
        if dup.any():
            rows = list(out.index[dup][:5])
            raise SchemaError(f"Table 'documents': key ['doc_id'] is duplicated at rows {rows}.")
        return out


class DocumentInputs(Sequence[DocumentInput]):
    """The extraction inputs of some of a :class:`DocumentStream`'s documents, each made when it is read
    (its text a Python string only while the engine holds it)."""

    def __init__(self, stream: DocumentStream, positions: Sequence[int]) -> None:
        self._stream = stream
        self._positions = list(positions)

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, i: int) -> DocumentInput: ...

    @overload
    def __getitem__(self, i: slice) -> list[DocumentInput]: ...

    def __getitem__(self, i: int | slice) -> DocumentInput | list[DocumentInput]:
        if isinstance(i, slice):
            return [self._make(p) for p in self._positions[i]]
        return self._make(self._positions[i])

    def __iter__(self) -> Iterator[DocumentInput]:
        for p in self._positions:
            yield self._make(p)

    def _make(self, position: int) -> DocumentInput:
        d = self._stream.documents[position]
        return DocumentInput(d.doc_id, self._stream.text(position), d.title, d.published, d.language)
