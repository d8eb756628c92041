# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The agent desk from Python: a conversation end to end, errors, threads."""

import threading

import pytest

import chatcart

T = 1795000000


def test_a_shopper_is_queued_joined_helped_and_mailed():
    desk = chatcart.Desk({"defaultCapacity": 2})
    desk.set_agent("nick", T, name="Nick")
    desk.set_availability("nick", "ONLINE", T)
    update = desk.request_agent("web-1", T, language="en")
    assert [e["kind"] for e in update["events"]] == ["QUEUE_POSITION", "OFFER"]
    assert update["events"][0]["text"] == "You're next."
    joined = desk.accept("nick", "web-1", T + 4)
    assert joined["events"][0]["text"] == (
        "Nick has joined. Your reference number for this chat is #1.")
    relayed = desk.shopper_message("web-1", "IBAN IT60 X054 2811 1010 0000 0123 456", T + 5)
    assert relayed["events"][0]["text"] == "IBAN IT•• •••• 3456"
    desk.resolve("web-1", T + 60, agent="nick")
    mail = desk.transcript_email("web-1", reply_to="help@example.com")
    assert mail["subject"] == "[#1] Your chat with us"
    assert {"name": "Auto-Submitted", "value": "auto-generated"} in mail["headers"]
    assert desk.conversation("web-1")["status"] == "RESOLVED"


@pytest.mark.parametrize("call, error", [
    (lambda d: d.accept("nobody", "web-1", T), chatcart.NotFoundError),
    (lambda d: d.resolve("web-1", T), chatcart.FailedPreconditionError),
    (lambda d: d.rate("web-1", 9, T), chatcart.InvalidArgumentError),
    (lambda d: d.set_agent("x", T, capacity=21), chatcart.InvalidArgumentError),
    (lambda d: d.leave_queue("web-1", T - 600), chatcart.OutOfRangeError),
    (lambda d: d.call("fly", T), chatcart.InvalidArgumentError),
])
def test_bad_calls_raise_and_change_nothing(call, error):
    desk = chatcart.Desk()
    desk.request_agent("web-1", T, language="en")
    before = desk.conversation("web-1")
    with pytest.raises(error):
        call(desk)
    assert desk.conversation("web-1") == before


def test_threads_share_a_desk():
    desk = chatcart.Desk()

    def work(k):
        for i in range(100):
            desk.shopper_message(f"c{k}-{i % 5}", "hello", T + i)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(desk.transcript("c0-0")["messages"]) == 20


def test_redaction_erlang_and_simulation():
    assert chatcart.redact("tél. 06 12 34 56 78", "fr") == "tél. [phone]"
    assert chatcart.find_personal_data("é 4111111111111111") == [("card", 2, 18)]
    r = chatcart.erlang_c(30, 300, agents=4)
    assert round(r["p_wait"], 4) == 0.3199 and round(r["average_answer_s"], 1) == 64.0
    assert chatcart.erlang_c(30, 300, target_answer_s=20)["agents"] == 5
    day = chatcart.simulate_desk("light")
    assert day["served"] + day["abandoned"] + day["turned_away"] + day["unfinished"] == \
        day["arrivals"]
    assert day["series"]
