// Package registry holds the registry of the Cassetto: offices (sedi),
// persons, positions in a gestione (AR, CO, and any gestione added later),
// members of the business (collaboratori) and contact data with history.
// It declares the storage it needs (Store) and validates what users enter.
package registry
