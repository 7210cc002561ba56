package delegation

import (
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Effective returns the status of d on day: a pending invitation after its
// last day, or an open delegation after its end date, is Expired even
// before the expiry is recorded.
func Effective(d Delegation, day civil.Date) Status {
	if !d.Status.Open() {
		return d.Status
	}
	if !d.ValidTo.IsZero() && day.After(d.ValidTo) {
		return Expired
	}
	if d.Status == Pending && !d.InviteExpires.IsZero() && day.After(d.InviteExpires) {
		return Expired
	}
	return d.Status
}

// Next returns the status d moves to when v is applied on day, or an
// errs.Conflict saying why v is not possible now. It does not check who
// acts: the Service does.
func Next(d Delegation, v Verb, day civil.Date) (Status, error) {
	eff := Effective(d, day)
	switch v {
	case Accepted, RejectedV:
		if eff == Pending {
			if v == Accepted {
				return Active, nil
			}
			return Rejected, nil
		}
		if eff == Expired && d.Status == Pending {
			return "", errs.E(errs.Conflict, MsgInviteExpired)
		}
		return "", errs.E(errs.Conflict, MsgNotPending)
	case RevokedV:
		if eff == Pending || eff == Active {
			return Revoked, nil // the titolare may also withdraw an invitation
		}
		return "", errs.E(errs.Conflict, MsgNotActive)
	case RenouncedV:
		if eff == Active {
			return Renounced, nil
		}
		return "", errs.E(errs.Conflict, MsgNotActive)
	case ExpiredV:
		if eff == Expired && d.Status.Open() {
			return Expired, nil
		}
		return "", errs.E(errs.Conflict, MsgNotActive)
	}
	return "", errs.E(errs.Internal, "error.internal")
}

// GrantsAccessOn reports whether d gives its intermediary access on day:
// the same rule as access.Delegation.ActiveOn.
func GrantsAccessOn(d Delegation, day civil.Date) bool {
	return Effective(d, day) == Active && !day.Before(d.ValidFrom)
}
