// Package testenv locates what tests need outside the repository: the
// shared public datasets and external reference tools (node packages,
// Debian's python3 with its scientific packages).
//
// Outside CI a missing dependency skips the test with the reason. With
// CI=true it fails instead, so integration tests can never silently stop
// running.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true).
func InCI() bool { return os.Getenv("CI") == "true" }

// RepoRoot returns the directory holding go.mod, found by walking up from
// the working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testenv: no go.mod above the working directory")
		}
		dir = parent
	}
}

// missing skips the test, or fails it under CI.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// SharedData returns the folder of shared public datasets: $HTMAP_SHARED_DATA,
// or ../shared/data beside the repository.
func SharedData(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("HTMAP_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), "..", "shared", "data")
	}
	if _, err := os.Stat(dir); err != nil {
		missing(t, "shared data not found at %s (set HTMAP_SHARED_DATA): %v", dir, err)
	}
	return dir
}

// SharedFile returns the path of one file of the shared datasets.
func SharedFile(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(SharedData(t), name)
	if _, err := os.Stat(p); err != nil {
		missing(t, "shared data file missing: %v", err)
	}
	return p
}

// Fixtures returns the path of ../shared/fixtures/peer-oracles.json.
func Fixtures(t testing.TB) string {
	t.Helper()
	p := filepath.Join(SharedData(t), "..", "fixtures", "peer-oracles.json")
	if _, err := os.Stat(p); err != nil {
		missing(t, "fixtures not found: %v", err)
	}
	return p
}

// Command returns the path of an executable on PATH, or skips (fails under CI).
func Command(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, "%s not installed: %v", name, err)
	}
	return p
}

// NodeModules returns tools/npm/node_modules, where .ci/run installs the
// npm reference packages (cd tools/npm && npm install), after checking that the
// named packages are there.
func NodeModules(t testing.TB, pkgs ...string) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "tools", "npm", "node_modules")
	for _, p := range pkgs {
		if _, err := os.Stat(filepath.Join(dir, p, "package.json")); err != nil {
			missing(t, "npm package %s not installed (cd tools/npm && npm install): %v", p, err)
		}
	}
	return dir
}

// DebianPython returns /usr/bin/python3 after checking that it imports the
// named modules (Debian's python3-* packages).
func DebianPython(t testing.TB, modules ...string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	for _, m := range modules {
		if err := exec.Command(py, "-c", "import "+m).Run(); err != nil {
			missing(t, "%s cannot import %s (apt-get install python3-...): %v", py, m, err)
		}
	}
	return py
}
