package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// caseService builds the cases' lifecycle on the server's database and
// blob store, with the configured settings (Deps.Cases; zero: defaults).
func (s *Server) caseService() *cases.Service {
	cfg := s.Cases
	if cfg.ReopenDays == 0 {
		cfg = cases.DefaultConfig
	}
	return &cases.Service{Store: store.NewCases(s.DB), Blobs: s.Blobs, Now: s.Now, Config: cfg}
}

// caseAuthor describes the actor of r for the thread and the audit log.
func caseAuthor(r *http.Request) cases.Author {
	st := stateOf(r)
	a := cases.Author{Kind: string(st.actor.Kind), ID: st.actor.PersonID, Name: st.name, Label: st.actor.Label, IP: clientIP(r)}
	switch {
	case st.actor.Kind == access.Staff:
		a.ID, a.ActingAs = st.actor.StaffID, st.actor.Role
	case st.actor.Profile == access.Intermediary:
		a.ActingAs = "intermediary"
	default:
		a.ActingAs = string(st.actor.Profile)
	}
	if a.Name == "" {
		a.Name = st.actor.Label
	}
	return a
}

// caseForm is what a case form sends: the fields and the zip attachments.
type caseForm struct {
	Topic, Subtopic, Subject, Text string
	Esito, Assignee, Office        string
	Act                            string // the staff form that sent it (its prefix on the page), "" for the others
	Uploads                        []cases.Upload
	TooBig                         bool // the request was larger than any allowed upload
}

// readCaseForm reads a multipart (or url-encoded) form; uploads larger
// than the cap are cut at cap+1 bytes so the check refuses them by size.
func readCaseForm(w http.ResponseWriter, r *http.Request, lim cases.Limits) caseForm {
	r.Body = http.MaxBytesReader(w, r.Body, int64(lim.MaxFiles+1)*lim.MaxSize+1<<20)
	err := r.ParseMultipartForm(8 << 20)
	f := caseForm{Topic: r.PostFormValue("ambito"), Subtopic: r.PostFormValue("sottoambito"),
		Subject: r.PostFormValue("oggetto"), Text: r.PostFormValue("testo"), Esito: r.PostFormValue("esito"),
		Assignee: r.PostFormValue("assegnatario"), Office: r.PostFormValue("sede")}
	if err != nil && !errors.Is(err, http.ErrNotMultipart) {
		f.TooBig = true
		return f
	}
	if r.MultipartForm == nil {
		return f
	}
	for _, fh := range r.MultipartForm.File["allegati"] {
		if fh.Filename == "" && fh.Size == 0 {
			continue // an empty file input
		}
		f.Uploads = append(f.Uploads, cases.Upload{Name: fh.Filename, Content: readPart(fh, lim.MaxSize+1)})
	}
	return f
}

func readPart(fh *multipart.FileHeader, max int64) []byte {
	f, err := fh.Open()
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, max))
	return b
}

// caseProblems translates the field problems of err; an attachment's
// refusal names the rule, the file and the file inside it.
func (s *Server) caseProblems(r *http.Request, err error, f caseForm, prefix string) map[string]string {
	out := map[string]string{}
	for k, v := range s.fieldErrors(r, err) {
		out[prefix+caseFormNames[k]] = v
	}
	loc := s.catalog.Localizer(s.catalog.Lang(r))
	var ae *cases.AttachmentError
	if errors.As(err, &ae) {
		msg := loc.T(ae.Rule, "File", ae.File, "Max", cases.DefaultLimits.MaxFiles, "MB", cases.DefaultLimits.MaxSize>>20)
		if ae.Inner != "" {
			msg += " " + loc.T("cases.attach.inner", "Inner", ae.Inner)
		}
		out[prefix+"allegati"] = msg
	}
	if f.TooBig {
		out[prefix+"allegati"] = loc.T("cases.attach.request_too_big", "Max", cases.DefaultLimits.MaxFiles, "MB", cases.DefaultLimits.MaxSize>>20)
	}
	return out
}

// caseFormNames maps the domain's fields to the forms' input names.
var caseFormNames = map[string]string{"topic": "ambito", "subtopic": "sottoambito", "subject": "oggetto",
	"text": "testo", "comment": "testo", "reason": "testo", "note": "testo", "esito": "esito", "office": "sede",
	"assignee": "assegnatario", "assegnatario": "assegnatario", cases.FieldFiles: "allegati"}

// pathID reads a numeric path value; ok is false when it is not one.
func pathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// sendAttachment streams a case's zip: always as an attachment, never
// sniffed, never cached.
func (s *Server) sendAttachment(w http.ResponseWriter, r *http.Request, c cases.Case, withNotes bool) {
	attID, ok := pathID(r, "att")
	if !ok || s.Blobs == nil {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	a, err := s.caseService().Store.Attachment(r.Context(), c.ID, attID, withNotes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rc, size, err := s.Blobs.Open(r.Context(), a.SHA256)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, cases.CleanFileName(a.Name)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	if _, err := io.Copy(w, rc); err != nil {
		s.Logger.Warn("case attachment: send", "request_id", stateOf(r).requestID, "err", err)
	}
}

// topicView is a topic as the forms and lists show it.
type topicView struct {
	Code, Name string
	Subs       []topicView
}

func topicViews(ts []cases.Topic, lang string) []topicView {
	out := make([]topicView, 0, len(ts))
	for _, t := range ts {
		v := topicView{Code: t.Code, Name: t.Name(lang)}
		for _, st := range t.Subs {
			v.Subs = append(v.Subs, topicView{Code: st.Code, Name: st.Name(lang)})
		}
		out = append(out, v)
	}
	return out
}

// topicNames maps every topic and sub-topic code to its name in lang.
func topicNames(ts []cases.Topic, lang string) map[string]string {
	out := map[string]string{}
	for _, t := range ts {
		out[t.Code] = t.Name(lang)
		for _, st := range t.Subs {
			out[st.Code] = st.Name(lang)
		}
	}
	return out
}

// matchTopic maps a context word (?ambito=dilazione) to a topic and
// sub-topic: a topic code, a sub-topic code, or a sub-topic code's last part.
func matchTopic(ts []cases.Topic, word string) (topic, sub string) {
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" {
		return "", ""
	}
	for _, t := range ts {
		if t.Code == word {
			return t.Code, ""
		}
		for _, st := range t.Subs {
			if st.Code == word || strings.HasSuffix(st.Code, "."+word) {
				return t.Code, st.Code
			}
		}
	}
	return "", ""
}

// caseOfPosition loads the case of the URL, answering 404 unless it
// belongs to the position of the URL.
func (s *Server) caseOfPosition(w http.ResponseWriter, r *http.Request) (cases.Case, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return cases.Case{}, false
	}
	c, err := s.caseService().Store.Get(r.Context(), id)
	if errs.Is(err, errs.NotFound) || err == nil && c.PositionID != stateOf(r).position.ID {
		s.renderError(w, r, http.StatusNotFound, "error.not_found")
		return c, false
	}
	if err != nil {
		s.fail(w, r, err)
		return c, false
	}
	return c, true
}
