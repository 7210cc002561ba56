package web

import (
	"context"
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// state is what the middleware learns about a request: who makes it and,
// on position routes, which position.
type state struct {
	requestID string
	actor     access.Actor
	name      string // display name of the actor
	session   *session.Session
	expired   bool                // the request carried a session cookie for an ended session
	page      *store.PagePosition // the position of the URL, read with the session (store.ReadSessionPage)
	position  *registry.PositionView
	version   int64        // the ledger version of position, read with it by the gate
	unreadOn  int          // the citizen's unread notifications about position, read with it
	facts     access.Facts // the policy facts of position for actor, read by the gate
}

type stateKey struct{}

func withState(r *http.Request, st *state) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
}

// stateOf returns the request's state; never nil.
func stateOf(r *http.Request) *state {
	if st, ok := r.Context().Value(stateKey{}).(*state); ok {
		return st
	}
	return &state{actor: access.Actor{Kind: access.Anonymous}}
}
