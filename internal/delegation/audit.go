package delegation

import "fmt"

// statusIT names the states in the audit log, which is written in Italian
// like every other detail of the log.
var statusIT = map[Status]string{Pending: "in attesa di accettazione", Active: "attiva", Rejected: "rifiutata",
	Expired: "scaduta", Revoked: "revocata dal titolare", Renounced: "rinunciata dall'intermediario"}

// AuditDetail is the detail of the audit entry of c on d, e.g. "delega 12
// a Francesca Romano (RMNFNC70S48F205X): in attesa di accettazione → attiva".
func AuditDetail(d Delegation, c Change) string {
	s := fmt.Sprintf("delega %d a %s (%s): ", d.ID, d.Intermediary.Name, d.Intermediary.CodiceFiscale)
	if c.From == "" {
		s += "creata, " + statusIT[c.To]
	} else {
		s += statusIT[c.From] + " → " + statusIT[c.To]
	}
	if c.Note != "" {
		s += "; motivo: " + c.Note
	}
	return s
}
