package e2e

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// stepTimeout bounds every browser step. It is a safety net against a hung
// browser or server, not a speed assertion: the steps wait for pages and
// elements, never for durations.
const stepTimeout = 90 * time.Second

//go:embed testdata/axe/axe.min.js
var axeSource string

// needChromium returns the path of chromium, or skips the test when it is
// missing — except in CI, where it must be there.
func needChromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is required in CI: .ci/run installs it")
		}
		t.Skip("browser test skipped: chromium not installed (apt-get install chromium)")
	}
	return path
}

// syncBuffer collects output written by other goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// tail returns the last n bytes of s, for logs.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// demoRun is a running demo: its base URL, and its environment and data
// directory, for running other commands on the same database.
type demoRun struct {
	URL     string
	env     map[string]string
	dataDir string
}

// command runs another cassetto command on the demo's database and fails
// the test if it fails.
func (d demoRun) command(t *testing.T, args ...string) {
	t.Helper()
	var out, errOut bytes.Buffer
	args = append(args, "--data-dir", d.dataDir)
	if err := cli.Run(context.Background(), args, func(k string) string { return d.env[k] }, &out, &errOut); err != nil {
		t.Fatalf("cassetto %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
}

// startDemo runs "cassetto demo" in-process on a free port, on SQLite in a
// temporary directory or on a fresh PostgreSQL schema, and returns it once
// it serves. The program stops when the test ends.
func startDemo(t *testing.T) demoRun {
	t.Helper()
	env := map[string]string{"CASSETTO_LOG_FORMAT": "text", "CASSETTO_LOG_LEVEL": "warn", "CASSETTO_NOTIFY_INTERVAL": "1s"}
	if os.Getenv("CASSETTO_TEST_DB") == "postgres" {
		env["CASSETTO_DATABASE_URL"] = storetest.URL(t)
	}
	run := demoRun{env: env, dataDir: t.TempDir()}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		err := cli.Run(ctx, []string{"demo", "--listen", "127.0.0.1:0", "--data-dir", run.dataDir},
			func(k string) string { return env[k] }, pw, &stderr)
		pw.Close()
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("the demo ended with: %v", err)
		}
		if t.Failed() && stderr.String() != "" {
			t.Logf("demo log (warnings and errors):\n%s", tail(stderr.String(), 8000))
		}
	})
	urls := make(chan string, 1)
	go func() { // reads the welcome, then keeps draining stdout until Run returns
		re := regexp.MustCompile(`running at (http://\S+)`)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case urls <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, pr)
	}()
	select {
	case run.URL = <-urls:
		return run
	case err := <-done:
		done <- err // for the cleanup
		t.Fatalf("the demo ended before serving: %v\n%s", err, tail(stderr.String(), 4000))
	case <-time.After(10 * time.Minute): // a safety net, not a speed assertion
		t.Fatal("the demo did not start")
	}
	return run
}

// browser is one headless chromium tab on the demo, with the helpers a test
// uses to act as a user. Every page it arrives at is checked with axe-core
// and photographed.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string // http://127.0.0.1:PORT
	dir  string // where the screenshots go
	seq  int    // pages visited, for the screenshot names

	mu      sync.Mutex
	console map[string]int // errors the pages wrote to the console, counted
}

// dataURL matches the long data: URLs of console messages, to cut them.
var dataURL = regexp.MustCompile(`data:[^'"\s)]{40,}`)

// newBrowser starts chromium with a fresh profile; it ends with the test.
func newBrowser(t *testing.T, chromium, base string) *browser {
	t.Helper()
	dir := t.TempDir()
	if d := os.Getenv("CASSETTO_E2E_SCREENSHOTS"); d != "" {
		dir = filepath.Join(d, t.Name())
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.png")) // from an earlier run
		for _, f := range old {
			_ = os.Remove(f)
		}
	}
	profile := t.TempDir() // created before the cleanup below, so removed after chromium ends
	var out syncBuffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(windowWidth(), 900),
		chromedp.CombinedOutput(&out),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &browser{t: t, ctx: ctx, base: base, dir: dir, console: map[string]int{}}
	consoleDone := make(chan struct{})
	t.Cleanup(func() {
		cancel()
		allocCancel()
		<-consoleDone
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.console) > 0 {
			var lines []string
			for m, n := range b.console {
				lines = append(lines, fmt.Sprintf("%d× %s", n, m))
			}
			slices.Sort(lines)
			t.Logf("console errors of the pages (not failures):\n  %s", strings.Join(lines, "\n  "))
		}
		if t.Failed() && out.String() != "" {
			t.Logf("chromium output:\n%s", tail(out.String(), 4000))
		}
	})
	// The first Do starts the browser and binds it to ctx, which has no
	// deadline; each later step gets its own safety timeout.
	if err := chromedp.Do(ctx); err != nil {
		close(consoleDone)
		t.Fatalf("starting chromium: %v\n%s", err, tail(out.String(), 4000))
	}
	messages := chromedp.Console(ctx)
	go func() {
		defer close(consoleDone)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				text := dataURL.ReplaceAllString(m.String(), "data:…")
				if base != "" {
					text = strings.ReplaceAll(text, base, "")
				}
				b.mu.Lock()
				b.console[text]++
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs chromedp steps with the safety timeout; what says what the user
// was doing, for the failure message.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v (at %s)", what, err, b.location())
	}
}

// eval evaluates a JavaScript expression and decodes its result into a T.
func eval[T any](b *browser, what, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// location returns the URL of the page, "?" when it cannot be read.
func (b *browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "?"
	}
	return loc
}

// path returns the path and query of the page, without the host.
func (b *browser) path() string {
	b.t.Helper()
	return eval[string](b, "reading the location", `location.pathname + location.search`)
}

// visit opens path (relative to the demo) like a typed URL, waits for the
// page and checks it; it returns the HTTP status of the page.
func (b *browser) visit(path string) int64 {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		b.t.Fatalf("opening %s: %v", path, err)
	}
	b.arrived()
	return resp.Status
}

// click clicks the first element of a selector, waits for the page it
// leads to and checks that page; it returns the page's HTTP status. sel is
// a CSS selector, or an XPath expression when it starts with "/" (see
// link and button).
func (b *browser) click(sel string) int64 {
	b.t.Helper()
	b.mustFind(sel)
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	var action chromedp.Action[chromedp.Void]
	if strings.HasPrefix(sel, "/") {
		action = chromedp.Click(chromedp.Search(sel))
	} else {
		action = chromedp.Click(chromedp.CSS(sel))
	}
	resp, err := chromedp.RunResponse(ctx, action)
	if err != nil {
		b.t.Fatalf("clicking %s: %v (at %s)", sel, err, b.location())
	}
	b.arrived()
	if resp == nil {
		return 0
	}
	return resp.Status
}

// mustFind fails the test at once when the loaded page has no element for
// sel (CSS, or XPath when it starts with "/"), rather than letting a
// chromedp query wait for it until the safety timeout.
func (b *browser) mustFind(sel string) {
	b.t.Helper()
	expr := fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(sel))
	if strings.HasPrefix(sel, "/") {
		expr = fmt.Sprintf(`document.evaluate(%s, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null`, jsString(sel))
	}
	if !eval[bool](b, "looking for "+sel, expr) {
		b.t.Fatalf("no %s on %s", sel, b.path())
	}
}

// link is an XPath selector for a link whose visible text is text, inside
// the element named by within ("main", "header", "nav", …).
func link(within, text string) string {
	return fmt.Sprintf(`//%s//a[normalize-space(.)=%s]`, within, xpathString(text))
}

// button is an XPath selector for a button whose visible text is text.
func button(within, text string) string {
	return fmt.Sprintf(`//%s//button[normalize-space(.)=%s]`, within, xpathString(text))
}

// xpathString quotes s as an XPath string literal.
func xpathString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return `'` + s + `'`
}

// fill replaces the value of the form field sel (CSS) with value, typing it.
func (b *browser) fill(sel, value string) {
	b.t.Helper()
	b.mustFind(sel)
	b.do("filling "+sel, chromedp.Clear(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), value))
	if got := b.value(sel); got != value {
		b.t.Fatalf("field %s holds %q after typing %q", sel, got, value)
	}
}

// value returns the current value of the form field sel.
func (b *browser) value(sel string) string {
	b.t.Helper()
	return eval[string](b, "reading "+sel, fmt.Sprintf(`document.querySelector(%s).value`, jsString(sel)))
}

// text returns the visible text of the first element of the CSS selector
// sel on the loaded page, failing at once when there is none.
func (b *browser) text(sel string) string {
	b.t.Helper()
	s := eval[*string](b, "reading "+sel,
		fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? e.innerText : null })()`, jsString(sel)))
	if s == nil {
		b.t.Fatalf("no %s on %s", sel, b.location())
	}
	return strings.Join(strings.Fields(*s), " ")
}

// has reports whether the page has an element for the CSS selector sel.
func (b *browser) has(sel string) bool {
	b.t.Helper()
	return eval[bool](b, "looking for "+sel, fmt.Sprintf(`document.querySelector(%s) !== null`, jsString(sel)))
}

// see fails the test unless the text of sel contains every want.
func (b *browser) see(sel string, wants ...string) {
	b.t.Helper()
	got := b.text(sel)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			b.t.Errorf("%s on %s: %q lacks %q", sel, b.path(), tail(got, 600), w)
		}
	}
}

// notSee fails the test if the text of sel contains any of unwanted.
func (b *browser) notSee(sel string, unwanted ...string) {
	b.t.Helper()
	got := b.text(sel)
	for _, u := range unwanted {
		if strings.Contains(got, u) {
			b.t.Errorf("%s on %s shows %q, it should not", sel, b.path(), u)
		}
	}
}

// at fails the test unless the page's path (with the query) starts with prefix.
func (b *browser) at(prefix string) {
	b.t.Helper()
	if p := b.path(); !strings.HasPrefix(p, prefix) {
		b.t.Fatalf("the browser is at %s, want %s…", p, prefix)
	}
}

func jsString(s string) string {
	j, _ := json.Marshal(s)
	return string(j)
}

// arrived is called on every page the test reaches: it waits for the web
// fonts, runs axe-core and takes a screenshot.
func (b *browser) arrived() {
	b.t.Helper()
	b.seq++
	eval[chromedp.Void](b, "waiting for the fonts", `document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)
	b.checkA11y()
	b.shot()
}

// axeViolation is a violation as the test reports it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Targets []string `json:"targets"`
	Nodes   int      `json:"nodes"`
	Why     []string `json:"why"` // axe's message for each of Targets
}

// axeRun runs axe-core on the whole document with the WCAG 2.1 A and AA
// rules and returns its violations and the rules it could not decide.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
.then(r => {
	const brief = v => ({id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
		targets: v.nodes.slice(0, 5).map(n => n.target.map(String).join(' ')),
		why: v.nodes.slice(0, 5).map(n => ([...n.any, ...n.all, ...n.none].find(c => c.message) || {}).message || '')});
	return {violations: r.violations.map(brief), incomplete: r.incomplete.map(brief)};
})`

// axeResults are the violations of a page and the rules axe could not
// decide there ("incomplete": to check by hand).
type axeResults struct {
	Violations []axeViolation `json:"violations"`
	Incomplete []axeViolation `json:"incomplete"`
}

// axe injects axe-core into the page through the DevTools protocol
// (Runtime.evaluate is not subject to the page's Content-Security-Policy)
// and runs it.
func (b *browser) axe() axeResults {
	b.t.Helper()
	if !eval[bool](b, "looking for axe", `typeof window.axe !== 'undefined'`) {
		eval[chromedp.Void](b, "injecting axe-core", axeSource)
	}
	return eval[axeResults](b, "running axe-core", axeRun, chromedp.EvalAwaitPromise)
}

// blocking reports whether a violation fails the test.
func (v axeViolation) blocking() bool { return v.Impact == "serious" || v.Impact == "critical" }

func (v axeViolation) String() string {
	return fmt.Sprintf("%s (%s, %d elements): %s\n    %s\n    first elements: %s",
		v.ID, v.Impact, v.Nodes, v.Help, v.HelpURL, strings.Join(v.Targets, " | "))
}

// checkA11y runs axe-core on the page and fails the test on every serious
// or critical violation. The lesser violations, and the serious rules axe
// could not decide, are only logged.
func (b *browser) checkA11y() {
	b.t.Helper()
	res := b.axe()
	page := b.path()
	for _, v := range res.Violations {
		if v.blocking() {
			b.t.Errorf("axe on %s: %s", page, v)
		} else {
			b.t.Logf("axe on %s: %s", page, v)
		}
	}
	for _, v := range res.Incomplete {
		if v.blocking() {
			var nodes []string
			for i, target := range v.Targets {
				if i < len(v.Why) && v.Why[i] != "" {
					target += " (" + v.Why[i] + ")"
				}
				nodes = append(nodes, target)
			}
			b.t.Logf("axe on %s, to check by hand: %s (%s):\n    %s", page, v.ID, v.Impact, strings.Join(nodes, "\n    "))
		}
	}
}

// shot saves a full-page PNG of the page as NN-path.png.
func (b *browser) shot() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	name := fmt.Sprintf("%02d-%s.png", b.seq, slug(b.path()))
	if err := os.WriteFile(filepath.Join(b.dir, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

var nonWord = regexp.MustCompile(`[^a-zA-Z0-9]+`)

// slug turns a path into a file name: "/posizioni/10000001/anagrafica" →
// "posizioni-10000001-anagrafica". Long query strings are cut.
func slug(p string) string {
	u, err := url.Parse(p)
	if err == nil && len(u.RawQuery) > 30 {
		p = u.Path
	}
	s := strings.Trim(nonWord.ReplaceAllString(p, "-"), "-")
	if s == "" {
		return "home"
	}
	return s
}

// windowWidth is the browser's width: 1280, or CASSETTO_E2E_WIDTH (e.g. 390
// to look at the pages as on a phone).
func windowWidth() int {
	if w, err := strconv.Atoi(os.Getenv("CASSETTO_E2E_WIDTH")); err == nil && w >= 320 {
		return w
	}
	return 1280
}
