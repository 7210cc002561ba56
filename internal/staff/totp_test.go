package staff_test

import (
	"bytes"
	"context"
	"image/png"
	"net/url"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

func TestBeginEnrolmentOffersSecretURLAndQR(t *testing.T) {
	f := newFixture(t)
	e, err := f.accounts.BeginEnrolment(context.Background(), f.member.ID)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(e.URL)
	if err != nil || u.Scheme != "otpauth" || u.Host != "totp" || u.Query().Get("secret") != e.Secret ||
		u.Query().Get("issuer") != "Istituto Test" || u.Path != "/Istituto Test:mrossi" {
		t.Fatalf("URL %q", e.URL)
	}
	img, err := png.Decode(bytes.NewReader(e.QRPNG))
	if err != nil || img.Bounds().Dx() != 256 {
		t.Fatalf("QR code is not a 256-pixel PNG: %v", err)
	}
	if m, _ := f.store.ByID(context.Background(), f.member.ID); m.HasTOTP {
		t.Fatal("BeginEnrolment stored the secret before confirmation")
	}
}

func TestConfirmEnrolmentRefusesAWrongCode(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	e, _ := f.accounts.BeginEnrolment(ctx, f.member.ID)
	wrong := code(t, e.Secret, f.clock.now().Add(-2*time.Minute))
	err := f.accounts.ConfirmEnrolment(ctx, f.member.ID, e.Secret, wrong)
	if fl := errs.Fields(err); len(fl) != 1 || fl[0].Field != "code" {
		t.Fatalf("wrong code: got %v, want invalid code", err)
	}
	if err := f.accounts.ConfirmEnrolment(ctx, f.member.ID, "NOTBASE32!", "123456"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad secret: got %v, want invalid", err)
	}
}

func TestTOTPLoginRefusesReplay(t *testing.T) {
	f := newFixture(t)
	secret := f.enrol(t)
	_, err := f.login("mrossi", password, code(t, secret, f.clock.now()))
	wantInvalid(t, err, "the enrolment code used again to log in")

	f.clock.add(30 * time.Second)
	c := code(t, secret, f.clock.now())
	res, err := f.login("mrossi", password, c)
	if err != nil || res.MustEnrolTOTP {
		t.Fatalf("valid code: %+v %v", res, err)
	}
	_, err = f.login("mrossi", password, c)
	wantInvalid(t, err, "the same code again")

	f.clock.add(30 * time.Second)
	if _, err := f.login("mrossi", password, code(t, secret, f.clock.now())); err != nil {
		t.Fatalf("the next step's code: %v", err)
	}
}

func TestTOTPSkewOfOneStepOnly(t *testing.T) {
	f := newFixture(t)
	secret := f.enrol(t)
	f.clock.add(10 * time.Minute)
	now := f.clock.now()
	_, err := f.login("mrossi", password, code(t, secret, now.Add(-60*time.Second)))
	wantInvalid(t, err, "two steps behind")
	_, err = f.login("mrossi", password, code(t, secret, now.Add(60*time.Second)))
	wantInvalid(t, err, "two steps ahead")
	if _, err := f.login("mrossi", password, code(t, secret, now.Add(-30*time.Second))); err != nil {
		t.Fatalf("one step behind: %v", err)
	}
	if _, err := f.login("mrossi", password, code(t, secret, now.Add(30*time.Second))); err != nil {
		t.Fatalf("one step ahead: %v", err)
	}
}

func TestTOTPEnrolledNeedsTheCode(t *testing.T) {
	f := newFixture(t)
	secret := f.enrol(t)
	f.clock.add(time.Minute)
	_, err := f.login("mrossi", password, "")
	wantInvalid(t, err, "password without code")
	_, err = f.login("mrossi", "Wrong-Horse-99", code(t, secret, f.clock.now()))
	wantInvalid(t, err, "right code, wrong password")
	until := f.clock.now().Add(15 * time.Minute)
	_, err = f.login("mrossi", password, "000000")
	wantLocked(t, err, until, "third failure, a wrong code")
}

func TestTOTPResetAllowsANewEnrolment(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.enrol(t)
	if _, err := f.accounts.BeginEnrolment(ctx, f.member.ID); !errs.Is(err, errs.Conflict) {
		t.Fatalf("enrolment over an enrolled factor: got %v, want conflict", err)
	}
	if err := f.accounts.ResetTOTP(ctx, f.member.ID); err != nil {
		t.Fatal(err)
	}
	res, err := f.login("mrossi", password, "")
	if err != nil || !res.MustEnrolTOTP {
		t.Fatalf("after reset: %+v %v, want MustEnrolTOTP", res, err)
	}
	secret := f.enrol(t)
	f.clock.add(30 * time.Second)
	if _, err := f.login("mrossi", password, code(t, secret, f.clock.now())); err != nil {
		t.Fatalf("login with the new factor: %v", err)
	}
}
