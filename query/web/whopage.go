package web

import (
	"net/http"

	"github.com/parleysearch/parley/query"
)

// whoView is the "did X say Y?" page: the claim box and, once a claim is
// given, the verdict, the word diff, the speaker, the first appearance
// and the reprints.
type whoView struct {
	page
	Req    query.WhoRequest
	Result *query.WhoResult
	// Problem is why a claim could not be checked (no words in it, say).
	Problem string
	Verdict verdictView
	Best    *whoMatchView
	First   *appearance
	Reprint []appearance
	Others  []whoMatchView
}

// verdictView says a verdict in words, with a class for its colour.
type verdictView struct {
	Code  string
	Label string
	Say   string
}

// verdictFor says a verdict as a person reads it.
func verdictFor(code string) verdictView {
	switch code {
	case query.Verbatim:
		return verdictView{code, "Verbatim", "These are the words as reported."}
	case query.Partial:
		return verdictView{code, "Partial", "These words are part of a longer quotation, as reported."}
	case query.Altered:
		return verdictView{code, "Altered", "The reported words differ from the claim."}
	case query.OtherSpeaker:
		return verdictView{code, "Attributed to someone else", "The words were reported, but from someone other than the claim says."}
	}
	return verdictView{query.NotFound, "Not found", "Nothing in the index carries these words."}
}

// whoMatchView is one place the claim's words were found.
type whoMatchView struct {
	query.WhoMatch
	Speakers []speakerLink
	Source   []query.Segment
	At       string // the document page, the words marked
	// Changed is set when the diff has words to show as changed.
	Changed bool
}

// appearance is an article that carries the words, linked at them.
type appearance struct {
	query.QuoteOf
	At string
}

// whoPageLimit is how many matches the page asks for: more than it
// shows, so that the first appearance and the reprints can be linked at
// the words themselves.
const whoPageLimit = 50

// whoShown is how many other matches the page lists.
const whoShown = 5

func (s *Server) whoPage(w http.ResponseWriter, r *http.Request) {
	req, err := parseWho(r.URL.Query(), s.searchTimeout())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	view := &whoView{page: page{Title: "Did they say it? · Parley", Indexing: s.progress.Load()}, Req: req}
	if req.Claim == "" {
		s.render(w, r, http.StatusOK, "who.html", view)
		return
	}
	req.Limit = whoPageLimit
	res, err := s.who(r.Context(), req)
	if err != nil {
		status, body := classify(err)
		if body.Code != CodeBadRequest {
			s.fail(w, r, err)
			return
		}
		logError(s.log, r, status, err)
		view.Problem = body.Message
		s.render(w, r, status, "who.html", view)
		return
	}
	view.Title = "“" + req.Claim + "” · did they say it? · Parley"
	view.Result = res
	view.build()
	s.render(w, r, http.StatusOK, "who.html", view)
}

// build lays out the answer for the page.
func (v *whoView) build() {
	res := v.Result
	v.Verdict = verdictFor(res.Verdict)
	if res.SpeakerCheck == query.SpeakerUnknown {
		v.Verdict.Say += " No source with these words names who said them: that " + res.Speaker + " did is not confirmed."
	}
	if len(res.Matches) == 0 {
		return
	}
	// at is where an article carries the words: the best match in it.
	at := map[string]string{}
	for i := len(res.Matches) - 1; i >= 0; i-- {
		m := res.Matches[i]
		at[m.Article.ID] = documentURL(m.Article.ID, &[2]int{m.Start, m.End})
	}
	appear := func(a query.QuoteOf) appearance {
		u, ok := at[a.ID]
		if !ok {
			u = documentURL(a.ID, nil)
		}
		return appearance{QuoteOf: a, At: u}
	}
	best := newWhoMatchView(res.Matches[0])
	v.Best = &best
	if f := res.FirstAppearance; f != nil {
		first := appear(*f)
		v.First = &first
	}
	for _, a := range res.Reprints {
		v.Reprint = append(v.Reprint, appear(a))
	}
	for _, m := range res.Matches[1:min(len(res.Matches), whoShown+1)] {
		v.Others = append(v.Others, newWhoMatchView(m))
	}
}

func newWhoMatchView(m query.WhoMatch) whoMatchView {
	mv := whoMatchView{WhoMatch: m, Speakers: speakerLinks(m.Speaker), Source: query.Segments(m.Quote, nil),
		At: documentURL(m.Article.ID, &[2]int{m.Start, m.End})}
	for _, op := range m.Diff {
		if op.Op != "equal" {
			mv.Changed = true
		}
	}
	return mv
}
