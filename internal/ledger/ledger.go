package ledger

import (
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// Kind is the kind of a due.
type Kind string

// The kinds of dues.
const (
	Rata1      Kind = "rata1" // fixed rates on the minimale, by quarter
	Rata2      Kind = "rata2"
	Rata3      Kind = "rata3"
	Rata4      Kind = "rata4"
	Saldo      Kind = "saldo"    // above-minimale contribution of the year, with the income tax
	Acconto1   Kind = "acconto1" // first advance on next year's above-minimale contribution
	Acconto2   Kind = "acconto2" // second advance
	Sanction   Kind = "sanction" // sanzioni civili on a late or unpaid due (parent)
	Instalment Kind = "instalment"
	Correction Kind = "correction" // a signed change of the parent due's amount, with a reason
)

// FixedRate returns the kind of fixed rate n (1–4).
func FixedRate(n int) Kind {
	switch n {
	case 1:
		return Rata1
	case 2:
		return Rata2
	case 3:
		return Rata3
	case 4:
		return Rata4
	}
	return Kind(fmt.Sprintf("rata%d", n))
}

// IsFixed reports whether k is one of the four fixed rates.
func (k Kind) IsFixed() bool { return k == Rata1 || k == Rata2 || k == Rata3 || k == Rata4 }

// IsContribution reports whether k is contribution (credited to the
// estratto conto), not sanctions, interest or instalments.
func (k Kind) IsContribution() bool {
	return k.IsFixed() || k == Saldo || k == Acconto1 || k == Acconto2
}

// RataCode returns the rata digit of the codice INPS (RULES P5): 1–4 fixed
// rates, 5 saldo, 6 acconto 1, 7 acconto 2, 8 dilazione, 9 other.
func (k Kind) RataCode() int {
	switch k {
	case Rata1:
		return 1
	case Rata2:
		return 2
	case Rata3:
		return 3
	case Rata4:
		return 4
	case Saldo:
		return 5
	case Acconto1:
		return 6
	case Acconto2:
		return 7
	case Instalment:
		return 8
	}
	return 9
}

// Causale returns the F24 causale of a due of kind k in gestione g (RULES P8):
// AF/CF fixed rates, AP/CP above the minimale, AD/CD instalments. Sanctions
// and corrections take their parent's causale.
func Causale(g contrib.Gestione, k Kind) string {
	prefix := "A"
	if g == contrib.CO {
		prefix = "C"
	}
	switch {
	case k.IsFixed():
		return prefix + "F"
	case k == Saldo || k == Acconto1 || k == Acconto2:
		return prefix + "P"
	case k == Instalment:
		return prefix + "D"
	}
	return ""
}

// Due is something a person owes on a position: immutable once written.
type Due struct {
	ID          int64
	NaturalKey  string // unique: the batch that wrote it and what for
	PositionID  int64
	PersonID    int64
	SubjectCode int // 10 titolare, 11–19 collaboratori
	Year        int // contribution year
	Kind        Kind
	Causale     string
	PeriodFrom  contrib.YearMonth
	PeriodTo    contrib.YearMonth
	DueDate     civil.Date
	Amount      money.Cents
	Maternity   money.Cents // the maternity part of Amount (fixed rates)
	Codeline    string      // the codice INPS to pay it with (17 digits), "" when none
	ParentID    int64       // Sanction, Correction: the due they refer to
	Reason      string
	Settlement  bool // eligible for a settlement scheme (rottamazione)
	CreatedAt   time.Time
}

// PeriodInYear reports whether the period of d lies within its
// contribution year, as every due's does: a fixed rate's quarter, the
// months of a saldo or of the acconti of their year, a sanction's or a
// correction's parent's period. The store refuses a due that breaks it,
// and the matching of payments relies on it to read only the years of a
// payment's period.
func (d Due) PeriodInYear() bool {
	return d.PeriodFrom.Year == d.Year && d.PeriodTo.Year == d.Year
}

// Payment is one F24 sezione INPS line.
type Payment struct {
	ID            int64
	LineKey       string // unique: the line's content and its occurrence in the file
	PaidOn        civil.Date
	CodiceFiscale string
	PersonID      int64 // 0 when the codice fiscale is not in the registry
	PositionID    int64 // 0 when not resolved
	CodiceSede    string
	Causale       string
	CodiceINPS    string
	PeriodFrom    contrib.YearMonth
	PeriodTo      contrib.YearMonth
	Debit         money.Cents // importo a debito: paid
	Credit        money.Cents // importo a credito: a credit used in offset
	Source        string      // file name
	SourceLine    int
	ReconciledAt  time.Time // zero until reconciliation has run for it
	CreatedAt     time.Time
}

// Allocation assigns part of a payment to a due.
type Allocation struct {
	ID        int64
	PaymentID int64
	DueID     int64
	Amount    money.Cents
	Method    string // codeline, match, offset, manual
	CreatedAt time.Time
}

// Allocation methods.
const (
	ByCodeline = "codeline" // the payment's codice INPS names the due
	ByMatch    = "match"    // same codice fiscale, causale and period
)

// Income is a person's income of a year, as declared.
type Income struct {
	ID          int64
	PersonID    int64
	Year        int
	Income      money.Cents
	Forfettario bool
	Source      string
}

// NoticeKind is the kind of a collection notice.
type NoticeKind string

// The notice kinds (RULES P7).
const (
	AvvisoBonario  NoticeKind = "avviso_bonario"
	AvvisoAddebito NoticeKind = "avviso_addebito"
)

// Notice is a collection notice on a position.
type Notice struct {
	ID         int64
	NaturalKey string
	PositionID int64
	Kind       NoticeKind
	Number     string
	IssuedOn   civil.Date
	Deadline   civil.Date
	Capital    money.Cents
	Sanctions  money.Cents
	Interest   money.Cents
	ParentID   int64 // an avviso di addebito: the avviso bonario it follows
	Items      []NoticeItem
}

// NoticeItem is one due a notice asks for.
type NoticeItem struct {
	DueID    int64
	Capital  money.Cents
	Sanction money.Cents
}

// Document is a document issued to a position (atti emessi).
type Document struct {
	ID         int64
	NaturalKey string
	PositionID int64
	Kind       string // lettera_informativa, avviso_bonario, avviso_addebito, …
	Title      string
	RefID      int64
	IssuedOn   civil.Date
	ReadAt     time.Time
}

// Event is a fact for the notification outbox.
type Event struct {
	ID         int64
	NaturalKey string
	Kind       string // e.g. notice.issued
	PositionID int64
	RefID      int64
	Payload    string // JSON
}
