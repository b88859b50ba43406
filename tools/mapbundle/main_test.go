package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/htmap/htmap/internal/testenv"
)

// TestCommittedBundle regenerates the bundle from the installed Leaflet
// and the app sources and checks it equals the committed, embedded files:
// a forgotten `go generate` or an edited bundle fails here.
func TestCommittedBundle(t *testing.T) {
	nm := testenv.NodeModules(t, "leaflet")
	root := testenv.RepoRoot(t)
	files, err := Bundle(nm, filepath.Join(root, "export", "htmlmap", "web"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bundle.js", "bundle.css"} {
		committed, err := os.ReadFile(filepath.Join(root, "export", "htmlmap", "assets", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(committed, files[name]) {
			t.Errorf("export/htmlmap/assets/%s differs from a fresh bundle (%d vs %d bytes): run go generate ./export/htmlmap", name, len(committed), len(files[name]))
		}
		if !strings.Contains(string(files[name]), "BSD 2-Clause License") {
			t.Errorf("%s lacks Leaflet's licence text", name)
		}
	}
}

func TestPatchMustMatchOnce(t *testing.T) {
	if _, err := apply([]byte("a a"), []patch{{"a", "b"}}, "x"); err == nil {
		t.Error("a patch matching twice was accepted")
	}
	if _, err := apply([]byte("c"), []patch{{"a", "b"}}, "x"); err == nil {
		t.Error("a patch matching nothing was accepted")
	}
	got, err := apply([]byte("xay"), []patch{{"a", "b"}}, "x")
	if err != nil || string(got) != "xby" {
		t.Errorf("apply = %q, %v", got, err)
	}
}
