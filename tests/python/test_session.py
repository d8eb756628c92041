# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Conversations on the demo bundle through chatcart.Engine/Session, in the
shape of RE2's re2_test.py: tables of inputs and what must come out."""

import datetime
import pickle

import pytest

import chatcart
import chatcart.channels

T0 = 1795000000  # the turns' clock: the engine reads none

# (name, shopper turns, final state, text the last reply must contain)
CONVERSATIONS = [
    ("greeting", ["hi"], "main/welcome", "Toyland & Tech"),
    ("gift_asks_interest", ["I need a gift for my 6 year old under 40 euros"],
     "gift/collect", "What are they into?"),
    ("gift_picks", ["I need a gift for my 6 year old under 40 euros", "she loves lego"],
     "gift/collect", "2 ideas for a 6-year-old"),
    ("italian", ["ciao"], "main/welcome", "Toyland & Tech"),
    ("show_empty_cart", ["show my cart"], "main/welcome", "Your cart is empty."),
    ("printer_question", ["how can I print photos from my phone?"], None, None),
]


def converse(session, texts, start=0):
    result = None
    for i, text in enumerate(texts):
        result = session.turn(text, at=T0 + 10 * (start + i))
    return result


@pytest.mark.parametrize("name,texts,state,reply", CONVERSATIONS,
                         ids=[c[0] for c in CONVERSATIONS])
def test_conversation(engine, name, texts, state, reply):
    result = converse(engine.session(name, seed=42), texts)
    assert isinstance(result, chatcart.TurnResult)
    assert result.replies, "every turn answers"
    if state is not None:
        assert result.state == state
    if reply is not None:
        assert reply in result.text
    assert result.trace.language == result.language


GIFT_TO_ORDER = ["I need a gift for my 6 year old under 40 euros", "she loves lego",
                 "add the second one", "I have a code: WELCOME10", "checkout", "ok"]


def test_gift_to_cart_to_order(engine):
    session = engine.session("order", seed=42)
    results = [session.turn(t, at=T0 + 10 * i) for i, t in enumerate(GIFT_TO_ORDER)]
    picks = results[1].products
    assert [p.product_id for p in picks] == ["toy-fire", "toy-farm"]
    assert all(p.price.currency == "EUR" and p.reasons for p in picks)

    added = results[2].cart
    assert [(l.product_id, l.quantity) for l in added.lines] == [("toy-farm", 1)]
    assert added.total == chatcart.Money.parse("24.99", "EUR")
    assert results[3].cart.discount == chatcart.Money.parse("2.50", "EUR")
    assert results[3].cart.total == chatcart.Money.parse("22.49", "EUR")

    checkout = results[4]
    assert checkout.cart.shipping == chatcart.Money.parse("4.90", "EUR")
    assert [q.payload for q in checkout.quick_replies] == ["yes", "no"]
    assert "Reply OK to buy" in checkout.text

    order = results[5]
    [action] = order.host_actions
    assert action.kind == "payment_request"
    assert action.param["amount_minor"] == str(checkout.cart.total.minor_units)
    assert action.param["currency"] == "EUR"
    assert any(e.kind == "order_placed" for e in order.events)


def test_quick_reply_payload(engine):
    session = engine.session("payload", seed=1)
    first = session.turn("hi", at=T0)
    gift = next(q for q in first.quick_replies if q.payload == "find_gift")
    result = session.turn(payload=gift.payload, at=T0 + 5)
    assert result.state.startswith("gift/")


# (event, its params, text the reply must contain)
EVENTS = [
    ("order_shipped", {"reference": "ABC-1", "tracking_url": "https://t.example/1"},
     "ABC-1"),
    ("order_paid", {"reference": "ABC-1"}, "ABC-1"),
]


@pytest.mark.parametrize("kind,params,reply", EVENTS, ids=[e[0] for e in EVENTS])
def test_events(engine, kind, params, reply):
    session = engine.session("events", seed=1)
    for event in [(kind, params), {"kind": kind, "param": params}]:
        result = session.turn(event=event, at=T0)
        assert reply in result.text
        assert result.events[0].kind == "event"
        assert result.events[0].param == {"kind": kind}


def test_a_reminder_for_an_empty_cart_says_nothing(engine):
    session = engine.session("quiet", seed=1)
    result = session.turn(event={"kind": "cart_abandoned", "param": {}}, at=T0)
    assert result.text == ""
    assert result.state == "main/welcome"


# (at, the same instant as another form)
TIMES = [
    (T0, datetime.datetime.fromtimestamp(T0, datetime.timezone.utc)),
    (T0, datetime.datetime.utcfromtimestamp(T0)),  # naive: UTC
    (T0 + 0.5, datetime.datetime.fromtimestamp(T0 + 0.5, datetime.timezone.utc)),
]


@pytest.mark.parametrize("seconds,moment", TIMES)
def test_time_forms_are_the_same_turn(engine, seconds, moment):
    a = engine.session("t", seed=5)
    b = engine.session("t", seed=5)
    a.turn("hi", at=seconds)
    b.turn("hi", at=moment)
    assert a.snapshot() == b.snapshot()


def test_determinism(engine):
    runs = []
    for _ in range(2):
        session = engine.session("same", seed=7)
        runs.append([session.turn(t, at=T0 + i).to_dict()
                     for i, t in enumerate(GIFT_TO_ORDER)] + [session.snapshot()])
    assert runs[0] == runs[1]


def test_default_seed_follows_the_id(engine):
    a = engine.session("shopper-1")
    b = engine.session("shopper-1")
    a.turn("hi", at=T0)
    b.turn("hi", at=T0)
    assert a.snapshot() == b.snapshot()
    assert engine.session().id != engine.session().id


def continuation(session, texts, start):
    return [session.turn(t, at=T0 + 10 * (start + i)).to_dict() for i, t in enumerate(texts)]


# (how a session is carried over: snapshot bytes, pickle, or a new engine)
CARRY = [
    ("snapshot", lambda engine, s: chatcart.Session.restore(engine, s.snapshot())),
    ("engine_restore", lambda engine, s: engine.restore(s.snapshot())),
    ("pickle", lambda engine, s: pickle.loads(pickle.dumps(s))),
    ("other_engine", lambda engine, s: chatcart.Session.restore(
        chatcart.Engine.load(engine.path), s.snapshot())),
]


@pytest.mark.parametrize("how,carry", CARRY, ids=[c[0] for c in CARRY])
@pytest.mark.parametrize("split", [1, 2, 4])
def test_restored_session_continues_byte_identically(engine, how, carry, split):
    original = engine.session("carry", seed=42)
    converse(original, GIFT_TO_ORDER[:split])
    restored = carry(engine, original)
    assert restored.id == "carry"
    assert restored.snapshot() == original.snapshot()
    rest = GIFT_TO_ORDER[split:]
    assert continuation(restored, rest, split) == continuation(original, rest, split)
    assert restored.snapshot() == original.snapshot()


def test_pickled_results_and_engine(engine):
    result = engine.session("p", seed=1).turn("she loves lego", at=T0)
    assert pickle.loads(pickle.dumps(result)) == result
    again = pickle.loads(pickle.dumps(engine))
    assert (again.name, again.fingerprint) == (engine.name, engine.fingerprint)


def test_wire_formats(engine):
    a = engine.session("wire", seed=3)
    b = engine.session("wire", seed=3)
    out = a.turn_json('{"text": "hi", "time": "2026-11-17T19:06:40Z"}')
    assert '"replies":[{"text":"Hello and welcome' in out
    b.turn("hi", at=datetime.datetime(2026, 11, 17, 19, 6, 40))
    assert a.snapshot() == b.snapshot()


def test_repr_is_readable(engine):
    result = converse(engine.session("r", seed=42), GIFT_TO_ORDER[:2])
    text = repr(result)
    assert text.startswith("TurnResult(state='gift/collect', intent=")
    assert "ProductCard" not in text and "'toy-fire'" in text
    assert repr(result.products[0]).startswith("ProductCard('toy-fire'")
    assert "Session('r'" in repr(engine.session("r"))


# (turn keyword arguments, the exception)
BAD_TURNS = [
    ({}, chatcart.InvalidArgumentError),
    ({"event": "no_such_event"}, chatcart.InvalidArgumentError),
    ({"text": 42}, TypeError),
    ({"text": "hi", "at": "yesterday"}, TypeError),
    ({"event": (1, {})}, TypeError),
]


@pytest.mark.parametrize("kwargs,error", BAD_TURNS)
def test_bad_turns_raise_and_change_nothing(engine, kwargs, error):
    session = engine.session("bad", seed=1)
    session.turn("hi", at=T0)
    before = session.snapshot()
    with pytest.raises(error):
        session.turn(**kwargs)
    assert session.snapshot() == before


def test_bad_snapshots(engine):
    data = engine.session("s", seed=1).snapshot()
    for broken in [b"", b"garbage", data[:-3], data[:5]]:
        with pytest.raises(chatcart.DataLossError) as e:
            chatcart.Session.restore(engine, broken)
        assert e.value.code == 15 and e.value.code_name == "DATA_LOSS"
    with pytest.raises(TypeError):
        chatcart.Session.restore("not an engine", data)


def test_bad_bundles(tmp_path):
    with pytest.raises(chatcart.NotFoundError) as e:
        chatcart.Engine.load(tmp_path / "missing")
    assert "bundle.textproto" in str(e.value)
    (tmp_path / "bundle.textproto").write_text('name: "broken"\nno_such_field: 1\n')
    with pytest.raises(chatcart.InvalidArgumentError) as e:
        chatcart.Engine.load(tmp_path)
    assert "bundle.textproto" in str(e.value)
    with pytest.raises(TypeError):
        chatcart.Engine()


def test_engine_properties(engine):
    assert engine.name == "demo"
    assert engine.currency == "EUR"
    assert engine.locales == ["en", "it", "fr"]
    assert engine.load_stats["products"] == len(engine.catalog) == 38
    assert engine.fingerprint > 0


def test_threads_share_an_engine_and_take_turns_on_a_session(engine):
    import threading

    expected = continuation(engine.session("thread", seed=9), GIFT_TO_ORDER, 0)
    outputs, errors = {}, []

    def converse_in_thread(k):
        try:
            outputs[k] = continuation(engine.session("thread", seed=9), GIFT_TO_ORDER, 0)
        except Exception as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=converse_in_thread, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(out == expected for out in outputs.values())

    # One session from several threads: the turns take turns, none is lost.
    shared = engine.session("shared", seed=9)
    shared.turn("hi", at=T0)
    hammer = [threading.Thread(target=lambda: [shared.turn("show my cart", at=T0)
                                               for _ in range(20)]) for _ in range(3)]
    for t in hammer:
        t.start()
    for t in hammer:
        t.join()
    serial = engine.session("shared", seed=9)
    serial.turn("hi", at=T0)
    for _ in range(60):
        serial.turn("show my cart", at=T0)
    assert shared.snapshot() == serial.snapshot()


PHONE_PROFILE = {"consent": True, "entries": [
    {"key": "phone", "value": {"name": "phone", "type": "compatibility", "text": "android"}}]}


def template_ids(result):
    return [r.template_id for r in result.replies]


def test_profiles_carry_known_answers(engine):
    asked = engine.session("fresh", seed=1).turn("how can I print photos from my phone?", at=T0)
    assert "ask_phone" in template_ids(asked)

    known = engine.session("known", seed=1)
    known.import_profile(PHONE_PROFILE)
    result = known.turn("how can I print photos from my phone?", at=T0)
    assert "ask_phone" not in template_ids(result)
    assert "printer_picks" in template_ids(result)

    again = engine.session("again", seed=1)  # through export_profile() bytes
    again.import_profile(known.export_profile())
    restored = engine.restore(again.snapshot())  # the profile is in the snapshot
    result = restored.turn("how can I print photos from my phone?", at=T0)
    assert "ask_phone" not in template_ids(result)
    assert "printer_picks" in template_ids(result)

    for bad in [b"\xff\xff", {"consent": "maybe"}, {"no_such_field": 1}]:
        with pytest.raises(chatcart.InvalidArgumentError):
            engine.session("bad", seed=1).import_profile(bad)


def test_issue22_a_profile_whose_language_is_not_utf8_is_refused_without_protobuf_logging(
        engine, capfd):
    # ShopperProfile.language (field 3) = "e\xffn", written by hand.
    with pytest.raises(chatcart.InvalidArgumentError,
                       match="chatcart.v1.ShopperProfile.language is not well-formed UTF-8"):
        engine.session("bad", seed=1).import_profile(b"\x1a\x03e\xffn")
    err = capfd.readouterr().err
    assert "libprotobuf" not in err and "UTF-8" not in err, err


LONG = "k" * 100000  # a key protobuf's JSON parser quoted whole in its complaint


# (what is parsed, the call) for JSON the binding parses itself: the façade's
# calls with a 100,000-byte key, and the native calls handed ill-formed bytes
# (the façade writes JSON with json.dumps, all ASCII).
JSON_INPUTS = [
    ("profile", lambda e: e.session("j", seed=1).import_profile({LONG: 1})),
    ("cart command", lambda e: e.session("j", seed=1).cart_command({LONG: {}})),
    ("chatcart.v1.DeskPolicy", lambda e: chatcart.Desk({LONG: 1})),
    ("chatcart.v1.ConversationsConfig",
     lambda e: chatcart.Conversations(e, chatcart.Store.open("memory:"), desk_policy={LONG: 1})),
    ("turn result", lambda e: chatcart.channels.render('{"%s": 1}' % LONG, "web", "s")),
    ("profile",
     lambda e: e.session("j", seed=1)._native.import_profile(b'{"language": "e\xff\xfen"}', True)),
    ("cart command",
     lambda e: e.session("j", seed=1)._native.apply_cart_command(b'{"add_line": {"x\xe8": 1}}')),
]


@pytest.mark.parametrize("what,call", JSON_INPUTS)
def test_issue22_json_parser_complaints_are_short_and_well_formed(engine, what, call):
    # protobuf's JSON parser quotes the input in its complaint: a 100 KB key
    # made a 100 KB message, and ill-formed bytes one that was no str
    # (UnicodeDecodeError instead of the library's error).
    with pytest.raises(chatcart.InvalidArgumentError) as raised:
        call(engine)
    message = str(raised.value)
    assert what + " JSON: " in message, message[:300]
    assert len(message.encode()) < 700, message[:300]


# (turn keyword arguments, language after the turn, text the reply must contain)
HINTS = [
    (dict(text="hi", locale="it-IT"), "it", "benvenuto"),
    (dict(text="hi", locale="fr"), "fr", "bienvenue"),
    (dict(text="ciao"), "it", "benvenuto"),
    (dict(text="hi"), "en", "welcome"),
]


@pytest.mark.parametrize("kwargs,language,reply", HINTS)
def test_locale_hints(engine, kwargs, language, reply):
    result = engine.session("hint", seed=1).turn(at=T0, **kwargs)
    assert result.language == language
    assert reply in result.text


@pytest.mark.parametrize("text", ["show my cart " + "more words " * 500, "x" * 5000])
def test_long_text_is_truncated_not_an_error(engine, text):
    result = engine.session("long", seed=1).turn(text, at=T0)
    assert result.trace.truncated
    engine.entities(text)  # neither raises (nor hangs: a 2,000-letter word once took 11 s)
    engine.catalog.find(text)


# (commands applied in order, the cart lines after them, the grand total)
CART_COMMANDS = [
    ([{"add_line": {"product_id": "toy-fox", "quantity": 2}}],
     [("toy-fox", 2)], "37.80"),
    ([{"add_line": {"product_id": "toy-fox", "quantity": 2}},
      {"add_discount_code": {"code": "WELCOME10"}}],
     [("toy-fox", 2)], "34.02"),
    ([{"add_line": {"product_id": "toy-fox", "quantity": 1}},
      {"add_line": {"product_id": "toy-farm", "quantity": 1}},
      {"change_quantity": {"line_id": 1, "quantity": 3}}],
     [("toy-fox", 3), ("toy-farm", 1)], "81.69"),
]


@pytest.mark.parametrize("commands,lines,total", CART_COMMANDS)
def test_cart_commands(engine, commands, lines, total):
    session = engine.session("cart", seed=1)
    assert session.cart() is None
    for i, command in enumerate(commands):
        response = session.cart_command(command, at=T0 + i)
        assert response["version"] == i + 1 and not response["replayed"]
    state = session.cart()
    assert [(l["product_id"], l["quantity"]) for l in state["cart"]["lines"]] == lines
    assert state["totals"]["grand_total"] == chatcart.Money.parse(total, "EUR")
    # The conversation sees the same cart, and so does a restored session.
    shown = session.turn("show my cart", at=T0 + 60).cart
    assert shown.total == chatcart.Money.parse(total, "EUR")
    assert engine.restore(session.snapshot()).cart() == state


def test_cart_command_envelope_and_errors(engine):
    session = engine.session("cart-errors", seed=1)
    first = session.add_to_cart("toy-fox", idempotency_key="k1", at=T0)
    again = session.add_to_cart("toy-fox", idempotency_key="k1", at=T0)
    assert again["replayed"] and again["version"] == first["version"] == 1
    before = session.snapshot()
    # (command, envelope, exception)
    for command, envelope, error in [
        ({"add_line": {"product_id": "no-such-toy", "quantity": 1}}, {}, chatcart.NotFoundError),
        ({"add_line": {"product_id": "toy-fox", "quantity": 1}}, {"expected_version": 7},
         chatcart.AbortedError),
        ({"add_line": {"product_id": "toy-fox", "quantity": 99}}, {},
         chatcart.FailedPreconditionError),
        ({"no_such_command": {}}, {}, chatcart.InvalidArgumentError),
        ({"add_line": {"product_id": "toy-fox", "quantity": 2}}, {"idempotency_key": "k1"},
         chatcart.InvalidArgumentError),
    ]:
        with pytest.raises(error):
            session.cart_command(command, at=T0, **envelope)
        assert session.snapshot() == before, command
