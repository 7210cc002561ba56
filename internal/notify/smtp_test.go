package notify_test

import (
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// received is one message the test SMTP server accepted.
type received struct {
	From, To  string
	MessageID string
	Subject   string
	Raw       string
}

// mailbox is an in-process SMTP server (emersion/go-smtp) that keeps every
// message it accepts. It can be stopped and started again on the same port.
type mailbox struct {
	t    *testing.T
	addr string
	mu   sync.Mutex
	msgs []received
	srv  *smtp.Server
	ln   net.Listener
}

func newMailbox(t *testing.T) *mailbox {
	t.Helper()
	m := &mailbox{t: t}
	m.start()
	t.Cleanup(m.stop)
	return m
}

func (m *mailbox) start() {
	m.t.Helper()
	addr := m.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		m.t.Fatal(err)
	}
	m.addr = ln.Addr().String()
	s := smtp.NewServer(m)
	s.Domain = "localhost"
	s.AllowInsecureAuth = true
	s.ReadTimeout, s.WriteTimeout = 5*time.Second, 5*time.Second
	m.srv, m.ln = s, ln
	go func() { _ = s.Serve(ln) }()
}

func (m *mailbox) stop() {
	if m.srv != nil {
		_ = m.ln.Close() // Serve may not have taken the listener yet
		_ = m.srv.Close()
		m.srv = nil
	}
}

func (m *mailbox) port() int {
	_, p, _ := net.SplitHostPort(m.addr)
	n := 0
	for _, c := range p {
		n = n*10 + int(c-'0')
	}
	return n
}

func (m *mailbox) messages() []received {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]received(nil), m.msgs...)
}

// NewSession implements smtp.Backend.
func (m *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{box: m}, nil }

type session struct {
	box      *mailbox
	from, to string
}

func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	rec := received{From: s.from, To: s.to, Raw: string(b)}
	if msg, err := mail.ReadMessage(strings.NewReader(rec.Raw)); err == nil {
		rec.MessageID = msg.Header.Get("Message-Id")
		dec := new(mime.WordDecoder)
		rec.Subject, _ = dec.DecodeHeader(msg.Header.Get("Subject"))
	}
	s.box.mu.Lock()
	s.box.msgs = append(s.box.msgs, rec)
	s.box.mu.Unlock()
	return nil
}
