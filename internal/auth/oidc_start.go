package auth

import (
	"crypto/rand"
	"net/http"
	"net/url"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Start begins a login: it makes a random state, nonce and PKCE verifier,
// keeps them and returnTo in a short-lived cookie scoped to the callback
// path, and redirects (302) to the provider's authorization endpoint.
// returnTo is where Finish will send the user back; anything but a local
// path becomes "/" (see SafeReturnTo). It fails with ErrProviderUnavailable
// or ErrDiscovery when the provider's configuration cannot be had; then it
// has written nothing.
func (rp *RelyingParty) Start(w http.ResponseWriter, r *http.Request, returnTo string) error {
	d, err := rp.discover(r.Context())
	if err != nil {
		return err
	}
	f := flowState{
		State:    rand.Text(),
		Nonce:    rand.Text(),
		Verifier: oauth2.GenerateVerifier(),
		ReturnTo: SafeReturnTo(returnTo),
		Started:  rp.now().Unix(),
	}
	rp.setFlowCookie(w, f)
	w.Header().Set("Cache-Control", "no-store")
	target := d.oauth.AuthCodeURL(f.State, oauth2.S256ChallengeOption(f.Verifier), oidc.Nonce(f.Nonce))
	http.Redirect(w, r, target, http.StatusFound)
	return nil
}

// maxReturnTo keeps the login cookie well under the browsers' 4 KB limit.
const maxReturnTo = 1024

// SafeReturnTo returns p if it is a path on this site, and "/" otherwise:
// p must start with "/" but not "//" or "/\" (which browsers read as
// another host), hold no control characters, backslashes, scheme or host,
// and be at most 1024 bytes long.
func SafeReturnTo(p string) string {
	if p == "" || len(p) > maxReturnTo || p[0] != '/' || strings.HasPrefix(p, "//") || strings.ContainsAny(p, `\`) {
		return "/"
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return "/"
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return p
}
