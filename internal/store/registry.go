package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Registry implements registry.Store.
type Registry struct {
	db  *DB
	now func() time.Time
}

// NewRegistry returns the registry storage on db; now is the clock.
func NewRegistry(db *DB, now func() time.Time) *Registry { return &Registry{db: db, now: now} }

var _ registry.Store = (*Registry)(nil)

func notFound(what string, err error) error {
	if IsNoRows(err) {
		return errs.Wrap(errs.NotFound, "error.not_found", fmt.Errorf("store: %s not found", what))
	}
	return fmt.Errorf("store: %s: %w", what, err)
}

// CreateOffice inserts an office.
func (s *Registry) CreateOffice(ctx context.Context, o registry.Office) error {
	_, err := s.db.W().Exec(ctx, `INSERT INTO offices (code, name, address, city, phone, email, opening_hours)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, o.Code, o.Name, o.Address, o.City, o.Phone, o.Email, o.OpeningHours)
	if err != nil {
		return fmt.Errorf("store: create office %s: %w", o.Code, err)
	}
	return nil
}

const officeCols = `code, name, address, city, phone, email, opening_hours`

func scanOffice(sc interface{ Scan(...any) error }) (registry.Office, error) {
	var o registry.Office
	err := sc.Scan(&o.Code, &o.Name, &o.Address, &o.City, &o.Phone, &o.Email, &o.OpeningHours)
	return o, err
}

// Office returns the office with code.
func (s *Registry) Office(ctx context.Context, code string) (registry.Office, error) {
	o, err := scanOffice(s.db.R().QueryRow(ctx, `SELECT `+officeCols+` FROM offices WHERE code = ?`, code))
	if err != nil {
		return o, notFound("office "+code, err)
	}
	return o, nil
}

// Offices returns every office by code.
func (s *Registry) Offices(ctx context.Context) ([]registry.Office, error) {
	rows, err := s.db.R().Query(ctx, `SELECT `+officeCols+` FROM offices ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("store: offices: %w", err)
	}
	defer rows.Close()
	var out []registry.Office
	for rows.Next() {
		o, err := scanOffice(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreatePerson inserts p and sets its ID. A codice fiscale already present
// gives an errs.Conflict.
func (s *Registry) CreatePerson(ctx context.Context, p *registry.Person) error {
	err := s.db.W().QueryRow(ctx, `INSERT INTO persons
		(codice_fiscale, given_name, family_name, sex, birth_date, birthplace_code, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.CodiceFiscale, p.GivenName, p.FamilyName, p.Sex, p.BirthDate, p.BirthplaceCode, s.now().UTC()).Scan(&p.ID)
	if IsUniqueViolation(err) {
		return errs.Wrap(errs.Conflict, "person.exists", err)
	}
	if err != nil {
		return fmt.Errorf("store: create person: %w", err)
	}
	return nil
}

const personCols = `p.id, p.codice_fiscale, p.given_name, p.family_name, p.sex, p.birth_date, p.birthplace_code`

func personDest(p *registry.Person) []any {
	return []any{&p.ID, &p.CodiceFiscale, &p.GivenName, &p.FamilyName, &p.Sex, &p.BirthDate, &p.BirthplaceCode}
}

// Person returns the person with id.
func (s *Registry) Person(ctx context.Context, id int64) (registry.Person, error) {
	var p registry.Person
	err := s.db.R().QueryRow(ctx, `SELECT `+personCols+` FROM persons p WHERE p.id = ?`, id).Scan(personDest(&p)...)
	if err != nil {
		return p, notFound("person", err)
	}
	return p, nil
}

// PersonByCF returns the person with codice fiscale cf.
func (s *Registry) PersonByCF(ctx context.Context, cf string) (registry.Person, error) {
	var p registry.Person
	err := s.db.R().QueryRow(ctx, `SELECT `+personCols+` FROM persons p WHERE p.codice_fiscale = ?`, cf).Scan(personDest(&p)...)
	if err != nil {
		return p, notFound("person", err)
	}
	return p, nil
}

// CreatePosition inserts p and sets its ID.
func (s *Registry) CreatePosition(ctx context.Context, p *registry.Position) error {
	err := s.db.W().QueryRow(ctx, `INSERT INTO positions
		(number, gestione, titolare_id, office_code, activity_start, activity_end, status,
		 activity_description, ateco_code, reduction, post1996, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.Number, string(p.Gestione), p.TitolareID, p.OfficeCode, p.ActivityStart, p.ActivityEnd, string(p.Status),
		p.ActivityDescription, p.AtecoCode, string(p.Reduction), p.Post1996, s.now().UTC()).Scan(&p.ID)
	if IsUniqueViolation(err) {
		return errs.Wrap(errs.Conflict, "position.exists", err)
	}
	if err != nil {
		return fmt.Errorf("store: create position: %w", err)
	}
	return nil
}

const positionSelect = `SELECT ` + positionCols + positionFrom

const positionCols = `pos.id, pos.number, pos.gestione, pos.titolare_id, pos.office_code,
	pos.activity_start, pos.activity_end, pos.status, pos.activity_description, pos.ateco_code,
	pos.reduction, pos.post1996, ` + personCols + `, o.code, o.name, o.address, o.city, o.phone, o.email, o.opening_hours`

const positionFrom = `
	FROM positions pos JOIN persons p ON p.id = pos.titolare_id JOIN offices o ON o.code = pos.office_code `

// pagePositionQuery is positionSelect by number with the position's
// ledger version (0 when nothing was ever written) and a person's unread
// notifications about it.
const pagePositionQuery = `SELECT ` + positionCols + `,
	COALESCE((SELECT v.version FROM ledger_versions v WHERE v.position_id = pos.id), 0),
	(SELECT COUNT(*) FROM notifications n WHERE n.person_id = ? AND n.position_id = pos.id AND n.read_at IS NULL)` +
	positionFrom + `WHERE pos.number = ?`

// PagePosition is what the portal's gate reads about the position of a
// request, in one query.
type PagePosition struct {
	registry.PositionView
	LedgerVersion int64     // the version of its ledger records (see RecordsCache)
	Unread        int       // the citizen's unread notifications about it (0 for anyone else)
	Relation      *Relation // the session's person's relation to it, when read with the session (ReadSessionPage)
}

// ReadPagePosition returns the position numbered number, as
// Registry.PositionByNumber does, with its ledger version and the unread
// notifications of person personID (0: none) about it: a ledger page
// whose records are in memory under that version then runs no query for
// them (LedgerReader.RecordsAt), and the dashboard none for its card of
// messages.
func ReadPagePosition(ctx context.Context, db *DB, number string, personID int64) (PagePosition, error) {
	var p PagePosition
	var ps positionScan
	err := db.R().QueryRow(ctx, pagePositionQuery, personID, number).Scan(append(ps.dest(), &p.LedgerVersion, &p.Unread)...)
	if err != nil {
		return p, notFound("position "+number, err)
	}
	p.PositionView = ps.view()
	return p, nil
}

func scanPositionView(sc interface{ Scan(...any) error }) (registry.PositionView, error) {
	var ps positionScan
	err := sc.Scan(ps.dest()...)
	return ps.view(), err
}

// positionScan receives a row of positionCols.
type positionScan struct {
	v                           registry.PositionView
	gestione, status, reduction string
}

func (ps *positionScan) dest() []any {
	v := &ps.v
	dest := []any{&v.ID, &v.Number, &ps.gestione, &v.TitolareID, &v.OfficeCode, &v.ActivityStart, &v.ActivityEnd,
		&ps.status, &v.ActivityDescription, &v.AtecoCode, &ps.reduction, &v.Post1996}
	dest = append(dest, personDest(&v.Titolare)...)
	return append(dest, &v.Office.Code, &v.Office.Name, &v.Office.Address, &v.Office.City, &v.Office.Phone,
		&v.Office.Email, &v.Office.OpeningHours)
}

func (ps *positionScan) view() registry.PositionView {
	v := ps.v
	v.Gestione, v.Status, v.Reduction = registry.Gestione(ps.gestione), registry.PositionStatus(ps.status), registry.Reduction(ps.reduction)
	return v
}

func (s *Registry) positions(ctx context.Context, q Querier, where string, args ...any) ([]registry.PositionView, error) {
	rows, err := q.Query(ctx, positionSelect+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: positions: %w", err)
	}
	defer rows.Close()
	var out []registry.PositionView
	for rows.Next() {
		v, err := scanPositionView(rows)
		if err != nil {
			return nil, fmt.Errorf("store: scan position: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Position returns the position with id.
func (s *Registry) Position(ctx context.Context, id int64) (registry.PositionView, error) {
	v, err := scanPositionView(s.db.R().QueryRow(ctx, positionSelect+`WHERE pos.id = ?`, id))
	if err != nil {
		return v, notFound("position", err)
	}
	return v, nil
}

// PositionByNumber returns the position with the 8-digit number.
func (s *Registry) PositionByNumber(ctx context.Context, number string) (registry.PositionView, error) {
	v, err := scanPositionView(s.db.R().QueryRow(ctx, positionSelect+`WHERE pos.number = ?`, number))
	if err != nil {
		return v, notFound("position "+number, err)
	}
	return v, nil
}

// Positions lists positions by id, optionally of one office, after AfterID.
func (s *Registry) Positions(ctx context.Context, f registry.ListFilter) ([]registry.PositionView, error) {
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 100
	}
	if f.OfficeCode != "" {
		return s.positions(ctx, s.db.R(), `WHERE pos.office_code = ? AND pos.id > ? ORDER BY pos.id LIMIT ?`,
			f.OfficeCode, f.AfterID, f.Limit)
	}
	return s.positions(ctx, s.db.R(), `WHERE pos.id > ? ORDER BY pos.id LIMIT ?`, f.AfterID, f.Limit)
}

// PositionsOfTitolare lists the positions whose titolare is personID.
func (s *Registry) PositionsOfTitolare(ctx context.Context, personID int64) ([]registry.PositionView, error) {
	return s.positions(ctx, s.db.R(), `WHERE pos.titolare_id = ? ORDER BY pos.number`, personID)
}

// PositionsOfMember lists the positions where personID is a collaboratore.
func (s *Registry) PositionsOfMember(ctx context.Context, personID int64) ([]registry.PositionView, error) {
	return s.positions(ctx, s.db.R(),
		`WHERE pos.id IN (SELECT position_id FROM members WHERE person_id = ?) ORDER BY pos.number`, personID)
}

// AddMember inserts m and sets its ID.
func (s *Registry) AddMember(ctx context.Context, m *registry.Member) error {
	err := s.db.W().QueryRow(ctx, `INSERT INTO members
		(position_id, person_id, subject_code, kind, relation, valid_from, valid_to)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.PositionID, m.PersonID, m.SubjectCode, string(m.Kind), m.Relation, m.ValidFrom, m.ValidTo).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("store: add member: %w", err)
	}
	return nil
}

// Members lists the collaboratori of a position in order of registration.
func (s *Registry) Members(ctx context.Context, positionID int64) ([]registry.MemberView, error) {
	rows, err := s.db.R().Query(ctx, `SELECT m.id, m.position_id, m.person_id, m.subject_code, m.kind,
		m.relation, m.valid_from, m.valid_to, `+personCols+`
		FROM members m JOIN persons p ON p.id = m.person_id WHERE m.position_id = ? ORDER BY m.subject_code`, positionID)
	if err != nil {
		return nil, fmt.Errorf("store: members: %w", err)
	}
	defer rows.Close()
	var out []registry.MemberView
	for rows.Next() {
		var v registry.MemberView
		var kind string
		dest := []any{&v.ID, &v.PositionID, &v.PersonID, &v.SubjectCode, &kind, &v.Relation, &v.ValidFrom, &v.ValidTo}
		if err := rows.Scan(append(dest, personDest(&v.Person)...)...); err != nil {
			return nil, fmt.Errorf("store: scan member: %w", err)
		}
		v.Kind = registry.MemberKind(kind)
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddContact appends a new version of a person's contact data, from a
// trusted source: its e-mail and mobile are verified.
func (s *Registry) AddContact(ctx context.Context, c *registry.Contact) error {
	c.CreatedAt = s.now().UTC()
	c.EmailVerified, c.MobileVerified = true, true
	return insertContact(ctx, s.db.W(), c)
}

const contactSelect = `SELECT id, person_id, email, pec, mobile, street, postal_code, city, province, changed_by, created_at,
	email_verified, mobile_verified FROM contacts WHERE person_id = ? ORDER BY id DESC`

func scanContact(sc interface{ Scan(...any) error }) (registry.Contact, error) {
	var c registry.Contact
	var email, mobile int
	err := sc.Scan(&c.ID, &c.PersonID, &c.Email, &c.PEC, &c.Mobile, &c.Street, &c.PostalCode, &c.City,
		&c.Province, &c.ChangedBy, &c.CreatedAt, &email, &mobile)
	c.EmailVerified, c.MobileVerified = email == 1, mobile == 1
	return c, err
}

// CurrentContact returns the newest contact data of a person (read from the
// writer, so a change is visible at once).
func (s *Registry) CurrentContact(ctx context.Context, personID int64) (registry.Contact, error) {
	c, err := scanContact(s.db.W().QueryRow(ctx, contactSelect+` LIMIT 1`, personID))
	if err != nil {
		return c, notFound("contact", err)
	}
	return c, nil
}

// ContactHistory returns every version of a person's contact data, newest first.
func (s *Registry) ContactHistory(ctx context.Context, personID int64) ([]registry.Contact, error) {
	rows, err := s.db.W().Query(ctx, contactSelect, personID)
	if err != nil {
		return nil, fmt.Errorf("store: contact history: %w", err)
	}
	defer rows.Close()
	var out []registry.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// nullDate is a helper to scan optional dates.
var _ sql.Scanner = (*civil.Date)(nil)
