package registry

// The channels of the contact data a code verifies, named as the
// notifications name them.
const (
	ChannelEmail  = "email"
	ChannelMobile = "sms"
)

// The problems of a verification code, message ids of the user interface.
const (
	MsgCodeNone     = "notify.verify.error.none"
	MsgCodeExpired  = "notify.verify.error.expired"
	MsgCodeAttempts = "notify.verify.error.attempts"
	MsgCodeWrong    = "notify.verify.error.wrong"
	MsgCodeVerified = "notify.verify.error.verified"
	MsgCodeWait     = "notify.verify.error.wait"
)

// NotifyEmail is the address the notifications' e-mail goes to: the
// e-mail, or the PEC when there is no e-mail.
func (c Contact) NotifyEmail() string {
	if c.Email != "" {
		return c.Email
	}
	return c.PEC
}

// Address returns the address of channel ("" when there is none).
func (c Contact) Address(channel string) string {
	if channel == ChannelMobile {
		return c.Mobile
	}
	return c.NotifyEmail()
}

// Verified reports whether the address of channel is verified.
func (c Contact) Verified(channel string) bool {
	if channel == ChannelMobile {
		return c.MobileVerified
	}
	return c.EmailVerified
}

// CodeField is the form field of the code of channel.
func CodeField(channel string) string { return "code_" + channel }
