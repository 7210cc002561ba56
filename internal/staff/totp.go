package staff

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"image/png"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// TOTP settings: the defaults every authenticator app understands (RFC 6238
// with SHA-1, 6 digits, 30-second steps).
const (
	totpPeriod     = 30
	totpSkew       = 1  // steps accepted either side of now (clock drift)
	totpSecretSize = 20 // bytes (160 bits, as RFC 4226 recommends)
	qrSize         = 256
)

// Enrolment is a new TOTP secret offered to a member: the secret (base32, to
// type by hand), the otpauth:// URL, and the same URL as a QR code in PNG (to
// show as a data: URL image). Nothing is stored until ConfirmEnrolment.
type Enrolment struct {
	Secret string
	URL    string
	QRPNG  []byte
}

// BeginEnrolment makes a new TOTP secret for member id. The caller keeps the
// secret (e.g. in the session) until the member confirms it with a code. A
// member who already has a second factor gets errs.Conflict: an
// administrator resets it first.
func (a *Accounts) BeginEnrolment(ctx context.Context, id int64) (Enrolment, error) {
	m, err := a.store.ByID(ctx, id)
	if err != nil {
		return Enrolment{}, fmt.Errorf("staff: begin enrolment: %w", err)
	}
	if m.HasTOTP {
		return Enrolment{}, errs.E(errs.Conflict, "staff.totp.already_enrolled")
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: a.cfg.Issuer, AccountName: m.Username,
		Period: totpPeriod, SecretSize: totpSecretSize, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return Enrolment{}, fmt.Errorf("staff: generate TOTP secret: %w", err)
	}
	img, err := key.Image(qrSize, qrSize)
	if err != nil {
		return Enrolment{}, fmt.Errorf("staff: TOTP QR code: %w", err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Enrolment{}, fmt.Errorf("staff: TOTP QR code: %w", err)
	}
	return Enrolment{Secret: key.Secret(), URL: key.URL(), QRPNG: buf.Bytes()}, nil
}

// ConfirmEnrolment checks code against secret (from BeginEnrolment) and, when
// it matches, stores the secret as the member's second factor with the code's
// step as already used. A wrong code is errs.Invalid on field "code".
func (a *Accounts) ConfirmEnrolment(ctx context.Context, id int64, secret, code string) error {
	m, err := a.store.ByID(ctx, id)
	if err != nil {
		return fmt.Errorf("staff: confirm enrolment: %w", err)
	}
	if m.HasTOTP {
		return errs.E(errs.Conflict, "staff.totp.already_enrolled")
	}
	if !validSecret(secret) {
		return errs.E(errs.Invalid, "staff.totp.bad_secret")
	}
	steps := matchingSteps(secret, code, a.now())
	if len(steps) == 0 {
		var v errs.Validation
		v.Add("code", "staff.totp.invalid_code")
		return v.Err()
	}
	if err := a.store.SetTOTP(ctx, id, secret, steps[0]); err != nil {
		return fmt.Errorf("staff: store TOTP of %s: %w", m.Username, err)
	}
	return nil
}

// validSecret reports whether s is an unpadded base32 secret of the size we
// generate.
func validSecret(s string) bool {
	b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	return err == nil && len(b) == totpSecretSize
}

// verifyCode accepts code for member id if it matches a step within the skew
// that is later than the last accepted one, recording that step atomically,
// so that a code is good once only.
func (a *Accounts) verifyCode(ctx context.Context, id int64, secret, code string, now time.Time) (bool, error) {
	for _, step := range matchingSteps(secret, code, now) {
		ok, err := a.store.AcceptTOTPStep(ctx, id, step)
		if err != nil {
			return false, fmt.Errorf("staff: accept TOTP step: %w", err)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// matchingSteps returns the time steps within ±totpSkew of now whose code is
// code, latest first (so that a match records the highest step).
func matchingSteps(secret, code string, now time.Time) []int64 {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if len(code) != otp.DigitsSix.Length() {
		return nil
	}
	cur := now.Unix() / totpPeriod
	var out []int64
	for step := cur + totpSkew; step >= cur-totpSkew; step-- {
		want, err := hotp.GenerateCodeCustom(secret, uint64(step),
			hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			out = append(out, step)
		}
	}
	return out
}
