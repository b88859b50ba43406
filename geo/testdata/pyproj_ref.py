"""Independent reference values for geo's tests, computed with pyproj.

Run with Debian's /usr/bin/python3. Reads whitespace-separated lines on
stdin and writes one result line per input line.

  pyproj_ref.py forward   # "lat lon"            -> "x y" in EPSG:6933 metres
  pyproj_ref.py inverse   # "x y"                -> "lat lon"
  pyproj_ref.py area      # "lon lat lon lat ..." polygon -> area km2 on WGS84
"""
import sys

from pyproj import Geod, Transformer

mode = sys.argv[1]
out = []
if mode == "forward":
    t = Transformer.from_crs("EPSG:4326", "EPSG:6933", always_xy=True)
    for line in sys.stdin:
        lat, lon = map(float, line.split())
        x, y = t.transform(lon, lat)
        out.append("%.6f %.6f" % (x, y))
elif mode == "inverse":
    t = Transformer.from_crs("EPSG:6933", "EPSG:4326", always_xy=True)
    for line in sys.stdin:
        x, y = map(float, line.split())
        lon, lat = t.transform(x, y)
        out.append("%.12f %.12f" % (lat, lon))
elif mode == "area":
    g = Geod(ellps="WGS84")
    for line in sys.stdin:
        v = list(map(float, line.split()))
        area, _ = g.polygon_area_perimeter(v[0::2], v[1::2])
        out.append("%.9f" % (abs(area) / 1e6))
else:
    sys.exit("unknown mode " + mode)
print("\n".join(out))
