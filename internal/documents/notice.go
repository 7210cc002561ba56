package documents

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// Notice is an avviso bonario or di addebito as a document.
type Notice struct {
	Head    Head
	Summary ledger.NoticeSummary
	Items   []NoticeItem
	Total   money.Cents // capital and sanctions asked for
	Parent  string      // an avviso di addebito: the number of its avviso bonario
}

// NoticeItem is one due the notice asks for.
type NoticeItem struct {
	Label      string
	Person     string
	Year       int
	Causale    string
	From, To   string
	DueDate    civil.Date
	CodiceINPS string
	Capital    money.Cents
	Sanction   money.Cents
}

// Notice assembles notice noticeID of pos; an errs.NotFound error when the
// position has no such notice.
func (a *Assembler) Notice(ctx context.Context, pos registry.PositionView, noticeID int64, asOf civil.Date) (Notice, error) {
	rec, err := a.Ledger.Records(ctx, pos.ID, 0)
	if err != nil {
		return Notice{}, err
	}
	s := ledger.NewSituation(rec, ledger.SituationOptions{AsOf: asOf})
	n, ok := findNotice(ledger.NoticeSummaries(s), noticeID)
	if !ok {
		return Notice{}, errs.Wrap(errs.NotFound, "documents.error.notice_not_found", fmt.Errorf("no notice %d on position %s", noticeID, pos.Number))
	}
	h, err := a.head(ctx, pos, n.IssuedOn)
	if err != nil {
		return Notice{}, err
	}
	doc := Notice{Head: h, Summary: n}
	for _, sum := range ledger.NoticeSummaries(s) {
		if sum.ID == n.ParentID {
			doc.Parent = sum.Number
		}
	}
	names := personNames(rec)
	for _, it := range items(s) {
		for _, l := range it.Notices {
			if l.NoticeID == noticeID {
				d := it.Due
				doc.Items = append(doc.Items, NoticeItem{Label: KindLabel(d.Kind), Person: names[d.PersonID].Name, Year: d.Year,
					Causale: d.Causale, From: d.PeriodFrom.F24(), To: d.PeriodTo.F24(), DueDate: d.DueDate, CodiceINPS: d.Codeline,
					Capital: l.Capital, Sanction: l.Sanction})
				doc.Total += l.Capital + l.Sanction
			}
		}
	}
	return doc, nil
}

func findNotice(list []ledger.NoticeSummary, id int64) (ledger.NoticeSummary, bool) {
	for _, n := range list {
		if n.ID == id {
			return n, true
		}
	}
	return ledger.NoticeSummary{}, false
}

// Title is the notice's name: "Avviso bonario n. … del …".
func (n Notice) Title() string {
	return ledger.NoticeTitle(ledger.Notice{Kind: n.Summary.Kind, Number: n.Summary.Number, IssuedOn: n.Summary.IssuedOn})
}
