"""The words that report speech: reporting verbs and phrases, verbs that report speech only before
a clause, verbs that attribute a quote, and belief verbs (moved out of
:mod:`workbook.extract.vocabulary`, which re-exports them). Lower-case; past and present forms.
"""

from __future__ import annotations

import re

__all__ = [
    "AS_QUOTE_VERBS",
    "BELIEF_VERBS",
    "CLAUSE_REPORTING_VERBS",
    "QUOTE_PHRASES",
    "QUOTE_VERBS",
    "REPORTING_PHRASES",
    "REPORTING_VERBS",
]


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


#: Verbs that report speech or belief; past and present forms. The value is the lemma used as the
#: claim's cue.
REPORTING_VERBS: dict[str, str] = {
    form: lemma.strip()
    for entry in re.split(
        r";\s*",
        """
    say: said says say; tell: told tells tell; add: added adds; warn: warned warns warn;
    vow: vowed vows vow; claim: claimed claims claim; state: stated states;
    announce: announced announces; insist: insisted insists; argue: argued argues argue;
    note: noted notes; report: reported reports; acknowledge: acknowledged acknowledges;
    admit: admitted admits; deny: denied denies; pledge: pledged pledges; promise: promised promises;
    threaten: threatened threatens threaten; stress: stressed stresses; forbid: forbade forbids forbid;
    emphasise: emphasised emphasized emphasises emphasizes; predict: predicted predicts;
    estimate: estimated estimates; suggest: suggested suggests; conclude: concluded concludes;
    allege: alleged alleges; assess: assessed assesses; explain: explained explains;
    write: wrote writes; declare: declared declares; believe: believed believes believe;
    think: thinks think; expect: expects expect; fear: fears feared fear;
    suspect: suspects suspected suspect; urge: urged urges; reiterate: reiterated reiterates;
    caution: cautioned cautions
    """.strip(),
    )
    for lemma, forms in [entry.split(":")]
    for form in forms.split()
}
#: Reporting verbs of more than one word: "pointed out that …", "called for a ceasefire".
REPORTING_PHRASES: frozenset[str] = frozenset(
    {"pointed out", "points out", "called for", "calls for"}
    # phrases that report speech only with their clause, so they carry its "that"
    | {f"{verb} {obj} that" for verb in ("made", "makes", "make") for obj in ("clear", "it clear")}
    | {f"{verb} to say" for verb in ("went on", "goes on", "go on")}
    | {
        f"{verb} {obj} that"
        for verb in ("expressed", "expresses", "voiced", "voices")
        for obj in ("hope", "the hope", "concern", "confidence", "the belief", "the conviction", "fears", "doubts")
    }
    # a finding reported: "The report found that …", "the court found that …" (not "found his brother")
    | {"found that", "finds that"}
    # the authors of a paper: "The authors write that …" (not "continuing to write a new chapter")
    | {"write that"}
)

#: Verbs that report speech only before a clause opened by "that", "whether", "why" or "how"
#: ("testified that …", "asked why …"; not "testified before Congress", "responded to the fire",
#: "conceded defeat", "maintained the road"), with present forms that are also nouns ("analysts
#: estimate that …"; not "the estimate").
CLAUSE_REPORTING_VERBS: frozenset[str] = _words(
    """testified testifies maintained maintains responded responds replied replies conceded concedes
    confirmed confirms revealed reveals disclosed discloses recalled recalls complained complains countered
    counters contended contends asked asks questioned questions wondered agreed agrees disputed disputes
    insist estimate predict note stress acknowledge admit deny hoped hopes hope demanded demands indicated
    indicates mentioned mentions asserted asserts informed informs charged charges maintain assert contend
    suggest ruled rules proposed proposes recommended recommends observed observes hinted hints signalled
    signaled signals repeated repeats assured assures reminded reminds highlighted underscored underlined
    commented remarked tweeted posted lamented boasted joked speculated speculate speculates theorized
    theorised theorize theorise surmised surmise
    mused recounted clarified specified elaborated pleaded objected protested confessed swore guaranteed
    certified proclaimed forecasted opined stipulated implied thought advised advises advise recommend"""
)

#: Verbs that report speech through a quote after "as" or "of": "X described the vote as "…"",
#: "X dismissed the reports as "…"", "X accused her of "…"", "… was dismissed by X as "…"".
AS_QUOTE_VERBS: frozenset[str] = _words(
    """described describes dismissed dismisses hailed hails praised praises branded brands labelled labels
    labeled characterised characterized denounced denounces condemned condemns criticised criticized
    criticises criticizes accused accuses welcomed welcomes derided derides"""
)

#: Verbs that attribute a direct quote written right before or after them ("Stan commented, "…"",
#: ""…," she replied") but are no cue for reported speech on their own ("Kim observed the test").
QUOTE_VERBS: frozenset[str] = _words(
    """commented comments remarked remarks observed replied replies responded responds answered answers
    asked asks continued continues quipped exclaimed recalled recalls tweeted posted wrote writes
    saying adding noting writing asserted asserts characterized characterised dubbed reads read
    concluded conceded cautioned complained countered urged explained"""
)

#: Phrases that attribute a direct quote written right before them, as :data:`QUOTE_VERBS` do (""…,"
#: Greaves shot back", ""…," the coach hit back"); no cue for reported speech ("hit back at critics").
QUOTE_PHRASES: frozenset[str] = frozenset({"shot back", "hit back", "fired back", "snapped back"})

#: Reporting verbs whose claim is a belief: the verb itself is the claim's hedge.
BELIEF_VERBS: frozenset[str] = _words(
    "believed believes believe thinks think thought expects expect suspects suspected suspect fears feared fear"
)
