// Package corpustest gives tests the shared material that sits beside the
// repository (../shared: the seed articles, AllSides, the evaluation sets)
// without copying it in. Outside CI a test that needs it is skipped when it
// is missing; in CI (CI=true) it fails, so a missing checkout cannot pass
// for a green run.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the path of rel inside the shared folder, or skips the
// test (fails it in CI) when it is not there. PARLEY_SHARED overrides where
// the folder is; by default it is ../shared beside the module root.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	root := os.Getenv("PARLEY_SHARED")
	if root == "" {
		mod, err := moduleRoot()
		if err != nil {
			t.Fatalf("find module root: %v", err)
		}
		root = filepath.Join(filepath.Dir(mod), "shared")
	}
	path := filepath.Join(root, rel)
	if _, err := os.Stat(path); err != nil {
		Missing(t, "shared test data not here (%v); set PARLEY_SHARED or check out ../shared", err)
	}
	return path
}

// Missing stops a test that cannot run here because something it needs
// (shared data, a browser) is absent: it skips outside CI and fails in CI
// (CI=true), so a machine without it cannot pass for a green run.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("in CI: "+format, args...)
	}
	t.Skipf(format, args...)
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// ModuleRoot returns the repository's root folder (the one holding go.mod).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := moduleRoot()
	if err != nil {
		t.Fatalf("find module root: %v", err)
	}
	return dir
}
