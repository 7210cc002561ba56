package web

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/delegation"
)

func TestEveryDelegationMessageIsTranslated(t *testing.T) {
	it, en := catalogue(t, "it"), catalogue(t, "en")
	ids := append([]string{}, delegation.Messages...)
	for _, s := range []string{"pending", "active", "rejected", "expired", "revoked", "renounced"} {
		ids = append(ids, "delegations.status."+s)
	}
	for _, s := range delegation.Scopes {
		ids = append(ids, "delegations.scope."+s)
	}
	for _, k := range delegation.Kinds {
		ids = append(ids, "delegations.kind."+k)
	}
	ids = append(ids, "delegations.origin.portal", "delegations.origin.paper", "delegations.error.choose", "acting_as.system")
	for _, e := range []string{"conferita", "revocata", "accettata", "rifiutata", "rinunciata", "registrata"} {
		ids = append(ids, "delegations.flash."+e)
	}
	for _, id := range ids {
		if it[id] == "" || en[id] == "" {
			t.Errorf("%s is not translated (it %q, en %q)", id, it[id], en[id])
		}
	}
}
