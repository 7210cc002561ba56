package web

import "github.com/cassetto-dev/cassetto/internal/ledger"

// dueLabel names a contribution due in the user's language: "Rata 2/2025
// contributi fissi", "Saldo 2025 …", "Primo acconto 2026 …".
func dueLabel(loc *Localizer, kind ledger.Kind, year int) string {
	switch {
	case kind.IsFixed():
		return loc.T("tools.due.rata", "N", kind.RataCode(), "Year", year)
	case kind == ledger.Saldo:
		return loc.T("tools.due.saldo", "Year", year)
	case kind == ledger.Acconto1:
		return loc.T("tools.due.acconto1", "Year", year)
	case kind == ledger.Acconto2:
		return loc.T("tools.due.acconto2", "Year", year)
	}
	return loc.T("tools.due.other", "Year", year)
}

// noticeLabel names a notice: "Avviso bonario n. AB/2026/000012".
func noticeLabel(loc *Localizer, kind ledger.NoticeKind, number string) string {
	if kind == ledger.AvvisoAddebito {
		return loc.T("tools.notice.addebito", "Number", number)
	}
	return loc.T("tools.notice.bonario", "Number", number)
}
