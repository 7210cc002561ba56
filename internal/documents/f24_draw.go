package documents

import (
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// The F24 page: margins and the width of the grids (the saldo column
// sits to their right).
const (
	fx    = 8.0   // left margin
	fw    = 194.0 // drawing width
	gridW = 164.0 // the columns of a section
)

// WriteF24 draws f, one page per LinesPerForm lines, into w.
func WriteF24(w io.Writer, f F24, m Meta) error {
	c, err := newCanvas(m)
	if err != nil {
		return err
	}
	forms := f.Forms()
	for i, lines := range forms {
		c.addPage()
		drawF24(c, f.Contribuente, lines, i+1, len(forms))
	}
	return c.finish(w)
}

// drawF24 draws one form top to bottom, in reading order.
func drawF24(c *canvas, who Contribuente, lines []F24Line, page, pages int) {
	y := f24Header(c, 8, page, pages)
	y = f24Contribuente(c, y+1.5, who)
	y = grid(c, y+1.5, "SEZIONE ERARIO", erarioCols, 6, nil, "A", "B")
	var debit, credit money.Cents
	rows := make([][]string, 0, len(lines))
	for _, l := range lines {
		rows = append(rows, []string{l.Sede, l.Causale, l.CodiceINPS, l.From.F24(), l.To.F24(), f24Amount(l.Debit), f24Amount(l.Credit)})
		debit += l.Debit
		credit += l.Credit
	}
	y = grid(c, y+1.5, "SEZIONE INPS", inpsCols, LinesPerForm, rows, "C", "D", debit, credit)
	y = grid(c, y+1.5, "SEZIONE REGIONI", regioniCols, 4, nil, "E", "F")
	y = grid(c, y+1.5, "SEZIONE IMU E ALTRI TRIBUTI LOCALI", imuCols, 4, nil, "G", "H")
	y = grid(c, y+1.5, "SEZIONE ALTRI ENTI PREVIDENZIALI E ASSICURATIVI", altriCols, 4, nil, "I", "L")
	y = f24Saldo(c, y+2, debit-credit)
	f24Estremi(c, y+2)
}

// f24Header draws the title and the "delega irrevocabile" box.
func f24Header(c *canvas, y float64, page, pages int) float64 {
	c.font(fBold, 24)
	c.text(fx, y, "F24")
	c.font(fBold, 10.5)
	c.text(fx+22, y+1, "MODELLO DI PAGAMENTO UNIFICATO — F24")
	c.font(fRegular, 6.5)
	c.text(fx+22, y+6.5, "Sezione INPS compilata dal Cassetto previdenziale per Artigiani e Commercianti")
	c.text(fx+22, y+10, fmt.Sprintf("Modello %d di %d", page, pages))
	x := 128.0
	c.font(fSemiBold, 6)
	c.text(x, y, "DELEGA IRREVOCABILE A:")
	c.line(x+27, y+3, fx+fw, y+3, 0.2)
	c.font(fRegular, 6)
	c.text(x, y+5, "AGENZIA")
	c.line(x+11, y+8, x+50, y+8, 0.2)
	c.text(x+52, y+5, "PROV.")
	c.line(x+60, y+8, fx+fw, y+8, 0.2)
	c.font(fSemiBold, 6)
	c.text(x, y+10.5, "PER L'ACCREDITO ALLA TESORERIA COMPETENTE")
	return y + 15
}

// tab draws a section's title on a shaded tab and the section's frame.
func tab(c *canvas, x, y, h float64, title string) {
	c.font(fBold, 6.5)
	w := c.width(title) + 4
	c.shade(x, y, w, 4, 215)
	c.cell(x, y, w, 4, title, gopdf.Center|gopdf.Middle)
	c.box(x, y+4, fw, h-4, 0.35)
}

// field draws a labelled box with its value.
func field(c *canvas, x, y, w, h float64, label, value string) {
	c.box(x, y, w, h, 0.2)
	c.font(fRegular, 5)
	c.text(x+0.8, y+0.5, label)
	c.font(fSemiBold, 8.5)
	c.cell(x+0.8, y+h-4.2, w-1.6, 4, value, gopdf.Left|gopdf.Middle)
}

// charBoxes draws n empty boxes of width bw, one per character.
func charBoxes(c *canvas, x, y, bw, h float64, n int) {
	for i := 0; i < n; i++ {
		c.box(x+float64(i)*bw, y, bw, h, 0.2)
	}
}

// f24Contribuente draws the CONTRIBUENTE box.
func f24Contribuente(c *canvas, y float64, who Contribuente) float64 {
	const h = 42.0
	tab(c, fx, y, h, "CONTRIBUENTE")
	lx, x := fx+1.5, fx+30.0
	row := y + 5.5
	c.font(fSemiBold, 6)
	c.text(lx, row+1.5, "CODICE FISCALE")
	c.box(x, row, 74, 5.5, 0.3)
	c.font(fBold, 11)
	c.cell(x+2, row, 70, 5.5, who.CodiceFiscale, gopdf.Left|gopdf.Middle)
	c.font(fRegular, 5)
	c.text(x+80, row+0.5, "barrare in caso di anno d'imposta")
	c.text(x+80, row+2.8, "non coincidente con anno solare")
	c.box(x+114, row+0.5, 4, 4, 0.2)
	row += 6.5
	c.font(fSemiBold, 6)
	c.text(lx, row+2, "DATI ANAGRAFICI")
	field(c, x, row, 100, 7, "cognome, denominazione o ragione sociale", who.FamilyName)
	field(c, x+100, row, fx+fw-1-x-100, 7, "nome", who.GivenName)
	row += 7
	birth := ""
	if !who.BirthDate.IsZero() {
		birth = who.BirthDate.Italian()
	}
	field(c, x, row, 26, 7, "data di nascita", birth)
	field(c, x+26, row, 14, 7, "sesso (M o F)", who.Sex)
	field(c, x+40, row, 106, 7, "comune (o Stato estero) di nascita", who.BirthPlace)
	field(c, x+146, row, fx+fw-1-x-146, 7, "prov.", who.BirthProvince)
	row += 8
	c.font(fSemiBold, 6)
	c.text(lx, row+2, "DOMICILIO FISCALE")
	d := who.Domicilio
	field(c, x, row, 60, 7, "comune", d.City)
	field(c, x+60, row, 14, 7, "prov.", d.Province)
	field(c, x+74, row, fx+fw-1-x-74, 7, "via e numero civico", d.Street)
	row += 8
	c.font(fRegular, 5)
	c.text(lx, row+0.3, "CODICE FISCALE del coobbligato, erede,")
	c.text(lx, row+2.4, "genitore, tutore o curatore fallimentare")
	charBoxes(c, x+18, row+0.5, 4.6, 5, 16)
	field(c, x+18+74+6, row, 40, 6, "codice identificativo", "")
	return y + h
}

// gridCol is a column of a section: its header and width. The header's
// lines are broken by hand ("\n"), as they fit the column at 4.8 points:
// measuring and wrapping them for every form was a third of the drawing.
type gridCol struct {
	label string
	w     float64
	right bool // amounts
}

var erarioCols = []gridCol{{"codice tributo", 22, false}, {"rateazione/regione/ prov./mese rif.", 32, false},
	{"anno di riferimento", 20, false}, {"importi a debito versati", 45, true}, {"importi a credito compensati", 45, true}}

var inpsCols = []gridCol{{"codice sede", 13, false}, {"causale\ncontributo", 14, false},
	{"matricola INPS/codice INPS/ filiale azienda", 41, false}, {"periodo di riferimento\nda mm/aaaa", 17, false},
	{"a mm/aaaa", 17, false}, {"importi a debito versati", 31, true}, {"importi a credito compensati", 31, true}}

var regioniCols = []gridCol{{"codice regione", 18, false}, {"codice tributo", 20, false},
	{"rateazione/mese rif.", 26, false}, {"anno di riferimento", 20, false}, {"importi a debito versati", 40, true},
	{"importi a credito compensati", 40, true}}

var imuCols = []gridCol{{"codice ente/ codice\ncomune", 18, false}, {"ravv.", 7, false}, {"immob.\nvariati", 9, false},
	{"acc.", 7, false}, {"saldo", 7, false}, {"numero\nimmobili", 10, false}, {"codice tributo", 14, false},
	{"rateazione/ mese rif.", 16, false}, {"anno di\nriferimento", 14, false}, {"importi a debito versati", 31, true},
	{"importi a credito compensati", 31, true}}

var altriCols = []gridCol{{"codice ente", 14, false}, {"codice sede", 14, false}, {"causale contributo", 16, false},
	{"codice posizione", 30, false}, {"periodo di\nriferimento da\nmm/aaaa", 14, false}, {"a mm/aaaa", 14, false},
	{"importi a debito versati", 31, true}, {"importi a credito compensati", 31, true}}

// grid draws a section: title, column headers, n rows with rows' values,
// and the totals row with the letters of its totals and the saldo. The
// totals are printed when given (debit, credit).
func grid(c *canvas, y float64, title string, cols []gridCol, n int, rows [][]string, dl, cl string, totals ...money.Cents) float64 {
	const head, rowH, totH = 6.0, 4.5, 5.0
	h := 4 + head + float64(n)*rowH + totH + 1
	tab(c, fx, y, h, title)
	x0, top := fx+1.5, y+4.5
	x := x0
	c.font(fRegular, 4.8)
	for _, col := range cols {
		rest, i := col.label, 0
		for rest != "" {
			var ln string
			ln, rest, _ = strings.Cut(rest, "\n")
			c.cell(x, top+float64(i)*1.9, col.w, 1.9, ln, gopdf.Center|gopdf.Top)
			i++
		}
		x += col.w
	}
	for r := 0; r < n; r++ {
		ry := top + head + float64(r)*rowH
		x = x0
		for i, col := range cols {
			c.box(x, ry, col.w, rowH, 0.2)
			if r < len(rows) && i < len(rows[r]) {
				c.font(fSemiBold, 8)
				align := gopdf.Center | gopdf.Middle
				if col.right {
					align = gopdf.Right | gopdf.Middle
				}
				c.cell(x+0.6, ry, col.w-1.2, rowH, rows[r][i], align)
			}
			x += col.w
		}
	}
	gridTotals(c, x0, top+head+float64(n)*rowH+0.5, cols, dl, cl, totals)
	return y + h
}

// gridTotals draws the TOTALE row: the debit and credit totals under
// their columns and the saldo at the right.
func gridTotals(c *canvas, x0, y float64, cols []gridCol, dl, cl string, totals []money.Cents) {
	const h = 4.5
	var wBefore float64
	for _, col := range cols[:len(cols)-2] {
		wBefore += col.w
	}
	dw, cw := cols[len(cols)-2].w, cols[len(cols)-1].w
	c.font(fSemiBold, 6)
	c.cell(x0, y, wBefore-5, h, "TOTALE", gopdf.Right|gopdf.Middle)
	c.font(fBold, 6.5)
	c.cell(x0+wBefore-5, y, 5, h, dl, gopdf.Center|gopdf.Middle)
	c.cell(x0+wBefore+dw-5, y, 5, h, cl, gopdf.Center|gopdf.Middle)
	c.box(x0+wBefore, y, dw-5, h, 0.3)
	c.box(x0+wBefore+dw, y, cw-5, h, 0.3)
	sx := x0 + gridW + 1
	c.font(fRegular, 5)
	c.cell(sx, y-2.6, fx+fw-sx-1, 2.4, "+/– SALDO ("+dl+"–"+cl+")", gopdf.Center|gopdf.Bottom)
	c.box(sx, y, fx+fw-sx-1.5, h, 0.3)
	if len(totals) == 2 {
		c.font(fSemiBold, 8)
		c.cell(x0+wBefore+0.6, y, dw-6.2, h, f24Amount(totals[0]), gopdf.Right|gopdf.Middle)
		c.cell(x0+wBefore+dw+0.6, y, cw-6.2, h, f24Amount(totals[1]), gopdf.Right|gopdf.Middle)
		c.cell(sx+0.6, y, fx+fw-sx-2.7, h, saldo(totals[0]-totals[1]), gopdf.Right|gopdf.Middle)
	}
}

// saldo prints a saldo with its sign: "+1137,43", "0,00" when even.
func saldo(v money.Cents) string {
	switch {
	case v > 0:
		return "+" + f24Amount(v)
	case v < 0:
		return "–" + f24Amount(-v)
	}
	return "0,00"
}

// f24Saldo draws the SALDO FINALE box.
func f24Saldo(c *canvas, y float64, v money.Cents) float64 {
	c.font(fBold, 7)
	c.text(fx+96, y+1.5, "SALDO FINALE")
	c.font(fSemiBold, 7)
	c.text(fx+124, y+1.5, "EURO")
	c.box(fx+134, y, 58, 6, 0.4)
	c.font(fBold, 10)
	c.cell(fx+135, y, 56, 6, saldo(v), gopdf.Right|gopdf.Middle)
	return y + 6
}

// f24Estremi draws the ESTREMI DEL VERSAMENTO, left blank for the bank,
// and the signature.
func f24Estremi(c *canvas, y float64) {
	const h = 19.0
	tab(c, fx, y, h, "ESTREMI DEL VERSAMENTO (DA COMPILARE A CURA DI BANCA/POSTE/AGENTE DELLA RISCOSSIONE)")
	row := y + 6
	field(c, fx+2, row, 28, 7, "DATA", "")
	field(c, fx+32, row, 60, 7, "CODICE BANCA/POSTE/AGENTE DELLA RISCOSSIONE", "")
	field(c, fx+94, row, 30, 7, "AZIENDA", "")
	field(c, fx+126, row, 30, 7, "CAB/SPORTELLO", "")
	c.font(fSemiBold, 6)
	c.text(fx+160, row, "FIRMA")
	c.line(fx+160, row+8, fx+fw-3, row+8, 0.25)
	c.font(fRegular, 5)
	c.text(fx+2, row+9, "AUTORIZZO ADDEBITO SU CONTO CORRENTE CODICE IBAN")
	c.box(fx+50, row+8.6, 104, 3.6, 0.2)
}
