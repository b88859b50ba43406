#!/usr/bin/python3
"""The Python peer: the hot-spot pipeline a researcher would write with
Debian's scientific Python instead of htmap.

Stages (each timed, written to OUT/timings.json):
  read     pandas reads the CSV (cases schema, or an IOM Missing Migrants
           export with --kind incidents) and drops invalid rows
  grid     pyproj projects to EASE-Grid 2.0 (EPSG:6933) and the points are
           counted per equal-area cell (the same tiling as htmap grid:KM)
  weights  study area = every cell whose centre is within the band of an
           occupied cell's centre (htmap's default), then libpysal
           DistanceBand (binary, great-circle) on the cell centres
  gistar   Getis-Ord Gi* as esda computes it (star, binary, self weight 1),
           vectorised; conditional permutations with esda's shared draws
           (crand: one table of draws shared by every site, site i mapping
           draw j >= i to j+1), pseudo p-values; Benjamini-Hochberg FDR bins
  dbscan   scikit-learn DBSCAN, haversine metric, ball tree, identical
           places merged with their counts as sample_weight
  write    geopandas writes cells.geojson and clusters.geojson

Besides the GeoJSON it writes cells.csv (cell_id,count,gi_z,gi_bin) and
labels.csv (row,cluster_id,core) so bench/peer/agree.py can compare with
htmap. Run it with /usr/bin/python3 (Debian's packages).
"""
import argparse
import json
import math
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy import sparse, stats

R_KM = 6371.0088  # IUGG mean radius, as htmap and scikit-learn users use
KM_PER_DEG = R_KM * math.pi / 180


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--in", dest="inp", required=True, nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--kind", default="cases", choices=["cases", "incidents"])
    ap.add_argument("--cell-km", type=float, default=25)
    ap.add_argument("--band-km", type=float, default=60)
    ap.add_argument("--permutations", type=int, default=999)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--eps-km", type=float, default=1)
    ap.add_argument("--min-points", type=float, default=10)
    ap.add_argument("--chunk", type=int, default=0, help="sites per permutation block (0: from memory budget)")
    return ap.parse_args()


# ---------------------------------------------------------------- read

def read_cases(path):
    df = pd.read_csv(path, usecols=["lat", "lon", "count"], dtype={"lat": float, "lon": float, "count": float})
    df["count"] = df["count"].fillna(1)
    df["row"] = np.arange(1, len(df) + 1)  # record number, as htmap's labels.csv
    ok = (df["lat"].between(-90, 90) & df["lon"].between(-180, 180)
          & (df["count"] >= 0) & (df["count"] == np.floor(df["count"])))
    return df.loc[ok, ["lat", "lon", "count", "row"]].reset_index(drop=True)


def read_incidents(path):
    """IOM Missing Migrants, any of its three layouts; count = dead + missing."""
    head = pd.read_csv(path, nrows=0).columns
    if "Latitude" in head:
        df = pd.read_csv(path, usecols=["Latitude", "Longitude", "No. dead", "No. missing"])
        lat, lon = pd.to_numeric(df["Latitude"], errors="coerce"), pd.to_numeric(df["Longitude"], errors="coerce")
        dead, miss = df["No. dead"], df["No. missing"]
    else:
        cc = "Location Coordinates" if "Location Coordinates" in head else "Coordinates"
        df = pd.read_csv(path, usecols=[cc, "Number Dead", "Minimum Estimated Number of Missing"])
        xy = df[cc].astype(str).str.split(",", n=1, expand=True)
        lat = pd.to_numeric(xy[0].str.strip(), errors="coerce")
        lon = pd.to_numeric(xy[1].str.strip(), errors="coerce")
        dead, miss = df["Number Dead"], df["Minimum Estimated Number of Missing"]
    dead, miss = pd.to_numeric(dead, errors="coerce").fillna(0), pd.to_numeric(miss, errors="coerce").fillna(0)
    out = pd.DataFrame({"lat": lat, "lon": lon, "count": dead + miss, "row": np.arange(1, len(lat) + 1)})
    # a negative dead or missing figure is an error in the export (the
    # Europe/Mediterranean file has four), not a correction: drop the row
    ok = out["lat"].between(-90, 90) & out["lon"].between(-180, 180) & (dead >= 0) & (miss >= 0)
    return out[ok].reset_index(drop=True)


# ---------------------------------------------------------------- grid

class EaseGrid:
    """grid:KM on EPSG:6933, tiled as htmap's geo.Grid: whole columns round
    the world, row height KM^2/width, rows stacked from the equator, ids
    g<KM>_<col>_<row> with columns from 180W and rows from the north."""

    def __init__(self, km):
        self.fwd = Transformer.from_crs(4326, 6933, always_xy=True)
        self.inv = Transformer.from_crs(6933, 4326, always_xy=True)
        xmax, _ = self.fwd.transform(180.0, 0.0)
        _, ymax = self.fwd.transform(0.0, 90.0)
        side = km * 1000
        self.name = ("%g" % km)
        self.ncols = max(1, int(round(2 * xmax / side)))
        self.w = 2 * xmax / self.ncols
        self.h = side * side / self.w
        self.ymax = ymax
        self.nhalf = int(math.ceil(ymax / self.h))

    def locate(self, lat, lon):
        _, y = self.fwd.transform(lon, lat)
        col = np.minimum(((lon + 180) / 360 * self.ncols).astype(np.int64), self.ncols - 1)
        row = np.clip(self.nhalf - np.ceil(y / self.h).astype(np.int64), 0, 2 * self.nhalf - 1)
        return col, row

    def centres(self, col, row):
        west = -180 + 360 * col / self.ncols
        east = np.where(col == self.ncols - 1, 180.0, -180 + 360 * (col + 1) / self.ncols)
        ytop = np.minimum((self.nhalf - row) * self.h, self.ymax)
        ybot = np.maximum((self.nhalf - row - 1) * self.h, -self.ymax)
        _, clat = self.inv.transform(np.zeros(len(row)), (ytop + ybot) / 2)
        return (west + east) / 2, clat

    def bounds(self, col, row):
        west = -180 + 360 * col / self.ncols
        east = np.where(col == self.ncols - 1, 180.0, -180 + 360 * (col + 1) / self.ncols)
        ytop = np.minimum((self.nhalf - row) * self.h, self.ymax)
        ybot = np.maximum((self.nhalf - row - 1) * self.h, -self.ymax)
        _, north = self.inv.transform(np.zeros(len(row)), ytop)
        _, south = self.inv.transform(np.zeros(len(row)), ybot)
        return west, south, east, north

    def ids(self, col, row):
        pre = "g" + self.name + "_"
        return (pre + pd.Series(col).astype(str) + "_" + pd.Series(row).astype(str)).to_numpy()


def haversine_km(lon1, lat1, lon2, lat2):
    la1, la2 = np.radians(lat1), np.radians(lat2)
    dla, dlo = la2 - la1, np.radians(lon2 - lon1)
    h = np.sin(dla / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin(dlo / 2) ** 2
    return 2 * R_KM * np.arcsin(np.minimum(1, np.sqrt(h)))


def study_area(grid, ocol, orow, band):
    """Every cell whose centre is within band km of an occupied cell's
    centre, as sorted (col, row) arrays."""
    olon, olat = grid.centres(ocol, orow)
    dlat = band / KM_PER_DEG
    # rows: the furthest row the band can reach, from the occupied latitudes
    _, ylo = grid.fwd.transform(olon, np.clip(olat - dlat, -90, 90))
    _, yhi = grid.fwd.transform(olon, np.clip(olat + dlat, -90, 90))
    dr = int(np.max(np.ceil((yhi - ylo) / grid.h))) + 1
    latmax = np.minimum(np.abs(olat) + dlat, 89.999)
    d = band / R_KM
    reach = np.degrees(np.arcsin(np.minimum(1, np.sin(d) / np.cos(np.radians(latmax)))))
    dc = int(np.max(np.ceil(reach / (360 / grid.ncols)))) + 1
    dc = min(dc, grid.ncols // 2)
    offc, offr = np.meshgrid(np.arange(-dc, dc + 1), np.arange(-dr, dr + 1))
    offc, offr = offc.ravel(), offr.ravel()
    cc = (ocol[:, None] + offc[None, :]) % grid.ncols
    rr = orow[:, None] + offr[None, :]
    keep = (rr >= 0) & (rr < 2 * grid.nhalf)
    src = np.broadcast_to(np.arange(len(ocol))[:, None], cc.shape)[keep]
    cc, rr = cc[keep], rr[keep]
    key = np.unique(cc * (1 << 32) + rr)
    ucol, urow = key >> 32, key & 0xffffffff
    ulon, ulat = grid.centres(ucol, urow)
    # distance from each candidate to the occupied cell that proposed it
    pos = np.searchsorted(key, cc * (1 << 32) + rr)
    dist = haversine_km(olon[src], olat[src], ulon[pos], ulat[pos])
    hit = np.zeros(len(key), bool)
    hit[pos[dist <= band]] = True
    return ucol[hit], urow[hit]


# ---------------------------------------------------------------- Gi*

def gi_star(x, A):
    """esda G_Local(star=True) with binary weights: self weight 1."""
    n = len(x)
    card = np.asarray(A.sum(axis=1)).ravel().round().astype(np.int64)
    mean = x.mean()
    s = x.std()  # population, as esda and ArcGIS
    wi = card + 1
    num = A @ (x - mean) + (x - mean)
    q = (n * wi - wi * wi) / (n - 1)
    z = np.zeros(n)
    ok = (card > 0) & (q > 0) & (s > 0)
    z[ok] = num[ok] / (s * np.sqrt(q[ok]))
    p = np.ones(n)
    p[ok] = 2 * stats.norm.sf(np.abs(z[ok]))
    return z, p, card


def crand_psim(x, A, card, perms, seed, chunk):
    """esda's conditional randomisation with shared draws, vectorised.

    One table rids of perms rows of kmax distinct indices in [0, n-1) is
    drawn once; site i uses the first k_i columns of every row, mapping
    j >= i to j+1 so it never draws itself (esda crand). The permuted
    neighbour sums are compared with the observed one; Gi* is increasing
    in that sum for fixed x_i, so the counts are Gi*'s."""
    n = len(x)
    kmax = int(card.max())
    if kmax == 0 or perms <= 0:
        return np.ones(n)
    rng = np.random.default_rng(seed)
    rids = np.empty((perms, kmax), np.int64)
    for r in range(perms):  # one draw per permutation row, as esda
        rids[r] = rng.choice(n - 1, kmax, replace=False)
    obs = A @ x
    order = np.argsort(card, kind="stable")
    larger = np.zeros(n, np.int64)
    if chunk <= 0:
        chunk = max(1, int(64e6 / (perms * kmax * 8)))
    maxabs = np.abs(x).max()
    for lo in range(0, n, chunk):
        sites = order[lo:lo + chunk]
        sites = sites[card[sites] > 0]
        if len(sites) == 0:
            continue
        kc = int(card[sites].max())
        ids = rids[None, :, :kc] + (rids[None, :, :kc] >= sites[:, None, None])
        sums = np.cumsum(x[ids], axis=2)
        sim = np.take_along_axis(sums, (card[sites] - 1)[:, None, None].repeat(perms, axis=1), axis=2)[:, :, 0]
        eps = 1e-12 * card[sites] * maxabs
        larger[sites] = (sim >= (obs[sites] - eps)[:, None]).sum(axis=1)
    low = (perms - larger) < larger
    larger[low] = perms - larger[low]
    psim = (larger + 1) / (perms + 1)
    psim[card == 0] = 1
    return psim


def fdr_cut(p, alpha):
    s = np.sort(p)
    n = len(s)
    c = np.arange(1, n + 1) * alpha / n
    ok = np.nonzero(s <= c)[0]
    return c[ok[-1]] if len(ok) else alpha / n


def bins(z, p):
    c99, c95, c90 = fdr_cut(p, 0.01), fdr_cut(p, 0.05), fdr_cut(p, 0.10)
    b = np.where(p <= c99, 3, np.where(p <= c95, 2, np.where(p <= c90, 1, 0)))
    return np.where(z < 0, -b, np.where(z == 0, 0, b))


# ---------------------------------------------------------------- main

def main():
    a = parse_args()
    os.makedirs(a.out, exist_ok=True)
    t = {}
    t0 = time.perf_counter()

    def lap(name):
        nonlocal t0
        now = time.perf_counter()
        t[name] = now - t0
        t0 = now

    reader = read_cases if a.kind == "cases" else read_incidents
    df = pd.concat([reader(f) for f in a.inp], ignore_index=True) if len(a.inp) > 1 else reader(a.inp[0])
    lat, lon, cnt = df["lat"].to_numpy(), df["lon"].to_numpy(), df["count"].to_numpy()
    lap("read")

    import libpysal  # imported here so its import cost is not "read"
    grid = EaseGrid(a.cell_km)
    col, row = grid.locate(lat, lon)
    key = col * (1 << 32) + row
    okey, inv = np.unique(key, return_inverse=True)
    ocount = np.bincount(inv, weights=cnt)
    orecs = np.bincount(inv)
    lap("grid")

    scol, srow = study_area(grid, okey >> 32, okey & 0xffffffff, a.band_km)
    skey = scol * (1 << 32) + srow
    x = np.zeros(len(skey))
    x[np.searchsorted(skey, okey)] = ocount
    clon, clat = grid.centres(scol, srow)
    w = libpysal.weights.DistanceBand(np.column_stack([clon, clat]), threshold=a.band_km, binary=True,
                                      distance_metric="arc", radius=R_KM, silence_warnings=True)
    A = w.sparse.tocsr().astype(float)
    A.setdiag(0)
    A.eliminate_zeros()
    lap("weights")

    z, p, card = gi_star(x, A)
    psim = crand_psim(x, A, card, a.permutations, a.seed, a.chunk)
    b = bins(z, p)
    lap("gistar")

    from sklearn.cluster import DBSCAN
    # A point that weighs nothing (an incident with no one dead or
    # missing) neither makes nor joins a cluster, as in htmap: it is left
    # out and labelled noise.
    keep = cnt > 0
    pts = pd.DataFrame({"lat": lat[keep], "lon": lon[keep], "count": cnt[keep]})
    g = pts.groupby(["lat", "lon"], sort=False)
    place = g.ngroup().to_numpy()
    u = g["count"].sum()
    ulat = u.index.get_level_values(0).to_numpy()
    ulon = u.index.get_level_values(1).to_numpy()
    # scikit-learn wants an integer; counts are integers, so a weight sum
    # reaches a fractional min-points exactly when it reaches its ceiling
    db = DBSCAN(eps=a.eps_km / R_KM, min_samples=math.ceil(a.min_points), metric="haversine", algorithm="ball_tree",
                n_jobs=-1).fit(np.radians(np.column_stack([ulat, ulon])), sample_weight=u.to_numpy())
    core = np.zeros(len(u), bool)
    core[db.core_sample_indices_] = True
    # ngroup numbers groups in order of first appearance, as u's index
    # with sort=False
    plabel, pcore = np.full(len(cnt), -1), np.zeros(len(cnt), bool)
    plabel[keep], pcore[keep] = db.labels_[place], core[place]
    lap("dbscan")

    import geopandas as gpd
    from shapely.geometry import MultiPoint, box
    ids = grid.ids(scol, srow)
    west, south, east, north = grid.bounds(scol, srow)
    cells = gpd.GeoDataFrame({"cell_id": ids, "cell_system": "grid:" + grid.name, "count": x.astype(np.int64),
                              "gi_z": z, "gi_p": p, "gi_psim": psim, "gi_bin": b},
                             geometry=[box(*r) for r in zip(west, south, east, north)], crs=4326)
    cells.to_file(os.path.join(a.out, "cells.geojson"), driver="GeoJSON")
    # cluster hulls from the merged places: sort by label once, then one
    # convex hull per cluster (dissolve would union every point first)
    ulab = db.labels_
    nclu = int(ulab.max()) + 1
    if nclu > 0:
        o = np.argsort(ulab, kind="stable")
        o = o[ulab[o] >= 0]
        cuts = np.searchsorted(ulab[o], np.arange(1, nclu))
        xy = np.column_stack([ulon, ulat])[o]
        hulls = [MultiPoint(part).convex_hull for part in np.split(xy, cuts)]
        wsum = np.bincount(ulab[o], weights=u.to_numpy()[o], minlength=nclu)
        npts = np.bincount(plabel[plabel >= 0], minlength=nclu)
        gpd.GeoDataFrame({"cluster_id": np.arange(nclu), "n_points": npts, "count": wsum.astype(np.int64)},
                         geometry=hulls, crs=4326).to_file(os.path.join(a.out, "clusters.geojson"), driver="GeoJSON")
    lap("write")

    # agreement side files (not timed)
    pd.DataFrame({"cell_id": ids, "count": x.astype(np.int64), "gi_z": z, "gi_bin": b}).to_csv(
        os.path.join(a.out, "cells.csv"), index=False)
    pd.DataFrame({"row": df["row"].to_numpy(), "cluster_id": plabel, "core": pcore.astype(int)}).to_csv(
        os.path.join(a.out, "labels.csv"), index=False)
    with open(os.path.join(a.out, "timings.json"), "w") as f:
        json.dump({"stages": [{"stage": k, "seconds": v} for k, v in t.items()],
                   "cells": int(len(x)), "occupied": int(len(okey)), "points": int(len(df)),
                   "clusters": int(plabel.max() + 1), "kmax": int(card.max())}, f, indent=1)
    print("peer: %d points, %d cells (%d occupied), kmax %d, %d clusters; %s" % (
        len(df), len(x), len(okey), card.max(), plabel.max() + 1,
        ", ".join("%s %.2f s" % kv for kv in t.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
