package delegation_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

var day = civil.MustParse("2026-11-23")

func TestEffectiveExpiresInvitationsAndEndDatesOnRead(t *testing.T) {
	cases := []struct {
		name string
		d    delegation.Delegation
		want delegation.Status
	}{
		{"pending within the invitation", delegation.Delegation{Status: delegation.Pending, InviteExpires: day}, delegation.Pending},
		{"pending after the invitation", delegation.Delegation{Status: delegation.Pending, InviteExpires: day.AddDays(-1)}, delegation.Expired},
		{"pending past its end date", delegation.Delegation{Status: delegation.Pending, InviteExpires: day.AddDays(5), ValidTo: day.AddDays(-1)}, delegation.Expired},
		{"active without end", delegation.Delegation{Status: delegation.Active}, delegation.Active},
		{"active on its last day", delegation.Delegation{Status: delegation.Active, ValidTo: day}, delegation.Active},
		{"active after its last day", delegation.Delegation{Status: delegation.Active, ValidTo: day.AddDays(-1)}, delegation.Expired},
		{"revoked stays revoked", delegation.Delegation{Status: delegation.Revoked, ValidTo: day.AddDays(-9)}, delegation.Revoked},
	}
	for _, c := range cases {
		if got := delegation.Effective(c.d, day); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestNextFollowsTheStateMachine lists every verb from every state.
func TestNextFollowsTheStateMachine(t *testing.T) {
	pending := delegation.Delegation{Status: delegation.Pending, InviteExpires: day.AddDays(3)}
	expiredInvite := delegation.Delegation{Status: delegation.Pending, InviteExpires: day.AddDays(-1)}
	active := delegation.Delegation{Status: delegation.Active, ValidFrom: day.AddDays(-30)}
	endedActive := delegation.Delegation{Status: delegation.Active, ValidTo: day.AddDays(-1)}
	closed := func(s delegation.Status) delegation.Delegation { return delegation.Delegation{Status: s} }
	cases := []struct {
		name string
		d    delegation.Delegation
		v    delegation.Verb
		want delegation.Status
		msg  string
	}{
		{"accept pending", pending, delegation.Accepted, delegation.Active, ""},
		{"reject pending", pending, delegation.RejectedV, delegation.Rejected, ""},
		{"withdraw pending", pending, delegation.RevokedV, delegation.Revoked, ""},
		{"renounce pending", pending, delegation.RenouncedV, "", delegation.MsgNotActive},
		{"accept expired invitation", expiredInvite, delegation.Accepted, "", delegation.MsgInviteExpired},
		{"reject expired invitation", expiredInvite, delegation.RejectedV, "", delegation.MsgInviteExpired},
		{"expire expired invitation", expiredInvite, delegation.ExpiredV, delegation.Expired, ""},
		{"accept active", active, delegation.Accepted, "", delegation.MsgNotPending},
		{"revoke active", active, delegation.RevokedV, delegation.Revoked, ""},
		{"renounce active", active, delegation.RenouncedV, delegation.Renounced, ""},
		{"expire active within dates", active, delegation.ExpiredV, "", delegation.MsgNotActive},
		{"revoke active past its end", endedActive, delegation.RevokedV, "", delegation.MsgNotActive},
		{"expire active past its end", endedActive, delegation.ExpiredV, delegation.Expired, ""},
		{"revoke revoked", closed(delegation.Revoked), delegation.RevokedV, "", delegation.MsgNotActive},
		{"renounce renounced", closed(delegation.Renounced), delegation.RenouncedV, "", delegation.MsgNotActive},
		{"accept rejected", closed(delegation.Rejected), delegation.Accepted, "", delegation.MsgNotPending},
		{"accept revoked invitation", closed(delegation.Revoked), delegation.Accepted, "", delegation.MsgNotPending},
		{"revoke expired", closed(delegation.Expired), delegation.RevokedV, "", delegation.MsgNotActive},
	}
	for _, c := range cases {
		got, err := delegation.Next(c.d, c.v, day)
		if c.msg == "" {
			if err != nil || got != c.want {
				t.Errorf("%s: %s, %v; want %s", c.name, got, err, c.want)
			}
			continue
		}
		if !errs.Is(err, errs.Conflict) || errs.MessageOf(err) != c.msg {
			t.Errorf("%s: %s, %v; want conflict %s", c.name, got, err, c.msg)
		}
	}
}

func TestOnlyAnActiveDelegationWithinItsDatesGrantsAccess(t *testing.T) {
	for _, s := range []delegation.Status{delegation.Pending, delegation.Rejected, delegation.Expired, delegation.Revoked, delegation.Renounced} {
		if delegation.GrantsAccessOn(delegation.Delegation{Status: s, ValidFrom: day.AddDays(-1)}, day) {
			t.Errorf("%s grants access", s)
		}
	}
	if !delegation.GrantsAccessOn(delegation.Delegation{Status: delegation.Active, ValidFrom: day}, day) {
		t.Error("an active delegation from today gives no access")
	}
	if delegation.GrantsAccessOn(delegation.Delegation{Status: delegation.Active, ValidFrom: day.AddDays(1)}, day) {
		t.Error("a delegation starting tomorrow gives access today")
	}
}

func TestDocumentTypeLooksAtTheContent(t *testing.T) {
	der := append([]byte{0x30, 0x80}, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x80)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"pdf":            {[]byte("%PDF-1.7\n..."), "pdf"},
		"p7m der":        {der, "p7m"},
		"p7m base64":     {[]byte("MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSABIIB"), "p7m"},
		"png":            {[]byte("\x89PNG\r\n\x1a\n"), ""},
		"html named pdf": {[]byte("<html><script>"), ""},
		"other der":      {[]byte{0x30, 0x82, 0x01, 0x00, 0x02, 0x01}, ""},
		"empty":          {nil, ""},
	}
	for name, c := range cases {
		if got := delegation.DocumentType(c.data); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}
