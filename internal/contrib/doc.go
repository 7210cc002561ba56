// Package contrib is the rules engine of RULES.md: the contribution of a
// person for a year (P3) from the yearly parameters (P2), the due dates of the
// fixed rates and of the income-tax calendar (P2), the months credited (P4)
// and the sanzioni civili for late payment (P6). The codeline (P5) lives in
// the subpackage codeline.
//
// The yearly parameters and the ECB rate table are data (params.json and
// tur.csv, embedded, and extendable from files by an administrator); the
// engine only reads a *Params value handed to it. Functions are pure: no I/O,
// no clock, no globals but immutable tables. Money is integer cents and every
// intermediate value is exact; rounding to the cent happens only where
// RULES.md says (see docs/rules.md).
package contrib
