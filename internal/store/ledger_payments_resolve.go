package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// payResolve sets the PersonID (by codice fiscale) and PositionID (see
// ledger.ResolvePosition) of every payment of chunk, looking up in at most
// three queries what reg does not know yet.
func payResolve(ctx context.Context, q Querier, reg *payRegistry, chunk []ledger.Payment) error {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	cfs := payMissing(chunk, func(p ledger.Payment) string { return p.CodiceFiscale }, reg.persons)
	if err := payPersons(ctx, q, cfs, payBounded(reg.persons)); err != nil {
		return err
	}
	numbers := make([]string, len(chunk))
	for i := range chunk {
		chunk[i].PersonID = reg.persons[chunk[i].CodiceFiscale]
		numbers[i] = chunk[i].CodelinePosition()
	}
	missing := payMissing(numbers, func(n string) string { return n }, reg.byNumber)
	if err := payPositionsByNumber(ctx, q, missing, payBounded(reg.byNumber)); err != nil {
		return err
	}
	var unresolved []ledger.Payment
	for i, p := range chunk {
		if _, ok := reg.byNumber[numbers[i]]; !ok && p.PersonID != 0 {
			unresolved = append(unresolved, p)
		}
	}
	persons := payMissing(unresolved, func(p ledger.Payment) int64 { return p.PersonID }, reg.ofPerson)
	if err := payPositionsOfPersons(ctx, q, persons, payBounded(reg.ofPerson)); err != nil {
		return err
	}
	find := func(n string) (ledger.PayerPosition, bool) { ref, ok := reg.byNumber[n]; return ref, ok }
	for i := range chunk {
		chunk[i].PositionID = ledger.ResolvePosition(chunk[i], find, reg.ofPerson[chunk[i].PersonID])
	}
	return nil
}

// payPersons adds to out the person id of each codice fiscale found.
func payPersons(ctx context.Context, q Querier, cfs []string, out map[string]int64) error {
	if len(cfs) == 0 {
		return nil
	}
	cond, arg, err := payIn(q.Dialect(), "codice_fiscale", cfs)
	if err != nil {
		return err
	}
	rows, err := q.Query(ctx, `SELECT id, codice_fiscale FROM persons WHERE `+cond, arg)
	if err != nil {
		return fmt.Errorf("store: persons of payments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var cf string
		if err := rows.Scan(&id, &cf); err != nil {
			return fmt.Errorf("store: persons of payments: %w", err)
		}
		out[cf] = id
	}
	return rows.Err()
}

// payPositionsByNumber adds to out the positions with the numbers given.
func payPositionsByNumber(ctx context.Context, q Querier, numbers []string, out map[string]ledger.PayerPosition) error {
	if len(numbers) == 0 {
		return nil
	}
	cond, arg, err := payIn(q.Dialect(), "number", numbers)
	if err != nil {
		return err
	}
	refs, err := payScanPositions(ctx, q, `SELECT id, number, gestione, titolare_id, 1 FROM positions WHERE `+cond, arg)
	for _, r := range refs {
		out[r.Number] = r
	}
	return err
}

// payPositionsOfPersons adds to out the positions each person is insured
// on, as titolare or collaboratore (an empty list for a person insured
// nowhere).
func payPositionsOfPersons(ctx context.Context, q Querier, persons []int64, out map[int64][]ledger.PayerPosition) error {
	if len(persons) == 0 {
		return nil
	}
	tit, arg, err := payIn(q.Dialect(), "pos.titolare_id", persons)
	if err != nil {
		return err
	}
	mem, _, _ := payIn(q.Dialect(), "m.person_id", persons)
	refs, err := payScanPositions(ctx, q, `SELECT pos.id, pos.number, pos.gestione, pos.titolare_id, 1 FROM positions pos WHERE `+tit+`
		UNION ALL
		SELECT pos.id, pos.number, pos.gestione, m.person_id, 0 FROM members m JOIN positions pos ON pos.id = m.position_id WHERE `+mem,
		arg, arg)
	for _, p := range persons {
		out[p] = []ledger.PayerPosition{}
	}
	for _, r := range refs {
		out[r.PersonID] = append(out[r.PersonID], r)
	}
	return err
}

// payScanPositions runs a query of (id, number, gestione, person, titolare).
func payScanPositions(ctx context.Context, q Querier, query string, args ...any) ([]ledger.PayerPosition, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: positions of payments: %w", err)
	}
	defer rows.Close()
	var out []ledger.PayerPosition
	for rows.Next() {
		var r ledger.PayerPosition
		var g string
		var tit int
		if err := rows.Scan(&r.ID, &r.Number, &g, &r.PersonID, &tit); err != nil {
			return nil, fmt.Errorf("store: positions of payments: %w", err)
		}
		r.Gestione, r.Titolare = contrib.Gestione(g), tit == 1
		out = append(out, r)
	}
	return out, rows.Err()
}
