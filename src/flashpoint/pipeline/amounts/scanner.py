"""Find number expressions in raw text: digits, number words, fractions, multiples, vague plurals.

Pure functions over a string; the tokenizer is not involved because news writes figures glued to
their scale, currency or unit ("$15bn", "RM79", "640bhp") and spaCy keeps those as one token.
Each match becomes a ``NumberAtom`` carrying its value, its currency and unit when written next to
it, and the character extents of the number alone and of the whole figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flashpoint.pipeline.amounts.lexicon import AmountLexicon

NEGATIVE_SIGNS = ("-", "−", "–", "minus")
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100, 128})
# Spaced single-letter units are too ambiguous ("5 p", "3 s"); these few are kept.
SPACED_LETTER_UNITS = frozenset({"C", "F", "W", "V", "m", "%", "°", "º"})
HALF_FOLLOWERS = frozenset(
    ["of", "the", "a", "an", "its", "their", "his", "her", "our", "my", "that", "those", "these", "this", "all"]
)
HALF_LEADERS = frozenset(
    ["almost", "nearly", "about", "around", "roughly", "than", "over", "under", "just", "some", "one", "a", "and"]
)
# A word glued by a hyphen before a number: "sub-7" and "now-18" keep it, "COVID-19" does not.
LABEL_PREFIX = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
HYPHEN_PREFIXES = frozenset(["sub", "now", "to", "mid", "over", "under", "about", "almost", "nearly", "some", "up", "minus", "plus"])


@dataclass(frozen=True)
class NumberAtom:
    start: int  # first character of the number (sign included)
    end: int  # end of the number and its scale ("2.5 million", "15bn")
    prefix_start: int  # start including a currency sign written before it
    extent_end: int  # end including a unit or currency word written after it
    value: float
    kind: str  # digits | words | fraction | ratio | multiple | vague
    raw: str
    currency: str | None = None
    unit: str | None = None
    scale: float = 1.0
    sign: str | None = None
    plain_integer: bool = False  # digits only: no separator, decimal, scale or sign
    range: tuple[float, float] | None = None


def scan_numbers(text: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    """All number expressions, overlaps resolved in favour of the longer one, in text order."""
    blocked = [(m.start(), m.end()) for m in lexicon.patterns.phone.finditer(text)]
    candidates: list[NumberAtom] = []
    folded = fold_case(text)
    candidates.extend(_digit_atoms(text, lexicon))
    candidates.extend(_word_atoms(text, folded, lexicon))
    candidates.extend(_vague_atoms(text, folded, lexicon))
    candidates.extend(_fraction_atoms(text, folded, lexicon))
    candidates.extend(_ratio_atoms(folded, lexicon))
    candidates.extend(_multiple_atoms(folded, lexicon))
    candidates.sort(key=lambda atom: (atom.prefix_start, -(atom.extent_end - atom.prefix_start)))
    chosen: list[NumberAtom] = []
    last_end = -1
    for atom in candidates:
        if atom.start < last_end or _overlaps_any(atom.start, atom.end, blocked):
            continue
        chosen.append(atom)
        last_end = atom.end
    return chosen


def fold_case(text: str) -> str:
    """Lower case with the same length as ``text``, so offsets carry over."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _overlaps_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _currency_before(text: str, position: int, lexicon: AmountLexicon) -> tuple[str | None, int]:
    window = text[max(0, position - 12) : position]
    match = lexicon.patterns.currency_before.search(window)
    if match is None:
        return None, position
    surface = match.group().strip()
    code = next((iso for form, iso in lexicon.currency_symbols if form == surface), None)
    if code is None:
        code = next((iso for form, iso in lexicon.currency_symbols if form.replace(" ", "") == surface.replace(" ", "")), None)
    return code, position - len(window) + match.start()


def _scale_chain(text: str, position: int, lexicon: AmountLexicon, has_currency: bool) -> tuple[float, int]:
    """Scale words after a number ("4 hundred million", "2.5 million", "$5 M")."""
    scale = 1.0
    while True:
        match = lexicon.patterns.scale_after.match(text, position)
        if match is None:
            return scale, position
        word = match.group("scale")
        spaced = match.start("scale") > position
        key = word if word in lexicon.scale_suffixes else word.lower()
        if key in lexicon.attached_only and spaced and not has_currency:
            return scale, position
        factor = lexicon.scale_suffixes.get(key) or lexicon.scale_words.get(word.lower())
        if factor is None:
            return scale, position
        scale *= factor
        position = match.end()


def _unit_after(text: str, position: int, lexicon: AmountLexicon) -> tuple[str | None, str | None, int]:
    """(currency, unit, end) for a currency word or unit written right after the number."""
    window = text[position : position + 40]
    money = lexicon.patterns.currency_after.match(window)
    if money is not None:
        surface = money.group().strip()
        code = next((iso for form, iso in lexicon.currency_words if form == surface), None)
        if code is None:
            code = next((iso for form, iso in lexicon.currency_words if form.lower() == surface.lower()), None)
        if code is not None:
            return code, None, position + money.end()
    match = lexicon.patterns.unit_after.match(window)
    if match is None:
        return None, None, position
    surface = match.group("unit")
    if match.group("space") and len(surface) == 1 and surface not in SPACED_LETTER_UNITS:
        return None, None, position
    unit = next((name for form, name in lexicon.units if form == surface), None)
    if unit is None:
        unit = next((name for form, name in lexicon.units if len(form) > 3 and form.lower() == surface.lower()), None)
    if unit == "lb" and window[match.end() :].lstrip().lower().startswith("sterling"):
        return "GBP", None, position + match.end()
    return None, unit, position + match.end()


def _digit_atoms(text: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.digits.finditer(text):
        atom = _digit_atom(text, match, lexicon)
        if atom is not None:
            atoms.append(atom)
    return atoms


def _digit_atom(text: str, match: re.Match[str], lexicon: AmountLexicon) -> NumberAtom | None:
    number = match.group("num")
    after_number = text[match.end("num") : match.end("num") + 2]
    if len(after_number) == 2 and after_number[0] in ".," and after_number[1].isdigit():
        return None  # version numbers and dotted dates: 1.2.3, 12.05.2021
    value = float(number.replace(",", ""))
    kind = "digits"
    number_end = match.end("num")
    if match.group("den"):
        denominator = int(match.group("den"))
        if denominator not in FRACTION_DENOMINATORS or value >= denominator or "." in number:
            return None
        value, kind, number_end = value / denominator, "fraction", match.end("den")
    if match.group("vulgar"):
        value += VULGAR[match.group("vulgar")]
        number_end = match.end("vulgar")
    sign = (match.group("sign") or "").strip(" ").lower() or None
    if is_negative_sign(sign):
        value = -value
    if _is_clock_or_label(text, match.start(), number_end):
        return None
    currency, prefix_start = _currency_before(text, match.start(), lexicon)
    if match.start() > 0 and text[match.start() - 1].isalpha() and not (currency and prefix_start < match.start()):
        return None  # glued to a word ("S23", "mk5") unless the word is a currency ("RM79", "USD1,700")
    tail = match.group("tail") or ""
    end = number_end
    scale = 1.0
    unit: str | None = None
    chain_from: int | None = number_end
    tail_end = match.end()
    if tail:
        lower = tail.lower()
        if lower in lexicon.ordinal_suffixes or lower in ("s", "am", "pm"):
            return None  # 10th, 1990s, 5pm
        suffix_scale = lexicon.scale_suffixes.get(tail) or lexicon.scale_words.get(lower)
        if suffix_scale is not None and _scale_suffix_applies(tail, text, match.end(), number, currency):
            scale, end, chain_from = suffix_scale, match.end(), match.end()
        else:
            unit = next((name for form, name in lexicon.units if form == tail), None)
            if unit is None:
                _, spelled, spelled_end = _unit_after(text, match.start("tail"), lexicon)
                if spelled is not None and spelled_end > match.end():
                    unit, tail_end = spelled, spelled_end  # "3923sq m", "1.19deg C"
            if unit is None and tail.isalpha() and tail.islower() and len(tail) > 1:
                return None  # "49ers", "4runner": part of a word
            if unit is None:
                unit = "times" if lower == "x" else tail
            chain_from = None
    if chain_from is not None:
        more_scale, position = _scale_chain(text, chain_from, lexicon, currency is not None)
        if more_scale != 1.0:
            scale *= more_scale
            end = position
    extent_end = tail_end if unit is not None else end
    if unit is None:
        word_currency, word_unit, after = _unit_after(text, extent_end, lexicon)
        if word_currency and currency is None or word_unit:
            currency, unit, extent_end = currency or word_currency, word_unit, after
    plain = kind == "digits" and sign is None and scale == 1.0 and number.isdigit() and not match.group("vulgar")
    return NumberAtom(
        start=match.start(), end=end, prefix_start=prefix_start, extent_end=extent_end,
        value=value * scale, kind=kind, raw=text[match.start() : end], currency=currency,
        unit=unit, scale=scale, sign=sign, plain_integer=plain,
    )


def is_negative_sign(sign: str | None) -> bool:
    return sign is not None and (sign.startswith("minus") or sign[:1] in "-−–")


def _is_clock_or_label(text: str, start: int, end: int) -> bool:
    """17:22 and 9:35 are times; COVID-19, TA-25, F-35 are names."""
    if text[end : end + 1] == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if start > 0 and text[start - 1] == ":" and text[start - 2 : start - 1].isdigit():
        return True
    glued = LABEL_PREFIX.search(text, max(0, start - 20), start)
    return glued is not None and glued.group(1).lower() not in HYPHEN_PREFIXES


def _scale_suffix_applies(tail: str, text: str, after: int, number: str, currency: str | None) -> bool:
    """A glued 'm' is million for money, decimals and counted nouns ("1.2m tons"); else a metre."""
    if tail not in ("m", "M"):
        return True
    if currency is not None or "." in number:
        return True
    following = re.match(r"\s([a-z]+)", text[after : after + 30])
    return following is not None and following.group(1).endswith("s")


def parse_number_words(words: str, lexicon: AmountLexicon) -> float | None:
    """'four hundred and five' -> 405; 'a dozen' -> 12; None when a word is not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            continue
        if word in lexicon.number_words:
            current += lexicon.number_words[word]
        elif word in lexicon.scale_words:
            factor = lexicon.scale_words[word]
            if factor >= 1000:
                total += max(current, 1.0) * factor
                current = 0.0
            else:
                current = max(current, 1.0) * factor
        else:
            return None
        seen = True
    return total + current if seen else None


def _word_atoms(text: str, folded: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.words.finditer(folded):
        start = match.start("article") if match.group("article") else match.start("num")
        end = match.end()
        following = text[end : end + 6].lower()
        if following.startswith("-") and following[1:2].isalpha():
            continue  # compound adjectives ("five-year", "one-off") describe, they do not count
        words = match.group("num").lower().split()
        if not match.group("article") and all(word in lexicon.scale_words for word in words):
            continue  # "per million", "the thousand": a scale word alone is not a figure
        value = parse_number_words(match.group("num"), lexicon)
        if value is None:
            continue
        last_scale = lexicon.scale_words.get(words[-1], 1.0) if words[-1] != "dozen" else 1.0
        if match.group("half"):
            value += 0.5
        scale, scale_end = _scale_chain(text, end, lexicon, False)
        if scale != 1.0:
            value, end = value * scale, scale_end
        scale *= last_scale
        currency, prefix_start = _currency_before(text, start, lexicon)
        word_currency, unit, extent_end = _unit_after(text, end, lexicon)
        atoms.append(NumberAtom(
            start=start, end=end, prefix_start=prefix_start, extent_end=extent_end, value=value,
            kind="words", raw=text[start:end], currency=currency or word_currency, unit=unit, scale=scale,
        ))
    return atoms


def _vague_atoms(text: str, folded: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.vague.finditer(folded):
        if match.group("count"):
            low, high = lexicon.vague_counts[" ".join(match.group("count").split())]
            multiplier = lexicon.scale_words[match.group("scale")]
        else:
            low, high = lexicon.vague_plurals[match.group("head")]
            multiplier = lexicon.vague_multipliers.get(match.group("mult") or "", 1.0)
        low, high = low * multiplier, high * multiplier
        currency, prefix_start = _currency_before(text, match.start(), lexicon)
        word_currency, unit, extent_end = _unit_after(text, match.end(), lexicon)
        if word_currency is None and unit is None:
            money = re.match(r"\s+of\s+([A-Za-z. ]+?)(?=[^A-Za-z. ]|$)", text[match.end() : match.end() + 40])
            if money is not None:
                word_currency = next((iso for form, iso in lexicon.currency_words if form == money.group(1).strip()), None)
        atoms.append(NumberAtom(
            start=match.start(), end=match.end(), prefix_start=prefix_start, extent_end=extent_end,
            value=low, kind="vague", raw=text[match.start() : match.end()], currency=currency or word_currency, unit=unit,
            range=(low, high),
        ))
    return atoms


def _fraction_atoms(text: str, folded: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.word_fraction.finditer(folded):
        if match.group("half"):
            if not _is_fraction_half(text, match.start(), match.end()):
                continue
            value = 0.5
        else:
            denominator_word = match.group("den").lower()
            plural = denominator_word.endswith("s") and denominator_word != "halves"
            if not plural and not match.group("of") and denominator_word != "half":
                continue  # "a third term", "a second": ordinals, not fractions
            numerator_word = match.group("num").lower()
            numerator = 1.0 if numerator_word in ("a", "an") else lexicon.number_words.get(numerator_word)
            if numerator is None:
                continue
            value = numerator / lexicon.fraction_words[denominator_word]
        end = match.end("den") if match.group("den") else match.end()
        atoms.append(NumberAtom(
            start=match.start(), end=end, prefix_start=match.start(), extent_end=end, value=value,
            kind="fraction", raw=text[match.start() : end],
        ))
    return atoms


def _is_fraction_half(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].lower().split()
    after = text[end : end + 20].lower().split()
    if text[end : end + 1] == "-":
        return False  # half-time, half-brother
    previous = before[-1] if before else ""
    if previous in ("first", "second", "the", "other", "latter", "former", "and"):
        return False
    return (bool(after) and after[0].strip(",.") in HALF_FOLLOWERS) or previous in HALF_LEADERS


def _ratio_atoms(folded: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.ratio.finditer(folded):
        first = _small_number(match.group("a"), lexicon)
        second = _small_number(match.group("b"), lexicon)
        if first is None or second is None or not 0 < first < second <= 1000:
            continue
        atoms.append(NumberAtom(
            start=match.start(), end=match.end(), prefix_start=match.start(), extent_end=match.end(),
            value=first / second, kind="ratio", raw=match.group(),
        ))
    return atoms


def _multiple_atoms(folded: str, lexicon: AmountLexicon) -> list[NumberAtom]:
    atoms: list[NumberAtom] = []
    for match in lexicon.patterns.multiple.finditer(folded):
        value = _small_number(match.group("num"), lexicon)
        if value is None:
            continue
        atoms.append(NumberAtom(
            start=match.start(), end=match.end(), prefix_start=match.start(), extent_end=match.end(),
            value=value, kind="multiple", raw=match.group(), unit="times",
        ))
    return atoms


def _small_number(word: str, lexicon: AmountLexicon) -> float | None:
    if word.replace(".", "", 1).isdigit():
        return float(word)
    return lexicon.number_words.get(word.lower())


def with_range(atom: NumberAtom, other: NumberAtom, text: str) -> NumberAtom:
    """The range from ``atom`` to ``other``, sharing scale, currency and unit written once."""
    low = atom.value
    if other.scale != 1.0 and atom.scale == 1.0 and abs(atom.value) < abs(other.value / other.scale):
        low = atom.value * other.scale  # "four to five thousand", "3 to 4 million"
    high = other.value
    if is_negative_sign(other.sign) and other.start == atom.extent_end:
        high = -other.value  # a dash written without spaces joins, it does not negate
    return replace(
        atom, end=other.end, extent_end=other.extent_end, value=low, range=(low, high),
        currency=atom.currency or other.currency, unit=atom.unit or other.unit,
        raw=text[atom.start : other.end], plain_integer=False,
    )
