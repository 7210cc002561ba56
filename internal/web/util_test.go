package web_test

import (
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

func today() civil.Date { return civil.Of(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)) }
