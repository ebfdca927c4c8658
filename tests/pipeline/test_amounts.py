"""The amounts component: values, scales, words, ranges, qualifiers, units, objects, claimants."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Span as SpacySpan

from flashpoint.errors import DataFileError
from flashpoint.model import Analysis, Quote, Span
from flashpoint.pipeline.amounts import extract_amounts, find_figures, load_lexicon
from flashpoint.pipeline.amounts.lexicon import AmountLexicon
from flashpoint.pipeline.amounts.scanner import parse_number_words
from flashpoint.pipeline.doc_ext import ACTOR_MENTIONS, EXCLUDED


@pytest.fixture(scope="module")
def lexicon() -> AmountLexicon:
    return load_lexicon()


def figures(text: str, lexicon: AmountLexicon) -> list[tuple[str, float, str, tuple[float, float] | None]]:
    return [
        (text[atom.prefix_start : atom.extent_end], atom.value, reading.qualifier, atom.range)
        for atom, reading in find_figures(text, lexicon)
    ]


def only(text: str, lexicon: AmountLexicon) -> tuple[float, str | None, str | None]:
    found = find_figures(text, lexicon)
    assert len(found) == 1, found
    atom = found[0][0]
    return atom.value, atom.currency, atom.unit


@pytest.mark.parametrize(
    ("text", "value", "currency", "unit"),
    [
        ("The army moved 94,000 troops.", 94_000, None, None),
        ("The fund holds 2.5 million shells.", 2_500_000, None, None),
        ("Kyiv asked for $15bn in credit.", 15e9, "USD", None),
        ("Turnout fell to 40% in the east.", 40, None, "percent"),
        ("The channel has 3.5k viewers.", 3_500, None, None),
        ("The grant was RM79 for each family.", 79, "MYR", None),
        ("The villa sold for AUD1.5m last week.", 1_500_000, "AUD", None),
        ("Gold traded at USD1,700 on the day.", 1_700, "USD", None),
        ("Debt reached $US113 trillion globally.", 113e12, "USD", None),
        ("The fine was 10.5 million Australian dollars.", 10_500_000, "AUD", None),
        ("They paid 500,000 rubles in damages.", 500_000, "RUB", None),
        ("Kyiv set aside 2 billion hryvnias for repairs.", 2e9, "UAH", None),
        ("The budget was ₹3,000 crore this time.", 3e10, "INR", None),
        ("The loan was €2.5 million.", 2_500_000, "EUR", None),
        ("It weighed £40 less than planned.", 40, "GBP", None),
        ("The column stretched 64 km north.", 64, None, "km"),
        ("The engine makes 640bhp on paper.", 640, None, "hp"),
        ("The gusts reached 50mph inland.", 50, None, "mph"),
        ("Output hit 1.2m tons of grain.", 1_200_000, None, "t"),
        ("The night fell to -5 degrees.", -5, None, "degree"),
        ("It was minus 12 Celsius at dawn.", -12, None, "°C"),
        ("The shelter is 18 meters deep.", 18, None, "m"),
        ("The estate covers 3923sq m of land.", 3923, None, "m2"),
        ("Chips shrink to sub-7 nanometer sizes.", 7, None, "nm"),
        ("There were 4 hundred million voters.", 400_000_000, None, None),
        ("Only 24 Percent Of Donors Agree", 24, None, "percent"),
        ("a loss of around rs 300 crore was reported", 3e9, "INR", None),
    ],
)
def test_amounts_digits_scales_currencies_units(
    lexicon: AmountLexicon, text: str, value: float, currency: str | None, unit: str | None
) -> None:
    assert only(text, lexicon) == (pytest.approx(value), currency, unit)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("eight million", 8_000_000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("four hundred and five", 405),
        ("three thousand", 3_000),
        ("one hundred twenty thousand", 120_000),
        ("a million", 1_000_000),
    ],
)
def test_amounts_parse_number_words(lexicon: AmountLexicon, words: str, value: float) -> None:
    assert parse_number_words(words, lexicon) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Eight million people voted.", 8_000_000),
        ("They sent twenty-five medics.", 25),
        ("We counted a dozen craters.", 12),
        ("A third of the town was flooded.", 1 / 3),
        ("Two thirds of the staff left.", 2 / 3),
        ("Half of the bridges are down.", 0.5),
        ("One in five homes lacks power.", 0.2),
        ("The tank holds 1/16 of a barrel.", 1 / 16),
        ("Shelling rose sixfold after the talks.", 6),
        ("Exports grew 10-fold in a decade.", 10),
        ("The loss was 2½ times larger.", 2.5),
    ],
)
def test_amounts_words_fractions_multiples(lexicon: AmountLexicon, text: str, value: float) -> None:
    assert only(text, lexicon)[0] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 10 and 20 drones were shot down.", 10, 20),
        ("Another 10-20 missiles hit the city.", 10, 20),
        ("The march drew 2000 - 2500 people.", 2000, 2500),
        ("They walked from 35 to 40 km a day.", 35, 40),
        ("Prices run from $800,000 to $1.3 million.", 800_000, 1_300_000),
        ("There are four to five thousand people.", 4_000, 5_000),
        ("It will take three or four years.", 3, 4),
        ("Growth will be 5 to 7 per cent.", 5, 7),
    ],
)
def test_amounts_ranges(lexicon: AmountLexicon, text: str, low: float, high: float) -> None:
    (_, value, qualifier, found_range), *rest = figures(text, lexicon)
    assert not rest
    assert found_range == (pytest.approx(low), pytest.approx(high))
    assert value == pytest.approx(low)
    assert qualifier == "range"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of civilians were hurt.", 12, 120),
        ("Thousands of people fled.", 1_000, 10_000),
        ("Tens of thousands marched.", 10_000, 100_000),
        ("Hundreds of thousands of refugees crossed.", 100_000, 1_000_000),
        ("It cost tens of millions of dollars.", 10_000_000, 100_000_000),
        ("Several hundred soldiers deserted.", 200, 900),
        ("A few thousand people returned.", 2_000, 9_000),
    ],
)
def test_amounts_vague_plurals_follow_newsquant_ranges(
    lexicon: AmountLexicon, text: str, low: float, high: float
) -> None:
    assert [found[1:] for found in figures(text, lexicon)] == [(low, "range", (low, high))]


@pytest.mark.parametrize(
    ("text", "qualifier", "detail"),
    [
        ("Officials counted 94,000 troops.", "exact", None),
        ("About 300 residents were evacuated.", "approximate", None),
        ("Some 300 residents were evacuated.", "approximate", None),
        ("Nearly 300 residents were evacuated.", "approximate", None),
        ("Roughly 300 residents were evacuated.", "approximate", None),
        ("Over 94,000 Russian troops massed.", "more_than", None),
        ("More than 94,000 troops massed.", "more_than", None),
        ("They fired 300-plus rockets.", "more_than", None),
        ("At least 12 people were killed.", "at_least", None),
        ("Twelve or more people were killed.", "at_least", None),
        ("Fewer than 40 tanks crossed.", "less_than", None),
        ("The blast hurt under 40 people.", "less_than", None),
        ("They make sub-7 nanometer chips.", "less_than", None),
        ("No more than 200 soldiers remain.", "at_most", None),
        ("Donors who gave $200 or less were thanked.", "at_most", None),
        ("Up to 175,000 soldiers could join.", "at_most", "up_to"),
        ("Casualties rose by 5% last week.", "increase", None),
        ("The rouble fell 3.5% on Monday.", "decrease", None),
        ("Shares were up 19 cents at the close.", "increase", None),
        ("Stocks slid 0.8% after the strike.", "decrease", None),
        ("Inflation climbed to 6.7% in May.", "increase", None),
        ("Employment grew by 125,600 positions.", "increase", None),
        ("In Europe the DAX was -1.6% by noon.", "decrease", None),
    ],
)
def test_amounts_qualifiers(lexicon: AmountLexicon, text: str, qualifier: str, detail: str | None) -> None:
    (atom, reading), *rest = find_figures(text, lexicon)
    assert not rest, rest
    assert (reading.qualifier, reading.detail) == (qualifier, detail)


@pytest.mark.parametrize(
    "text",
    [
        "The army lost 300 troops in the battle.",  # a loss of people is a count, not a decrease
        "The defence gave up 517 yards.",  # phrasal "gave up"
        "The index rose 64.06 points to 4,577.10.",  # the new level after the change
    ],
)
def test_amounts_change_verbs_need_a_change(lexicon: AmountLexicon, text: str) -> None:
    readings = [reading.qualifier for _, reading in find_figures(text, lexicon)]
    assert readings[-1] == "exact"


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 2015.",
        "The talks resumed on March 3 in Geneva.",
        "They met on 9 May after the vote.",
        "The curfew starts at 5 p.m. every day.",
        "The strike came at 17:22 local time.",
        "He finished 10th in the race.",
        "It was popular in the 1990s.",
        "Call 555-123-4567 for details.",
        "The hotline is +380 44 123 4567 in Kyiv.",
        "Call the station on 08458 505505 today.",
        "The fire broke out at 6016 Dublin Road overnight.",
        "United won 2-1 in extra time.",
        "The data cover 2014-17 only.",
        "Between 2014 and 2017 the war froze.",
        "He has COVID-19 and a V10 engine.",
        "The version is 1.2.3 now.",
        "The 49ers won again.",
        "The survey was conducted September 16-19.",
        "They met at three o'clock sharp.",
        "they sought time till march 13 for talks.",
    ],
)
def test_amounts_non_amounts_from_text(lexicon: AmountLexicon, text: str) -> None:
    assert figures(text, lexicon) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Under Section 427 the court may act.",
        "The resolution is in Article 5 of the treaty.",
        "The new iPhone 11 sold out.",
        "The S&P 500 closed flat.",
        "The quarterback Dak Prescott (4) ran for a touchdown.",
        "No one came to the door.",
        "They liked this one best.",
    ],
)
def test_amounts_labels_are_not_amounts(analyze: Callable[..., Analysis], text: str) -> None:
    assert analyze(text).amounts == ()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Over 94,000 Russian troops massed near the border.", "Russian troops"),
        ("Up to 175,000 soldiers could join them.", "soldiers"),
        ("Dozens of civilians were wounded.", "civilians"),
        ("About 5% of its workforce was laid off.", "its workforce"),
        ("The convoy was 40 km long.", None),
    ],
)
def test_amounts_object_is_what_is_counted(analyze: Callable[..., Analysis], text: str, obj: str | None) -> None:
    (amount,) = analyze(text).amounts
    assert amount.object == obj


@pytest.mark.model
def test_amounts_offsets_index_the_text_and_validate(analyze: Callable[..., Analysis], contract_validator) -> None:
    text = "Ukraine said over 94,000 troops and $15bn of aid arrived; up to 20% left."
    analysis = analyze(text)
    assert [amount.span.text for amount in analysis.amounts] == ["94,000", "$15bn", "20%"]
    for amount in analysis.amounts:
        assert text[amount.span.start : amount.span.end] == amount.span.text
    document = analysis.to_json_dict()
    assert document["amounts"][2]["qualifier_detail"] == "up_to"
    assert not list(contract_validator.iter_errors(document))


@pytest.mark.model
def test_amounts_skip_excluded_spans(nlp: Language, lexicon: AmountLexicon) -> None:
    doc = nlp("Sign up for 3 newsletters.\nThe army lost 300 troops.")
    doc.spans[EXCLUDED] = [doc.char_span(0, 26, label="boilerplate", alignment_mode="expand")]
    assert [amount.value for amount in extract_amounts(doc, lexicon)] == [300]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor_text"),
    [
        ("Ukraine said over 94,000 Russian troops had massed.", "Ukraine"),
        ("Over 94,000 Russian troops had massed, Ukraine said.", "Ukraine"),
        ("According to the Pentagon, 175,000 soldiers could join.", "Pentagon"),
    ],
)
def test_amounts_claimed_by_the_actor_who_gives_the_figure(
    nlp: Language, lexicon: AmountLexicon, text: str, actor_text: str
) -> None:
    doc = nlp(text)
    doc._.fp_quotes = ()  # the parse path alone: no quote speaker to fall back on
    start = text.index(actor_text)
    doc.spans[ACTOR_MENTIONS] = [doc.char_span(start, start + len(actor_text), label="actor-x")]
    (amount,) = extract_amounts(doc, lexicon)
    assert amount.claimed_by == "actor-x"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        ("Ukraine said over 94,000 Russian troops had massed near its borders.", "94,000", "Ukraine"),
        ("Up to 175,000 soldiers could join them, according to the Pentagon.", "175,000", "Pentagon"),
    ],
)
def test_amounts_claimed_by_with_the_actors_component(
    analyze: Callable[..., Analysis], text: str, figure: str, claimant: str
) -> None:
    analysis = analyze(text)
    names = {actor.id: actor.name for actor in analysis.actors}
    (amount,) = [amount for amount in analysis.amounts if amount.span.text == figure]
    assert names.get(amount.claimed_by or "") == claimant


@pytest.mark.model
def test_amounts_claimed_by_the_speaker_of_the_enclosing_quote(nlp: Language, lexicon: AmountLexicon) -> None:
    text = '"We lost 300 men," the commander said.'
    doc = nlp(text)
    doc.spans[ACTOR_MENTIONS] = []
    doc._.fp_quotes = (Quote(id="q1", kind="direct", content=(Span.of(text, 1, 16),), speaker="actor-c"),)
    (amount,) = extract_amounts(doc, lexicon)
    assert amount.claimed_by == "actor-c"


@pytest.mark.model
def test_amounts_without_an_attribution_have_no_claimant(nlp: Language, lexicon: AmountLexicon) -> None:
    doc = nlp("Over 94,000 troops massed near the border.")
    doc.spans[ACTOR_MENTIONS] = [SpacySpan(doc, 5, 7, label="actor-border")]
    (amount,) = extract_amounts(doc, lexicon)
    assert amount.claimed_by is None


def test_amounts_user_file_extends_the_lexicon(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("currencies:\n  XAF:\n    words: [CFA francs]\nunits:\n  sortie: [sorties]\n", encoding="utf-8")
    lexicon = load_lexicon([extra])
    assert only("They paid 40,000 CFA francs.", lexicon)[1] == "XAF"
    assert only("The air force flew 120 sorties.", lexicon)[2] == "sortie"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("units: [a, b]\n", "'units' must be a mapping"),
        ("bogus: 1\n", "unknown section 'bogus'"),
        ("units: {x: [y]\n", "invalid YAML"),
    ],
)
def test_amounts_bad_user_file_names_the_file(tmp_path: Path, content: str, problem: str) -> None:
    extra = tmp_path / "broken.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_lexicon([extra])
    assert "broken.yaml" in str(caught.value) and problem in str(caught.value)


FIGURE_PIECES = [*"0123456789 ,.-–$€£%kmbn/½İ\n", "million ", "one ", "a ", "third ", "of ", "to ", "and ", "between ", "US", "RM"]
FIGURE_TEXT = st.lists(st.sampled_from(FIGURE_PIECES), max_size=25).map("".join)


@settings(max_examples=120, deadline=None)
@given(text=FIGURE_TEXT)
def test_amounts_scanner_offsets_stay_inside_the_text(text: str) -> None:
    lexicon = load_lexicon()
    for atom, reading in find_figures(text, lexicon):
        assert 0 <= atom.prefix_start <= atom.start < atom.end <= atom.extent_end <= len(text)
        assert reading.qualifier in {"exact", "approximate", "more_than", "at_least", "less_than", "at_most", "range", "increase", "decrease"}
        if atom.range is not None:
            assert atom.value == atom.range[0]
