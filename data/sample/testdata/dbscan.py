# Reads "lat,lon" lines on stdin and prints one DBSCAN label per line,
# with scikit-learn's haversine DBSCAN (argv: eps_km min_points). The
# reference for TestDBSCANMatchesScikitLearn.
import sys

import numpy as np
from sklearn.cluster import DBSCAN

eps_km, min_points = float(sys.argv[1]), int(sys.argv[2])
pts = np.radians(np.loadtxt(sys.stdin, delimiter=",", ndmin=2))
labels = DBSCAN(eps=eps_km / 6371.0088, min_samples=min_points, metric="haversine", algorithm="ball_tree").fit(pts).labels_
sys.stdout.write("\n".join(str(int(v)) for v in labels) + "\n")
