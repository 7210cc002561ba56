package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// CaseTopics is the administrators' storage of the topics (ambiti) and of
// the routing rules: topics are added, renamed, reordered, deactivated and
// reactivated, never deleted (cases keep their topic for good).
type CaseTopics struct{ db *DB }

// NewCaseTopics returns the topics' administration on db.
func NewCaseTopics(db *DB) *CaseTopics { return &CaseTopics{db: db} }

// AdminTopic is a topic as the administrators see it: active or not, with
// its routing rule and, for a topic, its sub-topics.
type AdminTopic struct {
	cases.Topic
	Sort   int
	Active bool
	Route  string // the office of the topic's routing rule; "" for none (the position's own office)
	Items  []AdminTopic
}

// TopicInput is a new topic or a change of one, as typed.
type TopicInput struct {
	Code   string
	Parent string // "" for a topic, the topic's code for a sub-topic
	NameIT string
	NameEN string
	Sort   int
	Office string // Update only: the routing rule of a topic ("" removes it)
}

// The field problems of the topics' forms.
const (
	MsgTopicCode      = "admin.topics.error.code"
	MsgTopicCodeTaken = "admin.topics.error.code_taken"
	MsgTopicCodeSub   = "admin.topics.error.code_sub"
	MsgTopicParent    = "admin.topics.error.parent"
	MsgTopicNameIT    = "admin.topics.error.name_it"
	MsgTopicNameEN    = "admin.topics.error.name_en"
	MsgTopicOffice    = "admin.topics.error.office"
	MaxTopicNameLen   = 120
	MaxTopicCodeLen   = 60
)

// topicCode is the form of a new code: lowercase letters and digits in
// parts joined by dots ("rimborsi.estero").
var topicCode = regexp.MustCompile(`^[a-z0-9]+(\.[a-z0-9]+)*$`)

// List returns every topic, active or not, in order, with its routing rule
// and its sub-topics.
func (s *CaseTopics) List(ctx context.Context) ([]AdminTopic, error) {
	rows, err := s.db.W().Query(ctx, `SELECT t.code, COALESCE(t.parent_code, ''), t.name_it, t.name_en, t.sort, t.active,
		COALESCE(r.office_code, '') FROM case_topics t LEFT JOIN case_routes r ON r.topic_code = t.code
		ORDER BY t.parent_code IS NOT NULL, t.sort, t.code`)
	if err != nil {
		return nil, fmt.Errorf("store: topics: %w", err)
	}
	defer rows.Close()
	var out []AdminTopic
	at := map[string]int{}
	for rows.Next() {
		var t AdminTopic
		var active int
		if err := rows.Scan(&t.Code, &t.Parent, &t.NameIT, &t.NameEN, &t.Sort, &active, &t.Route); err != nil {
			return nil, fmt.Errorf("store: topics: %w", err)
		}
		t.Active = active == 1
		if t.Parent == "" {
			at[t.Code] = len(out)
			out = append(out, t)
		} else if i, ok := at[t.Parent]; ok {
			out[i].Items = append(out[i].Items, t)
		}
	}
	return out, rows.Err()
}

// All returns every topic with its sub-topics, the inactive ones too: the
// names of the topics of existing cases (cases.Store.Topics offers only
// the active ones for new requests).
func (s *CaseTopics) All(ctx context.Context) ([]cases.Topic, error) {
	list, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]cases.Topic, len(list))
	for i, t := range list {
		out[i] = t.Topic
		for _, st := range t.Items {
			out[i].Subs = append(out[i].Subs, st.Topic)
		}
	}
	return out, nil
}

// Get returns one topic or sub-topic; errs.NotFound when there is none.
func (s *CaseTopics) Get(ctx context.Context, code string) (AdminTopic, error) {
	return getTopic(ctx, s.db.W(), code)
}

func getTopic(ctx context.Context, q Querier, code string) (AdminTopic, error) {
	var t AdminTopic
	var active int
	err := q.QueryRow(ctx, `SELECT t.code, COALESCE(t.parent_code, ''), t.name_it, t.name_en, t.sort, t.active,
		COALESCE(r.office_code, '') FROM case_topics t LEFT JOIN case_routes r ON r.topic_code = t.code
		WHERE t.code = ?`, code).Scan(&t.Code, &t.Parent, &t.NameIT, &t.NameEN, &t.Sort, &active, &t.Route)
	if IsNoRows(err) {
		return t, errs.E(errs.NotFound, "error.not_found")
	}
	if err != nil {
		return t, fmt.Errorf("store: topic %s: %w", code, err)
	}
	t.Active = active == 1
	return t, nil
}

// Add stores a new topic or sub-topic, active, with its audit entry e (its
// action and detail are filled here), in one transaction. A wrong field is
// an errs validation error and nothing is stored. A zero Sort puts it last
// among its siblings.
func (s *CaseTopics) Add(ctx context.Context, in TopicInput, e audit.Entry) error {
	in = trimTopic(in)
	return s.db.InTx(ctx, func(tx Querier) error {
		v := &errs.Validation{}
		checkNames(v, in)
		if err := checkNewCode(ctx, tx, v, in); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		if in.Sort == 0 {
			err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(sort), 0) + 10 FROM case_topics
				WHERE COALESCE(parent_code, '') = ?`, in.Parent).Scan(&in.Sort)
			if err != nil {
				return fmt.Errorf("store: topic order: %w", err)
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO case_topics (code, parent_code, name_it, name_en, sort, active)
			VALUES (?, ?, ?, ?, ?, 1)`, in.Code, nullString(in.Parent), in.NameIT, in.NameEN, in.Sort)
		if err != nil {
			return fmt.Errorf("store: add topic: %w", err)
		}
		e.Action, e.Detail = "topics.add", fmt.Sprintf("ambito %s: %s / %s", in.Code, in.NameIT, in.NameEN)
		return appendAudit(ctx, tx, []audit.Entry{e})
	})
}

// Update renames and reorders a topic and, for a topic (not a sub-topic),
// sets or removes its routing rule, with one audit entry per change, in
// one transaction; errs.NotFound for an unknown code, a validation error
// (nothing stored) for a wrong field.
func (s *CaseTopics) Update(ctx context.Context, in TopicInput, e audit.Entry) error {
	in = trimTopic(in)
	return s.db.InTx(ctx, func(tx Querier) error {
		old, err := getTopic(ctx, tx, in.Code)
		if err != nil {
			return err
		}
		v := &errs.Validation{}
		checkNames(v, in)
		if old.Parent != "" {
			in.Office = old.Route // rules are by topic: a sub-topic follows its topic
		} else if err := checkOffice(ctx, tx, v, in.Office); err != nil {
			return err
		}
		if err := v.Err(); err != nil {
			return err
		}
		var es []audit.Entry
		if old.NameIT != in.NameIT || old.NameEN != in.NameEN || old.Sort != in.Sort {
			_, err := tx.Exec(ctx, `UPDATE case_topics SET name_it = ?, name_en = ?, sort = ? WHERE code = ?`,
				in.NameIT, in.NameEN, in.Sort, in.Code)
			if err != nil {
				return fmt.Errorf("store: rename topic: %w", err)
			}
			e.Action, e.Detail = "topics.rename", fmt.Sprintf("ambito %s: %s / %s (ordine %d)", in.Code, in.NameIT, in.NameEN, in.Sort)
			es = append(es, e)
		}
		if old.Route != in.Office {
			if err := setRoute(ctx, tx, in.Code, in.Office); err != nil {
				return err
			}
			e.Action, e.Detail = "topics.route", routeDetail(in.Code, old.Route, in.Office)
			es = append(es, e)
		}
		return appendAudit(ctx, tx, es)
	})
}

// SetActive deactivates (no longer offered for new requests; existing
// cases keep it) or reactivates a topic, with its audit entry, in one
// transaction; errs.NotFound for an unknown code.
func (s *CaseTopics) SetActive(ctx context.Context, code string, active bool, e audit.Entry) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		old, err := getTopic(ctx, tx, code)
		if err != nil {
			return err
		}
		if old.Active == active {
			return nil
		}
		flag, action, word := 0, "topics.deactivate", "disattivato"
		if active {
			flag, action, word = 1, "topics.activate", "riattivato"
		}
		if _, err := tx.Exec(ctx, `UPDATE case_topics SET active = ? WHERE code = ?`, flag, code); err != nil {
			return fmt.Errorf("store: topic active: %w", err)
		}
		e.Action, e.Detail = action, "ambito "+code+": "+word
		return appendAudit(ctx, tx, []audit.Entry{e})
	})
}

func trimTopic(in TopicInput) TopicInput {
	in.Code, in.Parent = strings.TrimSpace(in.Code), strings.TrimSpace(in.Parent)
	in.NameIT, in.NameEN = strings.TrimSpace(in.NameIT), strings.TrimSpace(in.NameEN)
	in.Office = strings.TrimSpace(in.Office)
	return in
}

func checkNames(v *errs.Validation, in TopicInput) {
	if in.NameIT == "" || utf8.RuneCountInString(in.NameIT) > MaxTopicNameLen {
		v.Add("name_it", MsgTopicNameIT)
	}
	if in.NameEN == "" || utf8.RuneCountInString(in.NameEN) > MaxTopicNameLen {
		v.Add("name_en", MsgTopicNameEN)
	}
}

// checkNewCode checks the code and the parent of a new topic: a well-formed
// code not taken, and for a sub-topic a parent that is a topic (two levels)
// whose code with a dot starts the sub-topic's.
func checkNewCode(ctx context.Context, q Querier, v *errs.Validation, in TopicInput) error {
	if in.Parent != "" {
		p, err := getTopic(ctx, q, in.Parent)
		switch {
		case errs.Is(err, errs.NotFound) || err == nil && p.Parent != "":
			v.Add("parent", MsgTopicParent)
		case err != nil:
			return err
		}
	}
	if !topicCode.MatchString(in.Code) || len(in.Code) > MaxTopicCodeLen {
		v.Add("code", MsgTopicCode)
		return nil
	}
	if in.Parent != "" && !v.Has("parent") && !strings.HasPrefix(in.Code, in.Parent+".") {
		v.Add("code", MsgTopicCodeSub)
		return nil
	}
	_, err := getTopic(ctx, q, in.Code)
	switch {
	case err == nil:
		v.Add("code", MsgTopicCodeTaken)
	case !errs.Is(err, errs.NotFound):
		return err
	}
	return nil
}

func checkOffice(ctx context.Context, q Querier, v *errs.Validation, office string) error {
	if office == "" {
		return nil
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM offices WHERE code = ?`, office).Scan(&n); err != nil {
		return fmt.Errorf("store: office %s: %w", office, err)
	}
	if n == 0 {
		v.Add("office", MsgTopicOffice)
	}
	return nil
}

// setRoute replaces the routing rule of topic by one to office, or removes
// it when office is "".
func setRoute(ctx context.Context, tx Querier, topic, office string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM case_routes WHERE topic_code = ?`, topic); err != nil {
		return fmt.Errorf("store: case route: %w", err)
	}
	if office == "" {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO case_routes (topic_code, office_code) VALUES (?, ?)`, topic, office); err != nil {
		return fmt.Errorf("store: case route: %w", err)
	}
	return nil
}

func routeDetail(topic, from, to string) string {
	name := func(office string) string {
		if office == "" {
			return "ufficio della posizione"
		}
		return "sede " + office
	}
	return fmt.Sprintf("smistamento ambito %s: da %s a %s", topic, name(from), name(to))
}
