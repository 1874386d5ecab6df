"""A self-signed signing certificate in a .p12 file (passphrase "secret"), for the signing tests."""

from __future__ import annotations

import datetime
from pathlib import Path


def make_p12(path: Path, common_name: str = "Ban Don Kaeo SAO") -> Path:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    enc = serialization.BestAvailableEncryption(b"secret")
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"office", key, cert, None, enc))
    return path
