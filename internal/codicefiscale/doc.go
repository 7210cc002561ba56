// Package codicefiscale validates, decodes and computes the Italian codice
// fiscale of natural persons (DM 23 December 1976, DPR 605/1973), including
// omocodia: the variants the Agenzia delle Entrate issues when two people
// would get the same code, where some digits are replaced by letters.
//
// Validation errors are *errs.Error with code errs.Invalid and one of the
// message ids MsgLength, MsgFormat, MsgDate, MsgCheck, so the user interface
// can say in the user's language what is wrong.
package codicefiscale
