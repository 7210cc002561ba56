package documents

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"
)

// Meta is the document information every PDF carries.
type Meta struct {
	Title   string
	Subject string
	Author  string    // the institution
	Created time.Time // from the caller's clock, so tests are deterministic
}

// pageW and pageH are the A4 page in millimetres, the unit of every drawing.
const (
	pageW = 210.0
	pageH = 297.0
)

// canvas wraps gopdf in millimetres and keeps the first error, so drawing
// code reads as a list of shapes; finish reports it.
type canvas struct {
	pdf  *gopdf.GoPdf
	err  error
	name string  // current font
	size float64 // current font size, points
}

// newCanvas starts an A4 document with the embedded fonts and meta.
func newCanvas(m Meta) (*canvas, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	pdf.SetNoCompression() // rewrite compresses the contents, with reused writers (lang.go)
	if err := addFonts(pdf); err != nil {
		return nil, err
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: m.Title, Subject: m.Subject, Author: m.Author,
		Creator: "Cassetto", Producer: "Cassetto (gopdf)", CreationDate: m.Created})
	return &canvas{pdf: pdf}, nil
}

func (c *canvas) keep(err error) {
	if c.err == nil && err != nil {
		c.err = err
	}
}

// addPage starts a new page.
func (c *canvas) addPage() { c.pdf.AddPage() }

// font selects a font and a size in points.
func (c *canvas) font(name string, size float64) {
	if name == c.name && size == c.size {
		return // gopdf writes the font with every text: nothing to change
	}
	c.name, c.size = name, size
	c.keep(c.pdf.SetFont(name, "", size))
}

// gray sets the text colour to a shade (0 black, 255 white).
func (c *canvas) gray(v uint8) { c.pdf.SetTextColor(v, v, v) }

// text writes s with its top-left corner at x, y.
func (c *canvas) text(x, y float64, s string) {
	c.cell(x, y, c.width(s)+0.5, c.size*ptMM, s, gopdf.Left|gopdf.Top)
}

// ptMM is a typographic point in millimetres.
const ptMM = 25.4 / 72

// cell writes s inside the box x, y, w, h with an alignment (gopdf.Left,
// Right, Center combined with Top, Middle, Bottom).
func (c *canvas) cell(x, y, w, h float64, s string, align int) {
	if s == "" {
		return
	}
	c.pdf.SetXY(x, y)
	c.keep(c.pdf.CellWithOption(&gopdf.Rect{W: w, H: h}, s, gopdf.CellOption{Align: align}))
}

// width measures s in the current font, millimetres.
func (c *canvas) width(s string) float64 {
	w, err := c.pdf.MeasureTextWidth(s)
	c.keep(err)
	return w
}

// wrap splits s into lines no wider than w.
func (c *canvas) wrap(s string, w float64) []string {
	if s == "" {
		return nil
	}
	lines, err := c.pdf.SplitTextWithWordWrap(s, w)
	c.keep(err)
	return lines
}

// box strokes a rectangle.
func (c *canvas) box(x, y, w, h, lw float64) {
	c.pdf.SetLineWidth(lw)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// shade fills a rectangle with a grey.
func (c *canvas) shade(x, y, w, h float64, v uint8) {
	c.pdf.SetFillColor(v, v, v)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
	c.pdf.SetFillColor(0, 0, 0)
}

// line draws a segment.
func (c *canvas) line(x1, y1, x2, y2, lw float64) {
	c.pdf.SetLineWidth(lw)
	c.pdf.Line(x1, y1, x2, y2)
}

// finish writes the document to w with its language, or the first error.
func (c *canvas) finish(w io.Writer) error {
	if c.err != nil {
		return fmt.Errorf("documents: draw: %w", c.err)
	}
	var buf bytes.Buffer
	if _, err := c.pdf.WriteTo(&buf); err != nil {
		return fmt.Errorf("documents: write: %w", err)
	}
	out, err := rewrite(buf.Bytes(), "it-IT")
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
