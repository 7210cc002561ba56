// Package documents makes the printable documents of a position as PDF: the
// F24 form (sezione INPS filled), the lettera informativa of a year, the
// notice of an avviso bonario or di addebito, the estratto conto and the
// stampa fascicolo. Assembling (Assembler: records and registry into plain
// view structs, testable without a PDF) is kept apart from drawing (the
// Write* functions: a view into an io.Writer with gopdf). Fonts (Titillium
// Web, SIL OFL) are embedded and subset; every PDF carries title, author,
// subject, language it-IT and the creation date of the clock passed in.
package documents
