"""Tests of loading, creating and fingerprinting the consortium key."""

from __future__ import annotations

import hashlib
import re
import stat

import pytest

from qualbridge.tasks.shared.keys import (
    ConsortiumKeyError,
    create_key_file,
    key_fingerprint,
    load_key,
)

VAR = "QB_UNIT_TEST_KEY"
GOOD_KEY = "Zq7-unit-test-key-8e1f0c"  # 24 bytes
SHORT_KEY = "Zq7shorTk3y"  # 11 bytes


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    monkeypatch.delenv(VAR, raising=False)
    monkeypatch.delenv(f"{VAR}_FILE", raising=False)


def test_key_from_environment(monkeypatch) -> None:
    monkeypatch.setenv(VAR, GOOD_KEY)

    assert load_key(VAR) == GOOD_KEY.encode()


def test_key_from_file_named_by_env(monkeypatch, tmp_path) -> None:
    path = tmp_path / "k.txt"
    path.write_text(f"{GOOD_KEY}\n", encoding="utf-8")
    monkeypatch.setenv(f"{VAR}_FILE", str(path))

    assert load_key(VAR) == GOOD_KEY.encode()


def test_key_from_key_file_argument(tmp_path) -> None:
    path = tmp_path / "k.txt"
    path.write_text(f"  {GOOD_KEY}  \n", encoding="utf-8")

    assert load_key(VAR, key_file=path) == GOOD_KEY.encode()


def test_environment_value_wins_over_key_file(monkeypatch, tmp_path) -> None:
    path = tmp_path / "k.txt"
    path.write_text("file-key-0000000000000000", encoding="utf-8")
    monkeypatch.setenv(VAR, GOOD_KEY)

    assert load_key(VAR, key_file=path) == GOOD_KEY.encode()


def test_file_env_var_wins_over_key_file_argument(monkeypatch, tmp_path) -> None:
    env_file = tmp_path / "env.txt"
    env_file.write_text(GOOD_KEY, encoding="utf-8")
    arg_file = tmp_path / "arg.txt"
    arg_file.write_text("arg-file-key-000000000000", encoding="utf-8")
    monkeypatch.setenv(f"{VAR}_FILE", str(env_file))

    assert load_key(VAR, key_file=arg_file) == GOOD_KEY.encode()


def test_key_of_exactly_16_bytes_is_accepted(monkeypatch) -> None:
    monkeypatch.setenv(VAR, "a" * 16)

    assert load_key(VAR) == b"a" * 16


@pytest.mark.parametrize("where", ["env", "env_file", "key_file"])
def test_too_short_key_raises_without_the_key(monkeypatch, tmp_path, where: str) -> None:
    path = tmp_path / "k.txt"
    path.write_text(SHORT_KEY, encoding="utf-8")
    key_file = None
    if where == "env":
        monkeypatch.setenv(VAR, SHORT_KEY)
    elif where == "env_file":
        monkeypatch.setenv(f"{VAR}_FILE", str(path))
    else:
        key_file = path

    with pytest.raises(ConsortiumKeyError, match="shorter than 16 bytes") as info:
        load_key(VAR, key_file=key_file)

    assert SHORT_KEY not in str(info.value)


def test_missing_key_raises_naming_the_variable() -> None:
    with pytest.raises(ConsortiumKeyError, match=VAR):
        load_key(VAR)


@pytest.mark.parametrize("value", ["", "   \n"])
def test_blank_key_file_raises(tmp_path, value: str) -> None:
    path = tmp_path / "k.txt"
    path.write_text(value, encoding="utf-8")

    with pytest.raises(ConsortiumKeyError, match="no consortium key"):
        load_key(VAR, key_file=path)


@pytest.mark.parametrize("via_env", [True, False])
def test_missing_key_file_raises(monkeypatch, tmp_path, via_env: bool) -> None:
    path = tmp_path / "absent.txt"
    if via_env:
        monkeypatch.setenv(f"{VAR}_FILE", str(path))

    with pytest.raises(ConsortiumKeyError, match="does not exist"):
        load_key(VAR, key_file=None if via_env else path)


def test_short_key_message_names_its_source_file(monkeypatch, tmp_path) -> None:
    path = tmp_path / "k.txt"
    path.write_text(SHORT_KEY, encoding="utf-8")
    monkeypatch.setenv(f"{VAR}_FILE", str(path))

    with pytest.raises(ConsortiumKeyError) as info:
        load_key(VAR)

    assert str(path) in str(info.value)
    assert SHORT_KEY not in str(info.value)


def test_create_key_file_makes_a_private_loadable_key(tmp_path) -> None:
    path = tmp_path / "sub" / "key.txt"

    assert create_key_file(path) is True

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_text(encoding="utf-8")
    assert re.fullmatch(r"[0-9a-f]{64}\n", content)
    assert load_key(VAR, key_file=path) == content.strip().encode()


def test_create_key_file_refuses_to_overwrite(tmp_path) -> None:
    path = tmp_path / "key.txt"
    path.write_text("existing-key-000000000000\n", encoding="utf-8")

    assert create_key_file(path) is False
    assert path.read_text(encoding="utf-8") == "existing-key-000000000000\n"


def test_create_key_file_twice_keeps_the_first_key(tmp_path) -> None:
    path = tmp_path / "key.txt"
    create_key_file(path)
    first = path.read_bytes()

    assert create_key_file(path) is False
    assert path.read_bytes() == first


def test_created_keys_are_random(tmp_path) -> None:
    create_key_file(tmp_path / "a.txt")
    create_key_file(tmp_path / "b.txt")

    assert (tmp_path / "a.txt").read_bytes() != (tmp_path / "b.txt").read_bytes()


def test_key_fingerprint_is_stable_16_hex() -> None:
    key = GOOD_KEY.encode()
    expected = hashlib.sha256(b"qualbridge-key-fingerprint:" + key).hexdigest()[:16]

    assert key_fingerprint(key) == expected
    assert key_fingerprint(key) == key_fingerprint(bytes(key))
    assert re.fullmatch(r"[0-9a-f]{16}", key_fingerprint(key))


def test_key_fingerprint_differs_between_keys_and_hides_the_key() -> None:
    a, b = b"a" * 32, b"b" * 32

    assert key_fingerprint(a) != key_fingerprint(b)
    assert key_fingerprint(a) != hashlib.sha256(a).hexdigest()[:16]
