# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Starts `chatcart serve` on a free loopback port and talks to it: posts,
server-sent events, metrics. Shared by serve_test.py and browser_test.py."""

import http.client
import json
import os
import signal
import subprocess
import tempfile
import time
import uuid


class Server:
    """A `chatcart serve` process; use as a context manager."""

    def __init__(self, binary, bundle, store="memory:", extra=(), env=None):
        self.binary, self.bundle, self.store, self.extra = binary, bundle, store, list(extra)
        self.env = dict(os.environ, **(env or {}))
        self.proc = None
        self.port = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, *exc):
        output = self.output()
        code = self.stop()
        if exc_type is None and code != 0:
            raise AssertionError("chatcart serve exited with %s:\n%s" % (code, output))

    def start(self):
        port_file = os.path.join(tempfile.mkdtemp(prefix="chatcart-serve-"), "port")
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--bundle", self.bundle, "--store", self.store,
             "--host", "127.0.0.1", "--port", "0", "--port-file", port_file] + self.extra,
            stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("chatcart serve exited with %d:\n%s" % (self.proc.returncode, self.output()))
            if os.path.exists(port_file):
                with open(port_file) as f:
                    text = f.read().strip()
                if text.isdigit():
                    self.port = int(text)
                    return
            time.sleep(0.05)
        self.proc.kill()
        raise RuntimeError("chatcart serve did not listen within 60 s")

    def output(self):
        if self.log.closed:
            return ""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self, timeout=10):
        """SIGTERM; returns the exit code (kills after `timeout` seconds)."""
        if self.proc is None:
            return None
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout)
            return self.proc.returncode
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            self.log.close()

    @property
    def url(self):
        return "http://127.0.0.1:%d/" % self.port

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            return res.status, dict(res.getheaders()), res.read()
        finally:
            conn.close()

    def post(self, conversation, text=None, payload=None, message_id=None, lang=None, raw=None):
        if raw is None:
            body = {"conversation": conversation, "id": message_id or "m" + uuid.uuid4().hex[:16]}
            if text is not None:
                body["text"] = text
            if payload is not None:
                body["payload"] = payload
            if lang:
                body["lang"] = lang
            raw = json.dumps(body).encode()
        status, headers, data = self.request("POST", "/api/message", raw,
                                             {"Content-Type": "application/json"})
        return status, (json.loads(data) if data else None)

    def events(self, conversation, last_event_id=None, until=None, timeout=10):
        """Reads the conversation's stream until `until(events)` is true or
        `timeout` passes; returns [(id, type, data)] (data parsed)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        conn.request("GET", "/api/events?conversation=" + conversation, headers=headers)
        res = conn.getresponse()
        assert res.status == 200, res.status
        assert res.getheader("Content-Type").startswith("text/event-stream")
        events, frame = [], {}
        deadline = time.time() + timeout
        try:
            while time.time() < deadline:
                line = res.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\n")
                if line == "":
                    if "event" in frame:
                        events.append((frame.get("id"), frame["event"], json.loads(frame.get("data", "null"))))
                        if until is not None and until(events):
                            break
                    frame = {}
                elif line.startswith(":"):
                    continue
                else:
                    key, _, value = line.partition(": ")
                    frame[key] = frame[key] + "\n" + value if key == "data" and key in frame else value
        except TimeoutError:
            pass
        finally:
            conn.close()
        return events

    def metrics(self):
        status, _, body = self.request("GET", "/metrics")
        assert status == 200
        values = {}
        for line in body.decode().splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                values[name] = float(value)
        return values


def new_conversation():
    return uuid.uuid4().hex


def write_agents_file(binary, path, agents):
    """agents: [(id, name, password)] -> an accounts file made by
    `chatcart agent-password` (10,000 iterations: tests only)."""
    lines = []
    for agent_id, name, password in agents:
        out = subprocess.run([binary, "agent-password", "--id", agent_id, "--name", name,
                              "--iterations", "10000"], input=password + "\n",
                             capture_output=True, text=True, check=True, timeout=30)
        lines.append(out.stdout)
    with open(path, "w") as f:
        f.write("# test agents\n" + "".join(lines))
    return path


class Agent:
    """An agent's HTTP session with the console API (cookie and CSRF)."""

    def __init__(self, server):
        self.server, self.cookie, self.csrf = server, None, None

    def call(self, method, path, body=None, csrf=True):
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if csrf and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        status, res_headers, data = self.server.request(
            method, path, json.dumps(body).encode() if body is not None else None, headers)
        return status, res_headers, (json.loads(data) if data else None)

    def login(self, agent, password):
        status, headers, data = self.call("POST", "/console/api/login",
                                          {"agent": agent, "password": password})
        if status == 200:
            self.cookie = headers["Set-Cookie"].split(";")[0]
            self.csrf = data["csrf"]
        return status, headers, data


class SendApiStub:
    """A local HTTP server standing in for the platforms' send APIs: it
    records every request (path, headers, body) and answers 200."""

    def __init__(self):
        import http.server
        import threading
        stub = self
        self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                stub.requests.append((self.path, dict(self.headers), body.decode("utf-8")))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
