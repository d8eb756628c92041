# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart.channels: a webhook in, the rules, a turn, the payloads out, on
the demo bundle; signatures, SMS keywords and windows, in the shape of RE2's
re2_test.py tables."""

import json
import pickle
import urllib.parse

import pytest

import chatcart
from chatcart import channels

NOW_MS = 1795000000000

MESSENGER = json.dumps({
    "object": "page",
    "entry": [{"id": "PAGE-1", "messaging": [{
        "sender": {"id": "PSID-42"}, "recipient": {"id": "PAGE-1"}, "timestamp": NOW_MS,
        "message": {"mid": "m_1", "text": "a gift for my 6 year old who loves lego, under 40 euros"},
    }]}],
}).encode()


def test_messenger_webhook_end_to_end(engine):
    signature = channels.meta_signature(MESSENGER, "app-secret")
    assert signature.startswith("sha256=") and len(signature) == 71
    messages, ignored = channels.parse_webhook("messenger", MESSENGER, signature=signature,
                                               meta_app_secret="app-secret")
    assert ignored == []
    (message,) = messages
    assert (message.channel, message.kind, message.shopper, message.message_id) == \
        ("messenger", "message", "PSID-42", "m_1")
    state = channels.ChannelState()
    seen = channels.observe(message, state, engine=engine)
    assert seen["forward"] and not seen["duplicate"]
    session = engine.session("psid-42", seed=42)
    result_json = session.turn_json(seen["input_json"])
    payloads = channels.render(result_json, "messenger", "PSID-42", state=state,
                               now_ms=NOW_MS + 1000, engine=engine)
    bodies = [json.loads(p["body"]) for p in payloads]
    assert all(b["recipient"] == {"id": "PSID-42"} for b in bodies)
    assert all(b["messaging_type"] == "RESPONSE" for b in bodies)
    assert any("attachment" in b["message"] for b in bodies), "product cards as a carousel"
    # The same webhook again (Meta retries) is a duplicate, applied once.
    again = channels.observe(message, state, engine=engine)
    assert again["duplicate"] and not again["forward"]
    # The state pickles as bytes.
    assert bytes(pickle.loads(pickle.dumps(state))) == bytes(state)


@pytest.mark.parametrize("signature,secret,error", [
    (None, "app-secret", chatcart.UnauthenticatedError),
    ("sha256=" + "0" * 64, "app-secret", chatcart.UnauthenticatedError),
    ("x", "", chatcart.FailedPreconditionError),
])
def test_bad_signatures_are_refused(signature, secret, error):
    with pytest.raises(error):
        channels.parse_webhook("messenger", MESSENGER, signature=signature, meta_app_secret=secret)


@pytest.mark.parametrize("body,error", [
    (MESSENGER[:40], chatcart.InvalidArgumentError),
    (b"not json", chatcart.InvalidArgumentError),
    (b" " * (10 << 20), chatcart.ResourceExhaustedError),
])
def test_bad_bodies_are_errors(body, error):
    with pytest.raises(error):
        channels.parse_webhook("messenger", body, skip_signature_check=True)


def sms_form(text, sid):
    return urllib.parse.urlencode({"MessageSid": sid, "From": "+15005550006",
                                   "To": "+15005550001", "Body": text}).encode()


def test_sms_stop_then_nothing_is_sent(engine):
    url = "https://shop.example/sms"
    form = sms_form("Stop", "SM1")
    messages, _ = channels.parse_webhook(
        "sms", form, signature=channels.twilio_signature(url, form, "token"), url=url,
        received_ms=NOW_MS, twilio_auth_token="token")
    state = channels.ChannelState()
    seen = channels.observe(messages[0], state, engine=engine)
    assert seen["keyword"] == "opt_out" and not seen["forward"]
    assert "no further messages" in seen["reply"]
    result_json = engine.session("sms-1", seed=1).turn_json(
        json.dumps({"text": "hi", "channel": "sms", "time": "2026-11-18T08:26:40Z"}))
    with pytest.raises(chatcart.FailedPreconditionError, match="opted out"):
        channels.render(result_json, "sms", "+15005550006", state=state,
                        account="+15005550001", now_ms=NOW_MS)


@pytest.mark.parametrize("text,keyword,forward", [
    ("STOP", "opt_out", False),
    ("stop please", "", True),
    ("HELP", "help", False),
    ("DEALS", "keyword", True),
    ("OK", "", True),
])
def test_sms_keywords_are_single_words(engine, text, keyword, forward):
    messages, _ = channels.parse_webhook("sms", sms_form(text, "SM2"), received_ms=NOW_MS,
                                         skip_signature_check=True)
    seen = channels.observe(messages[0], channels.ChannelState(), engine=engine)
    assert (seen["keyword"], seen["forward"]) == (keyword, forward)


def test_whatsapp_outside_the_window_uses_the_bundles_template(engine):
    session = engine.session("wa-1", seed=7)
    result = session.turn_json(json.dumps({
        "event": {"kind": "order_shipped",
                  "param": {"reference": "BMP-CQ4Z", "tracking_url": "https://track.example/1"}},
        "channel": "whatsapp", "time": "2026-11-23T10:00:00Z"}))
    state = channels.ChannelState()
    # A state whose last shopper message is two days old.
    wa_message = json.dumps({"object": "whatsapp_business_account", "entry": [{"changes": [{
        "field": "messages", "value": {"metadata": {"phone_number_id": "P"}, "messages": [{
            "from": "39333", "id": "wamid.1", "timestamp": str(NOW_MS // 1000 - 2 * 86400),
            "type": "text", "text": {"body": "ciao"}}]}}]}]}).encode()
    (inbound,), _ = channels.parse_webhook("whatsapp", wa_message, skip_signature_check=True)
    channels.observe(inbound, state, engine=engine)
    (payload,) = channels.render(result, "whatsapp", "39333", state=state, now_ms=NOW_MS,
                                 purpose="proactive",
                                 event={"kind": "order_shipped", "param": {"reference": "BMP-CQ4Z"}},
                                 engine=engine)
    body = json.loads(payload["body"])
    assert body["type"] == "template"
    assert body["template"]["name"] == "order_shipped_v1"
    assert body["template"]["components"][0]["parameters"][0]["text"] == "BMP-CQ4Z"
    with pytest.raises(chatcart.FailedPreconditionError, match="no approved template"):
        channels.render(result, "whatsapp", "39333", state=state, now_ms=NOW_MS,
                        purpose="proactive", event="back_in_stock", engine=engine)


def test_subscribe_handshake_and_sms_cost():
    assert channels.answer_subscribe(
        "hub.mode=subscribe&hub.verify_token=t&hub.challenge=99", "t") == "99"
    with pytest.raises(chatcart.PermissionDeniedError):
        channels.answer_subscribe("hub.mode=subscribe&hub.verify_token=x&hub.challenge=99", "t")
    assert channels.sms_cost("a" * 161) == ("GSM-7", 161, 2)
    assert channels.sms_cost("\u20ac" * 80) == ("GSM-7", 160, 1)
    assert channels.sms_cost("ciao \U0001F381") == ("UCS-2", 7, 1)


# Issue #22: binary input whose strings are not UTF-8 (bytes written by hand:
# the ChannelState's channel, a TurnResult reply's text) is refused naming the
# field before protobuf parses it, so protobuf logs no ERROR line to stderr.
@pytest.mark.parametrize("call,field", [
    (lambda engine: channels.observe(
        channels.parse_webhook("messenger", MESSENGER, skip_signature_check=True)[0][0],
        channels.ChannelState(b"\x0a\x03w\xffb"), engine=engine),
     "chatcart.v1.ChannelState.channel"),
    (lambda engine: channels.render(b"\x0a\x05\x0a\x03h\xffi", "messenger", "PSID-42",
                                    now_ms=NOW_MS, engine=engine),
     "chatcart.v1.Reply.text"),
    (lambda engine: channels.render(b"", "messenger", "PSID-42",
                                    state=channels.ChannelState(b"\x0a\x03w\xffb"),
                                    now_ms=NOW_MS, engine=engine),
     "chatcart.v1.ChannelState.channel"),
])
def test_issue22_ill_formed_bytes_are_refused_without_protobuf_logging(engine, capfd, call,
                                                                       field):
    with pytest.raises(chatcart.InvalidArgumentError, match=field + " is not well-formed UTF-8"):
        call(engine)
    err = capfd.readouterr().err
    assert "libprotobuf" not in err and "UTF-8" not in err, err
