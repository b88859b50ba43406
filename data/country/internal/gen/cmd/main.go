// Command cmd regenerates the embedded country file of package country from
// world-atlas's countries-50m.json. Run through `go generate ./data/country`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/htmap/htmap/data/country/internal/gen"
)

func main() {
	in := flag.String("in", "", "countries-50m.json from the npm package world-atlas@2.0.2")
	in10 := flag.String("in10", "", "countries-10m.json of the same package, for islands missing at 1:50m (optional)")
	out := flag.String("out", "", "output file")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: cmd -in countries-50m.json [-in10 countries-10m.json] -out countries.bin.gz")
		os.Exit(2)
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var src10 []byte
	if *in10 != "" {
		if src10, err = os.ReadFile(*in10); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	b, err := gen.Build(src, src10)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", *in, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
