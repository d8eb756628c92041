# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""`chatcart serve` over HTTP on a loopback port: posts, the event stream
and its Last-Event-ID resume, duplicates, limits, metrics, a restart on the
same SQLite store. Usage: serve_test.py CHATCART_BINARY BUNDLE_DIR"""

import json
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server, new_conversation  # noqa: E402

BINARY, BUNDLE = sys.argv[1], sys.argv[2]
TMP = tempfile.mkdtemp(prefix="chatcart-serve-test-")
STORE = "sqlite:" + os.path.join(TMP, "sessions.db")


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
        status, _, _ = self.server.request("POST", "/api/message", big, {"Content-Type": "application/json"})
        self.assertEqual(status, 413)
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


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
