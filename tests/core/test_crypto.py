"""Personal data is encrypted at rest; keys derive from the one station secret."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st_
from sqlalchemy import select

from sgz_desktop.core import crypto
from sgz_desktop.core.errors import SecretUnavailable
from sgz_desktop.core.models import Staff
from sgz_desktop.core.roles import Actor
from sgz_desktop.core.station import Station

SECRET = bytes(range(32))


@given(st_.text(max_size=200))
def test_field_cipher_round_trip(value: str) -> None:
    cipher = crypto.FieldCipher(SECRET)
    token = cipher.encrypt(value, "staff.phone")
    assert cipher.decrypt(token, "staff.phone") == value


def test_ciphertext_is_bound_to_its_column_and_key() -> None:
    cipher = crypto.FieldCipher(SECRET)
    token = cipher.encrypt("13812345678", "staff.phone")
    assert token != cipher.encrypt("13812345678", "staff.phone")  # random nonce
    with pytest.raises(SecretUnavailable):
        cipher.decrypt(token, "volunteer.phone")
    with pytest.raises(SecretUnavailable):
        crypto.FieldCipher(bytes(32)).decrypt(token, "staff.phone")


def test_blind_index_matches_the_same_person_however_typed() -> None:
    cipher = crypto.FieldCipher(SECRET)
    a = cipher.blind_index("42010219900307123x", "id")
    assert a == cipher.blind_index(" 42010219900307123X ", "id")
    assert a == cipher.blind_index("４２０１０２１９９００３０７１２３Ｘ", "id")  # full-width digits from an IME
    assert a != cipher.blind_index("420102199003071230", "id")
    assert a != crypto.FieldCipher(bytes(32)).blind_index("42010219900307123X", "id")


@given(st_.binary(min_size=32, max_size=32))
def test_recovery_key_round_trip(secret: bytes) -> None:
    key = crypto.recovery_key_from_secret(secret)
    assert len(key.replace("-", "")) == 56
    assert crypto.secret_from_recovery_key(key) == secret


def test_recovery_key_typo_is_caught() -> None:
    key = crypto.recovery_key_from_secret(SECRET)
    typo = ("B" if key[0] != "B" else "C") + key[1:]
    with pytest.raises(SecretUnavailable, match="校验失败"):
        crypto.secret_from_recovery_key(typo)
    with pytest.raises(SecretUnavailable, match="长度不对"):
        crypto.secret_from_recovery_key(key[:-4])


def test_signing_key_is_stable_and_verifies() -> None:
    key = crypto.signing_key(SECRET)
    public = crypto.load_public_key(crypto.public_key_pem(SECRET))
    public.verify(key.sign(b"tagmanifest"), b"tagmanifest")
    assert crypto.public_key_pem(SECRET) == crypto.public_key_pem(SECRET)
    assert crypto.public_key_pem(SECRET) != crypto.public_key_pem(bytes(32))


def test_database_file_holds_no_plaintext(station: Station, admin: Actor) -> None:
    with station.begin(admin) as s:
        s.add(Staff(name="陈晨", id_number="420106198805124417", phone="13971234567", post="督导",
                    employment="兼职", hire_date=dt.date(2024, 5, 1)))
    station.close()
    raw = b"".join(p.read_bytes() for p in station.data.root.glob("station.db*"))
    assert b"420106198805124417" not in raw and b"13971234567" not in raw
    assert "陈晨".encode() in raw  # names are not encrypted: proves we looked at the right bytes
    with station.read() as s:
        person = s.scalars(select(Staff)).one()
        assert (person.id_number, person.phone) == ("420106198805124417", "13971234567")
