package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

func staffAdd(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("staff add", env)
	resolve := config.RegisterFlags(fs)
	name := fs.String("name", "", "full name, e.g. \"Mario Rossi\" (required)")
	role := fs.String("role", "", "operator or admin (required)")
	office := fs.String("office", "", "4-digit code of the office (sede); required for an operator")
	cf := fs.String("cf", "", "codice fiscale (optional)")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
	username, err := parseWithUsername(fs, "add", args)
	if err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(*name) == "":
		return Usagef("staff add: --name is needed, e.g. --name \"Mario Rossi\"")
	case !staff.Role(*role).Valid():
		return Usagef("staff add: --role wants operator or admin")
	case staff.Role(*role) == staff.RoleOperator && strings.TrimSpace(*office) == "":
		return Usagef("staff add: --office CODE is needed for an operator")
	}
	pw, generated, err := newPassword(env, "add", *fromStdin)
	if err != nil {
		return err
	}
	c, err := openStaff(ctx, env, resolve)
	if err != nil {
		return err
	}
	defer c.db.Close()
	m, err := c.accounts.Create(ctx, staff.Member{Username: username, DisplayName: *name, Role: staff.Role(*role),
		OfficeCode: *office, CodiceFiscale: *cf}, pw)
	if err != nil {
		return staffError("add", err, map[string]string{"office_code": *office, "codice_fiscale": *cf, "role": *role})
	}
	fmt.Fprintf(env.Stdout, "staff member %s created (%s", m.Username, m.Role)
	if m.OfficeCode != "" {
		fmt.Fprintf(env.Stdout, ", sede %s", m.OfficeCode)
	}
	fmt.Fprintln(env.Stdout, ")")
	printNewPassword(env.Stdout, pw, generated)
	fmt.Fprintln(env.Stdout, "At the first login they enrol an authenticator app (TOTP).")
	return nil
}

func staffPasswd(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("staff passwd", env)
	resolve := config.RegisterFlags(fs)
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
	username, err := parseWithUsername(fs, "passwd", args)
	if err != nil {
		return err
	}
	pw, generated, err := newPassword(env, "passwd", *fromStdin)
	if err != nil {
		return err
	}
	c, err := openStaff(ctx, env, resolve)
	if err != nil {
		return err
	}
	defer c.db.Close()
	m, err := c.findStaff(ctx, "passwd", username)
	if err != nil {
		return err
	}
	if err := c.accounts.SetPassword(ctx, m.ID, pw); err != nil {
		return staffError("passwd", err, nil)
	}
	fmt.Fprintf(env.Stdout, "password of %s changed; failed logins cleared and any lock lifted\n", m.Username)
	printNewPassword(env.Stdout, pw, generated)
	return nil
}

func staffResetTOTP(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("staff reset-totp", env)
	resolve := config.RegisterFlags(fs)
	username, err := parseWithUsername(fs, "reset-totp", args)
	if err != nil {
		return err
	}
	c, err := openStaff(ctx, env, resolve)
	if err != nil {
		return err
	}
	defer c.db.Close()
	m, err := c.findStaff(ctx, "reset-totp", username)
	if err != nil {
		return err
	}
	if err := c.accounts.ResetTOTP(ctx, m.ID); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "TOTP of %s removed; at the next login with the password they enrol a new authenticator\n", m.Username)
	return nil
}

// printNewPassword shows a generated password, once.
func printNewPassword(w io.Writer, pw string, generated bool) {
	if !generated {
		return
	}
	fmt.Fprintln(w, "Generated password (shown only now; hand it over safely):")
	fmt.Fprintf(w, "  password: %s\n", pw)
}
