package pipeline

import (
	"os"
	"path/filepath"

	"github.com/htmap/htmap/export/htmlmap"
	"github.com/htmap/htmap/export/staticmap"
)

// MapOptions choose what the maps show.
type MapOptions struct {
	Title  string   // overrides the run's title
	Layers []string // only these layers (cells, cases/cells, ...); nil for all
	DPI    float64  // of map.png (default 96; 300 for reports)
}

// WriteMaps draws map.html (one self-contained file that works offline),
// map.png and map.svg into dir from the published layers and manifest
// already there. It never reads dir/private. It returns the files written,
// relative to dir.
func WriteMaps(dir string, opt MapOptions) ([]OutputRecord, error) {
	in, err := htmlmap.FromDir(dir)
	if err != nil {
		return nil, err
	}
	if in, err = htmlmap.Thin(in); err != nil {
		return nil, err
	}
	if opt.Title != "" {
		in.Title = opt.Title
	}
	if len(opt.Layers) > 0 {
		in = in.Only(opt.Layers)
	}
	var out []OutputRecord
	write := func(name, format string, draw func(f *os.File) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		err = draw(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		_, sum, err := hashFile(filepath.Join(dir, name))
		out = append(out, OutputRecord{Path: name, Format: format, SHA256: sum})
		return err
	}
	sopt := staticmap.Options{DPI: opt.DPI}
	if err := write("map.html", "html", func(f *os.File) error { return htmlmap.Write(f, in) }); err != nil {
		return nil, err
	}
	if err := write("map.png", "png", func(f *os.File) error { return staticmap.WritePNG(f, in, sopt) }); err != nil {
		return nil, err
	}
	if err := write("map.svg", "svg", func(f *os.File) error { return staticmap.WriteSVG(f, in, sopt) }); err != nil {
		return nil, err
	}
	return out, nil
}
