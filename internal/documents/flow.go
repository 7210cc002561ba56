package documents

import (
	"fmt"
	"io"

	"github.com/signintech/gopdf"
)

// The page of the flowing documents (letters, statements, the dossier).
const (
	left   = 18.0
	width  = pageW - 2*left
	top    = 26.0
	bottom = pageH - 18
)

// flow lays text and tables down the page, starting a new page (with the
// running header and the page number) when one is full.
type flow struct {
	c      *canvas
	y      float64
	header string // running header, on every page
	page   int
}

// newFlow starts the first page of a document with a running header.
func newFlow(m Meta, header string) (*flow, error) {
	c, err := newCanvas(m)
	if err != nil {
		return nil, err
	}
	f := &flow{c: c, header: header}
	f.newPage()
	return f, nil
}

// newPage starts a page: header, footer with "Pagina N di M".
func (f *flow) newPage() {
	f.c.addPage()
	f.page++
	f.c.gray(90)
	f.c.font(fRegular, 7.5)
	f.c.text(left, 10, f.header)
	f.c.line(left, 15, left+width, 15, 0.3)
	f.c.font(fRegular, 7.5)
	label := fmt.Sprintf("Pagina %d di ", f.page)
	lw := f.c.width(label)
	x := left + width - lw - 8
	f.c.text(x, bottom+6, label)
	f.c.pdf.SetXY(x+lw, bottom+6+3.1)
	f.c.keep(f.c.pdf.PlaceHolderText(fmt.Sprintf("pages-%d", f.page), 8))
	f.c.gray(0)
	f.y = top
}

// need starts a new page unless h millimetres fit on this one.
func (f *flow) need(h float64) {
	if f.y+h > bottom {
		f.newPage()
	}
}

// space leaves h millimetres.
func (f *flow) space(h float64) { f.y += h }

// heading writes a title; level 1 is the document's title.
func (f *flow) heading(s string, level int) {
	size := map[int]float64{1: 15, 2: 12, 3: 10}[level]
	f.need(size*ptMM*1.6 + 12) // never a heading alone at the bottom
	f.c.font(fBold, size)
	for _, ln := range f.c.wrap(s, width) {
		f.c.text(left, f.y, ln)
		f.y += size * ptMM * 1.35
	}
	f.y += 1.5
}

// para writes a wrapped paragraph.
func (f *flow) para(s string) { f.styled(s, fRegular, 9.5) }

// note writes a wrapped paragraph in a smaller size.
func (f *flow) note(s string) { f.styled(s, fRegular, 8) }

func (f *flow) styled(s, font string, size float64) {
	f.c.font(font, size)
	lh := size * ptMM * 1.4
	for _, ln := range f.c.wrap(s, width) {
		f.need(lh)
		f.c.font(font, size)
		f.c.text(left, f.y, ln)
		f.y += lh
	}
	f.y += 1.8
}

// bullets writes a list, one wrapped item each.
func (f *flow) bullets(items ...string) {
	f.c.font(fRegular, 9.5)
	lh := 9.5 * ptMM * 1.4
	for _, it := range items {
		for i, ln := range f.c.wrap(it, width-5) {
			f.need(lh)
			f.c.font(fRegular, 9.5)
			if i == 0 {
				f.c.text(left+1, f.y, "•")
			}
			f.c.text(left+5, f.y, ln)
			f.y += lh
		}
	}
	f.y += 1.8
}

// pairs writes "label: value" lines, the label in bold (on one line, so
// the text reads in order).
func (f *flow) pairs(kv [][2]string) {
	const lh = 4.8
	for _, p := range kv {
		f.need(lh)
		f.c.font(fSemiBold, 9)
		label := p[0] + ":"
		f.c.text(left, f.y, label)
		x := left + f.c.width(label) + 1.5
		f.c.font(fRegular, 9)
		f.c.cell(x, f.y, left+width-x, lh, p[1], gopdf.Left|gopdf.Top)
		f.y += lh
	}
	f.y += 2
}

// col is a table column: header, width in millimetres, right-aligned.
type col struct {
	head  string
	w     float64
	right bool
}

// table writes a table with a shaded header row, repeated on every page
// it spans; a last row in bold when total is given.
func (f *flow) table(cols []col, rows [][]string, total []string) {
	const rh = 5.2
	f.need(2*rh + 1)
	f.tableHead(cols)
	for _, r := range rows {
		if f.y+rh > bottom {
			f.newPage()
			f.tableHead(cols)
		}
		f.tableRow(cols, r, fRegular)
	}
	if total != nil {
		f.need(rh)
		f.c.line(left, f.y, left+width, f.y, 0.4)
		f.tableRow(cols, total, fBold)
	}
	f.y += 3
}

func (f *flow) tableHead(cols []col) {
	const rh = 5.6
	f.c.shade(left, f.y, width, rh, 225)
	f.tableRow(cols, heads(cols), fSemiBold)
}

func heads(cols []col) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.head
	}
	return out
}

func (f *flow) tableRow(cols []col, r []string, font string) {
	const rh = 5.2
	x := left
	f.c.font(font, 8)
	for i, c := range cols {
		if i < len(r) {
			align := gopdf.Left | gopdf.Middle
			if c.right {
				align = gopdf.Right | gopdf.Middle
			}
			f.c.cell(x+1, f.y, c.w-2, rh, r[i], align)
		}
		x += c.w
	}
	f.c.line(left, f.y+rh, left+width, f.y+rh, 0.1)
	f.y += rh
}

// finish fills the page numbers and writes the document.
func (f *flow) finish(w io.Writer) error {
	for p := 1; p <= f.page; p++ {
		f.c.keep(f.c.pdf.FillInPlaceHoldText(fmt.Sprintf("pages-%d", p), fmt.Sprint(f.page), gopdf.Left))
	}
	return f.c.finish(w)
}

// letterhead writes the institution and office at the left, the
// addressee at the right, then the date and the position.
func (f *flow) letterhead(h Head) {
	y := f.y
	f.c.font(fBold, 11)
	f.c.text(left, y, h.Institution)
	f.c.font(fRegular, 8.5)
	office := []string{h.Office.Name, h.Office.Address, h.Office.City, h.Office.Email, h.Office.Phone}
	ly := y + 5.5
	for _, s := range office {
		if s != "" {
			f.c.text(left, ly, s)
			ly += 4
		}
	}
	// the addressee sits lower, at the right, as in a window envelope
	x, ry := left+100, ly+3
	f.c.font(fSemiBold, 9.5)
	f.c.text(x, ry, h.To)
	f.c.font(fRegular, 8.5)
	ry += 4.5
	if h.Address.Known() {
		f.c.text(x, ry, h.Address.Street)
		f.c.text(x, ry+4, h.Address.PostalCode+" "+h.Address.City+" "+paren(h.Address.Province))
		ry += 8
	}
	f.c.text(x, ry, "Codice fiscale "+h.ToCF)
	f.y = ry + 8
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}
