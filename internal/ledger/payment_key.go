package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// LineKeyer gives each payment of one file its line key: the payment date,
// a hash of the line's normalised content (the parsed values, so that a
// ";" file with decimal commas and a "," file give the same key) and the
// occurrence of that content in the file: "DATE.HASH.1" for the first,
// "DATE.HASH.2" for a second identical line. Importing the file again, or a
// file that repeats some of its lines, therefore adds nothing twice, while
// two genuinely identical payments of one file are both kept. The key does
// not depend on the file name nor on the line number.
//
// The date comes first so that the unique index of line keys grows where
// the recent payments are, like the dates of the files, instead of taking
// each new key at a random place of the whole index (decision 32).
type LineKeyer struct {
	seen map[[16]byte]uint32
	buf  []byte
}

// NewLineKeyer returns a keyer for one file.
func NewLineKeyer() *LineKeyer { return &LineKeyer{seen: map[[16]byte]uint32{}} }

// Key returns the line key of p, counting it as one more occurrence.
func (k *LineKeyer) Key(p Payment) string {
	k.buf = AppendNormalized(k.buf[:0], p)
	sum := sha256.Sum256(k.buf)
	var h [16]byte
	copy(h[:], sum[:16])
	k.seen[h]++
	key := make([]byte, 0, 10+1+32+1+10)
	key = p.PaidOn.AppendISO(key)
	key = append(key, '.')
	key = hex.AppendEncode(key, h[:])
	key = append(key, '.')
	key = strconv.AppendUint(key, uint64(k.seen[h]), 10)
	return string(key)
}

// AppendNormalized appends the normalised content of p to b: the fields of
// an F24 line in canonical form, separated by "|" (date ISO, periods
// MM/YYYY, amounts in cents).
func AppendNormalized(b []byte, p Payment) []byte {
	b = p.PaidOn.AppendISO(b)
	b = append(b, '|')
	b = append(b, p.CodiceFiscale...)
	b = append(b, '|')
	b = append(b, p.CodiceSede...)
	b = append(b, '|')
	b = append(b, p.Causale...)
	b = append(b, '|')
	b = append(b, p.CodiceINPS...)
	b = append(b, '|')
	b = append(b, p.PeriodFrom.F24()...)
	b = append(b, '|')
	b = append(b, p.PeriodTo.F24()...)
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(p.Debit), 10)
	b = append(b, '|')
	return strconv.AppendInt(b, int64(p.Credit), 10)
}
