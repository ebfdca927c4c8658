from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.pipeline.events.patterns import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.mark.parametrize(
    ("code", "goldstein", "quad_class"),
    [("042", 1.9, 1), ("163", -8.0, 4), ("173", -5.0, 4), ("112", -2.0, 3), ("073", 7.4, 2), ("0874", 10.0, 2)],
)
def test_patterns_cameo_codes_keep_leading_zero_and_standard_values(knowledge, code, goldstein, quad_class):
    found = knowledge.cameo_code(code)
    assert found is not None and found.goldstein == goldstein and found.quad_class == quad_class


@pytest.mark.parametrize(
    ("code", "plover"), [("0421", "CONSULT"), ("1831", "ASSAULT"), ("173", "COERCE"), ("106", "REQUEST"), ("0871", "RETREAT")]
)
def test_patterns_plover_mapping_uses_longest_prefix(knowledge, code, plover):
    assert knowledge.plover_for(code)[0] == plover


def test_patterns_every_plover_type_has_patterns(knowledge):
    from flashpoint.model import EVENT_TYPES

    assert {pattern.type for pattern in knowledge.patterns if not pattern.not_event} == set(EVENT_TYPES)


def test_patterns_word_lists_are_shared_through_anchors(knowledge):
    raids = [p for p in knowledge.by_lemma[("VERB", "raid")] if p.subjects]
    assert raids and "police" in raids[0].subjects and "constable" in raids[0].subjects


@pytest.mark.parametrize(
    ("content", "field", "expected"),
    [
        ("patterns:\n  - {not_event: true, nouns: [tea party]}\n", "not_event", True),
        ("patterns:\n  - {type: COERCE, mode: arrest, verbs: [collar], participle: true}\n", "participle", True),
        ("patterns:\n  - {type: COERCE, mode: arrest, verbs: [collar], objects: [thief]}\n", "objects", frozenset({"thief"})),
    ],
)
def test_patterns_new_frame_keys_load(tmp_path: Path, content, field, expected):
    extra = tmp_path / "mine.yaml"
    extra.write_text(content)
    added = [p for p in load_knowledge([extra]).patterns if p.origin.startswith("mine.yaml")]
    assert added and getattr(added[0], field) == expected


def test_patterns_user_file_extends_patterns_and_cues(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text('patterns:\n  - {type: PROTEST, mode: demo, verbs: [picnic]}\nreporting_verbs: [whisper]\n')
    knowledge = load_knowledge([extra])
    assert ("VERB", "picnic") in knowledge.by_lemma
    assert "whisper" in knowledge.cues.reporting_verbs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("patterns:\n  - {type: PARTY, verbs: [dance]}\n", "unknown PLOVER type"),
        ("patterns:\n  - {type: PROTEST, cameo: 999, verbs: [dance]}\n", "CAMEO code"),
        ("patterns:\n  - {type: PROTEST}\n", "needs 'verbs' or 'nouns'"),
        ("patterns:\n  - {type: PROTEST, verbs: [dance], colour: red}\n", "unknown key"),
        ("patterns: [\n", "invalid YAML"),
        ("patterns:\n  - {not_event: true, type: ASSAULT, verbs: [dance]}\n", "not_event entry has no type"),
        ("patterns:\n  - {type: PROTEST, verbs: [dance], participle: maybe}\n", "must be true or false"),
    ],
)
def test_patterns_bad_user_file_names_the_file(tmp_path: Path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    with pytest.raises(DataFileError, match=message) as error:
        load_knowledge([bad])
    assert "bad.yaml" in str(error.value)
