// Package news is the circolari, messaggi and notizie the administrators
// publish for contributors (M14): the item, its validation, its Markdown
// body rendered safely (no raw HTML, no javascript: links) and the Store it
// needs. The SQL lives in internal/store (news.go).
package news
