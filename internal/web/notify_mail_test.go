package web_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// catchMails keeps n e-mails, numbered 1..n in the order sent: the odd
// ones to Mario.Rossi@Example.it about a request, the even ones to
// bianchi@example.it about a notice.
func (w *world) catchMails(n int) {
	w.t.Helper()
	catcher := store.MailCatcher{DB: w.db, From: "demo@example.it", Now: func() time.Time { return w.now }}
	for i := 1; i <= n; i++ {
		m := notify.Mail{MessageID: fmt.Sprintf("d-%d@cassetto", i), To: "bianchi@example.it", Subject: fmt.Sprintf("Avviso n. %03d", i), Text: "t"}
		if i%2 == 1 {
			m.To, m.Subject = "Mario.Rossi@Example.it", fmt.Sprintf("Richiesta n. %03d 100%%_chiusa", i)
		}
		if err := catcher.Send(context.Background(), m); err != nil {
			w.t.Fatal(err)
		}
	}
}

var mailSubject = regexp.MustCompile(`<th scope="row"><a href="/fascicolo/posta/[0-9]+">([^<]*)</a>`)

func subjects(body string) []string {
	var out []string
	for _, m := range mailSubject.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestMailCatcherPagesNewestFirst(t *testing.T) {
	w := newWorld(t)
	w.catchMails(120)
	admin := w.as(0, w.admin.ID, "")
	first := admin.get("/fascicolo/posta")
	got := subjects(first.body)
	if len(got) != 50 || got[0] != "Avviso n. 120" || got[49] != "Richiesta n. 071 100%_chiusa" {
		t.Fatalf("page 1: %d subjects, first %q", len(got), got)
	}
	if !strings.Contains(first.body, `href="/fascicolo/posta?pagina=2"`) || strings.Contains(first.body, `rel="prev"`) {
		t.Error("page 1: want a link to page 2 and none back")
	}
	third := admin.get("/fascicolo/posta?pagina=3")
	got = subjects(third.body)
	if len(got) != 20 || got[19] != "Richiesta n. 001 100%_chiusa" {
		t.Fatalf("page 3: %d subjects, last %v", len(got), got)
	}
	if strings.Contains(third.body, `rel="next"`) || !strings.Contains(third.body, `href="/fascicolo/posta?pagina=2"`) {
		t.Error("page 3: want a link back to page 2 and none forward")
	}
	if res := admin.get("/fascicolo/posta?pagina=99999999999"); res.status != 200 || len(subjects(res.body)) != 0 {
		t.Errorf("a page past the end: %d", res.status)
	}
}

func TestMailCatcherSearchesRecipientAndSubject(t *testing.T) {
	w := newWorld(t)
	w.catchMails(120)
	admin := w.as(0, w.admin.ID, "")
	res := admin.get("/fascicolo/posta?q=mario.rossi%40example")
	got := subjects(res.body)
	if len(got) != 50 || got[0] != "Richiesta n. 119 100%_chiusa" || !strings.Contains(res.body, `href="/fascicolo/posta?pagina=2&amp;q=mario.rossi%40example"`) {
		t.Fatalf("recipient search, ignoring case: %d subjects, first %v", len(got), got)
	}
	if !strings.Contains(res.body, `value="mario.rossi@example"`) {
		t.Error("the search box does not keep what was typed")
	}
	if got := subjects(admin.get("/fascicolo/posta?q=mario.rossi%40example&pagina=2").body); len(got) != 10 {
		t.Errorf("recipient search, page 2: %d subjects, want 10", len(got))
	}
	if got := subjects(admin.get("/fascicolo/posta?q=AVVISO+n.+10").body); len(got) != 5 || got[0] != "Avviso n. 108" {
		t.Errorf("subject search: %v, want 100..108 even", got)
	}
	if got := subjects(admin.get("/fascicolo/posta?q=%25_").body); len(got) != 50 {
		t.Errorf("%%_ are matched as text: %d subjects, want 50", len(got))
	}
	if got := subjects(admin.get("/fascicolo/posta?q=n.%25").body); len(got) != 0 {
		t.Errorf("%% is not a wildcard: %v", got)
	}
	none := admin.get("/fascicolo/posta?q=nessuno")
	if len(subjects(none.body)) != 0 || !strings.Contains(none.body, "Nessun messaggio corrisponde alla ricerca") {
		t.Error("a search without results does not say so")
	}
}
