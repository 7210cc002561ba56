package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// The TLS modes of the SMTP connection.
const (
	TLSNone     = "none"     // plain SMTP (a relay on the same host)
	TLSStartTLS = "starttls" // STARTTLS, required
	TLSImplicit = "tls"      // implicit TLS (usually port 465)
)

// SMTPConfig is how to reach the mail server.
type SMTPConfig struct {
	Host, Username, Password, From string
	Port                           int
	TLS                            string      // TLSNone, TLSStartTLS or TLSImplicit
	TLSConfig                      *tls.Config // nil: the system roots, ServerName Host
}

// SMTPMailer sends e-mail through an SMTP server, one connection per
// message (the worker sends few).
type SMTPMailer struct {
	Config SMTPConfig
}

// Send sends m with a text part and, if any, an HTML alternative.
func (s SMTPMailer) Send(ctx context.Context, m Mail) error {
	c := s.Config
	if c.Host == "" || c.From == "" {
		return errors.New("SMTP host or sender not configured")
	}
	opts := []gomail.Option{gomail.WithPort(c.Port), gomail.WithTimeout(20 * time.Second)}
	switch c.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.TLSConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(c.TLSConfig))
	}
	if c.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(c.Username), gomail.WithPassword(c.Password))
	}
	client, err := gomail.NewClient(c.Host, opts...)
	if err != nil {
		return err
	}
	msg := gomail.NewMsg()
	if err := msg.From(c.From); err != nil {
		return err
	}
	if err := msg.To(m.To); err != nil {
		return err
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDate()
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return client.DialAndSendWithContext(ctx, msg)
}
