#!/usr/bin/python3
"""Checks that htmap and the Python peer computed the same thing before
their times are compared.

  agree.py HTMAP_OUT KIND PEER_OUT [DUCKDB_CSV]

Checks, each printed with its numbers:
  cells    the same cell ids (study area) and equal counts per cell id
           (htmap run with --k 1, so only zero counts are withheld: a
           withheld count is 0)
  gi_z     max |z_htmap - z_peer| <= 1e-6 over every cell whose z htmap
           publishes; gi_bin equal (both from the normal p-values after BH
           FDR, deterministic)
  dbscan   the partition of the peer's core points is the same in htmap's
           private/KIND/labels.csv: every peer cluster's core points carry
           one htmap label, different clusters different labels, none
           noise; the number of clusters is equal
  duckdb   (optional) DuckDB's per-cell counts equal htmap's occupied cells
Exits 1 when any check fails.
"""
import json
import sys

import numpy as np
import pandas as pd


def main():
    hout, kind, pout = sys.argv[1:4]
    duck = sys.argv[4] if len(sys.argv) > 4 else None
    ok = True
    with open(f"{hout}/{kind}/cells.geojson") as f:
        feats = json.load(f)["features"]
    h = pd.DataFrame([{"cell_id": q["properties"]["cell_id"], "count": q["properties"]["count"] or 0,
                       "supp": q["properties"]["count_suppressed"], "gi_z": q["properties"]["gi_z"],
                       "gi_bin": q["properties"]["gi_bin"]} for q in feats]).set_index("cell_id")
    p = pd.read_csv(f"{pout}/cells.csv").set_index("cell_id")
    only_h, only_p = h.index.difference(p.index), p.index.difference(h.index)
    both = h.index.intersection(p.index)
    cnt_bad = int((h.loc[both, "count"].astype(np.int64) != p.loc[both, "count"]).sum())
    supp_bad = int((h.loc[both, "supp"] & (p.loc[both, "count"] != 0)).sum())
    good = len(only_h) == 0 and len(only_p) == 0 and cnt_bad == 0 and supp_bad == 0
    ok &= good
    print(f"agree cells : {'OK' if good else 'FAIL'}  htmap {len(h)} cells, peer {len(p)}; "
          f"only htmap {len(only_h)}, only peer {len(only_p)}; count differs in {cnt_bad + supp_bad}")
    # htmap's privacy rules may withhold a sensitive cell's statistics
    # (null) so a withheld count cannot be solved back from them; those
    # cells are counted and left out of the z comparison
    hz = h.loc[both, "gi_z"].astype(float)
    withheld = int(hz.isna().sum())
    pub = hz.index[hz.notna()]
    dz = np.abs(hz[pub] - p.loc[pub, "gi_z"]).to_numpy()
    zmax = float(dz.max()) if len(dz) else 0.0
    bin_bad = int((h.loc[both, "gi_bin"].astype(int) != p.loc[both, "gi_bin"]).sum())
    good = zmax <= 1e-6 and bin_bad == 0
    ok &= good
    print(f"agree gi*   : {'OK' if good else 'FAIL'}  max |dz| {zmax:.2e} over {len(pub)} cells "
          f"({withheld} withheld by htmap's privacy rules); "
          f"gi_bin differs in {bin_bad}; hot bins {int((p['gi_bin'] > 0).sum())}, cold {int((p['gi_bin'] < 0).sum())}")

    hl = pd.read_csv(f"{hout}/private/{kind}/labels.csv")
    pl = pd.read_csv(f"{pout}/labels.csv")
    m = pl.merge(hl.rename(columns={"cluster_id": "h"}), on="row", how="left")
    m["h"] = m["h"].fillna(-1).astype(int)
    core = m[m["core"] == 1]
    noise = int((core["h"] < 0).sum())
    p2h = core.groupby("cluster_id")["h"].nunique()
    h2p = core.groupby("h")["cluster_id"].nunique()
    npc, nhc = int(pl["cluster_id"].max() + 1), int(hl["cluster_id"].max() + 1) if len(hl) else 0
    good = noise == 0 and bool((p2h == 1).all()) and bool((h2p == 1).all()) and npc == nhc
    border = m[(m["core"] == 0)]
    bdiff = int(((border["cluster_id"] >= 0) != (border["h"] >= 0)).sum())
    ok &= good
    print(f"agree dbscan: {'OK' if good else 'FAIL'}  clusters htmap {nhc}, peer {npc}; {len(core)} core points, "
          f"{noise} of them noise in htmap, {int((p2h > 1).sum())} peer clusters split, {int((h2p > 1).sum())} merged; "
          f"border points clustered/noise differently: {bdiff}")

    if duck:
        d = pd.read_csv(duck).set_index("cell_id")
        occ = h[h["count"] > 0]
        di = d.index.symmetric_difference(occ.index)
        both = d.index.intersection(occ.index)
        bad = int((d.loc[both, "count"] != occ.loc[both, "count"]).sum())
        good = len(di) == 0 and bad == 0
        ok &= good
        print(f"agree duckdb: {'OK' if good else 'FAIL'}  {len(d)} occupied cells in DuckDB, {len(occ)} in htmap; "
              f"ids differ {len(di)}, counts differ {bad}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
