package web

// menuItem is one entry of the position menu.
type menuItem struct {
	Active bool
	Href   string
	Label  string
}

// MenuItem returns the entry of the position menu for section nav (the
// View's Nav marks the current one), linking to href, labelled with the
// message labelID.
func (v *View) MenuItem(nav, href, labelID string) menuItem {
	return menuItem{Active: v.Nav == nav, Href: href, Label: v.T(labelID)}
}
