package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/demo/idp"
)

const demoIDPPath = "/demo-idp"

// runDemo runs the whole portal on an embedded SQLite database (unless
// CASSETTO_DATABASE_URL says otherwise) filled once with demo data, with an
// embedded OpenID Connect provider that lists the demo identities.
func runDemo(ctx context.Context, env Env) error {
	fs := newFlagSet("demo", env)
	resolve := config.RegisterFlags(fs)
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	cfg, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	logger := newLogger(cfg, env.Stderr)
	fmt.Fprintln(env.Stderr, "configuration:")
	cfg.Print(env.Stderr)
	defer db.Close()
	fmt.Fprintln(env.Stdout, "Preparing the demo data (the first time only)…")
	if _, err := demo.LoadDemo(ctx, db); err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	if _, err := demo.LoadHistory(ctx, db, "demo"); err != nil {
		return err
	}
	if _, err := demo.LoadNews(ctx, db); err != nil {
		return err
	}
	if _, err := demo.LoadAssociations(ctx, db); err != nil {
		return err
	}
	if _, err := demo.LoadCases(ctx, db); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (CASSETTO_LISTEN or --listen): %w", cfg.Listen, err)
	}
	if env.Getenv("CASSETTO_BASE_URL") == "" && !isFlagSet(fs, "base-url") {
		cfg.BaseURL = "http://" + ln.Addr().String() // the real port, also when asked for :0
	}
	provider, rp, err := demoProvider(cfg.BaseURL, logger)
	if err != nil {
		ln.Close()
		return err
	}
	opt := serveOptions{listen: ln, demo: true, oidcCfg: rp,
		extra: map[string]http.Handler{demoIDPPath + "/": http.StripPrefix(demoIDPPath, provider)},
		ready: func(string) { printDemoWelcome(env.Stdout, cfg.BaseURL) }}
	return serve(ctx, cfg, db, logger, opt)
}

// demoProvider builds the embedded identity provider, which lists the fixed
// demo identities, and the relying-party configuration that uses it.
func demoProvider(baseURL string, logger *slog.Logger) (http.Handler, *auth.RPConfig, error) {
	secret := make([]byte, 16)
	if _, err := rand.Read(secret); err != nil {
		return nil, nil, err
	}
	rp := &auth.RPConfig{Issuer: baseURL + demoIDPPath, ClientID: "cassetto-demo", ClientSecret: hex.EncodeToString(secret),
		RedirectURL: baseURL + "/auth/callback", Scopes: []string{"openid", "profile", "email"}, CFClaim: idp.FiscalNumberClaim}
	var users []idp.User
	for _, id := range demo.Identities() {
		users = append(users, idp.User{Subject: id.Key, CodiceFiscale: id.CodiceFiscale, GivenName: id.GivenName,
			FamilyName: id.FamilyName, Email: id.Email, Label: id.Label, Description: describe(id)})
	}
	h, err := idp.New(rp.Issuer, []idp.Client{{ID: rp.ClientID, Secret: rp.ClientSecret, RedirectURIs: []string{rp.RedirectURL}}},
		users, logger)
	return h, rp, err
}

func describe(id demo.Identity) string {
	name := id.GivenName + " " + id.FamilyName
	switch {
	case id.StaffUsername != "":
		return name + " — Fascicolo, utente " + id.StaffUsername
	case id.PositionNumber != "":
		return name + " — posizione " + id.PositionNumber
	}
	return name + " — profilo intermediario"
}

func printDemoWelcome(w io.Writer, baseURL string) {
	fmt.Fprintf(w, "\nThe Cassetto demo is running at %s\n", baseURL)
	fmt.Fprintf(w, "Log in with \"Entra con SPID / CIE\" and pick one of these demo identities:\n\n")
	for _, id := range demo.Identities() {
		fmt.Fprintf(w, "  %-14s %s  %-24s %s\n", id.Key, id.CodiceFiscale, id.GivenName+" "+id.FamilyName, id.LabelEN)
	}
	fmt.Fprintf(w, "\nOffice staff: %s/fascicolo/  ·  stop with Ctrl+C\n\n", baseURL)
}

func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
