package workspace

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/deadlines"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Client is a position delegated to the intermediary today, with the
// terms of the delegation.
type Client struct {
	PositionID    int64
	Number        string
	Gestione      string // registry gestione code (AR, CO)
	GivenName     string // the titolare's
	FamilyName    string
	CodiceFiscale string // the titolare's
	Scope         string // access.ScopeConsultation or access.ScopeFull
	ValidTo       civil.Date
}

// TitolareName returns the titolare's given and family name.
func (c Client) TitolareName() string { return c.GivenName + " " + c.FamilyName }

// Row is a client with the figures the workspace shows for it.
type Row struct {
	Client
	Debt        money.Cents // as the situazione counts it (prescribed residuals excluded)
	Overdue     money.Cents // the part of Debt past its due date
	NextDate    civil.Date  // the first upcoming deadline; zero when nothing is to come
	NextAmount  money.Cents // what is owed on NextDate (every deadline of that day)
	OpenNotices int         // notices still open (one followed by an avviso di addebito is not counted)
	NoticesOwed money.Cents // what the open notices ask now
	Unread      int         // unread communications: none until communications exist
}

// Workspace is what the intermediary's home shows: his clients and the
// delegations waiting for his answer.
type Workspace struct {
	Rows    []Row // ordered by position number
	Pending int   // invitations (delegations with status pending) to accept or reject
}

// Clients is the storage of the intermediary's delegations (store.Workspace).
type Clients interface {
	// Clients lists the positions delegated to personID with a delegation
	// active on day, one per position, by position number.
	Clients(ctx context.Context, personID int64, day civil.Date) ([]Client, error)
	// PendingInvitations counts the delegations offered to personID and
	// not answered yet, whose invitation is still open on day.
	PendingInvitations(ctx context.Context, personID int64, day civil.Date) (int, error)
}

// Records loads the ledger records of many positions at once
// (store.LedgerReader.DeadlineRecords).
type Records interface {
	DeadlineRecords(ctx context.Context, positionIDs []int64) ([]ledger.Records, error)
}

// Load reads the workspace of intermediary personID on day: a bounded
// number of queries whatever the number of clients (one for the clients,
// one for the invitations, five per 500 clients for their records).
func Load(ctx context.Context, cs Clients, rs Records, personID int64, day civil.Date) (Workspace, error) {
	var ws Workspace
	clients, err := cs.Clients(ctx, personID, day)
	if err != nil {
		return ws, err
	}
	if ws.Pending, err = cs.PendingInvitations(ctx, personID, day); err != nil {
		return ws, err
	}
	ids := make([]int64, len(clients))
	for i, c := range clients {
		ids[i] = c.PositionID
	}
	recs, err := rs.DeadlineRecords(ctx, ids)
	if err != nil {
		return ws, err
	}
	byID := make(map[int64]ledger.Records, len(recs))
	for _, r := range recs {
		byID[r.Position.ID] = r
	}
	ws.Rows = make([]Row, 0, len(clients))
	for _, c := range clients {
		ws.Rows = append(ws.Rows, NewRow(c, byID[c.PositionID], day))
	}
	return ws, nil
}

// NewRow computes the figures of client c from the records of its
// position on day, with the read models of the position's pages.
func NewRow(c Client, rec ledger.Records, day civil.Date) Row {
	sit := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day})
	row := Row{Client: c, Debt: sit.Debt, Overdue: sit.Overdue}
	next := deadlines.Upcoming(sit, rec.Persons, day)
	for _, d := range next {
		if d.Date != next[0].Date {
			break
		}
		row.NextDate = d.Date
		row.NextAmount += d.Amount
	}
	for _, n := range ledger.NoticeSummaries(sit) {
		if n.Status() == ledger.NoticeOpen {
			row.OpenNotices++
			row.NoticesOwed += n.Owed
		}
	}
	return row
}

// OwesOnRate reports whether the position of rec still owes something on
// the fixed rate kind of year on day: an item of that rate with a
// residual that is not prescribed.
func OwesOnRate(rec ledger.Records, year int, kind ledger.Kind, day civil.Date) bool {
	sit := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: day, Year: year})
	for _, y := range sit.Years {
		for _, it := range y.Items {
			if it.Due.Kind == kind && it.Residual > 0 && !it.Prescribed {
				return true
			}
		}
	}
	return false
}
