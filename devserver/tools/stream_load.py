#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Bounded load check for cstar-devserver's event streams (loopback only).

Starts its own server on 127.0.0.1, opens N concurrent GET /events streams
(half customer sessions, half agent feeds), waits until every stream has its
first bytes, then measures the server's RSS and checks that one event fans
out to every agent stream. Everything is bounded: at most 20000 streams and
--timeout seconds.

    devserver/tools/stream_load.py build/bin/cstar-devserver --count 5000
"""
import argparse
import asyncio
import http.client
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

MAX_STREAMS = 20000


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def api(port, method, path, body=None, token=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, json.loads(data) if data else None


async def open_stream(port, path, token, ready, received, marker, is_agent):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                  f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode())
    await writer.drain()
    buf = b""
    while b"\r\n\r\n" not in buf or b"\n\n" not in buf.split(b"\r\n\r\n", 1)[1]:
        chunk = await reader.read(4096)
        if not chunk:
            raise RuntimeError("stream closed before its first bytes")
        buf += chunk
    if not buf.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(buf[:80])
    ready.append(1)
    body = buf.split(b"\r\n\r\n", 1)[1]
    while marker not in body:
        chunk = await reader.read(4096)
        if not chunk:
            return writer
        body += chunk
    if is_agent:
        received.append(1)
    return writer


async def run(args):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = args.count + 256
    if soft < need:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(need, hard), hard))
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [args.binary, "--port", "0", "--db", os.path.join(tmp, "load.db"),
             "--rate-limit", "100000000", "--agent-key", "sk_load"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().strip()
            port = int(url.rsplit(":", 1)[1])
            customers = args.count // 2
            tokens = []
            for _ in range(customers):
                status, body = api(port, "POST", "/api/v1/chat/acme/sessions")
                assert status == 201, status
                tokens.append(body["data"]["token"])
            status, body = api(port, "POST", "/api/v1/chat/acme/sessions")
            status, body = api(port, "POST", "/api/v1/chat/acme/tickets", {"title": "load"},
                               body["data"]["token"])
            assert status == 201, status
            rss_before = rss_kib(server.pid)

            ready, received, writers = [], [], []
            marker = b"load-marker-" + str(time.time()).encode()
            tasks = []
            started = time.monotonic()
            for i in range(args.count):
                if i < customers:
                    path, token = "/api/v1/chat/acme/events", tokens[i]
                else:
                    path, token = "/api/v1/teams/acme/events", "sk_load"
                tasks.append(asyncio.ensure_future(
                    open_stream(port, path, token, ready, received, marker, i >= customers)))
                if i % 200 == 199:
                    await asyncio.sleep(0)  # let the event loop connect this batch
            deadline = started + args.timeout
            while len(ready) < args.count and time.monotonic() < deadline:
                failed = [t for t in tasks if t.done() and t.exception()]
                if failed:
                    raise failed[0].exception()
                await asyncio.sleep(0.05)
            open_s = time.monotonic() - started
            rss_after = rss_kib(server.pid)
            print(f"streams open: {len(ready)}/{args.count} in {open_s:.2f} s")
            print(f"server RSS: {rss_before} KiB before, {rss_after} KiB with streams "
                  f"→ {(rss_after - rss_before) / max(1, len(ready)):.1f} KiB per stream")

            # One agent message on a ticket: every agent feed must get it.
            ticket = body["data"]["id"]
            agents = args.count - customers
            if agents:
                sent = time.monotonic()
                st, _ = api(port, "POST", f"/api/v1/teams/acme/tickets/{ticket}/messages",
                            {"content": marker.decode()}, "sk_load")
                assert st == 201, st
                while len(received) < agents and time.monotonic() < deadline:
                    await asyncio.sleep(0.01)
                print(f"fan-out: {len(received)}/{agents} agent streams got the event in "
                      f"{time.monotonic() - sent:.2f} s")
            for t in tasks:
                t.cancel()
            ok = len(ready) == args.count and (not agents or len(received) == agents)
            return 0 if ok else 1
        finally:
            server.kill()
            server.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("binary", help="path to cstar-devserver")
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--timeout", type=float, default=60.0)
    args = p.parse_args()
    if not 1 <= args.count <= MAX_STREAMS:
        sys.exit(f"--count must be 1..{MAX_STREAMS}")
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
