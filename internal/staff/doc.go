// Package staff holds the office staff of the back office (operatori di sede
// and administrators) and their local accounts: argon2id passwords, TOTP as
// the second factor with replay protection, and lockout after repeated
// failures. It declares the storage it needs (Store); internal/store
// implements it.
package staff
