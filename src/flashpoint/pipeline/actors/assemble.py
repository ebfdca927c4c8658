"""From candidates to actors: appositions joined, one actor per merge key, every mention kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from flashpoint.model import Actor, Span
from flashpoint.pipeline.actors.resolve import Candidate, code_of
from flashpoint.pipeline.doc_ext import doc_text

TRAILING = frozenset({",", ".", ";", ":", "'s", "’s", "'", "’", "and", "or"})


def join_appositions(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """'Harry Tseng, Taiwan's deputy foreign minister': the title phrase becomes a mention of the person."""
    if not doc.has_annotation("DEP"):
        return candidates
    by_token: dict[int, int] = {}
    for index, candidate in enumerate(candidates):
        for i in range(candidate.start, candidate.end):
            by_token.setdefault(i, index)
    result = list(candidates)
    for index, candidate in enumerate(candidates):
        heads = [t for t in doc[candidate.start:candidate.end] if t.dep_ == "appos" and not (
            candidate.start <= t.head.i < candidate.end)]
        if not heads:
            continue
        other_index = by_token.get(heads[0].head.i)
        if other_index is None or other_index == index:
            continue
        person, role = _person_and_role(result[other_index], result[index])
        if person is None or role is None or _in_list(doc, candidate):
            continue
        merged = replace(
            person,
            country=person.country or role.country,
            sector=person.sector if person.sector not in (None, "CVL") else (role.sector or person.sector),
            role=person.role or role.role,
        )
        merged = replace(merged, code=code_of(merged.country, merged.sector))
        for position in (index, other_index):
            original = result[position]
            result[position] = replace(merged, start=original.start, end=original.end)
    return result


def _in_list(doc: Doc, candidate: Candidate) -> bool:
    """'X, police commissioner of Y and ...' is a list, not an apposition."""
    last = doc[candidate.end - 1].lower_
    return last in ("and", "or") or (candidate.end < len(doc) and doc[candidate.end].lower_ in ("and", "or"))


def _person_and_role(first: Candidate, second: Candidate) -> tuple[Candidate | None, Candidate | None]:
    for person, role in ((first, second), (second, first)):
        if person.kind == "person" and not person.from_role and role.from_role:
            return person, role
    return None, None


def mention_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end > start + 1 and doc[end - 1].text in TRAILING:
        end -= 1
    return start, end


def assemble(doc: Doc, candidates: Sequence[Candidate]) -> tuple[tuple[Actor, ...], list[tuple[int, int, str]]]:
    """Actors in order of first mention (ids a1, a2, ...) and (token start, end, actor id) mentions."""
    order: list[str] = []
    groups: dict[str, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if candidate.key not in groups:
            order.append(candidate.key)
            groups[candidate.key] = []
        groups[candidate.key].append(candidate)
    actors: list[Actor] = []
    mentions: list[tuple[int, int, str]] = []
    text = doc_text(doc)
    for number, key in enumerate(order, start=1):
        actor_id = f"a{number}"
        members = groups[key]
        spans: dict[tuple[int, int], Span] = {}
        for member in members:
            start, end = mention_bounds(doc, member.start, member.end)
            mentions.append((start, end, actor_id))
            span = doc[start:end]
            spans[(span.start_char, span.end_char)] = Span.of(text, span.start_char, span.end_char)
        actors.append(_actor(actor_id, members, tuple(spans[k] for k in sorted(spans))))
    return tuple(actors), mentions


def _first(members: Sequence[Candidate], attribute: str) -> str | None:
    return next((getattr(m, attribute) for m in members if getattr(m, attribute)), None)


def _actor(actor_id: str, members: Sequence[Candidate], spans: tuple[Span, ...]) -> Actor:
    lead = next((m for m in members if not m.from_role), members[0])
    kinds = {m.kind for m in members}
    kind = "state" if "state" in kinds and lead.kind != "person" else lead.kind
    country = lead.country or _first(members, "country")
    sector = lead.sector if lead.sector is not None else _first(members, "sector")
    return Actor(
        id=actor_id,
        name=lead.name,
        kind=kind,  # type: ignore[arg-type]
        country=country,
        sector=sector,
        role=lead.role or _first(members, "role"),
        code=lead.code or code_of(country, sector),
        wikidata=lead.wikidata or _first(members, "wikidata"),
        mentions=spans,
    )
