package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/staff"
)

// staffError turns an error of the account service into a message naming
// the argument or flag at fault, with the value given (from given, by field):
// invalid input is a usage error (exit 2).
func staffError(cmd string, err error, given map[string]string) error {
	var e *errs.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("staff %s: %w", cmd, err)
	}
	if e.Code == errs.Conflict {
		return fmt.Errorf("staff %s: %s", cmd, staffMessage(e.Message))
	}
	if e.Code != errs.Invalid || len(e.Fields) == 0 {
		return fmt.Errorf("staff %s: %w", cmd, err)
	}
	flags := map[string]string{"username": "USERNAME", "display_name": "--name", "role": "--role",
		"office_code": "--office", "codice_fiscale": "--cf", "password": "password"}
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		label := flags[f.Field]
		if v := given[f.Field]; v != "" && f.Field != "username" {
			label += " " + v
		}
		parts = append(parts, label+": "+staffMessage(f.Message))
	}
	return Usagef("staff %s: %s", cmd, strings.Join(parts, "; "))
}

// staffMessage gives the English text of a staff message id (the id itself
// when it has none).
func staffMessage(id string) string {
	text := map[string]string{
		"staff.username.invalid":           "wants 3–64 characters: a lower-case letter, then letters, digits, '.', '_' or '-'",
		"staff.username.taken":             "this username is already taken",
		"staff.cf.taken":                   "another staff member has this codice fiscale",
		"staff.name.required":              "is needed",
		"staff.name.too_long":              "is longer than 200 characters",
		"staff.role.invalid":               "wants operator or admin",
		"staff.office.required":            "is needed for an operator",
		"staff.office.invalid":             "wants the 4-character code of an office",
		"staff.office.unknown":             "no office with this code in the database",
		"staff.cf.invalid":                 "wants a 16-character codice fiscale",
		"staff.password.invalid":           "is not valid UTF-8 text",
		"staff.password.too_short":         fmt.Sprintf("needs at least %d characters", staff.MinPasswordLen),
		"staff.password.too_long":          fmt.Sprintf("may have at most %d characters", staff.MaxPasswordLen),
		"staff.password.one_class":         "mix at least two of: lower case, upper case, digits, other characters",
		"staff.password.contains_username": "must not contain the username",
	}
	if t, ok := text[id]; ok {
		return t
	}
	return id
}
