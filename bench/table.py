#!/usr/bin/python3
"""Turns bench/run's results.jsonl into the markdown table (medians over
runs), checks the goals of issue 12, and optionally writes bench/results.md.

Lines "SHORT <label> <what>" name the goals htmap missed; bench/run
profiles those sizes."""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--results", required=True)
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--write")
ap.add_argument("--note", default="bench/run")
ap.add_argument("--htmap", default="?", help="which htmap was timed")
ap.add_argument("--profiles", help="WORK dir: append WORK/<label>/pprof*.txt of the sizes that fell short")
a = ap.parse_args()

rows = [json.loads(l) for l in open(a.results) if l.strip()]
labels = []
for r in rows:
    if r["size"] not in labels:
        labels.append(r["size"])


def med(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


def runs(tool, label):
    return [r for r in rows if r["tool"] == tool and r["size"] == label]


def stage_sum(r, *parts, exclude=()):
    """Seconds of the stages whose name contains any of parts."""
    st = r["stages"]
    v = [s for k, s in st.items() if any(p in k for p in parts) and not any(x in k for x in exclude)]
    return sum(v) if v else None


def fmt_s(v):
    if v is None:
        return "—"
    return "%.3f" % v if v < 1 else "%.2f" % v


def fmt_mb(kb):
    return "—" if kb is None else "%.0f MB" % (kb / 1024)


def fmt_n(label):
    return "{:,}".format(int(label)) if label.isdigit() else label


# htmap stage -> the peer's stages doing the same work
# (row name, htmap stage name parts, parts excluded, peer stages)
STAGES = [
    ("ingest (read + validate)", ("ingest",), (), ("read",)),
    ("cells + weights + Gi* (999 perms, FDR)", ("cells",), (), ("grid", "weights", "gistar")),
    ("DBSCAN clusters", ("cluster",), (), ("dbscan",)),
    ("kernel density (htmap only)", ("density",), ("cluster",), ()),
    ("emerging hot spots (htmap only)", ("emerging",), (), ()),
    ("routes (htmap only)", ("routes",), (), ()),
    ("privacy (htmap only)", ("privacy",), (), ()),
    ("write layers (peer: GeoJSON; htmap: + Arrow, Parquet)", ("write",), (), ("write",)),
    ("maps (htmap only)", ("maps",), (), ()),
]

out, short = [], []
for label in labels:
    H, P = runs("htmap", label), runs("peer", label)
    D = runs("duckdb", label)
    eps = runs("eps", label)
    ag = runs("agree", label)
    fl = runs("fail", label)
    if fl:
        out.append(f"\n### {fmt_n(label)}: **{fl[0]['tool_failed']} failed**: `{fl[0]['message']}`\n")
        short.append(f"SHORT {label} htmap failed: {fl[0]['message']}")
        continue
    n = fmt_n(label)
    agree = "" if not ag else (" — outputs agree" if ag[0]["ok"] else " — **outputs DISAGREE: peer times do not count**")
    out.append(f"\n### {n}{' points' if label.isdigit() else ''} ({len(H)} runs{', peer too' if P else ', htmap alone'}{', DBSCAN eps %g km' % eps[0]['eps_km'] if eps else ''}){agree}\n")
    out.append("| stage | htmap s | peer s | peer / htmap | htmap peak RSS | peer peak RSS |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for name, hp, hx, pp in STAGES:
        hv = med([stage_sum(r, *hp, exclude=hx) for r in H])
        pv = med([sum(r["stages"].get(s, 0) for s in pp) for r in P]) if (P and pp) else None
        ratio = "%.1fx" % (pv / hv) if (pv and hv) else "—"
        out.append(f"| {name} | {fmt_s(hv)} | {fmt_s(pv)} | {ratio} | | |")
    if P:
        hc = med([sum(stage_sum(r, *hp, exclude=hx) or 0 for _, hp, hx, pp in STAGES if pp) for r in H])
        pc = med([sum(r["stages"].values()) for r in P])
        out.append(f"| shared stages only (ingest, cells + Gi*, DBSCAN, write) | {fmt_s(hc)} | {fmt_s(pc)} | "
                   f"{'%.1fx' % (pc / hc) if hc else '—'} | | |")
    hw, pw = med([r["wall"] for r in H]), med([r["wall"] for r in P]) if P else None
    hm, pm = med([r["rss_kb"] for r in H]), med([r["rss_kb"] for r in P]) if P else None
    full_ratio = pw / hw if (pw and hw) else None
    S = runs("htmap_scope", label)
    ratio = full_ratio
    if S:
        sw, sm = med([r["wall"] for r in S]), med([r["rss_kb"] for r in S])
        ratio = pw / sw if (pw and sw) else None
        out.append(f"| **end to end, the issue's stages (wall, process)**: ingest, cells, Gi*, DBSCAN, routes, "
                   f"every layer in GeoJSON, Arrow, GeoParquet | **{fmt_s(sw)}** | **{fmt_s(pw)}** | "
                   f"**{'%.1fx' % ratio if ratio else '—'}** | {fmt_mb(sm)} | {fmt_mb(pm)} |")
    out.append(f"| end to end, every stage (wall, process): + emerging, density, maps | {fmt_s(hw)} | {fmt_s(pw)} | "
               f"{'%.1fx' % full_ratio if full_ratio else '—'} | {fmt_mb(hm)} | {fmt_mb(pm)} |")
    if D:
        ha = med([stage_sum(r, "ingest") + stage_sum(r, "cells") for r in H])
        dq = med([r["query"] for r in D])
        dr = dq / ha if (dq and ha) else None
        out.append(f"| ingest + aggregation vs **DuckDB** (htmap: ingest + cells stages; DuckDB: query) | "
                   f"{fmt_s(ha)} | {fmt_s(dq)} (DuckDB) | {'%.2fx' % dr if dr else '—'} | | "
                   f"{fmt_mb(med([r['rss_kb'] for r in D]))} (node) |")
        if dr is not None and dr < 0.5:
            short.append(f"SHORT {label} ingest+aggregation {ha:.2f} s is {ha / dq:.1f}x DuckDB's {dq:.2f} s (goal: within 2x)")
    if ratio is not None and label.isdigit() and int(label) >= 200000 and ratio < 20:
        short.append(f"SHORT {label} end to end only {ratio:.1f}x faster than the peer (goal: 20x)")
    if label.isdigit() and int(label) >= 10000000:
        for what, kb in (("every stage", hm), ("the issue's stages", med([r["rss_kb"] for r in S]) if S else None)):
            if kb and kb > 2 * 1024 * 1024:
                short.append(f"SHORT {label} peak memory {kb / 1024:.0f} MB, {what} (goal: under 2 GB)")

goals = "\n".join(short) if short else "All goals met."


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return "?"


load = " ".join(open("/proc/loadavg").read().split()[:3])
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("awk '/MemTotal/{printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
head = [
    "# htmap benchmark results",
    "",
    f"Produced by `{a.note}` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. "
    f"Machine: {sh('nproc')} CPUs ({cpu}), {mem} memory, {platform.system()} {platform.release()}; "
    f"{sh('go version')}; Debian Python {platform.python_version()}. htmap: {a.htmap}. "
    f"Medians of {a.runs} runs (1 run at sizes where htmap runs alone); "
    "seconds are per-stage times from each tool's own timings (htmap timings.json, the peer's timings.json), "
    "end to end is the process wall time and peak RSS from `/usr/bin/time -v`.",
    "",
    "Parameters for every tool: `grid:25` (EASE-Grid 2.0, EPSG:6933), distance band 60 km (binary, "
    "great-circle between cell centres), Gi* with 999 permutations and BH FDR, DBSCAN eps 1 km "
    "at 100,000 points scaled by sqrt(100000/N) (25 km for the real files), "
    "min points 10 (weighted by count), seed 1. Inputs: `htmap sample --seed 1` rows with coordinates "
    "(see README).",
    "",
    "Ratio columns: peer time / htmap time (above 1 = htmap faster); for the DuckDB row, DuckDB time / htmap time. "
    f"The 2 cores may be shared with other work (load average at the end: {load}).",
]
prof = []
if a.profiles:
    for label in labels:
        for name, what in (("pprof.txt", "whole run"), ("pprof_ingest.txt", "focus htmap/ingest")):
            p = os.path.join(a.profiles, label, name)
            if os.path.exists(p):
                lines = [l for l in open(p).read().splitlines() if not l.startswith(("File:", "Build ID:", "Time:"))]
                prof += ["", f"### CPU profile, {fmt_n(label)} points, {what} (`go tool pprof -top`)", "", "```"] + lines + ["```"]
if prof:
    prof = ["", "## Where the time goes (profiles of the sizes that fell short)"] + prof
text = "\n".join(head + out + ["", "## Goals (issue 12)", "", "```", goals, "```", ""] + prof + [""])
print(text)
if a.write:
    with open(a.write, "w") as f:
        f.write(text)
