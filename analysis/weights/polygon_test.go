package weights

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/htmap/htmap/internal/testenv"
)

// Four unit squares in a 2 x 2 block: edge neighbours share a side, the
// diagonal pairs only the centre vertex.
func TestQueenRookByHand(t *testing.T) {
	sq := func(x, y float64) orb.Geometry {
		return orb.Polygon{{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}
	}
	far := orb.MultiPolygon{{{{10, 10}, {11, 10}, {11, 11}, {10, 10}}}}
	g := []orb.Geometry{sq(0, 0), sq(1, 0), sq(0, 1), sq(1, 1), far}
	q, err := Queen(g)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Rook(g)
	if err != nil {
		t.Fatal(err)
	}
	if got := row(q, 0); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("queen 0: %v", got)
	}
	if got := row(r, 0); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("rook 0: %v", got)
	}
	if !slices.Equal(q.Islands(), []int{4}) || !slices.Equal(r.Islands(), []int{4}) {
		t.Errorf("islands %v %v", q.Islands(), r.Islands())
	}
	if _, err := Queen([]orb.Geometry{orb.Point{1, 2}}); err == nil {
		t.Error("point accepted")
	}
}

// The St. Louis counties (stl_hom.wkt, shipped with Debian's libpysal):
// our queen and rook contiguity equal libpysal's Queen and Rook built from
// the shapefile by libpysal's own reader, and our rook equals GeoDa's
// stl_hom_rook.gal. (The README calls stl.gal queen, but it is
// byte-identical to the rook file: the 4 corner-only pairs, 406 - 398 links,
// are missing from it.)
func TestQueenRookStLouis(t *testing.T) {
	py := testenv.DebianPython(t, "libpysal")
	out, err := exec.Command(py, "-c", stlContiguityScript).Output()
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Dir         string
		Queen, Rook [][]int
	}
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(ref.Dir, "stl_hom.wkt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var geoms []orb.Geometry
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		g, err := wkt.Unmarshal(sc.Text())
		if err != nil {
			t.Fatalf("wkt line %d: %v", len(geoms)+1, err)
		}
		geoms = append(geoms, g)
	}
	ids := make([]string, len(geoms))
	for i := range ids {
		ids[i] = strconv.Itoa(i + 1)
	}
	g, err := os.Open(filepath.Join(ref.Dir, "stl_hom_rook.gal"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	geoda, err := ReadGAL(g, ids)
	if err != nil {
		t.Fatal(err)
	}
	queen, err := Queen(geoms)
	if err != nil {
		t.Fatal(err)
	}
	rook, err := Rook(geoms)
	if err != nil {
		t.Fatal(err)
	}
	if len(queen.Index) != 406 || len(rook.Index) != 398 {
		t.Errorf("links: queen %d, rook %d; libpysal 406 and 398", len(queen.Index), len(rook.Index))
	}
	for i := range geoms {
		if !slices.Equal(row(queen, i), ref.Queen[i]) {
			t.Errorf("queen site %d: %v, libpysal %v", i, row(queen, i), ref.Queen[i])
		}
		if !slices.Equal(row(rook, i), ref.Rook[i]) {
			t.Errorf("rook site %d: %v, libpysal %v", i, row(rook, i), ref.Rook[i])
		}
		if !slices.Equal(row(rook, i), row(geoda, i)) {
			t.Errorf("rook site %d: %v, GeoDa %v", i, row(rook, i), row(geoda, i))
		}
	}
}

const stlContiguityScript = `
import json, os, warnings
warnings.simplefilter("ignore")
import libpysal
from libpysal.weights import Queen, Rook
d = os.path.join(os.path.dirname(libpysal.__file__), "examples", "stl")
shp = os.path.join(d, "stl_hom.shp")
q, r = Queen.from_shapefile(shp), Rook.from_shapefile(shp)
print(json.dumps({"dir": d,
    "queen": [sorted(q.neighbors[i]) for i in range(q.n)],
    "rook": [sorted(r.neighbors[i]) for i in range(r.n)]}))
`
