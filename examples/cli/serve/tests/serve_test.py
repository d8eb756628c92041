# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""`chatcart serve` over HTTP on a loopback port: posts, the event stream
and its Last-Event-ID resume, duplicates, limits, metrics, a restart on the
same SQLite store. Usage: serve_test.py CHATCART_BINARY BUNDLE_DIR"""

import base64
import hashlib
import hmac
import http.client
import json
import os
import re
import socket
import urllib.parse
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import (Agent, SendApiStub, Server, new_conversation,  # noqa: E402
                           write_agents_file)

BINARY, BUNDLE = sys.argv[1], sys.argv[2]
TMP = tempfile.mkdtemp(prefix="chatcart-serve-test-")
STORE = "sqlite:" + os.path.join(TMP, "sessions.db")


def exchange(port, *parts, pause=0.3, timeout=10, wait=3):
    """Sends `parts` on one connection, pausing between them as a proxy
    forwarding a body would, then reads until the server closes. Returns
    (the status lines read, the bytes read, whether the server closed)."""
    data, closed = b"", False
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        for i, part in enumerate(parts):
            if i:
                time.sleep(pause)
            s.sendall(part)
        s.settimeout(wait)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    closed = True
                    break
                data += chunk
        except socket.timeout:
            pass
    return [m.decode() for m in re.findall(rb"HTTP/1\.1 \d{3} [A-Za-z ]*", data)], data, closed


def bots(events):
    return [data for _, kind, data in events if kind == "bot"]


def until_bots(n):
    return lambda events: len(bots(events)) >= n


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BINARY, BUNDLE, STORE)
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        output = cls.server.output()
        code = cls.server.stop()
        if code != 0:
            print(output)
        assert code == 0, "chatcart serve exited with %s on SIGTERM" % code

    def test_page_health_and_headers(self):
        status, headers, body = self.server.request("GET", "/")
        self.assertEqual(status, 200)
        self.assertIn("text/html", headers["Content-Type"])
        self.assertIn("script-src 'self'", headers["Content-Security-Policy"])
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertIn(b'id="cc-panel"', body)
        self.assertIn(b'role="toolbar"', body)
        for asset in ("/widget.js", "/widget.css", "/shop.css"):
            status, _, body = self.server.request("GET", asset)
            self.assertEqual(status, 200, asset)
            self.assertGreater(len(body), 100, asset)
        self.assertEqual(self.server.request("GET", "/healthz")[0:3:2], (200, b"ok\n"))
        self.assertEqual(self.server.request("GET", "/nope")[0], 404)

    def test_a_conversation_streams_and_resumes_with_last_event_id(self):
        c = new_conversation()
        status, body = self.server.post(c, "a gift for my 6 year old who loves lego, under 40 euros")
        self.assertEqual((status, body), (200, {"duplicate": False}))
        first = self.server.events(c, until=until_bots(1))
        kinds = [k for _, k, _ in first]
        self.assertEqual(kinds[:3], ["shopper", "typing", "bot"], first)
        self.assertEqual(first[0][2]["text"], "a gift for my 6 year old who loves lego, under 40 euros")
        names = [p["name"] for p in bots(first)[0]["replies"][0]["products"]]
        self.assertIn("Brickville Fire Station", names)
        self.assertTrue(all(p["priceText"] and p["reasons"] for p in bots(first)[0]["replies"][0]["products"]))
        last_id = first[-1][0]

        self.assertEqual(self.server.post(c, "add the first one")[0], 200)
        rest = self.server.events(c, last_event_id=last_id, until=until_bots(1))
        # Only what came after last_id, in order, with ids that grow.
        self.assertEqual(rest[0][1:], ("shopper", {"text": "add the first one"}))
        cart = bots(rest)[0]["replies"][0]["cart"]
        self.assertEqual(cart["lines"][0]["title"], "Brickville Fire Station")
        self.assertEqual(cart["totalText"], "€34.99")

        # A fresh page (no id) and an id from another server process (another
        # epoch) both get everything from the start.
        for last in (None, "1.2"):
            replay = self.server.events(c, last_event_id=last, until=until_bots(2))
            ids = [int(i.split(".")[1]) for i, _, _ in replay if i]
            self.assertEqual(ids, list(range(1, len(ids) + 1)))
            self.assertEqual([k for _, k, _ in replay if k == "shopper"], ["shopper"] * 2)
        # The stream says when it caught up ("ready", no id) and then waits.
        caught = self.server.events(c, last_event_id=rest[-1][0],
                                    until=lambda e: e and e[-1][1] == "ready", timeout=5)
        self.assertEqual([k for _, k, _ in caught], ["ready"])

    def test_a_retried_post_is_applied_and_shown_once(self):
        c = new_conversation()
        self.assertEqual(self.server.post(c, "show my cart", message_id="retry-0001"),
                         (200, {"duplicate": False}))
        self.assertEqual(self.server.post(c, "show my cart", message_id="retry-0001"),
                         (200, {"duplicate": True}))
        events = self.server.events(c, until=lambda e: e and e[-1][1] == "ready")
        self.assertEqual([k for _, k, _ in events].count("shopper"), 1, events)
        self.assertEqual(len(bots(events)), 1)

    def test_markup_is_data(self):
        c = new_conversation()
        text = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        self.assertEqual(self.server.post(c, text)[0], 200)
        events = self.server.events(c, until=until_bots(1))
        self.assertEqual(events[0][2], {"text": text})

    def test_bad_requests_are_refused_with_a_clear_answer(self):
        c = new_conversation()
        big = json.dumps({"conversation": c, "id": "big-00001", "text": "x" * 5000}).encode()
        status, _, body = self.server.request("POST", "/api/message", big, {"Content-Type": "application/json"})
        self.assertEqual(status, 413)
        # Issue #22: the refusal names the limit.
        self.assertIn(b"over the limit of 4096 (max_body_bytes)", body)
        # A body without a length (chunked) is not read at all.
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        conn.request("POST", "/api/message", body=iter([big]), encode_chunked=True,
                     headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        self.assertEqual(conn.getresponse().status, 411)
        conn.close()
        status, body = self.server.post(c, "y" * 1001)
        self.assertEqual((status, body["error"]), (400, "the message is too long"))
        status, body = self.server.post(c, raw=b"{not json")
        self.assertEqual((status, body["error"]), (400, "the body is not a JSON object"))
        status, body = self.server.post("short", "hi")
        self.assertEqual(status, 400)
        self.assertIn("conversation", body["error"])
        status, body = self.server.post(c)  # neither text nor payload
        self.assertEqual((status, body["error"]), (400, "give text or payload"))
        status, body = self.server.post(c, "hi", lang="de")
        self.assertEqual(status, 400)
        self.assertEqual(self.server.request("GET", "/api/events?conversation=x")[0], 400)
        # None of it reached the conversation.
        events = self.server.events(c, until=lambda e: e and e[-1][1] == "ready")
        self.assertEqual([k for _, k, _ in events], ["ready"])

    def test_issue22_a_refused_body_is_never_served_as_a_request(self):
        # A post refused before its body is read (no Content-Length: 411;
        # over max_body_bytes: 413) whose body is a request: the body comes
        # after the head, as through a proxy, and only the refusal is
        # answered; it says "Connection: close" and the connection ends. So
        # for a GET whose body is never read. Before the fix the metrics
        # came back after the 411 and the 413.
        smuggled = b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        post = b"POST /api/message HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        cases = [
            ("no length", post + b"\r\n", smuggled, "HTTP/1.1 411 Length Required"),
            ("chunked", post + b"Transfer-Encoding: chunked\r\n\r\n",
             b"%x\r\n%s\r\n0\r\n\r\n" % (len(smuggled), smuggled), "HTTP/1.1 411 Length Required"),
            ("over the limit", post + b"Content-Length: 5000\r\n\r\n",
             smuggled + b" " * (5000 - len(smuggled)), "HTTP/1.1 413 Payload Too Large"),
            ("a GET with a body", b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n"
             % len(smuggled), smuggled, "HTTP/1.1 200 OK"),
        ]
        for name, head, body, answer in cases:
            with self.subTest(name):
                statuses, data, closed = exchange(self.server.port, head, body)
                self.assertEqual(statuses, [answer], data)
                self.assertNotIn(b"chatcart_", data)
                self.assertTrue(closed, "the connection was left open after %r" % data)
                if answer != "HTTP/1.1 200 OK":
                    self.assertIn(b"\r\nConnection: close\r\n", data)
                    self.assertNotIn(b"Keep-Alive", data)
        # A client still sending a refused body reads the refusal: the server
        # reads and drops the rest before it closes (a close with unread
        # bytes resets the connection: a broken pipe while sending).
        statuses, data, closed = exchange(
            self.server.port, post + b"Content-Length: %d\r\n\r\n" % (3 << 20) + b" " * (3 << 20), pause=0)
        self.assertEqual((statuses, closed), (["HTTP/1.1 413 Payload Too Large"], True), data)
        # Requests read to their end keep the connection: three pipelined
        # pages, and two posts (cpp-httplib alone dropped all but the first
        # of requests that came in one read).
        statuses, _, closed = exchange(
            self.server.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 3, wait=1)
        self.assertEqual((statuses, closed), (["HTTP/1.1 200 OK"] * 3, False))
        c = new_conversation()
        posts = b"".join(
            post + b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
            for body in (json.dumps({"conversation": c, "id": "pipe-%04d" % i, "text": "hi"}).encode()
                         for i in range(2)))
        statuses, data, closed = exchange(self.server.port, posts, wait=1)
        self.assertEqual((statuses, closed), (["HTTP/1.1 200 OK"] * 2, False), data)

    def test_a_flood_from_one_shopper_is_rate_limited(self):
        c = new_conversation()
        codes = [self.server.post(c, payload="show_cart")[0] for _ in range(14)]
        self.assertEqual(codes[:8], [200] * 8)
        self.assertIn(429, codes[8:])
        status, body = self.server.post(c, payload="show_cart")
        if status == 429:
            self.assertIn("wait", body["error"])
        # Another shopper is not held back.
        self.assertEqual(self.server.post(new_conversation(), payload="show_cart")[0], 200)

    def test_metrics(self):
        before = self.server.metrics()
        c = new_conversation()
        self.server.post(c, "hi")
        after = self.server.metrics()
        self.assertEqual(after['chatcart_turns_total{outcome="ok"}'],
                         before['chatcart_turns_total{outcome="ok"}'] + 1)
        self.assertEqual(after["chatcart_turn_seconds_count"], before["chatcart_turn_seconds_count"] + 1)
        self.assertEqual(after['chatcart_turn_seconds_bucket{le="+Inf"}'], after["chatcart_turn_seconds_count"])
        self.assertEqual(after["chatcart_store_errors_total"], 0)
        for name in ("chatcart_event_streams", "chatcart_requests_rejected_total"):
            self.assertIn(name, after)


class RestartTest(unittest.TestCase):
    def test_a_restart_keeps_the_conversation_in_the_store(self):
        store = "sqlite:" + os.path.join(TMP, "restart.db")
        c = new_conversation()
        with Server(BINARY, BUNDLE, store) as s:
            s.post(c, "a gift for my 6 year old who loves lego, under 40 euros")
            s.post(c, "add the first one")
        with Server(BINARY, BUNDLE, store) as s:
            self.assertEqual(s.post(c, "show my cart")[0], 200)
            events = s.events(c, until=until_bots(1))
            cart = bots(events)[0]["replies"][0]["cart"]
            self.assertEqual(cart["lines"][0]["productId"], "toy-fire")



class ConsoleTest(unittest.TestCase):
    """The agent console's API: sign-in, cookies, CSRF, queue, accept, chat,
    cart, resolve; what the shopper's stream shows of it."""

    @classmethod
    def setUpClass(cls):
        agents = write_agents_file(BINARY, os.path.join(TMP, "agents.txt"),
                                   [("nick", "Nick <b>the</b> agent", "correct horse 1"),
                                    ("ada", "Ada", "battery staple 2"),
                                    ("eve", "Eve", "only for lockouts")])
        policy = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo_desk.textproto")
        cls.server = Server(BINARY, BUNDLE, "sqlite:" + os.path.join(TMP, "desk.db"),
                            extra=["--agents", agents, "--desk-policy", policy])
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def test_the_console_is_unreachable_without_a_session(self):
        s = self.server
        self.assertEqual(s.request("GET", "/console")[0], 200)  # the sign-in page itself
        self.assertEqual(s.request("GET", "/console/api/state")[0], 401)
        forged = {"Cookie": "cc_agent=" + "ab" * 32}
        self.assertEqual(s.request("GET", "/console/api/state", headers=forged)[0], 401)
        self.assertEqual(s.request("POST", "/console/api/act", b"{}", forged)[0], 401)
        agent = Agent(s)
        status, _, body = agent.login("eve", "wrong password")
        self.assertEqual((status, body["error"]), (401, "wrong agent or password"))
        self.assertEqual(agent.login("nobody", "x")[0], 401)
        # Guessing is slowed down per agent (5 tries, then one per 10 s) ...
        codes = [agent.login("eve", "still wrong")[0] for _ in range(6)]
        self.assertEqual(codes[-1], 429)
        self.assertEqual(agent.login("eve", "only for lockouts")[0], 429)
        # ... and only for that agent.
        nick = Agent(s)
        status, headers, body = nick.login("nick", "correct horse 1")
        self.assertEqual(status, 200)
        self.assertIn("HttpOnly", headers["Set-Cookie"])
        self.assertIn("SameSite=Strict", headers["Set-Cookie"])
        self.assertEqual(body["name"], "Nick <b>the</b> agent")
        # A change without the CSRF token, or with another one, is refused.
        self.assertEqual(nick.call("POST", "/console/api/presence", {"availability": "AWAY"},
                                   csrf=False)[0], 403)
        good = nick.csrf
        nick.csrf = "0" * 64
        self.assertEqual(nick.call("POST", "/console/api/presence", {"availability": "AWAY"})[0], 403)
        nick.csrf = good
        self.assertEqual(nick.call("POST", "/console/api/presence", {"availability": "ONLINE"})[0], 200)
        self.assertEqual(nick.call("POST", "/console/api/logout", {})[0], 200)
        self.assertEqual(nick.call("GET", "/console/api/state")[0], 401)

    def test_an_agent_takes_a_shopper_from_the_queue(self):
        s = self.server
        c = new_conversation()
        s.post(c, "a gift for my 6 year old who loves lego, under 40 euros")
        s.post(c, "I'd like to talk to a person")
        events = s.events(c, until=until_bots(2))
        said = [r["text"] for b in bots(events) for r in b["replies"]]
        self.assertIn("You're next.", said)
        self.assertEqual(s.metrics()["chatcart_queue_length"], 1)

        nick = Agent(s)
        self.assertEqual(nick.login("nick", "correct horse 1")[0], 200)
        status, _, state = nick.call("GET", "/console/api/state")
        self.assertEqual(status, 200)
        self.assertEqual(state["agent"]["availability"], "ONLINE")
        self.assertIn("web:" + c, [q["conversation"] for q in state["queue"]])
        self.assertIn("web:" + c, state["agent"]["offered"])
        self.assertGreaterEqual(s.metrics()["chatcart_agents_online"], 1)

        self.assertEqual(nick.call("POST", "/console/api/act",
                                   {"action": "accept", "conversation": "web:" + c})[0], 200)
        self.assertEqual(s.metrics()["chatcart_queue_length"], 0)
        self.assertEqual(nick.call("POST", "/console/api/act",
                                   {"action": "message", "conversation": "web:" + c,
                                    "id": "nick-msg-1", "text": "Hello, I'm here."})[0], 200)
        status, _, cart = nick.call("POST", "/console/api/cart",
                                    {"conversation": "web:" + c, "id": "nick-cart-1",
                                     "product": "toy-farm", "quantity": "2"})
        self.assertEqual(status, 200, cart)
        self.assertEqual(cart["cart"]["lines"][0]["quantity"], "2")
        # Not a product of the catalog: the cart's own rule, and nothing changes.
        status, _, body = nick.call("POST", "/console/api/cart",
                                    {"conversation": "web:" + c, "id": "nick-cart-2",
                                     "product": "no-such-thing"})
        self.assertIn(status, (400, 404, 409))
        self.assertTrue(body["error"])

        s.post(c, "thank you!")
        status, _, chat = nick.call("GET", "/console/api/chat?conversation=web:" + c)
        self.assertEqual(status, 200)
        self.assertEqual(chat["conversation"]["status"], "ASSIGNED")
        texts = [(m["author"], m["text"]) for m in chat["messages"]]
        self.assertIn(("AGENT", "Hello, I'm here."), texts)
        self.assertIn(("SHOPPER", "thank you!"), texts)
        self.assertIsNotNone(chat["suggestions"])
        # Canned replies by code, in the chat's language, and among the suggestions
        # for the intent they answer.
        status, _, found = nick.call("GET", "/console/api/canned?q=hel&locale=it")
        self.assertEqual(status, 200)
        self.assertEqual([(r["code"], r["locale"]) for r in found][:1], [("hello", "it")])
        self.assertEqual(nick.call("GET", "/console/api/canned?q=zzz")[2], [])
        s.post(c, "a gift for my 6 year old")
        _, _, chat = nick.call("GET", "/console/api/chat?conversation=web:" + c)
        self.assertIn("How old is the person the gift is for, and what do they enjoy?",
                      [r["text"] for r in chat["suggestions"]["replies"]])
        status, headers, text = s.request("GET", "/console/api/transcript?conversation=web:" + c,
                                          headers={"Cookie": nick.cookie})
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/plain"))
        self.assertIn("attachment", headers["Content-Disposition"])
        self.assertIn("Hello, I'm here.", text.decode())
        self.assertIn("thank you!", text.decode())
        self.assertEqual(s.request("GET", "/console/api/transcript?conversation=web:" + c)[0], 401)

        events = s.events(c, until=lambda e: any(
            "cart" in r for b in bots(e) for r in b["replies"]))
        shown = bots(events)
        joined = [r["text"] for b in shown for r in b["replies"] if "text" in r]
        self.assertTrue(any(t.startswith("Nick <b>the</b> agent has joined") for t in joined), joined)
        from_agent = [b for b in shown if b.get("agent")]
        self.assertEqual(from_agent[0]["agent"], "Nick <b>the</b> agent")
        self.assertEqual(from_agent[0]["replies"][0]["text"], "Hello, I'm here.")
        cart = [r["cart"] for b in shown for r in b["replies"] if "cart" in r][-1]
        self.assertEqual((cart["lines"][0]["productId"], cart["lines"][0]["quantity"]), ("toy-farm", "2"))

        # Ada does not hold it: she cannot act on its cart.
        ada = Agent(s)
        self.assertEqual(ada.login("ada", "battery staple 2")[0], 200)
        self.assertEqual(ada.call("POST", "/console/api/cart",
                                  {"conversation": "web:" + c, "id": "ada-cart-1",
                                   "product": "toy-fire"})[0], 409)
        self.assertEqual(nick.call("POST", "/console/api/act",
                                   {"action": "resolve", "conversation": "web:" + c})[0], 200)
        status, _, chat = nick.call("GET", "/console/api/chat?conversation=web:" + c)
        self.assertEqual(chat["conversation"]["status"], "RESOLVED")


class WebhookTest(unittest.TestCase):
    """Messenger, WhatsApp and Twilio webhooks: signatures checked, messages
    applied once, answers sent to the send APIs (a local stub)."""

    APP_SECRET, VERIFY, TWILIO = "meta-app-secret", "verify-me", "twilio-auth-token"
    PUBLIC = "https://shop.example"
    TESTDATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..",
                            "lib", "channels", "testdata")

    @classmethod
    def setUpClass(cls):
        cls.stub = SendApiStub()
        env = {"CHATCART_META_APP_SECRET": cls.APP_SECRET, "CHATCART_META_VERIFY_TOKEN": cls.VERIFY,
               "CHATCART_TWILIO_AUTH_TOKEN": cls.TWILIO, "CHATCART_MESSENGER_PAGE_TOKEN": "page-token",
               "CHATCART_WHATSAPP_TOKEN": "wa-token", "CHATCART_TWILIO_ACCOUNT_SID": "AC123"}
        cls.server = Server(BINARY, BUNDLE, "sqlite:" + os.path.join(TMP, "hooks.db"), env=env,
                            extra=["--public-url", cls.PUBLIC, "--send-api-base", cls.stub.url])
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0
        cls.stub.close()

    def meta_post(self, path, body, signature=None):
        if signature is None:
            signature = "sha256=" + hmac.new(self.APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        return self.server.request("POST", path, body, {"Content-Type": "application/json",
                                                        "X-Hub-Signature-256": signature})

    def sent_to(self, path_part):
        return [r for r in self.stub.requests if path_part in r[0]]

    def test_the_subscribe_handshake(self):
        q = "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=%s&hub.challenge=12345"
        self.assertEqual(self.server.request("GET", q % self.VERIFY)[0:3:2], (200, b"12345"))
        self.assertEqual(self.server.request("GET", q % "wrong")[0], 403)
        # Issue #22: a challenge that is not UTF-8 is not echoed as UTF-8 text.
        status, _, body = self.server.request("GET", (q % self.VERIFY).replace("12345", "1%C9"))
        self.assertEqual(status, 400)
        self.assertIn(b"hub.challenge is not well-formed UTF-8", body)

    def test_messenger(self):
        with open(os.path.join(self.TESTDATA, "messenger_webhook.json"), "rb") as f:
            body = f.read()
        self.assertEqual(self.meta_post("/webhooks/messenger", body, "sha256=" + "0" * 64)[0], 401)
        good = "sha256=" + hmac.new(self.APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        self.assertEqual(self.meta_post("/webhooks/messenger", body[:-5], good)[0], 401)  # other bytes
        self.assertEqual(self.sent_to("/me/messages"), [])
        status, _, _ = self.meta_post("/webhooks/messenger", body)
        self.assertEqual(status, 200)
        sent = self.sent_to("/v19.0/me/messages")
        self.assertTrue(sent)
        path, headers, payload = sent[0]
        self.assertEqual(headers["Authorization"], "Bearer page-token")
        self.assertEqual(json.loads(payload)["recipient"], {"id": "PSID-42"})
        # The platform retries the same webhook: applied once, nothing sent again.
        self.assertEqual(self.meta_post("/webhooks/messenger", body)[0], 200)
        self.assertEqual(len(self.sent_to("/v19.0/me/messages")), len(sent))
        m = self.server.metrics()
        self.assertGreaterEqual(m['chatcart_webhook_messages_total{channel="messenger",outcome="duplicate"}'], 1)
        self.assertEqual(m['chatcart_sends_total{channel="messenger",outcome="sent"}'], len(sent))

    def test_whatsapp(self):
        with open(os.path.join(self.TESTDATA, "whatsapp_webhook.json"), "rb") as f:
            body = f.read()
        self.assertEqual(self.meta_post("/webhooks/whatsapp", body)[0], 200)
        sent = self.sent_to("/v19.0/PNID-7/messages")
        self.assertTrue(sent)
        self.assertEqual(sent[0][1]["Authorization"], "Bearer wa-token")
        self.assertEqual(json.loads(sent[0][2])["to"], "393331234567")

    def test_twilio_sms(self):
        form = {"MessageSid": "SM9001", "AccountSid": "AC123", "From": "+393339990000",
                "To": "+15550001111", "Body": "a gift for my 6 year old"}
        body = urllib.parse.urlencode(form).encode()
        url = self.PUBLIC + "/webhooks/twilio"
        signed = url + "".join(k + form[k] for k in sorted(form))
        signature = base64.b64encode(hmac.new(self.TWILIO.encode(), signed.encode(), hashlib.sha1).digest())
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status = self.server.request("POST", "/webhooks/twilio", body,
                                     dict(headers, **{"X-Twilio-Signature": "AAAA"}))[0]
        self.assertEqual(status, 401)
        status = self.server.request("POST", "/webhooks/twilio", body,
                                     dict(headers, **{"X-Twilio-Signature": signature.decode()}))[0]
        self.assertEqual(status, 200)
        sent = self.sent_to("/2010-04-01/Accounts/AC123/Messages.json")
        self.assertTrue(sent)
        self.assertEqual(sent[0][1]["Authorization"], "Basic " + base64.b64encode(b"AC123:" + self.TWILIO.encode()).decode())
        reply = urllib.parse.parse_qs(sent[0][2])
        self.assertEqual(reply["To"], ["+393339990000"])
        self.assertTrue(reply["Body"][0])

    def test_a_webhook_too_large_or_malformed(self):
        self.assertEqual(self.meta_post("/webhooks/messenger", b"{" * (1 << 20 + 1))[0], 413)
        # Issue #22: one byte over kMaxWebhookBytes is refused, naming it.
        status, _, body = self.meta_post("/webhooks/messenger", b" " * ((1 << 20) + 1))
        self.assertEqual(status, 413)
        self.assertIn(b"kMaxWebhookBytes", body)
        self.assertEqual(self.meta_post("/webhooks/messenger", b"{not json")[0], 400)
        # Issue #22: a webhook needs a Content-Length too; a chunked one was
        # read whole into memory, one without a length until the client
        # closed.
        statuses, _, closed = exchange(
            self.server.port, b"POST /webhooks/messenger HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n", b"%x\r\n%s\r\n" % (1 << 20, b" " * (1 << 20)) * 4)
        self.assertEqual((statuses, closed), (["HTTP/1.1 411 Length Required"], True))


class UnconfiguredWebhookTest(unittest.TestCase):
    def test_webhooks_are_off_without_secrets(self):
        with Server(BINARY, BUNDLE) as s:
            self.assertEqual(s.request("POST", "/webhooks/messenger", b"{}", {"X-Hub-Signature-256": "x"})[0], 404)
            self.assertEqual(s.request("GET", "/webhooks/whatsapp?hub.mode=subscribe")[0], 404)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
