package store

import (
	"database/sql"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// PaymentSelect is the column list that ScanPayment reads, for queries on
// payments p.
const PaymentSelect = `p.id, p.line_key, p.paid_on, p.codice_fiscale, COALESCE(p.person_id, 0), COALESCE(p.position_id, 0),
	p.codice_sede, p.causale, p.codice_inps, p.period_from, p.period_to, p.debit, p.credit, p.source, p.source_line,
	p.reconciled_at, p.created_at`

// ScanPayment reads a row selected with PaymentSelect.
func ScanPayment(sc interface{ Scan(...any) error }) (ledger.Payment, error) {
	var p ledger.Payment
	var from, to string
	var debit, credit int64
	var reconciled sql.NullTime
	err := sc.Scan(&p.ID, &p.LineKey, &p.PaidOn, &p.CodiceFiscale, &p.PersonID, &p.PositionID, &p.CodiceSede, &p.Causale,
		&p.CodiceINPS, &from, &to, &debit, &credit, &p.Source, &p.SourceLine, &reconciled, &p.CreatedAt)
	if err != nil {
		return p, fmt.Errorf("store: scan payment: %w", err)
	}
	p.Debit, p.Credit, p.ReconciledAt = moneyOf(debit), moneyOf(credit), reconciled.Time
	if p.PeriodFrom, err = contrib.ParseYearMonth(from); err != nil {
		return p, fmt.Errorf("store: payment %d period: %w", p.ID, err)
	}
	if p.PeriodTo, err = contrib.ParseYearMonth(to); err != nil {
		return p, fmt.Errorf("store: payment %d period: %w", p.ID, err)
	}
	return p, nil
}
