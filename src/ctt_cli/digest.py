"""Content digests, for cache keys and for telling whether stored bytes are intact.

BLAKE2b from CPython's built-in ``_blake2`` module: ``import hashlib`` loads OpenSSL (≈ 2 ms on every
start, measured in bench/README.md), and BLAKE2b is as strong as SHA-256 and as fast without it.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the built-in module: the same function
    from hashlib import blake2b


def new(data: bytes = b"") -> blake2b:
    """A digest to feed with ``update()`` (32 bytes)."""
    return blake2b(data, digest_size=32)


def hexdigest(data: bytes | str) -> str:
    """The hex digest of ``data`` (text as UTF-8)."""
    return blake2b(data.encode() if isinstance(data, str) else data, digest_size=32).hexdigest()


def digest(data: bytes) -> bytes:
    """The raw digest of ``data``, to feed into another digest."""
    return blake2b(data, digest_size=32).digest()


__all__ = ["digest", "hexdigest", "new"]
