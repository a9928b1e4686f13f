package corpus

import "fmt"

// Severity says what a Problem did to the work.
type Severity int

const (
	// Skipped means a file was passed over on purpose: an unsupported
	// format, an empty or binary file. Nothing failed.
	Skipped Severity = iota
	// Warning means the article was read, with a caveat the user should
	// know about, such as bytes that are not valid UTF-8.
	Warning
	// Failed means a file or record could not be read and is not indexed.
	Failed
)

func (s Severity) String() string {
	switch s {
	case Skipped:
		return "skipped"
	case Warning:
		return "warning"
	}
	return "failed"
}

// Problem is something wrong with the input, reported with the file and,
// where there is one, the line, so the user can go and look.
type Problem struct {
	Path     string
	Line     int // 1-based; 0 when the problem is with the whole file
	Severity Severity
	// Reason is a short label for summaries: "unsupported format .pdf",
	// "empty file", "malformed JSON".
	Reason string
	// Detail says more where there is more to say, such as the parser's
	// own message.
	Detail string
	// Stopped says the file could not be read to its end, or at all: what
	// follows this point in it, if anything, was not seen, so nothing can
	// be concluded about it. A Failed problem without Stopped concerns one
	// record, and the rest of the file was read.
	Stopped bool
}

// Error writes the problem as "path:line: reason: detail".
func (p Problem) Error() string {
	where := p.Path
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	if p.Detail != "" {
		return fmt.Sprintf("%s: %s: %s", where, p.Reason, p.Detail)
	}
	return fmt.Sprintf("%s: %s", where, p.Reason)
}
