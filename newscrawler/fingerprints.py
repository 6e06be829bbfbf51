"""Content fingerprints: exact (SHA-1 of title + body) and near-duplicate (SimHash + sketch).

One article must be one record even when it comes back re-filed, re-titled or syndicated
with small edits, so besides the exact `content_hash` every article gets two fingerprints
of the set of word 5-shingles of `fingerprint_text(body)` (punctuation dropped):
- a 64-bit SimHash (`signature`): each shingle hashed to 64 bits, each signature bit the
  majority vote of that bit over the shingles; similar bodies get signatures at a small
  Hamming distance. Cheap to index: it finds the candidates.
- a bottom-k MinHash sketch (`sketch`, "KMV"): the 64 smallest 32-bit hashes of the
  shingles (another hash function), 256 bytes. Two sketches estimate the Jaccard index of
  the shingle sets (`sketch_similarity`). It verifies the candidates.
A near-duplicate is a SimHash candidate within `NEAR_DUPLICATE_MAX_DISTANCE` = 13 bits
whose sketch similarity is at least `NEAR_DUPLICATE_MIN_JACCARD` = 0.5.

Why both: SimHash alone was at its noise level on template-written sites. In the replica
corpora (newscrawler.replica.corpus) the closest unrelated articles of one site sit at
distance 13-17, and one at 13 was dropped as a same-site duplicate. Their shingle sets
share little (true Jaccard <= 0.17 over all 1.5 M same-site pairs of 40 corpora; sketch
estimate <= 0.21 for every pair within 20 bits), while syndicated copies share most
(estimate >= 0.62 on the synthetic set, >= 0.47 on replica copies within 13 bits). With
k = 64 the estimate's standard error is sqrt(J(1 - J) / 64) <= 0.063, so a pair at the
negatives' J = 0.17 passes 0.5 with probability ~1e-9, and a copy at J = 0.7 fails it with
~3e-4. The hardest synthetic negatives (a bulletin template refilled with other facts,
J up to 0.33) are 18+ bits apart but would pass the sketch alone with probability ~4e-3:
each test covers the other's weak side. Why the body only: syndicators rewrite titles;
the exact hash has them.

Lookup: the 64 bits are cut into 4 bands of 16 bits, each band value is indexed. Two
signatures within Hamming distance d share a band that differs in at most d // 4 bits
(pigeonhole), so a query probes every band value within `PROBE_RADIUS` = 2 bit flips of its
own: every pair with d <= 11 is found; d = 12 / 13 are found with probability ~0.97 / ~0.93
(counted in the recall below). Candidates are then checked exactly, then verified.

Measured through the index (tests/test_fingerprints.py `labelled_pairs()`: 140 syndicated
copies, 140 distinct same-topic or same-template articles; seeds 20260101, 7, 99, 5, 11;
benchmarks/bench_state.py re-measures three of them):
    max distance  sketch >=   precision  recall
    13            -           1.000      0.957-0.993   (SimHash alone)
    13            0.5         1.000      0.957-0.993   <- chosen: same recall
    13            0.85        1.000      0.757 (seed 20260101)
    16            0.5         1.000      0.986-1.000   (0.993 precision without sketch)
Replica corpora (every same-site pair of the served corpora, of two 300-article corpora of
other seeds and of the timeline pools: 1.53 M pairs): SimHash alone takes 2 pairs as
near-duplicates, with the sketch 0. Syndicated copies of the replica articles (the edits of
`labelled_pairs`): recall 0.96, all losses from SimHash (d > 13); a wider SimHash net
(d <= 16) would find 0.985, a possible next step now that the sketch guards precision.
"""

from __future__ import annotations

import hashlib
import logging
import re
import struct
from collections.abc import Iterable
from itertools import combinations

import numpy

from newscrawler.records import content_hash, fingerprint_text

logger = logging.getLogger(__name__)

SIGNATURE_BITS = 64
SHINGLE_SIZE = 5
BAND_COUNT = 4
BAND_BITS = SIGNATURE_BITS // BAND_COUNT
PROBE_RADIUS = 2
NEAR_DUPLICATE_MAX_DISTANCE = 13
SKETCH_SIZE = 64
NEAR_DUPLICATE_MIN_JACCARD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)
_BAND_MASK = (1 << BAND_BITS) - 1
_SIGNED_LIMIT = 1 << (SIGNATURE_BITS - 1)
# A hash keyed apart from the SimHash one, so that the sketch's errors do not follow the
# signature's: the two tests must fail independently for the combination to help.
_SKETCH_PERSON = b"newscrawler-kmv"
_SKETCH_VALUE = struct.Struct(">I")
_SKETCH_DTYPE = numpy.dtype(">u4")
_blake2b = hashlib.blake2b
_SKETCH_HASH = _blake2b(digest_size=4, person=_SKETCH_PERSON)


def exact_fingerprint(title: str | None, body: str | None) -> str:
    """The exact content fingerprint: `records.content_hash` (NFC, casefold, spaces)."""
    return content_hash(title, body)


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> set[str]:
    """Word `size`-shingles of the normalised text; a short text is one shingle."""
    words = _WORD.findall(fingerprint_text(text))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    # zip of the shifted word lists (stopping at the shortest): every window, without a
    # Python-level index loop.
    windows = zip(*(words[shift:] for shift in range(size)), strict=False)
    return set(map(" ".join, windows))


def _shingle_digest(shingle: str) -> bytes:
    return _blake2b(shingle.encode("utf-8"), digest_size=8).digest()


def _simhash(digests: list[bytes]) -> int:
    """Majority vote per bit over the 8-byte big-endian digests.

    numpy unpacks the digests into one row of 64 bits each (most significant first) and
    counts the ones per column: the per-bit loop over every shingle costs ~30x more.
    """
    if not digests:
        return 0
    rows = numpy.frombuffer(b"".join(digests), dtype=numpy.uint8).reshape(-1, 8)
    ones = numpy.unpackbits(rows, axis=1).sum(axis=0, dtype=numpy.int64)
    return int.from_bytes(numpy.packbits(2 * ones > len(digests)).tobytes(), "big")


def _kmv(encoded_shingles: list[bytes], size: int) -> bytes:
    """The `size` smallest distinct 32-bit sketch hashes, ascending, big-endian.

    The keyed hash state is built once and copied per shingle, and numpy sorts and
    de-duplicates the packed digests: both cheaper than a Python int per shingle.
    """
    if not encoded_shingles:
        return b""
    digests = []
    for data in encoded_shingles:
        state = _SKETCH_HASH.copy()
        state.update(data)
        digests.append(state.digest())
    values = numpy.unique(numpy.frombuffer(b"".join(digests), dtype=_SKETCH_DTYPE))
    return values[:size].astype(_SKETCH_DTYPE).tobytes()


def _encoded(shingle_set: set[str]) -> list[bytes]:
    return [shingle.encode("utf-8") for shingle in shingle_set]


def signature(text: str | None) -> int:
    """64-bit SimHash (unsigned int) of a body; 0 for a text without words."""
    return _simhash([_shingle_digest(s) for s in shingles(text)])


def sketch(text: str | None, size: int = SKETCH_SIZE) -> bytes:
    """Bottom-k MinHash of the body's shingles: the `size` smallest 32-bit shingle hashes,
    ascending, 4 big-endian bytes each (fewer when the text has fewer shingles)."""
    return _kmv(_encoded(shingles(text)), size)


def near_fingerprints(text: str | None) -> tuple[int, bytes]:
    """`(signature(text), sketch(text))`, shingling and encoding the text once."""
    encoded = _encoded(shingles(text))
    digests = [_blake2b(data, digest_size=8).digest() for data in encoded]
    return _simhash(digests), _kmv(encoded, SKETCH_SIZE)


def hamming_distance(sig_a: int, sig_b: int) -> int:
    return (sig_a ^ sig_b).bit_count()


def similarity(sig_a: int, sig_b: int) -> float:
    """1.0 for equal signatures, 0.0 for complementary ones."""
    return 1.0 - hamming_distance(sig_a, sig_b) / SIGNATURE_BITS


def to_signed(sig: int) -> int:
    """The signature as a signed 64-bit int (SQLite INTEGER, Redis-friendly)."""
    return sig - (1 << SIGNATURE_BITS) if sig >= _SIGNED_LIMIT else sig


def from_signed(value: int) -> int:
    return value + (1 << SIGNATURE_BITS) if value < 0 else value


def band_values(sig: int) -> list[int]:
    """The 4 band values (16 bits each), band 0 = the lowest bits."""
    return [(sig >> (band * BAND_BITS)) & _BAND_MASK for band in range(BAND_COUNT)]


def _flip_masks(radius: int) -> list[int]:
    """XOR masks of every way to flip at most `radius` of a band's bits, fewest first."""
    return [
        sum(1 << position for position in positions)
        for count in range(radius + 1)
        for positions in combinations(range(BAND_BITS), count)
    ]


# numpy arrays: one vectorised XOR per band instead of a Python loop over 137 masks.
_FLIP_MASKS = {radius: numpy.array(_flip_masks(radius), dtype=numpy.int64)
               for radius in range(PROBE_RADIUS + 1)}


def probe_values(sig: int, radius: int = PROBE_RADIUS) -> list[list[int]]:
    """Per band, every band value within `radius` bit flips of the signature's own."""
    masks = _FLIP_MASKS.get(radius)
    if masks is None:
        masks = numpy.array(_flip_masks(radius), dtype=numpy.int64)
    return [(masks ^ value).tolist() for value in band_values(sig)]


def _sketch_values(data: bytes) -> list[int]:
    return [value for (value,) in _SKETCH_VALUE.iter_unpack(data)]


def sketch_similarity(
    sketch_a: bytes | None, sketch_b: bytes | None, size: int = SKETCH_SIZE
) -> float:
    """Estimated Jaccard similarity of the two shingle sets (exact for short texts).

    The k smallest hashes of the union of both sketches are the k smallest of the union
    of both sets; the share of them present in both sketches estimates the Jaccard index
    (standard error ~ sqrt(J(1 - J) / k)). A sketch shorter than `size` holds its whole
    set, so two short ones give the exact index. An empty or missing sketch is similar to
    nothing: no shared content is no evidence of a duplicate.
    """
    if not sketch_a or not sketch_b:
        return 0.0
    values_a, values_b = _sketch_values(sketch_a), _sketch_values(sketch_b)
    set_a, set_b = set(values_a), set(values_b)
    union = sorted(set_a | set_b)
    truncated = [len(values) for values in (values_a, values_b) if len(values) >= size]
    if truncated:
        union = union[: min(truncated)]
    return sum(value in set_a and value in set_b for value in union) / len(union)


class NearDuplicateIndex:
    """In-memory near-duplicate index (the SQLite state persists the same band keys).

    Holds each document's signature (for candidate retrieval) and sketch (to verify them).
    """

    def __init__(
        self,
        max_distance: int = NEAR_DUPLICATE_MAX_DISTANCE,
        probe_radius: int = PROBE_RADIUS,
        min_jaccard: float = NEAR_DUPLICATE_MIN_JACCARD,
    ) -> None:
        self.max_distance = max_distance
        self.probe_radius = probe_radius
        self.min_jaccard = min_jaccard
        self._signatures: dict[str, int] = {}
        self._sketches: dict[str, bytes | None] = {}
        self._bands: list[dict[int, set[str]]] = [{} for _ in range(BAND_COUNT)]

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, doc_id: str, text: str | None) -> int:
        """Index a text (signature and sketch); returns its signature."""
        sig, text_sketch = near_fingerprints(text)
        self.add_signature(doc_id, sig, text_sketch)
        return sig

    def add_signature(self, doc_id: str, sig: int, text_sketch: bytes | None = None) -> None:
        """Index a signature; without a sketch the document can never be verified."""
        if doc_id in self._signatures:
            self.remove(doc_id)
        self._signatures[doc_id] = sig
        self._sketches[doc_id] = text_sketch
        for band, value in enumerate(band_values(sig)):
            self._bands[band].setdefault(value, set()).add(doc_id)

    def remove(self, doc_id: str) -> None:
        sig = self._signatures.pop(doc_id, None)
        self._sketches.pop(doc_id, None)
        if sig is None:
            return
        for band, value in enumerate(band_values(sig)):
            self._bands[band].get(value, set()).discard(doc_id)

    def sketch_of(self, doc_id: str) -> bytes | None:
        return self._sketches.get(doc_id)

    def candidates(self, sig: int) -> list[str]:
        """Unverified SimHash candidates within `max_distance` bits, nearest first."""
        found: set[str] = set()
        for band, values in enumerate(probe_values(sig, self.probe_radius)):
            index = self._bands[band]
            for value in index.keys() & values:  # a C-level intersection
                found.update(index[value])
        distances = {doc_id: hamming_distance(sig, self._signatures[doc_id]) for doc_id in found}
        near = [doc_id for doc_id, distance in distances.items() if distance <= self.max_distance]
        return sorted(near, key=lambda doc_id: (distances[doc_id], doc_id))

    def query(self, text: str | None) -> list[tuple[str, float]]:
        """(doc_id, estimated Jaccard) of the verified near-duplicates, most similar first."""
        return self.query_signature(*near_fingerprints(text))

    def query_signature(self, sig: int, text_sketch: bytes | None) -> list[tuple[str, float]]:
        """The candidates of `sig` whose sketch shares at least `min_jaccard` with ours."""
        scored = [
            (doc_id, sketch_similarity(text_sketch, self._sketches[doc_id]))
            for doc_id in self.candidates(sig)
        ]
        verified = [match for match in scored if match[1] >= self.min_jaccard]
        return sorted(verified, key=lambda match: (-match[1], match[0]))

    def signatures(self) -> Iterable[tuple[str, int]]:
        return self._signatures.items()
