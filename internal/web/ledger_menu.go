package web

import "github.com/cassetto-dev/cassetto/internal/access"

// menuItem is one entry of the position menu.
type menuItem struct {
	Active bool
	Href   string
	Label  string
}

// menuGroup is one group of the position menu: its heading's id and
// text, the width of its column on large screens, and its entries.
type menuGroup struct {
	ID, Label, Width string
	Items            []menuItem
}

// menuEntry is an entry of the position menu before it is translated:
// the section (View.Nav), the path under the position, the message id of
// its label, and whether only the titolare sees it.
type menuEntry struct {
	nav, path, label string
	titolareOnly     bool
}

// positionMenu is the position menu of everyone who sees the whole
// position: its groups' ids, their headings' message ids and entries.
var positionMenu = []struct {
	id, label, width string
	entries          []menuEntry
}{
	{"menu-position", "ledger.menu.position", "col-lg-3", []menuEntry{
		{"dashboard", "", "dashboard.title", false},
		{"anagrafica", "anagrafica", "anagrafica.title", false},
		{"richieste", "richieste", "cases.menu", false},
		{"accessi", "accessi", "ledger.menu.access_log", true},
		{"deleghe", "deleghe", "delegations.menu", true},
	}},
	{"menu-ledger", "ledger.menu.ledger", "col-lg-5", []menuEntry{
		{"situazione", "situazione", "ledger.menu.situation", false},
		{"estratto", "estratto-conto", "ledger.stmt.title", false},
		{"versamenti", "versamenti", "ledger.pay.title", false},
		{"quote", "quote", "ledger.menu.quotes", false},
		{"avvisi", "avvisi", "ledger.menu.notices", false},
		{"scadenze", "scadenze", "ledger.menu.deadlines", false},
	}},
	{"menu-documents", "ledger.menu.documents", "col-lg-4", []menuEntry{
		{"atti", "atti", "ledger.menu.acts", false},
		{"calcolatore", "calcolatore", "ledger.menu.calculator", false},
		{"codice-inps", "codice-inps", "ledger.menu.codeline", false},
		{"fascicolo.pdf", "fascicolo.pdf", "ledger.menu.print", false}, // a PDF: never the current page
	}},
}

// PositionMenu returns the groups of the position menu, translated, with
// the View's Nav marked as the current entry. A collaboratore (a citizen
// on his own position who is not its titolare) sees only his estratto
// conto: MenuRestricted.
func (v *View) PositionMenu() []menuGroup {
	base := "/posizioni/" + v.Position.Number + "/"
	titolare := v.IsTitolare()
	out := make([]menuGroup, 0, len(positionMenu))
	for _, g := range positionMenu {
		mg := menuGroup{ID: g.id, Label: v.T(g.label), Width: g.width, Items: make([]menuItem, 0, len(g.entries))}
		for _, e := range g.entries {
			if !e.titolareOnly || titolare {
				mg.Items = append(mg.Items, v.menuItem(e.nav, base+e.path, e.label))
			}
		}
		out = append(out, mg)
	}
	return out
}

// RestrictedMenu returns the one entry of a collaboratore's position menu.
func (v *View) RestrictedMenu() menuItem {
	return v.menuItem("estratto", "/posizioni/"+v.Position.Number+"/estratto-conto", "ledger.stmt.title")
}

// MenuRestricted reports whether the actor sees only his own estratto
// conto of the position: a citizen on his own position who is not its
// titolare (a collaboratore).
func (v *View) MenuRestricted() bool {
	return v.Actor.Kind == access.Citizen && v.Actor.Profile == access.Self && !v.IsTitolare()
}

// menuItem returns the entry for section nav linking to href, labelled
// with the message labelID.
func (v *View) menuItem(nav, href, labelID string) menuItem {
	return menuItem{Active: v.Nav == nav, Href: href, Label: v.T(labelID)}
}
