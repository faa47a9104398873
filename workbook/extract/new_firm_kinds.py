"""Kind words of the newer kinds of firm, for the apposition rules (issue 12, round twenty-one).

:data:`workbook.extract.firm_cues.FIRM_KIND_WORDS` names the kinds of firm an apposition gives a name
("Verdi, the services union,", "the airline Qantas"). Business news of fintech and retail names firms by
kinds it did not hold: "Brixtel, the Leeds payments start-up,", "Monzo, the digital bank,", "Greggs, the
bakery chain,", "Zavola, the fintech backed by ...". Each is a word for a business and nothing else
(not "platform", which is also an oil rig or a station's, nor "group", which is also a band or a
people's group), so a name it describes is a firm's.
"""

from __future__ import annotations

__all__ = ["NEW_FIRM_KINDS"]

#: Kinds of business, added to :data:`workbook.extract.firm_cues.FIRM_KIND_WORDS`.
NEW_FIRM_KINDS: frozenset[str] = frozenset(["start-up", "startup", "fintech", "bank", "chain", "neobank"])
