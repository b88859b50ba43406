"""Independent attacker for the privacy tests.

Reads a linear system over the true counts from stdin (JSON):
  n        number of unknowns
  eq       [[[index, coef], ...], rhs]   sum coef*x = rhs
  ub       [[[index, coef], ...], rhs]   sum coef*x <= rhs
  bounds   [[lo, hi or null], ...]
  targets  [index, ...]
and prints, for every target, [min, max] (max null when unbounded), as
scipy's HiGHS solver finds them. Nothing here is shared with the Go code.
"""
import json
import sys

import numpy as np
from scipy.optimize import linprog

p = json.load(sys.stdin)
n = p["n"]


def dense(rows):
    if not rows:
        return None, None
    A = np.zeros((len(rows), n))
    b = np.zeros(len(rows))
    for r, (terms, rhs) in enumerate(rows):
        for i, c in terms:
            A[r, i] += c
        b[r] = rhs
    return A, b


Aeq, beq = dense(p["eq"])
Aub, bub = dense(p["ub"])
bounds = [(lo, hi) for lo, hi in p["bounds"]]
out = []
for t in p["targets"]:
    res = []
    for sign in (1, -1):
        c = np.zeros(n)
        c[t] = sign
        r = linprog(c, A_ub=Aub, b_ub=bub, A_eq=Aeq, b_eq=beq, bounds=bounds, method="highs")
        if r.status == 3:
            res.append(None)
        elif r.status != 0:
            raise SystemExit("linprog failed on %d: %s" % (t, r.message))
        else:
            res.append(sign * r.fun)
    out.append(res)
json.dump(out, sys.stdout)
