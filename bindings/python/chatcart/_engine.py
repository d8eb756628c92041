# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart.Engine, chatcart.Session and chatcart.Catalog.

    >>> engine = chatcart.Engine.load("examples/bundles/demo")
    >>> session = engine.session("web-42", seed=42)
    >>> result = session.turn("a gift for my 6 year old under 40 euros", at=1795000000)
    >>> result.replies[0].text
    'What are they into?'
    >>> data = session.snapshot()                 # bytes: keep them anywhere
    >>> again = chatcart.Session.restore(engine, data)

An Engine is immutable and may be shared by threads; the GIL is released
while it works. A Session is one conversation: calls on one session from
several threads take turns (it holds a lock), they never interleave.
"""

import datetime
import hashlib
import json
import os
import uuid
import weakref

from chatcart import _chatcart
from chatcart._money import Money
from chatcart._results import Entity, IntentResult, Match, Product, Recommendation, TurnResult

__all__ = ["Engine", "Session", "Catalog"]

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
# Engines loaded to unpickle sessions, by (path, options): unpickling many
# sessions of one bundle compiles it once.
_LOADED = weakref.WeakValueDictionary()


def _text_or_none(name, value):
    if value is not None and not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (name, type(value).__name__))
    return value


def _time(at):
    """(seconds, nanos) since the epoch for `at`, or (None, 0)."""
    if at is None:
        return None, 0
    if isinstance(at, datetime.datetime):
        if at.tzinfo is None:
            at = at.replace(tzinfo=datetime.timezone.utc)
        delta = at - _EPOCH
        seconds = delta.days * 86400 + delta.seconds
        return seconds, delta.microseconds * 1000
    if isinstance(at, bool) or not isinstance(at, (int, float)):
        raise TypeError("at must be a datetime or seconds since the epoch, not %s"
                        % type(at).__name__)
    if isinstance(at, int):
        return at, 0
    seconds = int(at // 1)
    return seconds, int(round((at - seconds) * 1e9)) % 1000000000


def _event(event):
    """(kind, [(key, value)...]) for an event given as a kind, (kind, params)
    or {"kind": ..., "param": {...}}."""
    if event is None:
        return None, []
    if isinstance(event, str):
        return event, []
    if isinstance(event, dict):
        kind, params = event.get("kind"), event.get("param", event.get("params", {}))
    else:
        kind, params = event
    if not isinstance(kind, str):
        raise TypeError("event kind must be a str")
    return kind, sorted((str(k), str(v)) for k, v in dict(params).items())


class Session:
    """One conversation with one shopper. Create with Engine.session() or
    Session.restore(); pickles as its engine's bundle path and its snapshot."""

    __slots__ = ("_engine", "_native", "__weakref__")

    def __init__(self, engine, native):
        self._engine = engine
        self._native = native

    @property
    def id(self):
        return self._native.id

    @property
    def engine(self):
        return self._engine

    def turn(self, text=None, payload=None, event=None, at=None, channel=None, locale=None,
             actor=None):
        """Handles one turn and returns a TurnResult.

        Args:
          text: what the shopper typed.
          payload: the payload of a quick reply the shopper picked.
          event: a proactive event: its kind ("order_shipped"), or (kind,
            params), or {"kind": ..., "param": {...}}.
          at: when: a datetime (naive means UTC) or seconds since the epoch.
            The engine reads no clock; None leaves the time unset (the epoch).
          channel: "web", "sms", ...: replies are shaped for it.
          locale: a BCP 47 hint from the host ("it-IT").
          actor: an agent id when an agent types; None for the shopper.

        Raises:
          InvalidArgumentError: none of text, payload and event, or an event
            the bundle does not route.
          FailedPreconditionError: the bundle's routes loop within one turn.
        On error the session is left exactly as it was.
        """
        kind, params = _event(event)
        seconds, nanos = _time(at)
        native = self._native.turn(
            _text_or_none("text", text), _text_or_none("payload", payload), kind, params,
            seconds, nanos, _text_or_none("channel", channel), _text_or_none("locale", locale),
            _text_or_none("actor", actor))
        return TurnResult._from(native)

    def turn_json(self, input_json):
        """A turn in the protobuf JSON mapping: a TurnInput in, a TurnResult
        out (str), deterministic for the same inputs."""
        return self._native.turn_json(input_json)

    def turn_bytes(self, input_proto):
        """A turn in binary protobuf: a serialized chatcart.v1.TurnInput in, a
        deterministically serialized chatcart.v1.TurnResult out."""
        return self._native.turn_bytes(bytes(input_proto))

    def cart_command(self, command, at=None, expected_version=None, idempotency_key=None,
                     actor=None):
        """Applies one cart command to the session's cart, as a host or an
        agent does outside a turn (experimental, like the C API's).

        Args:
          command: one chatcart.v1.CartCommand action in the protobuf JSON
            mapping: {"add_line": {"product_id": "toy-fox", "quantity": 1}},
            {"add_discount_code": {"code": "WELCOME10"}}, {"place_order": {}}...
            (envelope fields may be given here too).
          at: the command's time (a datetime or seconds); None: the cart's.
          expected_version: fail with AbortedError unless the cart is at it.
          idempotency_key: a retry with the same key and command is answered
            without applying anything again.
          actor: {"kind": "AGENT", "agent_id": "nick-42"}; None: the shopper.

        Returns the chatcart.v1.CartApplyResponse as a dict (cart, totals,
        event, version, order...; amounts as chatcart.Money).

        Raises the cart's errors by code (NotFoundError for an unknown
        product, FailedPreconditionError for a rule or a bundle without a
        cart policy, AbortedError for a version mismatch...); the session is
        then unchanged.
        """
        envelope = dict(command)
        seconds, nanos = _time(at)
        if seconds is not None:
            moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
            envelope["time"] = moment.strftime("%Y-%m-%dT%H:%M:%S") + (
                ".%09d" % nanos if nanos else "") + "Z"
        if expected_version is not None:
            envelope["expected_version"] = int(expected_version)
        if idempotency_key is not None:
            envelope["idempotency_key"] = str(idempotency_key)
        if actor is not None:
            envelope["actor"] = dict(actor)
        return _with_money(self._native.apply_cart_command(json.dumps(envelope)))

    def add_to_cart(self, product_id, quantity=1, sku=None, **envelope):
        """cart_command({"add_line": ...}): adds `quantity` of a product."""
        line = {"product_id": product_id, "quantity": int(quantity)}
        if sku is not None:
            line["sku"] = sku
        return self.cart_command({"add_line": line}, **envelope)

    def cart(self):
        """The session's cart and its totals ({"cart": ..., "totals": ...},
        amounts as chatcart.Money), or None before its first cart action."""
        return _with_money(self._native.cart())

    def export_profile(self):
        """What the shopper agreed to have remembered (a serialized
        chatcart.v1.ShopperProfile), for the host to keep with their account."""
        return self._native.export_profile()

    def import_profile(self, profile):
        """Preloads a stored profile so known answers are not asked again:
        export_profile() bytes, or a dict in the protobuf JSON mapping
        ({"consent": True, "entries": [{"key": "phone", "value": {...}}]}).

        Raises InvalidArgumentError for a profile that cannot be read."""
        if isinstance(profile, dict):
            self._native.import_profile(json.dumps(profile), True)
        else:
            self._native.import_profile(bytes(profile), False)

    def snapshot(self):
        """Everything the session knows, as bytes (a chatcart.v1.SessionSnapshot)."""
        return self._native.snapshot()

    @classmethod
    def restore(cls, engine, data):
        """Continues a conversation from snapshot() bytes.

        Raises:
          DataLossError: truncated or corrupted bytes.
          FailedPreconditionError: a snapshot of another bundle, or of a newer
            snapshot format.
        """
        if not isinstance(engine, Engine):
            raise TypeError("engine must be a chatcart.Engine")
        return cls(engine, engine._native.restore_session(bytes(data)))

    def __reduce__(self):
        return (_restore_session, (self._engine, self.snapshot()))

    def __repr__(self):
        return "Session(%r, bundle=%r)" % (self.id, self._engine.name)


def _with_money(value):
    """A native dict with its (minor_units, currency) tuples as Money (the
    native module makes tuples only of chatcart.v1.Money)."""
    if isinstance(value, dict):
        return {k: _with_money(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_money(v) for v in value]
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str):
        return Money._trusted(value[0], value[1]) if value[1] else None
    return value


def _restore_session(engine, data):
    return Session.restore(engine, data)


def _load_shared(path, lenient_catalog, max_text_chars):
    key = (path, lenient_catalog, max_text_chars)
    engine = _LOADED.get(key)
    if engine is None:
        engine = Engine.load(path, lenient_catalog=lenient_catalog,
                             max_text_chars=max_text_chars)
        _LOADED[key] = engine
    return engine


class Catalog:
    """The bundle's product catalog (engine.catalog)."""

    __slots__ = ("_native",)

    def __init__(self, native):
        self._native = native

    @property
    def name(self):
        return self._native.catalog_name

    def __len__(self):
        return self._native.catalog_size

    def find(self, text, limit=10, min_score=0.3, one_per_variant_group=False):
        """Products whose name, brand, model or searchable attributes match
        `text` (typos and unfinished words forgiven), best first: [Match]."""
        found = self._native.catalog_find(text, limit, min_score, one_per_variant_group)
        return [Match(product=Product._from(p), score=s) for p, s in found]

    def query(self, *where, limit=None):
        """Products meeting every constraint ("category=Toys", "price<=30 EUR",
        "memory>=16"), in catalog order, at most `limit`: [Product].

        Raises:
          InvalidArgumentError: a malformed constraint, an unknown field, a
            unit that does not convert.
        """
        products, _ = self._native.catalog_query(_strings("where", where),
                                                  len(self) if limit is None else limit)
        return [Product._from(p) for p in products]

    def count(self, *where):
        """How many products meet every constraint."""
        return self._native.catalog_query(_strings("where", where), 0)[1]

    def product(self, id_or_key):
        """The product with this id (or a key such as a SKU); NotFoundError."""
        return Product._from(self._native.catalog_product(id_or_key))

    __getitem__ = product

    def __repr__(self):
        return "Catalog(%r, %d products)" % (self.name, len(self))


def _strings(name, values):
    if isinstance(values, str):
        return [values]
    if len(values) == 1 and not isinstance(values[0], str):
        values = values[0]  # query(["a", "b"]) as well as query("a", "b")
    out = list(values)
    for v in out:
        if not isinstance(v, str):
            raise TypeError("%s must be strings, not %s" % (name, type(v).__name__))
    return out


class Engine:
    """A compiled bundle: immutable, shared by every session and thread."""

    __slots__ = ("_native", "_path", "_lenient_catalog", "_max_text_chars", "__weakref__")

    def __init__(self):
        raise TypeError("use chatcart.Engine.load(path)")

    @classmethod
    def load(cls, path, lenient_catalog=False, max_text_chars=0):
        """Compiles the bundle in directory `path`.

        Args:
          lenient_catalog: skip catalog rows with errors instead of failing.
          max_text_chars: shopper text beyond this is ignored; 0: the bundle's.

        Raises:
          NotFoundError: no bundle in the directory.
          InvalidArgumentError: every bundle error, one per line, each with
            file:line.
        """
        path = os.path.abspath(os.fspath(path))
        engine = object.__new__(cls)
        engine._native = _chatcart.Engine.load(path, bool(lenient_catalog), int(max_text_chars))
        engine._path = path
        engine._lenient_catalog = bool(lenient_catalog)
        engine._max_text_chars = int(max_text_chars)
        _LOADED.setdefault((path, engine._lenient_catalog, engine._max_text_chars), engine)
        return engine

    @property
    def path(self):
        return self._path

    @property
    def name(self):
        return self._native.bundle_name

    @property
    def version(self):
        return self._native.bundle_version

    @property
    def fingerprint(self):
        return self._native.fingerprint

    @property
    def currency(self):
        return self._native.currency

    @property
    def locales(self):
        return list(self._native.locales)

    @property
    def load_stats(self):
        return dict(self._native.load_stats)

    @property
    def catalog(self):
        """The catalog, or None for a bundle without one."""
        return Catalog(self._native) if self._native.has_catalog else None

    def session(self, id=None, seed=None):
        """A new conversation. `id` is the host's (default: a random UUID);
        `seed` drives variant choice (default: derived from the id), so the
        same id or seed and the same inputs replay exactly."""
        if id is None:
            id = uuid.uuid4().hex
        if not isinstance(id, str):
            raise TypeError("id must be a str")
        if seed is None:
            seed = int.from_bytes(hashlib.blake2b(id.encode(), digest_size=8).digest(), "little")
        if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**64:
            raise ValueError("seed must be an int in [0, 2**64)")
        return Session(self, self._native.new_session(id, seed))

    def restore(self, data):
        """Session.restore(self, data)."""
        return Session.restore(self, data)

    def classify(self, text, language=None):
        """The intent of `text`: IntentResult. `language` is the session's
        ("en", "it", "fr"); None lets the text decide.

        Raises FailedPreconditionError for a bundle without intents."""
        return IntentResult._from(self._native.classify(text, language or ""))

    def entities(self, text, language=None):
        """The entities of `text` read as `language` (default: the store's
        first): [Entity], in text order."""
        return [Entity._from(e) for e in self._native.entities(text, language or "")["entities"]]

    def recommend(self, where=(), budget=None, prefer=(), top=5, age=None, contains_all=None,
                  reference=None, critiques=(), exclude=(), in_stock_only=True, locale=None,
                  ladder="auto", probe_at=0):
        """Product picks: Recommendation.

        Args:
          where: hard constraints in the catalog's syntax ("category=Toys").
          budget: a maximum (Money, or a decimal str/int in the store's
            currency), or (min, max), or {"min":, "max":, "around":}.
          prefer: preferences ("cheap_to_run", "more:storage", "brand=Asus").
          top: how many picks, 1..100.
          age: the shopper's (or recipient's) age in years.
          contains_all: {"compatible_with": ["iphone", "windows_phone"]}.
          reference, critiques: "cheaper", "other_brand", "more:ATTR"... of a
            reference product id.
          exclude: product ids never picked.
          locale: of the reasons' text (default: the store's first).
          ladder: "auto" (a good/better/best ladder across the budget when
            only a budget's top is given and enough products fit), "off"
            (by score) or "on" (a ladder whenever the budget has a top).
          probe_at: when at least this many products fit and nothing is
            preferred, Recommendation.question is the question that best
            splits them (0: never).

        Raises:
          InvalidArgumentError: an unknown attribute or preference, a
            malformed constraint, a budget in another currency, top out of
            range.
          FailedPreconditionError: a bundle without a catalog.
        """
        low, high, around = self._budget(budget)
        pairs = [(k, _strings("contains_all", v)) for k, v in (contains_all or {}).items()]
        if ladder not in ("auto", "off", "on"):
            raise ValueError("ladder must be \"auto\", \"off\" or \"on\", not %r" % (ladder,))
        if isinstance(probe_at, bool) or not isinstance(probe_at, int) or probe_at < 0:
            raise ValueError("probe_at must be an int >= 0, not %r" % (probe_at,))
        native = self._native.recommend(
            _strings("where", where), low, high, around, age, pairs, _strings("prefer", prefer),
            reference or "", _strings("critiques", critiques), _strings("exclude", exclude),
            bool(in_stock_only), int(top), locale or "", ladder, probe_at)
        return Recommendation._from(native)

    def _money(self, value):
        if value is None:
            return None
        if isinstance(value, Money):
            return (value.minor_units, value.currency)
        if isinstance(value, float):
            raise TypeError("money is never a float: pass a str or a chatcart.Money")
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            m = Money.parse(str(value), self.currency)
            return (m.minor_units, m.currency)
        raise TypeError("a budget amount must be a Money, str or int")

    def _budget(self, budget):
        if budget is None:
            return None, None, None
        if isinstance(budget, dict):
            unknown = set(budget) - {"min", "max", "around"}
            if unknown:
                raise TypeError("unknown budget keys: %s" % ", ".join(sorted(unknown)))
            return (self._money(budget.get("min")), self._money(budget.get("max")),
                    self._money(budget.get("around")))
        if isinstance(budget, tuple):
            low, high = budget
            return self._money(low), self._money(high), None
        return None, self._money(budget), None

    def __reduce__(self):
        return (_load_shared, (self._path, self._lenient_catalog, self._max_text_chars))

    def __repr__(self):
        return "Engine(%r, version=%r, path=%r)" % (self.name, self.version, self._path)
