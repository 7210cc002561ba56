package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Associations implements association.Store: the staff of the trade
// associations and the assignments of their delegations.
type Associations struct{ db *DB }

// NewAssociations returns the association storage on db.
func NewAssociations(db *DB) *Associations { return &Associations{db: db} }

var _ association.Store = (*Associations)(nil)

// Association implements association.Store.
func (s *Associations) Association(ctx context.Context, personID int64) (association.Association, error) {
	var a association.Association
	var given, family string
	err := s.db.R().QueryRow(ctx, `SELECT p.id, p.codice_fiscale, p.given_name, p.family_name, i.kind,
		i.registration_number, i.firm FROM intermediaries i JOIN persons p ON p.id = i.person_id
		WHERE i.person_id = ? AND i.kind = ?`, personID, association.Kind).Scan(&a.PersonID, &a.CodiceFiscale,
		&given, &family, &a.Kind, &a.RegistrationNumber, &a.Firm)
	if IsNoRows(err) {
		return a, errs.Wrap(errs.NotFound, association.MsgNotAssociation, err)
	}
	if err != nil {
		return a, fmt.Errorf("store: association: %w", err)
	}
	a.Name = given + " " + family
	return a, nil
}

// PersonByCF implements association.Store.
func (s *Associations) PersonByCF(ctx context.Context, cf string) (int64, string, error) {
	var id int64
	var given, family string
	err := s.db.R().QueryRow(ctx, `SELECT id, given_name, family_name FROM persons WHERE codice_fiscale = ?`, cf).
		Scan(&id, &given, &family)
	if IsNoRows(err) {
		return 0, "", errs.Wrap(errs.NotFound, association.MsgPersonUnknown, err)
	}
	if err != nil {
		return 0, "", fmt.Errorf("store: person by cf: %w", err)
	}
	return id, given + " " + family, nil
}

// PositionByNumber implements association.Store.
func (s *Associations) PositionByNumber(ctx context.Context, number string) (association.Position, error) {
	var p association.Position
	err := s.db.R().QueryRow(ctx, `SELECT pos.id, pos.number, pos.titolare_id, pe.codice_fiscale
		FROM positions pos JOIN persons pe ON pe.id = pos.titolare_id WHERE pos.number = ?`, number).
		Scan(&p.ID, &p.Number, &p.TitolareID, &p.TitolareCF)
	if IsNoRows(err) {
		return p, errs.Wrap(errs.NotFound, association.MsgPositionUnknown, err)
	}
	if err != nil {
		return p, fmt.Errorf("store: association position: %w", err)
	}
	return p, nil
}

// associationStaffQuery lists the current staff of an association.
const associationStaffQuery = `SELECT s.id, s.person_id, p.codice_fiscale, p.given_name, p.family_name, s.added_at,
	b.given_name, b.family_name
	FROM association_staff s JOIN persons p ON p.id = s.person_id JOIN persons b ON b.id = s.added_by
	WHERE s.association_id = ? AND s.removed_at IS NULL ORDER BY p.family_name, p.given_name, s.id LIMIT 1000`

// Staff implements association.Store.
func (s *Associations) Staff(ctx context.Context, assocID int64) ([]association.Member, error) {
	var out []association.Member
	err := eachRow(ctx, s.db.R(), associationStaffQuery, []any{assocID}, func(sc interface{ Scan(...any) error }) error {
		var m association.Member
		var g, f, bg, bf string
		if err := sc.Scan(&m.ID, &m.PersonID, &m.CodiceFiscale, &g, &f, &m.AddedAt, &bg, &bf); err != nil {
			return err
		}
		m.Name, m.AddedBy = g+" "+f, bg+" "+bf
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: association staff: %w", err)
	}
	return out, nil
}

// AddStaff implements association.Store.
func (s *Associations) AddStaff(ctx context.Context, assocID, personID, by int64, at time.Time) error {
	_, err := s.db.W().Exec(ctx, `INSERT INTO association_staff (association_id, person_id, added_at, added_by)
		VALUES (?, ?, ?, ?)`, assocID, personID, at.UTC(), by)
	if IsUniqueViolation(err) {
		return errs.Wrap(errs.Conflict, association.MsgAlreadyStaff, err)
	}
	if err != nil {
		return fmt.Errorf("store: add association staff: %w", err)
	}
	return nil
}

// RemoveStaff implements association.Store.
func (s *Associations) RemoveStaff(ctx context.Context, assocID, staffID int64, at time.Time) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		res, err := tx.Exec(ctx, `UPDATE association_staff SET removed_at = ?
			WHERE id = ? AND association_id = ? AND removed_at IS NULL`, at.UTC(), staffID, assocID)
		if err != nil {
			return fmt.Errorf("store: remove association staff: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errs.Wrap(errs.NotFound, association.MsgChoose, err)
		}
		_, err = tx.Exec(ctx, `UPDATE association_assignments SET removed_at = ?
			WHERE staff_id = ? AND removed_at IS NULL`, at.UTC(), staffID)
		if err != nil {
			return fmt.Errorf("store: remove association staff: %w", err)
		}
		return nil
	})
}
