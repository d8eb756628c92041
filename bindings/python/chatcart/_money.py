# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart.Money: exact amounts (integer minor units and a currency)."""

from chatcart import _chatcart

__all__ = ["Money"]


class Money:
    """An exact amount of one currency: integer minor units plus an ISO 4217 code.

    Immutable and hashable. Amounts are never floats: parse decimal strings.
    """

    __slots__ = ("_minor_units", "_currency")

    def __init__(self, minor_units, currency):
        if not isinstance(minor_units, int) or isinstance(minor_units, bool):
            raise TypeError("minor_units must be an int")
        _chatcart.currency_exponent(currency)  # validates the code
        object.__setattr__(self, "_minor_units", minor_units)
        object.__setattr__(self, "_currency", currency)

    @classmethod
    def _trusted(cls, minor_units, currency):
        """From values the engine produced (already valid): no validation."""
        money = _new(cls)
        _set_minor_units(money, minor_units)
        _set_currency(money, currency)
        return money

    @classmethod
    def parse(cls, decimal, currency):
        """Parses a plain decimal string exactly ("34.8"); never rounds."""
        return cls(_chatcart.parse_money(decimal, currency), currency)

    @property
    def minor_units(self):
        return self._minor_units

    @property
    def currency(self):
        return self._currency

    def format(self, locale="en-US"):
        """Formats for people with ICU's conventions for a BCP 47 locale."""
        return _chatcart.format_money(self._minor_units, self._currency, locale)

    def __str__(self):
        return "%s %s" % (_chatcart.money_decimal(self._minor_units, self._currency),
                          self._currency)

    def __repr__(self):
        return "Money(%r, %r)" % (str(self).split(" ")[0], self._currency)

    def __setattr__(self, name, value):
        raise AttributeError("Money is immutable")

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self._minor_units, self._currency) == (other._minor_units, other._currency)

    def __hash__(self):
        return hash((self._minor_units, self._currency))

    def __reduce__(self):
        return (Money, (self._minor_units, self._currency))


# Money._trusted's fast path: the slots' own setters (results carry many amounts).
_new = object.__new__
_set_minor_units = Money.__dict__["_minor_units"].__set__
_set_currency = Money.__dict__["_currency"].__set__
