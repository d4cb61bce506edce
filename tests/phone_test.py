#!/usr/bin/python3
"""Phones as voting pads: tests over loopback against phone_test_server.

    phone_test.py abuse   SERVER WORKDIR   every abuse case gets its
                                           documented error; the count
                                           stays intact
    phone_test.py load    SERVER WORKDIR   200 phones join and vote on
                                           every turn; every vote is
                                           counted exactly once (whole
                                           class, then four teams: per team)
    phone_test.py resume  SERVER WORKDIR   SIGKILL during a vote, then
                                           resume: every acknowledged vote
                                           is kept, phones keep their cookies
    phone_test.py class_resume SERVER WORKDIR RAPPORT SCENARIO
                                           the game (rapport class --phones)
                                           killed during a phone vote and
                                           resumed: its debrief has exactly
                                           the acknowledged votes
    phone_test.py teams   SERVER WORKDIR   teams: phones pick a team when
                                           they join (a forged team index
                                           is refused: 400 bad_team), keep
                                           it, and their votes are counted
                                           per team, also after a SIGKILL
                                           and resume
    phone_test.py class_teams SERVER WORKDIR RAPPORT SCENARIO
                                           the game in teams mode (rapport
                                           class --teams --phones): phones
                                           of two teams vote, the game is
                                           killed and resumed, and its class
                                           debrief and saved result have
                                           exactly those votes per team
    phone_test.py browser SERVER WORKDIR [RAPPORT SCENARIO]   headless Chromium (Selenium):
                                           join, vote, change, waiting,
                                           no-JS forms, RTL, 200% zoom,
                                           screenshots at 360x740

SERVER is tests/phone_test_server (the phone server with a stand-in for the
game that journals every event before acknowledging it). Phones are given
their own loopback source addresses (127.0.1.N), as phones in a room have
their own addresses, so the per-address limits apply as they would there.
Exit status 0 pass, 1 fail, 77 skipped (browser test without Chromium).
"""

import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

FAILURES = []


def check(cond, what):
    if cond:
        print("ok: " + what)
    else:
        print("FAIL: " + what)
        FAILURES.append(what)
    return cond


class Server:
    """phone_test_server, driven through its stdin."""

    def __init__(self, binary, workdir, *args, journal=None):
        cmd = [binary] + list(args)
        if journal:
            cmd += ["--journal", journal]
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(os.path.join(workdir, "server.log"), "ab"),
            text=True, bufsize=1)
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "ready":
            raise RuntimeError("the server did not start: %r" % line)
        self.url, self.code, self.port = line[1], line[2], int(line[3])
        self.host = "127.0.0.1:%d" % self.port
        self.lock = threading.Lock()

    def cmd(self, text):
        with self.lock:
            self.proc.stdin.write(text + "\n")
            self.proc.stdin.flush()
            return self.proc.stdout.readline().strip()

    def tally(self, ballot, team=None):
        reply = self.cmd("tally %d" % ballot if team is None
                         else "tally %d %d" % (ballot, team))
        fields = dict(f.split("=") for f in reply.split()[2:])
        return {k: int(v) for k, v in fields.items()}

    def counts(self):
        reply = self.cmd("counts")
        return {k: int(v) for k, v in
                (f.split("=") for f in reply.split()[1:])}

    def stop(self):
        if self.proc.poll() is None:
            try:
                self.cmd("quit")
                self.proc.wait(timeout=20)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()

    def kill(self):
        self.proc.kill()
        self.proc.wait()


class Game:
    """rapport class --phones --script -, fed line by line (the real game,
    headless): the stand-in for the facilitator is this test."""

    def __init__(self, rapport, results, scenario=None, resume=False,
                 teams=None, lang=None):
        args = [rapport] + (["--lang", lang] if lang else []) + ["class"]
        if resume:
            args += ["--resume"]
        else:
            args += [scenario]
        if teams:
            args += ["--teams", teams]
        args += ["--phones", "--address", "127.0.0.1", "--results", results,
                 "--script", "-"]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True,
                                     bufsize=1)
        self.log = []
        while True:
            line = self.proc.stderr.readline()
            if not line:
                raise RuntimeError("rapport class did not start: %r"
                                   % self.log)
            self.log.append(line)
            # "phones join at URL (join code CODE)", in the game's language
            m = re.search(r"(http://([0-9.]+):(\d+)/\?code=(\d+))", line)
            if m:
                self.url, self.port, self.code = (m.group(1),
                                                  int(m.group(3)), m.group(4))
                self.host = "%s:%d" % (m.group(2), self.port)
                break
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.log.append(line)

    def send(self, text):
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def finish(self, rest):
        """The rest of the script; the debrief printed, the exit code."""
        try:
            self.send(rest)
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        out = self.proc.stdout.read()
        rc = self.proc.wait(timeout=60)
        return out, rc

    def kill(self):
        self.proc.kill()
        self.proc.wait()


# Every later turn decided by one hand for A, to the ending (lines past the
# ending are not read).
REST_OF_CALL = "\n".join(["next", "next", "hands A 1", "close", "play"] * 14)


class Phone:
    """One phone: its own source address, its cookie."""

    def __init__(self, server, source, timeout=30):
        self.server = server
        self.source = source
        self.timeout = timeout
        self.cookie = None
        self.conn = None
        self.version = 0

    def _conn(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(
                "127.0.0.1", self.server.port, timeout=self.timeout,
                source_address=(self.source, 0))
        return self.conn

    def request(self, method, path, body=None, headers=None, retries=3):
        hdrs = {"Host": self.server.host}
        if self.cookie:
            hdrs["Cookie"] = "rapport_device=" + self.cookie
        if body is not None:
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        hdrs.update(headers or {})
        for attempt in range(retries):
            try:
                c = self._conn()
                c.request(method, path, body=body, headers=hdrs)
                r = c.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    c.close()
                    self.conn = None
                cookie = r.getheader("Set-Cookie")
                if cookie:
                    m = re.match(r"rapport_device=([0-9a-f]+)", cookie)
                    if m:
                        self.cookie = m.group(1)
                return r.status, data, r
            except (ConnectionError, http.client.HTTPException,
                    socket.timeout, OSError):
                if self.conn:
                    self.conn.close()
                self.conn = None
                if attempt == retries - 1:
                    raise
                time.sleep(0.2)
        raise RuntimeError("unreachable")

    def json(self, method, path, body=None, headers=None):
        status, data, _ = self.request(method, path, body, headers)
        try:
            return status, json.loads(data.decode("utf-8"))
        except ValueError:
            return status, {"raw": data[:200]}

    def join(self, code, nick=None, team=None):
        body = {"code": code}
        if nick is not None:
            body["nick"] = nick
        if team is not None:
            body["team"] = team
        return self.json("POST", "/api/join", body)

    def vote(self, ballot, letter):
        return self.json("POST", "/api/vote",
                         {"ballot": str(ballot), "option": letter})

    def state(self, wait=False):
        path = "/api/state" + ("?since=%d" % self.version if wait else "")
        status, s = self.json("GET", path)
        if status == 200:
            self.version = s["version"]
        return status, s

    def close(self):
        if self.conn:
            self.conn.close()
            self.conn = None


def raw(port, data, source="127.0.0.1", timeout=5, read=True):
    """Sends raw bytes; returns the status line's code (0: closed)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                 source_address=(source, 0))
    try:
        s.sendall(data)
        if not read:
            return s
        got = b""
        while b"\r\n" not in got:
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
        m = re.match(rb"HTTP/1\.[01] (\d{3})", got)
        return int(m.group(1)) if m else 0
    finally:
        if read:
            s.close()


# --------------------------------------------------------------------------
# abuse

def abuse(binary, work, *_game):
    server = Server(binary, work, "--nicknames", "--request-ms", "2000")
    port, host = server.port, server.host
    try:
        check(server.cmd("open 1 Apologise|Explain the bill|Transfer")
              == "ok", "ballot 1 opens")
        alice = Phone(server, "127.0.1.1")
        st, s = alice.join(server.code, "Alice")
        check(st == 200 and s["joined"], "a phone joins with the code (200)")
        st, s = alice.vote(1, "B")
        check(st == 200 and s["vote"] == "B" and s["saved"],
              "its vote is acknowledged once saved (200, saved)")

        def intact(what, devices=1):
            t = server.tally(1)
            c = server.counts()
            check(t["B"] == 1 and t["total"] == 1 and c["devices"] == devices,
                  "count intact after %s (B=1 of %d, %d devices)"
                  % (what, t["total"], c["devices"]))

        # no join code, a wrong one, a malformed one
        eve = Phone(server, "127.0.1.2")
        st, s = eve.json("POST", "/api/join", {})
        check(st == 403 and s.get("error") == "bad_code",
              "join without a code: 403 bad_code")
        wrong = "%06d" % ((int(server.code) + 1) % 1000000)
        st, s = eve.join(wrong)
        check(st == 403 and s.get("error") == "bad_code",
              "join with a wrong code: 403 bad_code")
        st, s = eve.join(server.code + "0")
        check(st == 403, "join with a 7-digit code: 403")
        st, s = eve.vote(1, "A")
        check(st == 403 and s.get("error") == "not_joined",
              "vote without joining: 403 not_joined")
        st, s = eve.state()
        check(st == 200 and not s["joined"] and "options" not in s,
              "state without joining shows no options")
        intact("join attempts without the code")

        # forged and reused tokens
        eve.cookie = "%032x" % random.getrandbits(128)
        st, s = eve.vote(1, "A")
        check(st == 403 and s.get("error") == "not_joined",
              "vote with a forged token: 403 not_joined")
        eve.cookie = "../../etc/passwd"
        st, s = eve.vote(1, "A")
        check(st == 403, "vote with a malformed token: 403")
        eve.cookie = alice.cookie[:-1] + ("0" if alice.cookie[-1] != "0"
                                          else "1")
        st, s = eve.vote(1, "A")
        check(st == 403, "vote with a token one digit off: 403")
        # a token from an earlier session of the server
        old = Server(binary, work)
        ghost = Phone(old, "127.0.1.3")
        ghost.join(old.code)
        old.stop()
        eve.cookie = ghost.cookie
        st, s = eve.vote(1, "A")
        check(st == 403, "vote with another session's token: 403")
        # the same device joining again is the same device
        st, s = alice.join(server.code, "Alice again")
        check(st == 200 and s["vote"] == "B",
              "a joined phone joining again keeps its device and vote")
        eve.cookie = None
        intact("forged and reused tokens")

        # a second vote from one device replaces the first
        st, s = alice.vote(1, "B")
        check(st == 200, "the same vote again: 200")
        intact("the same vote twice")
        st, s = alice.vote(1, "C")
        check(st == 200 and s["vote"] == "C", "a changed vote: 200")
        t = server.tally(1)
        check(t["B"] == 0 and t["C"] == 1 and t["total"] == 1,
              "a changed vote replaces the first (C=1 of 1)")
        alice.vote(1, "B")
        intact("a second vote from one device")
        # at most 8 changes of vote at one ballot (then 429 changes)
        codes = [alice.vote(1, "AB"[i % 2])[0] for i in range(12)]
        check(codes[:6] == [200] * 6 and codes[6::2] == [429] * 3 and
              codes[7::2] == [200] * 3,
              "a device changes its vote at most 8 times per ballot, then "
              "429 changes; its current vote again is still 200 (%r)"
              % codes)
        st, s = alice.vote(1, "B")
        check(st == 200 and s["vote"] == "B", "voting its current vote "
              "again is still fine")
        intact("many changes of vote")
        # votes that are not on offer
        st, s = alice.vote(1, "D")
        check(st == 400 and s.get("error") == "bad_option",
              "an option not on offer: 400 bad_option")
        st, s = alice.vote(1, "b")
        check(st == 400, "a lowercase letter: 400")
        st, s = alice.vote(2, "A")
        check(st == 409 and s.get("error") == "closed",
              "a vote for another ballot: 409 closed")
        intact("bad votes")

        # 10,000 requests from one client
        flood = Phone(server, "127.0.1.4", timeout=10)
        codes = {}
        t0 = time.monotonic()
        for _ in range(10000):
            st, _, _ = flood.request("GET", "/api/state")
            codes[st] = codes.get(st, 0) + 1
        secs = time.monotonic() - t0
        print("flood: 10000 requests in %.1f s: %r" % (secs, codes))
        allowed = 40 + 5 * secs + 5
        check(codes.get(429, 0) > 0 and codes.get(200, 0) <= allowed and
              set(codes) <= {200, 429},
              "10,000 requests from one client: %d answered 200 (at most "
              "%d), %d answered 429" % (codes.get(200, 0), allowed,
                                        codes.get(429, 0)))
        st, s = flood.json("POST", "/api/join", {"code": server.code})
        check(st == 429 and s.get("error") == "rate",
              "the flooding client is still refused: 429 rate")
        st, s = alice.state()
        check(st == 200 and s["vote"] == "B",
              "another phone is served during the flood")
        intact("10,000 requests from one client")

        # oversized bodies and headers
        big = "x" * 5000
        st, s = eve.json("POST", "/api/join", {"code": server.code,
                                               "nick": big})
        check(st == 413 and s.get("error") == "too_big",
              "a 5 kB body: 413 too_big")
        body = b"code=" + b"1" * 4000
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 500]),
                                             body[i:i + 500])
                          for i in range(0, len(body), 500)) + b"0\r\n\r\n"
        st = raw(port, b"POST /api/join HTTP/1.1\r\nHost: " + host.encode() +
                 b"\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n" + chunks,
                 source="127.0.1.5")
        check(st == 413, "a 4 kB chunked body: 413 (got %d)" % st)
        st = raw(port, b"POST /api/vote HTTP/1.1\r\nHost: " + host.encode() +
                 b"\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 b"Content-Length: 1000000000\r\n\r\nballot=1",
                 source="127.0.1.5")
        check(st == 413, "a declared 1 GB body: 413 (got %d)" % st)
        st = raw(port, b"GET / HTTP/1.1\r\nHost: " + host.encode() +
                 b"\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",
                 source="127.0.1.5")
        check(st == 431, "a 20 kB header: 431 (got %d)" % st)
        st = raw(port, b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: " +
                 host.encode() + b"\r\n\r\n", source="127.0.1.5")
        check(st in (414, 431), "a 20 kB URL: 414 or 431 (got %d)" % st)
        st = raw(port, b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\n" +
                 b"".join(b"X-%d: y\r\n" % i for i in range(2000)) + b"\r\n",
                 source="127.0.1.5")
        check(st == 431, "2,000 headers: 431 (got %d)" % st)
        intact("oversized bodies and headers")

        # ../ paths and other paths
        for path in (b"/../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
                     b"/app.js/../../../etc/passwd", b"/..%2f..%2fetc/passwd",
                     b"/api/../../journal", b"/results", b"/favicon.ico",
                     b"//etc/passwd", b"/app.js%00.html"):
            st = raw(port, b"GET " + path + b" HTTP/1.1\r\nHost: " +
                     host.encode() + b"\r\n\r\n", source="127.0.1.6")
            check(st in (400, 404), "GET %s: 404 (got %d)"
                  % (path.decode(), st))
        # methods other than GET and POST
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"):
            for path in ("/", "/api/vote"):
                st, _, r = eve.request(method, path)
                check(st == 405 and r.getheader("Allow") in ("GET", "POST"),
                      "%s %s: 405 with Allow" % (method, path))
        st, _, _ = eve.request("GET", "/api/vote")
        check(st == 405, "GET on a POST path: 405")
        st, _, _ = eve.request("POST", "/app.js", body={})
        check(st == 405, "POST on a GET path: 405")
        st, _, _ = eve.request("PUT", "/nothing")
        check(st == 404, "PUT on an unknown path: 404")
        # other sites and other hosts
        st, s = eve.json("POST", "/api/join", {"code": server.code},
                         {"Origin": "http://evil.example"})
        check(st == 403 and s.get("error") == "bad_origin",
              "a cross-site join: 403 bad_origin")
        st, s = eve.json("GET", "/", headers={"Host": "evil.example"})
        check(st == 400 and s.get("error") == "bad_host",
              "another Host (DNS rebinding): 400 bad_host")
        st, _, _ = eve.request("POST", "/api/join", body=None,
                               headers={"Content-Type": "application/json"})
        check(st == 415, "a JSON body: 415")
        intact("paths, methods, origins")

        # a nickname with <script> and right-to-left overrides
        mallory = Phone(server, "127.0.1.7")
        nick = "\u202e<script>alert(1)</script>\u2066x\u200f\u0007"
        st, s = mallory.join(server.code, nick)
        check(st == 200, "a nickname with <script> and RTL overrides: 200")
        check(s.get("nick") == "<script>alert(1)</script",
              "the nickname is cleaned: overrides, marks and controls gone, "
              "24 characters kept (%r)" % s.get("nick"))
        st, page, _ = mallory.request("GET", "/")
        text = page.decode("utf-8")
        check("&lt;script&gt;alert(1)&lt;/script" in text and
              "<script>alert" not in text and "\u202e" not in text,
              "the page shows the nickname escaped")
        st, s = mallory.vote(1, "A")
        t = server.tally(1)
        check(t["A"] == 1 and t["B"] == 1 and t["total"] == 2,
              "mallory's vote counts once (A=1, B=1)")

        # the held-open slow connections
        slow = []
        refused = 0
        for i in range(300):
            src = "127.0.2.%d" % (1 + i % 20)  # 15 from each of 20 addresses
            try:
                slow.append(raw(port, b"GET / HTTP/1.1\r\nHo", source=src,
                                read=False))
            except OSError:
                refused += 1
        time.sleep(0.3)
        st, s = alice.state()
        check(st == 200 and s["vote"] == "B",
              "a phone is served while 300 slow connections are open "
              "(%d refused at once)" % refused)
        bob = Phone(server, "127.0.1.8")
        st, s = bob.join(server.code, "Bob")
        st2, s2 = bob.vote(1, "C")
        check(st == 200 and st2 == 200,
              "a phone joins and votes while they are open")
        # drip a byte a second: the request deadline (2 s here) ends them
        t0 = time.monotonic()
        open_ = list(slow)
        while open_ and time.monotonic() - t0 < 10:
            still = []
            for sock in open_:
                try:
                    sock.sendall(b"s")
                    sock.settimeout(0.01)
                    try:
                        if sock.recv(1024) == b"":
                            sock.close()
                            continue
                    except socket.timeout:
                        pass
                    still.append(sock)
                except OSError:
                    sock.close()
            open_ = still
            time.sleep(0.5)
        secs = time.monotonic() - t0
        for sock in open_:
            sock.close()
        check(not open_, "300 slow-drip connections closed by the server "
              "within %.1f s (%d left open)" % (secs, len(open_)))
        # one address may hold at most 16
        held, closed_at_once = [], 0
        for i in range(40):
            sock = raw(port, b"GET / HTTP/1.1\r\n", source="127.0.2.99",
                       read=False)
            held.append(sock)
        time.sleep(0.5)
        for sock in held:
            sock.settimeout(0.2)
            try:
                if sock.recv(16) == b"":
                    closed_at_once += 1
            except ConnectionResetError:
                closed_at_once += 1
            except socket.timeout:
                pass
            sock.close()
        check(closed_at_once >= 24,
              "40 connections from one address: %d refused (limit 16)"
              % closed_at_once)
        t = server.tally(1)
        check(t == {"A": 1, "B": 1, "C": 1, "D": 0, "E": 0, "F": 0,
                    "total": 3}, "count intact after it all: %r" % t)
        c = server.counts()
        check(c["devices"] == 3, "3 devices joined (%d)" % c["devices"])

        # closing: no more votes
        server.cmd("close")
        st, s = alice.vote(1, "A")
        check(st == 409 and s.get("error") == "closed",
              "a vote after the close: 409 closed")
        check(server.tally(1)["total"] == 3, "the closed ballot keeps 3")
    finally:
        server.stop()

    # the room is full
    small = Server(binary, work, "--max-devices", "3")
    try:
        phones = [Phone(small, "127.0.3.%d" % (i + 1)) for i in range(4)]
        got = [p.join(small.code) for p in phones]
        check([g[0] for g in got[:3]] == [200, 200, 200] and
              got[3][0] == 503 and got[3][1].get("error") == "full",
              "the device cap (3 here): the 4th phone gets 503 full")
    finally:
        small.stop()


# --------------------------------------------------------------------------
# load

def load(binary, work, *_game, phones=200, turns=7):
    """The whole class, then teams mode (four teams, every phone's votes
    counted once for its own team)."""
    load_run(binary, work, phones, turns, None)
    load_run(binary, work, phones, turns, ["North", "East", "South", "West"])


def load_run(binary, work, phones, turns, teams):
    journal = os.path.join(work, "load.phones")
    if os.path.exists(journal):
        os.remove(journal)
    server = Server(binary, work, *(["--teams", ",".join(teams)] if teams
                                    else []), journal=journal)
    if teams:
        print("load: teams mode, %s" % ", ".join(teams))
    letters = "ABCD"
    final = {}        # (phone, ballot) -> letter
    accepted = [0]    # acknowledged vote events (first votes and changes)
    errors = []
    lock = threading.Lock()
    done = threading.Semaphore(0)
    stop = threading.Event()

    def phone(n):
        p = Phone(server, "127.0.1.%d" % (n + 1), timeout=40)
        rng = random.Random(n)
        try:
            for path in ("/", "/app.js", "/app.css"):
                st, _, _ = p.request("GET", path)
                if st != 200:
                    raise RuntimeError("GET %s: %d" % (path, st))
            st, s = p.join(server.code,
                           team=str(n % len(teams)) if teams else None)
            if st != 200 or (teams and s.get("team") != teams[n % len(teams)]):
                raise RuntimeError("join: %d %r" % (st, s))
            voted = 0
            while not stop.is_set() and voted < turns:
                st, s = p.state(wait=True)
                if st != 200:
                    raise RuntimeError("state: %d" % st)
                if s["state"] != "open" or s["ballot"] <= voted:
                    continue
                ballot = s["ballot"]
                choice = rng.choice(letters[:len(s["options"])])
                st, r = p.vote(ballot, choice)
                if st != 200 or r["vote"] != choice or not r["saved"]:
                    raise RuntimeError("vote: %d %r" % (st, r))
                n_votes = 1
                if rng.random() < 0.3:  # changes its mind
                    other = rng.choice([x for x in letters if x != choice])
                    st, r = p.vote(ballot, other)
                    if st != 200 or r["vote"] != other:
                        raise RuntimeError("change: %d %r" % (st, r))
                    choice = other
                    n_votes += 1
                with lock:
                    final[(n, ballot)] = choice
                    accepted[0] += n_votes
                voted = ballot
                done.release()
        except Exception as e:  # reported below
            with lock:
                errors.append("phone %d: %s" % (n, e))
            done.release()
        finally:
            p.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=phone, args=(n,), daemon=True)
               for n in range(phones)]
    for t in threads:
        t.start()
    # wait for everyone to join
    deadline = time.monotonic() + 60
    while server.counts()["devices"] < phones and time.monotonic() < deadline:
        time.sleep(0.1)
    check(server.counts()["devices"] == phones,
          "%d phones joined" % phones)
    turn_times = []
    for ballot in range(1, turns + 1):
        t1 = time.monotonic()
        server.cmd("open %d Option one|Option two|Option three|Option four"
                   % ballot)
        got = 0
        while got < phones:
            if not done.acquire(timeout=60):
                break
            got += 1
        server.cmd("close")
        tally = server.tally(ballot)
        with lock:
            want = {x: 0 for x in "ABCDEF"}
            for (n, b), letter in final.items():
                if b == ballot:
                    want[letter] += 1
        want["total"] = sum(want.values())
        turn_times.append(time.monotonic() - t1)
        check(tally == want and want["total"] == phones,
              "turn %d: %d votes counted exactly once, %s (%.2f s)"
              % (ballot, tally["total"],
                 " ".join("%s=%d" % (k, tally[k]) for k in "ABCD"),
                 turn_times[-1]))
        for t, name in enumerate(teams or []):
            with lock:
                want_t = {x: 0 for x in "ABCDEF"}
                for (n, b), letter in final.items():
                    if b == ballot and n % len(teams) == t:
                        want_t[letter] += 1
            want_t["total"] = sum(want_t.values())
            got_t = server.tally(ballot, t)
            check(got_t == want_t,
                  "turn %d: team %s's %d votes counted exactly once for it"
                  % (ballot, name, got_t["total"]))
        server.cmd("wait")
    stop.set()
    server.cmd("end")
    for t in threads:
        t.join(timeout=30)
    total = time.monotonic() - t0
    for e in errors[:10]:
        print("phone error: " + e)
    check(not errors, "no phone saw an error (%d did)" % len(errors))
    c = server.counts()
    server.stop()
    with open(journal) as f:
        lines = [json.loads(x) for x in f.read().splitlines()]
    votes = sum(1 for x in lines if "vote" in x)
    joins = sum(1 for x in lines if "join" in x)
    check(joins == phones, "the journal has %d joins" % joins)
    check(votes == accepted[0],
          "the journal has every acknowledged vote exactly once (%d votes, "
          "%d of them changes)" % (votes, votes - phones * turns))
    print("load: %d phones, %d turns, %d votes in %.1f s; slowest turn "
          "%.2f s; %d requests refused"
          % (phones, turns, votes, total, max(turn_times), c["refused"]))
    check(total < 240, "the load test finished in %.0f s (bound 240 s)"
          % total)


# --------------------------------------------------------------------------
# kill and resume

def resume(binary, work, *_game):
    journal = os.path.join(work, "resume.phones")
    if os.path.exists(journal):
        os.remove(journal)
    options = "open 1 Apologise|Explain the bill|Transfer|Ask a question"
    server = Server(binary, work, "--ack-ms", "1000", journal=journal)
    code = server.code
    server.cmd(options)
    phones = [Phone(server, "127.0.4.%d" % (i + 1)) for i in range(25)]
    acked = {}
    for i, p in enumerate(phones):
        st, s = p.join(code)
        if st != 200:
            check(False, "phone %d joins (%d)" % (i, st))
    for i, p in enumerate(phones[:20]):
        letter = "ABCD"[i % 4]
        st, s = p.vote(1, letter)
        if i % 3 == 0:  # changes its mind
            letter = "ABCD"[(i + 1) % 4]
            st, s = p.vote(1, letter)
        if st == 200 and s["saved"]:
            acked[i] = letter
    check(len(acked) == 20, "20 votes acknowledged before the kill")
    # the game stops saving: these votes are sent but never acknowledged
    server.cmd("hold")
    unacked = 0
    for p in phones[20:]:
        st, s = p.vote(1, "D")
        if st == 202 and not s["saved"]:
            unacked += 1
    check(unacked == 5, "5 votes sent while the game does not save: 202, "
          "'saved': false (%d)" % unacked)
    server.kill()  # SIGKILL
    server = Server(binary, work, "--ack-ms", "1000", journal=journal)
    try:
        check(server.code == code, "the resumed server keeps the join code")
        server.cmd(options)  # the game reopens the same ballot
        want = {x: 0 for x in "ABCDEF"}
        for letter in acked.values():
            want[letter] += 1
        want["total"] = 20
        t = server.tally(1)
        check(t == want, "after SIGKILL and resume every acknowledged vote "
              "is kept, and only those: %r" % t)
        check(server.counts()["devices"] == 25, "25 devices restored")
        for p in phones:
            p.server = server
            p.close()
        st, s = phones[0].state()
        check(st == 200 and s["joined"] and s["vote"] == acked[0] and
              s["saved"], "a phone's cookie still works; it sees its vote")
        other = "ABCD"[("ABCD".index(acked[0]) + 1) % 4]
        st, s = phones[0].vote(1, other)
        t = server.tally(1)
        check(st == 200 and t["total"] == 20,
              "a restored device changing its vote still counts once")
        for p in phones[20:]:
            p.vote(1, "D")
        t = server.tally(1)
        check(t["total"] == 25,
              "the 5 phones whose votes were lost vote again: 25 in all")
    finally:
        server.stop()


# --------------------------------------------------------------------------
# the game: rapport class --phones, killed and resumed

def class_resume(binary, work, rapport, scenario):
    results = os.path.join(work, "results")
    shutil.rmtree(results, ignore_errors=True)
    game = Game(rapport, results, scenario)
    game.send("next")  # the options: the ballot opens on the phones
    game.send("phones-wait 100 600")  # the game takes votes in meanwhile
    phones = [Phone(game, "127.0.5.%d" % (i + 1)) for i in range(10)]
    for p in phones:
        p.join(game.code)
    finals = {}
    plan = ["A", "A", "B", "A", "B", "C", "A", "B"]
    for i, letter in enumerate(plan):
        st, s = phones[i].vote(1, letter)
        if i == 2:  # changes its mind
            st, s = phones[i].vote(1, "A")
            letter = "A"
        if st == 200 and s["saved"]:
            finals[i] = letter
    check(len(finals) == len(plan), "%d phone votes acknowledged by the game"
          % len(finals))
    game.kill()  # SIGKILL in the middle of the vote
    journals = os.listdir(os.path.join(results, "in-progress"))
    check(any(j.endswith(".phones") for j in journals),
          "the phones journal is beside the class journal (%r)" % journals)
    game = Game(rapport, results, resume=True)
    check(game.code == phones[0].server.code,
          "the resumed session keeps its join code")
    for p in phones:
        p.server = game
        p.close()
    st, s = phones[0].state()
    check(st == 200 and s["joined"] and s["vote"] == finals[0],
          "a phone is still joined after the resume and sees its vote")
    # one more vote after the resume, and a change that must not count twice
    game.send("phones-wait %d 60" % (len(finals) + 1))
    st2, s2 = phones[1].vote(1, "C")  # a change: the count stays
    finals[1] = "C"
    st, s = phones[8].vote(1, "C")  # the last vote the game waits for
    finals[8] = "C"
    check(st == 200 and st2 == 200, "phones vote after the resume")
    want = {x: 0 for x in "ABCD"}
    for letter in finals.values():
        want[letter] += 1
    out, rc = game.finish("close\nplay\n" + REST_OF_CALL)
    line = next((x for x in out.splitlines() if x.strip().startswith(
        "Votes:")), "")
    expect = ", ".join("%s %d" % (k, want[k]) for k in "ABCD")
    check(rc == 0, "the resumed class session ends in its debrief (exit %d)"
          % rc)
    check(line.strip().startswith("Votes: " + expect),
          "the class debrief's first turn has exactly the acknowledged "
          "votes: %r (want %r)" % (line.strip(), expect))
    left = os.listdir(os.path.join(results, "in-progress"))
    check(left == [], "no journal is left once the result is saved (%r)"
          % left)


# --------------------------------------------------------------------------
# teams

# A forged team: every one is answered 400 bad_team and joins nobody.
FORGED_TEAMS = ["2", "7", "-1", "01", "1x", "", " 1", "99", "1e0",
                "0x1", "\u0661"]


def forged_teams(phone, code, what):
    bad = []
    for team in FORGED_TEAMS + [None]:
        st, s = phone.join(code, team=team)
        if st != 400 or s.get("error") != "bad_team":
            bad.append((team, st, s.get("error")))
    check(not bad and phone.cookie is None,
          "%s: a join without a team or with a forged team index (%d "
          "kinds) is refused 400 bad_team, with no cookie (%r)"
          % (what, len(FORGED_TEAMS) + 1, bad))


def teams(binary, work, *_game):
    journal = os.path.join(work, "teams.phones")
    if os.path.exists(journal):
        os.remove(journal)
    server = Server(binary, work, "--teams", "Red,Blue <b>", "--ack-ms",
                    "1000", journal=journal)
    code = server.code
    try:
        server.cmd("open 1 Apologise|Explain the bill|Transfer")
        probe = Phone(server, "127.0.6.99")
        st, s = probe.state()
        check(st == 200 and s.get("teams") == ["Red", "Blue <b>"],
              "the state lists the teams for the join form (%r)"
              % s.get("teams"))
        st, page, _ = probe.request("GET", "/")
        text = page.decode("utf-8")
        check('name="team"' in text and "Blue &lt;b&gt;" in text and
              "Blue <b>" not in text,
              "the join page offers the teams as radio buttons, escaped")
        forged_teams(probe, code, "the server")
        check(server.counts()["devices"] == 0, "no device joined by them")
        # four phones: 0, 1 in Red; 2, 3 in Blue
        phones = [Phone(server, "127.0.6.%d" % (i + 1)) for i in range(4)]
        for i, p in enumerate(phones):
            st, s = p.join(code, team=str(i // 2))
            check(st == 200 and s.get("team") == ["Red", "Blue <b>"][i // 2],
                  "phone %d joins team %d" % (i, i // 2))
        # joining again asks for the other team: the device keeps its own
        st, s = phones[0].join(code, team="1")
        check(st == 200 and s.get("team") == "Red",
              "a joined phone keeps its team when it joins again")
        for p, letter in zip(phones, "ABCC"):
            p.vote(1, letter)
        st, s = phones[2].vote(1, "A")  # Blue changes its mind
        check(st == 200 and s["saved"], "a change of vote in a team")
        red, blue = server.tally(1, 0), server.tally(1, 1)
        check(red["A"] == 1 and red["B"] == 1 and red["total"] == 2 and
              blue["A"] == 1 and blue["C"] == 1 and blue["total"] == 2,
              "votes counted per team: Red A=1 B=1, Blue A=1 C=1")
        forged_teams(Phone(server, "127.0.6.98"), code, "after votes")
        server.cmd("hold")
        st, s = phones[1].vote(1, "C")  # not acknowledged: may be lost
        server.kill()
    finally:
        server.stop()
    server = Server(binary, work, "--teams", "Red,Blue <b>", journal=journal)
    try:
        for p in phones:
            p.server = server
            p.close()
        st, s = phones[3].state()
        check(st == 200 and s["joined"] and s.get("team") == "Blue <b>",
              "after the kill a phone is still in its team")
        server.cmd("open 1 Apologise|Explain the bill|Transfer")
        red, blue = server.tally(1, 0), server.tally(1, 1)
        check(red["A"] == 1 and blue["A"] == 1 and blue["C"] == 1 and
              blue["total"] == 2 and red["total"] == 2,
              "the acknowledged votes per team survive the kill (Red %r, "
              "Blue %r)" % (red, blue))
        st, s = phones[3].vote(1, "B")
        blue = server.tally(1, 1)
        check(blue["B"] == 1 and blue["C"] == 0 and blue["total"] == 2,
              "a change after the resume counts once, for its team")
    finally:
        server.stop()


TEAMS_REST = "\n".join(["next", "next", "hands A 1 Red", "hands A 1 Blue",
                        "close", "play"] * 14)


def class_teams(binary, work, rapport, scenario):
    results = os.path.join(work, "results")
    shutil.rmtree(results, ignore_errors=True)
    game = Game(rapport, results, scenario, teams="Red,Blue")
    game.send("next")  # the options: the ballot opens on the phones
    game.send("phones-wait 100 600")
    probe = Phone(game, "127.0.7.99")
    st, s = probe.state()
    check(s.get("teams") == ["Red", "Blue"],
          "the game serves its teams to the phones (%r)" % s.get("teams"))
    forged_teams(probe, game.code, "the game")
    # Red: phones 0-2; Blue: phones 3-5
    phones = [Phone(game, "127.0.7.%d" % (i + 1)) for i in range(6)]
    for i, p in enumerate(phones):
        st, s = p.join(game.code, team=str(i // 3))
        check(st == 200 and s.get("team") == ("Red", "Blue")[i // 3],
              "phone %d joins %s" % (i, ("Red", "Blue")[i // 3]))
    finals = {}
    for i, letter in enumerate("ABACCA"):
        st, s = phones[i].vote(1, letter)
        if st == 200 and s["saved"]:
            finals[i] = letter
    check(len(finals) == 6, "six phone votes acknowledged by the game")
    game.kill()  # SIGKILL in the middle of the vote
    game = Game(rapport, results, resume=True)
    for p in phones:
        p.server = game
        p.close()
    st, s = phones[4].state()
    check(st == 200 and s.get("team") == "Blue" and s["vote"] == "C",
          "after the resume a phone keeps its team and its vote")
    game.send("phones-wait 6 60")
    st1, _ = phones[1].vote(1, "A")  # Red: B -> A
    st2, _ = phones[5].vote(1, "C")  # Blue: A -> C
    finals[1], finals[5] = "A", "C"
    check(st1 == 200 and st2 == 200, "phones change their votes after the "
          "resume")
    want = {team: {x: 0 for x in "ABCD"} for team in ("Red", "Blue")}
    for i, letter in finals.items():
        want[("Red", "Blue")[i // 3]][letter] += 1
    # Red chose A, Blue chose C: the teams are split; the facilitator
    # picks A
    out, rc = game.finish("close\npick A\nplay\n" + TEAMS_REST)
    check(rc == 0, "the resumed teams session ends in its debrief (exit %d)"
          % rc)
    lines = [x.strip() for x in out.splitlines()]
    first = lines.index(next(x for x in lines if x.startswith(
        "Teams per option:"))) if any(x.startswith("Teams per option:")
                                      for x in lines) else -1
    check(first >= 0 and lines[first + 1] == "Red chose A" and
          lines[first + 2] == "Blue chose C",
          "the class debrief's first turn: Red chose A, Blue chose C (%r)"
          % lines[first:first + 3])
    saved = []
    for root, _, files in os.walk(results):
        saved += [os.path.join(root, f) for f in files
                  if f.endswith(".json")]
    turn = None
    for path in saved:
        with open(path) as f:
            try:
                doc = json.load(f)
            except ValueError:
                continue
        turns = doc.get("turns") if isinstance(doc, dict) else None
        if turns:
            turn = turns[0]
    got = None
    if turn:
        got = {team: {o["option"]: o.get("teams", {}).get(team)
                      for o in turn["options"]} for team in ("Red", "Blue")}
        phones_col = {o["option"]: o.get("phones") for o in turn["options"]}
    expect = {team: {k: v for k, v in want[team].items()
                     if got and k in got[team]} for team in want}
    check(got == expect,
          "the saved class result's first turn has exactly the phones' "
          "votes per team: %r (want %r)" % (got, expect))
    if got:
        check(all(phones_col[k] == expect["Red"][k] + expect["Blue"][k]
                  for k in phones_col),
              "and they are phone votes (%r)" % phones_col)
    left = os.listdir(os.path.join(results, "in-progress"))
    check(left == [], "no journal is left once the result is saved (%r)"
          % left)


# --------------------------------------------------------------------------
# browser

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage"]


def browser(binary, work, rapport=None, scenario=None):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.common.exceptions import StaleElementReferenceException
    except ImportError:
        print("skipped: python3-selenium is not installed")
        return 77
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_bin = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not chromium or not os.path.exists(driver_bin):
        print("skipped: chromium and chromium-driver are not installed")
        return 77
    shots = os.path.join(work, "shots")
    os.makedirs(shots, exist_ok=True)
    drivers = []

    def start(name, javascript=True):
        opts = webdriver.ChromeOptions()
        opts.binary_location = chromium
        for flag in CHROME_FLAGS:
            opts.add_argument(flag)
        profile = os.path.join(work, "profile-" + name)
        shutil.rmtree(profile, ignore_errors=True)
        opts.add_argument("--user-data-dir=" + profile)
        opts.add_argument("--window-size=360,740")
        if not javascript:
            opts.add_experimental_option(
                "prefs",
                {"profile.managed_default_content_settings.javascript": 2})
        d = webdriver.Chrome(service=Service(driver_bin), options=opts)
        d.set_page_load_timeout(30)
        phone_size(d, 360, 740, 2)
        drivers.append(d)
        return d

    def phone_size(d, width, height, scale):
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": scale,
            "mobile": True})

    def wait_text(d, css, pattern, timeout=30):
        def found(_):
            try:
                for e in d.find_elements(By.CSS_SELECTOR, css):
                    if re.search(pattern, e.text):
                        return e
            except StaleElementReferenceException:
                pass  # the page was redrawn while it was read: read again
            return False
        try:
            return WebDriverWait(d, timeout).until(found)
        except Exception:
            try:
                print("  gave up after %d s on %s /%s/; the page shows: %r; "
                      "the elements: %r"
                      % (timeout, css, pattern, d.execute_script(
                          "return document.body.innerText"),
                         [e.text for e in
                          d.find_elements(By.CSS_SELECTOR, css)]))
            except Exception:
                pass
            return None

    def shot(d, name):
        path = os.path.join(shots, name + ".png")
        d.save_screenshot(path)
        print("screenshot: " + path)

    def no_overflow(d):
        return d.execute_script(
            "return document.documentElement.scrollWidth <= "
            "document.documentElement.clientWidth + 1")

    # The browsers all come from 127.0.0.1, where a room's phones each have
    # an address of their own: that one address gets the room's share of
    # connections and requests.
    shared = ("--per-ip", "200", "--rate", "100", "--debug")
    server = Server(binary, work, "--nicknames", "--title",
                    "Billing error (practice)", *shared)
    base = server.url.split("?")[0]
    try:
        # three phones: two with JavaScript, one without
        one = start("one")
        one.get(server.url)  # the QR code's URL: the code is filled in
        check(one.find_element(By.ID, "code").get_attribute("value") ==
              server.code, "the QR code's URL fills in the join code")
        one.find_element(By.ID, "nick").send_keys("Table 4")
        shot(one, "01-join")
        one.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(one, "#status", "Waiting for the next question")
              is not None, "phone 1 joins and sees the waiting screen")
        check(one.current_url.rstrip("/") == base.rstrip("/") or
              "code=" in one.current_url,
              "joined in the background (no page load)")
        shot(one, "02-waiting")
        two = start("two")
        two.get(base)
        two.find_element(By.ID, "code").send_keys(server.code)
        two.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(two, "#status", "Waiting") is not None,
              "phone 2 joins with the code typed in")
        three = start("nojs", javascript=False)
        three.get(base)
        three.find_element(By.ID, "code").send_keys(server.code)
        three.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(three, "#status", "Waiting") is not None,
              "phone 3 (no JavaScript) joins by a plain form post")
        check(server.counts()["devices"] == 3, "3 devices joined")
        # a wrong code is told on the page
        four = start("four")
        four.get(base)
        four.find_element(By.ID, "code").send_keys(
            "%06d" % ((int(server.code) + 7) % 1000000))
        four.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(four, ".notice", "not right") is not None,
              "a wrong code is refused on the page")
        shot(four, "03-wrong-code")
        four.quit()
        drivers.remove(four)

        server.cmd("open 1 I understand how frustrating a double charge is. "
                   "Let me look at the bill with you now.|"
                   "Charges like this are usually correct.|"
                   "I will transfer you to billing.")
        check(wait_text(one, "button.option", "double charge") is not None,
              "phone 1 sees the options without reloading")
        check(wait_text(two, "button.option", "double charge") is not None,
              "phone 2 sees the options without reloading")
        shot(two, "04-options")
        one.find_elements(By.CSS_SELECTOR, "button.option")[1].click()
        check(wait_text(one, "#status", r"Vote received: B\.") is not None,
              "phone 1 votes B: 'Vote received: B.'")
        shot(one, "05-vote-received")
        two.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
        check(wait_text(two, "#status", r"Vote received: A\.") is not None,
              "phone 2 votes A")
        two.find_elements(By.CSS_SELECTOR, "button.option")[2].click()
        check(wait_text(two, "#status", r"Vote received: C\.") is not None,
              "phone 2 changes its vote to C")
        pressed = [b.get_attribute("aria-pressed") for b in
                   two.find_elements(By.CSS_SELECTOR, "button.option")]
        check(pressed == ["false", "false", "true"],
              "only the chosen option is pressed (%r)" % pressed)
        shot(two, "06-vote-changed")
        # the no-JS phone refreshes itself, then votes by form post
        check(wait_text(three, "button.option", "double charge", 15)
              is not None, "phone 3 (no JS) sees the options after its "
              "refresh")
        three.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
        check(wait_text(three, "#status", r"Vote received: A\.") is not None,
              "phone 3 (no JS) votes A by form post")
        shot(three, "07-nojs-voted")
        tally = server.tally(1)
        check(tally["A"] == 1 and tally["B"] == 1 and tally["C"] == 1 and
              tally["total"] == 3,
              "the game counts exactly those votes: A=1 B=1 C=1 (%r)" % tally)
        # accessibility: names of the buttons, the live status
        tree = one.execute_cdp_cmd("Accessibility.getFullAXTree", {})
        names = [n.get("name", {}).get("value", "") for n in tree["nodes"]
                 if n.get("role", {}).get("value") == "button"]
        check(any(n.startswith("Option A:") and "double charge" in n
                  for n in names),
              "a screen reader hears 'Option A: ...' (%r)" % names[:1])
        check(any(n.get("role", {}).get("value") == "status"
                  for n in tree["nodes"]),
              "the vote's status is a live status region")
        # the vote closes; then the waiting screen
        server.cmd("close")
        check(wait_text(one, "#status", r"closed\. Your vote: B") is not None,
              "phone 1 sees the vote closed with its vote")
        shot(one, "08-closed")
        server.cmd("wait")
        check(wait_text(one, "#status", "Waiting for the next question")
              is not None, "phone 1 shows the waiting screen")
        check(wait_text(two, "#status", "Waiting for the next question")
              is not None, "phone 2 shows the waiting screen")
        # 200% zoom: 180 CSS pixels wide
        server.cmd("open 2 Ask which charge is wrong and read it back.|"
                   "Refund it at once without checking.|"
                   "Say the system never makes mistakes.")
        wait_text(one, "button.option", "read it back")
        phone_size(one, 180, 370, 4)
        time.sleep(0.5)
        check(no_overflow(one), "at 200% zoom nothing is cut off sideways")
        widths = one.execute_script(
            "return Array.from(document.querySelectorAll('button.option'))"
            ".map(b => b.getBoundingClientRect().right <= "
            "document.documentElement.clientWidth + 1)")
        check(all(widths), "at 200% zoom every option fits the width")
        shot(one, "09-zoom-200")
        phone_size(one, 360, 740, 2)
        check(no_overflow(one), "at 360x740 nothing is cut off sideways")
        server.cmd("end")
        check(wait_text(two, "#status", "session is over") is not None,
              "the end of the session reaches the phones")
        print("server: %r" % server.counts())
    finally:
        server.stop()

    # right to left: an Arabic scenario
    server = Server(binary, work, "--lang", "ar", "--dir", "rtl", "--title",
                    "مطالبة التأمين", *shared)
    try:
        one = drivers[0]
        one.delete_all_cookies()
        one.get(server.url)
        one.find_element(By.CSS_SELECTOR, "button.primary").click()
        server.cmd("open 1 أفهم أن هذا مزعج، دعني أتحقق من المطالبة الآن.|"
                   "هذه هي السياسة ولا يمكنني فعل شيء.|"
                   "سأحولك إلى قسم آخر.")
        check(wait_text(one, "button.option", "أفهم") is not None,
              "the Arabic options reach the phone")
        html = one.find_element(By.TAG_NAME, "html")
        check(html.get_attribute("lang") == "en" and
              html.get_attribute("dir") == "ltr",
              "the page's own words stay in the interface's language "
              "(English here: lang=en dir=ltr)")
        text = one.find_element(By.CSS_SELECTOR, "button.option .text")
        check(text.get_attribute("lang") == "ar",
              "the options carry the scenario's lang=ar")
        direction = one.execute_script(
            "return getComputedStyle(document.querySelector("
            "'button.option .text')).direction")
        check(direction == "rtl", "the options read right to left")
        one.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
        wait_text(one, "#status", r"Vote received: A\.")
        check(no_overflow(one), "the RTL page fits 360 pixels")
        shot(one, "10-rtl")
        check(server.tally(1)["A"] == 1, "the RTL vote is counted")
    except BaseException:
        for d in drivers:
            try:
                d.quit()
            except Exception:
                pass
        raise
    finally:
        server.stop()

    # the facilitator's interface in Arabic (the game's catalogue), an
    # English scenario: the page's words in Arabic, right to left, the
    # scenario's texts in English, left to right
    # the build's catalogues: <build>/locale, beside the test server or
    # one folder up
    here = os.path.dirname(os.path.abspath(binary))
    locale_dir = next((d for d in (os.path.join(here, "locale"),
                                   os.path.join(os.path.dirname(here),
                                                "locale"))
                       if os.path.isdir(d)), os.path.join(here, "locale"))
    check(os.path.exists(os.path.join(locale_dir, "ar", "LC_MESSAGES",
                                      "rapport.mo")),
          "the Arabic catalogue is built in " + locale_dir)
    server = Server(binary, work, "--ui-lang", "ar", "--locale-dir",
                    locale_dir, "--nicknames", "--title",
                    "Billing error (practice)", *shared)
    try:
        one = drivers[0]
        one.delete_all_cookies()
        one.get(server.url)
        html = one.find_element(By.TAG_NAME, "html")
        check(html.get_attribute("lang") == "ar" and
              html.get_attribute("dir") == "rtl",
              "an Arabic interface gives the page lang=ar dir=rtl")
        check(one.find_element(By.CSS_SELECTOR, "button.primary").text ==
              "انضمّ", "the join button reads انضمّ (Join)")
        check(one.find_element(By.CSS_SELECTOR, "label[for=code]").text ==
              "رمز الانضمام", "the code's label reads رمز الانضمام")
        title = one.find_element(By.TAG_NAME, "h1")
        check(title.get_attribute("lang") == "en" and
              one.execute_script("return getComputedStyle(document."
                                 "querySelector('h1')).direction") == "ltr",
              "the scenario's English title keeps lang=en, left to right")
        check(no_overflow(one), "the Arabic join page fits 360 pixels")
        one.find_element(By.ID, "nick").send_keys("Table 4")
        shot(one, "ar-01-join")
        one.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(one, "#status", "في انتظار السؤال التالي")
              is not None, "joined: the waiting screen in Arabic")
        check(wait_text(one, "footer", "انضممت باسم Table 4") is not None,
              "the footer reads انضممت باسم Table 4 (Joined as)")
        shot(one, "ar-02-waiting")
        # the server's errors in Arabic, with and without JavaScript
        two = start("ar-two")
        two.get(server.url.split("?")[0])
        two.find_element(By.ID, "code").send_keys(
            "%06d" % ((int(server.code) + 7) % 1000000))
        two.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(two, ".notice", "رمز الانضمام غير صحيح") is not None,
              "a wrong code is refused in Arabic (app.js, JSON message)")
        shot(two, "ar-03-wrong-code")
        nojs = start("ar-nojs", javascript=False)
        nojs.get(server.url.split("?")[0])
        nojs.find_element(By.ID, "code").send_keys(server.code)
        nojs.find_element(By.CSS_SELECTOR, "button.primary").click()
        check(wait_text(nojs, "#status", "في انتظار السؤال التالي")
              is not None, "without JavaScript: joined by a form post, "
              "the waiting screen in Arabic")
        server.cmd("open 1 I understand how frustrating a double charge is. "
                   "Let me look at the bill with you now.|"
                   "Charges like this are usually correct.|"
                   "I will transfer you to billing.")
        check(wait_text(one, "button.option", "double charge") is not None,
              "the English options reach the Arabic page")
        check(wait_text(one, "legend", "السؤال 1: اختر إجابة واحدة")
              is not None, "the question's legend is in Arabic")
        text = one.find_element(By.CSS_SELECTOR, "button.option .text")
        check(text.get_attribute("lang") == "en" and
              one.execute_script(
                  "return getComputedStyle(document.querySelector("
                  "'button.option .text')).direction") == "ltr",
              "the options keep the scenario's lang=en, left to right")
        one.find_elements(By.CSS_SELECTOR, "button.option")[1].click()
        check(wait_text(one, "#status", "وصل صوتك: B") is not None,
              "the vote is acknowledged in Arabic (وصل صوتك: B)")
        tree = one.execute_cdp_cmd("Accessibility.getFullAXTree", {})
        names = [n.get("name", {}).get("value", "") for n in tree["nodes"]
                 if n.get("role", {}).get("value") == "button"]
        check(any(n.startswith("الخيار A:") for n in names),
              "a screen reader hears 'الخيار A: ...' (%r)" % names[:1])
        check(no_overflow(one), "the Arabic vote page fits 360 pixels")
        shot(one, "ar-04-vote")
        check(wait_text(nojs, "button.option", "double charge", 15)
              is not None, "without JavaScript the options come after "
              "the refresh")
        nojs.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
        check(wait_text(nojs, "#status", "وصل صوتك: A") is not None,
              "without JavaScript the vote is acknowledged in Arabic")
        shot(nojs, "ar-05-nojs-voted")
        phone_size(one, 180, 370, 4)
        time.sleep(0.5)
        check(no_overflow(one), "Arabic at 200% zoom: nothing cut off")
        shot(one, "ar-06-zoom-200")
        phone_size(one, 360, 740, 2)
        tally = server.tally(1)
        check(tally["A"] == 1 and tally["B"] == 1 and tally["total"] == 2,
              "the Arabic page's votes are counted: A=1 B=1 (%r)" % tally)
        server.cmd("end")
        check(wait_text(one, "#status", "انتهت الجلسة") is not None,
              "the end of the session in Arabic")
    finally:
        server.stop()
        for d in drivers:
            try:
                d.quit()
            except Exception:
                pass
    drivers.clear()
    if rapport:
        try:
            game_language(rapport, scenario, work)
            browser_class(rapport, scenario, work, start, wait_text, shot, By)
            for d in drivers:
                d.quit()
            drivers.clear()
            browser_teams(rapport, scenario, work, start, wait_text, shot, By,
                          no_overflow)
        finally:
            for d in drivers:
                try:
                    d.quit()
                except Exception:
                    pass
    return 0


def game_language(rapport, scenario, work):
    """The real game in Spanish (rapport --lang es class --phones): the
    phones' page and its errors are in Spanish, the scenario's words in
    its own language."""
    results = os.path.join(work, "lang-results")
    shutil.rmtree(results, ignore_errors=True)
    game = Game(rapport, results, scenario, lang="es")
    try:
        phone = Phone(game, "127.0.0.1")
        status, page, _ = phone.request("GET", "/")
        page = page.decode("utf-8")
        check(status == 200 and '<html lang="es" dir="ltr">' in page,
              "rapport --lang es: the phone page is lang=es dir=ltr")
        check("Código para unirse" in page and
              'data-w-received="Voto recibido: %s."' in page,
              "rapport --lang es: the page's words and app.js's are "
              "Spanish")
        check(re.search(r'<h1 lang="en" dir="auto">', page) is not None,
              "rapport --lang es: the English scenario's title keeps "
              "lang=en")
        status, body = phone.join("%06d" % ((int(game.code) + 7) % 1000000))
        check(status == 403 and body.get("error") == "bad_code" and
              body.get("message") ==
              "Ese código no es correcto. Míralo en la pantalla.",
              "rapport --lang es: a wrong code's message is Spanish (%r)"
              % body)
        phone.close()
    finally:
        game.kill()


def browser_class(rapport, scenario, work, start, wait_text, shot, By):
    """The real game: browsers vote in rapport class --phones; its class
    debrief shows exactly those votes."""
    results = os.path.join(work, "class-results")
    shutil.rmtree(results, ignore_errors=True)
    game = Game(rapport, results, scenario)
    base = game.url.split("?")[0]
    one, two, three = start("c1"), start("c2"), start("c3", javascript=False)
    one.get(game.url)
    one.find_element(By.CSS_SELECTOR, "button.primary").click()
    two.get(game.url)
    two.find_element(By.CSS_SELECTOR, "button.primary").click()
    three.get(base)
    three.find_element(By.ID, "code").send_keys(game.code)
    three.find_element(By.CSS_SELECTOR, "button.primary").click()
    check(all(wait_text(d, "#status", "Waiting") is not None
              for d in (one, two, three)),
          "three browsers join the game's class session")
    game.send("next")  # the options are shown: the phones may vote
    game.send("phones-wait 3 120")
    check(wait_text(two, "button.option", ".") is not None,
          "the game's options reach the phones")
    two.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
    check(wait_text(two, "#status", r"Vote received: A\.") is not None,
          "phone 2 votes A in the game")
    two.find_elements(By.CSS_SELECTOR, "button.option")[2].click()
    check(wait_text(two, "#status", r"Vote received: C\.") is not None,
          "phone 2 changes its vote to C")
    one.find_elements(By.CSS_SELECTOR, "button.option")[1].click()
    check(wait_text(one, "#status", r"Vote received: B\.") is not None,
          "phone 1 votes B in the game")
    shot(one, "11-class-voted")
    check(wait_text(three, "button.option", ".", 30) is not None,
          "phone 3 (no JS) sees the game's options")
    three.find_elements(By.CSS_SELECTOR, "button.option")[0].click()
    check(wait_text(three, "#status", r"Vote received: A\.") is not None,
          "phone 3 (no JS) votes A in the game")
    # a tie of one vote each: the facilitator picks A
    # (headless, the game stops its server as soon as the script ends)
    out, rc = game.finish("close\npick A\nplay\n" + REST_OF_CALL)
    line = next((x.strip() for x in out.splitlines()
                 if x.strip().startswith("Votes:")), "")
    check(rc == 0 and line.startswith("Votes: A 1, B 1, C 1"),
          "the game's class debrief shows exactly those votes: %r" % line)
    print("class debrief, first turn: " + line)



def saved_turn(results):
    """The first turn of the class result saved in results (or None)."""
    for root, _, files in os.walk(results):
        for f in files:
            if not f.endswith(".json"):
                continue
            try:
                with open(os.path.join(root, f)) as fh:
                    doc = json.load(fh)
            except ValueError:
                continue
            if isinstance(doc, dict) and doc.get("turns"):
                return doc["turns"][0]
    return None


def browser_teams(rapport, scenario, work, start, wait_text, shot, By,
                  no_overflow):
    """Teams mode in the real game: browsers pick their teams on the join
    page (one without JavaScript), vote, and the saved class result has
    exactly those votes per team."""
    results = os.path.join(work, "teams-results")
    shutil.rmtree(results, ignore_errors=True)
    game = Game(rapport, results, scenario, teams="Red,Blue")
    base = game.url.split("?")[0]
    one, two, three = start("t1"), start("t2"), start("t3", javascript=False)
    one.get(game.url)
    radios = one.find_elements(By.CSS_SELECTOR, "input[name=team]")
    check(len(radios) == 2, "the join page offers the class's two teams")
    tree = one.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    names = [n.get("name", {}).get("value", "") for n in tree["nodes"]
             if n.get("role", {}).get("value") == "radio"]
    check(names == ["Red", "Blue"],
          "a screen reader hears each team's name on its radio button (%r)"
          % names)
    big = one.execute_script(
        "return Array.from(document.querySelectorAll('label.team'))"
        ".map(l => l.getBoundingClientRect().height)")
    check(all(h >= 48 for h in big),
          "each team is a big touch target (heights %r CSS px)" % big)
    # without a team the browser asks for one (the radios are required)
    one.find_element(By.CSS_SELECTOR, "button.primary").click()
    time.sleep(0.5)
    check(one.find_elements(By.ID, "join") != [],
          "joining without a team is not sent")
    one.find_elements(By.CSS_SELECTOR, "label.team")[0].click()
    check(no_overflow(one), "the join page with teams fits 360 pixels")
    shot(one, "12-join-teams")
    one.find_element(By.CSS_SELECTOR, "button.primary").click()
    two.get(game.url)
    two.find_elements(By.CSS_SELECTOR, "label.team")[1].click()
    two.find_element(By.CSS_SELECTOR, "button.primary").click()
    three.get(base)
    three.find_element(By.ID, "code").send_keys(game.code)
    three.find_elements(By.CSS_SELECTOR, "label.team")[1].click()
    three.find_element(By.CSS_SELECTOR, "button.primary").click()
    check(all(wait_text(d, "#status", "Waiting") is not None
              for d in (one, two, three)),
          "three browsers join teams (one without JavaScript)")
    check(wait_text(one, "footer", "team Red") is not None and
          wait_text(three, "footer", "team Blue") is not None,
          "each phone shows its team")
    game.send("next")
    game.send("phones-wait 3 120")
    for d, k, letter in ((one, 0, "A"), (two, 2, "C"), (three, 2, "C")):
        check(wait_text(d, "button.option", ".", 30) is not None,
              "the options reach a phone")
        d.find_elements(By.CSS_SELECTOR, "button.option")[k].click()
        check(wait_text(d, "#status", r"Vote received: %s\." % letter)
              is not None, "a phone votes %s" % letter)
    shot(three, "13-teams-nojs-voted")
    out, rc = game.finish("close\npick A\nplay\n" + TEAMS_REST)
    turn = saved_turn(results)
    got = ({o["option"]: (o["teams"]["Red"], o["teams"]["Blue"])
            for o in turn["options"]} if turn else None)
    check(rc == 0 and got and got["A"] == (1, 0) and got["C"] == (0, 2) and
          sum(r + b for r, b in got.values()) == 3,
          "the saved class result has exactly those votes per team: %r"
          % got)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("abuse", "load", "resume",
                                                 "browser", "class_resume",
                                                 "teams", "class_teams"):
        print(__doc__)
        return 2
    part, binary, work = sys.argv[1:4]
    extra = sys.argv[4:]
    os.makedirs(work, exist_ok=True)
    parts = {"abuse": abuse, "load": load, "resume": resume,
             "browser": browser, "class_resume": class_resume,
             "teams": teams, "class_teams": class_teams}
    rc = parts[part](binary, work, *extra)
    if rc == 77:
        return 77
    print("%d failed" % len(FAILURES))
    for f in FAILURES:
        print("FAILED: " + f)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
