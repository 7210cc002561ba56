// Package errs is the one error model of the application: every error that
// crosses a package boundary towards the user carries a Code and, when it is
// the user's fault, field problems with message ids the user interface
// translates. The web and API layers map a Code to an HTTP status in one place.
package errs

import (
	"errors"
	"fmt"
)

// Code classifies an error for the user and for HTTP.
type Code string

// The codes. Internal is the default for any error without one.
const (
	Internal        Code = "internal"
	Invalid         Code = "invalid"
	NotFound        Code = "not_found"
	Conflict        Code = "conflict"
	Unauthenticated Code = "unauthenticated"
	Forbidden       Code = "forbidden"
	Unavailable     Code = "unavailable"
)

// Error is an error with a code, a safe message id for the user, and the
// field problems of an invalid input.
type Error struct {
	Code    Code
	Message string       // message id shown to the user (translated), never internal details
	Fields  []FieldError // for Invalid: which field is wrong and why
	Err     error        // the cause, for logs only
}

// FieldError says which input field is wrong (Field) and why (Message, a
// message id of the user interface catalogue).
type FieldError struct {
	Field   string
	Message string
}

func (e *Error) Error() string {
	msg := string(e.Code)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	for _, f := range e.Fields {
		msg += fmt.Sprintf(" [%s: %s]", f.Field, f.Message)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// E builds an error with a code and a message id.
func E(code Code, message string) *Error { return &Error{Code: code, Message: message} }

// Wrap attaches a code and a message id to a cause.
func Wrap(code Code, message string, err error) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// CodeOf returns the code of err, Internal when it has none, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return CodeOf(err) == code }

// MessageOf returns the message id of err: its own, or that of its first
// field problem; "error.internal" when it has none.
func MessageOf(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return "error.internal"
	}
	if e.Message != "" {
		return e.Message
	}
	if len(e.Fields) > 0 {
		return e.Fields[0].Message
	}
	return "error.internal"
}

// Fields returns the field problems of err, if any.
func Fields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Validation collects field problems; Err returns nil when there are none.
type Validation struct{ fields []FieldError }

// Add records that field is wrong, with a message id.
func (v *Validation) Add(field, message string) {
	v.fields = append(v.fields, FieldError{field, message})
}

// Has reports whether field already has a problem.
func (v *Validation) Has(field string) bool {
	for _, f := range v.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns an Invalid error with the collected problems, or nil.
func (v *Validation) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Message: "error.invalid_input", Fields: v.fields}
}
