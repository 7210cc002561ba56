package web

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cases"
)

// TestEveryCaseMessageIsTranslated checks the ids the case pages build at
// run time (states, esiti, actions, sorts, flashes, attachment rules) in
// both languages, and that both files hold the same ids.
func TestEveryCaseMessageIsTranslated(t *testing.T) {
	ids := []string{cases.MsgTooManyFiles, cases.MsgTooBig, cases.MsgNotZip, cases.MsgEntries, cases.MsgUncompressed,
		cases.MsgRatio, cases.MsgPath, cases.MsgType, cases.MsgContent, cases.MsgEncrypted, cases.MsgEmpty,
		cases.MsgTopic, cases.MsgSubtopic, cases.MsgSubject, cases.MsgText, cases.MsgTextLong, cases.MsgComment,
		cases.MsgEsito, cases.MsgOffice, cases.MsgAssignee, cases.MsgClosed, cases.MsgNotClosed, cases.MsgReopenLate,
		cases.MsgChanged, cases.MsgNoBlobs, "cases.menu", "cases.fascicolo_link"}
	for _, s := range cases.States {
		ids = append(ids, "cases.state."+string(s))
	}
	for _, e := range cases.Esiti {
		ids = append(ids, "cases.esito."+e)
	}
	for _, a := range []string{"take", "assign", "transfer", "close", "reopen"} {
		ids = append(ids, "cases.action."+a)
	}
	for _, s := range cases.Sorts {
		ids = append(ids, "cases.sort."+s)
	}
	for _, f := range caseFlashes {
		ids = append(ids, "cases.flash."+f)
	}
	it, en := catalogue(t, "it"), catalogue(t, "en")
	for _, id := range ids {
		if it[id] == "" || en[id] == "" {
			t.Errorf("message %s: it %q, en %q", id, it[id], en[id])
		}
	}
}
