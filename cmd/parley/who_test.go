package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/parleysearch/parley/corpus/corpustest"
	"github.com/parleysearch/parley/query"
)

// TestWhoDemo checks `parley who` on the demo corpus, byte for byte, and
// that its JSON gives the verdicts a reader would.
func TestWhoDemo(t *testing.T) {
	root := corpustest.ModuleRoot(t)
	ix := filepath.Join(t.TempDir(), "index")
	env := map[string]string{"PARLEY_INDEX": ix, "NO_COLOR": "1", "PARLEY_ALIASES": filepath.Join(root, "corpus", "demo", "aliases.yaml")}
	replace := map[string]string{root: "$ROOT", ix: "$INDEX"}
	if _, errOut, err := parley(t, env, "index", filepath.Join(root, "corpus", "demo")); err != nil {
		t.Fatal(err, errOut)
	}
	golden(t, "who-verbatim.golden", mustCLI(t, env, "who", "“A handshake is not an agreement, but it is better than a shell”"), replace)
	golden(t, "who-altered.golden", mustCLI(t, env, "who", "Kelmarin: A handshake is an agreement, and it is better than a shell"), replace)
	golden(t, "who.json.golden", mustCLI(t, env, "who", "--json", "--limit", "2", `"a handshake is not an agreement"`), replace)

	for _, c := range []struct{ claim, speaker, want string }{
		{`"A handshake is not an agreement, but it is better than a shell"`, "", query.Verbatim},
		{`A handshake is not an agreement`, "", query.Partial},
		{`A handshake is not a deal, but it is better than a shell`, "", query.Altered},
		{`A handshake is not an agreement, but it is better than a shell`, "Sevda Oryan", query.Verbatim},
		{`A handshake is not an agreement, but it is better than a shell`, "Aleksandr Kelmarin", query.OtherSpeaker},
		{`Nobody in the valley ever owned a bicycle`, "", query.NotFound},
	} {
		args := []string{"who", "--json"}
		if c.speaker != "" {
			args = append(args, "--speaker", c.speaker)
		}
		var res query.WhoResult
		if err := json.Unmarshal([]byte(mustCLI(t, env, append(args, c.claim)...)), &res); err != nil {
			t.Fatal(err)
		}
		if res.Verdict != c.want {
			t.Errorf("who %q (speaker %q): verdict %s, want %s", c.claim, c.speaker, res.Verdict, c.want)
		}
	}
	if _, _, err := parley(t, env, "who"); err == nil {
		t.Error("who with no claim: no error")
	}
}
