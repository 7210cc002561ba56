package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/documents"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// documentsUsage is the command line of the documents command.
const documentsUsage = "print a position's documents as PDF, for bulk printing: documents f24 --position N --year Y --rata 1-4|saldo|acconto1|acconto2 -o FILE | " +
	"documents letter --position N --year Y -o FILE | documents statement --position N -o FILE | documents dossier --position N -o FILE (-o - writes to standard output)"

// documentsFlags are the inputs of "documents KIND".
type documentsFlags struct {
	kind, number, rata, out string
	year                    int
	asOf                    civil.Date
}

// runDocuments makes one document of one position.
func runDocuments(ctx context.Context, env Env) error {
	f, resolve, err := parseDocuments(env)
	if err != nil {
		return err
	}
	cfg, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	reg := store.NewRegistry(db, time.Now)
	pos, err := reg.PositionByNumber(ctx, f.number)
	if errs.Is(err, errs.NotFound) {
		return fmt.Errorf("documents %s: position %s: not found in this database", f.kind, f.number)
	}
	if err != nil {
		return err
	}
	asm := &documents.Assembler{Ledger: store.NewLedgerReader(db), Registry: reg, Params: contrib.Default(), Institution: cfg.InstitutionName}
	var buf bytes.Buffer
	if err := drawDocument(ctx, &buf, asm, pos, f, cfg.InstitutionName); err != nil {
		return fmt.Errorf("documents %s: %s", f.kind, explain(err))
	}
	if f.out == "-" {
		_, err = buf.WriteTo(env.Stdout)
		return err
	}
	if err := os.WriteFile(f.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("documents %s: %w", f.kind, err)
	}
	fmt.Fprintf(env.Stderr, "documents %s: position %s written to %s (%d bytes)\n", f.kind, f.number, f.out, buf.Len())
	return nil
}

// drawDocument assembles and draws the document f asks for.
func drawDocument(ctx context.Context, buf *bytes.Buffer, asm *documents.Assembler, pos registry.PositionView, f documentsFlags, author string) error {
	meta := func(title string) documents.Meta {
		return documents.Meta{Title: title + " — posizione " + pos.Number, Subject: title, Author: author, Created: time.Now()}
	}
	switch f.kind {
	case "f24":
		form, err := asm.F24ForRate(ctx, pos, f.asOf, f.year, ledger.Kind(f.rata))
		if err != nil {
			return err
		}
		return documents.WriteF24(buf, form, meta(fmt.Sprintf("Modello F24 %d %s", f.year, documents.KindLabel(ledger.Kind(f.rata)))))
	case "letter":
		l, err := asm.Letter(ctx, pos, f.year, f.asOf)
		if err != nil {
			return err
		}
		return documents.WriteLetter(buf, l, meta(fmt.Sprintf("Lettera informativa %d", f.year)))
	case "statement":
		s, err := asm.Statement(ctx, pos, f.asOf, 0)
		if err != nil {
			return err
		}
		return documents.WriteStatement(buf, s, meta("Estratto conto previdenziale"))
	}
	d, err := asm.Dossier(ctx, pos, f.asOf)
	if err != nil {
		return err
	}
	return documents.WriteDossier(buf, d, meta("Fascicolo"))
}

// explain returns the human cause of an error of the documents package.
func explain(err error) string {
	var e *errs.Error
	if errors.As(err, &e) && e.Err != nil {
		return e.Err.Error()
	}
	return err.Error()
}

// parseDocuments reads "documents KIND" and its flags.
func parseDocuments(env Env) (documentsFlags, func(func(string) string) (config.Config, error), error) {
	var f documentsFlags
	if len(env.Args) == 0 {
		return f, nil, Usagef("documents: say f24, letter, statement or dossier")
	}
	f.kind = env.Args[0]
	if f.kind != "f24" && f.kind != "letter" && f.kind != "statement" && f.kind != "dossier" {
		return f, nil, Usagef("documents: unknown document %q: say f24, letter, statement or dossier", f.kind)
	}
	fs := newFlagSet("documents "+f.kind, env)
	resolve := config.RegisterFlags(fs)
	fs.StringVar(&f.number, "position", "", "8-digit position number")
	fs.IntVar(&f.year, "year", 0, "contribution year (f24, letter)")
	fs.StringVar(&f.rata, "rata", "", "f24: 1, 2, 3, 4, saldo, acconto1 or acconto2")
	fs.StringVar(&f.out, "o", "", "output file, - for standard output")
	asOf := fs.String("as-of", "", "date of the document, YYYY-MM-DD (default today)")
	if err := parseFlags(fs, env.Args[1:]); err != nil {
		return f, nil, err
	}
	return f, resolve, f.check(*asOf)
}

// check validates the flags, naming the one that is wrong.
func (f *documentsFlags) check(asOf string) error {
	name := "documents " + f.kind
	needsYear := f.kind == "f24" || f.kind == "letter"
	switch {
	case !positionNumberRe.MatchString(f.number):
		return Usagef("%s: --position wants the 8-digit position number, e.g. 10000002", name)
	case needsYear && (f.year < 2000 || f.year > 2999):
		return Usagef("%s: --year wants a contribution year, like 2025", name)
	case f.out == "":
		return Usagef("%s: -o wants a file name, or - for standard output", name)
	}
	if f.kind == "f24" {
		kind, ok := rataKind(f.rata)
		if !ok {
			return Usagef("%s: --rata wants 1, 2, 3, 4, saldo, acconto1 or acconto2", name)
		}
		f.rata = string(kind)
	}
	f.asOf = civil.Of(time.Now())
	if asOf != "" {
		d, err := civil.Parse(asOf)
		if err != nil {
			return Usagef("%s: --as-of wants a date as YYYY-MM-DD, like 2026-03-16", name)
		}
		f.asOf = d
	}
	return nil
}

// rataKind reads --rata: a fixed rate 1–4, or saldo, acconto1, acconto2.
func rataKind(s string) (ledger.Kind, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return ledger.FixedRate(n), n >= 1 && n <= 4
	}
	switch k := ledger.Kind(s); k {
	case ledger.Saldo, ledger.Acconto1, ledger.Acconto2:
		return k, true
	}
	return "", false
}
