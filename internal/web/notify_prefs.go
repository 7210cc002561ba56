package web

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// notifyPrefsData is the preferences form: the language of the messages,
// a channel per topic, and the contact data the messages go to.
type notifyPrefsData struct {
	Lang   string
	Topics []notifyTopic
	Email  string
	Mobile string
}

// notifyTopic is one row of the form, its label translated.
type notifyTopic struct {
	Key, Field, Label string
	Channel           notify.Channel
}

// notifyTopicLabels are the message ids of the topics.
var notifyTopicLabels = map[string]string{
	notify.CaseRegistered: "notify.topic.case_registered", notify.CaseRouted: "notify.topic.case_routed",
	notify.CaseTaken: "notify.topic.case_taken", notify.CaseReply: "notify.topic.case_reply",
	notify.CaseClosed: "notify.topic.case_closed", notify.CaseOfficeMessage: "notify.topic.case_office_message",
	notify.CaseReopened: "notify.topic.case_reopened",
	notify.NoticeIssued: "notify.topic.notice_issued", notify.TopicDelegation: "notify.topic.delegation",
}

// notifyTopicField is the form field of a topic: letters and underscores only.
func notifyTopicField(topic string) string {
	b := []byte("ch_" + topic)
	for i, c := range b {
		if c == '.' {
			b[i] = '_'
		}
	}
	return string(b)
}

func (s *Server) notifyPrefsPage(w http.ResponseWriter, r *http.Request) {
	lang, prefs, err := s.notifications().Preferences(r.Context(), stateOf(r).actor.PersonID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if lang == "" {
		lang = s.catalog.Lang(r)
	}
	v := &View{Title: "notify.prefs.title"}
	if r.URL.Query().Get("esito") == "salvate" {
		v.Flash = "notify.flash_saved"
	}
	s.renderNotifyPrefs(w, r, v, http.StatusOK, lang, prefs)
}

func (s *Server) renderNotifyPrefs(w http.ResponseWriter, r *http.Request, v *View, status int, lang string, prefs map[string]notify.Channel) {
	c, err := s.Registry.CurrentContact(r.Context(), stateOf(r).actor.PersonID)
	if err != nil && !errs.Is(err, errs.NotFound) {
		s.fail(w, r, err)
		return
	}
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	d := notifyPrefsData{Lang: lang, Email: contactEmail(c), Mobile: c.Mobile}
	for _, t := range notify.Topics {
		ch, ok := prefs[t]
		if !ok {
			ch = notify.DefaultChannel
		}
		d.Topics = append(d.Topics, notifyTopic{Key: t, Field: notifyTopicField(t), Label: loc.T(notifyTopicLabels[t]), Channel: ch})
	}
	v.Data = d
	s.render(w, r, status, "notifiche_preferenze", v)
}

func contactEmail(c registry.Contact) string {
	if c.Email != "" {
		return c.Email
	}
	return c.PEC
}

// notifyPrefsSave checks every choice and stores them all, or nothing.
func (s *Server) notifyPrefsSave(w http.ResponseWriter, r *http.Request) {
	personID := stateOf(r).actor.PersonID
	c, err := s.Registry.CurrentContact(r.Context(), personID)
	if err != nil && !errs.Is(err, errs.NotFound) {
		s.fail(w, r, err)
		return
	}
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	problems := map[string]string{}
	lang := r.PostFormValue("lang")
	if lang != "it" && lang != "en" {
		problems["lang"] = loc.T("notify.prefs.bad_lang")
	}
	prefs := map[string]notify.Channel{}
	for _, t := range notify.Topics {
		f := notifyTopicField(t)
		ch, ok := notify.ParseChannel(r.PostFormValue(f))
		switch {
		case !ok:
			problems[f] = loc.T("notify.prefs.bad_channel")
		case ch == notify.SMS && c.Mobile == "":
			problems[f] = loc.T("notify.prefs.no_mobile")
		}
		prefs[t] = ch
	}
	if len(problems) > 0 {
		if lang != "en" {
			lang = "it"
		}
		s.renderNotifyPrefs(w, r, &View{Title: "notify.prefs.title", Errors: problems}, http.StatusUnprocessableEntity, lang, prefs)
		return
	}
	if err := s.notifications().SavePreferences(r.Context(), personID, lang, prefs, s.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/notifiche/preferenze?esito=salvate", http.StatusSeeOther)
}
