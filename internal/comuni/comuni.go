// Package comuni is the table of Italian municipalities (comuni) with their
// ISTAT and Belfiore (cadastral) codes, embedded from ISTAT open data
// (CC BY 3.0 IT, see NOTICE.md). The table is parsed once, on first use, and
// never changes afterwards.
package comuni

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// Comune is one municipality.
type Comune struct {
	IstatCode  string // six digits, e.g. "015146"
	Name       string // e.g. "Milano"
	Region     string // e.g. "Lombardia"
	Province   string // e.g. "Milano"
	Sigla      string // car-plate code of the province, e.g. "MI"
	Belfiore   string // cadastral code, e.g. "F205": the birthplace in a codice fiscale
	Population int    // residents at the census the file was built from
}

//go:embed comuni.csv
var raw []byte

// table is the parsed file and its index by Belfiore code.
type table struct {
	all        []Comune
	byBelfiore map[string]int
}

// load parses the embedded file once. The file is part of the build, so a
// parse error is a programming error and panics.
var load = sync.OnceValue(func() table {
	all, err := parse(raw)
	if err != nil {
		panic(fmt.Sprintf("comuni: embedded comuni.csv: %v", err))
	}
	idx := make(map[string]int, len(all))
	for i, c := range all {
		idx[c.Belfiore] = i
	}
	return table{all: all, byBelfiore: idx}
})

// All returns every comune in ISTAT code order. The slice is a copy: callers
// may keep or change it.
func All() []Comune { return slices.Clone(load().all) }

// ByBelfiore returns the comune with the cadastral code, e.g. "H501" (Roma).
func ByBelfiore(code string) (Comune, bool) {
	t := load()
	i, ok := t.byBelfiore[code]
	if !ok {
		return Comune{}, false
	}
	return t.all[i], true
}

// parse reads the CSV: a header line, then istat_code, name, region,
// province, sigla, belfiore, population.
func parse(data []byte) ([]Comune, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 7
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) < 2 || recs[0][0] != "istat_code" {
		return nil, fmt.Errorf("no header or no rows")
	}
	out := make([]Comune, 0, len(recs)-1)
	for _, f := range recs[1:] {
		pop, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("comune %s: population %q: %w", f[0], f[6], err)
		}
		out = append(out, Comune{IstatCode: f[0], Name: f[1], Region: f[2], Province: f[3],
			Sigla: f[4], Belfiore: f[5], Population: pop})
	}
	return out, nil
}
