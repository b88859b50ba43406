"""Reference DBSCAN for dbscan_sklearn_test.go, run under Debian's python3.

usage: sklearn_dbscan.py IN.csv EPS_KM:MIN_SAMPLES...
IN.csv has lon,lat,weight rows (no header). Prints a JSON list, one entry per
EPS_KM:MIN_SAMPLES argument, with scikit-learn's labels and core sample
indices for metric="haversine", algorithm="ball_tree".
"""
import json
import sys

import numpy as np
from sklearn.cluster import DBSCAN

R_KM = 6371.0088

data = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
X = np.radians(data[:, [1, 0]])  # haversine wants (lat, lon) in radians
out = []
for arg in sys.argv[2:]:
    eps_km, min_samples = arg.split(":")
    db = DBSCAN(eps=float(eps_km) / R_KM, min_samples=int(min_samples),
                metric="haversine", algorithm="ball_tree")
    db.fit(X, sample_weight=data[:, 2])
    out.append({"labels": db.labels_.tolist(),
                "core": db.core_sample_indices_.tolist()})
json.dump(out, sys.stdout)
