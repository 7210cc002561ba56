package e2e

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// portalAndCommandWriteTheSamePDFs: Laura Colombo downloads, from the
// portal, the stampa fascicolo, the lettera informativa 2026 and the F24 of
// her next rates; the office prints the same documents with `cassetto
// documents` on the same database. The PDFs hold the same text.
func portalAndCommandWriteTheSamePDFs(t *testing.T, b *browser, demo demoRun) {
	pdftotext := needTool(t, "pdftotext")
	b.visit("/accesso")
	b.click(link("main", loginLabel))
	b.loginAs("titolare-co")
	b.visit("/posizioni/10000002/")
	dir := t.TempDir()
	type pair struct{ web, cmd string }
	pairs := []pair{}
	compare := func(name, webPath string, args ...string) {
		web := filepath.Join(dir, name+"-portal.pdf")
		b.download(webPath, web)
		cmd := filepath.Join(dir, name+"-command.pdf")
		demo.command(t, append([]string{"documents"}, append(args, "--position", "10000002", "-o", cmd)...)...)
		pairs = append(pairs, pair{web, cmd})
	}
	compare("dossier", "/posizioni/10000002/fascicolo.pdf", "dossier")
	compare("letter", "/posizioni/10000002/lettera/2026", "letter", "--year", "2026")
	// The dashboard's F24 is for the rates of the next due date; on
	// 16/02/2027 that is the fourth rate of 2026 of the three persons.
	if b.has(`#dash-next ~ a[href*="f24.pdf"]`) {
		href := eval[string](b, "reading the F24 link", `document.querySelector('#dash-next ~ a[href*="f24.pdf"]').getAttribute('href')`)
		if strings.Count(href, "due=") == 3 && strings.Contains(b.text("main"), "16/02/2027") {
			compare("f24", href, "f24", "--year", "2026", "--rata", "4")
		}
	}
	t.Logf("compared %d documents (the F24 only while 16/02/2027 is the next due date)", len(pairs))
	for _, p := range pairs {
		web, cmd := pdfText(t, pdftotext, p.web), pdfText(t, pdftotext, p.cmd)
		if len(web) < 200 {
			t.Errorf("%s holds almost no text: %q", p.web, web)
		}
		if web != cmd {
			t.Errorf("%s and %s differ:\n%s\n---\n%s", filepath.Base(p.web), filepath.Base(p.cmd), tail(web, 1500), tail(cmd, 1500))
		}
	}
}

// needTool returns the path of a command the test needs: missing, the test
// skips, or fails in CI (where .ci/run installs it).
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI: .ci/run installs it", name)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// pdfText returns the text of a PDF, as pdftotext lays it out.
func pdfText(t *testing.T, pdftotext, file string) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

// download fetches path with the browser's cookies (the session) and
// writes the body to file; the answer must be a PDF.
func (b *browser) download(path, file string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) (network.GetCookiesResult, error) {
		return cdp.Call(ctx, t, network.GetCookies, network.GetCookiesParams{URLs: []string{b.base}})
	})
	if err != nil {
		b.t.Fatalf("reading the cookies: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	for _, c := range res.Cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatalf("downloading %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		b.t.Fatalf("downloading %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if err := os.WriteFile(file, body, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
