package ledger

import (
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
)

// sanction returns the sanction due that allocation a of payment p to due
// charges: only a fixed rate paid after its due date is sanctioned, on the
// amount allocated, from the due date to the payment date (RULES.md P6,
// omissione). notices are the dates of the notices that named the due.
//
//   - No notice on or before the payment date: the payment is spontaneous
//     (a notice issued later does not change that).
//   - Otherwise it is not, and the notices already charged the sanction up
//     to the last of them: the payment charges only what accrued since,
//     sanction(due → payment) − sanction(due → last notice).
//
// ok is false when there is nothing to charge (on time, not a fixed rate,
// or 0.00). A due the rules cannot sanction — due before the first ECB rate
// of the table, so long prescribed — is a *contrib.InputError: the caller
// counts it and goes on.
func (r Reconciler) sanction(p Payment, due OpenDue, a Allocation, notices []civil.Date) (Due, bool, error) {
	if !due.Kind.IsFixed() || !p.PaidOn.After(due.DueDate) {
		return Due{}, false, nil
	}
	last := lastOnOrBefore(notices, p.PaidOn)
	in := contrib.SanctionInput{Amount: a.Amount, Due: due.DueDate, Paid: p.PaidOn, Spontaneous: last.IsZero(),
		Violation: contrib.Omissione}
	s, err := r.Params.Sanction(in)
	if err != nil {
		return Due{}, false, err
	}
	amount := s.Amount
	if !last.IsZero() {
		in.Paid = last
		charged, err := r.Params.Sanction(in)
		if err != nil {
			return Due{}, false, err
		}
		amount -= charged.Amount
	}
	if amount <= 0 {
		return Due{}, false, nil
	}
	return Due{
		NaturalKey: SanctionKey(due.ID, p.ID), PositionID: due.PositionID, PersonID: due.PersonID,
		SubjectCode: due.SubjectCode, Year: due.Year, Kind: Sanction, Causale: due.Causale,
		PeriodFrom: due.PeriodFrom, PeriodTo: due.PeriodTo, DueDate: p.PaidOn, Amount: amount, ParentID: due.ID,
		Reason: sanctionReason(due, p, a, s, last), Settlement: due.Settlement,
	}, true, nil
}

// lastOnOrBefore returns the latest of dates not after d, zero when none.
func lastOnOrBefore(dates []civil.Date, d civil.Date) civil.Date {
	var last civil.Date
	for _, n := range dates {
		if !n.After(d) && (last.IsZero() || n.After(last)) {
			last = n
		}
	}
	return last
}

// SanctionKey is the natural key of the sanction that payment paymentID
// charges on due dueID.
func SanctionKey(dueID, paymentID int64) string {
	return fmt.Sprintf("sanction:%d:%d", dueID, paymentID)
}

// sanctionReason says, in Italian as the portal shows it, why the sanction
// was charged; notice is the last notice before the payment, zero if none.
func sanctionReason(due OpenDue, p Payment, a Allocation, s contrib.Sanction, notice civil.Date) string {
	how := "versamento spontaneo"
	if !notice.IsZero() {
		how = "dopo l'avviso del " + notice.Italian() + ", oltre le sanzioni già richieste con l'avviso"
	}
	capped := ""
	if s.Capped {
		capped = ", nel limite del 40%"
	}
	return fmt.Sprintf("Sanzioni civili (art. 116 c. 8 L. 388/2000): %s %d versata con %d giorni di ritardo "+
		"(scadenza %s, versamento del %s, %s) su %s%s",
		sanctionRataLabel(due.Kind), due.Year, s.Days, due.DueDate.Italian(), p.PaidOn.Italian(), how,
		a.Amount.Italian(), capped)
}

// sanctionRataLabel names a fixed rate in Italian: "rata 1".
func sanctionRataLabel(k Kind) string { return fmt.Sprintf("rata %d", k.RataCode()) }
