# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Plain value classes for what the engine returns: turns, intents, entities,
products, recommendations.

Every class is a small immutable record: fields by name, equality by value,
``to_dict()`` for JSON, and a ``repr`` that shows the fields that are set.
Money amounts are ``chatcart.Money`` (exact minor units), never floats.
"""

from chatcart._money import Money

__all__ = [
    "TurnResult", "Reply", "QuickReply", "ProductCard", "CartSummary", "CartLine",
    "HostAction", "AnalyticsEvent", "Trace", "TraceEntity", "IntentResult", "Entity",
    "Product", "Match", "Recommendation", "Pick", "ScoreTerm", "Reason",
    "AppliedConstraint", "Relaxation", "Question", "QuestionOption",
]


def _money(value):
    """Money from the native forms: a Money proto dict or (minor_units, currency)."""
    if value is None:
        return None
    if isinstance(value, dict):
        if not value.get("currency"):
            return None
        return Money._trusted(value["minor_units"], value["currency"])
    return Money._trusted(value[0], value[1])


def _list(cls):
    def convert(items):
        make = cls._from
        return [make(x) for x in items]
    return convert


def _optional(cls):
    return lambda x: None if x is None else cls._from(x)


def _plain(x):
    if isinstance(x, _Record):
        return x.to_dict()
    if isinstance(x, Money):
        return {"minor_units": x.minor_units, "currency": x.currency}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    return x


_MISSING = object()


def _field(name, convert):
    """A read-only property for a record field: the native value as it is, or
    converted on first access and kept."""
    if convert is None:
        def get(self):
            return self._d.get(name)
    else:
        def get(self):
            cache = self._c
            value = cache.get(name, _MISSING)
            if value is _MISSING:
                value = self._d.get(name)
                value = None if value is None else convert(value)
                cache[name] = value
            return value
    return property(get)


class _Record:
    """Base: subclasses list their fields in _FIELDS as (name, converter).

    A record keeps the native module's dict and converts nested values
    (messages, money) on first access, so a turn costs Python little until
    its parts are read.
    """

    __slots__ = ("_d", "_c")
    _FIELDS = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, convert in cls._FIELDS:
            setattr(cls, name, _field(name, convert))

    def __init__(self, **fields):
        unknown = set(fields) - {n for n, _ in self._FIELDS}
        if unknown:
            raise TypeError("%s has no field %s" % (type(self).__name__,
                                                    ", ".join(sorted(unknown))))
        values = {n: fields.get(n) for n, _ in self._FIELDS}  # already converted
        object.__setattr__(self, "_d", values)
        object.__setattr__(self, "_c", dict(values))

    @classmethod
    def _from(cls, native):
        """From the native module's dict (missing keys are None)."""
        record = _new(cls)
        _set_native(record, native)
        _set_cache(record, {})
        return record

    def __setattr__(self, name, value):
        raise AttributeError("%s is immutable" % type(self).__name__)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n, _ in self._FIELDS)

    def __hash__(self):
        return hash(repr(self))

    def __reduce__(self):
        return (_rebuild, (type(self), {n: getattr(self, n) for n, _ in self._FIELDS}))

    def to_dict(self):
        """The record as plain dicts, lists and numbers (Money as a dict)."""
        return {n: _plain(getattr(self, n)) for n, _ in self._FIELDS}

    def _shown(self):
        """(name, value) of the fields worth showing: set and not empty."""
        for name, _ in self._FIELDS:
            value = getattr(self, name)
            if value is None or value == "" or value == [] or value == {} or value is False:
                continue
            yield name, value

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % kv for kv in self._shown()))


# _Record._from's fast path: the slots' own setters.
_new = object.__new__
_set_native = _Record.__dict__["_d"].__set__
_set_cache = _Record.__dict__["_c"].__set__


def _rebuild(cls, fields):
    return cls(**fields)


class QuickReply(_Record):
    """A button: its title for the shopper and the payload to send back."""
    __slots__ = ()
    _FIELDS = (("title", None), ("payload", None))

    def __repr__(self):
        return "QuickReply(%r -> %r)" % (self.title, self.payload)


class ProductCard(_Record):
    """A product shown in a reply, with why it was picked."""
    __slots__ = ()
    _FIELDS = (("product_id", None), ("name", None), ("price", _money), ("price_text", None),
               ("reasons", list), ("image", None), ("url", None))

    def __repr__(self):
        return "ProductCard(%r %r %s)" % (self.product_id, self.name, self.price_text)


class CartLine(_Record):
    __slots__ = ()
    _FIELDS = (("product_id", None), ("title", None), ("quantity", None),
               ("line_total", _money))

    def __repr__(self):
        return "CartLine(%d x %r = %s)" % (self.quantity, self.product_id, self.line_total)


class CartSummary(_Record):
    """The cart as a reply shows it: lines and exact totals."""
    __slots__ = ()
    _FIELDS = (("lines", _list(CartLine)), ("subtotal", _money), ("discount", _money),
               ("tax", _money), ("shipping", _money), ("total", _money), ("version", None),
               ("total_text", None))

    def __repr__(self):
        return "CartSummary(%d lines, total %s, version %s)" % (
            len(self.lines), self.total_text or self.total, self.version)


class Reply(_Record):
    """One message to the shopper: text, buttons, product cards, a cart."""
    __slots__ = ()
    _FIELDS = (("text", None), ("quick_replies", _list(QuickReply)),
               ("products", _list(ProductCard)), ("cart", _optional(CartSummary)),
               ("template_id", None))

    def __repr__(self):
        parts = [repr(self.text)]
        if self.quick_replies:
            parts.append("quick_replies=%r" % [q.title for q in self.quick_replies])
        if self.products:
            parts.append("products=%r" % [p.product_id for p in self.products])
        if self.cart is not None:
            parts.append("cart=%r" % self.cart)
        return "Reply(%s)" % ", ".join(parts)


class HostAction(_Record):
    """Something the host must do: a checkout link, a payment, a handoff."""
    __slots__ = ()
    _FIELDS = (("kind", None), ("param", dict))

    def __repr__(self):
        return "HostAction(%r, %r)" % (self.kind, self.param)


class AnalyticsEvent(_Record):
    """An analytics event: flow started, slot filled, added to cart..."""
    __slots__ = ()
    _FIELDS = (("kind", None), ("param", dict))

    def __repr__(self):
        return "AnalyticsEvent(%r, %r)" % (self.kind, self.param)


class TraceEntity(_Record):
    __slots__ = ()
    _FIELDS = (("type", None), ("text", None), ("value", None), ("start", None), ("end", None))

    def __repr__(self):
        return "TraceEntity(%s %r [%d:%d])" % (self.type, self.text, self.start, self.end)


class Trace(_Record):
    """How the engine understood and decided the turn."""
    __slots__ = ()
    _FIELDS = (("intent", None), ("confidence", None), ("out_of_scope", None),
               ("entities", _list(TraceEntity)), ("transitions", list),
               ("slots_filled", list), ("truncated", None), ("language", None),
               ("state", None))


class TurnResult(_Record):
    """What one turn produced.

    Attributes:
      replies: the messages to show, in order (Reply).
      host_actions: what the host must do (HostAction).
      events: analytics events (AnalyticsEvent).
      trace: how the turn was understood (Trace).
      language: the session's language after the turn.
    """
    __slots__ = ()
    _FIELDS = (("replies", _list(Reply)), ("host_actions", _list(HostAction)),
               ("events", _list(AnalyticsEvent)), ("trace", _optional(Trace)),
               ("language", None))

    @property
    def text(self):
        """The replies' texts, one per line."""
        return "\n".join(r.text for r in self.replies)

    @property
    def quick_replies(self):
        return [q for r in self.replies for q in r.quick_replies]

    @property
    def products(self):
        return [p for r in self.replies for p in r.products]

    @property
    def cart(self):
        """The last cart summary shown this turn, or None."""
        carts = [r.cart for r in self.replies if r.cart is not None]
        return carts[-1] if carts else None

    @property
    def state(self):
        return self.trace.state if self.trace else ""

    @property
    def intent(self):
        return self.trace.intent if self.trace else ""

    def __repr__(self):
        lines = ["TurnResult(state=%r, intent=%r, language=%r" % (
            self.state, self.intent, self.language)]
        for name in ("replies", "host_actions", "events"):
            items = getattr(self, name)
            if items:
                lines.append("  %s=[%s]" % (name, ",\n    ".join(repr(x) for x in items)))
        return ",\n".join(lines) + ")"


class IntentResult(_Record):
    """What a text asks for: an intent, its confidence, the best others."""
    __slots__ = ()
    _FIELDS = (("intent", None), ("confidence", None), ("out_of_scope", None),
               ("source", None), ("top", lambda t: [tuple(x) for x in t]),
               ("language", None), ("truncated", None), ("word_support", None))

    def __repr__(self):
        return "IntentResult(%r, confidence=%.3f, source=%r, language=%r%s%s)" % (
            self.intent, self.confidence, self.source, self.language,
            ", out_of_scope=True" if self.out_of_scope else "",
            "" if self.word_support else ", word_support=False")


class Entity(_Record):
    """An entity in a text: type, byte span, text, value.

    value: an int for number/quantity/ordinal/age (a number rounded toward
    zero; decimal holds its exact value as a str, "1.5"), a str for the
    others (a list comma-joined, "black,blue"), None for money, whose bounds
    are kind ("exact", "under", "over", "between", "around"), min and max
    (Money or None). A model also says how many catalog products carry it
    (products). Colours, sizes, brands, categories and compatibility carry
    every value said (values, a list; either when "or" joined them);
    negated says the shopper excludes them ("not red").
    """
    __slots__ = ()
    _FIELDS = (("type", None), ("start", None), ("end", None), ("text", None),
               ("confidence", None), ("value", None), ("kind", None), ("min", _money),
               ("max", _money), ("currency_stated", None), ("products", None),
               ("decimal", None), ("values", None), ("either", None), ("negated", None))

    def __repr__(self):
        if self.type == "money":
            value = "%s min=%s max=%s" % (self.kind, self.min, self.max)
        else:
            value = repr(self.value)
        return "Entity(%s %r [%d:%d] %s)" % (self.type, self.text, self.start, self.end, value)


class Product(_Record):
    """A catalog product (a copy: it does not keep the engine alive)."""
    __slots__ = ()
    _FIELDS = (("id", None), ("name", None), ("brand", None), ("model", None),
               ("description", None), ("image", None), ("url", None), ("price", _money),
               ("list_price", _money), ("rating", None), ("stock", None), ("category", None))

    def __repr__(self):
        return "Product(%r, %r, %s)" % (self.id, self.name, self.price)


class Match(_Record):
    """A product found by name and how well it matched (0..1)."""
    __slots__ = ()
    _FIELDS = (("product", Product._from), ("score", None))

    def __repr__(self):
        return "Match(%r, %r, score=%.3f)" % (self.product.id, self.product.name, self.score)


class ScoreTerm(_Record):
    __slots__ = ()
    _FIELDS = (("name", None), ("value", None), ("utility", None), ("weight", None),
               ("contribution", None))


_REASON_KINDS = ("meets", "within_budget", "near_target", "preference", "rating",
                 "best_of_picks", "trade_off", "alternative", "merchant", "similar",
                 "critique", "ladder", "spec", "price_rank")


class Reason(_Record):
    """Why a product was picked, structured and rendered (text)."""
    __slots__ = ()
    _FIELDS = (("kind", lambda k: _REASON_KINDS[k] if isinstance(k, int) else k),
               ("subject", None), ("label", None), ("value", None), ("other", None),
               ("versus", None), ("text", None))

    def __repr__(self):
        return "Reason(%s: %r)" % (self.kind, self.text)


class Pick(_Record):
    """A recommended product, its score (0..1), breakdown and reasons."""
    __slots__ = ()
    _FIELDS = (("id", None), ("name", None), ("brand", None), ("price", _money),
               ("score", None), ("breakdown", _list(ScoreTerm)), ("reasons", _list(Reason)),
               ("alternative", list), ("tier", None))

    def __repr__(self):
        return "Pick(%r, %r, %s, score=%.3f%s)" % (
            self.id, self.name, self.price, self.score,
            ", alternative=%r" % self.alternative if self.alternative else "")


class AppliedConstraint(_Record):
    __slots__ = ()
    _FIELDS = (("origin", None), ("text", None), ("phrase", None), ("relaxable", None))


class Relaxation(_Record):
    """Changes (constraint index, relaxed form, phrase) and how many then fit."""
    __slots__ = ()
    _FIELDS = (("changes", lambda c: [tuple(x) for x in c]), ("matches", None), ("text", None))


class QuestionOption(_Record):
    """An answer to a probing question: what it adds (where) and how many then fit."""
    __slots__ = ()
    _FIELDS = (("value", None), ("where", list), ("matches", None))


class Question(_Record):
    """The question that best splits what fits (recommend(probe_at=...))."""
    __slots__ = ()
    _FIELDS = (("attribute", None), ("label", None), ("text", None),
               ("options", _list(QuestionOption)))


class Recommendation(_Record):
    """Picks for a request; when nothing fits, why and what would."""
    __slots__ = ()
    _FIELDS = (("picks", _list(Pick)), ("alternative", None), ("other_approach", _optional(Pick)),
               ("matches", None), ("constraints", _list(AppliedConstraint)),
               ("conflict", list), ("relaxations", _list(Relaxation)),
               ("explanation", None), ("locale", None), ("ladder", None),
               ("question", _optional(Question)))

    def __repr__(self):
        lines = ["Recommendation(matches=%d, alternative=%d" % (self.matches, self.alternative)]
        for p in self.picks:
            lines.append("  %r" % p)
        if self.explanation:
            lines.append("  explanation=%r" % self.explanation)
        return ",\n".join(lines) + ")"
