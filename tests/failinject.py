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

  report   `rapport report --out DIR`, over old report files and none:
           each file is the old one or the whole new one;
  settings settings.json saved (tests/write_tool.c prefs, as the game
           does): the old settings or the new ones, never torn;
  class    `rapport class --script` of a whole session, then
           `class --resume --save`: one class record, no turn lost;
  class-recover  `class --resume --save` of a stopped session;
  phones   the phones journal (write_tool phones, as the game journals
           and acknowledges phone votes): every vote acknowledged is in
           the journal, none twice, and the journal goes on after a kill.

Usage: failinject.py RAPPORT SHIM SCENARIO WORK [--quick] [--tool WRITE_TOOL]
       [--class-script SCRIPT] [--only PLAN,PLAN]
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
    rest = sys.argv[5:]
    quick = "--quick" in rest
    tool = rest[rest.index("--tool") + 1] if "--tool" in rest else None
    class_script = (rest[rest.index("--class-script") + 1]
                    if "--class-script" in rest else None)
    only = rest[rest.index("--only") + 1].split(",") if "--only" in rest \
        else None
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

    def run(args, results, shim_env=None, program=None):
        env = dict(base_env)
        if shim_env is not None:
            env.update(shim_env)
            env["LD_PRELOAD"] = shim
            env["FAILSHIM_DIR"] = results
        return subprocess.run([program or rapport] + args, env=env,
                              capture_output=True, text=True, timeout=60)

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
    if only:
        plans = [p for p in plans if p[0] in only]
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
    more = other_plans(work, scenario, tool, class_script, run, errnos,
                       stats, problems)
    for name, setup, action, check_case in more:
        if only and name not in only:
            continue
        folder = os.path.join(work, name)
        shutil.rmtree(folder, ignore_errors=True)
        setup(folder)
        log = os.path.join(work, "count.txt")
        p = action(folder, {"FAILSHIM_AT": "0", "FAILSHIM_COUNT": log})
        assert p.returncode == 0, (name, p.stderr)
        with open(log) as f:
            total = int(f.readline())
            ops = [line.split()[1] for line in f]
        for at in range(1, total + 1):
            for mode, err in [("kill", None)] + [("fail", e) for e in errnos]:
                shutil.rmtree(folder, ignore_errors=True)
                setup(folder)
                env = {"FAILSHIM_AT": str(at), "FAILSHIM_MODE": mode}
                if err:
                    env["FAILSHIM_ERRNO"] = err
                proc = action(folder, env)
                killed = proc.returncode == -9
                label = (f"{name}: {mode} {err or ''} at call {at} "
                         f"({ops[at - 1]})")
                if mode == "kill" and not killed:
                    problems.append(f"{label}: not killed")
                if not killed and proc.returncode != 0 and \
                        "error" not in proc.stderr:
                    problems.append(f"{label}: exit {proc.returncode} "
                                    f"without a clear error: "
                                    f"{proc.stderr[-300:]}")
                stats["cases"] += 1
                stats["kills" if killed else "failures"] += 1
                check_case(label, folder, proc, killed)
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


def other_plans(work, scenario, tool, class_script, run, errnos, stats,
                problems):
    """The report, settings.json, a class session and its recovery, and
    the phones journal: (name, setup, action, check) each."""
    plans = []

    def temps(folder, pattern):
        return glob.glob(os.path.join(folder, "**", pattern), recursive=True)

    # ---- rapport report --out: the old report or the whole new one ----
    src = os.path.join(work, "report-src")
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    for trainee in ("Ana Lima", "Bo Chen"):
        p = run(["run", scenario, "--choices", CHOICES, "--results", src,
                 "--trainee", trainee], src)
        if p.returncode != 0:
            problems.append(f"report: the records were not made: {p.stderr}")
    names = ("class-report.csv", "class-report.html")
    fresh = os.path.join(work, "report-fresh")
    shutil.rmtree(fresh, ignore_errors=True)
    run(["report", "--out", fresh, "--quiet", src], fresh)
    want = {}
    for n in names:
        with open(os.path.join(fresh, n), "rb") as f:
            want[n] = f.read()
    old = b"the previous report\n"

    def report_setup(with_old):
        def setup(folder):
            os.makedirs(folder)
            if with_old:
                for n in names:
                    with open(os.path.join(folder, n), "wb") as f:
                        f.write(old)
        return setup

    def report_action(folder, env):
        return run(["report", "--out", folder, "--quiet", src], folder, env)

    def report_check(with_old):
        def check(label, folder, proc, killed):
            for n in names:
                path = os.path.join(folder, n)
                have = None
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        have = f.read()
                if have == want[n]:
                    continue
                if proc.returncode == 0:
                    problems.append(f"{label}: exit 0 but {n} is not the "
                                    f"new report")
                elif have != (old if with_old else None):
                    problems.append(f"{label}: {n} torn: {have[:60]!r}")
            left = temps(folder, "*.tmp-*")
            stats["orphans_before"] += len(left)
            if left and not killed and "unlink" not in label:
                problems.append(f"{label}: temporary files left: {left}")
        return check

    plans.append(("report", report_setup(True), report_action,
                  report_check(True)))
    plans.append(("report-new", report_setup(False), report_action,
                  report_check(False)))

    # ---- settings.json: the old settings or the whole new ones ----
    def settings_setup(folder):
        os.makedirs(folder)
        with open(os.path.join(folder, "settings.json"), "w") as f:
            json.dump({"trainee": "Old Name", "text_scale": 1.2}, f)

    def settings_action(folder, env):
        return run(["prefs", folder, "New Name"], folder, env, program=tool)

    def settings_check(label, folder, proc, killed):
        path = os.path.join(folder, "settings.json")
        try:
            with open(path) as f:
                got = json.load(f)
        except (OSError, ValueError) as e:
            problems.append(f"{label}: settings.json torn or lost: {e}")
            return
        if got.get("text_scale") != 1.2:
            problems.append(f"{label}: another setting lost: {got}")
        if got.get("trainee") not in ("Old Name", "New Name"):
            problems.append(f"{label}: torn name: {got}")
        if proc.returncode == 0 and got.get("trainee") != "New Name":
            problems.append(f"{label}: exit 0 but the old settings")
        # a kill leaves settings.json.tmp; the next save writes over it
        p = run(["prefs", folder, "Next Name"], folder, program=tool)
        if p.returncode != 0 or os.path.exists(path + ".tmp"):
            problems.append(f"{label}: the next save: {p.stderr} "
                            f"{os.listdir(folder)}")

    if tool:
        plans.append(("settings", settings_setup, settings_action,
                      settings_check))

    # ---- a class session and its recovery (class --resume --save) ----
    def class_records(folder):
        out = []
        for path in glob.glob(folder + "/*.class.json"):
            with open(path, encoding="utf-8") as f:
                try:
                    out.append(json.load(f))
                except ValueError:
                    problems.append(f"torn class record {path}")
        for path in glob.glob(folder + "/*.class.xapi.json"):
            with open(path, encoding="utf-8") as f:
                try:
                    json.load(f)
                except ValueError:
                    problems.append(f"torn class statements {path}")
        return out

    def class_journal_entries(folder):
        most = 0
        for j in glob.glob(folder + "/in-progress/*.class-journal"):
            with open(j, encoding="utf-8", errors="replace") as f:
                most = max(most, len([ln for ln in f.read().split("\n")[1:]
                                      if ln.strip()]))
        return most

    def class_check(complete_on_success):
        def check(label, folder, proc, killed):
            before = class_records(folder)
            if (proc.returncode == 0 and complete_on_success and
                    not any(r["status"] == "complete" for r in before)):
                problems.append(f"{label}: exit 0 but no complete record")
            turns_before = max([len(r["turns"]) for r in before], default=0)
            for _ in range(2):
                # (with no journal left it still sweeps the temporary
                # files, then says there is nothing to resume)
                p = run(["class", "--results", folder, "--resume",
                         "--save"], folder)
                if p.returncode != 0 and \
                        "no interrupted class session" not in p.stderr:
                    problems.append(f"{label}: the next --resume --save "
                                    f"failed: {p.stderr[-300:]}")
            if glob.glob(folder + "/in-progress/*.class-journal"):
                problems.append(f"{label}: a class journal is left")
            recs = class_records(folder)
            if len(recs) > 1:
                problems.append(f"{label}: {len(recs)} class records")
            got = max([len(r["turns"]) for r in recs], default=0)
            if got < turns_before:
                problems.append(f"{label}: lost turns: {turns_before} "
                                f"saved, {got} after recovery")
            for h in glob.glob(folder + "/*.class.html"):
                with open(h, encoding="utf-8") as f:
                    if not f.read().rstrip().endswith("</html>"):
                        problems.append(f"{label}: torn page {h}")
            left = temps(folder, ".rapport-*")
            if left:
                stats["orphans_after"] += len(left)
                problems.append(f"{label}: temporary files after recovery: "
                                f"{left}")
        return check

    if class_script:
        with open(class_script) as f:
            lines = f.read().split("\n")
        half = os.path.join(work, "class-half.script")
        with open(half, "w") as f:
            f.write("\n".join(lines[:30]) + "\n")

        def class_action(folder, env):
            return run(["class", scenario, "--script", class_script,
                        "--results", folder], folder, env)

        def class_stopped(folder):
            os.makedirs(folder)
            p = run(["class", scenario, "--script", half, "--results",
                     folder], folder)
            assert p.returncode == 1 and glob.glob(
                folder + "/in-progress/*.class-journal"), p.stderr

        def class_resume(folder, env):
            return run(["class", "--results", folder, "--resume", "--save"],
                       folder, env)

        plans.append(("class", lambda f: os.makedirs(f), class_action,
                      class_check(True)))
        plans.append(("class-recover", class_stopped, class_resume,
                      class_check(False)))

    # ---- the phones journal: no acknowledged vote lost, none twice ----
    def phones_setup(folder):
        os.makedirs(folder)
        p = run(["phones", folder + "/phones.journal", "2"], folder,
                program=tool)
        assert p.returncode == 0, p.stderr

    def phones_action(folder, env):
        return run(["phones", folder + "/phones.journal", "5"], folder, env,
                   program=tool)

    def phones_count(folder):
        p = run(["count", folder + "/phones.journal"], folder, program=tool)
        if p.returncode != 0:
            return None
        w = p.stdout.split()
        return int(w[1]), int(w[3]), int(w[5])

    def phones_check(label, folder, proc, killed):
        acked = [int(ln.split()[1]) for ln in proc.stdout.split("\n")
                 if ln.startswith("acked ")]
        acked = max(acked, default=2)
        c = phones_count(folder)
        if c is None:
            problems.append(f"{label}: the phones journal cannot be read")
            return
        devices, votes, _ = c
        if votes < acked or devices < acked:
            problems.append(f"{label}: {acked} votes acknowledged, "
                            f"{votes} in the journal")
        if proc.returncode == 0 and votes != 5:
            problems.append(f"{label}: exit 0 with {votes} votes of 5")
        p = run(["phones", folder + "/phones.journal", "5"], folder,
                program=tool)
        c = phones_count(folder)
        if p.returncode != 0 or c is None or c[:2] != (5, 5):
            problems.append(f"{label}: going on: {p.stderr[-200:]} {c} "
                            f"(devices, votes, skipped), not 5 and 5")

    if tool:
        plans.append(("phones", phones_setup, phones_action, phones_check))
    return plans


if __name__ == "__main__":
    sys.exit(main())
