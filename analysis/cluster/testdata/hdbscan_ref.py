"""Brute-force HDBSCAN reference for hdbscan_ref_test.go (Debian python3).

usage: hdbscan_ref.py IN.csv MIN_CLUSTER_SIZE:MIN_SAMPLES...
IN.csv holds x,y rows (planar, Euclidean). Prints a JSON list with one
{labels, probabilities, mst_total} per MIN_CLUSTER_SIZE:MIN_SAMPLES argument.

Debian's scikit-learn (1.2) has no HDBSCAN, so this follows the published
algorithm of scikit-learn 1.3's sklearn/cluster/_hdbscan (core distance to
the min_samples-th neighbour counting the point itself; minimum spanning tree
of mutual reachability; condensed tree; excess of mass; no single cluster)
with independent routes to the MST: scipy's minimum_spanning_tree over the
full dense mutual-reachability matrix for its length, and Kruskal over all
pairs for its edges. It is O(n^2): small inputs only.
"""
import json
import sys

import numpy as np
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial.distance import cdist

def hdbscan(X, mcs, ms):
    n = len(X)
    D = cdist(X, X)
    core = np.sort(D, axis=1)[:, ms - 1]
    MR = np.maximum(D, np.maximum(core[:, None], core[None, :]))
    np.fill_diagonal(MR, 0)
    # csgraph treats 0 as "no edge"; mutual reachability is > 0 off the diagonal
    # for distinct points with ms >= 2. scipy's tree gives the MST's length.
    mst_total = float(minimum_spanning_tree(MR).sum())
    # Mutual reachability has many equal edges; which of the equal-length MSTs
    # is taken decides where tied points go. Kruskal over all pairs ordered by
    # (length, i, j) picks the same tree as the Go code's total order.
    iu, ju = np.triu_indices(n, 1)
    order = np.lexsort((ju, iu, MR[iu, ju]))
    edges, parent0 = [], list(range(n))
    def find0(x):
        while parent0[x] != x:
            parent0[x] = parent0[parent0[x]]
            x = parent0[x]
        return x
    for k in order:
        a, b = int(iu[k]), int(ju[k])
        ra, rb = find0(a), find0(b)
        if ra != rb:
            parent0[ra] = rb
            edges.append((MR[a, b], a, b))
            if len(edges) == n - 1:
                break

    # Single linkage (scipy-style hierarchy: node n+i from merge i).
    parent = list(range(2 * n))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    left, right, dist, size = [], [], [], [1] * n
    for i, (d, a, b) in enumerate(edges):
        ra, rb = find(a), find(b)
        left.append(ra); right.append(rb); dist.append(d); size.append(size[ra] + size[rb])
        parent[ra] = parent[rb] = n + i

    def leaves(node):
        out, stack = [], [node]
        while stack:
            x = stack.pop()
            if x < n:
                out.append(x)
            else:
                stack += [left[x - n], right[x - n]]
        return out

    # Condensed tree.
    root = 2 * n - 2
    label = {root: 0}
    nxt = 1
    rows = []  # (parent, child, is_cluster, lambda, size)
    queue = [root]
    while queue:
        node = queue.pop(0)
        i = node - n
        l, r, d = left[i], right[i], dist[i]
        lam = 1 / d if d > 0 else np.inf
        c = label[node]
        ls, rs = size[l], size[r]
        if ls >= mcs and rs >= mcs:
            for ch in (l, r):
                label[ch] = nxt
                rows.append((c, nxt, True, lam, size[ch]))
                nxt += 1
                queue.append(ch)
        else:
            for ch, s in ((l, ls), (r, rs)):
                if s < mcs:
                    for p in leaves(ch):
                        rows.append((c, p, False, lam, 1))
                else:
                    label[ch] = c
                    queue.append(ch)

    # Stability and excess of mass.
    birth = {0: 0.0}
    par = {0: None}
    children = {c: [] for c in range(nxt)}
    for p, ch, isc, lam, s in rows:
        if isc:
            birth[ch] = lam; par[ch] = p; children[p].append(ch)
    stab = {c: 0.0 for c in range(nxt)}
    for p, ch, isc, lam, s in rows:
        stab[p] += (lam - birth[p]) * s
    selected = {c: False for c in range(nxt)}
    for c in range(nxt - 1, 0, -1):
        sub = sum(stab[ch] for ch in children[c])
        if sub > stab[c]:
            stab[c] = sub
        else:
            selected[c] = True
            stack = list(children[c])
            while stack:
                x = stack.pop(); selected[x] = False; stack += children[x]

    def owner(c):
        while c is not None and not selected[c]:
            c = par[c]
        return c

    death = {c: 0.0 for c in range(nxt)}
    for p, ch, isc, lam, s in rows:
        death[p] = max(death[p], lam)
    labels = [-1] * n
    prob = [0.0] * n
    for p, ch, isc, lam, s in rows:
        if isc:
            continue
        o = owner(p)
        if o is None or o == 0:
            continue
        labels[ch] = o
        dm = death[o]
        prob[ch] = 1.0 if dm == 0 or not np.isfinite(lam) else min(lam, dm) / dm
    # Number clusters by first member, as the Go code does.
    order = {}
    for i, l in enumerate(labels):
        if l >= 0 and l not in order:
            order[l] = len(order)
    labels = [order[l] if l >= 0 else -1 for l in labels]
    return {"labels": labels, "probabilities": prob, "mst_total": mst_total}


X = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
out = []
for arg in sys.argv[2:]:
    mcs, ms = (int(v) for v in arg.split(":"))
    out.append(hdbscan(X, mcs, ms))
json.dump(out, sys.stdout)
