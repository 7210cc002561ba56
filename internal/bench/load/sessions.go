package load

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// maxPositionsPerSession bounds the positions one synthetic session
// visits (an intermediary may hold hundreds of delegations).
const maxPositionsPerSession = 20

// f24Probe is how many positions of each session are searched for a due
// still owed, the F24 target.
const f24Probe = 3

// actor is one synthetic session: the cookie a browser would send and the
// positions its owner may open.
type actor struct {
	sessionID    string      // the stored session's id, to end it afterwards
	header       http.Header // Cookie: cassetto_session=…
	positions    []string    // position numbers
	intermediary bool
}

// visit is one position of one actor.
type visit struct {
	actor  *actor
	number string
}

// f24Visit is a position of an actor with a due still owed on it.
type f24Visit struct {
	visit
	due int64
}

// population is the synthetic sessions and what they visit.
type population struct {
	actors []*actor
	visits []visit
	f24    []f24Visit
}

// newPopulation logs in k synthetic actors, one in five an intermediary
// (as many as the data has), the others titolari of random positions:
// the session rows are those a login writes, made by session.Manager. The
// choice is the same for the same data.
func newPopulation(ctx context.Context, db *store.DB, k int, now time.Time) (*population, error) {
	if k < 1 {
		return nil, errors.New("load: at least one session is needed")
	}
	b := &builder{db: db, reg: store.NewRegistry(db, time.Now), ledger: store.NewLedgerReader(db),
		rng: rand.New(rand.NewPCG(7, uint64(k))), today: civil.Of(now), seen: map[int64]bool{},
		sessions: &session.Manager{Store: store.NewSessions(db), Now: time.Now, Idle: time.Hour, Absolute: 24 * time.Hour}}
	p := &population{}
	if err := b.intermediaries(ctx, p, k/5); err != nil {
		return p, err
	}
	if err := b.titolari(ctx, p, k-len(p.actors)); err != nil {
		return p, err
	}
	if len(p.visits) == 0 {
		return p, errors.New("load: no position to visit: seed the database first (cassetto seed)")
	}
	if len(p.f24) == 0 {
		return p, errors.New("load: no position with a due still owed, so no F24 to ask: seed the ledger history (cassetto seed --history)")
	}
	return p, nil
}

// intermediaries counts the intermediaries' sessions.
func (p *population) intermediaries() int {
	n := 0
	for _, a := range p.actors {
		if a.intermediary {
			n++
		}
	}
	return n
}

// close ends the synthetic sessions.
func (p *population) close(ctx context.Context, db *store.DB) error {
	st := store.NewSessions(db)
	var errs []error
	for _, a := range p.actors {
		errs = append(errs, st.DeleteSession(ctx, a.sessionID))
	}
	return errors.Join(errs...)
}

// builder makes the population.
type builder struct {
	db       *store.DB
	reg      *store.Registry
	ledger   *store.LedgerReader
	sessions *session.Manager
	rng      *rand.Rand
	today    civil.Date
	seen     map[int64]bool // persons already given a session
}

// intermediaries adds up to n intermediaries with active delegations.
func (b *builder) intermediaries(ctx context.Context, p *population, n int) error {
	if n < 1 {
		return nil
	}
	rows, err := b.db.R().Query(ctx, `SELECT person_id FROM intermediaries ORDER BY person_id`)
	if err != nil {
		return fmt.Errorf("load: intermediaries: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	b.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for _, id := range ids {
		if n == 0 {
			break
		}
		pos, err := b.reg.DelegatedPositions(ctx, id, b.today)
		if err != nil {
			return fmt.Errorf("load: delegated positions: %w", err)
		}
		if len(pos) == 0 {
			continue
		}
		if err := b.add(ctx, p, id, access.Intermediary, pos); err != nil {
			return err
		}
		n--
	}
	return nil
}

// titolari adds n titolari of random positions.
func (b *builder) titolari(ctx context.Context, p *population, n int) error {
	var lo, hi int64
	if err := b.db.R().QueryRow(ctx, `SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM positions`).Scan(&lo, &hi); err != nil {
		return fmt.Errorf("load: positions: %w", err)
	}
	if hi == 0 {
		return nil
	}
	for try := 0; n > 0 && try < 20*n+100; try++ {
		var titolare int64
		err := b.db.R().QueryRow(ctx, `SELECT titolare_id FROM positions WHERE id >= ? ORDER BY id LIMIT 1`,
			lo+b.rng.Int64N(hi-lo+1)).Scan(&titolare)
		if err != nil {
			return fmt.Errorf("load: random position: %w", err)
		}
		if b.seen[titolare] {
			continue
		}
		pos, err := b.reg.PositionsOfTitolare(ctx, titolare)
		if err != nil {
			return fmt.Errorf("load: positions of titolare: %w", err)
		}
		if err := b.add(ctx, p, titolare, access.Self, pos); err != nil {
			return err
		}
		n--
	}
	return nil
}

// add logs person in with profile and records the positions to visit.
func (b *builder) add(ctx context.Context, p *population, person int64, profile access.Profile, pos []registry.PositionView) error {
	b.seen[person] = true
	sink := &headerSink{h: http.Header{}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1/auth/callback", nil)
	if err != nil {
		return err
	}
	req.RemoteAddr = "127.0.0.1:0"
	req.Header.Set("User-Agent", "cassetto-bench")
	s, err := b.sessions.Begin(ctx, sink, req, person, 0, session.Data{Profile: string(profile), Method: "oidc"})
	if err != nil {
		return fmt.Errorf("load: session: %w", err)
	}
	cookie, err := http.ParseSetCookie(sink.h.Get("Set-Cookie"))
	if err != nil {
		return fmt.Errorf("load: session cookie: %w", err)
	}
	a := &actor{sessionID: s.ID, header: http.Header{"Cookie": {cookie.Name + "=" + cookie.Value}},
		intermediary: profile == access.Intermediary}
	if len(pos) > maxPositionsPerSession {
		b.rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
		pos = pos[:maxPositionsPerSession]
	}
	p.actors = append(p.actors, a)
	for i, v := range pos {
		a.positions = append(a.positions, v.Number)
		p.visits = append(p.visits, visit{actor: a, number: v.Number})
		if i < f24Probe {
			if err := b.owed(ctx, p, visit{actor: a, number: v.Number}, v.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// owed records a due still owed on the position, if any, as an F24 target:
// what the situazione debitoria offers to pay.
func (b *builder) owed(ctx context.Context, p *population, v visit, positionID int64) error {
	rec, err := b.ledger.Records(ctx, positionID, 0)
	if err != nil {
		return fmt.Errorf("load: ledger of %s: %w", v.number, err)
	}
	var dues []int64
	for _, y := range ledger.NewSituation(rec, ledger.SituationOptions{AsOf: b.today}).Years {
		for _, it := range y.Items {
			if it.Residual > 0 && !it.Prescribed {
				dues = append(dues, it.Due.ID)
			}
		}
	}
	if len(dues) > 0 {
		p.f24 = append(p.f24, f24Visit{visit: v, due: dues[b.rng.IntN(len(dues))]})
	}
	return nil
}

// headerSink is the response writer of a synthetic login: it keeps the
// headers (the session cookie) and drops the rest.
type headerSink struct{ h http.Header }

func (s *headerSink) Header() http.Header         { return s.h }
func (s *headerSink) Write(b []byte) (int, error) { return len(b), nil }
func (s *headerSink) WriteHeader(int)             {}
