package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/notify"
)

// audienceLink is an intermediary's active delegation on a position.
type audienceLink struct {
	intermediary int64
	full         bool
}

// audiences returns, for each audience, the ids of the persons who hear of
// it: the titolare of its position first, then the intermediaries with a
// delegation active on day in id order, then its own intermediary if he is
// not among them. Two queries, whatever the number of audiences.
func (n *Notifications) audiences(ctx context.Context, auds []notify.Audience, day civil.Date) ([][]int64, error) {
	var positions []int64
	for _, a := range auds {
		positions = append(positions, a.PositionID)
	}
	slices.Sort(positions)
	positions = slices.Compact(positions)
	titolari, links, err := n.positionLinks(ctx, positions, day)
	if err != nil {
		return nil, err
	}
	out := make([][]int64, len(auds))
	for i, a := range auds {
		var ids []int64
		if t, ok := titolari[a.PositionID]; ok {
			ids = append(ids, t)
		}
		for _, l := range links[a.PositionID] {
			if (l.full || !a.FullScopeOnly) && !slices.Contains(ids, l.intermediary) {
				ids = append(ids, l.intermediary)
			}
		}
		if a.IntermediaryID != 0 && !slices.Contains(ids, a.IntermediaryID) {
			ids = append(ids, a.IntermediaryID)
		}
		out[i] = ids
	}
	return out, nil
}

// positionLinks reads the titolare of each position and the delegations
// active on day, ordered by intermediary.
func (n *Notifications) positionLinks(ctx context.Context, positions []int64, day civil.Date) (map[int64]int64, map[int64][]audienceLink, error) {
	args := make([]any, len(positions))
	for i, id := range positions {
		args[i] = id
	}
	in := Placeholders(len(args))
	titolari := make(map[int64]int64, len(positions))
	rows, err := n.db.R().Query(ctx, `SELECT id, titolare_id FROM positions WHERE id IN (`+in+`)`, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: recipients: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, t int64
		if err := rows.Scan(&id, &t); err != nil {
			return nil, nil, fmt.Errorf("store: recipients: %w", err)
		}
		titolari[id] = t
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: recipients: %w", err)
	}
	links, err := n.activeDelegations(ctx, in, args, day)
	return titolari, links, err
}

// activeDelegations reads the delegations active on day of the positions
// args (placeholders in), by position and then intermediary.
func (n *Notifications) activeDelegations(ctx context.Context, in string, args []any, day civil.Date) (map[int64][]audienceLink, error) {
	rows, err := n.db.R().Query(ctx, `SELECT position_id, intermediary_id, scope FROM delegations
		WHERE position_id IN (`+in+`) AND status = 'active' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
		ORDER BY position_id, intermediary_id`, append(args, day, day)...)
	if err != nil {
		return nil, fmt.Errorf("store: recipients: %w", err)
	}
	defer rows.Close()
	links := map[int64][]audienceLink{}
	for rows.Next() {
		var pos int64
		var l audienceLink
		var scope string
		if err := rows.Scan(&pos, &l.intermediary, &scope); err != nil {
			return nil, fmt.Errorf("store: recipients: %w", err)
		}
		l.full = scope == "full"
		links[pos] = append(links[pos], l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: recipients: %w", err)
	}
	return links, nil
}
