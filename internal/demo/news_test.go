package demo_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/news"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestLoadNewsIsIdempotentAndPublishesValidItems(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	for range 2 {
		if _, err := demo.LoadNews(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	page, err := store.NewNews(db, nil).Published(ctx, news.Filter{PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := demo.LoadNews(ctx, db)
	if len(page.Items) != n || n < 3 {
		t.Fatalf("%d published items after two loads, want %d", len(page.Items), n)
	}
	for _, it := range page.Items {
		if err := it.Validate(); err != nil {
			t.Errorf("%s: %v", it.Title, err)
		}
	}
}
