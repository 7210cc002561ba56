package api

import (
	_ "embed"
	"net/http"
)

// Spec is the OpenAPI 3.1 document of the API: the contract the handlers
// implement and the tests validate against.
//
//go:embed openapi.json
var Spec []byte

// serveSpec serves the OpenAPI document; it needs no token.
func serveSpec(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	writeBody(w, r, "application/json", Spec)
}
