"""Verbs after which two or three Title Case common words are a body's name (issue 12, round twenty-one).

:func:`workbook.extract.firm_cues.said_bodies` reads "Network Rail said", "Border Force warned": two or
three capitalised words usually written in lower case, mid-sentence, before a reporting verb. Bodies do
more than report in news copy: they confirm, reveal, apologise, welcome, reject ("Network Rail confirmed
engineering work", "Southern Water apologised to customers", "Sport England welcomed the plan"). Common
words written in Title Case inside a sentence and followed by such a verb in the past or present tense
are a name as surely as before "said"; the verb is what a body does, not what a common noun does.
"""

from __future__ import annotations

from workbook.extract.reporting_words import CLAUSE_REPORTING_VERBS, REPORTING_VERBS

__all__ = ["SAID_BODY_VERBS"]

#: Verbs of what a body does or says, after its name: the reporting verbs, the verbs that report speech
#: before a clause ("confirmed", "revealed", "disclosed"), and a few acts of a body answering for itself.
SAID_BODY_VERBS: frozenset[str] = (
    frozenset(REPORTING_VERBS)
    | CLAUSE_REPORTING_VERBS
    | frozenset(
        [
            "apologised",
            "apologized",
            "apologises",
            "apologizes",
            "welcomed",
            "welcomes",
            "rejected",
            "rejects",
            "defended",
            "defends",
            "refused",
            "refuses",
            "criticised",
            "criticized",
            "criticises",
            "criticizes",
        ]
    )
)
