package quote

// indirect finds reported speech without quotation marks.
func (a *article) indirect() {}
