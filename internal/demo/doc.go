// Package demo is the demo data generator: from a seed it builds, with no
// I/O, a deterministic and realistic synthetic registry — offices, titolari
// with their codice fiscale, positions AR and CO, collaboratori, contact
// data, intermediaries and delegations — plus fixed demo identities with
// known codici fiscali for logging in. Load writes a data set to the
// database once (store.Seed).
//
// Every person is fictitious. E-mail addresses use reserved, non-deliverable
// domains (".example", "example.it"); postal codes are made up; mobile
// numbers are random and must never be texted.
package demo
