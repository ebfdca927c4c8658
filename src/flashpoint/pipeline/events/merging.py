"""One event per happening: mentions of the same happening fold into one event.

Two mentions are the same happening when they share a type and a compatible factuality and
either (1) one trigger governs the other in the same sentence ("imposed sanctions", "accused
..., a charge"), (2) they name the same actors and no conflicting date, or (3) the later one is a
definite noun without actors of its own ("the meeting", "the talks") referring back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

REALIS = frozenset({"asserted", "reported"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})


@dataclass(frozen=True)
class Mention:
    """An event mention before merging; token indices refer to the Doc."""

    type: str
    mode: str | None
    cameo: str
    root: int
    head_links: frozenset[int]  # token indices of the trigger's head and children
    sentence: int  # sentence start token
    trigger: tuple[int, int]  # char range
    sentence_chars: tuple[int, int]
    source: tuple[str, ...]
    target: tuple[str, ...]
    factuality: str
    attributed_to: str | None
    date: str | None
    place: str | None
    confidence: float
    verbal: bool
    definite: bool  # a definite noun without actors of its own: "the meeting" refers back
    needs_anchor: bool = False
    others: tuple[tuple[int, int], ...] = ()


def compatible_factuality(first: Mention, second: Mention) -> bool:
    return first.factuality == second.factuality or (first.factuality in REALIS and second.factuality in REALIS)


def compatible_value(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second


def linked_in_sentence(first: Mention, second: Mention) -> bool:
    return first.sentence == second.sentence and (second.root in first.head_links or first.root in second.head_links)


def same_actors(first: Mention, second: Mention) -> bool:
    """Same actors, no conflicting date or place; across sentences only a noun refers back ("the
    firing"): a second finite verb with the same parties reports another act ("police also fired
    at a mob in X") far more often than it repeats the first."""
    first_actors, second_actors = set(first.source) | set(first.target), set(second.source) | set(second.target)
    if not first_actors or first_actors != second_actors:
        return False
    if first.sentence != second.sentence and second.verbal:
        return False
    return compatible_value(first.date, second.date) and compatible_value(first.place, second.place)


def refers_back(earlier: Mention, later: Mention) -> bool:
    return later.definite and compatible_value(earlier.date, later.date) and compatible_value(earlier.place, later.place)


def same_happening(earlier: Mention, later: Mention) -> bool:
    if earlier.type != later.type or not compatible_factuality(earlier, later):
        return False
    return linked_in_sentence(earlier, later) or same_actors(earlier, later) or refers_back(earlier, later)


def absorb(main: Mention, other: Mention) -> Mention:
    """The main mention keeps its trigger; the other's trigger and details fill the gaps."""
    if (other.verbal, other.confidence) > (main.verbal, main.confidence) and main.sentence == other.sentence:
        main, other = other, main
    return replace(
        main,
        source=main.source or other.source,
        target=main.target or tuple(t for t in other.target if t not in main.source),
        date=main.date or other.date,
        place=main.place or other.place,
        mode=main.mode or other.mode,
        confidence=max(main.confidence, other.confidence),
        others=(*main.others, other.trigger, *other.others),
    )


def merge_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    merged: list[Mention] = []
    for mention in mentions:
        for index in range(len(merged) - 1, -1, -1):
            if same_happening(merged[index], mention):
                merged[index] = absorb(merged[index], mention)
                break
        else:
            merged.append(mention)
    return merged
