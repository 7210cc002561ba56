// Package store is the storage adapter: it opens SQLite (embedded default) or
// PostgreSQL, applies the embedded migrations, and implements the storage
// interfaces the domain packages declare. Every dialect difference lives in
// this package: queries are written once with "?" placeholders and rebound
// for PostgreSQL, and the migrations have one folder per dialect.
package store
