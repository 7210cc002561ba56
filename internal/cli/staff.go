package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
)

const staffUsage = "staff: say add USERNAME --name NAME --role operator|admin [--office CODE] [--cf CF] [--password-stdin]," +
	" passwd USERNAME [--password-stdin], reset-totp USERNAME, or list [--office CODE] [--json]"

func runStaff(ctx context.Context, env Env) error {
	if len(env.Args) == 0 {
		return Usagef("%s", staffUsage)
	}
	sub, args := env.Args[0], env.Args[1:]
	switch sub {
	case "add":
		return staffAdd(ctx, env, args)
	case "passwd":
		return staffPasswd(ctx, env, args)
	case "reset-totp":
		return staffResetTOTP(ctx, env, args)
	case "list":
		return staffList(ctx, env, args)
	}
	return Usagef("staff: unknown subcommand %q; %s", sub, staffUsage)
}

// staffStdin is where --password-stdin reads from. Env has no standard
// input yet; when it gets one, this is the only place to change.
func staffStdin(Env) io.Reader { return os.Stdin }

// staffCmd is what every staff subcommand shares: the database and the
// account service, opened after the flags are parsed.
type staffCmd struct {
	db       *store.DB
	store    *store.Staff
	accounts *staff.Accounts
}

func openStaff(ctx context.Context, env Env, resolve func(func(string) string) (config.Config, error)) (*staffCmd, error) {
	cfg, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return nil, err
	}
	st := store.NewStaff(db)
	acc := staff.NewAccounts(st, time.Now, staff.Config{MaxFailed: cfg.LoginMaxFailed,
		Lockout: cfg.LoginLockout, Issuer: cfg.InstitutionName})
	return &staffCmd{db: db, store: st, accounts: acc}, nil
}

// parseWithUsername parses args, which hold USERNAME before or after the
// flags, and returns the username.
func parseWithUsername(fs *flag.FlagSet, cmd string, args []string) (string, error) {
	username := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		username, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	extra := fs.Args()
	if username == "" && len(extra) > 0 {
		username, extra = extra[0], extra[1:]
	}
	switch {
	case username == "":
		return "", Usagef("staff %s: USERNAME is needed", cmd)
	case len(extra) > 0:
		return "", Usagef("staff %s: unexpected argument %q (one USERNAME only; quote a --name with spaces)", cmd, extra[0])
	}
	return staff.NormalizeUsername(username), nil
}

// readPassword reads the first line of r as the password.
func readPassword(r io.Reader, cmd string) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("staff %s: read the password from standard input: %w", cmd, err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", Usagef("staff %s: --password-stdin: no password on standard input", cmd)
	}
	return line, nil
}

// newPassword returns the password from standard input, or a generated one
// (and true) when fromStdin is false.
func newPassword(env Env, cmd string, fromStdin bool) (string, bool, error) {
	if fromStdin {
		pw, err := readPassword(staffStdin(env), cmd)
		return pw, false, err
	}
	pw, err := staff.GeneratePassword()
	return pw, true, err
}

// findStaff returns the member called username, with a clear message when
// there is none.
func (c *staffCmd) findStaff(ctx context.Context, cmd, username string) (staff.Member, error) {
	m, err := c.store.ByUsername(ctx, username)
	if errs.Is(err, errs.NotFound) {
		return m, fmt.Errorf("staff %s: no staff member %q (cassetto staff list shows them)", cmd, username)
	}
	return m, err
}
