package documents

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Dossier is the stampa fascicolo: the whole position in one document.
type Dossier struct {
	Head      Head
	Members   []registry.MemberView
	Situation ledger.Situation
	Statement ledger.Statement
	Payments  []ledger.Payment // every payment of the position, oldest first
	Notices   []ledger.NoticeSummary
}

// Dossier assembles the stampa fascicolo of pos on day: one read of the
// records (a fixed number of queries) and the members.
func (a *Assembler) Dossier(ctx context.Context, pos registry.PositionView, day civil.Date) (Dossier, error) {
	h, err := a.head(ctx, pos, day)
	if err != nil {
		return Dossier{}, err
	}
	members, err := a.Registry.Members(ctx, pos.ID)
	if err != nil {
		return Dossier{}, err
	}
	rec, err := a.Ledger.Records(ctx, pos.ID, 0)
	if err != nil {
		return Dossier{}, err
	}
	s := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day})
	return Dossier{Head: h, Members: members, Situation: s, Statement: ledger.NewStatement(rec, a.Params),
		Payments: rec.Payments, Notices: ledger.NoticeSummaries(s)}, nil
}
