#!/usr/bin/env python3
"""How fast this machine is right now, printed beside benchmark figures: plain CPU (SHA-256 over 256 MiB) and
cross-process wake-ups (two processes answering each other through pipes, 50,000 round trips, two wake-ups each).
A platform request is mostly hand-offs between processes and threads, so the second figure tracks it closely. The
shared 2-core box these benchmarks run on changes speed over the day: compare figures only between runs whose probes
agree (services/web/README.md shows how much it moved in one session)."""
import hashlib
import os
import time

started = time.perf_counter()
digest = hashlib.sha256()
block = b"x" * 1048576
for _ in range(256):
    digest.update(block)
sha_ms = (time.perf_counter() - started) * 1000

ping_read, ping_write = os.pipe()
pong_read, pong_write = os.pipe()
rounds = 50000
child = os.fork()
if child == 0:
    for _ in range(rounds):
        os.read(ping_read, 1)
        os.write(pong_write, b"y")
    os._exit(0)
started = time.perf_counter()
for _ in range(rounds):
    os.write(ping_write, b"x")
    os.read(pong_read, 1)
round_trip_us = (time.perf_counter() - started) / rounds * 1e6
os.waitpid(child, 0)
print(f"machine probe: sha256 of 256 MiB {sha_ms:.0f} ms, process ping-pong {round_trip_us:.1f} us per round trip")
