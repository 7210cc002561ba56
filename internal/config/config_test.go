package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadDefaults(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:8080" || c.BaseURL != "http://127.0.0.1:8080" ||
		c.DatabaseURL != filepath.Join("data", "cassetto.db") || c.OIDCCFClaim != "fiscal_number" {
		t.Fatalf("defaults: %+v", c)
	}
}

func TestLoadReportsEveryBadValue(t *testing.T) {
	_, err := Load(env(map[string]string{
		"CASSETTO_LISTEN":       "nonsense",
		"CASSETTO_SESSION_IDLE": "-3m",
		"CASSETTO_LOG_FORMAT":   "xml",
	}))
	if err == nil {
		t.Fatal("bad values accepted")
	}
	for _, want := range []string{"CASSETTO_LISTEN", "host:port", "CASSETTO_SESSION_IDLE", "positive duration", "CASSETTO_LOG_FORMAT", "json, text"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	resolve := RegisterFlags(fs)
	if err := fs.Parse([]string{"--listen", "127.0.0.1:9999"}); err != nil {
		t.Fatal(err)
	}
	c, err := resolve(env(map[string]string{"CASSETTO_LISTEN": "127.0.0.1:7777", "CASSETTO_DATA_DIR": "/srv/c"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:9999" || c.DataDir != "/srv/c" {
		t.Fatalf("got listen %s data %s", c.Listen, c.DataDir)
	}
}

func TestSecretFromFileAndMasked(t *testing.T) {
	f := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(f, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(env(map[string]string{
		"CASSETTO_OIDC_ISSUER": "https://id.example.it", "CASSETTO_OIDC_CLIENT_ID": "cassetto",
		"CASSETTO_OIDC_CLIENT_SECRET_FILE": f,
		"CASSETTO_DATABASE_URL":            "postgres://u:pw@db:5432/c",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.OIDCClientSecret != "s3cret" {
		t.Fatalf("secret %q", c.OIDCClientSecret)
	}
	var b strings.Builder
	c.Print(&b)
	if strings.Contains(b.String(), "s3cret") || strings.Contains(b.String(), ":pw@") {
		t.Fatalf("secret printed:\n%s", b.String())
	}
}

func TestOIDCIssuerNeedsClientID(t *testing.T) {
	_, err := Load(env(map[string]string{"CASSETTO_OIDC_ISSUER": "https://id.example.it"}))
	if err == nil || !strings.Contains(err.Error(), "CASSETTO_OIDC_CLIENT_ID") {
		t.Fatalf("got %v", err)
	}
}

func TestSMTPHostNeedsASender(t *testing.T) {
	env := map[string]string{"CASSETTO_SMTP_HOST": "smtp.example.it"}
	if _, err := Load(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "CASSETTO_SMTP_FROM") {
		t.Errorf("got %v, want a complaint about CASSETTO_SMTP_FROM", err)
	}
	env["CASSETTO_SMTP_FROM"] = "not an address"
	if _, err := Load(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "CASSETTO_SMTP_FROM") {
		t.Errorf("got %v, want a bad address refused", err)
	}
	env["CASSETTO_SMTP_FROM"], env["CASSETTO_SMTP_TLS"] = "Cassetto <noreply@example.it>", "ssl"
	if _, err := Load(func(k string) string { return env[k] }); err == nil || !strings.Contains(err.Error(), "CASSETTO_SMTP_TLS") {
		t.Errorf("got %v, want a bad TLS mode refused", err)
	}
	env["CASSETTO_SMTP_TLS"] = "tls"
	c, err := Load(func(k string) string { return env[k] })
	if err != nil || c.Notify.SMTPPort != 587 || c.Notify.Interval.String() != "30s" {
		t.Errorf("got %+v %v", c.Notify, err)
	}
}
