package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TokenPrefix starts every personal access token.
const TokenPrefix = "cst_"

// tokenRe is the shape of a token: the prefix and 32 random bytes in
// base64url.
var tokenRe = regexp.MustCompile(`^cst_[A-Za-z0-9_-]{43}$`)

// TokenHash is the stored form of a token: its SHA-256 in hex.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// touchEvery is how often the last use of a token is written.
const touchEvery = time.Minute

type callKey struct{}

func callOf(r *http.Request) *call { return r.Context().Value(callKey{}).(*call) }

// authenticate resolves the bearer token into the call's person: 401 for
// a missing, unknown, expired or revoked token; 403 for a read-only token
// on a method that changes state; 429 beyond the token's rate.
func (a *API) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || strings.TrimSpace(raw) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="cassetto"`)
			a.problem(w, r, problemTokenMissing, "Send Authorization: Bearer cst_… with a token from the portal's /token-api page.", nil)
			return
		}
		c, kind, err := a.resolve(r.Context(), strings.TrimSpace(raw))
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if kind != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="cassetto", error="invalid_token"`)
			a.problem(w, r, *kind, "", nil)
			return
		}
		if !readOnlyMethod(r.Method) && !c.writes() {
			a.problem(w, r, problemTokenScope, "This token is read-only.", nil)
			return
		}
		if ok, wait := a.limiter.allow(c.token.ID); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter(wait)))
			a.problem(w, r, problemRateLimited, "", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), callKey{}, c)))
	})
}

// resolve finds the token and its person; a non-nil kind is the 401
// problem when the token may not be used.
func (a *API) resolve(ctx context.Context, raw string) (*call, *problemKind, error) {
	if !tokenRe.MatchString(raw) {
		return nil, &problemTokenInvalid, nil
	}
	t, ok, err := a.Tokens.ByHash(ctx, TokenHash(raw))
	switch {
	case err != nil:
		return nil, nil, err
	case !ok:
		return nil, &problemTokenInvalid, nil
	case t.Revoked():
		return nil, &problemTokenRevoked, nil
	case t.ExpiredOn(a.today()):
		return nil, &problemTokenExpired, nil
	}
	if a.Now().Sub(t.LastUsedAt) >= touchEvery {
		if err := a.Tokens.Touch(ctx, t.ID); err != nil {
			return nil, nil, err
		}
	}
	p, err := a.Registry.Person(ctx, t.PersonID)
	if err != nil {
		return nil, nil, err
	}
	c := &call{token: t, person: p, actor: access.Actor{Kind: access.Citizen, PersonID: p.ID,
		Label: p.FullName() + " (" + p.CodiceFiscale + ")"}}
	return c, nil, nil
}

// writes reports whether the call's token may change state.
func (c *call) writes() bool { return c.token.Scope == store.APIScopeWrite }

func readOnlyMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}
