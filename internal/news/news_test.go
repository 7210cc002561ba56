package news_test

import (
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/news"
)

func TestValidateNamesEveryWrongField(t *testing.T) {
	ok := news.Item{Title: "Titolo", Body: "Testo", Date: civil.MustParse("2026-05-16"), Gestione: news.Both, Kind: news.Circolare}
	if err := ok.Validate(); err != nil {
		t.Fatalf("a right item: %v", err)
	}
	bad := news.Item{Title: strings.Repeat("è", news.MaxTitle+1), Body: "  ", Gestione: "XX", Kind: "avviso"}
	got := map[string]string{}
	for _, f := range errs.Fields(bad.Validate()) {
		got[f.Field] = f.Message
	}
	want := map[string]string{"title": "tools.news.err_title_long", "body": "tools.news.err_body_required",
		"date": "tools.news.err_date", "gestione": "tools.news.err_gestione", "kind": "tools.news.err_kind"}
	for field, msg := range want {
		if got[field] != msg {
			t.Errorf("%s: %q, want %q", field, got[field], msg)
		}
	}
	title := news.Item{Title: strings.Repeat("è", news.MaxTitle), Body: "x", Date: ok.Date, Gestione: news.Artigiani, Kind: news.Notizia}
	if err := title.Validate(); err != nil {
		t.Errorf("a title of %d characters (%d bytes) refused: %v", news.MaxTitle, len(title.Title), err)
	}
}
