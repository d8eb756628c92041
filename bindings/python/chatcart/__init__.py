# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart: an embeddable conversational-commerce engine.

    >>> import chatcart
    >>> price = chatcart.Money.parse("34.8", "USD")
    >>> price.minor_units, price.format("en-US")
    (3480, '$34.80')
    >>> chatcart.Money.parse("1.234", "USD")
    Traceback (most recent call last):
    ...
    chatcart._errors.InvalidArgumentError: invalid amount "1.234" USD: ...

Errors are exceptions under chatcart.Error, one subclass per status code.
"""

from chatcart._errors import *  # noqa: F401,F403
from chatcart._errors import __all__ as _errors_all
from chatcart import _chatcart

__version__ = _chatcart.__version__

__all__ = ["__version__", "Money"] + list(_errors_all)


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
