# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""chatcart.Store and chatcart.Conversations: stores by URL, compare-and-set,
conversations continued through a store, duplicates, timers, forgetting,
threads, and a real redis-server when one is installed."""

import os
import shutil
import socket
import subprocess
import threading
import time

import pytest

import chatcart

T0 = 1795428000  # 2026-11-23T10:00:00Z


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    if request.param == "memory":
        return chatcart.Store.open("memory:")
    return chatcart.Store.open("sqlite:%s?durability=normal" % (tmp_path / "shop.db"))


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)
    if binary is None:
        pytest.skip("redis-server is not installed (Debian package redis-server): "
                    "skipping the Redis tests")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
         "--save", "", "--appendonly", "yes", "--logfile", str(workdir / "redis.log")])
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as c:
                c.sendall(b"PING\r\n")
                if c.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            time.sleep(0.02)
    yield "redis://127.0.0.1:%d" % port
    server.terminate()
    server.wait(timeout=20)


@pytest.mark.parametrize("url, code", [
    ("ftp://x", chatcart.InvalidArgumentError),
    ("sqlite:", chatcart.InvalidArgumentError),
    ("sqlite:/tmp/x.db?durability=sometimes", chatcart.InvalidArgumentError),
    ("redis://127.0.0.1:notaport", chatcart.InvalidArgumentError),
    ("sqlite:/no/such/dir/x.db", chatcart.UnavailableError),
])
def test_bad_store_urls_raise(url, code):
    with pytest.raises(code):
        chatcart.Store.open(url)


def test_store_compare_and_set(store):
    assert store.save("a", b"one\x00", shopper="cust-7") == 1
    with pytest.raises(chatcart.AbortedError, match="version conflict"):
        store.save("a", b"two")
    assert store.save("a", b"two", expected_version=1, shopper="cust-7") == 2
    loaded = store.load("a")
    assert (loaded.value, loaded.version, loaded.shopper) == (b"two", 2, "cust-7")
    assert [i.id for i in store.list_by_shopper("cust-7")] == ["a"]
    assert store.delete_shopper("cust-7") == 1
    with pytest.raises(chatcart.NotFoundError):
        store.load("a")


def test_a_conversation_continues_through_the_store(engine, store):
    first = chatcart.Conversations(engine, store)
    second = chatcart.Conversations(engine, store)
    out = first.handle("web-42", "I need a gift for my 6 year old under 40 euros", at=T0,
                       message_id="m1", shopper="cust-7")
    assert out.result.text in ("What are they into?", "What do they enjoy?")
    assert (out.version, out.duplicate) == (1, False)
    out = second.handle("web-42", "she loves lego", at=T0 + 30, message_id="m2")
    assert "lego, under 40 euros" in out.result.text
    again = first.handle("web-42", "she loves lego", at=T0 + 60, message_id="m2")
    assert again.duplicate and again.version == 2
    assert again.result.text == out.result.text
    assert first.load("web-42").snapshot() == second.load("web-42").snapshot()


def test_a_conversation_matches_a_bare_session(engine, store):
    conversations = chatcart.Conversations(engine, store)
    bare = engine.session("web-7", seed=conversations.seed_for("web-7"))
    for i, text in enumerate(["hi", "I need a gift for my 6 year old under 40 euros",
                              "she loves lego", "add the second one", "show my cart"]):
        out = conversations.handle("web-7", text, at=T0 + 30 * i, message_id="m%d" % i)
        assert out.result.text == bare.turn(text, at=T0 + 30 * i).text
    assert conversations.load("web-7").snapshot() == bare.snapshot()


def test_an_abandoned_cart_timer_fires_once(engine, store):
    conversations = chatcart.Conversations(engine, store)
    for i, text in enumerate(["I need a gift for my 6 year old under 40 euros",
                              "she loves lego", "add the second one"]):
        conversations.handle("web-1", text, at=T0 + 30 * i, message_id="m%d" % i)
    due_ms = (T0 + 60) * 1000 + 3600 * 1000
    assert conversations.due_timers(due_ms - 1) == []
    [timer] = conversations.due_timers(due_ms)
    assert timer == chatcart.DueTimer("web-1", "cart_abandoned", due_ms)
    out = conversations.fire_timer(timer)
    assert "You left a few things in your cart" in out.result.text
    with pytest.raises(chatcart.NotFoundError):
        conversations.fire_timer(timer)


def test_bad_inputs_raise_and_save_nothing(engine, store):
    conversations = chatcart.Conversations(engine, store)
    with pytest.raises(chatcart.InvalidArgumentError, match="no time"):
        conversations.handle("web-1", "hi")
    with pytest.raises(chatcart.InvalidArgumentError, match="conversation id"):
        conversations.handle("", "hi", at=T0)
    with pytest.raises(chatcart.InvalidArgumentError):
        chatcart.Conversations(engine, store, remembered_messages=0)
    with pytest.raises(chatcart.NotFoundError):
        store.load("web-1")


def test_threads_share_a_runtime(engine, store):
    conversations = chatcart.Conversations(engine, store)
    errors = []

    def send(t):
        try:
            for i in range(20):
                conversations.handle("web-%d" % (i % 3), "hi", at=T0 + i,
                                     message_id="t%d-%d" % (t, i))
        except chatcart.Error as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=send, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(store.load("web-%d" % c).version for c in range(3)) == 80


def test_forget(engine, store):
    conversations = chatcart.Conversations(engine, store)
    conversations.handle("web-1", "hi", at=T0, message_id="m1", shopper="cust-7")
    conversations.handle("sms-1", "hi", at=T0, message_id="m1", shopper="cust-7")
    assert conversations.forget_shopper("cust-7") == 2
    conversations.handle("web-2", "hi", at=T0, message_id="m1")
    conversations.forget("web-2")
    with pytest.raises(chatcart.NotFoundError):
        conversations.load("web-2")


def test_redis_two_runtimes_share_conversations(engine, redis_url):
    a = chatcart.Conversations(engine, chatcart.Store.open(redis_url))
    b = chatcart.Conversations(engine, chatcart.Store.open(redis_url + "/0?pool=2"))
    out = a.handle("web-r", "I need a gift for my 6 year old under 40 euros", at=T0,
                   message_id="m1")
    assert out.version == 1
    out = b.handle("web-r", "she loves lego", at=T0 + 30, message_id="m2")
    assert "lego, under 40 euros" in out.result.text
    assert a.handle("web-r", "she loves lego", at=T0 + 30, message_id="m2").duplicate
    response = b.handle_json('{"conversationId": "web-r", "messageId": "m3", "turn": '
                             '{"text": "add the second one", "time": "2026-11-23T10:01:00Z"}}')
    assert '"version":"3"' in response and "Brickville Junior Farm" in response


def test_a_handoff_goes_through_the_desk(engine):
    desk = chatcart.Desk()
    conversations = chatcart.Conversations(
        engine, chatcart.Store.open("memory:"), desk=desk,
        desk_policy={"cannedReply": [{"code": "hi", "text": "Hi, how can I help?",
                                      "intents": ["greet"]}]})
    out = conversations.handle("ann", "I want to talk to a person", at=T0, message_id="m1")
    assert "You're next." in out.result.text
    assert out.desk_error == ""
    desk.set_agent("nick", T0 + 1, name="Nick")
    online = conversations.desk_call("set_availability", T0 + 1, agent="nick",
                                     availability="ONLINE")
    assert [e["kind"] for e in online["events"]] == ["OFFER"]
    joined = conversations.accept("nick", "ann", T0 + 2)
    assert "Nick has joined the chat." in str(joined["shoppers"])
    relayed = conversations.handle("ann", "hello", at=T0 + 3, message_id="m2")
    assert relayed.result.replies == []
    assert [e["kind"] for e in relayed.desk_events] == ["SHOPPER_MESSAGE"]
    suggested = conversations.suggest_for_agent("ann", T0 + 4)
    assert suggested["replies"][0]["code"] == "hi"
    said = conversations.agent_message("nick", "ann", "Hi Ann!", T0 + 5, message_id="n1")
    assert "Hi Ann!" in str(said["shoppers"])
    with pytest.raises(chatcart.FailedPreconditionError):
        conversations.agent_message("zoe", "ann", "Hi", T0 + 5)
    resolved = conversations.resolve("nick", "ann", T0 + 6)
    assert "back to help" in str(resolved["shoppers"])
