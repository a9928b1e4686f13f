// Package dates finds dates in news text: the publication date an article states about itself
// (a dateline or a "Published …" line), and the dates it mentions, resolved against the publication date.
//
// A wrong date is worse than an unknown one, and nothing here invents one:
// a mention that cannot be resolved exactly is still reported, keeping what
// is known. A day or month whose year cannot be told has the value ISO
// 8601:2000 gives a date without a year, "--10-10" or "--10" (an interval
// "--10-09/--10-10"), at precision day or month; anything else unresolved
// (a weekday, "yesterday", "last month") has an empty Value.
//
// # What Find recognises
//
//	October 10, Oct. 10, 10 October, 10th of October             a day
//	October 10, 2020, 10 October 2020, Tuesday, October 20       a day with its year (and weekday)
//	2020-10-10, 2020/10/10, 10/20/2020, 20.10.2020, 20-10-2020   a day (see below)
//	October 2020, in October, early/mid-/late October            a month
//	October 9-10, 9–10 October, 30 October – 2 November          an interval of days
//	between October 9 and 12, from 9 to 12 October               an interval of days
//	October 9 and 10, 9, 10 and 11 October                       one mention per day
//	in 2014, the 1994 ceasefire, mid-2014, 2014's                a year, by its context
//	1992-1994, 1992–94, between/from 1992 and/to 1994            an interval of years
//	the 1990s                                                    the interval 1990/1999
//	Tuesday, on Tuesday, Saturday's, last/next Tuesday           a day
//	this coming Saturday, this coming July                       a day, a month
//	yesterday, today, tonight, tomorrow                          a day
//	last/this/next month, earlier this month                     a month
//	last/this/next year, late last year                          a year
//	last July, this past July, this July, next July              a month
//
// The text of a mention leaves out the preposition before it ("on Tuesday"
// is "Tuesday", "in 1992-1994" is "1992-1994") but keeps the words that
// make the date: "early October", "last month", "between 1992 and 1994".
//
// A four-digit number standing alone is a year (1900–2099) only in a
// date-like context: after in, since, until, by, from, of, during, before,
// after, through, year, early, late, mid-, pre-, post-; after "the" when an
// event or a name follows ("the 1994 ceasefire", "the 2008 Russia-Georgia
// war"); before an event word (war, ceasefire, election, talks…); with a
// possessive ("2014's"); or in a list after a year ("in 2014 and 2016").
// Even then it is no year when a count noun follows ("in 2000 homes",
// "since 2000 people fled"), or when it is money, a decimal, a time or part
// of a larger number. Years beside a month, and in numeric dates, may run
// from 1800 to 2199.
//
// Numeric dates with slashes read month first, as corpus.ParseDate does,
// unless the first number is above 12; with dots, day first; with dashes,
// only when one of the first two numbers is above 12 (06-08-2013 could be
// either month and is skipped). Two-digit years are not read. YYYY-MM alone
// is skipped, since "2010-11" may be November 2010 or the season 2010/2011;
// an interval of years with a two-digit end is read only when that end
// cannot be a month ("1992-94", "2019-20").
//
// Not dates: weekday occasions and papers ("Bloody Sunday", "Good Friday",
// "Sunday Times"), a weekday before a name unless a preposition or reporting
// verb comes before it ("the Tuesday Group", but "said Tuesday Dravonian
// troops…"), generic weekdays ("every Tuesday", "a Tuesday"), "USA Today"
// and "the Today show", a number after a day that a count noun follows
// ("on October 9 and 10 soldiers…" gives only October 9), weeks ("last
// week"), stretches of time ("the last month", "this past year"), lower-case "may", "march" and "august", abbreviated months
// and weekdays standing alone ("Jan", "Sun"), and "May" or "March" alone
// except after in, since, until, till, during or throughout.
//
// # Resolving against the publication date
//
// A date with its year is its own value. Everything else needs the
// publication date and, for some, the tense of its clause:
//
//   - A day or month without a year takes the year that puts it nearest to
//     publication, but in a past or neutral clause it may not be more than
//     7 days after publication (so "December 28" in an article of January 5
//     is last year's), and in a future clause not before it (so "will vote
//     on January 3" in an article of December 20 is next year's). In a
//     past or neutral clause, a day 8 to 90 days after publication keeps
//     no year ("--11-08"): "Nov. 8" in an article of September 14 is more
//     often the election to come than one eleven months gone, and the
//     tense read may be wrong.
//   - A weekday in a past or neutral clause is the most recent such day on
//     or before publication (the same day if publication is on that
//     weekday); in a future clause, the next one after it. Published on a
//     Tuesday, "will meet on Tuesday" may mean that day or a week on, and is
//     left unresolved. "last Tuesday" is strictly before publication, "next
//     Tuesday" and "this coming Tuesday" strictly after.
//   - An expectation in the past tense ("was expected in Belvasta on
//     Tuesday", "was set to meet on Wednesday", "would resume on Monday")
//     looks ahead from a time before publication, and the day it names may
//     be on either side: a weekday is the nearer of the one before and the
//     one after publication (at most three days away), a month without a
//     year the nearest, a day without a year the nearest but at most 62
//     days before publication, since what was expected and has passed is
//     recent news ("still expected to win the Nov. 8 election", in
//     February, is this year's).
//   - yesterday, today (and tonight), tomorrow are publication's day −1, 0,
//     +1; last, this, next month are months; last, this, next year are years.
//   - "last July" and "this past July" are the most recent July before the
//     month of publication, "next July" and "this coming July" the first
//     after it, "this July" the July of publication's year.
//   - A later day of a list takes the year of the first; an interval's end
//     follows its start ("December 30 – January 2" crosses into the next
//     year).
//   - A date without a year just after one with a year, joined only by
//     and, or, a comma, a preposition, "again" or "then", takes that year
//     when it comes later in it ("in July 2016 and again in October" is
//     2016-10), and is left unresolved when it comes earlier.
//   - A weekday written beside a date must be that date's weekday, or the
//     mention has no value.
//
// When publication is known only to the month or year, a date is resolved
// only if every day of that month or year gives the same answer; so weekdays
// and "yesterday" stay unresolved, while "last month" from 2020-10 is
// 2020-09. One exception: a day or month in the very month of publication
// takes that month's year ("10 October" with a publication of 2020-10 is
// 2020-10-10). When there is no publication date, only dates with their
// year are resolved; the others keep their month and day ("--10-10"). A
// weekday written beside a day that a publication date contradicts leaves
// the mention without a value.
//
// # Tense
//
// The clause of a date runs from the previous sentence end (. ! ? ; or a
// line break before anything but a lower-case word), or the previous clause
// seam (but, while, whereas, although, though, however, ", and"), to the
// next; its comma segment runs between the commas around it.
//
// The markers of the future are will, shall, 'll, won't, may, might, next
// (before a week, month, year or day, not after "the", or after a
// possessive: "his next court appearance"), upcoming, forthcoming, expect,
// predict, forecast (before "to" or after be). Expectations are expected,
// scheduled, set, slated, poised, likely, supposed, meant (before "to" or
// "for"), "is due" and "is expected" (before anything), and plans, intends,
// going (before "to"): after is, are or has been they look ahead from
// publication, and mark the future; after was, were or had been, and in a
// past form without be ("planned to"), they look ahead from the past, as
// "would" and "was forecast to" do. A participle without be ("games scheduled for Wednesday")
// looks ahead from the past too. In order:
//
//  1. A date that dates a report is past: a past reporting verb up to five
//     words before it with no comma or marker between ("said on Tuesday
//     that talks will resume", "told reporters on Tuesday"), or right after
//     it ("on Tuesday said").
//  2. The verb that governs the date sets the tense: the nearest verb form
//     before it in its clause ("handed over 98 detainees at a checkpoint on
//     Thursday, a step mediators hope will…"), or else the first after it
//     ("On Friday, researchers posted findings that … may…"). A verb form
//     is a marker; an infinitive that looks ahead ("is to meet" from
//     publication, "was to meet" from the past, "hopes to meet" from
//     publication, "agreed on Saturday to halt the fighting from Sunday"
//     from Saturday, so from the past); or a past tense: was, were, had,
//     did, a reporting verb, an irregular past (met, held, broke…) or a
//     word in -ed, but not after is, are, be or a modal ("will be held"),
//     nor after a determiner, a preposition, "than" or "as" ("the planned
//     talks", "behind closed doors"), nor a word in -ed that is mostly an
//     adjective or a noun ("armed", "hundred"). A date after "than" is
//     past: what a comparison measures against is known already. Reading
//     back stops where the clause the date is in opens: at that, if,
//     unless, whether, because, "in case", a subject pronoun ("said he
//     hopes the vote in November will…") or a relative pronoun; it passes
//     over relative clauses between commas ("Kelmarin, who will chair the
//     talks, on Tuesday met Oryen") and quotations the date is not in, but
//     reads through a partial quotation, one closed right after a word
//     ("said it is “going to be difficult” to agree by December 25"). A
//     past form that opens a phrase after a comma ("…, followed by the
//     primary on February 29", "Oryen, the foreign minister, met…") sets
//     the tense only if no verb before it does; after the date, one
//     followed by "by" is passed over. A participle of expectation without
//     be ("games scheduled for Wednesday were called off") looks ahead from
//     the past unless its clause is future.
//
// When no verb governs the date:
//
//  3. A marker in the comma segment sets the tense: the nearest before the
//     date, or else the first after it.
//  4. A segment that is a relative clause ("which last met in December") or
//     holds was, were, had or did keeps to itself: past.
//  5. A marker anywhere in the clause, found the same way, sets the tense
//     ("On Tuesday, the ministers will meet").
//  6. Anything else is neutral, read as the past, which news mostly reports.
//
// In 2, 3 and 5, a verb form after the date counts only before a verb of
// speech: in "surprised the country Monday by saying he will resign",
// "will" is what was said, not when. Nor does one in a quotation the date
// is not in, or outside the one it is in: in "“I will believe it,” said
// Tashen, reached on Saturday", "will" is hers; a partial quotation, closed
// right after a word or opened after one that neither reports speech nor
// opens a clause ("will be “laying out the choice … in November”"), is
// part of the sentence. Curly quotes and guillemets
// say which way they face; a straight double quote opens after white space
// and closes after a word or a mark.
package dates
