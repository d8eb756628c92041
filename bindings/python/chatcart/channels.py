# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Messaging channels: Messenger, WhatsApp, SMS (Twilio) and the web widget.

Pure functions over bytes (chatcart/channels.h): the host receives webhooks
and sends the payloads; chatcart checks signatures, turns webhooks into turn
inputs, keeps the channel rules (duplicates, the 24-hour window, SMS opt-out)
and renders turn results within each platform's limits.

    >>> from chatcart import channels
    >>> body = b'{"object":"page","entry":[{"messaging":[{"sender":{"id":"P1"},' \\
    ...        b'"timestamp":1795000000000,"message":{"mid":"m1","text":"hi"}}]}]}'
    >>> messages, ignored = channels.parse_webhook(
    ...     "messenger", body, signature=channels.meta_signature(body, "secret"),
    ...     meta_app_secret="secret")
    >>> state = channels.ChannelState()
    >>> seen = channels.observe(messages[0], state)
    >>> seen["forward"], seen["input"]["text"]
    (True, 'hi')

Errors are chatcart.Error subclasses: UnauthenticatedError for a bad
signature, FailedPreconditionError for a message the channel would refuse.
"""

from chatcart import _chatcart

__all__ = ["ChannelState", "InboundMessage", "parse_webhook", "observe", "render",
           "meta_signature", "twilio_signature", "answer_subscribe", "sms_cost"]

InboundMessage = _chatcart.InboundMessage


class ChannelState:
    """What one conversation's channel knows between messages: the 24-hour
    window, the SMS opt-out, recent message ids, an SMS reply waiting for
    MORE. Store ``bytes(state)`` with the session; ``ChannelState(data)``
    restores it. Updated in place by observe() and render()."""

    __slots__ = ("data",)

    def __init__(self, data=b""):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("ChannelState data must be bytes")
        self.data = bytes(data)

    def __bytes__(self):
        return self.data

    def __reduce__(self):
        return (ChannelState, (self.data,))

    def __repr__(self):
        return "ChannelState(%d bytes)" % len(self.data)


def _bytes(name, value):
    if isinstance(value, str):
        return value.encode("utf-8")
    if not isinstance(value, (bytes, bytearray)):
        raise TypeError("%s must be bytes or str" % name)
    return bytes(value)


def parse_webhook(channel, body, signature=None, url=None, received_ms=0, meta_app_secret="",
                  twilio_auth_token="", skip_signature_check=False):
    """Checks the signature and parses a webhook of `channel` ("messenger",
    "whatsapp", "sms", "web"). `body` is the raw body as received;
    `signature` the X-Hub-Signature-256 or X-Twilio-Signature header; `url`
    the URL Twilio requested. Returns (messages, ignored): InboundMessage
    objects (channel, kind, account, shopper, message_id, time_ms, input,
    input_json) and (where, why) pairs for events that are not turns."""
    return _chatcart.channel_parse(channel, _bytes("body", body), signature, url,
                                   int(received_ms), meta_app_secret, twilio_auth_token,
                                   bool(skip_signature_check))


def observe(message, state, engine=None, store_name=""):
    """Applies the channel's rules to `message` and updates `state` (a
    ChannelState). Returns {"duplicate", "forward", "input", "input_json",
    "reply", "keyword"}: hand input_json to Session.turn_json when forward;
    send reply (SMS text) when it is not None. `engine` gives the bundle's
    channel policy (SMS keywords, HELP details)."""
    native = engine._native if engine is not None else None
    seen, data = _chatcart.channel_observe(message, state.data, native, store_name)
    state.data = data
    return seen


def render(turn_result, channel, shopper, state=None, account="", now_ms=0, purpose="response",
           event=None, sms_max_segments=3, engine=None):
    """Renders a turn result (the JSON text of Session.turn_json, or the
    bytes of Session.turn_bytes) as the platform's API requests, in order:
    dicts with body (bytes), content_type, sms_text, sms_encoding,
    sms_segments and adjustments. `purpose` is "response", "proactive" (give
    `event` as a kind or {"kind": ..., "param": {...}}) or "human_agent".
    Raises FailedPreconditionError for what the channel would refuse."""
    if isinstance(turn_result, bytearray):
        turn_result = bytes(turn_result)
    kind, params = "", []
    if isinstance(event, str):
        kind = event
    elif event is not None:
        kind = event.get("kind", "")
        params = sorted((str(k), str(v)) for k, v in dict(event.get("param", {})).items())
    native = engine._native if engine is not None else None
    current = state.data if state is not None else b""
    messages, data = _chatcart.channel_render(turn_result, channel, shopper, account,
                                              int(now_ms), purpose, kind, params,
                                              int(sms_max_segments), current, native)
    if state is not None:
        state.data = data
    return messages


def meta_signature(body, app_secret):
    """The X-Hub-Signature-256 value Meta sends for `body`."""
    return _chatcart.meta_signature(_bytes("body", body), app_secret)


def twilio_signature(url, form_body, auth_token):
    """The X-Twilio-Signature value for a form-encoded body posted to `url`."""
    return _chatcart.twilio_signature(url, _bytes("form_body", form_body), auth_token)


def answer_subscribe(query, verify_token):
    """The hub.challenge to answer Meta's subscribe GET with."""
    return _chatcart.answer_subscribe(query, verify_token)


def sms_cost(text):
    """(encoding, units, segments) of `text` as SMS: "GSM-7" or "UCS-2"."""
    return _chatcart.sms_cost(text)
