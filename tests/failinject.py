#!/usr/bin/python3
"""Failure injection over every write path of a call's records.

With tests/failshim.c preloaded (LD_PRELOAD), each file-system call
rapport makes in the results folder is counted; case N makes call N fail
(ENOSPC or EIO: a full disk, a bad disk) or kills rapport (SIGKILL) just
before it, as a power cut would. Runs:

  run      `rapport run --choices ... --results DIR`: the journal created,
           a line per reply, the result saved (three files), the journal
           removed;
  recover  `rapport recover --save` of a journal of three replies left by a
           stopped session.

After each case the next, undisturbed `rapport recover --save` runs twice
and the folder is checked:
  * no torn file: every .json parses, every .html ends with </html>;
  * no temporary file (.rapport-XXXXXX) left after the next run (those the
    killed run left are counted: "orphans before");
  * no journal left, and no lost call: every reply a journal held before
    the next run is in the call's record;
  * no duplicate: at most one record of the call, and `rapport report`
    counts at most one session;
  * a failed call (not a kill) that exits 0 has saved the call complete;
    one that exits non-zero printed a clear error.

Usage: failinject.py RAPPORT SHIM SCENARIO WORK [--quick]
Prints the number of cases and the orphan counts; exits 1 on any broken
promise.
"""
import glob
import json
import os
import shutil
import subprocess
import sys

CHOICES = "3,2,1,1,4,3"


def main():
    rapport, shim, scenario, work = sys.argv[1:5]
    quick = "--quick" in sys.argv[5:]
    rapport = os.path.abspath(rapport)
    shim = os.path.abspath(shim)
    scenario = os.path.abspath(scenario)
    work = os.path.abspath(work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    base_env = dict(os.environ, RAPPORT_FIXED_TIME="1700000000")
    base_env.pop("LD_PRELOAD", None)
    problems = []
    stats = {"cases": 0, "orphans_before": 0, "orphans_after": 0,
             "kills": 0, "failures": 0}

    def run(args, results, shim_env=None):
        env = dict(base_env)
        if shim_env is not None:
            env.update(shim_env)
            env["LD_PRELOAD"] = shim
            env["FAILSHIM_DIR"] = results
        return subprocess.run([rapport] + args, env=env, capture_output=True,
                              text=True, timeout=60)

    def run_call(results, shim_env=None):
        return run(["run", scenario, "--choices", CHOICES, "--results",
                    results, "--trainee", "Ana Lima"], results, shim_env)

    def recover(results, shim_env=None):
        return run(["recover", "--results", results, "--save"], results,
                   shim_env)

    def stopped_journal(results):
        """A journal of three replies, as a stopped session leaves it."""
        p = run(["run", scenario, "--choices", "3,2,1", "--results",
                 results, "--trainee", "Ana Lima"], results)
        assert p.returncode != 0 and glob.glob(results +
                                               "/in-progress/*.journal")

    def count(results, setup, action):
        shutil.rmtree(results, ignore_errors=True)
        setup(results)
        log = os.path.join(work, "count.txt")
        p = action(results, {"FAILSHIM_AT": "0", "FAILSHIM_COUNT": log})
        assert p.returncode in (0,), p.stderr
        with open(log) as f:
            n = int(f.readline())
            names = [line.split()[1] for line in f]
        return n, names

    def temps(results):
        return [p for p in glob.glob(results + "/**/.rapport-*",
                                     recursive=True)]

    def journal_turns(results):
        most = 0
        for j in glob.glob(results + "/in-progress/*.journal"):
            with open(j, encoding="utf-8", errors="replace") as f:
                lines = [ln for ln in f.read().split("\n")[1:] if ln]
            most = max(most, len(lines))
        return most

    def check(label, results, proc, killed, expect_turns):
        saved_before = [r for r in records(results)]
        turns_before = journal_turns(results)
        orphans = len(temps(results))
        stats["orphans_before"] += orphans
        if not killed:
            # a temporary file stays only when removing it was what failed
            if orphans and "unlink" not in label:
                problems.append(f"{label}: a failed run left {orphans} "
                                f"temporary files")
            if proc.returncode != 0 and "error" not in proc.stderr:
                problems.append(f"{label}: exit {proc.returncode} without "
                                f"a clear error: {proc.stderr[-300:]}")
            if proc.returncode == 0 and expect_turns == 6 and not any(
                    r["status"] == "complete" for r in saved_before):
                problems.append(f"{label}: exit 0 but no complete record")
        for _ in range(2):
            p = recover(results)
            if p.returncode != 0:
                problems.append(f"{label}: the next recover failed: "
                                f"{p.stderr[-300:]}")
        after = len(temps(results))
        stats["orphans_after"] += after
        if after:
            problems.append(f"{label}: {after} temporary files after the "
                            f"next run")
        if glob.glob(results + "/in-progress/*.journal"):
            problems.append(f"{label}: a journal is left after recover")
        recs = records(results)
        if len(recs) > 1:
            problems.append(f"{label}: {len(recs)} records of one call")
        need = max(turns_before,
                   max((len(r["transcript"]) for r in saved_before),
                       default=0))
        got = max((len(r["transcript"]) for r in recs), default=0)
        if got < need:
            problems.append(f"{label}: lost replies: {need} acknowledged, "
                            f"{got} in the record")
        for h in glob.glob(results + "/*.html"):
            with open(h, encoding="utf-8") as f:
                if not f.read().rstrip().endswith("</html>"):
                    problems.append(f"{label}: torn report {h}")
        p = run(["report", "--csv", "-", "--quiet", results], results)
        rows = p.stdout.count("\r\n") - 1 if p.returncode == 0 else 0
        if rows > 1:
            problems.append(f"{label}: report counts {rows} sessions")

    def records(results):
        out = []
        for path in glob.glob(results + "/*.json"):
            if path.endswith(".xapi.json"):
                with open(path, encoding="utf-8") as f:
                    try:
                        json.load(f)
                    except ValueError:
                        problems.append(f"torn statements {path}")
                continue
            with open(path, encoding="utf-8") as f:
                try:
                    out.append(json.load(f))
                except ValueError:
                    problems.append(f"torn record {path}")
        return out

    plans = [("run", lambda r: os.makedirs(r), run_call, 6),
             ("recover", stopped_journal, recover, 3)]
    errnos = ["ENOSPC"] if quick else ["ENOSPC", "EIO"]
    for name, setup, action, turns in plans:
        results = os.path.join(work, name)
        total, ops = count(results, setup, action)
        for at in range(1, total + 1):
            modes = [("kill", None)] + [("fail", e) for e in errnos]
            for mode, err in modes:
                shutil.rmtree(results, ignore_errors=True)
                setup(results)
                env = {"FAILSHIM_AT": str(at), "FAILSHIM_MODE": mode}
                if err:
                    env["FAILSHIM_ERRNO"] = err
                proc = action(results, env)
                killed = proc.returncode == -9
                if mode == "kill" and not killed:
                    problems.append(f"{name} kill at {at}: not killed")
                label = (f"{name}: {mode} {err or ''} at call {at} "
                         f"({ops[at - 1]})")
                stats["cases"] += 1
                stats["kills" if killed else "failures"] += 1
                check(label, results, proc, killed, turns)
        print(f"failinject: {name}: {total} file-system calls, "
              f"{total * (1 + len(errnos))} cases")
    print(f"failinject: {stats['cases']} cases ({stats['kills']} kills, "
          f"{stats['failures']} failed calls); temporary files left by "
          f"the cases: {stats['orphans_before']}, after the next run: "
          f"{stats['orphans_after']}")
    for p in problems[:40]:
        print("failinject: " + p, file=sys.stderr)
    if problems:
        print(f"failinject: {len(problems)} broken promises",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
