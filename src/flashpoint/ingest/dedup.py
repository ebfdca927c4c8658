"""Syndicated copies: exact duplicates by text hash, near-duplicates by MinHash LSH over word shingles.

Workers compute the signature (CPU-bound, in parallel); the single writer keeps the index and
decides, in input order, which stored article a new one copies. Only originals enter the index,
so every copy names the first stored copy, never another copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8
LSH_WEIGHTS = (0.05, 0.95)  # (false positive, false negative)
_WORD = re.compile(r"\w+")
# datasketch >= 2 needs the hashing scheme named to rebuild a MinHash from stored values.
SCHEME = "affine32"
SIGNATURE_DTYPE = np.dtype("<u4")


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """Overlapping runs of ``size`` lower-cased words; short texts give one shingle of all words."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[index : index + size]).encode("utf-8") for index in range(len(words) - size + 1)]


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutation parameters for the default seed, drawn once: drawing them anew for every
    MinHash cost more than hashing a whole article."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """The MinHash signature of the text's shingles, as bytes (stored in article_minhash)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(shingles(text))
    return minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()


def _minhash(raw: bytes) -> MinHash:
    values = np.frombuffer(raw, dtype=SIGNATURE_DTYPE).astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME, permutations=_permutations())


class DuplicateIndex:
    """Finds the first stored copy of a text: same content hash, else MinHash similarity >= threshold."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        # Weigh false negatives heavily: a missed copy is counted twice, while a false candidate
        # only costs one exact Jaccard check below (recall ~0.95 at the threshold, ~0.99 at +0.05).
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        self._by_hash: dict[str, str] = {}
        self._rank: dict[str, int] = {}
        self._signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._rank)

    def load(self, hashes: dict[str, str], signatures: Iterable[tuple[str, bytes]]) -> None:
        """Seed with what the store holds: content hashes and signatures of originals, oldest first."""
        self._by_hash.update(hashes)
        for article_id, raw in signatures:
            self._insert(article_id, _minhash(raw))

    def find_original(self, content_hash: str, raw_signature: bytes) -> str | None:
        exact = self._by_hash.get(content_hash)
        if exact is not None:
            return exact
        minhash = _minhash(raw_signature)
        candidates = [
            candidate
            for candidate in self._lsh.query(minhash)
            if self._signatures[candidate].jaccard(minhash) >= self.threshold
        ]
        return min(candidates, key=self._rank.__getitem__, default=None)

    def add_original(self, article_id: str, content_hash: str, raw_signature: bytes) -> None:
        self._by_hash.setdefault(content_hash, article_id)
        self._insert(article_id, _minhash(raw_signature))

    def _insert(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self._rank:
            return
        self._rank[article_id] = len(self._rank)
        self._signatures[article_id] = minhash
        self._lsh.insert(article_id, minhash)
