package web

import (
	"net/http"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// delegations returns the lifecycle service on the server's database.
func (s *Server) delegations() *delegation.Service {
	svc := &delegation.Service{Store: store.NewDelegations(s.DB), Now: s.Now, InviteDays: s.DelegationInviteDays}
	if s.Blobs != nil {
		svc.Blobs = s.Blobs
	}
	return svc
}

// who is the actor of the request, for the lifecycle's history and audit.
func who(r *http.Request) delegation.Who {
	return delegation.Who{Actor: stateOf(r).actor, IP: clientIP(r)}
}

// delegationFlashes are the outcomes the delegation pages announce after a
// redirect with ?esito=.
var delegationFlashes = []string{"conferita", "revocata", "accettata", "rifiutata", "rinunciata", "registrata"}

// delegationFlash returns the message id of the page's ?esito=, or "".
func delegationFlash(r *http.Request) string {
	if e := r.URL.Query().Get("esito"); contains(delegationFlashes, e) {
		return "delegations.flash." + e
	}
	return ""
}

// formID reads the delegation id of a button's form; a missing or bad id
// is a form problem.
func formID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil || id <= 0 {
		var v errs.Validation
		v.Add("id", "delegations.error.choose")
		return 0, v.Err()
	}
	return id, nil
}

// delegationRow is a delegation as the pages list it.
type delegationRow struct {
	delegation.Delegation
	Effective delegation.Status
}

// CanEnd reports whether the titolare may revoke it (or withdraw the invitation).
func (d delegationRow) CanEnd() bool { return d.Effective.Open() }

// IsPending reports whether the intermediary may accept or reject it.
func (d delegationRow) IsPending() bool { return d.Effective == delegation.Pending }

// IsActive reports whether it is active.
func (d delegationRow) IsActive() bool { return d.Effective == delegation.Active }

func rows(list []delegation.Delegation, day civil.Date) []delegationRow {
	out := make([]delegationRow, len(list))
	for i, d := range list {
		out[i] = delegationRow{d, delegation.Effective(d, day)}
	}
	return out
}

// problemOf returns the message id to show for a refused button: the
// first field problem, or the error's own message.
func problemOf(err error) string {
	if f := errs.Fields(err); len(f) > 0 {
		return f[0].Message
	}
	return errs.MessageOf(err)
}

// conflictMessage returns the message id of a lifecycle refusal to show
// on the page (409), or "" when err is not one.
func conflictMessage(err error) string {
	if errs.Is(err, errs.Conflict) {
		return errs.MessageOf(err)
	}
	return ""
}
