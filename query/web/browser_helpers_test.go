package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/parleysearch/parley/corpus/corpustest"
)

// The browser tests drive Debian's Chromium, headless, through the
// DevTools protocol (chromedp) against a server of the test fixture, and
// check what a person sees. A new one is a function that calls
// newBrowser and then b.open, b.do, b.text(s) and b.shot; see
// browser_test.go.

// browserTimeout bounds one browser test, start-up included.
const browserTimeout = 45 * time.Second

// browser is a headless Chromium pointed at a server.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string // the server's URL, without a trailing /
	dir  string // where screenshots go
}

// chromiumPath finds the browser: $PARLEY_CHROMIUM, /usr/bin/chromium,
// or chromium on the PATH.
func chromiumPath() (string, bool) {
	for _, p := range []string{os.Getenv("PARLEY_CHROMIUM"), "/usr/bin/chromium"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	p, err := exec.LookPath("chromium")
	return p, err == nil
}

// screenshotDir is where screenshots go: the test's output directory,
// t.ArtifactDir(), which go test -artifacts keeps (under -outputdir) and
// otherwise removes when the test ends; or $PARLEY_SCREENSHOTS, for one
// folder of every test's pages.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("PARLEY_SCREENSHOTS")
	if dir == "" {
		return t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot folder %s: %v", dir, err)
	}
	return dir
}

// newBrowser starts a headless Chromium with a fresh profile, for a
// server at base. Without Chromium the test is skipped, or fails in CI.
func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	exe, ok := chromiumPath()
	if !ok {
		corpustest.Missing(t, "no Chromium at /usr/bin/chromium or on the PATH (apt-get install chromium, or set PARLEY_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	}
	for _, flag := range []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
		"disable-background-networking", "disable-component-update", "disable-sync", "no-default-browser-check",
		"disable-extensions", "mute-audio", "hide-scrollbars"} {
		opts = append(opts, chromedp.Flag(flag, true))
	}
	ctx, cancelTime := context.WithTimeout(context.Background(), browserTimeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: bctx, base: strings.TrimRight(base, "/"), dir: screenshotDir(t)}
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTime()
	})
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start Chromium %s: %v", exe, err)
	}
	// Every page gets, before its own scripts, an alert, confirm and
	// prompt that only note their message: article text that ran as
	// script would call one, and the checks read the notes.
	if _, err := chromedp.Call(bctx, cdpage.AddScriptToEvaluateOnNewDocument, cdpage.AddScriptToEvaluateOnNewDocumentParams{Source: noteDialogs}); err != nil {
		t.Fatalf("Chromium: %v", err)
	}
	return b
}

// do runs browser actions, failing the test on an error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// open goes to a path of the server and waits for its main content.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// click follows a link or presses a button, then waits for sel on the
// page it leads to.
func (b *browser) click(target, sel string) {
	b.t.Helper()
	b.do("click "+target, chromedp.Click(chromedp.CSS(target), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.CSS(sel)))
}

// run runs one browser action and returns its value, failing the test
// on an error.
func run[T any](b *browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// attr is the value of an attribute of the first element sel finds.
func (b *browser) attr(sel, name string) string {
	b.t.Helper()
	return run(b, "read "+name+" of "+sel, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// text is what a person reads in the first element sel finds.
func (b *browser) text(sel string) string {
	b.t.Helper()
	return strings.TrimSpace(run(b, "read "+sel, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible)))
}

// texts is what a person reads in every element sel finds; elements
// that are hidden (a folded <details>, say) read as "".
func (b *browser) texts(sel string) []string {
	b.t.Helper()
	return run(b, "read all "+sel, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(`+jsString(sel)+`)).map(e => e.innerText.trim())`))
}

// visible reports whether a person can see the first element sel finds.
func (b *browser) visible(sel string) bool {
	b.t.Helper()
	return run(b, "look at "+sel, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+jsString(sel)+`); return !!e && e.checkVisibility(); })()`))
}

// location is the page's URL, path and query.
func (b *browser) location() string {
	b.t.Helper()
	return strings.TrimPrefix(run(b, "read the URL", chromedp.Location()), b.base)
}

// noteDialogs replaces the page's dialogs with notes of their messages.
const noteDialogs = `window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt"]) {
	window[name] = (msg) => { window.__dialogs.push(name + ": " + msg); return null; };
}`

// checkInert fails the test if the page has called a dialog: script from
// article text ran.
func (b *browser) checkInert() {
	b.t.Helper()
	if got := run(b, "read dialogs", chromedp.Evaluate[[]string](`window.__dialogs || []`)); len(got) > 0 {
		b.t.Errorf("%s: script ran on the page: %q", b.location(), got)
	}
}

// shot saves a PNG of the whole page as TEST-name.png in the screenshot
// folder and logs where.
func (b *browser) shot(name string) {
	b.t.Helper()
	b.checkInert()
	png := run(b, "screenshot "+name, chromedp.FullScreenshot(100))
	file := filepath.Join(b.dir, safeName.ReplaceAllString(b.t.Name(), "_")+"-"+name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatalf("save screenshot: %v", err)
	}
	b.t.Logf("screenshot %s: %s", name, file)
}

var safeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`)
	return "'" + r.Replace(s) + "'"
}

// count is how many elements sel finds.
func (b *browser) count(sel string) int {
	b.t.Helper()
	return run(b, "count "+sel, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
}
