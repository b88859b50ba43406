package htmlmap

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// privateDir is the output folder's subfolder of per-record files, which
// no map reads.
const privateDir = "private"

// FromDir loads a run's output folder for `htmap map --from`: every
// published layer OUT/<kind>/<layer>.geojson (never OUT/private/), and
// from OUT/manifest.json the htmap version, the input names and kinds, the
// privacy threshold and the as-of date.
//
// The manifest is read leniently (an unknown field is ignored, a missing
// one gets a default) because maps must still redraw from older runs. When
// it names no as-of date, AsOf is the latest last_date or step found in
// the layers: a date from the data, never from the clock.
func FromDir(dir string) (Input, error) {
	in := Input{Title: "Human trafficking: hotspots and routes", K: 10}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return in, err
	}
	for _, e := range ents {
		if !e.IsDir() || e.Name() == privateDir || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, e.Name()))
		if err != nil {
			return in, err
		}
		for _, f := range files {
			if f.IsDir() || path.Ext(f.Name()) != ".geojson" {
				continue
			}
			p := filepath.Join(dir, e.Name(), f.Name())
			b, err := os.ReadFile(p)
			if err != nil {
				return in, err
			}
			if _, err := checkCollection(b); err != nil {
				return in, fmt.Errorf("%s: %w", p, err)
			}
			in.Layers = append(in.Layers, Layer{Kind: e.Name(), Name: strings.TrimSuffix(f.Name(), ".geojson"), GeoJSON: b})
		}
	}
	sensitive := false
	mp := filepath.Join(dir, "manifest.json")
	mb, err := os.ReadFile(mp)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return in, err
	default:
		m, err := readManifest(mb)
		if err != nil {
			return in, fmt.Errorf("%s: %w", mp, err)
		}
		in.Version = m.Htmap.Version
		if m.AsOf != "" {
			in.AsOf = m.AsOf
		} else if m.Config.AsOf != "" {
			in.AsOf = m.Config.AsOf
		}
		for _, k := range []int{m.Config.K, m.Config.Privacy.K, m.Privacy.K} {
			if k > 0 {
				in.K = k
				break
			}
		}
		for _, i := range m.Inputs {
			// Only the base name: an absolute path would tell readers
			// where the analyst keeps sensitive files.
			s := path.Base(filepath.ToSlash(i.Name))
			if i.Format != "" {
				s += " (" + i.Format + ")"
			}
			in.Sources = append(in.Sources, s)
			sensitive = sensitive || i.Sensitive
		}
	}
	if in.AsOf == "" {
		in.AsOf = latestDate(in.Layers)
	}
	if sensitive {
		in.PrivacyNote = "counts below " + strconv.Itoa(in.K) + " from sensitive inputs are withheld and shown as “fewer than " + strconv.Itoa(in.K) + "”"
	}
	return in, nil
}

// manifest is the part of OUT/manifest.json the maps use.
type manifest struct {
	Htmap struct {
		Version string `json:"version"`
	} `json:"htmap"`
	AsOf   string `json:"as_of"`
	Config struct {
		AsOf    string `json:"as_of"`
		K       int    `json:"k"`
		Privacy struct {
			K int `json:"k"`
		} `json:"privacy"`
	} `json:"config"`
	Privacy struct {
		K int `json:"k"`
	} `json:"privacy"`
	Inputs []struct {
		Name      string `json:"name"`
		Format    string `json:"format"`
		Sensitive bool   `json:"sensitive"`
	} `json:"inputs"`
}

func readManifest(b []byte) (manifest, error) {
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(b, se.Offset)
			return m, fmt.Errorf("line %d column %d: %v", line, col, err)
		}
		return m, err
	}
	return m, nil
}

// latestDate returns the greatest last_date or step property of any
// feature (ISO dates and steps sort as strings), or "".
func latestDate(ls []Layer) string {
	var dates []string
	for _, l := range ls {
		var fc struct {
			Features []struct {
				Properties map[string]any `json:"properties"`
			} `json:"features"`
		}
		if json.Unmarshal(l.GeoJSON, &fc) != nil {
			continue
		}
		for _, f := range fc.Features {
			for _, k := range []string{"last_date", "step"} {
				if s, ok := f.Properties[k].(string); ok && s != "" {
					dates = append(dates, s)
				}
			}
		}
	}
	if len(dates) == 0 {
		return ""
	}
	return slices.Max(dates)
}
