#!/usr/bin/env python3
"""The scenario library's promises (scenarios/README.md, section 12), checked
on every shipped scenario with `rapport lint --format json`:
  - the score analysis is exact, and on empathy, honesty and promptness the
    best achievable score is at least 90 and the worst at most 30;
  - every path to an ending takes 6 to 14 turns;
  - endings with at least three different outcomes can be reached;
  - every scenario states learning objectives;
  - no test-wise cue passes: every cue strategy of lint's cue table (always
    the longest reply, the shortest, the first, the last, the most
    apologetic, the most stock phrases, the most numbers, the customer's
    name) scores below the pass mark;
and over the library: at least 14 scenarios, at least 4 irate and 4 calm
customers, every channel (phone, counter, chat, email), every difficulty
from 1 to 5, and scenarios written in English, Spanish and Arabic; over all the turns of all the scenarios, the best option is the
longest reply in at most 35% of turns and the shortest in at least 15%, and
its position is spread evenly: each of positions 1 to 4 holds the best
option in 15% to 35% of the turns.
usage: library_check.py RAPPORT SCENARIO_DIR"""
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{urn:rapport:scenario:1}"
MOOD_NAMES = {"furious": 10, "irate": 25, "annoyed": 40, "calm": 60, "happy": 80}


def mood_band(value):
    """The mood's name, as the guide's mood scale bands it."""
    mood = MOOD_NAMES[value] if value in MOOD_NAMES else int(value)
    if mood < 20:
        return "furious"
    if mood < 35:
        return "irate"
    if mood < 50:
        return "annoyed"
    if mood < 70:
        return "calm"
    return "happy"


def main():
    rapport, folder = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(folder, "*.xml")))
    problems = []
    moods, channels, difficulties, langs = [], set(), set(), set()
    cue_turns = cue_longest = cue_shortest = 0
    positions = [0] * 9
    for path in files:
        name = os.path.basename(path)
        out = subprocess.run([rapport, "lint", "--format", "json", path],
                             capture_output=True, text=True, check=False)
        report = json.loads(out.stdout)["files"][0]
        a = report.get("analysis")
        if not report["valid"] or not a or not a["exact"]:
            problems.append(f"{name}: no exact score analysis")
            continue
        for dim in ("empathy", "honesty", "promptness"):
            best = a["scores"][dim]["best"]["score"]
            worst = a["scores"][dim]["worst"]["score"]
            if best < 90 or worst > 30:
                problems.append(f"{name}: {dim} ranges {worst}..{best}, "
                                "wanted best >= 90 and worst <= 30")
        turns = a["turns"]
        if turns["unbounded"] or turns["shortest"] < 6 or turns["longest"] > 14:
            problems.append(f"{name}: paths take {turns['shortest']} to "
                            f"{turns['longest']} turns, wanted 6 to 14")
        outcomes = [o for o, e in a["endings"].items() if e["reachable"] > 0]
        if len(outcomes) < 3:
            problems.append(f"{name}: endings reach only {outcomes}")
        cues = report.get("cues")
        if not cues:
            problems.append(f"{name}: no cue analysis")
        else:
            for strat in cues["strategies"]:
                if strat["passes"] or strat["overall"] >= cues["pass_mark"]:
                    problems.append(
                        f"{name}: {strat['description']} scores "
                        f"{strat['overall']}, at or above the pass mark "
                        f"{cues['pass_mark']} (--choices {strat['choices']})")
            best = cues["best_option"]
            cue_turns += best["turns"]
            cue_longest += best["longest"]
            cue_shortest += best["shortest"]
            positions = [a + b for a, b in zip(positions, best["by_position"])]
        root = ET.parse(path).getroot()
        if not root.findall(f"{NS}objectives/{NS}objective"):
            problems.append(f"{name}: no learning objectives")
        customer = root.find(f"{NS}customer")
        moods.append(mood_band(customer.get("mood", "calm")))
        channels.add(root.get("channel", "phone"))
        difficulties.add(int(root.get("difficulty", "2")))
        lang = root.get("lang", "en")
        langs.add(lang.split("-")[0].lower())
        print(f"{name}: ok ({lang}, {moods[-1]}, {root.get('channel', 'phone')}, "
              f"difficulty {root.get('difficulty', '2')}, turns "
              f"{turns['shortest']}-{turns['longest']}, outcomes "
              f"{', '.join(outcomes)})")
    if len(files) < 14:
        problems.append(f"only {len(files)} scenarios, wanted 14")
    if moods.count("irate") < 4 or moods.count("calm") < 4:
        problems.append(f"{moods.count('irate')} irate and "
                        f"{moods.count('calm')} calm customers, wanted 4 each")
    if channels != {"phone", "counter", "chat", "email"}:
        problems.append(f"channels {sorted(channels)}: wanted all four")
    if difficulties != {1, 2, 3, 4, 5}:
        problems.append(f"difficulties {sorted(difficulties)}: wanted 1 to 5")
    if not {"en", "es", "ar"} <= langs:
        problems.append(f"languages {sorted(langs)}: wanted en, es and ar")
    if cue_turns:
        longest = cue_longest / cue_turns
        shortest = cue_shortest / cue_turns
        print(f"best option over {cue_turns} turns: longest {cue_longest} "
              f"({longest:.0%}), shortest {cue_shortest} ({shortest:.0%}), "
              "by position " + " ".join(
                  f"{k + 1}:{n} ({n / cue_turns:.0%})"
                  for k, n in enumerate(positions) if n))
        if longest > 0.35:
            problems.append(f"the best option is the longest in {longest:.0%} "
                            "of turns, wanted at most 35%")
        if shortest < 0.15:
            problems.append(f"the best option is the shortest in "
                            f"{shortest:.0%} of turns, wanted at least 15%")
        for k in range(4):
            share = positions[k] / cue_turns
            if share < 0.15 or share > 0.35:
                problems.append(f"the best option is in position {k + 1} in "
                                f"{share:.0%} of turns, wanted 15% to 35%")
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    print(f"{len(files)} scenarios, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
