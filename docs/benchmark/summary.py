"""Summarizes docs/benchmark/run.sh's results file as the Markdown table of docs/benchmark.md.

Each figure: Kefu's and the bare engine's median over the pairs (min-max), and the ratio computed pair by pair
(median, min-max). Throughput ratios are Kefu / bare (higher is better for Kefu); time and memory ratios are
Kefu / bare as well (lower is better)."""
import re
import shlex
import statistics
import sys
from collections import defaultdict

rows = []
header = ""
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        header = line[1:].strip()
        continue
    rows.append(dict(part.split("=", 1) for part in shlex.split(line)))

# values[figure][app][pair] = value
values = defaultdict(lambda: defaultdict(dict))
loads = []
first = {}
for r in rows:
    app, pair = r["app"], r.get("pair")
    if "load" in r:
        loads.append(float(r["load"].split()[0]))
    if r["kind"] == "first_start":
        first[app] = float(r["ready_s"])
    elif r["kind"] == "start":
        values["start until the engine answers (s)"][app][pair] = float(r["ready_s"])
        values["RSS idle (MB)"][app][pair] = float(r["rss_idle_mb"])
    elif r["kind"] == "after":
        values["RSS after load (MB)"][app][pair] = float(r["rss_after_mb"])
    elif r["kind"] == "load":
        t = r["threads"]
        values[f"cases/s, {t} client threads"][app][pair] = float(r["cases_per_s"])
        for kind in ("start", "query", "claim", "submit"):
            for p in ("p50", "p95"):
                values[f"{p} {kind}, {t} threads (ms)"][app][pair] = float(r[f"{kind}_{p}"])


def fmt(v):
    return f"{v:.2f}" if v < 10 else f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def spread(vs):
    if not vs:
        return "—"
    if len(vs) == 1:
        return fmt(vs[0])
    return f"{fmt(statistics.median(vs))} ({fmt(min(vs))}–{fmt(max(vs))})"


print(f"Run: {header}")
if loads:
    print(f"Load average (1 min) at the records: median {statistics.median(loads):.1f}, "
          f"min {min(loads):.1f}, max {max(loads):.1f}")
print()
if first:
    print(f"First start on an empty database to the engine's answer: Kefu {first.get('kefu', 0):.1f} s "
          f"(demo data included), bare {first.get('bare', 0):.1f} s")
    print()
print("| Figure | Kefu | bare | ratio Kefu/bare, median (min–max) |")
print("|---|---|---|---|")
for figure, apps in values.items():
    kefu, bare = apps.get("kefu", {}), apps.get("bare", {})
    ratios = [kefu[p] / bare[p] for p in kefu if p in bare and bare[p]]
    print(f"| {figure} | {spread(list(kefu.values()))} | {spread(list(bare.values()))} | "
          f"{spread(ratios)} |")
