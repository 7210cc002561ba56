package association

// Message ids of the errors the package returns (locales/associations.*.json).
const (
	MsgNotAssociation  = "associations.error.not_association"
	MsgCFRequired      = "associations.error.cf_required"
	MsgPersonUnknown   = "associations.error.person_unknown"
	MsgAlreadyStaff    = "associations.error.already_staff"
	MsgSelfStaff       = "associations.error.self_staff"
	MsgPositionUnknown = "associations.error.position_unknown"
	MsgChoose          = "associations.error.choose"
	MsgAlreadyAssigned = "associations.error.already_assigned"
	MsgNotActive       = "associations.error.not_active"
)

// Messages lists every message id above, for the translation test.
var Messages = []string{MsgNotAssociation, MsgCFRequired, MsgPersonUnknown, MsgAlreadyStaff, MsgSelfStaff,
	MsgPositionUnknown, MsgChoose, MsgAlreadyAssigned, MsgNotActive}
