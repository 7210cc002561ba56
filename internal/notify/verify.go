package notify

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// ContactVerify is the kind of the event written when a person's e-mail
// address or mobile number changes: the worker sends the new address a
// one-time code. Its ref_id is the person; its payload carries "channel"
// (email or sms) and "address". It has no position and no in-app
// notification, and it ignores the preferences: the code goes to the
// address to verify.
const ContactVerify = "contact.verify"

// The rules of the verification codes.
const (
	CodeDigits      = 6
	CodeTTL         = 30 * time.Minute
	MaxCodeAttempts = 5
)

// Code is a verification code as stored: only its hash.
type Code struct {
	PersonID  int64
	Channel   Channel // Email or SMS
	Address   string  // the address the code was sent to
	Hash      string
	ExpiresAt time.Time
}

// NewCode returns a random code of CodeDigits digits.
func NewCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("notify: code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// HashCode is the stored form of a code: bound to the person, the channel
// and the address it was sent to, so it verifies nothing else.
func HashCode(personID int64, ch Channel, address, code string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("cassetto-contact-code\x00%d\x00%s\x00%s\x00%s", personID, ch, address, code)))
	return hex.EncodeToString(sum[:])
}

// CodeMatches reports whether code is the one of c, in constant time.
func CodeMatches(c Code, code string) bool {
	code = strings.TrimSpace(code)
	return subtle.ConstantTimeCompare([]byte(HashCode(c.PersonID, c.Channel, c.Address, code)), []byte(c.Hash)) == 1
}

// codeWording is the message with the code, by language.
var codeWording = map[string]struct{ Subject, Body, SMS, Footer string }{
	"it": {"Codice di verifica del recapito",
		"Per confermare questo recapito scrivi il codice %s nella pagina Recapiti del Cassetto. Il codice vale 30 minuti. Se non hai cambiato i tuoi recapiti, ignora questo messaggio.",
		"Codice di verifica del recapito: %s (vale 30 minuti).",
		"Ricevi questo messaggio perché questo indirizzo è stato indicato tra i recapiti di un Cassetto previdenziale. Non rispondere a questo indirizzo."},
	"en": {"Contact verification code",
		"To confirm this contact, type the code %s on the Contacts page of the Cassetto. The code is valid for 30 minutes. If you did not change your contacts, ignore this message.",
		"Contact verification code: %s (valid for 30 minutes).",
		"You receive this message because this address was given as a contact in a Cassetto previdenziale. Do not reply to this address."},
}

// RenderCode renders the message that carries code in lang; the SMS
// carries the code only.
func (r Renderer) RenderCode(code, lang string) Message {
	lang = Lang(lang)
	w, greeting := codeWording[lang], chrome[lang].Greeting
	link := strings.TrimRight(r.BaseURL, "/") + "/posizioni"
	body := fmt.Sprintf(w.Body, code)
	m := Message{Subject: w.Subject, SMS: fmt.Sprintf(w.SMS, code)}
	m.Text = greeting + "\n\n" + wrap(body) + "\n\n" + wrap(link) + "\n\n-- \n" + r.Institution + "\n" + wrap(w.Footer) + "\n"
	var b bytes.Buffer
	_ = mailHTML.Execute(&b, map[string]string{"Lang": lang, "Subject": m.Subject, "Greeting": greeting,
		"Body": body, "Link": link, "LinkText": link, "Institution": r.Institution, "Footer": w.Footer})
	m.HTML = b.String()
	return m
}

// sendCode makes a new code for the address of a contact.verify event,
// and stores its hash with the delivery that carries it, marking the
// event processed. A later change of the same channel replaces the code.
func (w *Worker) sendCode(ctx context.Context, ev Event) error {
	var p struct{ Channel, Address string }
	_ = json.Unmarshal([]byte(ev.Payload), &p)
	ch := Channel(p.Channel)
	if ev.RefID == 0 || p.Address == "" || ch != Email && ch != SMS {
		return w.Store.RecordEvents(ctx, []Outcome{{Event: ev}}, w.Now())
	}
	lang, err := w.Store.Lang(ctx, ev.RefID)
	if err != nil {
		return err
	}
	code, err := NewCode()
	if err != nil {
		return err
	}
	m := w.Renderer.RenderCode(code, lang)
	d := Delivery{EventID: ev.ID, PersonID: ev.RefID, Channel: ch, Address: p.Address}
	if ch == Email {
		d.Subject, d.Text, d.HTML = m.Subject, m.Text, m.HTML
	} else {
		d.Address, d.Text = strings.Join(strings.Fields(p.Address), ""), m.SMS
	}
	now := w.Now()
	c := Code{PersonID: ev.RefID, Channel: ch, Address: p.Address, Hash: HashCode(ev.RefID, ch, p.Address, code),
		ExpiresAt: now.Add(CodeTTL)}
	return w.Store.RecordCode(ctx, ev, c, d, now)
}
