package store

import "github.com/cassetto-dev/cassetto/internal/money"

// moneyOf turns a stored amount (integer cents) into money.
func moneyOf(cents int64) money.Cents { return money.Cents(cents) }
