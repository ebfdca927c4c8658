"""The dates component: spans, TIMEX3 types and values against the publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from flashpoint.data import bundled_path
from flashpoint.errors import DataFileError
from flashpoint.pipeline.dates import DatesComponent, date_governing, extract_dates, load_date_rules
from flashpoint.pipeline.doc_ext import EXCLUDED

PUBLISHED = date(2021, 12, 9)  # a Thursday, ISO week 2021-W49


@pytest.fixture(scope="module")
def rules():
    return load_date_rules()


def found(text: str, rules, published: date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(item.span.text, item.type, item.value) for item in extract_dates(text, rules, published)]


def only(text: str, rules, published: date | None = PUBLISHED) -> tuple[str, str, str]:
    results = found(text, rules, published)
    assert len(results) == 1, results
    return results[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It happened on December 2, 2021.", "December 2, 2021", "2021-12-02"),
        ("It happened on 2 Dec 2021.", "2 Dec 2021", "2021-12-02"),
        ("It happened on 2021-12-02.", "2021-12-02", "2021-12-02"),
        ("It happened on 12/02/2021.", "12/02/2021", "2021-12-02"),
        ("It happened on 25/12/2020.", "25/12/2020", "2020-12-25"),
        ("It happened on Dec. 2.", "Dec. 2", "2021-12-02"),
        ("It happened on Thursday, Dec. 2, 2021.", "Thursday, Dec. 2, 2021", "2021-12-02"),
        ("It happened on the 2nd of December.", "the 2nd of December", "2021-12-02"),
        ("It happened in December 2020.", "December 2020", "2020-12"),
        ("It happened in 1998.", "1998", "1998"),
        ("It happened in fiscal 1989.", "fiscal 1989", "1989"),
        ("It happened in mid-November.", "mid-November", "2021-11"),
        ("It happened in the 1990s.", "the 1990s", "199"),
        ("It happened in the 20th century.", "the 20th century", "19"),
        ("It happened in the summer of 2019.", "the summer of 2019", "2019-SU"),
        ("Profit fell in the third quarter of 2020.", "the third quarter of 2020", "2020-Q3"),
        ("Profit fell in the first half.", "the first half", "2021-H1"),
        ("It happened on Christmas Eve.", "Christmas Eve", "2021-12-24"),
        ("In nineteen ninety-one the bank failed.", "nineteen ninety-one", "1991"),
        ("A bomb went off in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("The plan runs to the year two thousand.", "the year two thousand", "2000"),
        ("It ends in the year two thousand and five.", "the year two thousand and five", "2005"),
        ("Troops arrive by the end of the month.", "the end of the month", "2021-12"),
        ("The March vote was close.", "March", "2022-03"),
    ],
)
def test_dates_absolute_formats(rules, text: str, span: str, value: str) -> None:
    assert only(text, rules) == (span, "DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Profit rose in the quarter ended July 31.", "2021-Q2"),
        ("Profit rose in the quarter ended Sept. 30, 2020.", "2020-Q3"),
        # The end day after publication: the last such day, in the year before.
        ("Profit rose in the quarter ended Dec. 31.", "2020-Q4"),
    ],
)
def test_dates_a_quarter_ended_on_a_day_is_named_by_that_day(rules, text: str, value: str) -> None:
    assert found(text, rules)[0] == ("the quarter", "DATE", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The talks ended last week.", "last week", "2021-W48"),
        ("The talks began earlier this week.", "earlier this week", "2021-W49"),
        ("The talks resume next week.", "next week", "2021-W50"),
        ("Elections are due next year.", "next year", "2022"),
        ("Prices rose this month.", "this month", "2021-12"),
        ("Prices rose last month.", "last month", "2021-11"),
        ("Sales fell last year.", "last year", "2020"),
        ("Troops arrived yesterday.", "yesterday", "2021-12-08"),
        ("Troops leave tomorrow.", "tomorrow", "2021-12-10"),
        ("The vote is today.", "today", "2021-12-09"),
        ("The siege began two years ago.", "two years ago", "2019"),
        ("The siege began three weeks ago.", "three weeks ago", "2021-W46"),
        ("The siege began ten days ago.", "ten days ago", "2021-11-29"),
        ("The siege began last fall.", "last fall", "2021-FA"),
        ("It will end next spring.", "next spring", "2022-SP"),
        ("It began last April.", "last April", "2021-04"),
        ("It began last quarter.", "last quarter", "2021-Q3"),
        ("He left last Friday.", "last Friday", "2021-12-03"),
        ("He returns next Monday.", "next Monday", "2021-12-13"),
        ("He was shot last Oct. 23 at home.", "last Oct. 23", "2021-10-23"),
        ("He was shot last Dec. 23 at home.", "last Dec. 23", "2020-12-23"),
    ],
)
def test_dates_relative_to_publication(rules, text: str, span: str, value: str) -> None:
    assert only(text, rules) == (span, "DATE", value)


def test_dates_issue_example_last_week_is_w47(rules) -> None:
    assert only("The shelling started last week.", rules, date(2021, 12, 2)) == ("last week", "DATE", "2021-W47")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry is now silent.", "PRESENT_REF"),
        ("He recently resigned.", "PAST_REF"),
        ("More troops arrive in the coming days.", "FUTURE_REF"),
        ("That matters in the future.", "FUTURE_REF"),
        ("Prices should ease in coming months.", "FUTURE_REF"),
        ("For now, the border stays closed.", "PRESENT_REF"),
        ("Now the border is closed.", "PRESENT_REF"),
        ("The border is closed now, officials said.", "PRESENT_REF"),
    ],
)
def test_dates_reference_words(rules, text: str, value: str) -> None:
    assert only(text, rules)[1:] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The war lasted three years.", "three years", "P3Y"),
        ("It takes a few weeks.", "a few weeks", "PXW"),
        ("They lived there for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("It was a 16-hour journey.", "16-hour", "PT16H"),
        ("Losses grew in the past two quarters.", "the past two quarters", "P2Q"),
        ("They talked for thirty minutes.", "thirty minutes", "PT30M"),
        ("The truce held for a couple of years.", "a couple of years", "P2Y"),
        ("The dispute went on for a decade.", "a decade", "P10Y"),
        ("Revenue for the year ended March 31 rose.", "the year", "P1Y"),
        ("The region has been contested for decades.", "for decades", "PXDE"),
        ("What 40 years of sanctions did not achieve, a week of talks did.", "40 years", "P40Y"),
        ("After weeks of talks the strike ended.", "weeks of", "PXW"),
        ("The loan may run for an additional year.", "an additional year", "P1Y"),
        ("The mission got two extra weeks.", "two extra weeks", "P2W"),
    ],
)
def test_dates_durations(rules, text: str, span: str, value: str) -> None:
    assert found(text, rules)[0] == (span, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Patrols leave every Monday.", "every Monday", "XXXX-WXX-1"),
        ("Patrols leave on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The bulletin appears weekly.", "weekly", "P1W"),
        ("The bulletin appears daily.", "daily", "P1D"),
        ("Inspectors visit every two weeks.", "every two weeks", "P2W"),
        ("The council meets twice a year.", "twice a year", "P1Y"),
        ("The march is held each July.", "each July", "XXXX-07"),
    ],
)
def test_dates_sets(rules, text: str, span: str, value: str) -> None:
    assert only(text, rules) == (span, "SET", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The blast came this morning.", "this morning", "2021-12-09TMO"),
        ("The blast came last night.", "last night", "2021-12-08TNI"),
        ("The blast came at 3 p.m.", "3 p.m.", "2021-12-09T15:00"),
        ("The blast came at 10:35 a.m. yesterday.", "10:35 a.m. yesterday", "2021-12-08T10:35"),
        ("The launch was at 18:00 UTC.", "18:00 UTC", "2021-12-09T18:00Z"),
        ("The ceasefire starts at midnight.", "midnight", "2021-12-09T24:00"),
        ("The blast came tonight.", "tonight", "2021-12-09TNI"),
        ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "2021-12-08TAF"),
    ],
)
def test_dates_times_of_day(rules, text: str, span: str, value: str) -> None:
    assert only(text, rules) == (span, "TIME", value)


@pytest.mark.parametrize(
    ("text", "clock", "value"),
    [
        ("The blast came at 10:35 a.m. (0835 GMT) Tuesday in the capital.", "10:35 a.m.", "2021-12-07T10:35"),
        ("At 16:15 UTC, Dec. 1st, the minister resigned.", "16:15 UTC", "2021-12-01T16:15Z"),
        # Any other word between them: the clock keeps the publication day.
        ("The blast came at 10:35 a.m., police said Tuesday.", "10:35 a.m.", "2021-12-09T10:35"),
    ],
)
def test_dates_a_clock_takes_the_day_written_after_it(rules, text: str, clock: str, value: str) -> None:
    assert found(text, rules)[0] == (clock, "TIME", value)


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        # 2 January 2021 is a Saturday in ISO week 2020-W53.
        (date(2021, 1, 2), "The strike ended last week.", "2020-W52"),
        (date(2021, 1, 2), "The strike ended this week.", "2020-W53"),
        (date(2020, 12, 31), "The strike ends next week.", "2021-W01"),
        (date(2024, 1, 2), "The strike ended last week.", "2023-W52"),
        (date(2019, 12, 30), "The strike started this week.", "2020-W01"),
        (date(2021, 1, 2), "Prices fell last month.", "2020-12"),
        (date(2020, 12, 31), "Prices rise next month.", "2021-01"),
        (date(2021, 1, 5), "Profit rose in the fourth quarter.", "2020-Q4"),
        (date(2021, 1, 5), "It happened on Dec. 30.", "2020-12-30"),
        (date(2020, 12, 28), "It happens on Jan. 3.", "2021-01-03"),
        (date(2021, 1, 1), "It happened yesterday.", "2020-12-31"),
    ],
)
def test_dates_year_boundaries(rules, published: date, text: str, value: str) -> None:
    assert only(text, rules, published)[2] == value


@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        (date(2024, 3, 1), "It happened yesterday.", "2024-02-29"),
        (date(2023, 3, 1), "It happened yesterday.", "2023-02-28"),
        (date(2024, 2, 28), "It happens tomorrow.", "2024-02-29"),
        (date(2025, 3, 10), "It happened on Feb. 29.", "2024-02-29"),
        (date(2024, 3, 10), "It happened on February 29, 2024.", "2024-02-29"),
    ],
)
def test_dates_leap_years(rules, published: date, text: str, value: str) -> None:
    assert only(text, rules, published)[2] == value


def test_dates_invalid_calendar_date_is_not_a_date(rules) -> None:
    assert found("It happened on February 29, 2023.", rules) == [("2023", "DATE", "2023")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks ended last week.", "XXXX-WXX"),
        ("He left on Thursday.", "XXXX-WXX-4"),
        ("Troops arrived yesterday.", "XXXX-XX-XX"),
        ("Elections are due next year.", "XXXX"),
        ("It happened on Dec. 2.", "XXXX-12-02"),
        ("It happened on December 2, 2021.", "2021-12-02"),
        ("The siege began three weeks ago.", "XXXX-WXX"),
        ("The blast came this morning.", "XXXX-XX-XXTMO"),
    ],
)
def test_dates_without_publication_date_stay_underspecified(rules, text: str, value: str) -> None:
    assert only(text, rules, None)[2] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("She joined the army in 2005, and the following year she was promoted.", "the following year", "2006"),
        ("The plant opened in March 2019. The following month it was sold.", "The following month", "2019-04"),
        ("Shares closed at $10 on Friday, Nov. 5, up from the previous Friday.", "previous Friday", "2021-10-29"),
        # Without an earlier date, or with one too coarse, they count from publication.
        ("Sales doubled from the previous year.", "the previous year", "2020"),
        ("In 2005 the mine closed; the following month it flooded.", "the following month", "2022-01"),
        ("The mine opened in 2005 and flooded later that year.", "later that year", "2005"),
        ("The mine flooded on May 3, 2019. Earlier that day, miners had left.", "Earlier that day", "2019-05-03"),
        ("The rains came in March 2019; that month the river rose.", "that month", "2019-03"),
        ("Nobody recalls that year.", "that year", "XXXX"),
    ],
)
def test_dates_following_and_previous_count_from_the_last_named_date(rules, text: str, span: str, value: str) -> None:
    assert (span, value) in [(item[0], item[2]) for item in found(text, rules)]


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "A 6-year-old boy was rescued.",
        "The plan saves $500 million a year.",
        "Prices fall when supply grows.",
        "Sun Microsystems gained.",
        "The second world war ended.",
        "He will march on the capital.",
        "Four flights a week serve the route.",
        "In their 80s, they still farm.",
        "The index fell 40 points to 1847.27 on heavy selling.",
        "Now, the minister says, the talks are over.",
        "Prices rose. Now, after the sale, the firm is smaller.",
        "The raid came in the early hours of the morning.",
        'The minister spoke on the programme "This Week" about the war.',
        "The quarter-to-quarter comparison was flattered by charges.",
    ],
)
def test_dates_ordinary_words_are_not_dates(rules, text: str) -> None:
    assert found(text, rules) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nineteen twenty people came to the rally.",
        "The firm sold two thousand cars.",
        "Sales were lower the year before.",
        "He lost his job in the year of the flood.",
        "The year's figures exclude Britain.",
    ],
)
def test_dates_spoken_numbers_and_the_year_need_date_context(rules, text: str) -> None:
    assert found(text, rules) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("For the year, pet food volume was flat.", "the year"),
        ("The stock hit a high for the year in June.", "the year"),
        ("Growth should reach 4% in the current year.", "the current year"),
        ("Profit should rise throughout the fiscal year.", "the fiscal year"),
    ],
)
def test_dates_the_year_is_the_publication_year(rules, text: str, span: str) -> None:
    assert found(text, rules)[0] == (span, "DATE", "2021")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales in the fiscal year ended Feb. 28 rose.", "2021-02-28"),
        ("Sales in the fiscal year ending Feb. 28 will rise.", "2022-02-28"),
    ],
)
def test_dates_ended_puts_a_day_without_year_in_the_past(rules, text: str, value: str) -> None:
    assert found(text, rules)[-1] == ("Feb. 28", "DATE", value)


def test_dates_span_excludes_preposition(rules) -> None:
    assert only("The army attacked on Thursday.", rules)[0] == "Thursday"


def test_dates_weekday_defaults_to_past_without_parse(rules) -> None:
    assert only("The army attacked on Monday.", rules)[2] == "2021-12-06"


def test_dates_a_year_earlier_follows_the_named_quarter(rules) -> None:
    text = "Profit rose in the third quarter, up from $5 million a year earlier."
    assert found(text, rules) == [("the third quarter", "DATE", "2021-Q3"), ("a year earlier", "DATE", "2020-Q3")]


def test_dates_user_rule_file_adds_words_phrases_and_rules(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "months:\n  brumaire: 11\n"
        "phrases:\n  - {text: [in the nick of time], type: DATE, value: PRESENT_REF}\n"
        "rules:\n  - name: ramadan\n    pattern: 'during Ramadan'\n    type: DATE\n    normalise: this_year\n",
        encoding="utf-8",
    )
    rules = load_date_rules([extra])
    text = "It came in Brumaire, in the nick of time, during Ramadan."
    assert found(text, rules) == [
        ("Brumaire", "DATE", "2021-11"),
        ("in the nick of time", "DATE", "PRESENT_REF"),
        ("during Ramadan", "DATE", "2021"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("rules:\n  - name: broken\n    pattern: '(unclosed'\n    type: DATE\n    normalise: calendar\n", "bad pattern"),
        ("rules:\n  - name: odd\n    pattern: 'x'\n    type: EVENT\n    normalise: calendar\n", "type must be"),
        ("rules:\n  - name: odd\n    pattern: 'x'\n    type: DATE\n    normalise: guess\n", "unknown normalise"),
        ("rules:\n  - name: odd\n    pattern: '{nothing}'\n    type: DATE\n    normalise: calendar\n", "unknown placeholder"),
        ("months: [january]\n", "expected a mapping"),
        ("months:\n  jan: [1\n", "invalid YAML"),
    ],
)
def test_dates_bad_rule_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_date_rules([extra])
    assert "bad.yaml" in str(error.value) and message in str(error.value)


def test_dates_component_skips_excluded_spans(blank_nlp, rules) -> None:
    doc = blank_nlp("READ MORE: talks on Monday\nTroops left on Tuesday.")
    doc._.fp_published = PUBLISHED
    doc.spans[EXCLUDED] = [doc.char_span(0, 26, label="boilerplate", alignment_mode="expand")]
    doc = DatesComponent(rules)(doc)
    assert [(item.id, item.span.text, item.value) for item in doc._.fp_dates] == [("t1", "Tuesday", "2021-12-07")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The army attacked the town on Thursday.", "2021-12-02"),
        ("The army will attack the town on Thursday.", "2021-12-09"),
        ("The minister said the talks would resume on Friday.", "2021-12-10"),
        ("The minister plans to visit Kyiv on Saturday.", "2021-12-11"),
        ("The talks have been postponed until Friday.", "2021-12-10"),
        ("The rebels will appeal Tuesday's ruling.", "2021-12-07"),
    ],
)
def test_dates_weekday_follows_tense(analyze, text: str, value: str) -> None:
    analysis = analyze(text, published="2021-12-08")
    assert [item.value for item in analysis.dates] == [value]


@pytest.mark.model
@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        # Wednesday 8 December 2021: an arranged event lies ahead even under a past-tense verb.
        ("2021-12-08", "The union planned a march on Saturday.", "2021-12-11"),
        ("2021-12-08", "The prosecutor has scheduled a hearing Friday.", "2021-12-10"),
        # ... but a past perfect speaks of a plan the news has overtaken.
        ("2021-12-08", "The ceasefire had been due to expire Monday.", "2021-12-06"),
        ("2021-12-08", "Until Tuesday, the police had not named a suspect.", "2021-12-07"),
        # "is to" is an arrangement; a modal with a perfect looks back.
        ("2021-12-08", "The parliament is to vote on Friday.", "2021-12-10"),
        ("2021-12-08", "The storm may have caused the outage on Monday.", "2021-12-06"),
        # Across a year boundary: Saturday 1 January 2022.
        ("2022-01-01", "The army had been due to withdraw on Thursday.", "2021-12-30"),
        ("2022-01-01", "The rebels planned a rally on Monday.", "2022-01-03"),
    ],
)
def test_dates_weekday_direction_from_the_clause(analyze, published: str, text: str, value: str) -> None:
    analysis = analyze(text, published=published)
    assert [item.value for item in analysis.dates] == [value]


@pytest.mark.model
@pytest.mark.parametrize(
    ("published", "text", "value"),
    [
        # A month named as the time of a simple past verb is behind us, however near the next one.
        ("2021-10-28", "In January, the council appointed a new mayor.", "2021-01"),
        ("2021-10-28", "The governor resigned in December after a long illness.", "2020-12"),
        ("2021-10-28", "The minister was arrested in January.", "2021-01"),
        # Looking ahead (a preposition of extent, a future verb, an infinitive) stays ahead.
        ("2021-10-28", "The offer was extended to Nov. 20.", "2021-11-20"),
        ("2021-10-28", "The council will appoint a new mayor in January.", "2022-01"),
        ("2021-10-28", "The court ordered him to testify on Nov. 3.", "2021-11-03"),
    ],
)
def test_dates_month_direction_from_an_attached_past_verb(analyze, published: str, text: str, value: str) -> None:
    analysis = analyze(text, published=published)
    assert [item.value for item in analysis.dates] == [value]


@pytest.mark.model
def test_dates_governing_links_trigger_to_its_date(nlp) -> None:
    from flashpoint.analysis import make_doc
    from flashpoint.ingest.records import ArticleInput

    text = "Troops shelled the port on Thursday. The minister spoke yesterday in Geneva."
    doc = nlp(make_doc(nlp, ArticleInput.create(text, published="2021-12-09")))
    shelled = next(token for token in doc if token.text == "shelled")
    spoke = next(token for token in doc if token.text == "spoke")
    assert date_governing(doc, shelled).span.text == "Thursday"
    assert date_governing(doc, spoke).span.text == "yesterday"


def test_dates_governing_without_parse_takes_nearest_in_sentence(blank_nlp, rules) -> None:
    doc = blank_nlp("Troops shelled the port on Thursday.")
    doc._.fp_published = PUBLISHED
    doc = DatesComponent(rules)(doc)
    assert date_governing(doc, doc[1]).value == "2021-12-09"


class _DuplicateKeyLoader(yaml.SafeLoader):
    """Records keys repeated in one mapping: plain YAML silently keeps only the last one."""

    duplicates: list[str] = []


def _construct_checked_mapping(loader: _DuplicateKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(key_node, deep=deep) for key_node, _ in node.value]
    loader.duplicates.extend(f"{key} (line {node.start_mark.line + 1})" for key in set(keys) if keys.count(key) > 1)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_DuplicateKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_checked_mapping)


def test_dates_rule_file_has_no_repeated_keys() -> None:
    _DuplicateKeyLoader.duplicates = []
    yaml.load(bundled_path("dates.yaml").read_text(encoding="utf-8"), Loader=_DuplicateKeyLoader)  # noqa: S506
    assert _DuplicateKeyLoader.duplicates == []
