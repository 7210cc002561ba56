package ledger

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// ReconcileStats counts what a reconciliation did.
type ReconcileStats struct {
	Payments         int64       // payments reconciled
	ByCodeline       money.Cents // allocated to the due their codice INPS names
	ByCodelineCount  int64       // allocations by codeline
	ByMatch          money.Cents // allocated by codice fiscale, causale and period
	ByMatchCount     int64       // allocations by match
	Credit           money.Cents // importo a debito no due took: the positions' credit
	CreditCount      int64       // payments that left a credit
	Sanctions        int64       // sanction dues created
	SanctionAmount   money.Cents // their total
	SanctionsSkipped int64       // late payments of dues the rules cannot sanction (before the ECB table)
	CreditLines      int64       // lines with an importo a credito (offsets), not allocated
	CreditLineAmount money.Cents // their importo a credito
}

// Add adds o to s.
func (s *ReconcileStats) Add(o ReconcileStats) {
	s.Payments += o.Payments
	s.ByCodeline += o.ByCodeline
	s.ByCodelineCount += o.ByCodelineCount
	s.ByMatch += o.ByMatch
	s.ByMatchCount += o.ByMatchCount
	s.Credit += o.Credit
	s.CreditCount += o.CreditCount
	s.Sanctions += o.Sanctions
	s.SanctionAmount += o.SanctionAmount
	s.SanctionsSkipped += o.SanctionsSkipped
	s.CreditLines += o.CreditLines
	s.CreditLineAmount += o.CreditLineAmount
}

func (s *ReconcileStats) addAllocation(a Allocation) {
	if a.Method == ByCodeline {
		s.ByCodeline += a.Amount
		s.ByCodelineCount++
		return
	}
	s.ByMatch += a.Amount
	s.ByMatchCount++
}

func (s *ReconcileStats) addSanction(d Due) {
	s.Sanctions++
	s.SanctionAmount += d.Amount
}

// addPayment counts p, of which left was not allocated.
func (s *ReconcileStats) addPayment(p Payment, left money.Cents) {
	s.Payments++
	if left > 0 {
		s.Credit += left
		s.CreditCount++
	}
	if p.Credit > 0 {
		s.CreditLines++
		s.CreditLineAmount += p.Credit
	}
}

// String formats s as the second summary line of an import.
func (s ReconcileStats) String() string {
	skipped := ""
	if s.SanctionsSkipped > 0 {
		skipped = fmt.Sprintf(", %d late payments of dues before the ECB rate table not sanctioned", s.SanctionsSkipped)
	}
	return fmt.Sprintf("reconciled %d payments: %s € by codeline (%d), %s € by match (%d), %s € left as credit (%d payments); "+
		"%d sanctions created (%s €)%s; %d offset lines (%s € a credito)",
		s.Payments, s.ByCodeline, s.ByCodelineCount, s.ByMatch, s.ByMatchCount, s.Credit, s.CreditCount,
		s.Sanctions, s.SanctionAmount, skipped, s.CreditLines, s.CreditLineAmount)
}
