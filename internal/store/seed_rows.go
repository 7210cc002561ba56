package store

import "fmt"

// base writes offices, intermediaries and staff, keeping those present.
func (l *seedLoader) base(t *seedTx, b SeedBase) error {
	var offices, inters, staff [][]any
	for _, o := range b.Offices {
		offices = append(offices, []any{o.Code, o.Name, o.Address, o.City, o.Phone, o.Email, o.OpeningHours})
	}
	n, err := t.insertRows(`INSERT INTO offices (code, name, address, city, phone, email, opening_hours)`,
		`ON CONFLICT (code) DO NOTHING`, offices, nil)
	if err != nil {
		return fmt.Errorf("offices: %w", err)
	}
	l.st.Offices += n
	people := make([]SeedPerson, len(b.Intermediaries))
	for i, in := range b.Intermediaries {
		people[i] = in.Person
	}
	if l.intermediaries, err = l.persons(t, people); err != nil {
		return err
	}
	for _, in := range b.Intermediaries {
		inters = append(inters, []any{l.intermediaries[in.Person.CodiceFiscale], in.Kind, in.RegistrationNumber, in.Firm})
	}
	if n, err = t.insertRows(`INSERT INTO intermediaries (person_id, kind, registration_number, firm)`,
		`ON CONFLICT (person_id) DO NOTHING`, inters, nil); err != nil {
		return fmt.Errorf("intermediaries: %w", err)
	}
	l.st.Intermediaries += n
	for _, s := range b.Staff {
		staff = append(staff, []any{s.Username, nullIfEmpty(s.CodiceFiscale), s.DisplayName, s.Role,
			nullIfEmpty(s.OfficeCode), l.now})
	}
	if n, err = t.insertRows(`INSERT INTO staff (username, codice_fiscale, display_name, role, office_code, created_at)`,
		`ON CONFLICT DO NOTHING`, staff, nil); err != nil {
		return fmt.Errorf("staff: %w", err)
	}
	l.st.Staff += n
	return nil
}

// persons inserts the persons whose codice fiscale is new, with their
// contact data, and returns the id of each by codice fiscale. A person
// already present is left alone, its contact data too, so a re-run adds none.
func (l *seedLoader) persons(t *seedTx, ps []SeedPerson) (map[string]int64, error) {
	ids := make(map[string]int64, len(ps))
	var rows [][]any
	var order []*SeedPerson
	seen := make(map[string]bool, len(ps))
	for i := range ps {
		p := &ps[i]
		if !seen[p.CodiceFiscale] {
			seen[p.CodiceFiscale] = true
			order = append(order, p)
			rows = append(rows, []any{p.CodiceFiscale, p.GivenName, p.FamilyName, p.Sex, p.BirthDate,
				p.BirthplaceCode, l.now})
		}
	}
	n, err := t.insertRows(`INSERT INTO persons (codice_fiscale, given_name, family_name, sex, birth_date,
		birthplace_code, created_at)`, `ON CONFLICT (codice_fiscale) DO NOTHING RETURNING id, codice_fiscale`,
		rows, idScanner(ids))
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
	}
	l.st.Persons += n
	var contacts [][]any
	var missing []any
	for _, p := range order {
		id, isNew := ids[p.CodiceFiscale]
		if c := p.Contact; isNew && c != nil {
			contacts = append(contacts, []any{id, c.Email, c.PEC, c.Mobile, c.Street, c.PostalCode, c.City,
				c.Province, c.ChangedBy, l.now})
		}
		if !isNew {
			missing = append(missing, p.CodiceFiscale)
		}
	}
	if n, err = t.insertRows(`INSERT INTO contacts (person_id, email, pec, mobile, street, postal_code, city,
		province, changed_by, created_at)`, "", contacts, nil); err != nil {
		return nil, fmt.Errorf("contacts: %w", err)
	}
	l.st.Contacts += n
	if err := t.selectIn(`SELECT id, codice_fiscale FROM persons WHERE codice_fiscale`, missing, idScanner(ids)); err != nil {
		return nil, fmt.Errorf("persons present: %w", err)
	}
	return ids, nil
}

// positions writes a chunk of positions, skipping numbers already present.
func (l *seedLoader) positions(t *seedTx, chunk []SeedPosition) error {
	nums := make([]any, len(chunk))
	for i, p := range chunk {
		nums[i] = p.Number
	}
	have := map[string]int64{}
	if err := t.selectIn(`SELECT id, number FROM positions WHERE number`, nums, idScanner(have)); err != nil {
		return fmt.Errorf("positions present: %w", err)
	}
	var todo []*SeedPosition
	var people []SeedPerson
	for i := range chunk {
		p := &chunk[i]
		if _, ok := have[p.Number]; ok {
			l.st.Skipped++
			continue
		}
		todo = append(todo, p)
		people = append(people, p.Titolare)
		for _, m := range p.Members {
			people = append(people, m.Person)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	ids, err := l.persons(t, people)
	if err != nil {
		return err
	}
	posIDs, err := l.insertPositions(t, todo, ids)
	if err != nil {
		return err
	}
	return l.membersAndDelegations(t, todo, ids, posIDs)
}

// insertPositions writes ps and returns their ids by number.
func (l *seedLoader) insertPositions(t *seedTx, ps []*SeedPosition, ids map[string]int64) (map[string]int64, error) {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = []any{p.Number, string(p.Gestione), ids[p.Titolare.CodiceFiscale], p.OfficeCode, p.ActivityStart,
			p.ActivityEnd, string(p.Status), p.ActivityDescription, p.AtecoCode, string(p.Reduction), p.Post1996, l.now}
	}
	posIDs := make(map[string]int64, len(ps))
	n, err := t.insertRows(`INSERT INTO positions (number, gestione, titolare_id, office_code, activity_start,
		activity_end, status, activity_description, ateco_code, reduction, post1996, created_at)`,
		`RETURNING id, number`, rows, idScanner(posIDs))
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	l.st.Positions += n
	return posIDs, nil
}

// membersAndDelegations writes the members and delegations of ps.
func (l *seedLoader) membersAndDelegations(t *seedTx, ps []*SeedPosition, ids, posIDs map[string]int64) error {
	var members, delegations [][]any
	for _, p := range ps {
		pid := posIDs[p.Number]
		for _, m := range p.Members {
			members = append(members, []any{pid, ids[m.Person.CodiceFiscale], m.SubjectCode, string(m.Kind),
				m.Relation, m.ValidFrom, m.ValidTo})
		}
		for _, d := range p.Delegations {
			to, ok := l.intermediaries[d.IntermediaryCF]
			if !ok {
				return fmt.Errorf("position %s: delegation to %s, not an intermediary of this data set", p.Number, d.IntermediaryCF)
			}
			var ended any
			if d.Status != "active" && !d.ValidTo.IsZero() {
				ended = d.ValidTo.Time().UTC() // revoked and expired ones end at noon of ValidTo
			}
			delegations = append(delegations, []any{pid, to, d.Scope, d.Status, d.ValidFrom, d.ValidTo,
				d.ValidFrom.Time().UTC(), ended})
		}
	}
	n, err := t.insertRows(`INSERT INTO members (position_id, person_id, subject_code, kind, relation, valid_from,
		valid_to)`, "", members, nil)
	if err != nil {
		return fmt.Errorf("members: %w", err)
	}
	l.st.Members += n
	if n, err = t.insertRows(`INSERT INTO delegations (position_id, intermediary_id, scope, status, valid_from,
		valid_to, created_at, ended_at)`, "", delegations, nil); err != nil {
		return fmt.Errorf("delegations: %w", err)
	}
	l.st.Delegations += n
	return nil
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
