package web

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/association"
)

func TestEveryAssociationMessageIsTranslated(t *testing.T) {
	it, en := catalogue(t, "it"), catalogue(t, "en")
	ids := append([]string{"delegations.origin.association"}, association.Messages...)
	for _, e := range associationFlashes {
		ids = append(ids, "associations.flash."+e)
	}
	for _, id := range ids {
		if it[id] == "" || en[id] == "" {
			t.Errorf("%s is not translated (it %q, en %q)", id, it[id], en[id])
		}
	}
}
