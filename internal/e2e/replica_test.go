package e2e

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestReadReplicaServesPagesAndYourWrites runs `cassetto serve` on a real
// PostgreSQL primary and a streaming replica made with pg_basebackup, both on
// loopback: the pages' reads are served by the replica; a change (the
// notification preferences, which the page reads through the replica-aware
// reader) is written on the primary and shown at once to the user who made
// it while the replica's replay is paused (read-your-writes), while another
// browser still sees the replica's older data; and when the replica stops
// the pages are served by the primary.
func TestReadReplicaServesPagesAndYourWrites(t *testing.T) {
	primary, replica := startPrimaryAndReplica(t)
	ctx := context.Background()
	runCLI(t, map[string]string{"CASSETTO_DATABASE_URL": primary.URL()}, "seed", "--positions", "5", "--data-dir", t.TempDir())
	base := startServe(t, map[string]string{"CASSETTO_DATABASE_URL": primary.URL(),
		"CASSETTO_DATABASE_REPLICA_URL": replica.URL()})
	pos := "/posizioni/" + demo.NumberTitolareAR
	marco := titolareClient(t, primary.URL(), base, "BNCMRC78D12F205X")

	// Reading pages: counted on the replica.
	before := scrape(t, base)
	for _, p := range []string{pos + "/", pos + "/situazione"} {
		get(t, marco, base+p)
	}
	after := scrape(t, base)
	if after[`cassetto_db_queries_total{pool="replica"}`] <= before[`cassetto_db_queries_total{pool="replica"}`] {
		t.Fatalf("the pages were not read from the replica: before %v, after %v", before, after)
	}
	if after["cassetto_db_replica_up"] != 1 {
		t.Fatalf("replica not up: %v", after)
	}

	// A change while the replica replays nothing: written on the primary, and
	// the page after it shows it to its author at once.
	execOn(t, replica.URL(), `SELECT pg_wal_replay_pause()`)
	waitFor(t, "the replica to pause", func(ctx context.Context) (bool, error) {
		var state string
		err := queryRow(ctx, replica.URL(), `SELECT pg_get_wal_replay_pause_state()`, &state)
		return state == "paused", err
	})
	page := post(t, marco, base+"/notifiche/preferenze", prefsForm("en"))
	if !strings.Contains(page, englishChosen) {
		t.Fatalf("the page after the change does not show it (read from the held-back replica?):\n%s", tail(page, 3000))
	}
	if lsnCookie(marco, base) == "" {
		t.Fatal("no cassetto_lsn cookie after a write")
	}
	var lang string
	if err := queryRow(ctx, primary.URL(), `SELECT s.lang FROM notification_settings s JOIN persons p ON p.id = s.person_id
		WHERE p.codice_fiscale = 'BNCMRC78D12F205X'`, &lang); err != nil || lang != "en" {
		t.Fatalf("the change is not on the primary: %q, %v", lang, err)
	}
	other := titolareClient(t, primary.URL(), base, "BNCMRC78D12F205X") // another browser: no write of its own
	if page := get(t, other, base+"/notifiche/preferenze"); strings.Contains(page, englishChosen) {
		t.Fatal("another browser's page shows the change the replica has not replayed: not read from the replica")
	}

	// Replay resumes: once the replica has the change, the author's pages go
	// back to it and the cookie goes away.
	execOn(t, replica.URL(), `SELECT pg_wal_replay_resume()`)
	waitFor(t, "the replica to replay the change", func(ctx context.Context) (bool, error) {
		var n int
		err := queryRow(ctx, replica.URL(), `SELECT count(*) FROM notification_settings WHERE lang = 'en'`, &n)
		return n == 1, err
	})
	waitFor(t, "the author's pages to return to the replica", func(context.Context) (bool, error) {
		get(t, marco, base+"/notifiche/preferenze")
		return lsnCookie(marco, base) == "", nil
	})
	if page := get(t, other, base+"/notifiche/preferenze"); !strings.Contains(page, englishChosen) {
		t.Fatal("the replica does not show the change after replaying it")
	}

	// The replica stops: every page is still served, by the primary.
	if err := replica.stop(t); err != nil {
		t.Fatal(err)
	}
	before = scrape(t, base)
	for _, p := range []string{pos + "/", pos + "/situazione"} {
		get(t, marco, base+p)
	}
	if page := get(t, other, base+"/notifiche/preferenze"); !strings.Contains(page, englishChosen) {
		t.Fatal("the page served by the primary lacks the change")
	}
	after = scrape(t, base)
	if after[`cassetto_db_replica_fallbacks_total`] <= before[`cassetto_db_replica_fallbacks_total`] ||
		after[`cassetto_db_queries_total{pool="primary"}`] <= before[`cassetto_db_queries_total{pool="primary"}`] {
		t.Fatalf("the reads did not fall back to the primary: before %v, after %v", before, after)
	}
	if after["cassetto_db_replica_up"] != 0 {
		t.Fatalf("the stopped replica is reported up: %v", after)
	}
}

// englishChosen is how the preferences page shows English as the chosen
// language of notifications.
const englishChosen = `<option value="en" selected`

// prefsForm is the notification preferences form: language lang, no
// e-mail or SMS for any topic.
func prefsForm(lang string) url.Values {
	f := url.Values{"lang": {lang}}
	for _, topic := range notify.Topics {
		f.Set("ch_"+strings.ReplaceAll(topic, ".", "_"), string(notify.None))
	}
	return f
}

// runCLI runs a cassetto command in-process and fails the test if it fails.
func runCLI(t *testing.T, env map[string]string, args ...string) {
	t.Helper()
	var out, errOut syncBuffer
	if err := cli.Run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut); err != nil {
		t.Fatalf("cassetto %s: %v\n%s", strings.Join(args, " "), err, tail(errOut.String(), 4000))
	}
}

// startServe runs `cassetto serve` in-process on a free port and returns its
// base URL once it listens. It stops when the test ends.
func startServe(t *testing.T, env map[string]string) string {
	t.Helper()
	env["CASSETTO_LOG_FORMAT"], env["CASSETTO_LOG_LEVEL"] = "text", "info"
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := cli.Run(ctx, []string{"serve", "--listen", "127.0.0.1:0", "--data-dir", t.TempDir()},
			func(k string) string { return env[k] }, io.Discard, pw)
		pw.Close()
		done <- err
	}()
	var log syncBuffer
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with: %v", err)
		}
		if t.Failed() {
			t.Logf("serve log:\n%s", tail(log.String(), 8000))
		}
	})
	urls := make(chan string, 1)
	go func() { // reads the log, keeping it for a failure
		re := regexp.MustCompile(`listening on (http://[0-9.:]+)`)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			log.Write([]byte(sc.Text() + "\n"))
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	select {
	case u := <-urls:
		return u
	case err := <-done:
		done <- err
		t.Fatalf("serve ended before listening: %v\n%s", err, tail(log.String(), 4000))
	case <-time.After(clusterWait):
		t.Fatal("serve did not start")
	}
	return ""
}

// titolareClient logs the person with codice fiscale cf in (a session made
// as the login would, profile "self") and returns an HTTP client with its
// cookie.
func titolareClient(t *testing.T, dbURL, base, cf string) *http.Client {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := store.NewRegistry(db, time.Now).PersonByCF(ctx, cf)
	if err != nil {
		t.Fatal(err)
	}
	m := &session.Manager{Store: store.NewSessions(db), Now: time.Now, Idle: 30 * time.Minute, Absolute: 8 * time.Hour}
	rec := httptest.NewRecorder()
	if _, err := m.Begin(ctx, rec, httptest.NewRequest(http.MethodGet, base, nil), p.ID, 0,
		session.Data{Profile: "self", Method: "oidc"}); err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(base)
	jar.SetCookies(u, rec.Result().Cookies())
	return &http.Client{Jar: jar, Timeout: clusterWait}
}

func lsnCookie(c *http.Client, base string) string {
	u, _ := url.Parse(base)
	for _, k := range c.Jar.Cookies(u) {
		if k.Name == "cassetto_lsn" {
			return k.Value
		}
	}
	return ""
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	return body(t, c, http.MethodGet, u, nil)
}

func post(t *testing.T, c *http.Client, u string, form url.Values) string {
	t.Helper()
	return body(t, c, http.MethodPost, u, form)
}

// body makes a request (following redirects) and returns the final page,
// failing the test unless it is a 200.
func body(t *testing.T, c *http.Client, method, u string, form url.Values) string {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d\n%s", method, u, res.StatusCode, tail(string(b), 2000))
	}
	return string(b)
}

// scrape returns the database series of /metrics.
func scrape(t *testing.T, base string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, line := range strings.Split(get(t, http.DefaultClient, base+"/metrics"), "\n") {
		if !strings.HasPrefix(line, "cassetto_db_") {
			continue
		}
		name, val, _ := strings.Cut(line, " ")
		out[name], _ = strconv.ParseFloat(val, 64)
	}
	return out
}

// execOn runs one statement on url.
func execOn(t *testing.T, url, query string) {
	t.Helper()
	var discard any
	if err := queryRow(context.Background(), url, query, &discard); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
