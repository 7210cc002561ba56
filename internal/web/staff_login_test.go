package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
)

const staffPassword = "correct-Horse-battery-9"

func (w *world) staffWithPassword(username string) {
	w.t.Helper()
	acc := staff.NewAccounts(store.NewStaff(w.db), func() time.Time { return w.now }, staff.Config{})
	_, err := acc.Create(context.Background(), staff.Member{Username: username, DisplayName: "Paola Neri",
		Role: staff.RoleOperator, OfficeCode: "1300", Active: true}, staffPassword)
	if err != nil {
		w.t.Fatal(err)
	}
}

func TestStaffEnrolsTOTPThenLogsInWithIt(t *testing.T) {
	w := newWorld(t)
	w.staffWithPassword("paola.neri")
	c := w.anonymous()
	res := c.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": staffPassword})
	if res.status != http.StatusSeeOther || res.location != "/fascicolo/secondo-fattore" {
		t.Fatalf("first login: %d %s", res.status, res.location)
	}
	if res := c.get("/fascicolo/"); res.location != "/fascicolo/secondo-fattore" {
		t.Fatalf("before enrolment the Fascicolo must wait: %d %s", res.status, res.location)
	}
	if res := c.get("/posizioni/10000001/anagrafica"); res.location != "/fascicolo/secondo-fattore" {
		t.Fatalf("before enrolment positions must wait: %d %s", res.status, res.location)
	}
	page := c.get("/fascicolo/secondo-fattore")
	m := regexp.MustCompile(`<code[^>]*>([A-Z2-7]+)</code>`).FindStringSubmatch(page.body)
	if m == nil || !strings.Contains(page.body, "data:image/png;base64,") {
		t.Fatalf("enrolment page lacks the secret or the QR code")
	}
	if bad := c.do("POST", "/fascicolo/secondo-fattore", map[string]string{"code": "000000"}); bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("wrong code accepted: %d", bad.status)
	}
	// a wrong code renders a new secret: read it again
	page = c.get("/fascicolo/secondo-fattore")
	secret := regexp.MustCompile(`<code[^>]*>([A-Z2-7]+)</code>`).FindStringSubmatch(page.body)[1]
	code, _ := totp.GenerateCode(secret, w.now)
	if ok := c.do("POST", "/fascicolo/secondo-fattore", map[string]string{"code": code}); ok.status != http.StatusSeeOther {
		t.Fatalf("enrolment: %d %s", ok.status, ok.body)
	}
	if res := c.get("/fascicolo/"); res.status != http.StatusOK {
		t.Fatalf("after enrolment: %d %s", res.status, res.location)
	}
	// a new login needs password and a fresh code; the enrolment code is not accepted again
	c2 := w.anonymous()
	if res := c2.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": staffPassword, "code": code}); res.status != http.StatusUnauthorized {
		t.Fatalf("replayed code: %d", res.status)
	}
	w.now = w.now.Add(30 * time.Second)
	next, _ := totp.GenerateCode(secret, w.now)
	res = c2.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": staffPassword, "code": next})
	if res.status != http.StatusSeeOther || res.location != "/fascicolo/" {
		t.Fatalf("login with code: %d %s", res.status, res.location)
	}
}

func TestStaffLoginErrorsAndLockout(t *testing.T) {
	w := newWorld(t)
	w.staffWithPassword("paola.neri")
	c := w.anonymous()
	for i := 0; i < 4; i++ {
		res := c.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": "wrong-password-123"})
		if res.status != http.StatusUnauthorized || !strings.Contains(res.body, "Nome utente, password o codice di verifica non corretti") {
			t.Fatalf("attempt %d: %d", i, res.status)
		}
	}
	unknown := c.do("POST", "/fascicolo/accesso", map[string]string{"username": "nobody", "password": "wrong-password-123"})
	if !strings.Contains(unknown.body, "Nome utente, password o codice di verifica non corretti") {
		t.Fatal("an unknown user must get the same message")
	}
	c.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": "wrong-password-123"})
	locked := c.do("POST", "/fascicolo/accesso", map[string]string{"username": "paola.neri", "password": staffPassword})
	if locked.status != http.StatusUnauthorized || !strings.Contains(locked.body, "bloccato") {
		t.Fatalf("after 5 failures the right password must find the account locked: %d", locked.status)
	}
}
