# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart.Store and chatcart.Conversations: conversations kept in a store.

    >>> engine = chatcart.Engine.load("examples/bundles/demo")
    >>> store = chatcart.Store.open("sqlite:/tmp/shop.db")    # or "redis://127.0.0.1:6379"
    >>> conversations = chatcart.Conversations(engine, store)
    >>> out = conversations.handle("web-42", "a gift for my 6 year old", at=1795000000,
    ...                            message_id="wamid.1")
    >>> out.result.replies[0].text, out.version, out.duplicate
    ('What do they enjoy?', 1, False)

Every process sharing the store continues any conversation; a message id
is applied once; saves are compare-and-set (chatcart.AbortedError after too
many concurrent ones). Stores and Conversations are safe to share between
threads; the GIL is released while they work.
"""

import json

from chatcart import _chatcart
from chatcart._engine import Session, _event, _text_or_none, _time
from chatcart._results import TurnResult

__all__ = ["Store", "StoredSession", "StoredSessionInfo", "Conversations", "ConversationOutput",
           "DueTimer"]

class _Plain:
    """A small value: attributes by name, equal when the attributes are."""
    __slots__ = ()

    def __init__(self, *values):
        for name, value in zip(self.__slots__, values):
            setattr(self, name, value)

    def __eq__(self, other):
        return type(self) is type(other) and all(
            getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (n, getattr(self, n)) for n in self.__slots__))


class StoredSession(_Plain):
    """A conversation as a Store holds it (value is bytes)."""
    __slots__ = ("id", "shopper", "value", "version", "expires_at_ms", "updated_at_ms")


class StoredSessionInfo(_Plain):
    """A conversation in Store.list_by_shopper (without its bytes)."""
    __slots__ = ("id", "version", "expires_at_ms", "updated_at_ms")


class DueTimer(_Plain):
    """A timer due (Conversations.due_timers); fire it with fire_timer."""
    __slots__ = ("conversation_id", "kind", "due_at_ms")


class Store:
    """Where conversations live: bytes with a version, saved by compare-and-set.

    Open with a URL: "memory:", "sqlite:PATH[?durability=full|normal]",
    "redis://[:PASSWORD@]HOST[:PORT][/DB][?prefix=chatcart:&pool=4]".
    """

    __slots__ = ("_native",)

    def __init__(self, native):
        self._native = native

    @classmethod
    def open(cls, url):
        """Opens the store `url` names. InvalidArgumentError for a bad URL;
        DataLossError for a SQLite file that is no database."""
        if not isinstance(url, str):
            raise TypeError("url must be a str")
        return cls(_chatcart.Store.open(url))

    def load(self, id):
        """The StoredSession `id`; NotFoundError when there is none."""
        d = self._native.load(id)
        return StoredSession(*(d[n] for n in StoredSession.__slots__))

    def save(self, id, value, expected_version=0, shopper="", expires_at_ms=0):
        """Saves bytes `value` if the stored version is expected_version (0:
        none); returns the new version. AbortedError on a conflict."""
        if not isinstance(value, (bytes, bytearray)):
            raise TypeError("value must be bytes")
        return self._native.save(id, bytes(value), int(expected_version), shopper,
                                 int(expires_at_ms))

    def delete(self, id):
        """Deletes `id` (no error when there is none)."""
        self._native.delete(id)

    def list_by_shopper(self, shopper):
        """The shopper's conversations (StoredSessionInfo), ordered by id."""
        return [StoredSessionInfo(*t) for t in self._native.list_by_shopper(shopper)]

    def delete_shopper(self, shopper):
        """Deletes every conversation of `shopper`; returns how many."""
        return self._native.delete_shopper(shopper)


class ConversationOutput:
    """What Conversations.handle returns.

    Attributes:
      result: the TurnResult (replies to send, host actions, events).
      version: the conversation's stored version after the call.
      applied_count: messages applied to it since it started.
      duplicate: the message id had been applied: nothing was applied now and
        result is the first application's (when still remembered).
      restarted: the stored conversation was unreadable and started again.
      conflicts: saves lost to concurrent ones and applied again.
      desk_events: with a desk, its events for agents and the host (dicts in
        the chatcart.v1.DeskEvent JSON mapping), e.g. the shopper's message
        relayed to their agent.
      desk_error: why the desk did not take the message ("" when it did).
    """

    __slots__ = ("result", "version", "applied_count", "duplicate", "restarted", "conflicts",
                 "desk_events", "desk_error")

    def __init__(self, native):
        self.result = TurnResult._from(native["result"])
        self.version = native["version"]
        self.applied_count = native["applied_count"]
        self.duplicate = native["duplicate"]
        self.restarted = native["restarted"]
        self.conflicts = native["conflicts"]
        self.desk_events = native.get("desk_events", [])
        self.desk_error = native.get("desk_error", "")

    def __repr__(self):
        return ("ConversationOutput(version=%d, duplicate=%r, restarted=%r, replies=%d)"
                % (self.version, self.duplicate, self.restarted, len(self.result.replies)))


class Conversations:
    """The conversation runtime over an Engine and a Store (runtime.h)."""

    __slots__ = ("_native", "_engine", "_store", "_desk")

    def __init__(self, engine, store, *, idle_expiry_ms=30 * 24 * 3600 * 1000,
                 remembered_messages=64, remembered_results=4,
                 cart_abandoned_after_ms=3600 * 1000, seed=0, max_conflict_retries=8,
                 lease_ttl_ms=5000, lease_wait_ms=10000, owner="", desk=None, desk_skill="",
                 desk_policy=None):
        """`desk` (a chatcart.Desk) routes handoffs to people: see
        Conversations::ConversationsOptions::desk in runtime.h; `desk_skill`
        is the queue handoffs wait in; `desk_policy` (a chatcart.v1.DeskPolicy
        dict) gives the canned replies suggest_for_agent offers."""
        self._engine = engine
        self._store = store
        self._desk = desk
        if desk is None and not desk_skill and not desk_policy:
            self._native = _chatcart.Conversations.create(
                engine._native, store._native, int(idle_expiry_ms), int(remembered_messages),
                int(remembered_results), int(cart_abandoned_after_ms), int(seed),
                int(max_conflict_retries), int(lease_ttl_ms), int(lease_wait_ms), owner)
            return
        config = {"idleExpiryMs": str(int(idle_expiry_ms)),
                  "rememberedMessages": int(remembered_messages),
                  "rememberedResults": int(remembered_results),
                  "cartAbandonedAfterMs": str(int(cart_abandoned_after_ms)),
                  "seed": str(int(seed)), "maxConflictRetries": int(max_conflict_retries),
                  "leaseTtlMs": str(int(lease_ttl_ms)), "leaseWaitMs": str(int(lease_wait_ms)),
                  "owner": owner, "deskSkill": desk_skill}
        if desk_policy:
            config["deskPolicy"] = desk_policy
        self._native = _chatcart.Conversations.create_with(
            engine._native, store._native, desk._desk if desk is not None else None,
            json.dumps(config))

    # ---- The agent desk (desk= given; FailedPreconditionError without one)

    def desk_call(self, call, at, **keys):
        """Any desk call through the runtime (Conversations::DeskCallJson):
        "accept", "agent_message", "resolve", "tick" and "suggest" run
        through it; other desk calls go to the desk with their events for
        shoppers delivered. `at` is seconds since the epoch. Returns the
        answer as a dict."""
        request = {"call": call}
        request.update({k: v for k, v in keys.items() if v is not None})
        return json.loads(self._native.desk_call(json.dumps(request),
                                                 int(round(float(at) * 1000))))

    def accept(self, agent, conversation, at):
        """The agent takes the offered conversation; the shopper hears who
        joined and the reference."""
        return self.desk_call("accept", at, agent=agent, conversation=conversation)

    def agent_message(self, agent, conversation, text, at, message_id=""):
        """The holding agent's words to the shopper (once per message_id)."""
        return self.desk_call("agent_message", at, agent=agent, conversation=conversation,
                              text=text, messageId=message_id or None)

    def resolve(self, agent, conversation, at):
        """Closes the conversation; the bot takes over and says so."""
        return self.desk_call("resolve", at, agent=agent, conversation=conversation)

    def tick_desk(self, at):
        """The desk's timers, delivered to shoppers."""
        return self.desk_call("tick", at)

    def suggest_for_agent(self, conversation, at, text=None):
        """What the bot would answer to the shopper's last message (or
        `text`), for the agent; nothing is saved or sent. A dict in the
        chatcart.v1.AgentSuggestions JSON mapping."""
        return self.desk_call("suggest", at, conversation=conversation, text=text)

    @property
    def engine(self):
        return self._engine

    @property
    def store(self):
        return self._store

    def handle(self, conversation_id, text=None, payload=None, event=None, at=None,
               message_id="", shopper="", channel=None, locale=None):
        """Applies one message to its conversation (created when new) and
        saves it; returns a ConversationOutput. `at` is required (a datetime or
        seconds since the epoch); message_id is the idempotency key (a
        webhook's id). Raises InvalidArgumentError for a bad input,
        AbortedError after too many conflicting saves, UnavailableError when
        the store cannot be reached; nothing is saved then."""
        kind, params = _event(event)
        seconds, nanos = _time(at)
        return ConversationOutput(self._native.handle(
            conversation_id, shopper, message_id, _text_or_none("text", text),
            _text_or_none("payload", payload), kind, params, seconds, nanos,
            _text_or_none("channel", channel), _text_or_none("locale", locale)))

    def handle_json(self, request_json):
        """A chatcart.v1.ConversationRequest in JSON in, a ConversationResponse
        in JSON out."""
        return self._native.handle_json(request_json)

    def due_timers(self, now_ms, limit=100):
        """Timers due at or before now_ms (DueTimer), earliest first."""
        return [DueTimer(*t) for t in self._native.due_timers(int(now_ms), int(limit))]

    def fire_timer(self, timer):
        """Runs a due timer's event turn once; NotFoundError when its
        conversation no longer waits for it."""
        return ConversationOutput(
            self._native.fire_timer(timer.conversation_id, timer.kind, int(timer.due_at_ms)))

    def load(self, conversation_id):
        """The conversation's Session as stored now (for reading)."""
        data = self._native.load_snapshot(conversation_id)
        return Session(self._engine, self._engine._native.restore_session(data))

    def forget(self, conversation_id):
        """Deletes the conversation and its timers."""
        self._native.forget(conversation_id)

    def forget_shopper(self, shopper):
        """Deletes every conversation of `shopper`; returns how many."""
        return self._native.forget_shopper(shopper)

    def seed_for(self, conversation_id):
        """The seed a new conversation's session gets."""
        return self._native.seed_for(conversation_id)
