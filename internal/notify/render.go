package notify

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"regexp"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Message is an event rendered for one recipient.
type Message struct {
	Subject string // e-mail subject and in-app title
	Text    string // e-mail text part and in-app body
	HTML    string // e-mail HTML part
	SMS     string // carries no personal data beyond the protocol number
}

// Renderer renders events. BaseURL makes the link of the e-mails absolute.
type Renderer struct {
	BaseURL     string
	Institution string
}

// fields are what the wording may use, taken from an event's payload.
type fields struct {
	Protocol, Subject, Position, Number, Title, Deadline, Change string
}

var protocolRe = regexp.MustCompile(`^[0-9]{4}-[0-9]{4}-[0-9]{7}$`)

func fieldsOf(kind, position, payload, lang string) fields {
	var p map[string]any
	_ = json.Unmarshal([]byte(payload), &p) // a broken payload renders with empty fields
	get := func(k string) string {
		if s, ok := p[k].(string); ok {
			return s
		}
		return ""
	}
	f := fields{Protocol: get("protocol"), Subject: get("subject"), Position: position, Number: get("number"),
		Title: get("title")}
	if !protocolRe.MatchString(f.Protocol) {
		f.Protocol = ""
	}
	if f.Position == "" {
		f.Position = get("position")
	}
	if d, err := civil.Parse(get("deadline")); err == nil && !d.IsZero() {
		f.Deadline = d.Italian()
	}
	if strings.HasPrefix(kind, TopicDelegation+".") {
		names := statusNames[lang]
		f.Change = names[get("from")] + " → " + names[get("to")]
		if f.Position == "" {
			f.Position = get("position_number")
		}
	}
	return f
}

// Lang returns lang if there are messages in it, else "it".
func Lang(lang string) string {
	if _, ok := wording[lang]; ok {
		return lang
	}
	return "it"
}

// Title returns the in-app title of an event in lang.
func Title(kind, position, payload, lang string) string {
	lang = Lang(lang)
	w, ok := wordingOf(kind, lang)
	if !ok {
		return kind
	}
	return execText(w.Subject, fieldsOf(kind, position, payload, lang))
}

// Body returns the in-app text of an event in lang.
func Body(kind, position, payload, lang string) string {
	lang = Lang(lang)
	w, ok := wordingOf(kind, lang)
	if !ok {
		return ""
	}
	return execText(w.Body, fieldsOf(kind, position, payload, lang))
}

// Render renders ev in lang: subject, text and HTML parts, and the SMS.
func (r Renderer) Render(ev Event, lang string) Message {
	lang = Lang(lang)
	w, _ := wordingOf(ev.Kind, lang)
	f := fieldsOf(ev.Kind, ev.PositionNumber, ev.Payload, lang)
	c := chrome[lang]
	link := strings.TrimRight(r.BaseURL, "/") + "/notifiche"
	m := Message{Subject: execText(w.Subject, f), SMS: execText(w.SMS, fields{Protocol: f.Protocol})}
	body := execText(w.Body, f)
	m.Text = c.Greeting + "\n\n" + wrap(body) + "\n\n" + wrap(c.Link+": "+link) + "\n\n-- \n" + r.Institution + "\n" + wrap(c.Footer) + "\n"
	var b bytes.Buffer
	_ = mailHTML.Execute(&b, map[string]string{"Lang": lang, "Subject": m.Subject, "Greeting": c.Greeting,
		"Body": body, "Link": link, "LinkText": c.Link, "Institution": r.Institution, "Footer": c.Footer})
	m.HTML = b.String()
	return m
}

func execText(src string, f fields) string {
	t, err := template.New("").Parse(src)
	if err != nil {
		return ""
	}
	var b strings.Builder
	if err := t.Execute(&b, f); err != nil {
		return ""
	}
	return b.String()
}

// mailHTML is the HTML part: every value is escaped; no script, no remote content.
var mailHTML = htmltemplate.Must(htmltemplate.New("mail").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body>
<p>{{.Greeting}}</p>
<p>{{.Body}}</p>
<p><a href="{{.Link}}">{{.LinkText}}</a></p>
<hr>
<p><small>{{.Institution}}<br>{{.Footer}}</small></p>
</body></html>
`))

// textWidth is the longest line of the text part, as mail programs expect.
const textWidth = 76

// wrap breaks s into lines of at most textWidth characters at spaces (a
// longer word stays whole).
func wrap(s string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		l := utf8.RuneCountInString(w)
		switch {
		case i == 0:
		case n+1+l > textWidth:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}
