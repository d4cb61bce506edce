#!/usr/bin/env python3
"""The authoring guide's kettle (scenarios/README.md) is true to the code.

Takes the kettle scenario of section 2 and the test plan of section 8 out of
the guide, exactly as a reader would copy them, and checks what the guide
says about them:
  - section 2: the scenario is lint-clean (`rapport lint --strict`); the
    `$ rapport validate` line prints what the guide shows; every
    `$ rapport run ... --choices ...   # ...: TITLE; [overall] N` line ends
    at the ending titled TITLE (and the outcome, when the comment starts
    with one) and scores N overall;
  - section 7: `rapport lint` prints exactly the two blocks the guide shows
    (the summary, then the cue table), trailing spaces aside;
  - section 8: `rapport test` on the plan prints what the guide shows, and
    after the edit the guide describes (the warm ending's min-mood raised
    from 75 to 85) it fails with the lines the guide shows;
  - section 13: `rapport translate export` prints what the guide shows and
    writes the unit shown; the file, translated, imports as shown.
usage: guide_kettle.py RAPPORT GUIDE WORK_DIR"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

OUTCOMES = ("resolved", "partial", "escalated", "lost")
problems = []


def fail(message):
    problems.append(message)
    print(f"error: {message}", file=sys.stderr)


def section(text, number):
    """The text of section NUMBER (from its "## N." heading to the next)."""
    start = text.index(f"\n## {number}. ")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else len(text)]


def blocks(text, lang=""):
    """The fenced blocks of text opened with ```LANG, in order."""
    found, current, opened = [], None, None
    for line in text.split("\n"):
        if current is None:
            if line.startswith("```"):
                current, opened = [], line[3:].strip()
        elif line.rstrip() == "```":
            if opened == lang:
                found.append("\n".join(current))
            current = None
        else:
            current.append(line)
    return found


def block_with(text, needle, lang=""):
    found = [b for b in blocks(text, lang) if needle in b]
    if len(found) != 1:
        raise SystemExit(f"the guide has {len(found)} ```{lang} blocks "
                         f"holding {needle!r}, expected 1")
    return found[0]


def lines(text):
    return [line.rstrip() for line in text.rstrip("\n").split("\n")]


def run(rapport, command, cwd):
    """Runs a guide command line ("rapport ARGS..."), returns (rc, stdout,
    stderr)."""
    args = shlex.split(command)
    assert args[0] == "rapport", command
    out = subprocess.run([rapport] + args[1:], cwd=cwd, capture_output=True,
                         text=True, check=False)
    return out.returncode, out.stdout, out.stderr


def commands(block):
    """(command, comment, expected output lines) for each "$ " line."""
    result = []
    for line in lines(block):
        if line.startswith("$ "):
            command, _, comment = line[2:].partition("#")
            result.append((command.strip(), comment.strip(), []))
        elif result:
            result[-1][2].append(line)
    return result


def check_section_2(rapport, guide, work):
    text = section(guide, 2)
    scenario = block_with(text, "<scenario", "xml")
    play = block_with(text, "$ rapport run")
    cmds = commands(play)
    name = shlex.split(cmds[0][0])[-1]
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(scenario + "\n")

    rc, out, err = run(rapport, f"rapport lint --strict {name}", work)
    if rc != 0 or err:
        fail(f"section 2: rapport lint --strict {name} exits {rc}:\n{err}")

    runs = 0
    for command, comment, expected in cmds:
        args = shlex.split(command)
        if args[1] == "run":
            runs += 1
            m = re.search(r"^(?P<what>.*):\s*(?P<title>[^:;]+?)"
                          r"(?:;\s*(?:overall\s+)?(?P<score>\d+))?$", comment)
            if not m:
                fail(f"section 2: no '...: TITLE; SCORE' comment on "
                     f"'{command}'")
                continue
            rc, out, err = run(rapport, command + " --format json", work)
            if rc != 0:
                fail(f"section 2: '{command}' exits {rc}: {err}")
                continue
            debrief = json.loads(out)
            title = debrief["ending"]["title"]
            overall = debrief["scores"]["overall"]
            if title != m["title"]:
                fail(f"section 2: '{command}' ends at '{title}', the guide "
                     f"says '{m['title']}'")
            if m["what"] in OUTCOMES and debrief["outcome"] != m["what"]:
                fail(f"section 2: '{command}' ends {debrief['outcome']}, the "
                     f"guide says {m['what']}")
            if m["score"] is not None and overall != int(m["score"]):
                fail(f"section 2: '{command}' scores {overall} overall, the "
                     f"guide says {m['score']}")
            print(f"section 2: {command}: {title}; {overall}")
        else:
            rc, out, err = run(rapport, command, work)
            if lines(out + err) != expected:
                fail(f"section 2: '{command}' prints:\n{out}{err}"
                     f"the guide shows:\n" + "\n".join(expected))
    if runs < 3:
        fail(f"section 2: only {runs} 'rapport run' lines found")
    return name, scenario


def check_section_7(rapport, guide, work, name):
    text = section(guide, 7)
    summary = block_with(text, f"$ rapport lint {name}")
    cues = block_with(text, "  cues:")
    command, _, expected = commands(summary)[0]
    expected = expected + lines(cues)
    rc, out, err = run(rapport, command, work)
    if rc != 0 or lines(out + err) != expected:
        fail(f"section 7: '{command}' exits {rc} and prints:\n{err}{out}"
             "the guide shows:\n" + "\n".join(expected))
    else:
        print(f"section 7: {command}: as the guide shows "
              f"({len(expected)} lines)")


def check_section_8(rapport, guide, work, name, scenario):
    text = section(guide, 8)
    plan = block_with(text, "<plan", "xml")
    command, _, expected = commands(block_with(text, "$ rapport test"))[0]
    plan_path = shlex.split(command)[-1]
    folder = os.path.join(work, "plan")
    os.makedirs(os.path.join(folder, os.path.dirname(plan_path)))
    with open(os.path.join(folder, plan_path), "w", encoding="utf-8") as f:
        f.write(plan + "\n")
    target = re.search(r'scenario="([^"]+)"', plan)[1]
    scenario_path = os.path.normpath(
        os.path.join(folder, os.path.dirname(plan_path), target))
    if os.path.basename(scenario_path) != name:
        fail(f"section 8: the plan plays {target}, not the kettle {name}")
    with open(scenario_path, "w", encoding="utf-8") as f:
        f.write(scenario + "\n")
    rc, out, err = run(rapport, command, folder)
    if rc != 0 or lines(out + err) != expected:
        fail(f"section 8: '{command}' exits {rc} and prints:\n{out}{err}"
             "the guide shows:\n" + "\n".join(expected))
    else:
        print(f"section 8: {command}: as the guide shows")

    # "Now suppose someone raises the warm ending's min-mood from 75 to 85"
    if "raises the warm ending's `min-mood` from 75 to 85" not in text:
        fail("section 8: the min-mood edit is no longer described as "
             "'raises the warm ending's `min-mood` from 75 to 85'")
        return
    with open(scenario_path, "w", encoding="utf-8") as f:
        f.write(scenario.replace('min-mood="75"', 'min-mood="85"') + "\n")
    failing = block_with(text, "FAIL ")
    rc, out, err = run(rapport, command, folder)
    got = lines(out + err)
    at = 0
    for line in lines(failing):
        if line == "...":
            continue
        if line not in got[at:]:
            fail(f"section 8: after the min-mood edit, '{command}' does not "
                 f"print (in this order) {line!r}; it prints:\n{out}{err}")
            return
        at = got.index(line, at) + 1
    if rc != 1:
        fail(f"section 8: after the min-mood edit, '{command}' exits {rc}")
    else:
        print("section 8: after the min-mood edit, the plan fails as the "
              "guide shows")


def check_section_13(rapport, guide, work, name):
    """Section 13's translation round: export prints what the guide shows
    and writes the unit shown; the file translated (every target its
    source, as a translator who keeps every word) imports as shown."""
    text = section(guide, 13)
    # the blocks are indented under the numbered steps
    text = "\n".join(line[3:] if line.startswith("   ") else line
                     for line in text.split("\n"))
    export = block_with(text, f"$ rapport translate export {name} --lang")
    unit = block_with(text, "<unit id=", "xml")
    imp = block_with(text, f"$ rapport translate import {name} kettle.es.xlf -o")
    command, _, expected = commands(export)[0]
    rc, out, err = run(rapport, command, work)
    if rc != 0 or lines(out + err) != expected:
        fail(f"section 13: '{command}' exits {rc} and prints:\n{out}{err}"
             "the guide shows:\n" + "\n".join(expected))
        return
    xlf = os.path.join(work, shlex.split(command)[-1])
    with open(xlf, encoding="utf-8") as f:
        exported = f.read()
    want = [line.strip() for line in unit.split("\n")]
    have = [line.strip() for line in exported.split("\n")]
    if not any(have[i:i + len(want)] == want for i in range(len(have))):
        fail("section 13: the unit the guide shows is not in what export "
             "writes")
    with open(xlf, "w", encoding="utf-8") as f:
        f.write(re.sub(r"<source>(.*)</source>",
                       r"<source>\1</source><target>\1</target>", exported))
    command, _, expected = commands(imp)[0]
    rc, out, err = run(rapport, command, work)
    if rc != 0 or lines(out + err) != expected:
        fail(f"section 13: '{command}' exits {rc} and prints:\n{out}{err}"
             "the guide shows:\n" + "\n".join(expected))
    else:
        print(f"section 13: export and import of {name} as the guide shows")


def main():
    rapport, guide_path, work = sys.argv[1:4]
    rapport = os.path.abspath(rapport)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(guide_path, encoding="utf-8") as f:
        guide = f.read()
    name, scenario = check_section_2(rapport, guide, work)
    check_section_7(rapport, guide, work, name)
    check_section_8(rapport, guide, work, name, scenario)
    check_section_13(rapport, guide, work, name)
    print(f"the guide's kettle: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
