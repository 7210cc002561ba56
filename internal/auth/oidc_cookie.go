package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// flowCookieName is the cookie that carries a login between Start and Finish.
const flowCookieName = "cassetto_oidc"

// flowTTL is how long a login may take between Start and Finish.
const flowTTL = 10 * time.Minute

// flowState is what Start remembers for Finish, in the browser. It holds
// no secret of the portal: the verifier and nonce are only worth something
// together with the code the provider sends to the same browser.
type flowState struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"`
	ReturnTo string `json:"r"`
	Started  int64  `json:"t"` // Unix seconds
}

func (f flowState) encode() string {
	b, _ := json.Marshal(f) // cannot fail: strings and an int
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeFlowState(v string) (flowState, error) {
	var f flowState
	b, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return f, fmt.Errorf("login cookie: %w", err)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, fmt.Errorf("login cookie: %w", err)
	}
	if f.State == "" || f.Nonce == "" || f.Verifier == "" {
		return f, errors.New("login cookie: incomplete")
	}
	return f, nil
}

// setFlowCookie stores f for the callback path only, HttpOnly, SameSite=Lax
// (the callback is a top-level GET from the provider) and short-lived.
func (rp *RelyingParty) setFlowCookie(w http.ResponseWriter, f flowState) {
	http.SetCookie(w, &http.Cookie{
		Name: flowCookieName, Value: f.encode(), Path: rp.cookiePath,
		MaxAge: int(flowTTL.Seconds()), Expires: rp.now().Add(flowTTL),
		HttpOnly: true, Secure: rp.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// clearFlowCookie deletes the login cookie.
func (rp *RelyingParty) clearFlowCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name: flowCookieName, Path: rp.cookiePath, MaxAge: -1,
		HttpOnly: true, Secure: rp.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// readFlowCookie returns the login of the request if it is not expired.
func (rp *RelyingParty) readFlowCookie(r *http.Request) (flowState, error) {
	c, err := r.Cookie(flowCookieName)
	if err != nil {
		return flowState{}, fmt.Errorf("%w: no login cookie", ErrState)
	}
	f, err := decodeFlowState(c.Value)
	if err != nil {
		return flowState{}, fmt.Errorf("%w: %w", ErrState, err)
	}
	age := rp.now().Sub(time.Unix(f.Started, 0))
	if age > flowTTL || age < -time.Minute {
		return flowState{}, fmt.Errorf("%w: login started %s ago", ErrState, age.Round(time.Second))
	}
	f.ReturnTo = SafeReturnTo(f.ReturnTo)
	return f, nil
}
