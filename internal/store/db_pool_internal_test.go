package store

import (
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

func TestPoolSizeIsEightUnlessTheURLSetsIt(t *testing.T) {
	for url, want := range map[string]int32{
		"postgres://u@h/db":                                   8,
		"postgres://u@h/db?pool_max_conns=2":                  2,
		"postgres://u@h/db?sslmode=disable&pool_max_conns=20": 20,
		"postgres://u@h/db?pool_max_conns=8&search_path=x":    8,
	} {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			t.Fatal(err)
		}
		defaultPoolSize(cfg, url)
		if cfg.MaxConns != want {
			t.Errorf("%s: %d connections, want %d", url, cfg.MaxConns, want)
		}
	}
}
