package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// outDir is an output folder under construction: files go to a
// temporary folder beside the target, which replaces the target only
// when the run has succeeded.
type outDir struct {
	target string
	tmp    string
}

// PrivateDir is the subfolder for per-record files (rejects, cluster
// labels, true counts). No published file or map ever reads from it.
const PrivateDir = "private"

// newOutDir checks that target may be written and creates the temporary
// folder. A target that exists, is not empty and holds no htmap
// manifest is refused unless force, so a mistyped --out cannot wipe a
// home folder.
func newOutDir(target string, force bool) (*outDir, error) {
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(abs); err == nil {
		if !st.IsDir() {
			return nil, fmt.Errorf("output %s exists and is not a folder", target)
		}
		ents, err := os.ReadDir(abs)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", target, err)
		}
		if len(ents) > 0 && !force {
			if _, err := os.Stat(filepath.Join(abs, "manifest.json")); err != nil {
				return nil, fmt.Errorf("output %s is not empty and holds no htmap manifest; use --force to replace it", target)
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("output %s: %w", target, err)
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".htmap-tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", target, err)
	}
	if err := os.Mkdir(filepath.Join(tmp, PrivateDir), 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &outDir{target: abs, tmp: tmp}, nil
}

// path returns where a file relative to the output folder is written now.
func (o *outDir) path(rel string) string { return filepath.Join(o.tmp, filepath.FromSlash(rel)) }

// commit swaps the finished folder into place.
func (o *outDir) commit() error {
	old := ""
	if _, err := os.Stat(o.target); err == nil {
		old = o.tmp + "-old"
		if err := os.Rename(o.target, old); err != nil {
			return fmt.Errorf("cannot replace %s: %w", o.target, err)
		}
	}
	if err := os.Rename(o.tmp, o.target); err != nil {
		if old != "" {
			os.Rename(old, o.target)
		}
		return fmt.Errorf("cannot move output into %s: %w", o.target, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// abort removes the temporary folder; the target is left as it was.
func (o *outDir) abort() { os.RemoveAll(o.tmp) }
