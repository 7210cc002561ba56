package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestTheDocumentIsValidOpenAPI31 checks the embedded document against the
// OpenAPI 3.1 schema, and that every route of the API is in it.
func TestTheDocumentIsValidOpenAPI31(t *testing.T) {
	v := newSpecValidator(t)
	if ok, errs := v.ValidateDocument(); !ok {
		for _, e := range errs {
			t.Errorf("%s: %s", e.Message, e.Reason)
		}
	}
}

// TestTheValidatorCatchesAResponseOutsideTheDocument proves the response
// validation the other tests rely on is not vacuous.
func TestTheValidatorCatchesAResponseOutsideTheDocument(t *testing.T) {
	v := newSpecValidator(t)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/positions/10000001/balance", nil)
	req.Header.Set("Authorization", "Bearer cst_x")
	for _, body := range []string{`{"position": "10000001"}`, `{"position": "10000001", "as_of": "2026-11-23", "years": [],
		"debt": 12.5, "overdue": "0.00", "prescribed": "0.00", "credit": "0.00", "balance": "0.00"}`} {
		res := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: req}
		if ok, _ := v.ValidateHttpResponse(req, res); ok {
			t.Errorf("%s passed validation", body)
		}
	}
}
