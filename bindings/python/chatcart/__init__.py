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

Conversations (see chatcart.Engine):

    >>> engine = chatcart.Engine.load("examples/bundles/demo")
    >>> session = engine.session("web-42", seed=42)
    >>> session.turn("hi", at=1795000000).replies[0].text
    'Hello and welcome to Toyland & Tech! Looking for a gift, ...'

Errors are exceptions under chatcart.Error, one subclass per status code.
"""

from chatcart._errors import *  # noqa: F401,F403
from chatcart._errors import __all__ as _errors_all
from chatcart import _chatcart
from chatcart._money import Money
from chatcart._engine import Catalog, Engine, Session
from chatcart._runtime import Conversations, ConversationOutput, DueTimer, Store, StoredSession
from chatcart._desk import Desk, erlang_c, find_personal_data, redact, simulate_desk
from chatcart._results import *  # noqa: F401,F403
from chatcart._results import __all__ as _results_all

__version__ = _chatcart.__version__

__all__ = (["__version__", "Money", "Engine", "Session", "Catalog", "Store", "StoredSession",
            "Conversations", "ConversationOutput", "DueTimer", "Desk", "redact",
            "find_personal_data", "erlang_c", "simulate_desk"] + list(_results_all)
           + list(_errors_all))
