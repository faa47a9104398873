"""Reported speech, round twenty-one (quotes26): bodies named again by a kind noun that is not a legal form
("the council", "the force", "the agency", "the group", "the charity", "the regulator", "the union"), one
made-up case per rule in other words than the round's gold (``benchmarks/data/quotes_fresh25.json``)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of
from workbook.extract.speaker_kind_nouns import introduced_kind, introduced_names, kind_of_name, name_fits_kind
from workbook.extract.speaker_role_names import role_named_between

pytestmark = pytest.mark.unit


# --- the kind of a name and of its introduction (workbook/extract/speaker_kind_nouns.py) --------------------


def test_the_head_of_a_name_is_its_last_word_before_of_or_for() -> None:
    assert kind_of_name("Council of the European Union") == "council"
    assert kind_of_name("Department for Transport") == "department"
    assert kind_of_name("Harwich Town Council") == "council"
    assert kind_of_name("Charity Commission") == "commission"  # a commission, not a charity
    assert kind_of_name("") is None


def test_a_name_fits_a_kind_by_its_head_or_the_words_the_kind_stands_for() -> None:
    assert name_fits_kind("force", "Dyfed-Powys Police") and name_fits_kind("force", "Cumbria Constabulary")
    assert name_fits_kind("council", "Council of Europe") and not name_fits_kind("council", "Council Tax Office")
    assert not name_fits_kind("charity", "Charity Commission") and not name_fits_kind("regulator", "Ofwat")


def test_an_apposition_or_a_kind_noun_next_to_the_name_introduces_its_kind() -> None:
    text = "Frontex, the EU's border agency, said. The Unison union said. The housing charity Shelter said."
    assert introduced_kind(text, 0, 7) == "agency"
    at = text.index("Unison")
    assert introduced_kind(text, at, at + len("Unison")) == "union"
    at = text.index("Shelter")
    assert introduced_kind(text, at, at + len("Shelter")) == "charity"


def test_a_kind_noun_that_heads_another_noun_or_a_possessive_introduces_nothing() -> None:
    text = "Oxfam, a charity shop chain, said. Fenmoor, the council's tenant, said."
    assert introduced_kind(text, 0, 5) is None
    at = text.index("Fenmoor")
    assert introduced_kind(text, at, at + len("Fenmoor")) is None


def test_bodies_introduced_by_their_kind_are_read_whether_or_not_they_are_entities() -> None:
    text = "Quiet Lanes Alliance, a group that campaigns for slower roads, said. The pressure group Safe Seas spoke."
    assert [name for _, name in introduced_names(text, 0, len(text), "group")] == ["Quiet Lanes Alliance", "Safe Seas"]
    assert introduced_names("The group said so.", 0, 18, "group") == []


# --- "the <kind> said" in a document (workbook/extract/speaker_kinds.py) ----------------------------------


def test_the_council_is_the_body_whose_name_is_headed_council() -> None:
    text = (
        "Harwich Town Council has voted to close two public toilets on the seafront, despite a petition.\n\n"
        "The Harwich Society said the closures would hurt tourism. The council said the toilets cost £30,000 a "
        "year to run."
    )
    assert speaker_of(text, "the toilets cost") == "Harwich Town Council"


def test_the_force_is_a_constabulary_named_before() -> None:
    text = (
        "Two men have been arrested after a cash machine was ripped from a wall in Penrith, Cumbria Constabulary "
        "said.\n\nThe Post Office said the branch would reopen on Monday. The force said a stolen tractor had "
        "been used."
    )
    assert speaker_of(text, "a stolen tractor had been used") == "Cumbria Constabulary"


def test_the_agency_is_the_body_an_apposition_called_an_agency() -> None:
    text = (
        "Frontex, the EU's border agency, said irregular crossings fell by a fifth in the first half of the year.\n\n"
        "Greek coastguard officials said patrols had been doubled. The agency said departures from Libya had risen."
    )
    assert speaker_of(text, "departures from Libya had risen") == "Frontex"


def test_the_charity_is_the_body_introduced_as_one_not_a_name_that_holds_the_word() -> None:
    text = (
        "The Charity Commission has warned Oakfield Hospice Trust, a cancer charity in Devon, about its accounts.\n\n"
        "The charity said it had hired a new finance director."
    )
    assert speaker_of(text, "it had hired a new finance director") != "Charity Commission"


def test_the_group_is_an_organisation_introduced_as_a_group_the_entity_stage_missed() -> None:
    text = (
        "Quiet Lanes Alliance, a group that campaigns for slower roads, said on Friday that 40 villages had asked "
        "for 20mph limits.\n\nA spokesperson for the Department for Transport said the rules were under review.\n\n"
        "The campaign group said it would hand in a petition next month."
    )
    assert speaker_of(text, "it would hand in a petition") == "Quiet Lanes Alliance"


def test_the_union_with_two_unions_named_since_either_spoke_is_nobody() -> None:
    text = (
        "The Unison union said on Tuesday that hospital porters would strike.\n\n"
        "The rival GMB union, which also represents porters, has not balloted. The union said talks had failed."
    )
    claim = claim_holding(text, "talks had failed")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None


def test_the_regulator_is_a_speaker_and_is_the_body_called_the_regulator() -> None:
    text = (
        "Ofwat, the water regulator for England and Wales, has fined Brackwater Utilities £12m over sewage spills.\n\n"
        "The regulator said the company had failed to maintain its pumps."
    )
    assert speaker_of(text, "the company had failed to maintain") == "Ofwat"


def test_a_kind_with_no_body_of_its_kind_named_is_left_to_the_other_readings() -> None:
    text = "The Royal Navy has ordered two tugs.\n\nThe council said the harbour would be dredged."
    claim = claim_holding(text, "the harbour would be dredged")
    assert claim is None or claim.speaker_text != "Royal Navy"


# --- "he" / "she" after a name set off after a role (workbook/extract/speaker_role_names.py) -----------------


def test_a_name_set_off_after_a_role_is_a_persons_name() -> None:
    text = "Estonia's interior minister, Liisbet Kaarmaa-Roos, said the border would stay shut."
    assert role_named_between(text, 0, len(text)) == ("Liisbet Kaarmaa-Roos", text.index("Liisbet"))
    assert role_named_between(text, 0, len(text), "f") is not None


def test_a_firm_a_body_a_name_after_no_role_or_of_the_other_gender_is_none() -> None:
    assert role_named_between("The carrier, Pacific Airways, said.", 0, 35) is None
    assert role_named_between("Its owner, Harbour Council, said.", 0, 33) is None
    assert role_named_between("In Tallinn, Liisbet Kaarmaa, said.", 0, 34) is None
    assert role_named_between("Its chairman, John Pilbeam, said.", 0, 33, "f") is None


def test_she_is_the_person_set_off_after_a_role_the_entity_stage_did_not_read_as_one() -> None:
    text = (
        "Coastguard crews rescued 14 people from a sinking yacht off Saaremaa, officials said.\n\n"
        "Estonia's interior minister, Liisbet Kaarmaa-Roos, said the crews had saved lives. \"They went out in a "
        'storm," she told reporters.'
    )
    assert (speaker_of(text, "They went out in a storm") or "").endswith("Kaarmaa-Roos")


def test_he_is_a_person_named_after_a_role_since_the_last_speaker() -> None:
    text = (
        'Defence Secretary Harriet Quayle said: "This order secures 400 jobs."\n\n'
        "Marlow Dynamics' chief executive, Obinna Halvorsen-Reyes, said the yard would hire welders. "
        '"We have waited ten years for this," he said.'
    )
    assert speaker_of(text, "We have waited ten years") == "Obinna Halvorsen-Reyes"


# --- "Its lead researcher, X of Y, said:" when X of Y was read as one name (workbook/extract/claim_person_of.py) -


def test_a_direct_quote_after_a_role_and_a_person_read_with_their_body_as_one_name_is_the_persons() -> None:
    text = (
        'Its lead researcher, Tarek Moussa-Berg of Lund University, said: "The wards are running on goodwill, and '
        'goodwill runs out."\n\nThe ministry said it would respond.\n'
    )
    assert speaker_of(text, "The wards are running on goodwill") == "Tarek Moussa-Berg"


def test_a_name_of_a_body_after_no_role_noun_is_not_cut_to_a_person() -> None:
    text = "In a statement, Tarek Moussa-Berg of Lund University, said the wards were full."
    claim = claim_holding(text, "the wards were full")
    assert claim is None or claim.speaker_text != "Tarek Moussa-Berg"
