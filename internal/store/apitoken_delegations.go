package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// PersonDelegation is one delegation a person holds as intermediary or
// has granted as titolare, as the API lists it.
type PersonDelegation struct {
	ID               int64
	Role             string // "intermediary": held by the person; "titolare": granted on his position
	PositionNumber   string
	TitolareName     string
	TitolareCF       string
	IntermediaryName string
	IntermediaryCF   string
	Scope            string
	Status           string
	ValidFrom        civil.Date
	ValidTo          civil.Date // zero: no end
	CreatedAt        time.Time
	EndedAt          time.Time // zero: not ended
}

const personDelegationsQuery = `SELECT d.id, CASE WHEN d.intermediary_id = ? THEN 'intermediary' ELSE 'titolare' END,
	p.number, t.given_name || ' ' || t.family_name, t.codice_fiscale,
	i.given_name || ' ' || i.family_name, i.codice_fiscale,
	d.scope, d.status, d.valid_from, d.valid_to, d.created_at, d.ended_at
	FROM delegations d JOIN positions p ON p.id = d.position_id
	JOIN persons t ON t.id = p.titolare_id JOIN persons i ON i.id = d.intermediary_id
	WHERE d.intermediary_id = ? OR p.titolare_id = ?
	ORDER BY d.id`

// DelegationsOfPerson lists the delegations person holds as intermediary
// and those granted on the positions he is the titolare of, oldest first.
func DelegationsOfPerson(ctx context.Context, db *DB, personID int64) ([]PersonDelegation, error) {
	rows, err := db.R().Query(ctx, personDelegationsQuery, personID, personID, personID)
	if err != nil {
		return nil, fmt.Errorf("store: delegations of person %d: %w", personID, err)
	}
	defer rows.Close()
	out := []PersonDelegation{}
	for rows.Next() {
		var d PersonDelegation
		var ended sql.NullTime
		if err := rows.Scan(&d.ID, &d.Role, &d.PositionNumber, &d.TitolareName, &d.TitolareCF, &d.IntermediaryName,
			&d.IntermediaryCF, &d.Scope, &d.Status, &d.ValidFrom, &d.ValidTo, &d.CreatedAt, &ended); err != nil {
			return nil, fmt.Errorf("store: delegations of person %d: %w", personID, err)
		}
		if ended.Valid {
			d.EndedAt = ended.Time
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
