package main

import (
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/corpus/entity"
	"github.com/parleysearch/parley/corpus/extract"
	"github.com/parleysearch/parley/index"
	"github.com/parleysearch/parley/query/web"
)

// serveDemo indexes the demo corpus and serves it, as parley serve does,
// with the index opened for reading so the test's local commands can
// read it too. It returns the environment of the local commands and the
// server's URL.
func serveDemo(t *testing.T) (map[string]string, string) {
	t.Helper()
	root := corpustest.ModuleRoot(t)
	env := map[string]string{"PARLEY_INDEX": filepath.Join(t.TempDir(), "index"), "PARLEY_ALIASES": filepath.Join(root, "corpus", "demo", "aliases.yaml")}
	mustCLI(t, env, "index", filepath.Join(root, "corpus", "demo"))
	g, err := entity.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.AddAliasFile(env["PARLEY_ALIASES"]); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(env["PARLEY_INDEX"], index.Options{ReadOnly: true, Extractor: extract.New(g)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	srv, err := web.New(web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetIndex(ix)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return env, ts.URL
}

// tookMS hides how long a search took, the one thing two runs differ in.
var tookMS = regexp.MustCompile(`"took_ms": ?[0-9.e-]+|, [0-9.]+(ns|µs|ms|s)\)`)

// Every read command prints over --server what it prints locally, on
// success and on failure.
func TestServerFlagPrintsTheSame(t *testing.T) {
	env, url := serveDemo(t)
	id := strings.Split(strings.Split(mustCLI(t, env, "search", "--csv", "--limit", "1", "ceasefire tatters"), "\n")[1], ",")[0]
	cases := [][]string{
		{"search", "ceasefire"},
		{"search", "--json", "--facets", "--limit", "3", "--page", "2", "--sort", "newest", "ceasefire"},
		{"search", "--csv", "--source", "Meridian Wire", "ceasefire OR talks"},
		{"search", "--facets", "--from", "2020-10", "--to", "2020-11", "Kelmarin"},
		{"search", "--explain", "person:Kelmarin"},
		{"search", `ceasefire "talks`},
		{"search", "--sort", "sideways", "ceasefire"},
		{"show", id},
		{"show", "--json", id},
		{"show", "0000000000000000"},
		{"stats"},
		{"stats", "--json"},
		{"entities", "ceasefire"},
		{"entities", "--json", "--type", "person"},
		{"entity", "Kelmarin"},
		{"entity", "--json", "Sevda Oryen"},
		{"entity", "Nobody Atall"},
		{"quotes", "ceasefire"},
		{"quotes", "--json", "--facets", "--limit", "3", "--page", "2", "--speaker", "Sevda Oryan"},
		{"quotes", "--csv", "--from", "2020-10", "--to", "2020-11", "--min-confidence", "0.85"},
		{"quotes", "--explain", "--exact", `"will not"`},
		{"quotes", `ceasefire "talks`},
		{"quotes", "--min-confidence", "2"},
		{"who", "We read the names so that the people in the capitals see them"},
		{"who", "--json", "--speaker", "Sevda Oryan", "Quiet is not peace"},
		{"who", "--limit", "2", "Winter does not wait for diplomats"},
		{"who", "..."},
	}
	for _, args := range cases {
		name := strings.Join(args, " ")
		localOut, localErr, lerr := parley(t, env, args...)
		remote := append([]string{args[0], "--server", url}, args[1:]...)
		remoteOut, remoteErr, rerr := parley(t, env, remote...)
		if got, want := tookMS.ReplaceAllString(remoteOut, "TIME"), tookMS.ReplaceAllString(localOut, "TIME"); got != want {
			t.Errorf("parley %s: --server prints\n%s\nlocally\n%s", name, got, want)
		}
		if localOut == "" && lerr == nil {
			t.Errorf("parley %s: prints nothing", name)
		}
		if exitCode(lerr) != exitCode(rerr) || errText(lerr) != errText(rerr) || localErr != remoteErr {
			t.Errorf("parley %s: --server fails with %d %q %q, locally %d %q %q", name, exitCode(rerr), errText(rerr), remoteErr, exitCode(lerr), errText(lerr), localErr)
		}
	}
	// PARLEY_SERVER does what --server does.
	remoteEnv := map[string]string{"PARLEY_SERVER": url, "PARLEY_INDEX": filepath.Join(t.TempDir(), "none")}
	if got, want := mustCLI(t, remoteEnv, "stats"), mustCLI(t, env, "stats"); got != want {
		t.Errorf("PARLEY_SERVER stats:\n%s\nlocally\n%s", got, want)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A server that is not there is named in the error, with what to check.
func TestServerFlagUnreachable(t *testing.T) {
	_, _, err := parley(t, nil, "search", "--server", "http://127.0.0.1:1", "ceasefire")
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || !strings.Contains(err.Error(), "parley serve") {
		t.Errorf("unreachable server: %v", err)
	}
	_, _, err = parley(t, nil, "search", "--server", "ftp://x", "ceasefire")
	if exitCode(err) != 2 {
		t.Errorf("--server ftp://x: %v (exit %d), want a usage error", err, exitCode(err))
	}
}
