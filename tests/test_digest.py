"""The one digest of ctt's caches: BLAKE2b-256, the same whether it comes from CPython's built-in
module or from hashlib, for text and bytes alike."""

from __future__ import annotations

import hashlib

from ctt_cli import digest


def test_the_digest_is_blake2b_256() -> None:
    data = "Phường Lê Thanh Nghị".encode()
    assert digest.hexdigest(data) == hashlib.blake2b(data, digest_size=32).hexdigest()
    assert digest.hexdigest("Phường Lê Thanh Nghị") == digest.hexdigest(data)
    assert digest.digest(data) == bytes.fromhex(digest.hexdigest(data))
    fed = digest.new("Phường ".encode())
    fed.update("Lê Thanh Nghị".encode())
    assert fed.hexdigest() == digest.hexdigest(data)


def test_different_bytes_give_different_digests() -> None:
    assert digest.hexdigest(b"tasks: []\n") != digest.hexdigest(b"tasks: [] \n")
    assert len(digest.hexdigest(b"")) == 64
