#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Load on `chatcart serve`, on loopback only, bounded in shoppers, messages
and time: N simulated shoppers each hold the event stream of their
conversation open and send a demo conversation over HTTP, one message at a
time, `--think` seconds apart (the server allows a shopper about one message
a second). Reported per scenario: turns per second, p50/p99 from the post to
the reply's event beside Conversations::Handle's own mean (the servers'
histogram), the server's memory per open conversation, and errors
(posts refused or failed) and lost turns (a 200 with no reply on the stream
within 10 s), which must be 0.

Scenarios: sqlite (one server, SQLite), redis (one server, Redis), redis2
(two servers on one Redis: each shopper alternates servers per message and
watches both streams). Redis scenarios start their own redis-server on a
free port and are skipped, saying so, without one.

  bench/serve_load.py build/bin/chatcart --shoppers 200 --scenarios sqlite,redis,redis2
  bench/serve_load.py build/bin/chatcart --shoppers 20 --messages 6 --check   # ctest's short form
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "examples", "cli", "serve", "tests"))
from serve_harness import Server  # noqa: E402

REPLY_TIMEOUT = 10.0


def demo_messages(bundle):
    with open(os.path.join(bundle, "demo.en.txt"), encoding="utf-8") as f:
        return [line[2:].strip() for line in f if line.startswith("> ")]


async def read_head(reader):
    status = await reader.readline()
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    return int(status.split()[1]) if status else 0


async def post(port, conversation, text):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps({"conversation": conversation, "id": "m" + uuid.uuid4().hex[:20],
                       "text": text, "lang": "en"}).encode()
    writer.write(b"POST /api/message HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                 b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    await writer.drain()
    try:
        return await read_head(reader)
    finally:
        writer.close()


async def stream(port, conversation, on_bot, ready, stop):
    """Reads the conversation's SSE stream until `stop` is set, reconnecting
    with Last-Event-ID when the server ends it."""
    last = None
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.2)
            continue
        head = "GET /api/events?conversation=%s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % conversation
        if last:
            head += "Last-Event-ID: %s\r\n" % last
        writer.write((head + "\r\n").encode())
        await writer.drain()
        try:
            if await read_head(reader) != 200:
                raise ConnectionError("stream refused")
            event, buf = None, b""
            while not stop.is_set():
                size_line = await reader.readline()  # chunked encoding
                if not size_line:
                    break
                size = int(size_line.strip() or b"0", 16)
                if size == 0:
                    break
                buf += await reader.readexactly(size)
                await reader.readexactly(2)
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if line.startswith(b"id: "):
                        last = line[4:].decode()
                    elif line.startswith(b"event: "):
                        event = line[7:].decode()
                        if event == "ready":
                            ready.set()
                        elif event in ("bot", "notice"):
                            on_bot(event)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            await asyncio.sleep(0.1)
        finally:
            writer.close()


async def shopper(ports, messages, think, results, start_gate):
    conversation = uuid.uuid4().hex
    replies = asyncio.Queue()
    stop = asyncio.Event()
    readies = [asyncio.Event() for _ in ports]
    tasks = [asyncio.create_task(stream(p, conversation, lambda e: replies.put_nowait((e, time.perf_counter())),
                                        r, stop)) for p, r in zip(ports, readies)]
    for r in readies:
        await asyncio.wait_for(r.wait(), 60)
    results["streams"] += 1
    await start_gate.wait()
    await asyncio.sleep(random.uniform(0, think))
    for i, text in enumerate(messages):
        t0 = time.perf_counter()
        try:
            status = await post(ports[i % len(ports)], conversation, text)
        except OSError:
            status = 0
        if status != 200:
            results["errors"] += 1
            results["error_codes"][status] = results["error_codes"].get(status, 0) + 1
        else:
            try:
                kind, t1 = await asyncio.wait_for(replies.get(), REPLY_TIMEOUT)
                if kind == "bot":
                    results["latencies"].append(t1 - t0)
                    results["turns"] += 1
                else:
                    results["errors"] += 1
            except asyncio.TimeoutError:
                results["lost"] += 1
        await asyncio.sleep(think)
    results["done"] += 1
    return stop, tasks


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def run(servers, args, messages):
    results = {"turns": 0, "errors": 0, "lost": 0, "latencies": [], "streams": 0, "done": 0,
               "error_codes": {}}
    ports = [s.port for s in servers]
    gate = asyncio.Event()
    rss0 = sum(rss_kb(s.proc.pid) for s in servers)
    jobs = []
    for i in range(args.shoppers):
        # Streams open at most ~200 a second: the server's listen queue is short.
        jobs.append(asyncio.create_task(shopper(ports[i % len(ports):] + ports[:i % len(ports)],
                                                messages, args.think, results, gate)))
        if i % 20 == 19:
            await asyncio.sleep(0.1)
    deadline = time.time() + 120
    while results["streams"] < args.shoppers and time.time() < deadline:
        await asyncio.sleep(0.1)
    rss_open = sum(rss_kb(s.proc.pid) for s in servers)
    t0 = time.perf_counter()
    gate.set()
    done, pending = await asyncio.wait(jobs, timeout=args.max_seconds)
    elapsed = time.perf_counter() - t0
    rss_end = sum(rss_kb(s.proc.pid) for s in servers)
    for job in pending:
        job.cancel()
    for job in done:
        if job.exception() is None:
            stop, tasks = job.result()
            stop.set()
            for t in tasks:
                t.cancel()
    lat = sorted(results["latencies"])
    pct = lambda p: 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")
    return {
        "shoppers": args.shoppers, "streams_open": results["streams"],
        "turns": results["turns"], "seconds": round(elapsed, 2),
        "turns_per_s": round(results["turns"] / elapsed, 1) if elapsed else 0,
        "p50_ms": round(pct(0.50), 2), "p99_ms": round(pct(0.99), 2),
        "mean_ms": round(1000 * statistics.mean(lat), 2) if lat else None,
        "errors": results["errors"], "error_codes": results["error_codes"], "lost": results["lost"],
        "unfinished_shoppers": args.shoppers - results["done"],
        "rss_kb_per_open_stream": round((rss_open - rss0) / max(1, args.shoppers), 1),
        "rss_kb_per_conversation_after": round((rss_end - rss0) / max(1, args.shoppers), 1),
    }


def start_redis(tmp):
    if not shutil.which("redis-server"):
        return None, None
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", tmp], stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("--bundle", default=os.path.join(HERE, "..", "examples", "bundles", "demo"))
    ap.add_argument("--shoppers", type=int, default=100)
    ap.add_argument("--messages", type=int, default=0, help="first N messages of the demo (0: all)")
    ap.add_argument("--think", type=float, default=1.0, help="seconds between a shopper's messages")
    ap.add_argument("--max-seconds", type=float, default=300)
    ap.add_argument("--scenarios", default="sqlite,redis,redis2")
    ap.add_argument("--check", action="store_true", help="exit 1 on any error or lost turn")
    args = ap.parse_args()
    if args.shoppers < 1 or args.shoppers > 5000:
        ap.error("--shoppers: 1 to 5000")
    messages = demo_messages(args.bundle)
    if args.messages:
        messages = messages[:args.messages]
    threads = ["--threads", str(2 * args.shoppers + 64)]
    failed = False
    for scenario in args.scenarios.split(","):
        tmp = tempfile.mkdtemp(prefix="chatcart-serve-load-")
        redis = None
        try:
            if scenario == "sqlite":
                servers = [Server(args.binary, args.bundle, "sqlite:%s/s.db?durability=normal" % tmp, threads)]
            elif scenario in ("redis", "redis2"):
                redis, port = start_redis(tmp)
                if redis is None:
                    print(json.dumps({"scenario": scenario, "skipped": "no redis-server"}))
                    continue
                url = "redis://127.0.0.1:%d?pool=16" % port
                servers = [Server(args.binary, args.bundle, url, threads)
                           for _ in range(2 if scenario == "redis2" else 1)]
            else:
                ap.error("unknown scenario " + scenario)
            for s in servers:
                s.start()
            try:
                report = asyncio.run(run(servers, args, messages))
                # Conversations::Handle's own time (load, turn, save), from
                # the servers' histograms: the rest of post-to-reply is HTTP,
                # JSON, the event log and the client.
                handle_sum = handle_count = 0
                for s in servers:
                    m = s.metrics()
                    handle_sum += m["chatcart_turn_seconds_sum"]
                    handle_count += m["chatcart_turn_seconds_count"]
                report["handle_mean_ms"] = round(1000 * handle_sum / max(1, handle_count), 2)
            finally:
                codes = [s.stop() for s in servers]
            if any(codes):
                print("a server exited with %s" % codes)
                failed = True
            report = dict({"scenario": scenario, "messages_per_shopper": len(messages)}, **report)
            print(json.dumps(report), flush=True)
            if report["errors"] or report["lost"] or report["unfinished_shoppers"]:
                failed = True
        finally:
            if redis is not None:
                redis.terminate()
                redis.wait()
            shutil.rmtree(tmp, ignore_errors=True)
    if args.check and failed:
        print("FAILED: errors or lost turns (above)")
        sys.exit(1)


if __name__ == "__main__":
    main()
