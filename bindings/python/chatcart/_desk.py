# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The agent desk (include/chatcart/desk.h) in Python.

    >>> desk = chatcart.Desk()                      # an in-memory store
    >>> desk.set_agent("nick", name="Nick", at=t)
    >>> desk.set_availability("nick", "ONLINE", at=t)
    >>> update = desk.request_agent("web-42", language="en", at=t)
    >>> [e["kind"] for e in update["events"]]
    ['QUEUE_POSITION', 'OFFER']
    >>> desk.accept("nick", "web-42", at=t + 5)["events"][0]["text"]
    'Nick has joined. Your reference number for this chat is #1.'

Every call takes its time (`at`: Unix seconds, int or float); the desk reads
no clock. Results are dicts in the protobuf JSON mapping of chatcart.v1
(DeskUpdate, DeskConversation, DeskQueueStatus, DeskTranscript, ...).
Errors raise chatcart.Error subclasses (NotFoundError, FailedPreconditionError,
InvalidArgumentError, OutOfRangeError when time went backwards). A Desk is
thread-safe; calls release the GIL.
"""

import json

from chatcart import _chatcart

__all__ = ["Desk", "redact", "find_personal_data", "erlang_c", "simulate_desk"]


def _ms(at):
    return int(round(float(at) * 1000))


class Desk:
    """A desk over an in-memory store; `policy` is a chatcart.v1.DeskPolicy
    as a dict ({"defaultCapacity": 4, "routing": "round_robin", ...})."""

    __slots__ = ("_desk",)

    def __init__(self, policy=None):
        self._desk = _chatcart.Desk(json.dumps(policy) if policy else "")

    def call(self, call, at, **keys):
        """Any desk call by name, with its keys (see Desk::CallJson)."""
        request = {"call": call}
        request.update({k: v for k, v in keys.items() if v is not None})
        return json.loads(self._desk.call(json.dumps(request), _ms(at)))

    # The shopper's side
    def request_agent(self, conversation, at, language=None, skill=None, priority=None,
                      reason=None, title=None, channel=None):
        return self.call("request_agent", at, conversation=conversation, language=language,
                         skill=skill, priority=priority, reason=reason, title=title,
                         channel=channel)

    def shopper_message(self, conversation, text, at):
        return self.call("shopper_message", at, conversation=conversation, text=text)

    def bot_message(self, conversation, text, at):
        return self.call("bot_message", at, conversation=conversation, text=text)

    def leave_queue(self, conversation, at):
        return self.call("leave_queue", at, conversation=conversation)

    def leave_message(self, conversation, at, text=None, contact=None):
        return self.call("leave_message", at, conversation=conversation, text=text,
                         contact=contact)

    def queue_status(self, conversation, at):
        return self.call("queue_status", at, conversation=conversation)

    def rate(self, conversation, score, at, comment=None):
        return self.call("rate", at, conversation=conversation, score=score, comment=comment)

    # Agents
    def set_agent(self, agent, at, name=None, skills=None, languages=None, capacity=None):
        return self.call("set_agent", at, agent=agent, name=name, skills=skills,
                         languages=languages, capacity=capacity)

    def heartbeat(self, agent, at):
        return self.call("heartbeat", at, agent=agent)

    def set_availability(self, agent, availability, at):
        return self.call("set_availability", at, agent=agent, availability=availability)

    def accept(self, agent, conversation, at):
        return self.call("accept", at, agent=agent, conversation=conversation)

    def decline(self, agent, conversation, at):
        return self.call("decline", at, agent=agent, conversation=conversation)

    def claim(self, agent, conversation, at):
        return self.call("claim", at, agent=agent, conversation=conversation)

    def assign(self, conversation, agent, at):
        return self.call("assign", at, agent=agent, conversation=conversation)

    def agent_message(self, agent, conversation, text, at):
        return self.call("agent_message", at, agent=agent, conversation=conversation, text=text)

    def note(self, agent, conversation, text, at):
        return self.call("note", at, agent=agent, conversation=conversation, text=text)

    def snooze(self, agent, conversation, until, at):
        return self.call("snooze", at, agent=agent, conversation=conversation,
                         untilUnixMs=_ms(until))

    def resolve(self, conversation, at, agent=None):
        return self.call("resolve", at, agent=agent, conversation=conversation)

    def tick(self, at):
        return self.call("tick", at)

    # Reads
    def conversation(self, conversation):
        return self.call("conversation", 0, conversation=conversation)

    def agent(self, agent):
        return self.call("agent", 0, agent=agent)

    def transcript(self, conversation):
        return self.call("transcript", 0, conversation=conversation)

    def transcript_email(self, conversation, subject=None, reply_to=None):
        return self.call("transcript_email", 0, conversation=conversation, subject=subject,
                         replyTo=reply_to)

    def queue_stats(self, skill="", language=""):
        return self.call("queue_stats", 0, skill=skill, language=language)


def redact(text, language=""):
    """`text` with cards, IBANs, e-mails and phones masked."""
    return _chatcart.redact(text, language)


def find_personal_data(text, language=""):
    """[(kind, start, end)] with character offsets into `text`."""
    data = text.encode("utf-8")
    out = []
    for kind, begin, end in _chatcart.find_personal_data(text, language):
        out.append((kind, len(data[:begin].decode("utf-8", "replace")),
                    len(data[:end].decode("utf-8", "replace"))))
    return out


def erlang_c(arrivals_per_hour, handle_time_s, agents=0, target_answer_s=0, answer_within_s=20):
    """Erlang C for `agents`, or the agents needed for `target_answer_s`."""
    return _chatcart.erlang_c(arrivals_per_hour, handle_time_s, agents, target_answer_s,
                              answer_within_s)


def simulate_desk(preset="heavy", seed=0):
    """A simulated day (chatcart/desk_simulation.h) as a dict."""
    return _chatcart.simulate_desk(preset, seed)
