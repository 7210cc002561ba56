// Package paymentgen makes realistic F24 payment files for tests and
// benchmarks: lines that pay the fixed rates stored in a database — most on
// time by their codice INPS, some late, partial, overpaid, split in two,
// paid twice, with an unknown code, or malformed — deterministically from a
// seed. SeedDues writes those fixed rates when the yearly imposition has
// not run.
package paymentgen
