package cli

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/store"
)

const notifyUsage = "deliver the pending notifications (e-mail, SMS): notify --once (for cron) | notify (keep running)"

// runNotify runs the notifications worker: once and exit (for cron), or
// until interrupted.
func runNotify(ctx context.Context, env Env) error {
	fs := newFlagSet("notify", env)
	once := fs.Bool("once", false, "process what is pending and exit")
	resolve := config.RegisterFlags(fs)
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	cfg, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	logger := newLogger(cfg, env.Stderr)
	w := newNotifyWorker(cfg, db, logger, false)
	if !*once {
		w.Run(ctx, cfg.Notify.Interval)
		return nil
	}
	st, err := w.RunOnce(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "events %d, sent %d, failed %d, dead %d\n", st.Events, st.Sent, st.Failed, st.Dead)
	return nil
}

// newNotifyWorker wires the worker: SMTP and the SMS gateway as configured;
// in the demo, without an SMTP server, the database's mail catcher takes
// both the e-mail and the SMS.
func newNotifyWorker(cfg config.Config, db *store.DB, logger *slog.Logger, demo bool) *notify.Worker {
	n := cfg.Notify
	w := &notify.Worker{Store: store.NewNotifications(db), Now: time.Now, Logger: logger,
		Renderer: notify.Renderer{BaseURL: cfg.BaseURL, Institution: cfg.InstitutionName}}
	if n.SMTPHost != "" {
		w.Mailer = notify.SMTPMailer{Config: notify.SMTPConfig{Host: n.SMTPHost, Port: n.SMTPPort, TLS: n.SMTPTLS,
			Username: n.SMTPUsername, Password: n.SMTPPassword, From: n.SMTPFrom}}
	}
	if n.SMSURL != "" {
		w.SMS = notify.HTTPGateway{URL: n.SMSURL, Token: n.SMSToken}
	}
	if demo {
		catcher := store.MailCatcher{DB: db, From: "cassetto-demo@cassetto.invalid", Now: time.Now}
		if w.Mailer == nil {
			w.Mailer = catcher
		}
		if w.SMS == nil {
			w.SMS = catcher
		}
	}
	if w.Mailer == nil {
		logger.Warn("no SMTP server configured (CASSETTO_SMTP_HOST): e-mail notifications wait in the queue")
	}
	return w
}

// startNotifier runs the worker beside the server; the returned function
// stops it and waits for the attempt in progress to end.
func startNotifier(ctx context.Context, cfg config.Config, db *store.DB, logger *slog.Logger, demo bool) func() {
	ctx, cancel := context.WithCancel(ctx)
	w := newNotifyWorker(cfg, db, logger, demo)
	var wg sync.WaitGroup
	wg.Go(func() { w.Run(ctx, cfg.Notify.Interval) })
	return func() {
		cancel()
		wg.Wait()
	}
}
