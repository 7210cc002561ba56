package auth

import (
	"errors"
	"fmt"
	"strings"
)

// Identity is who logged in, as the provider vouches for it.
type Identity struct {
	Subject       string // the provider's stable id of the user ("sub")
	CodiceFiscale string // upper case, without the TINIT- prefix
	GivenName     string
	FamilyName    string
	Email         string
}

// identityFromClaims builds the Identity from the ID token's claims. When
// they lack the codice fiscale, it asks userinfo, whose subject must be the
// ID token's, and takes from it what the ID token lacks.
func identityFromClaims(subject string, claims map[string]any, cfClaim string,
	userinfo func() (map[string]any, error)) (Identity, error) {
	if stringClaim(claims, cfClaim) == "" {
		extra, err := userinfo()
		if err != nil {
			return Identity{}, err
		}
		if stringClaim(extra, "sub") != subject {
			return Identity{}, fmt.Errorf("%w: userinfo is about another subject", ErrToken)
		}
		for k, v := range extra {
			if _, ok := claims[k]; !ok {
				claims[k] = v
			}
		}
	}
	cf, err := normalizeCF(stringClaim(claims, cfClaim))
	if err != nil {
		return Identity{}, fmt.Errorf("%w: claim %q: %w", ErrNoFiscalNumber, cfClaim, err)
	}
	return Identity{
		Subject:       subject,
		CodiceFiscale: cf,
		GivenName:     stringClaim(claims, "given_name"),
		FamilyName:    stringClaim(claims, "family_name"),
		Email:         stringClaim(claims, "email"),
	}, nil
}

// stringClaim returns a string claim, or "" if it is missing or not a string.
func stringClaim(claims map[string]any, name string) string {
	s, _ := claims[name].(string)
	return strings.TrimSpace(s)
}

// normalizeCF strips the TINIT- prefix, upper-cases, and checks the shape
// of a codice fiscale: 16 letters and digits. The check digit is checked
// where codici fiscali are validated, not here.
func normalizeCF(v string) (string, error) {
	if v == "" {
		return "", errors.New("missing")
	}
	cf := strings.TrimPrefix(strings.ToUpper(v), "TINIT-")
	if len(cf) != 16 {
		return "", errors.New("not 16 characters")
	}
	for _, c := range cf {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return "", errors.New("not letters and digits")
		}
	}
	return cf, nil
}
