package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// statementData is the estratto conto (M4) of the persons the actor may
// see: every person of the position, or a collaboratore's own (M10).
type statementData struct {
	Persons  []personChart
	Years    int // person-years shown
	Insured  int
	Credited int
	Paid     money.Cents
	OwnOnly  bool // a collaboratore: only his own rows
}

// personChart is one person's estratto conto with its bar chart.
type personChart struct {
	ledger.PersonStatement
	Bars    []chartBar
	Desc    string        // the chart's data in words, for its <desc>
	BarsSVG template.HTML // the bars (statementBars)
	Rows    template.HTML // the table's rows (statementRows)
}

// The geometry of the chart, in SVG user units: a 12-month axis.
const (
	chartWidth  = 600
	chartLeft   = 40 // room for the axis labels
	chartTop    = 28 // room for the labels above the bars
	chartMonth  = 15 // height of one month
	chartBottom = 30 // room for the years
	chartHeight = chartTop + 12*chartMonth + chartBottom
	chartBase   = chartTop + 12*chartMonth // the y of the axis
	chartYearY  = chartBase + 20           // the y of the year labels
)

// chartBar is one year of the chart: the insured months behind, the
// credited months in front, the label above and the year below.
type chartBar struct {
	Year                 int
	X, W, Mid            int
	InsuredY, InsuredH   int
	CreditedY, CreditedH int
	LabelY               int
	Credited, Insured    int
}

// newPersonChart lays out the bars of one person's years.
func newPersonChart(p ledger.PersonStatement) personChart {
	c := personChart{PersonStatement: p}
	n := max(1, len(p.Years))
	slot := (chartWidth - chartLeft) / n
	w := min(60, slot*3/5)
	var desc []string
	for i, y := range p.Years {
		b := chartBar{Year: y.Year, X: chartLeft + i*slot + (slot-w)/2, W: w, Credited: y.Credited, Insured: y.Insured}
		b.Mid = b.X + w/2
		b.InsuredH, b.CreditedH = y.Insured*chartMonth, y.Credited*chartMonth
		b.InsuredY, b.CreditedY = chartBase-b.InsuredH, chartBase-b.CreditedH
		b.LabelY = b.InsuredY - 6
		c.Bars = append(c.Bars, b)
		desc = append(desc, strconv.Itoa(y.Year)+": "+strconv.Itoa(y.Credited)+"/"+strconv.Itoa(y.Insured))
	}
	c.Desc = strings.Join(desc, "; ")
	c.BarsSVG = statementBars(c.Bars)
	return c
}

// ChartHeight, ChartBase and the other geometry for the template.
func (statementData) ChartHeight() int { return chartHeight }

// ChartBase is the y of the axis.
func (statementData) ChartBase() int { return chartBase }

// ChartTop is the y of the 12-month line.
func (statementData) ChartTop() int { return chartTop }

// ChartMid is the y of the 6-month line.
func (statementData) ChartMid() int { return chartTop + 6*chartMonth }

// statement renders the estratto conto: a chart and a table per person.
func (s *Server) statement(w http.ResponseWriter, r *http.Request) {
	rec, err := s.ledgerRecords(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := ledger.NewStatement(rec, s.Params)
	self, ownOnly := s.statementViewer(r)
	data := statementData{OwnOnly: ownOnly}
	loc := s.localizer(r)
	for _, p := range st.Persons {
		if ownOnly && p.Person.ID != self {
			continue
		}
		c := newPersonChart(p)
		c.Rows = statementRows(loc, p.Years)
		data.Persons = append(data.Persons, c)
		data.Years += len(p.Years)
		data.Insured += p.Insured
		data.Credited += p.Credited
		data.Paid += p.Paid
	}
	s.render(w, r, http.StatusOK, "estratto_conto", &View{Title: "ledger.stmt.title", Nav: "estratto", Data: data})
}

// statementViewer says whether the actor may see only his own estratto
// conto (a collaboratore, M10), and who he is. The titolare, delegated
// intermediaries and staff see every person of the position.
func (s *Server) statementViewer(r *http.Request) (int64, bool) {
	st := stateOf(r)
	if st.actor.IsTitolareOf(st.facts) || s.may(r, access.ViewPosition) {
		return 0, false
	}
	return st.actor.PersonID, true
}
