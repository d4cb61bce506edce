#!/usr/bin/python3
"""Writes a journal of TURNS replies on SCENARIO (option 1 each time) in
RESULTS/in-progress/, as `rapport run` would have left it: for the long
journal test and the bench (tests/data/loop.xml goes round and round).

Usage: gen_journal.py SCENARIO RESULTS TURNS
"""
import json
import os
import re
import sys
import uuid


def main():
    scenario, results, turns = sys.argv[1], sys.argv[2], int(sys.argv[3])
    scenario = os.path.abspath(scenario)
    with open(scenario, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    # the fingerprint journals record: uuid5 of the bytes in our namespace
    ns = uuid.uuid5(uuid.NAMESPACE_URL, "https://rapport-sim.org/xapi/journal")
    fingerprint = str(uuid.uuid5(ns, text))
    sid = re.search(r'<scenario [^>]*\bid="([^"]*)"', text).group(1)
    version = re.search(r'<scenario [^>]*\bversion="([^"]*)"', text).group(1)
    title = re.search(r"<title>([^<]*)</title>", text).group(1)
    node = re.search(r'<node id="([^"]*)"', text).group(1)
    header = {
        "format": "rapport-journal", "format_version": 1,
        "scenario": {"path": scenario, "id": sid, "version": version,
                     "title": title, "bytes": len(data),
                     "fingerprint": fingerprint},
        "trainee": "Ana Lima", "started": "2023-11-14T22:13:20.000Z",
        "started_ms": 1700000000000,
        "settings": {"feedback_mode": "withheld", "relaxed_timing": False}}
    folder = os.path.join(results, "in-progress")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"20231114-221320-ana-lima-{sid}-01.journal")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(header, separators=(",", ":")) + "\n")
        for i in range(turns):
            f.write(json.dumps({"turn": i + 1, "node": node, "choice": 1,
                                "choice_index": 0, "response_ms": 1000},
                               separators=(",", ":")) + "\n")
    print(path)


if __name__ == "__main__":
    main()
