package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// topicsData is the administrators' page of the topics and routing rules.
type topicsData struct {
	Topics  []store.AdminTopic
	Rows    []store.AdminTopic // the topics, each followed by its sub-topics
	Offices []registry.Office
	Office  map[string]string // office code -> name
	Form    topicForm
	Editing *store.AdminTopic // the topic of the edit form; nil: the form adds a topic
}

// topicForm is the form of a new topic or of a change, as typed.
type topicForm struct {
	Code, Parent, NameIT, NameEN, Sort, Office string
}

// topicFlashes are the outcomes the page announces.
var topicFlashes = map[string]string{"aggiunto": "admin.topics.flash_added", "modificato": "admin.topics.flash_saved",
	"disattivato": "admin.topics.flash_deactivated", "riattivato": "admin.topics.flash_activated"}

func (s *Server) topicStore() *store.CaseTopics { return store.NewCaseTopics(s.DB) }

// adminTopics shows the topics with their routing rules and the form that
// adds one, or, with ?modifica=CODE, the form that changes that one.
func (s *Server) adminTopics(w http.ResponseWriter, r *http.Request) {
	var f topicForm
	var editing *store.AdminTopic
	if code := r.URL.Query().Get("modifica"); code != "" {
		t, err := s.topicStore().Get(r.Context(), code)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		editing = &t
		f = topicForm{Code: t.Code, NameIT: t.NameIT, NameEN: t.NameEN, Sort: strconv.Itoa(t.Sort), Office: t.Route}
	} else {
		f.Parent = r.URL.Query().Get("ambito")
	}
	s.renderTopics(w, r, http.StatusOK, f, editing, nil)
}

func (s *Server) renderTopics(w http.ResponseWriter, r *http.Request, status int, f topicForm, editing *store.AdminTopic, problems map[string]string) {
	topics, err := s.topicStore().List(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	offices, err := s.Registry.Offices(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := topicsData{Topics: topics, Offices: offices, Office: map[string]string{}, Form: f, Editing: editing}
	for _, t := range topics {
		data.Rows = append(append(data.Rows, t), t.Items...)
	}
	for _, o := range offices {
		data.Office[o.Code] = o.Name
	}
	s.render(w, r, status, "fascicolo_ambiti", &View{Title: "admin.topics.title", Errors: problems,
		Flash: topicFlashes[r.URL.Query().Get("esito")], Data: data})
}

// topicOfForm reads the posted form; a sort order that is not a whole
// number is a field problem of its own.
func topicOfForm(r *http.Request) (store.TopicInput, topicForm, error) {
	f := topicForm{Code: r.PostFormValue("code"), Parent: r.PostFormValue("parent"), NameIT: r.PostFormValue("name_it"),
		NameEN: r.PostFormValue("name_en"), Sort: strings.TrimSpace(r.PostFormValue("sort")), Office: r.PostFormValue("office")}
	in := store.TopicInput{Code: f.Code, Parent: f.Parent, NameIT: f.NameIT, NameEN: f.NameEN, Office: f.Office}
	if f.Sort != "" {
		n, err := strconv.Atoi(f.Sort)
		if err != nil || n < 0 || n > 100_000 {
			v := &errs.Validation{}
			v.Add("sort", "admin.topics.error.sort")
			return in, f, v.Err()
		}
		in.Sort = n
	}
	return in, f, nil
}

// adminAudit is the access-log entry of an administrator's change; the
// store fills its action and detail.
func (s *Server) adminAudit(r *http.Request) audit.Entry {
	a := stateOf(r).actor
	return audit.Entry{At: s.Now(), ActorKind: string(a.Kind), ActorID: a.StaffID, ActorLabel: a.Label,
		ActingAs: a.Role, IP: clientIP(r)}
}

// adminTopicAdd adds a topic or a sub-topic; nothing is stored when a
// field is wrong.
func (s *Server) adminTopicAdd(w http.ResponseWriter, r *http.Request) {
	in, f, err := topicOfForm(r)
	if err == nil {
		err = s.topicStore().Add(r.Context(), in, s.adminAudit(r))
	}
	if errs.Is(err, errs.Invalid) {
		s.renderTopics(w, r, http.StatusUnprocessableEntity, f, nil, s.fieldErrors(r, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/ambiti?esito=aggiunto#ambito-"+url.QueryEscape(in.Code), http.StatusSeeOther)
}

// adminTopicUpdate renames or reorders a topic and sets its routing rule;
// nothing is stored when a field is wrong.
func (s *Server) adminTopicUpdate(w http.ResponseWriter, r *http.Request) {
	old, err := s.topicStore().Get(r.Context(), r.PostFormValue("code"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	in, f, err := topicOfForm(r)
	f.Code, in.Code = old.Code, old.Code
	if f.Sort == "" {
		in.Sort = old.Sort // an empty order keeps the topic where it is
	}
	if err == nil {
		err = s.topicStore().Update(r.Context(), in, s.adminAudit(r))
	}
	if errs.Is(err, errs.Invalid) {
		s.renderTopics(w, r, http.StatusUnprocessableEntity, f, &old, s.fieldErrors(r, err))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/fascicolo/ambiti?esito=modificato#ambito-"+url.QueryEscape(old.Code), http.StatusSeeOther)
}

// adminTopicActive deactivates (attivo=0) or reactivates (attivo=1) a topic.
func (s *Server) adminTopicActive(w http.ResponseWriter, r *http.Request) {
	code, active := r.PostFormValue("code"), r.PostFormValue("attivo") == "1"
	if err := s.topicStore().SetActive(r.Context(), code, active, s.adminAudit(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	outcome := "disattivato"
	if active {
		outcome = "riattivato"
	}
	http.Redirect(w, r, "/fascicolo/ambiti?esito="+outcome+"#ambito-"+url.QueryEscape(code), http.StatusSeeOther)
}
