package notify_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

var codeRe = regexp.MustCompile(`(?:codice|code) ([0-9]{6})`)

// codeIn returns the code of the last message to addr, or fails.
func codeIn(t *testing.T, msgs []received, addr string) string {
	t.Helper()
	for i := len(msgs) - 1; i >= 0; i-- {
		if strings.Trim(msgs[i].To, "<>") != addr {
			continue
		}
		raw := strings.ReplaceAll(msgs[i].Raw, "=\r\n", "") // quoted-printable soft breaks
		if m := codeRe.FindStringSubmatch(raw); m != nil {
			return m[1]
		}
	}
	t.Fatalf("no code mailed to %s", addr)
	return ""
}

func fieldOf(err error) string {
	for _, f := range errs.Fields(err) {
		return f.Message
	}
	return ""
}

// change saves new contact data for the titolare as a user does on the
// recapiti page.
func (f *fixture) change(email, mobile string) registry.Contact {
	f.t.Helper()
	c := registry.Contact{PersonID: f.titolare.ID, Email: email, Mobile: mobile, ChangedBy: "Mario Rossi"}
	must(f.t, store.NewRegistry(f.db, func() time.Time { return f.now }).ChangeContact(context.Background(), &c))
	return c
}

func TestAChangedEmailIsMailedOnlyAfterItsCodeIsTyped(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	reg := store.NewRegistry(f.db, func() time.Time { return f.now })
	c := f.change("nuovo@example.it", "+39333000001") // the mobile is unchanged: still verified
	if c.EmailVerified || !c.MobileVerified {
		t.Fatalf("after the change: e-mail verified %v, mobile verified %v; want false, true", c.EmailVerified, c.MobileVerified)
	}
	f.run()
	code := codeIn(t, f.box.messages(), "nuovo@example.it")
	if len(f.sms.messages()) != 0 {
		t.Errorf("an unchanged mobile got %d SMS", len(f.sms.messages()))
	}
	var stored string
	must(t, f.db.R().QueryRow(ctx, `SELECT code_hash FROM contact_codes WHERE person_id = ?`, f.titolare.ID).Scan(&stored))
	if strings.Contains(stored, code) {
		t.Error("the code is stored in clear")
	}

	f.caseEvent(notify.CaseReply, 1)
	f.run()
	for _, m := range f.box.messages() {
		if strings.Contains(m.Subject, "1300-2026-0000001") && strings.Trim(m.To, "<>") == "nuovo@example.it" {
			t.Error("a case event was mailed to the unverified address")
		}
	}
	if n, _ := f.st.Unread(ctx, f.titolare.ID); n != 1 {
		t.Errorf("in-app notifications of the titolare with an unverified e-mail: %d, want 1", n)
	}

	wrong := "000000"
	if wrong == code {
		wrong = "111111"
	}
	err := reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelEmail, wrong)
	if !errs.Is(err, errs.Invalid) || fieldOf(err) != registry.MsgCodeWrong {
		t.Fatalf("wrong code: %v", err)
	}
	must(t, reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelEmail, code))
	cur, err := reg.CurrentContact(ctx, f.titolare.ID)
	must(t, err)
	if !cur.EmailVerified {
		t.Fatal("the right code did not verify the e-mail")
	}
	if err := reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelEmail, code); fieldOf(err) != registry.MsgCodeVerified {
		t.Errorf("the code verified twice: %v", err)
	}

	f.caseEvent(notify.CaseReply, 2)
	f.run()
	var mailed bool
	for _, m := range f.box.messages() {
		mailed = mailed || strings.Contains(m.Subject, "1300-2026-0000002") && strings.Trim(m.To, "<>") == "nuovo@example.it"
	}
	if !mailed {
		t.Error("after verification the case event was not mailed to the new address")
	}
}

func TestTheCodeExpiresAndAllowsFiveAttempts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	reg := store.NewRegistry(f.db, func() time.Time { return f.now })
	f.change("p1@example.it", "+39 333 999 0000")
	f.run()
	sms := f.sms.messages()
	if len(sms) != 1 || sms[0]["to"] != "+393339990000" {
		t.Fatalf("SMS sent: %v, want one code to the new mobile", sms)
	}
	code := regexp.MustCompile(`[0-9]{6}`).FindString(sms[0]["text"])
	for i := 1; i <= notify.MaxCodeAttempts; i++ {
		err := reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelMobile, "12345x")
		want := registry.MsgCodeWrong
		if i == notify.MaxCodeAttempts {
			want = registry.MsgCodeAttempts
		}
		if fieldOf(err) != want {
			t.Fatalf("attempt %d: %v, want %s", i, err, want)
		}
	}
	if err := reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelMobile, code); fieldOf(err) != registry.MsgCodeAttempts {
		t.Fatalf("the right code after five wrong ones: %v, want refused", err)
	}
	if err := reg.ResendCode(ctx, f.titolare.ID, registry.ChannelMobile); fieldOf(err) != registry.MsgCodeWait {
		t.Fatalf("a new code at once: %v, want wait", err)
	}
	f.now = f.now.Add(2 * time.Minute)
	must(t, reg.ResendCode(ctx, f.titolare.ID, registry.ChannelMobile))
	f.run()
	sms = f.sms.messages()
	code = regexp.MustCompile(`[0-9]{6}`).FindString(sms[len(sms)-1]["text"])
	f.now = f.now.Add(notify.CodeTTL + time.Second)
	if err := reg.VerifyContact(ctx, f.titolare.ID, registry.ChannelMobile, code); fieldOf(err) != registry.MsgCodeExpired {
		t.Fatalf("a code after 30 minutes: %v, want expired", err)
	}
	cur, err := reg.CurrentContact(ctx, f.titolare.ID)
	must(t, err)
	if cur.MobileVerified {
		t.Error("the mobile is verified without a valid code")
	}
}

func TestSMSOfTheCodeCarriesNoPersonalData(t *testing.T) {
	r := notify.Renderer{BaseURL: "https://x.example.it", Institution: "Istituto"}
	m := r.RenderCode("123456", "it")
	if m.SMS != "Codice di verifica del recapito: 123456 (vale 30 minuti)." {
		t.Errorf("SMS %q", m.SMS)
	}
	if !strings.Contains(m.Text, "123456") || !strings.Contains(m.HTML, "123456") || !strings.Contains(m.HTML, `lang="it"`) {
		t.Errorf("e-mail parts lack the code")
	}
	if en := r.RenderCode("123456", "en"); !strings.Contains(en.Subject, "verification code") {
		t.Errorf("English subject %q", en.Subject)
	}
}
