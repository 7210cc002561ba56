package web

import "github.com/cassetto-dev/cassetto/internal/access"

// toolRoutes are the utilities, the deadlines with their calendar feed and
// the news.
func (s *Server) toolRoutes() []route {
	return []route{
		{pattern: "GET /posizioni/{num}/calcolatore", action: access.ViewPosition, detail: "calcolatore contributi", handler: s.calculator},
		{pattern: "GET /posizioni/{num}/codice-inps", action: access.ViewPosition, detail: "codice INPS per altro importo", handler: s.codeTool},
		{pattern: "GET /posizioni/{num}/scadenze", action: access.ViewPosition, detail: "scadenze", handler: s.deadlinesPage},

		{pattern: "GET /calendario", action: access.CitizenOnly, handler: s.calendarPage},
		{pattern: "POST /calendario", action: access.CitizenOnly, handler: s.calendarCreate},
		{pattern: "POST /calendario/revoca", action: access.CitizenOnly, handler: s.calendarRevoke},
		{pattern: "GET /calendario/{token}", action: access.Public, handler: s.calendarFeed},

		{pattern: "GET /notizie", action: access.Public, handler: s.newsList},
		{pattern: "GET /notizie/feed", action: access.Public, handler: s.newsFeed},
		{pattern: "GET /notizie/{id}", action: access.Public, handler: s.newsItem},

		{pattern: "GET /fascicolo/notizie", action: access.AdminOnly, handler: s.adminNewsList},
		{pattern: "GET /fascicolo/notizie/nuova", action: access.AdminOnly, handler: s.adminNewsNew},
		{pattern: "POST /fascicolo/notizie", action: access.AdminOnly, handler: s.adminNewsCreate},
		{pattern: "GET /fascicolo/notizie/{id}", action: access.AdminOnly, handler: s.adminNewsEdit},
		{pattern: "POST /fascicolo/notizie/{id}", action: access.AdminOnly, handler: s.adminNewsUpdate},
		{pattern: "POST /fascicolo/notizie/{id}/pubblicazione", action: access.AdminOnly, handler: s.adminNewsPublish},
	}
}
