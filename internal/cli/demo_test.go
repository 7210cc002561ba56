package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// startDemo runs "cassetto demo" in-process on a free port and returns its URL.
func startDemo(t *testing.T) string {
	t.Helper()
	env := map[string]string{"CASSETTO_LOG_FORMAT": "text", "CASSETTO_LOG_LEVEL": "warn"}
	if storetest.Backend() == "postgres" {
		env["CASSETTO_DATABASE_URL"] = storetest.URL(t)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{"demo", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir()},
			func(k string) string { return env[k] }, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("demo ended with %v", err)
		}
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		re := regexp.MustCompile(`running at (http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	select {
	case u := <-urls:
		return u
	case err := <-done:
		t.Fatalf("demo ended before serving: %v", err)
	case <-time.After(10 * time.Minute):
		t.Fatal("demo did not start") // a safety net, not a speed assertion
	}
	return ""
}

func TestDemoLogsInThroughTheEmbeddedProvider(t *testing.T) {
	base := startDemo(t)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	// the login button leads to the provider's page listing the demo identities
	res, body := get(t, c, base+"/auth/login?next=/posizioni")
	if !strings.Contains(body, "BNCMRC78D12F205X") {
		t.Fatalf("provider page does not list the demo titolare (%s)", res.Request.URL)
	}
	action, fields := formFor(t, body, "titolare-ar")
	form := url.Values{}
	for k, v := range fields {
		form.Set(k, v)
	}
	resp, err := c.PostForm(resolve(res.Request.URL, action), form)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Request.URL.Path != "/posizioni" || !strings.Contains(string(page), "10000001") {
		t.Fatalf("after login at %s:\n%.400s", resp.Request.URL, page)
	}
	if _, body := get(t, c, base+"/posizioni/10000001/anagrafica"); !strings.Contains(body, "Marco") {
		t.Fatal("anagrafica of the demo titolare not shown")
	}
	if _, body := get(t, c, base+"/readyz"); !strings.Contains(body, `"ready"`) {
		t.Fatalf("readyz: %s", body)
	}
	_, metrics := get(t, c, base+"/metrics")
	if !strings.Contains(metrics, `cassetto_http_requests_total{pattern="GET /posizioni/{num}/anagrafica",status="200"} 1`) {
		t.Fatalf("metrics lack the anagrafica request:\n%.2000s", metrics)
	}
}

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// formFor finds the provider's login form and the fields that choose the
// identity with subject key (its submit button's name and value).
func formFor(t *testing.T, body, key string) (string, map[string]string) {
	t.Helper()
	action := regexp.MustCompile(`<form[^>]*action="([^"]+)"`).FindStringSubmatch(body)
	if action == nil {
		t.Fatalf("no form in the provider page:\n%.1000s", body)
	}
	fields := map[string]string{}
	for _, m := range regexp.MustCompile(`<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		fields[m[1]] = htmlUnescape(m[2])
	}
	btn := regexp.MustCompile(`<button[^>]*name="([^"]+)"[^>]*value="` + regexp.QuoteMeta(key) + `"`).FindStringSubmatch(body)
	if btn == nil {
		t.Fatalf("no button for %s in the provider page", key)
	}
	fields[btn[1]] = key
	return htmlUnescape(action[1]), fields
}

func resolve(base *url.URL, ref string) string {
	u, err := base.Parse(ref)
	if err != nil {
		return ref
	}
	return u.String()
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'").Replace(s)
}
