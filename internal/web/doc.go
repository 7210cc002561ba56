// Package web is the HTML door of the server: the Cassetto for titolari,
// collaboratori and intermediari, and the Fascicolo for office staff. It
// reads the request, asks the access policy, calls the domain and renders a
// server-side template; it holds no business rules. Every route declares the
// action it needs (routes.go); errors map to HTTP in one place (errors.go).
package web
