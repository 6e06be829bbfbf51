"""moh.gov.vn's TLS as the replica serves it: a Diffie-Hellman-only handshake with a small key.

Fact (2026, vn_sites_2026 §10, idx:17886542170 `_moh_config` and idx:17450655753): moh.gov.vn
answers the TLS handshake with a small DH key that OpenSSL 3 refuses at its default
security level; the crawler there mounts a weakened TLS context for that host only.
ASSUMPTION: the key is 1024 bits (the largest size OpenSSL's security level 2 refuses and
level 1 accepts), over TLS 1.2 with DHE-RSA suites only.

Made at test time into a temporary directory, never stored: a self-signed certificate for
moh.gov.vn (RSA 2048) and the 1024-bit MODP group of RFC 2409 §6.2 (Oakley group 2; a
published group, so nothing is generated: `cryptography` deprecates DH generation).
`ReplicaServer.use_tls(weak_dh_context(directory))` serves the replica over it.
"""

from __future__ import annotations

import base64
import logging
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

logger = logging.getLogger(__name__)

# RFC 2409 §6.2: 2^1024 - 2^960 - 1 + 2^64 * (floor(2^894 pi) + 129093), generator 2.
OAKLEY_GROUP_2 = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22"
    "514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6"
    "F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
    "FFFFFFFFFFFFFFFF", 16)
DH_CIPHERS = "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384"


def _der_integer(value: int) -> bytes:
    body = value.to_bytes(value.bit_length() // 8 + 1, "big")  # leading 0: positive
    return b"\x02" + _der_length(len(body)) + body


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    octets = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def dh_params_pem(prime: int = OAKLEY_GROUP_2, generator: int = 2) -> bytes:
    """PKCS #3 `DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER }`, as PEM."""
    body = _der_integer(prime) + _der_integer(generator)
    der = b"\x30" + _der_length(len(body)) + body
    text = base64.encodebytes(der).decode().replace("\n", "")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return ("-----BEGIN DH PARAMETERS-----\n" + "\n".join(lines)
            + "\n-----END DH PARAMETERS-----\n").encode()


def self_signed(directory: Path, host: str = "moh.gov.vn") -> tuple[Path, Path]:
    """(certificate, key) PEM files for `host` (and 127.0.0.1's name, localhost)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=7))
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName(host), x509.DNSName("localhost")]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def weak_dh_context(directory: Path) -> ssl.SSLContext:
    """A server context offering only DHE-RSA suites over TLS 1.2 with a 1024-bit group.
    Its own security level is lowered too (`@SECLEVEL=0`), or OpenSSL would refuse to
    serve the group it is meant to serve."""
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = self_signed(directory)
    dh_path = directory / "dh1024.pem"
    dh_path.write_bytes(dh_params_pem())
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.maximum_version = ssl.TLSVersion.TLSv1_2  # TLS 1.3 would pick ECDHE
    context.set_ciphers(f"{DH_CIPHERS}:@SECLEVEL=0")
    context.load_cert_chain(cert_path, key_path)
    context.load_dh_params(str(dh_path))
    return context
