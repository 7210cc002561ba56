package delegation

// Message ids of the errors the package returns (locales/delegations.*.json).
const (
	MsgCFRequired      = "delegations.error.cf_required"
	MsgNotIntermediary = "delegations.error.not_intermediary"
	MsgSelf            = "delegations.error.self"
	MsgDuplicate       = "delegations.error.duplicate"
	MsgScope           = "delegations.error.scope"
	MsgDate            = "delegations.error.date"
	MsgEndPast         = "delegations.error.end_past"
	MsgStartFuture     = "delegations.error.start_future"
	MsgStartRequired   = "delegations.error.start_required"
	MsgNoteTooLong     = "delegations.error.note_too_long"
	MsgDocRequired     = "delegations.error.document_required"
	MsgDocType         = "delegations.error.document_type"
	MsgDocSize         = "delegations.error.document_size"
	MsgNotFound        = "delegations.error.not_found"
	MsgInviteExpired   = "delegations.error.invite_expired"
	MsgNotPending      = "delegations.error.not_pending"
	MsgNotActive       = "delegations.error.not_active"
	MsgChanged         = "delegations.error.changed"
)

// Messages lists every message id above, for the translation test.
var Messages = []string{MsgCFRequired, MsgNotIntermediary, MsgSelf, MsgDuplicate, MsgScope, MsgDate, MsgEndPast,
	MsgStartFuture, MsgStartRequired, MsgNoteTooLong, MsgDocRequired, MsgDocType, MsgDocSize,
	MsgNotFound, MsgInviteExpired, MsgNotPending, MsgNotActive, MsgChanged, MsgPositionUnknown}

// MsgPositionUnknown is the office form's problem for a position number
// that does not exist or is not of the operator's office.
const MsgPositionUnknown = "delegations.error.position_unknown"
