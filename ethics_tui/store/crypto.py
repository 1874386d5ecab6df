"""Password hashing and the key material of the confidential vault (``cryptography``).

- A password gives 64 bytes with scrypt (memory-hard): the first half is hashed into the stored
  verifier, the second half is the user's key-encryption key (KEK). Nothing else about the
  password is kept.
- Each user has an X25519 key pair. The private key is stored encrypted under the KEK.
- Each vault (one per confidential role) has a random 256-bit data key. It is stored only
  *wrapped* to each entitled user's public key (ephemeral X25519 + HKDF + AES-GCM), and
  optionally to the office recovery key. So a signed-in entitled user can grant it to another
  user without knowing their password, and a copied data folder reveals nothing.
- Field values are AES-GCM encrypted under the data key with the record kind and field name as
  associated data.
- Revoking a holder rotates the vault's data key (a new *generation*, see
  ``service/vault_rotation.py``): values sealed afterwards cannot be opened with a key taken
  from an older copy of the data folder.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1


class CryptoError(Exception):
    """A key or a ciphertext does not check out (wrong key, or tampered data)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=64, maxmem=64 * 1024 * 1024)


def new_password_record(password: str) -> tuple[dict, bytes]:
    """(record to store, KEK) for a new password."""
    salt = os.urandom(16)
    out = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    record = {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": b64(salt),
        "verifier": b64(hashlib.sha256(out[:32]).digest()),
    }
    return record, out[32:]


def check_password(record: dict, password: str) -> bytes | None:
    """The KEK if ``password`` matches ``record``, else None (constant-time compare)."""
    try:
        out = _scrypt(password, unb64(record["salt"]), int(record["n"]), int(record["r"]), int(record["p"]))
    except (KeyError, ValueError, TypeError):
        return None
    if hmac.compare_digest(hashlib.sha256(out[:32]).digest(), unb64(record.get("verifier", ""))):
        return out[32:]
    return None


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> dict:
    nonce = os.urandom(12)
    return {"n": b64(nonce), "c": b64(AESGCM(key).encrypt(nonce, plaintext, aad))}


def _open(key: bytes, box: dict, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(unb64(box["n"]), unb64(box["c"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise CryptoError("cannot decrypt") from exc


def new_keypair(kek: bytes, label: str) -> tuple[dict, X25519PrivateKey]:
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"public": b64(public), "private": _seal(kek, raw, f"userkey:{label}".encode())}, private


def reseal_keypair(kek: bytes, private: X25519PrivateKey, label: str) -> dict:
    """The same key pair, its private half encrypted under a new KEK (password change)."""
    return {"public": public_of(private), "private": _seal(kek, raw_private_key(private), f"userkey:{label}".encode())}


def open_private_key(kek: bytes, keypair: dict, label: str) -> X25519PrivateKey:
    raw = _open(kek, keypair["private"], f"userkey:{label}".encode())
    return X25519PrivateKey.from_private_bytes(raw)


def raw_private_key(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_of(private: X25519PrivateKey) -> str:
    return b64(private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def _hkdf(shared: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info.encode()).derive(shared)


def wrap_to_public(data_key: bytes, public_b64: str, vault: str) -> dict:
    eph = X25519PrivateKey.generate()
    shared = eph.exchange(X25519PublicKey.from_public_bytes(unb64(public_b64)))
    box = _seal(_hkdf(shared, f"ethics-tui wrap {vault}"), data_key, f"vault:{vault}".encode())
    box["epk"] = public_of(eph)
    return box


def unwrap_with_private(box: dict, private: X25519PrivateKey, vault: str) -> bytes:
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(unb64(box["epk"])))
    except (KeyError, ValueError) as exc:
        raise CryptoError("bad wrapped key") from exc
    return _open(_hkdf(shared, f"ethics-tui wrap {vault}"), box, f"vault:{vault}".encode())


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def encrypt_value(data_key: bytes, value: str, vault: str, aad: str, gen: int = 0) -> dict:
    """A sealed value: ``$enc`` names the vault, ``g`` the key generation (rotation), ``a`` the
    associated data (record kind and field name: not secret, checked on opening)."""
    box = _seal(data_key, value.encode("utf-8"), f"{vault}:{aad}".encode())
    box["$enc"] = vault
    box["a"] = aad
    if gen:
        box["g"] = gen
    return box


def decrypt_value(data_key: bytes, box: dict, aad: str) -> str:
    return _open(data_key, box, f"{box.get('$enc')}:{aad}".encode()).decode("utf-8")


def is_encrypted(value: object) -> bool:
    return isinstance(value, dict) and "$enc" in value


def recovery_code_to_private(code: str) -> X25519PrivateKey:
    """A printed recovery code (base32, groups of 4, dashes/spaces ignored) -> private key."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (ValueError, TypeError) as exc:
        raise CryptoError("bad recovery code") from exc
    if len(raw) != 32:
        raise CryptoError("bad recovery code")
    return X25519PrivateKey.from_private_bytes(raw)


def private_to_recovery_code(private: X25519PrivateKey) -> str:
    text = base64.b32encode(raw_private_key(private)).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))
