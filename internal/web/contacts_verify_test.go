package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// runNotifications runs the notification worker once, mailing into the
// demo's catcher.
func (w *world) runNotifications() {
	w.t.Helper()
	clock := func() time.Time { return w.now }
	wk := &notify.Worker{Store: store.NewNotifications(w.db), Now: clock, Renderer: notify.Renderer{BaseURL: "https://x.example.it"},
		Mailer: store.MailCatcher{DB: w.db, From: "demo@example.it", Now: clock}}
	if _, err := wk.RunOnce(context.Background()); err != nil {
		w.t.Fatal(err)
	}
}

func TestRecapitiPageVerifiesANewEmailWithItsCode(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	page := c.get("/posizioni/10000001/recapiti")
	if !strings.Contains(page.body, "titolare@example.it <span class=\"badge bg-success\">verificato</span>") {
		t.Fatal("the seeded e-mail is not shown verified")
	}
	res := c.do("POST", "/posizioni/10000001/recapiti", map[string]string{"email": "nuova@example.it"})
	if res.status != http.StatusSeeOther {
		t.Fatalf("save: %d", res.status)
	}
	page = c.get("/posizioni/10000001/recapiti")
	if !strings.Contains(page.body, "nuova@example.it <span class=\"badge bg-warning text-dark\">da verificare</span>") {
		t.Fatal("the new e-mail is not shown as to be verified")
	}
	w.runNotifications()
	var text string
	if err := w.db.R().QueryRow(context.Background(), `SELECT body_text FROM caught_mail WHERE recipient = 'nuova@example.it'`).Scan(&text); err != nil {
		t.Fatalf("no code mailed: %v", err)
	}
	code := regexp.MustCompile(`codice ([0-9]{6})`).FindStringSubmatch(strings.Join(strings.Fields(text), " "))[1]
	wrong := map[bool]string{true: "111111", false: "000000"}[code == "000000"]
	res = c.do("POST", "/posizioni/10000001/recapiti/verifica", map[string]string{"channel": "email", "code": wrong})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="code_email-error">Il codice non è corretto`) ||
		!strings.Contains(res.body, `value="`+wrong+`"`) {
		t.Fatalf("wrong code: %d, want 422 with the message beside the field and the code kept", res.status)
	}
	res = c.do("POST", "/posizioni/10000001/recapiti/verifica", map[string]string{"channel": "fax", "code": code})
	if res.status != http.StatusUnprocessableEntity {
		t.Errorf("unknown channel: %d, want 422", res.status)
	}
	res = c.do("POST", "/posizioni/10000001/recapiti/verifica", map[string]string{"channel": "email", "code": code})
	if res.status != http.StatusSeeOther {
		t.Fatalf("right code: %d", res.status)
	}
	page = c.get(res.location)
	if !strings.Contains(page.body, "nuova@example.it <span class=\"badge bg-success\">verificato</span>") ||
		!strings.Contains(page.body, "Recapito verificato") {
		t.Error("after the code the e-mail is not shown verified")
	}
	if res := c.do("POST", "/posizioni/10000001/recapiti/codice", map[string]string{"channel": "email"}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("a new code for a verified e-mail: %d, want 422", res.status)
	}
}
