package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Separate divides the text of an article whose title is known (a record
// of an export) into its body, site furniture and reader comments,
// returning the parts in order. A copy of the title at the top of the text
// is furniture. SeparateTitled does the same for a plain text file, whose
// first line is the title.
//
// Scraped pages carry more than the article: section labels, repeated
// headlines and captions, bylines such as "By admin", advertising markers,
// share and newsletter prompts, related-article lists, donation appeals and
// reader comment threads. Separate recognises them by their shape and
// place, not by any one site's wording:
//
//   - before the first body paragraph (the header) it puts aside a short
//     section label above the headline, the headline repeated, and short
//     caption lines that repeat or sit next to an image credit;
//   - anywhere, it puts aside short lines that are advertising, sharing,
//     newsletter, app, follow and image-credit prompts, bylines, "Read
//     more: …" links and captions ending in a "Name / AGENCY" credit;
//   - a related-links heading ("Related articles", "Read more", "You may
//     also like") starts a list of short headline lines, which ends at the
//     first line that reads like a paragraph;
//   - an appeal ("… we have a small favour to ask", "Support our
//     journalism") starts a run of paragraphs that address the reader
//     about support or journalism, which ends at the first that does not;
//   - a comment section opener after the body ("Leave a Comment", "One
//     Comment;", "Discussion Policy", "1. kestrel said:") starts the
//     comments, which run to the end of the text; headings and policies
//     in it are furniture, the rest comments.
//
// Whitespace between parts belongs to none of them.
func Separate(text, title string) []Part {
	c := newCleaner(text)
	c.markBody(c.markHeader(c.nextNonBlank(0), title))
	return c.parts()
}

// SeparateTitled is Separate for a text that starts with its own title: the
// first line that is not furniture (a section label above the headline, an
// appeal) is the title line.
func SeparateTitled(text string) []Part {
	c := newCleaner(text)
	next := c.markTitle(c.nextNonBlank(0))
	title := ""
	if next > 0 && c.kinds[next-1] == TitleLine {
		title = c.lines[next-1].text
	}
	c.markBody(c.markHeader(next, title))
	return c.parts()
}

func newCleaner(text string) *cleaner {
	lines := splitLines(text)
	return &cleaner{lines: lines, kinds: make([]PartKind, len(lines)), whys: make([]string, len(lines))}
}

// line is one line of text, trimmed of surrounding space.
type line struct {
	start, end int // the trimmed line is text[start:end]
	text       string
	words      int
	norm       string // normalizeLine(text), for short lines only (see normShort)
	furniture  string // furnitureLine's answer, computed once
	checked    bool
}

// normShort returns the normalised text of a short line, or "" for a long
// one: only short lines are compared or matched against furniture rules,
// and normalising every paragraph of a long article would cost more than
// all the rules together.
func (l *line) normShort() string {
	if l.norm == "" && l.words > 0 && l.words <= shortLine {
		l.norm = normalizeLine(l.text)
	}
	return l.norm
}

func (l line) blank() bool { return l.start == l.end }

// splitLines cuts text into lines, trimming each of spaces (including
// no-break spaces, which scrapers leave behind) without losing offsets.
func splitLines(text string) []line {
	var lines []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !isSpace(r) {
				break
			}
			e -= size
		}
		if s == e {
			s, e = start, start
		}
		lines = append(lines, line{start: s, end: e, text: text[s:e], words: countWords(text[s:e])})
		start = end + 1
	}
	return lines
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' || r == '\u200e' || r == '\u200f'
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

// cleaner labels each line of one article.
type cleaner struct {
	lines []line
	kinds []PartKind
	whys  []string
}

func (c *cleaner) set(i int, kind PartKind, why string) {
	c.kinds[i], c.whys[i] = kind, why
}

// zone is what the lines being read belong to, as the cleaner walks the text.
type zone int

const (
	inBody zone = iota
	inRelated
	inAppeal
	inComments
	inCommentPolicy
)

func (c *cleaner) nextNonBlank(i int) int {
	for i < len(c.lines) && c.lines[i].blank() {
		i++
	}
	return i
}

// markTitle finds the headline: the first line that is neither furniture
// nor a section label above it. It returns the index after it.
func (c *cleaner) markTitle(i int) int {
	first := i
	for i < len(c.lines) {
		l := &c.lines[i]
		if why := furnitureLine(l); why != "" {
			c.set(i, Furniture, why)
			i = c.nextNonBlank(i + 1)
			continue
		}
		if j := c.nextNonBlank(i + 1); j < len(c.lines) && isKicker(*l, c.lines[j]) {
			c.set(i, Furniture, "section label")
			i = j
			continue
		}
		c.set(i, TitleLine, "")
		return i + 1
	}
	// Nothing but furniture: the first line is the title after all.
	if first < len(c.lines) {
		c.set(first, TitleLine, "")
		return first + 1
	}
	return i
}

// isKicker reports whether l is a section label ("Central Asia", "World")
// above a headline: a few words with no sentence punctuation, followed by
// a longer line that is itself headline-shaped, not a paragraph.
func isKicker(l, next line) bool {
	return l.words >= 1 && l.words <= 3 && !endsSentence(l.text) &&
		next.words > l.words+2 && next.words <= 25 && !endsSentence(next.text)
}

// markHeader reads the lines between the headline and the first body
// paragraph, where scrapers leave repeated headlines, captions and credits.
// It returns the index of the first line after the header.
func (c *cleaner) markHeader(i int, title string) int {
	normTitle := normalizeLine(title)
	for ; i < len(c.lines); i++ {
		l := &c.lines[i]
		if l.blank() {
			continue
		}
		norm := l.normShort()
		if norm == "" && l.words <= len(strings.Fields(normTitle))+2 {
			norm = normalizeLine(l.text) // a long headline repeated
		}
		switch {
		case normTitle != "" && norm == normTitle:
			c.set(i, Furniture, "repeated headline")
		case furnitureLine(l) != "":
			c.set(i, Furniture, furnitureLine(l))
		case c.repeatsNeighbour(i):
			c.set(i, Furniture, "repeated caption")
		case l.words < 10 && !endsSentence(l.text) && c.besideImageCredit(i):
			c.set(i, Furniture, "caption")
		case isBodyParagraph(*l):
			return i
		default:
			c.set(i, Body, "")
		}
	}
	return i
}

// repeatsNeighbour reports whether line i says the same as the line before
// or after it: scrapers copy a photo caption once for each image size.
func (c *cleaner) repeatsNeighbour(i int) bool {
	l := &c.lines[i]
	if l.words > repeatedLine {
		return false
	}
	norm := normalizeLine(l.text)
	for _, j := range []int{c.prevNonBlank(i - 1), c.nextNonBlank(i + 1)} {
		if j >= 0 && j < len(c.lines) && c.lines[j].words == l.words && normalizeLine(c.lines[j].text) == norm {
			return true
		}
	}
	return false
}

// besideImageCredit reports whether the line before or after i is an image
// credit, which makes a short line next to it a caption.
func (c *cleaner) besideImageCredit(i int) bool {
	for _, j := range []int{c.prevNonBlank(i - 1), c.nextNonBlank(i + 1)} {
		if j >= 0 && j < len(c.lines) && furnitureLine(&c.lines[j]) == "image credit" {
			return true
		}
	}
	return false
}

func (c *cleaner) prevNonBlank(i int) int {
	for i >= 0 && c.lines[i].blank() {
		i--
	}
	return i
}

// isBodyParagraph reports whether a line reads like article prose.
func isBodyParagraph(l line) bool {
	return l.words >= 8
}

// markBody walks the rest of the text, switching zone at section openers.
func (c *cleaner) markBody(i int) {
	z := inBody
	sawBody := false
	for ; i < len(c.lines); i++ {
		l := &c.lines[i]
		if l.blank() {
			continue
		}
		if z != inComments && z != inCommentPolicy {
			if opener, policy := commentOpener(l, sawBody, i+1 == len(c.lines) || c.nextNonBlank(i+1) == len(c.lines)); opener {
				c.set(i, Furniture, "comment section")
				z = inComments
				if policy {
					z = inCommentPolicy
				}
				continue
			}
		}
		switch z {
		case inBody:
			switch {
			case isRelatedHeading(l):
				c.set(i, Furniture, "related links")
				z = inRelated
			case isAppealOpener(l):
				c.set(i, Furniture, "appeal")
				z = inAppeal
			case furnitureLine(l) != "":
				c.set(i, Furniture, furnitureLine(l))
			default:
				c.set(i, Body, "")
				sawBody = true
			}
		case inRelated:
			switch {
			case isAppealOpener(l):
				c.set(i, Furniture, "appeal")
				z = inAppeal
			case isRelatedHeading(l) || furnitureLine(l) != "" || isLinkLine(l):
				c.set(i, Furniture, "related links")
			default:
				c.set(i, Body, "")
				sawBody = true
				z = inBody
			}
		case inAppeal:
			switch {
			case isRelatedHeading(l):
				c.set(i, Furniture, "related links")
				z = inRelated
			case furnitureLine(l) != "" || isAppealOpener(l) || addressesReaderAboutSupport(l.text):
				c.set(i, Furniture, "appeal")
			default:
				c.set(i, Body, "")
				sawBody = true
				z = inBody
			}
		case inCommentPolicy:
			if isCommentHeading(l) || isCommentAuthor(l, true) {
				z = inComments
				i-- // read this line again as part of the comments
				continue
			}
			c.set(i, Furniture, "comment policy")
		case inComments:
			switch {
			case isCommentHeading(l):
				c.set(i, Furniture, "comment section")
			case isPolicyHeading(l):
				c.set(i, Furniture, "comment policy")
				z = inCommentPolicy
			case furnitureLine(l) != "":
				c.set(i, Furniture, furnitureLine(l))
			default:
				c.set(i, Comments, "reader comments")
			}
		}
	}
}

// parts joins runs of lines with the same label into Parts. Blank lines
// inside a run belong to it; a run ends where the label changes.
func (c *cleaner) parts() []Part {
	var out []Part
	for i, l := range c.lines {
		if l.blank() || c.kinds[i] == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Kind == c.kinds[i] && out[n-1].Why == c.whys[i] && c.kinds[i] != TitleLine {
			out[n-1].End = l.end
			continue
		}
		out = append(out, Part{Kind: c.kinds[i], Start: l.start, End: l.end, Why: c.whys[i]})
	}
	return out
}

// normalizeLine folds the differences scrapers introduce between copies of
// one line: case, curly quotes, runs of space.
func normalizeLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‛', '′':
			return '\''
		case '“', '”', '„', '″', '«', '»':
			return '"'
		case '\u00a0':
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// endsSentence reports whether s ends like a sentence: a full stop, question
// or exclamation mark, possibly inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// shortLine is the longest line, in words, that a furniture rule looks at:
// furniture is terse, and prose that happens to mention a newsletter or a
// photo must not be swallowed.
const shortLine = 15

// furnitureLine says which furniture rule a line matches, or "".
func furnitureLine(l *line) string {
	if !l.checked {
		l.furniture, l.checked = matchFurniture(l), true
	}
	return l.furniture
}

func matchFurniture(l *line) string {
	if l.words == 0 {
		return ""
	}
	if isCreditedCaption(l.text) || (strings.Contains(l.text, "aption") && captionWidget.MatchString(l.text)) {
		return "caption"
	}
	low := l.normShort()
	if low == "" {
		return ""
	}
	bare := strings.TrimRight(low, ":;.!|»›>-–— ")
	for _, rule := range furnitureRules {
		if rule.mayMatch(bare) && rule.re.MatchString(bare) {
			return rule.why
		}
	}
	if isShareBar(bare) {
		return "share buttons"
	}
	return ""
}

// furnitureRule recognises one kind of furniture in a normalised short
// line (lowercase, straight quotes, no trailing punctuation). Every match
// of re contains one of the keywords, which are checked first because
// regular expressions cost far more than substring tests and most lines
// match none.
type furnitureRule struct {
	why      string
	keywords []string
	re       *regexp.Regexp
}

func (r furnitureRule) mayMatch(s string) bool {
	for _, k := range r.keywords {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

var furnitureRules = []furnitureRule{
	{"advertising", []string{"advertis", "sponsor", "promoted", "paid", "continue", "ad"},
		regexp.MustCompile(`^((advertisement|advertising|ad|sponsored|sponsored content|paid content|promoted|promoted content)\s*)+$|^(story|article|text) continues? (below|after)\b|^story continued below$|^continue reading( (the )?main story| below)?$|^advertisement continue reading the main story$|^(skip|close) (ad|advertisement)$`)},
	{"newsletter", []string{"newsletter", "sign", "subscribe", "register", "get "},
		regexp.MustCompile(`\bnewsletters?\b|^(sign up|signup|sign-up|subscribe|register) (now|today|here|for (free|our|the|daily)|to (our|the|get))\b|^subscribe( now| today)?$|^get (our|the) \S+( \S+)? (in your inbox|delivered)`)},
	{"app prompt", []string{"click here", "app", "tap ", "swipe "},
		regexp.MustCompile(`^click here\b|\b(download|get) (the|our) .{0,40}\bapp\b|^(tap|swipe) (here|to)\b`)},
	{"follow prompt", []string{"follow"},
		regexp.MustCompile(`^-? ?follow (us|@\S+|the .{1,40} on|.{1,40} on (twitter|facebook|instagram|telegram|youtube|x))\b|^(like|follow) us on\b`)},
	{"image credit", []string{"image", "photo", "picture", "video", "graphic", "illustration", "caption", "slide", " of ", "getty", "shutterstock", "play "},
		regexp.MustCompile(`^(image|photo|picture|photograph|video|graphic|illustration)s?( (by|credit|credits|copyright|caption|source)\b.*|:.*)?$|\b(toggle|hide) caption\b|^enlarge this image\b|^(prev|previous|next) (image|photo|slide) \d+ of \d+$|^slideshow \(\d+ (images?|photos?)\)$|^\d+ of \d+$|^photo of (the )?author$|^(getty images|shutterstock|ap photo|afp photo|reuters photo)$|^play (video|facebook|twitter|youtube)$`)},
	{"byline", []string{"by ", "posted", "published", "updated", " old"},
		regexp.MustCompile(`^by [\p{L}][\p{L}.'-]*( [\p{L}.'-]+){0,3}$|^(posted|published|updated|last updated)( on| at)?( [\w,:./+-]+){1,6}$|^this (article|story|post) is (more than|over) \d+ \w+ old$`)},
	{"related link", []string{":"},
		regexp.MustCompile(`^(read more|related|more|see also|also read|read next|read also|watch|listen|recommended|related coverage|related content|related stories|related articles)\s*:\s*\S`)},
	{"copyright", []string{"©", "(c)", "copyright"},
		regexp.MustCompile(`^(©|\(c\)|copyright)\s*(\d{4}|©|\(c\)|by\b)`)},
	{"appeal", []string{"support", "donat", "become a"},
		regexp.MustCompile(`^support (us|the \S+( \S+)?|our \S+( \S+)?)$|^support \S+('s)?( \S+)? (journalism|reporting|work|newsroom)$|^donate( now| today| here)?$|^become a (member|subscriber|patron|supporter)\b`)},
}

// shareWords are the labels of share and navigation buttons.
var shareWords = map[string]bool{
	"share": true, "shares": true, "tweet": true, "email": true, "e-mail": true, "print": true, "whatsapp": true,
	"facebook": true, "twitter": true, "linkedin": true, "reddit": true, "pinterest": true, "telegram": true,
	"messenger": true, "copy": true, "link": true, "post": true, "save": true, "comment": true, "comments": true,
	"this": true, "article": true, "story": true, "on": true, "via": true, "sms": true, "flipboard": true,
	"youtube": true, "instagram": true, "x": true, "vk": true, "mail": true, "pocket": true, "url": true,
}

// isShareBar reports whether a line is nothing but share button labels.
func isShareBar(low string) bool {
	fields := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(fields) == 0 || len(fields) > 10 {
		return false
	}
	for _, f := range fields {
		if !shareWords[f] {
			return false
		}
	}
	// "On this" alone is not a share bar; a real one names an action.
	for _, f := range fields {
		if f != "on" && f != "this" && f != "article" && f != "story" && f != "via" {
			return true
		}
	}
	return false
}

// creditedCaption matches a caption that ends in a photo credit such as
// "… his counterpart. Foreign Ministry / TASS" or "(Photo: Jane Doe/AFP)".
var creditedCaption = regexp.MustCompile(`(^|[.!?]["'”’]?\s+)((?i:photo|image|picture|credit)s?:\s*)?(\p{Lu}[\p{L}.&'-]*\.?\s+){0,4}\p{Lu}[\p{L}.&'-]*(\s?/\s?\p{Lu}[\p{L}.&'-]*(\s+\p{Lu}[\p{L}.&'-]*){0,3})+$|\((photo|image|picture|credit)s?:[^)]*\)$`)

// repeatedLine is the longest line, in words, that counts as a repeated
// caption when it appears twice in a row in the header.
const repeatedLine = 40

// captionWidget matches the caption text that photo galleries leave in
// scraped pages, whatever its length ("Hide caption …", "… toggle caption …").
var captionWidget = regexp.MustCompile(`(?i)^(hide|show) caption\b|\btoggle caption\b`)

func isCreditedCaption(s string) bool {
	if endsSentence(s) || !strings.Contains(s, "/") && !strings.Contains(s, "(") {
		return false
	}
	return creditedCaption.MatchString(s)
}

var relatedHeading = regexp.MustCompile(`^(related|related (articles?|stories|story|posts?|news|content|coverage|reading|links|topics|videos?)|read more|more (news|stories|articles)|more from .{1,40}|more on (this|that) (story|topic)|you (may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| reading| articles)?|see also|also read|read (also|next)|most (read|popular|viewed|shared)|trending( now| stories)?|latest (news|stories|articles|posts)|top stories|what to read next|further reading|popular (posts|stories)|in other news)$`)

// isRelatedHeading reports whether a line heads a list of links to other
// articles.
func isRelatedHeading(l *line) bool {
	if l.words > 6 {
		return false
	}
	return relatedHeading.MatchString(strings.TrimRight(l.normShort(), ":.!…> "))
}

// isLinkLine reports whether a line in a related list reads like a linked
// headline or its byline rather than a paragraph.
func isLinkLine(l *line) bool {
	return l.words <= 20 && !strings.HasSuffix(strings.TrimRight(l.text, "\"'”’)"), ".")
}

var appealOpener = regexp.MustCompile(`we have a (small |quick )?favou?r to ask|^(please )?(support|help) (us|our|independent|quality|fearless|the)\b.*\b(journalism|reporting|newsroom|work|mission)\b|^support (independent|quality) (journalism|reporting)|^(please )?consider (donating|making a (donation|contribution))\b|^make a (one-off |one-time |monthly |small )?(donation|contribution)\b|^become a (member|subscriber|patron|supporter)\b|^(before you go|one more thing)\b.*\b(support|donat|subscri)`)

// isAppealOpener reports whether a line starts a donation or subscription
// appeal.
func isAppealOpener(l *line) bool {
	if l.words > shortLine {
		return strings.Contains(l.text, "to ask") && favourToAsk.MatchString(l.text)
	}
	low := strings.TrimLeft(l.normShort(), ".… ")
	for _, k := range []string{"fav", "support", "help", "donat", "contribution", "member", "subscri", "patron"} {
		if strings.Contains(low, k) {
			return appealOpener.MatchString(low)
		}
	}
	return false
}

var favourToAsk = regexp.MustCompile(`(?i)\bfavou?r to ask\b`)

var (
	readerAddress  = regexp.MustCompile(`\b(you|your|we|our|us)\b`)
	appealSubjects = regexp.MustCompile(`\b(support\w*|donat\w*|journalis\w*|subscri\w*|contribut\w*|members?hip|member|independen\w*|mission|help|readers?|thank you|paywall|funding|fund|reporting|afford|pay|revenue|advertis\w*)\b`)
)

// addressesReaderAboutSupport reports whether a paragraph speaks to the
// reader about supporting the publication, as appeals do.
func addressesReaderAboutSupport(s string) bool {
	low := strings.ToLower(s)
	return readerAddress.MatchString(low) && appealSubjects.MatchString(low)
}

var (
	commentHeading = regexp.MustCompile(`^((\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (comments?|responses?|replies|reply|thoughts?|reactions?)( on .{1,80})?|comments? \(\d+\)|(leave|post|add|write|submit) (a|your) (comment|reply|response)|(show|view|load|read|see) (all )?(\d+ )?comments|join the (discussion|conversation)|start the (discussion|conversation)|(comments|replies) are closed|comments?( section)?)$`)
	policyHeading  = regexp.MustCompile(`^(discussion|comment|comments|commenting|community) (policy|guidelines|rules|standards)$`)
	commentAuthor  = regexp.MustCompile(`^(\d+\.\s*)?([\p{L}\p{N}_.@'-]+(?: [\p{L}\p{N}_.@'-]+){0,2})\s(said|says|wrote|writes|commented|replied)(\s+(on|at)\s.{0,40}\d.{0,30})?:$`)
	userName       = regexp.MustCompile(`[\d_@]|^[\p{Ll}.-]+$`)
)

func commentKey(l *line) string {
	return strings.TrimRight(l.normShort(), ":;.!… ")
}

// commentWords are in every comment heading and policy heading.
var commentWords = []string{"comment", "repl", "respon", "thought", "reaction", "discussion", "conversation", "polic", "guideline", "rules", "standards"}

func mentionsComments(s string) bool {
	for _, k := range commentWords {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// isCommentHeading reports whether a line heads a comment thread.
func isCommentHeading(l *line) bool {
	if l.words > 12 {
		return false
	}
	key := commentKey(l)
	return mentionsComments(key) && commentHeading.MatchString(key)
}

// isPolicyHeading reports whether a line heads a comment policy.
func isPolicyHeading(l *line) bool {
	if l.words > 4 {
		return false
	}
	key := commentKey(l)
	return mentionsComments(key) && policyHeading.MatchString(key)
}

// isCommentAuthor reports whether a line introduces one reader's comment:
// "1. kestrel_77 said:", "Nadia K. says:". In the body, "The minister
// said:" introduces a quotation, so outside a comment thread only lines
// that look like a user name (numbered, lower case, digits or
// underscores) count.
func isCommentAuthor(l *line, inThread bool) bool {
	if l.words > 10 || !strings.HasSuffix(l.text, ":") {
		return false
	}
	m := commentAuthor.FindStringSubmatch(l.text)
	if m == nil {
		return false
	}
	numbered, name := m[1] != "", m[2]
	return inThread || numbered || userName.MatchString(name)
}

// commentOpener reports whether a line opens the comment section, and
// whether it opens with a comment policy. A lone "Comments" is taken as an
// opener only at the very end, where it cannot be a share-bar label; no
// opener counts before any body text has been seen.
func commentOpener(l *line, sawBody, last bool) (opener, policy bool) {
	if !sawBody {
		return false, false
	}
	if isPolicyHeading(l) {
		return true, true
	}
	if isCommentHeading(l) {
		if key := commentKey(l); (key == "comments" || key == "comment" || key == "comment section") && !last {
			return false, false
		}
		return true, false
	}
	return isCommentAuthor(l, false), false
}
