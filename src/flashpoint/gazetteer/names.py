"""Name keys: the one normalisation shared by the index builder and the lookups."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-", "—": "-"})
_DROP = re.compile(r"[.\u0300-\u036f]")
_SPACES = re.compile(r"[\s\-]+")
_LEADING_ARTICLE = re.compile(r"^the\s+")


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'the U.S.' and 'US' share 'us'."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES)).casefold()
    text = _DROP.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text)


def key_variants(name: str) -> set[str]:
    """The key plus the spelled-out and abbreviated saint forms ('St. Louis' / 'Saint Louis')."""
    key = name_key(name)
    variants = {key} if key else set()
    if key.startswith("saint "):
        variants.add("st " + key[6:])
    elif key.startswith("st "):
        variants.add("saint " + key[3:])
    return variants


def is_latin_alias(name: str) -> bool:
    """Worth indexing: Latin script, capitalised, and not an airport-style code ('IEV')."""
    if not name or not name[0].isupper():
        return False
    if name.isupper() and len(name.replace(".", "")) <= 4:
        return False
    return all(ord(char) < 0x250 or unicodedata.category(char).startswith("M") for char in name)
