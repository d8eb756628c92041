# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The package's foundation: version, errors by status code, Money."""

import pickle
import re

import pytest

import chatcart


def test_version_is_the_library_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", chatcart.__version__)
    major, minor, patch = map(int, chatcart.__version__.split("."))
    assert chatcart._chatcart.VERSION_NUMBER == major * 10000 + minor * 100 + patch


@pytest.mark.parametrize("code, cls", [
    (1, chatcart.CancelledError),
    (3, chatcart.InvalidArgumentError),
    (5, chatcart.NotFoundError),
    (9, chatcart.FailedPreconditionError),
    (10, chatcart.AbortedError),
    (15, chatcart.DataLossError),
    (16, chatcart.UnauthenticatedError),
    (42, chatcart.UnknownError),
])
def test_errors_map_status_codes_to_classes(code, cls):
    error = chatcart._errors.from_status(code, "message")
    assert type(error) is cls
    assert isinstance(error, chatcart.Error)
    assert error.code == code
    assert error.message == "message"


def test_errors_pickle():
    error = chatcart.AbortedError("cart version 3, expected 2")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is chatcart.AbortedError
    assert again.message == error.message


@pytest.mark.parametrize("text, currency, minor", [
    ("34.8", "USD", 3480),
    ("0.01", "USD", 1),
    ("-5.25", "EUR", -525),
    ("1500", "JPY", 1500),
    ("1.234", "KWD", 1234),
    ("1.230", "USD", 123),
])
def test_money_parses_exactly(text, currency, minor):
    money = chatcart.Money.parse(text, currency)
    assert money.minor_units == minor
    assert money.currency == currency


@pytest.mark.parametrize("text, currency, cls, fragment", [
    ("1.234", "USD", chatcart.InvalidArgumentError, "more decimal places"),
    ("1,000", "USD", chatcart.InvalidArgumentError, "plain decimal"),
    ("5", "QQQ", chatcart.InvalidArgumentError, "unknown currency"),
    ("99999999999999999999", "USD", chatcart.OutOfRangeError, "int64"),
])
def test_money_rejects_bad_amounts(text, currency, cls, fragment):
    with pytest.raises(cls, match=fragment) as info:
        chatcart.Money.parse(text, currency)
    assert isinstance(info.value, chatcart.Error)


@pytest.mark.parametrize("minor, currency, locale, text", [
    (123456, "USD", "en-US", "$1,234.56"),
    (123456, "EUR", "it-IT", "1.234,56\u00a0€"),
    (123456, "EUR", "fr-FR", "1\u202f234,56\u00a0€"),
])
def test_money_formats_per_locale(minor, currency, locale, text):
    assert chatcart.Money(minor, currency).format(locale) == text


def test_money_is_an_immutable_value():
    a = chatcart.Money.parse("34.8", "USD")
    assert a == chatcart.Money(3480, "USD")
    assert a != chatcart.Money(3480, "EUR")
    assert hash(a) == hash(chatcart.Money(3480, "USD"))
    assert str(a) == "34.80 USD"
    assert repr(a) == "Money('34.80', 'USD')"
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(AttributeError):
        a.currency = "EUR"
    with pytest.raises(TypeError):
        chatcart.Money(1.5, "USD")
