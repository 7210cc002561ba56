package paymentgen

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// insured is one person insured on a position, as SeedDues needs it.
type insured struct {
	positionID, personID int64
	number, gestione     string
	sede                 string
	subject              int
	birth                civil.Date
}

// duesPerTx is how many dues SeedDues writes per transaction.
const duesPerTx = 20_000

// SeedDues writes the four fixed rates of year for the titolare and every
// collaboratore of every position — a simplified imposition for tests and
// benchmarks: no income, the whole year, no reduction — with their
// codelines (sequence 1). Natural keys are "paymentgen:YEAR:POSITION:SUBJECT:N",
// so running it again adds nothing. It returns how many dues it created.
func SeedDues(ctx context.Context, db *store.DB, params *contrib.Params, year int, now time.Time) (int64, error) {
	people, err := loadInsured(ctx, db)
	if err != nil {
		return 0, err
	}
	var created int64
	dues := make([]ledger.Due, 0, duesPerTx+4)
	flush := func() error {
		err := db.InTx(ctx, func(q store.Querier) error {
			n, err := store.InsertDues(ctx, q, dues, now)
			created += n
			return err
		})
		dues = dues[:0]
		return err
	}
	for _, in := range people {
		if dues, err = appendRates(dues, params, year, in); err != nil {
			return created, err
		}
		if len(dues) >= duesPerTx {
			if err := flush(); err != nil {
				return created, err
			}
		}
	}
	return created, flush()
}

// appendRates appends the four fixed rates of in for year.
func appendRates(dues []ledger.Due, params *contrib.Params, year int, in insured) ([]ledger.Due, error) {
	role := contrib.Titolare
	if in.subject != 10 {
		role = contrib.Collaboratore
	}
	g := contrib.Gestione(in.gestione)
	res, err := params.Calc(contrib.Input{Year: year, Gestione: g, Role: role, Birth: in.birth})
	if err != nil {
		return dues, fmt.Errorf("paymentgen: position %s: %w", in.number, err)
	}
	pos, _ := strconv.Atoi(in.number)
	for _, r := range res.Fixed.Rates {
		code, err := codeline.Make(codeline.Fields{Position: pos, Subject: in.subject, Rata: r.N, Year: year, Seq: 1}, in.sede, r.Amount)
		if err != nil {
			return dues, fmt.Errorf("paymentgen: position %s: %w", in.number, err)
		}
		kind := ledger.FixedRate(r.N)
		dues = append(dues, ledger.Due{NaturalKey: fmt.Sprintf("paymentgen:%d:%s:%d:%d", year, in.number, in.subject, r.N),
			PositionID: in.positionID, PersonID: in.personID, SubjectCode: in.subject, Year: year, Kind: kind,
			Causale: ledger.Causale(g, kind), PeriodFrom: r.PeriodFrom, PeriodTo: r.PeriodTo, DueDate: r.Due,
			Amount: r.Amount, Maternity: maternity(params, year, r), Codeline: code})
	}
	return dues, nil
}

// loadInsured reads every titolare and collaboratore, by position.
func loadInsured(ctx context.Context, db *store.DB) ([]insured, error) {
	rows, err := db.R().Query(ctx, `SELECT pos.id, pos.number, pos.gestione, pos.office_code, p.id, 10, p.birth_date
		FROM positions pos JOIN persons p ON p.id = pos.titolare_id
		UNION ALL
		SELECT pos.id, pos.number, pos.gestione, pos.office_code, p.id, m.subject_code, p.birth_date
		FROM members m JOIN positions pos ON pos.id = m.position_id JOIN persons p ON p.id = m.person_id
		ORDER BY 1, 6`)
	if err != nil {
		return nil, fmt.Errorf("paymentgen: insured persons: %w", err)
	}
	defer rows.Close()
	var out []insured
	for rows.Next() {
		var in insured
		if err := rows.Scan(&in.positionID, &in.number, &in.gestione, &in.sede, &in.personID, &in.subject, &in.birth); err != nil {
			return nil, fmt.Errorf("paymentgen: insured persons: %w", err)
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// maternity returns the maternity part of rate r: 0.62 € per month it covers.
func maternity(params *contrib.Params, year int, r contrib.Rata) money.Cents {
	y, _ := params.Year(year)
	months := (r.PeriodTo.Year*12 + int(r.PeriodTo.Month)) - (r.PeriodFrom.Year*12 + int(r.PeriodFrom.Month)) + 1
	return y.MaternitaMonth * money.Cents(months)
}
