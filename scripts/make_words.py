"""Make ``workbook/data/words_en.txt``: the compact English word list that ingest uses to split glued
words ("ComradeKim", "Kim Jong Unvisited"; see ``workbook/ingest/normalise.py``).

Source: the GUM training genres in ``../shared/data/gum-train_amir-zeldes`` (academic, court,
interview, bio, voyage; annotations CC BY 4.0, texts CC BY 4.0 / CC BY 2.5 / CC BY-SA 3.0). A word is
the lower-cased form of a token that is not a proper noun, number, symbol or punctuation, made of
letters only, 2-20 of them; plus the tokens written in lower case outside any name span of the
Universal NER English-EWT dev and test sets (``../shared/data/uner-ewt_universalner``, CC BY-SA 4.0).
The list is sorted, so running this again on the same files gives the same bytes:

    python scripts/make_words.py ../shared/data/gum-train_amir-zeldes workbook/data/words_en.txt

(the UNER folder is found next to the GUM one).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HEADER = (
    "# English word list for splitting glued words at ingest (workbook/ingest/normalise.py).\n"
    "# Made by scripts/make_words.py from the GUM corpus training genres (Zeldes 2017, https://gucorpling.org/gum/):\n"
    "# annotations CC BY 4.0; texts CC BY 4.0, CC BY 2.5 (Wikinews) and CC BY-SA 3.0 (Wikipedia, Wikivoyage).\n"
    "# Plus lower-case tokens outside names in Universal NER English-EWT dev/test (CC BY-SA 4.0).\n"
    "# This list is distributed under CC BY-SA 4.0 with those attributions.\n"
)
_SKIP_POS = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X"})


def words(folder: Path) -> list[str]:
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit() or cols[3] in _SKIP_POS:
                continue
            form = cols[1].lower()
            if form.isascii() and form.isalpha() and 2 <= len(form) <= 20:
                counts[form] += 1
    for path in sorted(folder.parent.glob("uner-ewt_universalner/*.iob2")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3 and cols[0].isdigit() and cols[2] == "O":
                form = cols[1]
                if form.isascii() and form.isalpha() and form.islower() and 2 <= len(form) <= 20:
                    counts[form] += 1
    return sorted(counts)


def main(argv: list[str]) -> int:
    folder, out = Path(argv[1]), Path(argv[2])
    found = words(folder)
    out.write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
