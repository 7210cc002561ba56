// Package config reads the configuration from CASSETTO_* environment
// variables and command-line flags (flags win), validates every value at
// start with a message naming the variable and what it wants, and prints
// the resolved configuration with secrets masked. Secrets may also be read
// from a file named by the variable with a _FILE suffix.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Config is the resolved configuration of the program.
type Config struct {
	Listen      string // address the server listens on
	BaseURL     string // public URL of the portal, for redirects and links
	DataDir     string // SQLite file and stored files
	DatabaseURL string // postgres://… or a SQLite path; default DataDir/cassetto.db
	// DatabaseReplicaURL is a PostgreSQL streaming replica for the reads of pages ("": none).
	DatabaseReplicaURL string

	InstitutionName  string
	SupportEmail     string
	SupportPhone     string
	AccessibilityURL string
	PrivacyURL       string

	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	OIDCScopes       []string
	OIDCCFClaim      string // claim carrying the codice fiscale
	OIDCLabel        string // text of the login button

	SessionIdle     time.Duration
	SessionAbsolute time.Duration
	LoginMaxFailed  int
	LoginLockout    time.Duration
	APIRate         int // requests per minute of one API token

	LogFormat string // json or text
	LogLevel  string // debug, info, warn, error

	// DelegationInviteDays is how many days an invitation to an intermediary waits for an answer.
	DelegationInviteDays int
	// CaseReopenDays is how many days after closing the requester may reopen a case.
	CaseReopenDays int
	// CaseAttachmentMaxMB is the size cap of one case attachment (a zip), in megabytes.
	CaseAttachmentMaxMB int
	// LedgerCacheMB is the memory of the ledger records kept per process (0: none).
	LedgerCacheMB int
	// MaxInFlight is how many requests the portal serves at once; the others queue.
	MaxInFlight int
	// MemoryLimitMB is the soft limit of the Go heap, in megabytes (0: none).
	MemoryLimitMB int

	Demo bool // demo mode: embedded identity provider and demo data

	BenchBaseline bool   // serve the baseline routes of `cassetto bench` (/bench/baseline)
	PprofListen   string // loopback address of the runtime profiles (net/http/pprof); "": off

	Notify Notify // e-mail and SMS notifications
}

// Notify is how notifications leave the system.
type Notify struct {
	SMTPHost     string // "": no e-mail is sent (the demo keeps it in its catcher)
	SMTPPort     int
	SMTPTLS      string // none, starttls or tls
	SMTPUsername string
	SMTPPassword string
	SMTPFrom     string
	SMSURL       string // "": no SMS is sent
	SMSToken     string
	Interval     time.Duration // how often the worker looks for work
}

// variable describes one setting: its environment name, flag name, default,
// whether it is secret, and where it goes.
type variable struct {
	env, flag, def, help string
	secret               bool
	set                  func(c *Config, v string) error
}

func str(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = v; return nil }
}

func dur(p func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return errors.New("wants a positive duration such as 30m or 8h")
		}
		*p(c) = d
		return nil
	}
}

func variables() []variable {
	return []variable{
		{env: "CASSETTO_LISTEN", flag: "listen", def: "127.0.0.1:8080", help: "address to listen on (host:port)", set: setListen},
		{env: "CASSETTO_BASE_URL", flag: "base-url", help: "public URL of the portal (default http://LISTEN)", set: setBaseURL},
		{env: "CASSETTO_DATA_DIR", flag: "data-dir", def: "./data", help: "directory of the SQLite file and stored files", set: str(func(c *Config) *string { return &c.DataDir })},
		{env: "CASSETTO_DATABASE_URL", flag: "database-url", help: "postgres://… URL or SQLite file path (default DATA_DIR/cassetto.db)", secret: true, set: setDatabaseURL},
		{env: "CASSETTO_DATABASE_REPLICA_URL", flag: "database-replica-url", help: "postgres://… URL of a streaming replica for the reads of pages (PostgreSQL only; none: every read on the primary)", secret: true, set: setReplicaURL},
		{env: "CASSETTO_INSTITUTION_NAME", def: "Istituto Previdenziale (demo)", help: "name of the institution in the header", set: str(func(c *Config) *string { return &c.InstitutionName })},
		{env: "CASSETTO_SUPPORT_EMAIL", def: "assistenza@cassetto.invalid", help: "support e-mail shown to users", set: str(func(c *Config) *string { return &c.SupportEmail })},
		{env: "CASSETTO_SUPPORT_PHONE", def: "803 164", help: "support telephone shown to users", set: str(func(c *Config) *string { return &c.SupportPhone })},
		{env: "CASSETTO_ACCESSIBILITY_URL", def: "/accessibilita", help: "link of the accessibility statement", set: str(func(c *Config) *string { return &c.AccessibilityURL })},
		{env: "CASSETTO_PRIVACY_URL", def: "/privacy", help: "link of the privacy notice", set: str(func(c *Config) *string { return &c.PrivacyURL })},
		{env: "CASSETTO_OIDC_ISSUER", help: "issuer URL of the OpenID Connect provider", set: setURL(func(c *Config) *string { return &c.OIDCIssuer })},
		{env: "CASSETTO_OIDC_CLIENT_ID", help: "client id at the provider", set: str(func(c *Config) *string { return &c.OIDCClientID })},
		{env: "CASSETTO_OIDC_CLIENT_SECRET", help: "client secret at the provider", secret: true, set: str(func(c *Config) *string { return &c.OIDCClientSecret })},
		{env: "CASSETTO_OIDC_SCOPES", def: "openid profile", help: "scopes to ask, space separated", set: func(c *Config, v string) error { c.OIDCScopes = strings.Fields(v); return nil }},
		{env: "CASSETTO_OIDC_CF_CLAIM", def: "fiscal_number", help: "claim that carries the codice fiscale (TINIT- prefix allowed)", set: str(func(c *Config) *string { return &c.OIDCCFClaim })},
		{env: "CASSETTO_OIDC_LABEL", def: "Entra con SPID / CIE", help: "text of the login button", set: str(func(c *Config) *string { return &c.OIDCLabel })},
		{env: "CASSETTO_SESSION_IDLE", def: "30m", help: "a session ends after this long without requests", set: dur(func(c *Config) *time.Duration { return &c.SessionIdle })},
		{env: "CASSETTO_SESSION_ABSOLUTE", def: "8h", help: "a session ends this long after login", set: dur(func(c *Config) *time.Duration { return &c.SessionAbsolute })},
		{env: "CASSETTO_LOGIN_MAX_FAILED", def: "5", help: "failed staff logins before lockout", set: setPositiveInt(func(c *Config) *int { return &c.LoginMaxFailed })},
		{env: "CASSETTO_LOGIN_LOCKOUT", def: "15m", help: "how long a locked staff account stays locked", set: dur(func(c *Config) *time.Duration { return &c.LoginLockout })},
		{env: "CASSETTO_DELEGATION_INVITE_DAYS", def: "30", help: "days an invitation to an intermediary waits for an answer", set: setPositiveInt(func(c *Config) *int { return &c.DelegationInviteDays })},
		{env: "CASSETTO_API_RATE", def: "120", help: "requests per minute of one API token", set: setPositiveInt(func(c *Config) *int { return &c.APIRate })},
		{env: "CASSETTO_CASE_REOPEN_DAYS", def: "30", help: "days after closing a requester may reopen a case", set: setPositiveInt(func(c *Config) *int { return &c.CaseReopenDays })},
		{env: "CASSETTO_CASE_ATTACHMENT_MAX_MB", def: "5", help: "size cap of one case attachment (zip), in MB", set: setPositiveInt(func(c *Config) *int { return &c.CaseAttachmentMaxMB })},
		{env: "CASSETTO_LEDGER_CACHE_MB", def: "64", help: "MB of positions' ledger records kept in memory while unchanged (0: none)", set: setLedgerCacheMB},
		{env: "CASSETTO_MAX_INFLIGHT", def: "64", help: "requests served at once; the others wait their turn (probes and static files never wait)", set: setPositiveInt(func(c *Config) *int { return &c.MaxInFlight })},
		{env: "CASSETTO_MEMORY_LIMIT_MB", def: "256", help: "soft limit of the Go heap in MB, the garbage collector works harder near it (0: none; GOMEMLIMIT, when set, wins)", set: setMemoryLimitMB},
		{env: "CASSETTO_SMTP_HOST", help: "SMTP server of the notifications (none: no e-mail is sent)", set: str(func(c *Config) *string { return &c.Notify.SMTPHost })},
		{env: "CASSETTO_SMTP_PORT", def: "587", help: "SMTP port", set: setPositiveInt(func(c *Config) *int { return &c.Notify.SMTPPort })},
		{env: "CASSETTO_SMTP_TLS", def: "starttls", help: "none, starttls or tls", set: oneOf(func(c *Config) *string { return &c.Notify.SMTPTLS }, "none", "starttls", "tls")},
		{env: "CASSETTO_SMTP_USERNAME", help: "SMTP user (none: no authentication)", set: str(func(c *Config) *string { return &c.Notify.SMTPUsername })},
		{env: "CASSETTO_SMTP_PASSWORD", help: "SMTP password", secret: true, set: str(func(c *Config) *string { return &c.Notify.SMTPPassword })},
		{env: "CASSETTO_SMTP_FROM", help: "sender address of the notifications, e.g. Cassetto <noreply@example.it>", set: setMailAddress(func(c *Config) *string { return &c.Notify.SMTPFrom })},
		{env: "CASSETTO_SMS_URL", help: "URL of the SMS gateway (JSON POST; none: no SMS is sent)", set: setURL(func(c *Config) *string { return &c.Notify.SMSURL })},
		{env: "CASSETTO_SMS_TOKEN", help: "bearer token of the SMS gateway", secret: true, set: str(func(c *Config) *string { return &c.Notify.SMSToken })},
		{env: "CASSETTO_NOTIFY_INTERVAL", def: "30s", help: "how often the notifications worker looks for work", set: dur(func(c *Config) *time.Duration { return &c.Notify.Interval })},
		{env: "CASSETTO_LOG_FORMAT", def: "json", help: "json or text", set: oneOf(func(c *Config) *string { return &c.LogFormat }, "json", "text")},
		{env: "CASSETTO_BENCH_BASELINE", def: "0", help: "1: serve the baseline routes of cassetto bench (/bench/baseline); 0: not", set: setBenchBaseline},
		{env: "CASSETTO_PPROF_LISTEN", help: "loopback host:port serving the runtime profiles (net/http/pprof), e.g. 127.0.0.1:6060 (none: off)", set: setPprofListen},
		{env: "CASSETTO_LOG_LEVEL", def: "info", help: "debug, info, warn or error", set: oneOf(func(c *Config) *string { return &c.LogLevel }, "debug", "info", "warn", "error")},
	}
}

func setMemoryLimitMB(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n != 0 && (n < 32 || n > 1048576) {
		return errors.New("wants megabytes from 32 to 1048576, e.g. 256, or 0 for no limit")
	}
	c.MemoryLimitMB = n
	return nil
}

func setLedgerCacheMB(c *Config, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 65536 {
		return errors.New("wants megabytes from 0 (no cache) to 65536, e.g. 64")
	}
	c.LedgerCacheMB = n
	return nil
}

func setBenchBaseline(c *Config, v string) error {
	switch v {
	case "0", "1":
		c.BenchBaseline = v == "1"
		return nil
	}
	return errors.New("wants 1 (serve the baseline routes of cassetto bench) or 0")
}

func setPprofListen(c *Config, v string) error {
	if v == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(v)
	if ip := net.ParseIP(host); err != nil || port == "" || host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return errors.New("wants a loopback host:port such as 127.0.0.1:6060: the profiles must not be public")
	}
	c.PprofListen = v
	return nil
}

func setListen(c *Config, v string) error {
	if _, port, err := net.SplitHostPort(v); err != nil || port == "" {
		return errors.New("wants host:port, e.g. 127.0.0.1:8080 or :8080")
	}
	c.Listen = v
	return nil
}

func setBaseURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("wants an absolute http(s) URL, e.g. https://cassetto.example.it")
	}
	c.BaseURL = strings.TrimRight(v, "/")
	return nil
}

func setDatabaseURL(c *Config, v string) error {
	if strings.HasPrefix(v, "postgres") {
		if _, err := url.Parse(v); err != nil {
			return errors.New("wants postgres://user:password@host:port/database")
		}
	}
	c.DatabaseURL = v
	return nil
}

func setReplicaURL(c *Config, v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		return errors.New("wants postgres://user:password@host:port/database, the URL of a PostgreSQL streaming replica")
	}
	c.DatabaseReplicaURL = v
	return nil
}

func setURL(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		if v == "" {
			return nil
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return errors.New("wants an absolute http(s) URL")
		}
		*p(c) = strings.TrimRight(v, "/")
		return nil
	}
}

func setMailAddress(p func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		if v == "" {
			return nil
		}
		if _, err := mail.ParseAddress(v); err != nil {
			return errors.New("wants an e-mail address, e.g. noreply@example.it or Cassetto <noreply@example.it>")
		}
		*p(c) = v
		return nil
	}
}

func setPositiveInt(p func(*Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return errors.New("wants a positive whole number")
		}
		*p(c) = n
		return nil
	}
}

func oneOf(p func(*Config) *string, allowed ...string) func(*Config, string) error {
	return func(c *Config, v string) error {
		for _, a := range allowed {
			if v == a {
				*p(c) = v
				return nil
			}
		}
		return fmt.Errorf("wants one of %s", strings.Join(allowed, ", "))
	}
}

// RegisterFlags adds the flags of the settings that have one to fs. The
// returned function resolves the configuration after fs is parsed: a flag
// given on the command line wins over its environment variable.
func RegisterFlags(fs *flag.FlagSet) func(getenv func(string) string) (Config, error) {
	byFlag := map[string]string{} // flag name -> env name
	vals := map[string]*string{}  // env name -> flag value
	for _, v := range variables() {
		if v.flag != "" {
			byFlag[v.flag] = v.env
			vals[v.env] = fs.String(v.flag, "", v.help+" ($"+v.env+")")
		}
	}
	return func(getenv func(string) string) (Config, error) {
		over := map[string]string{}
		fs.Visit(func(f *flag.Flag) {
			if env, ok := byFlag[f.Name]; ok {
				over[env] = *vals[env]
			}
		})
		return Load(func(k string) string {
			if v, ok := over[k]; ok {
				return v
			}
			return getenv(k)
		})
	}
}

// Load resolves the configuration from getenv, validating every value. All
// problems are reported together, one line each.
func Load(getenv func(string) string) (Config, error) {
	var c Config
	var problems []string
	for _, v := range variables() {
		val, err := lookup(getenv, v)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if val == "" {
			val = v.def
		}
		if err := v.set(&c, val); err != nil {
			problems = append(problems, fmt.Sprintf("%s=%q %s", v.env, val, err))
		}
	}
	if len(problems) > 0 {
		return c, errors.New("configuration: " + strings.Join(problems, "; "))
	}
	c.fillDefaults()
	if err := c.validate(); err != nil {
		return c, err
	}
	return c, nil
}

func lookup(getenv func(string) string, v variable) (string, error) {
	val := getenv(v.env)
	if file := getenv(v.env + "_FILE"); v.secret && val == "" && file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("%s_FILE=%q cannot be read: %v", v.env, file, err)
		}
		val = strings.TrimSpace(string(b))
	}
	return val, nil
}

func (c *Config) fillDefaults() {
	if c.BaseURL == "" {
		host, port, _ := net.SplitHostPort(c.Listen)
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "127.0.0.1"
		}
		c.BaseURL = "http://" + net.JoinHostPort(host, port)
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = filepath.Join(c.DataDir, "cassetto.db")
	}
}

func (c *Config) validate() error {
	oidc := []string{c.OIDCIssuer, c.OIDCClientID}
	if (oidc[0] == "") != (oidc[1] == "") {
		return errors.New("configuration: CASSETTO_OIDC_ISSUER and CASSETTO_OIDC_CLIENT_ID go together: set both, or neither")
	}
	if c.Notify.SMTPHost != "" && c.Notify.SMTPFrom == "" {
		return errors.New("configuration: CASSETTO_SMTP_HOST needs CASSETTO_SMTP_FROM, the sender address")
	}
	if c.DatabaseReplicaURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		return errors.New("configuration: CASSETTO_DATABASE_REPLICA_URL needs a PostgreSQL primary (CASSETTO_DATABASE_URL=postgres://…); SQLite has no read replicas")
	}
	if c.SessionAbsolute < c.SessionIdle {
		return errors.New("configuration: CASSETTO_SESSION_ABSOLUTE must not be shorter than CASSETTO_SESSION_IDLE")
	}
	return nil
}

// SecureCookies reports whether cookies must carry the Secure flag (the
// portal is served over HTTPS).
func (c Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// Print writes the resolved configuration, one setting a line, secrets masked.
func (c Config) Print(w io.Writer) {
	env := map[string]string{}
	for _, v := range variables() {
		env[v.env] = c.value(v)
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s=%s\n", k, env[k])
	}
}

func (c Config) value(v variable) string {
	fields := map[string]string{
		"CASSETTO_LISTEN": c.Listen, "CASSETTO_BASE_URL": c.BaseURL, "CASSETTO_DATA_DIR": c.DataDir,
		"CASSETTO_DATABASE_URL": maskURL(c.DatabaseURL), "CASSETTO_INSTITUTION_NAME": c.InstitutionName,
		"CASSETTO_SUPPORT_EMAIL": c.SupportEmail, "CASSETTO_SUPPORT_PHONE": c.SupportPhone,
		"CASSETTO_DATABASE_REPLICA_URL": maskURL(c.DatabaseReplicaURL), "CASSETTO_LOG_FORMAT": c.LogFormat,
		"CASSETTO_ACCESSIBILITY_URL": c.AccessibilityURL, "CASSETTO_PRIVACY_URL": c.PrivacyURL,
		"CASSETTO_OIDC_ISSUER": c.OIDCIssuer, "CASSETTO_OIDC_CLIENT_ID": c.OIDCClientID,
		"CASSETTO_OIDC_CLIENT_SECRET": mask(c.OIDCClientSecret), "CASSETTO_OIDC_SCOPES": strings.Join(c.OIDCScopes, " "),
		"CASSETTO_OIDC_CF_CLAIM": c.OIDCCFClaim, "CASSETTO_OIDC_LABEL": c.OIDCLabel,
		"CASSETTO_SESSION_IDLE": c.SessionIdle.String(), "CASSETTO_SESSION_ABSOLUTE": c.SessionAbsolute.String(),
		"CASSETTO_LOGIN_MAX_FAILED": strconv.Itoa(c.LoginMaxFailed), "CASSETTO_LOGIN_LOCKOUT": c.LoginLockout.String(),
		"CASSETTO_LOG_LEVEL": c.LogLevel,
		"CASSETTO_SMTP_HOST": c.Notify.SMTPHost, "CASSETTO_SMTP_PORT": strconv.Itoa(c.Notify.SMTPPort),
		"CASSETTO_SMTP_TLS": c.Notify.SMTPTLS, "CASSETTO_SMTP_USERNAME": c.Notify.SMTPUsername,
		"CASSETTO_SMTP_PASSWORD": mask(c.Notify.SMTPPassword), "CASSETTO_SMTP_FROM": c.Notify.SMTPFrom,
		"CASSETTO_SMS_URL": c.Notify.SMSURL, "CASSETTO_SMS_TOKEN": mask(c.Notify.SMSToken),
		"CASSETTO_NOTIFY_INTERVAL":        c.Notify.Interval.String(),
		"CASSETTO_DELEGATION_INVITE_DAYS": strconv.Itoa(c.DelegationInviteDays), "CASSETTO_API_RATE": strconv.Itoa(c.APIRate),
		"CASSETTO_CASE_REOPEN_DAYS": strconv.Itoa(c.CaseReopenDays), "CASSETTO_CASE_ATTACHMENT_MAX_MB": strconv.Itoa(c.CaseAttachmentMaxMB),
		"CASSETTO_BENCH_BASELINE": benchBaseline(c.BenchBaseline), "CASSETTO_PPROF_LISTEN": c.PprofListen,
	}
	return fields[v.env]
}

func benchBaseline(on bool) string {
	if on {
		return "1"
	}
	return "0"
}

func mask(s string) string {
	if s == "" {
		return ""
	}
	return "********"
}

func maskURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	return u.Redacted()
}

// Help writes the list of settings with their defaults.
func Help(w io.Writer) {
	for _, v := range variables() {
		def := v.def
		if def == "" {
			def = "(none)"
		}
		fmt.Fprintf(w, "  %-28s %s [default %s]\n", v.env, v.help, def)
	}
}
