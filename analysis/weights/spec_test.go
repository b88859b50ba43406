package weights

import "testing"

func TestParseSpec(t *testing.T) {
	good := map[string]Spec{
		"distance:250":     {Kind: KindDistance, Distance: 250},
		"distance:0.5":     {Kind: KindDistance, Distance: 0.5},
		"knn:8":            {Kind: KindKNN, K: 8},
		"contiguity":       {Kind: KindContiguity},
		"gal:w/stl.gal":    {Kind: KindGAL, Path: "w/stl.gal"},
		"gal:C:\\w\\x.gal": {Kind: KindGAL, Path: "C:\\w\\x.gal"},
	}
	for in, want := range good {
		got, err := ParseSpec(in)
		if err != nil || got != want {
			t.Errorf("%q: %+v %v, want %+v", in, got, err, want)
		}
		if got.String() != in {
			t.Errorf("%q prints as %q", in, got.String())
		}
	}
	for _, in := range []string{"", "distance", "distance:", "distance:-1", "distance:NaN", "knn:0", "knn:2.5", "contiguity:1", "gal:", "queen"} {
		if s, err := ParseSpec(in); err == nil {
			t.Errorf("%q accepted as %+v", in, s)
		}
	}
}
