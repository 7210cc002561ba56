package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// notifyEvent writes a case event on p1 and lets a worker without mailer
// turn it into notifications and queued deliveries.
func (w *world) notifyEvent(kind string, n int) {
	w.t.Helper()
	ctx := context.Background()
	_, err := w.db.W().Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, fmt.Sprintf("web-test:%d", n), kind, w.p1.ID, n,
		fmt.Sprintf(`{"protocol": "1300-2026-%07d", "subject": "Rimborso <b>2025</b>"}`, n), w.now)
	if err != nil {
		w.t.Fatal(err)
	}
	wk := &notify.Worker{Store: store.NewNotifications(w.db), Now: func() time.Time { return w.now }}
	if _, err := wk.RunOnce(ctx); err != nil {
		w.t.Fatal(err)
	}
}

func TestNotificationsListMarksReadAndFeedsTheDashboard(t *testing.T) {
	w := newWorld(t)
	w.notifyEvent(notify.CaseReply, 5)
	c := w.as(w.titolare.ID, 0, "self")
	res := c.get("/notifiche")
	if res.status != 200 || !strings.Contains(res.body, "Nuova risposta alla richiesta 1300-2026-0000005") ||
		!strings.Contains(res.body, "Notifiche da leggere: 1.") || !strings.Contains(res.body, "/posizioni/10000001/richieste/5") {
		t.Fatalf("list: %d\n%s", res.status, res.body)
	}
	if strings.Contains(res.body, "<b>2025</b>") {
		t.Error("the subject's markup is rendered, not shown as text")
	}
	if dash := c.get("/posizioni/10000001/"); !strings.Contains(dash.body, "Hai 1 notifiche da leggere su questa posizione.") {
		t.Errorf("dashboard card lacks the unread count:\n%s", dash.body)
	}
	if res := c.do("POST", "/notifiche/lette", map[string]string{}); res.status != 303 {
		t.Fatalf("mark read: %d", res.status)
	}
	if res := c.get("/notifiche?esito=lette"); !strings.Contains(res.body, "Notifiche da leggere: 0.") {
		t.Errorf("after marking read:\n%s", res.body)
	}
	if dash := c.get("/posizioni/10000001/"); !strings.Contains(dash.body, "Nessuna comunicazione.") {
		t.Error("dashboard still counts unread notifications")
	}
	other := w.as(w.other.ID, 0, "self").get("/notifiche")
	if strings.Contains(other.body, "1300-2026-0000005") {
		t.Error("another person sees the titolare's notification")
	}
}

func TestNotificationPreferencesRefuseSMSWithoutMobileAndStoreNothing(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.titolare.ID, 0, "self")
	form := map[string]string{"lang": "en"}
	for _, k := range []string{"case_registered", "case_routed", "case_taken", "case_reply", "case_closed", "case_reopened", "case_office_message", "notice_issued", "delegation"} {
		form["ch_"+k] = "email"
	}
	form["ch_case_reply"] = "sms"
	res := c.do("POST", "/notifiche/preferenze", form)
	if res.status != 422 || !strings.Contains(res.body, `id="ch_case_reply-error"`) || !strings.Contains(res.body, "serve un numero di cellulare") {
		t.Fatalf("SMS without a mobile: %d\n%s", res.status, res.body)
	}
	st := store.NewNotifications(w.db)
	if lang, prefs, _ := st.Preferences(context.Background(), w.titolare.ID); lang != "" || len(prefs) != 0 {
		t.Errorf("stored %q %v after a refusal", lang, prefs)
	}
	form["ch_case_reply"], form["ch_delegation"] = "none", "bogus"
	if res := c.do("POST", "/notifiche/preferenze", form); res.status != 422 || !strings.Contains(res.body, `id="ch_delegation-error"`) {
		t.Fatalf("bogus channel: %d", res.status)
	}
	form["ch_delegation"] = "none"
	if res := c.do("POST", "/notifiche/preferenze", form); res.status != 303 {
		t.Fatalf("valid preferences: %d\n%s", res.status, res.body)
	}
	lang, prefs, err := st.Preferences(context.Background(), w.titolare.ID)
	if err != nil || lang != "en" || prefs[notify.CaseReply] != notify.None || prefs[notify.NoticeIssued] != notify.Email {
		t.Errorf("stored %q %v %v", lang, prefs, err)
	}
	page := c.get("/notifiche/preferenze")
	if !strings.Contains(page.body, `id="ch_case_reply-none" value="none" checked`) || !strings.Contains(page.body, "titolare@example.it") {
		t.Errorf("the page does not show the saved choice or the e-mail:\n%s", page.body)
	}
}

func TestAdministratorsSeeUndeliveredNotificationsAndRetry(t *testing.T) {
	w := newWorld(t)
	w.notifyEvent(notify.CaseClosed, 3)
	ctx := context.Background()
	_, err := w.db.W().Exec(ctx, `UPDATE deliveries SET status = 'dead', attempts = 8, last_error = 'dial tcp: connection refused'`)
	if err != nil {
		t.Fatal(err)
	}
	admin := w.as(0, w.admin.ID, "")
	res := admin.get("/fascicolo/notifiche")
	if res.status != 200 || !strings.Contains(res.body, "connection refused") || !strings.Contains(res.body, "titolare@example.it") {
		t.Fatalf("list: %d\n%s", res.status, res.body)
	}
	var id int64
	if err := w.db.R().QueryRow(ctx, `SELECT id FROM deliveries`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if res := admin.do("POST", "/fascicolo/notifiche/riprova", map[string]string{"id": fmt.Sprint(id)}); res.status != 303 {
		t.Fatalf("retry: %d", res.status)
	}
	var status string
	if err := w.db.R().QueryRow(ctx, `SELECT status FROM deliveries WHERE id = ?`, id).Scan(&status); err != nil || status != "pending" {
		t.Errorf("status after retry %q %v", status, err)
	}
	if res := admin.do("POST", "/fascicolo/notifiche/riprova", map[string]string{"id": fmt.Sprint(id)}); res.status != 422 {
		t.Errorf("retrying a queued delivery: %d, want 422", res.status)
	}
	if res := w.as(0, w.operator.ID, "").get("/fascicolo/notifiche"); res.status != 403 {
		t.Errorf("operator: %d, want 403", res.status)
	}
}

func TestCaughtMailShowsTheTextAndOnlyDownloadsTheHTML(t *testing.T) {
	w := newWorld(t)
	catcher := store.MailCatcher{DB: w.db, From: "demo@example.it", Now: func() time.Time { return w.now }}
	err := catcher.Send(context.Background(), notify.Mail{MessageID: "delivery-1@cassetto.notify", To: "titolare@example.it",
		Subject: "Richiesta 1300-2026-0000001 chiusa", Text: "Testo <script>alert(1)</script>", HTML: "<p>ciao</p><script>alert(2)</script>"})
	if err != nil {
		t.Fatal(err)
	}
	admin := w.as(0, w.admin.ID, "")
	if res := admin.get("/fascicolo/posta"); !strings.Contains(res.body, "Richiesta 1300-2026-0000001 chiusa") {
		t.Fatalf("list:\n%s", res.body)
	}
	var id int64
	if err := w.db.R().QueryRow(context.Background(), `SELECT id FROM caught_mail`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	res := admin.get(fmt.Sprintf("/fascicolo/posta/%d", id))
	if res.status != 200 || strings.Contains(res.body, "<script>alert") || !strings.Contains(res.body, "Testo &lt;script&gt;") {
		t.Fatalf("message page: %d\n%s", res.status, res.body)
	}
	html := admin.get(fmt.Sprintf("/fascicolo/posta/%d/html", id))
	if !strings.HasPrefix(html.header.Get("Content-Disposition"), "attachment") || html.header.Get("X-Content-Type-Options") != "nosniff" ||
		!strings.Contains(html.header.Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("HTML part served with %v", html.header)
	}
	if res := admin.get("/fascicolo/posta/999999"); res.status != 404 {
		t.Errorf("missing mail: %d", res.status)
	}
	if res := w.as(w.titolare.ID, 0, "self").get("/fascicolo/posta"); res.status != 403 {
		t.Errorf("citizen reads the mail catcher: %d", res.status)
	}
}

// TestTheHeaderCountsUnreadNotifications: the titolare's header shows how
// many notifications wait for him, on every page; after marking them read
// the badge goes; another person's header shows none.
func TestTheHeaderCountsUnreadNotifications(t *testing.T) {
	w := newWorld(t)
	w.notifyEvent(notify.CaseReply, 6)
	w.notifyEvent(notify.CaseClosed, 7)
	// One of the two is about another position: the header counts both,
	// the dashboard's card of this position one.
	if _, err := w.db.W().Exec(t.Context(), `UPDATE notifications SET position_id = ?
		WHERE id = (SELECT MAX(id) FROM notifications WHERE person_id = ?)`, w.p2.ID, w.titolare.ID); err != nil {
		t.Fatal(err)
	}
	c := w.as(w.titolare.ID, 0, "self")
	if dash := c.get("/posizioni/10000001/"); !strings.Contains(dash.body, "Hai 1 notifiche da leggere su questa posizione.") {
		t.Error("the dashboard's card does not count the one unread notification about its position")
	}
	badge := `<span class="visually-hidden"> da leggere</span>`
	for _, path := range []string{"/posizioni", "/posizioni/10000001/anagrafica", "/posizioni/10000001/situazione", "/posizioni/10000001/"} {
		if res := c.get(path); !strings.Contains(res.body, `href="/notifiche">Notifiche <span class="badge bg-light text-primary">2`+badge) {
			t.Errorf("%s: the header does not count 2 unread notifications", path)
		}
	}
	if res := w.as(w.other.ID, 0, "self").get("/posizioni"); strings.Contains(res.body, badge) {
		t.Error("another person's header counts the titolare's notifications")
	}
	if res := c.do("POST", "/notifiche/lette", map[string]string{}); res.status != 303 {
		t.Fatalf("mark read: %d", res.status)
	}
	if res := c.get("/posizioni"); strings.Contains(res.body, badge) {
		t.Error("the badge stays after every notification was read")
	}
}
