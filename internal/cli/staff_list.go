package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

func staffList(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet("staff list", env)
	resolve := config.RegisterFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	office := fs.String("office", "", "only the staff of this office (sede)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("staff list: unexpected argument %q", fs.Arg(0))
	}
	c, err := openStaff(ctx, env, resolve)
	if err != nil {
		return err
	}
	defer c.db.Close()
	list, err := c.store.List(ctx, strings.ToUpper(strings.TrimSpace(*office)))
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]staffJSON, 0, len(list))
		for _, m := range list {
			out = append(out, toStaffJSON(m))
		}
		return writeJSON(env.Stdout, out)
	}
	return printStaff(env.Stdout, list, time.Now())
}

// staffJSON is the machine form of a staff member for administrators' scripts.
type staffJSON struct {
	Username      string `json:"username"`
	DisplayName   string `json:"display_name"`
	Role          string `json:"role"`
	Office        string `json:"office,omitempty"`
	CodiceFiscale string `json:"codice_fiscale,omitempty"`
	Active        bool   `json:"active"`
	HasPassword   bool   `json:"has_password"`
	TOTP          bool   `json:"totp"`
	LockedUntil   string `json:"locked_until,omitempty"`
	CreatedAt     string `json:"created_at"`
}

func toStaffJSON(m staff.Member) staffJSON {
	j := staffJSON{Username: m.Username, DisplayName: m.DisplayName, Role: string(m.Role), Office: m.OfficeCode,
		CodiceFiscale: m.CodiceFiscale, Active: m.Active, HasPassword: m.HasPassword, TOTP: m.HasTOTP,
		CreatedAt: m.CreatedAt.UTC().Format(time.RFC3339)}
	if !m.LockedUntil.IsZero() {
		j.LockedUntil = m.LockedUntil.UTC().Format(time.RFC3339)
	}
	return j
}

func printStaff(w io.Writer, list []staff.Member, now time.Time) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tROLE\tSEDE\tNAME\tSTATUS\tTOTP")
	for _, m := range list {
		status := "active"
		switch {
		case !m.Active:
			status = "disabled"
		case m.Locked(now):
			status = "locked until " + m.LockedUntil.Local().Format("2006-01-02 15:04")
		}
		totp := "no"
		if m.HasTOTP {
			totp = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", m.Username, m.Role, m.OfficeCode, m.DisplayName, status, totp)
	}
	return tw.Flush()
}
