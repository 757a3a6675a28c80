package tracking

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ---- normal form ----

// clsAppendNormal appends the normal form of text to dst (see NormalizeStatus). Folding comes
// first and keeps the case, so that places are cut from the folded text with capitals still
// there as evidence; lower-casing and trimming come last. Each step sees exactly what it would
// see if given a normal form, which is what makes the normal form its own normal form.
func clsAppendNormal(dst []byte, text string) []byte {
	return clsAppendCut(dst, text, false)
}

// clsAppendCut appends text folded, with its places cut; with countries set, a part naming a
// country is not a place to cut.
func clsAppendCut(dst []byte, text string, countries bool) []byte {
	var kbuf [256]byte
	kept := clsStripPlaces(clsAppendFold(kbuf[:0], text, false), countries)
	start := len(dst)
	return clsTrimPunct(clsAppendLower(dst, kept), start)
}

// clsAppendReadable appends the text the built-in rules read: the normal form, except that a part
// naming a country is kept. The normal form cuts "- Milan - Italy" to group texts and match seller
// rules; the built-in rules want to know that a scan happened in Italy.
//
// A status that is one code-like word of ASCII letters is read as the words it is made of:
// "DestinationAirPortArrival" as "Destination Air Port Arrival" (CC_EX_START is split at its
// underscores by the tokenizer already).
func clsAppendReadable(dst []byte, text string) []byte {
	if t := strings.TrimSpace(text); clsIsCamel(t) {
		var buf [128]byte
		w := buf[:0]
		for i := 0; i < len(t); i++ {
			if i > 0 && clsIsUpper(t[i]) && (clsIsLower(t[i-1]) || i+1 < len(t) && clsIsUpper(t[i-1]) && clsIsLower(t[i+1])) {
				w = append(w, ' ')
			}
			w = append(w, t[i])
		}
		return clsAppendCut(dst, string(w), true)
	}
	return clsAppendCut(dst, text, true)
}

// clsIsCamel reports whether s is one word of ASCII letters (and underscores or digits) written
// in camel case, as system status codes are: "InboundScan", "ClearanceSuccessed_Export",
// "collectedByCustomer": a capital follows a small letter at least once, and a word that starts
// small has two small letters before its first capital. "iPhone" and "eBay" are not; "McDonald"
// and "FedEx" are, and are read as two words, which a status of one such word loses nothing by.
func clsIsCamel(s string) bool {
	if len(s) < 4 || len(s) > 100 || !clsIsUpper(s[0]) && !(clsIsLower(s[0]) && clsIsLower(s[1])) {
		return false
	}
	humps := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case clsIsUpper(c):
			if i > 0 && clsIsLower(s[i-1]) {
				humps++
			}
		case clsIsLower(c), c == '_', '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return humps > 0
}

// clsLooksLikeCode reports whether a status text is a system's status code rather than words:
// one word with an underscore ("CC_EX_START", "Delivered_001"), in camel case ("InfoReceived"),
// or letters followed by digits ("transit002"). A plain word such as "Delivered" or "ARRIVAL" is
// read as text: code tables give some plain words a meaning of their own system (TrackingMore's
// "pickup" is out for delivery) that a carrier's "Pickup" does not have.
func clsLooksLikeCode(s string) bool {
	if len(s) < 3 || len(s) > 64 {
		return false
	}
	under, digits, letters := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			under = true
		case '0' <= c && c <= '9':
			digits = true
		case clsIsUpper(c), clsIsLower(c):
			if digits {
				return false // "A1B2": a tracking number or a postcode, not a code
			}
			letters = true
		default:
			return false
		}
	}
	return letters && (under || digits || clsIsCamel(s))
}

func clsIsUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func clsIsLower(c byte) bool { return 'a' <= c && c <= 'z' }

// clsAppendLower appends b lower-cased.
func clsAppendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// clsAppendFold appends s folded, with whitespace collapsed to single spaces, and lower-cased
// when lower is set.
func clsAppendFold(dst []byte, s string, lower bool) []byte {
	space := true // drop leading space
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // the common case, without the Unicode tables
			i++
			switch {
			case c <= ' ' || c == 0x7f:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			case lower && 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			r = ' ' // invalid UTF-8: a separator, never a letter
		}
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII: "Ｄｅｌｉｖｅｒｅｄ"
			r -= 0xFEE0
		}
		var rep string
		switch {
		case r <= ' ' || unicode.IsSpace(r) || unicode.Is(unicode.Cc, r):
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			continue // combining accents (decomposed "é"), zero-width spaces, BOM
		case r < utf8.RuneSelf:
			if lower && 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r, rep = clsFoldRune(r, lower)
		}
		space = false
		if rep != "" {
			dst = append(dst, rep...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// clsFoldRune folds one non-ASCII rune, lower-casing it when lower is set. It returns the folded
// rune, or a replacement string when the fold is not one rune ("ß" → "ss", "…" → "...").
func clsFoldRune(r rune, lower bool) (rune, string) {
	switch r {
	case '’', '‘', 'ʼ', '`', '´', '′':
		return '\'', ""
	case '“', '”', '„', '«', '»', '「', '」':
		return '"', ""
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-', ""
	case '…':
		return 0, "..."
	case '、':
		return ',', ""
	case '。':
		return '.', ""
	case '【', '〔', '〖':
		return '[', ""
	case '】', '〕', '〗':
		return ']', ""
	}
	if r >= 0x2F00 && r <= 0x2FDF { // Kangxi radicals pasted for ideographs: "收件⼈" is "收件人"
		var buf [utf8.UTFMax]byte
		if d := norm.NFKC.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition(); len(d) > 0 {
			r, _ = utf8.DecodeRune(d)
		}
	}
	if r >= clsHanFirst && r <= clsHanLast {
		if s := clsHantFold[r-clsHanFirst]; s != 0 {
			return s, ""
		}
		return r, ""
	}
	l := unicode.ToLower(r)
	if l >= 0xC0 && l < 0x400 {
		if s, ok := clsLatinFold[l]; ok {
			if !lower && l != r {
				return 0, strings.ToUpper(s) // "É" → "E": the capital stays evidence of a place
			}
			return 0, s
		}
	}
	// The rest of Latin with accents, by its canonical decomposition: Vietnamese "ư", "ấ", "ạ".
	if l >= 0xC0 && l < 0x250 || l >= 0x1E00 && l <= 0x1EFF {
		var buf [utf8.UTFMax]byte
		d := norm.NFD.Properties(buf[:utf8.EncodeRune(buf[:], l)]).Decomposition()
		if len(d) > 0 && d[0] < utf8.RuneSelf {
			if !lower && l != r {
				return unicode.ToUpper(rune(d[0])), ""
			}
			return rune(d[0]), ""
		}
	}
	if lower {
		return l, ""
	}
	return r, ""
}

// clsHantFold maps traditional Chinese characters (Hongkong Post, Chunghwa Post, aggregators'
// zh-Hant pages) to their simplified forms, so that "已送達" reads as "已送达" and one set of
// Chinese words serves both. Japanese kanji that share a traditional form fold the same way, in
// the text and in the lexicon alike. Indexed by rune - clsHanFirst; 0 = no simpler form.
var clsHantFold = func() []rune {
	const pairs = "關关達达設设國国遞递貨货門门鄰邻絕绝給给單单轉转運运發发離离開开準准備备處处區区號号郵邮務务際际機机場场經经過过與与為为檢检驗验進进庫库倉仓櫃柜點点領领簽签員员敗败異异擱搁稅税費费車车載载裝装艙舱飛飞預预計计約约聯联電电訊讯資资訂订攬揽攔拦損损壞坏遺遗丟丢滯滞產产業业時时間间後后將将會会們们個个這这種种況况請请於于從从來来東东廣广線线陸陆戶户華华灣湾臺台檯台續续辦办證证報报審审決决樣样態态狀状認认確确據据遲迟誤误錯错絡络話话碼码統统網网頁页買买賣卖價价額额購购歸归還还帶带體体寶宝順顺豐丰圓圆隊队組组樓楼層层紙纸貼贴標标條条揀拣選选優优質质館馆廠厂鎮镇縣县鄉乡內内頭头幹干級级傳传輸输繳缴納纳補补齊齐賠赔償偿撥拨問问題题暫暂無无繫系驛驿衛卫畢毕結结閉闭獲获沒没銷销毀毁書书編编輛辆駕驾駛驶嘗尝試试當当應应視视實实現现動动總总數数寫写舉举義义讓让說说讀读顯显觀观變变類类擇择權权參参餘余鐘钟週周專专獨独島岛倫伦亞亚歐欧紐纽韓韩羅罗蘭兰麥麦烏乌賓宾馬马裡里邊边幫帮屬属稱称斷断遠远鐵铁隨随險险雜杂難难雲云響响頓顿顧顾風风魚鱼鳥鸟麵面龍龙"
	t := make([]rune, clsHanLast-clsHanFirst+1)
	r := []rune(pairs)
	for i := 0; i+1 < len(r); i += 2 {
		t[r[i]-clsHanFirst] = r[i+1]
	}
	return t
}()

// The CJK Unified Ideographs block, where every pair of clsHantFold lies.
const clsHanFirst, clsHanLast = 0x4E00, 0x9FFF

// clsLatinFold maps accented Latin (and Greek) letters (lower case) to plain ones. Folding rather than
// keeping accents makes "Entregado en oficina" and "Entregádo en oficína" one text, and lets a
// rule be written once for texts that lost their accents in some export.
var clsLatinFold = func() map[rune]string {
	m := map[rune]string{}
	for _, p := range [...][2]string{
		{"àáâãäåāăą", "a"}, {"çćĉċč", "c"}, {"ďđð", "d"}, {"èéêëēĕėęě", "e"}, {"ĝğġģ", "g"},
		{"ĥħ", "h"}, {"ìíîïĩīĭįı", "i"}, {"ĵ", "j"}, {"ķ", "k"}, {"ĺļľŀł", "l"}, {"ñńņňŉ", "n"},
		{"òóôõöøōŏő", "o"}, {"ŕŗř", "r"}, {"śŝşšș", "s"}, {"ţťŧț", "t"}, {"ùúûüũūŭůűų", "u"},
		{"ŵ", "w"}, {"ýÿŷ", "y"}, {"źżž", "z"}, {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"þ", "th"},
		// Greek: the tonos and the dialytika go the same way ("Παραδόθηκε" → "παραδοθηκε"), and the
		// final sigma is a sigma: a text in capitals ("ΠΡΟΣ ΠΑΡΑΔΟΣΗ") lower-cases to "σ" there.
		{"ά", "α"}, {"έ", "ε"}, {"ή", "η"}, {"ίϊΐ", "ι"}, {"ό", "ο"}, {"ύϋΰ", "υ"}, {"ώ", "ω"}, {"ς", "σ"},
	} {
		for _, r := range p[0] {
			m[r] = p[1]
		}
	}
	return m
}()

// clsTrimmed reports whether a leading (or, with end set, trailing) rune is dropped from a
// normal form: spaces, symbols and punctuation, except opening brackets at the start ("[delivered]
// ...") and closing ones at the end ("(inb)"), which belong to the text.
func clsTrimmed(r rune, end bool) bool {
	if r == ' ' || unicode.IsSymbol(r) {
		return true
	}
	if !unicode.IsPunct(r) {
		return false
	}
	if end {
		return !unicode.In(r, unicode.Pe, unicode.Pf)
	}
	return !unicode.In(r, unicode.Ps, unicode.Pi)
}

// clsTrimLead drops the leading runes clsTrimmed drops.
func clsTrimLead(b []byte) []byte {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if !clsTrimmed(r, false) {
			break
		}
		b = b[n:]
	}
	return b
}

// clsTrimPunct trims all[from:] in place at both ends.
func clsTrimPunct(all []byte, from int) []byte {
	s := clsTrimLead(all[from:])
	for len(s) > 0 {
		r, n := utf8.DecodeLastRune(s)
		if !clsTrimmed(r, true) {
			break
		}
		s = s[:len(s)-n]
	}
	n := copy(all[from:], s)
	return all[:from+n]
}

// ---- location prefixes and suffixes ----

// clsStripPlaces cuts location prefixes and suffixes off the folded text b, whose capitals are
// the best evidence that "SHENZHEN" or "Madrid" is a place. Every cut shortens b, so the loops
// end; they run until nothing more can be cut, so that a normal form has nothing left to cut.
func clsStripPlaces(b []byte, countries bool) []byte {
	b = clsTrimLead(b)
	for {
		t, ok := clsCutBracketPrefix(b)
		if !ok {
			t, ok = clsCutPlacePrefix(b, countries)
		}
		if !ok {
			break
		}
		b = clsTrimLead(t)
	}
	for {
		t, ok := clsCutPlaceSuffix(b, countries)
		if !ok {
			return b
		}
		b = t
	}
}

// clsBrackets are the brackets around a place; the full-width and CJK ones ("【", "（") are
// folded to these before places are cut.
var clsBrackets = [...][2]string{{"[", "]"}, {"(", ")"}}

// clsCutBracketPrefix cuts "[Shenzhen]" or "【深圳市】" (folded to "[深圳市]") off the start of b
// when what is inside carries no built-in rule ("[Delivered] ..." keeps its word) and a word
// follows it.
func clsCutBracketPrefix(b []byte) ([]byte, bool) {
	for _, br := range clsBrackets {
		if !bytes.HasPrefix(b, []byte(br[0])) {
			continue
		}
		end := bytes.Index(b[len(br[0]):], []byte(br[1]))
		if end < 0 {
			return nil, false
		}
		content := b[len(br[0]) : len(br[0])+end]
		rest := b[len(br[0])+end+len(br[1]):]
		if len(bytes.TrimSpace(content)) == 0 || !clsHasLetter(rest) || clsCarriesRule(content) {
			return nil, false
		}
		return rest, true
	}
	return nil, false
}

// clsCutPlacePrefix cuts "SHENZHEN, CN - ", "Shenzhen - " or "BURNABY, " off the start of b.
// Before a dash, bar or colon the place may be capitalised words; before a bare comma only
// capitals, because "Sorry, we missed you" and "Delivered, Front Door" start with capitalised
// words too.
func clsCutPlacePrefix(b []byte, countries bool) ([]byte, bool) {
	if i, n := clsFirstSep(b); i > 0 {
		if rest := b[i+n:]; clsIsPlace(b[:i], true, countries) && clsHasLetter(rest) {
			return rest, true
		}
	}
	if i := bytes.IndexByte(b[:min(len(b), 65)], ','); i > 0 {
		if rest := b[i+1:]; clsIsPlace(b[:i], false, countries) && clsHasLetter(rest) {
			return rest, true
		}
	}
	return nil, false
}

// clsCutPlaceSuffix cuts one trailing place ("- Madrid", ", CA 90009", " (HONG KONG)") off b.
func clsCutPlaceSuffix(b []byte, countries bool) ([]byte, bool) {
	b = bytes.TrimRight(b, " .")
	for _, br := range clsBrackets {
		if !bytes.HasSuffix(b, []byte(br[1])) {
			continue
		}
		open := bytes.LastIndex(b, []byte(br[0]))
		if open <= 0 {
			return nil, false
		}
		body := b[:open]
		if clsIsPlace(b[open+len(br[0]):len(b)-len(br[1])], true, countries) && clsHasLetter(body) {
			return bytes.TrimRight(body, " "), true
		}
		return nil, false
	}
	i, n := clsLastSep(b)
	if i <= 0 {
		return nil, false
	}
	body := b[:i]
	if clsIsPlace(b[i+n:], true, countries) && clsHasLetter(body) {
		return body, true
	}
	return nil, false
}

// clsSepAt returns the length of the separator starting at b[i] (" - ", " – ", " — " folded to
// " - ", " | ", ": " and, with comma set, ","), or 0.
func clsSepAt(b []byte, i int, comma bool) int {
	switch {
	case b[i] == ',' && comma:
		return 1
	case b[i] == ':' && !comma && i+1 < len(b) && b[i+1] == ' ':
		return 2
	case b[i] != ' ' || i+2 >= len(b) || b[i+2] != ' ':
		return 0
	case b[i+1] == '-' || b[i+1] == '|':
		return 3
	}
	return 0
}

// clsFirstSep returns the position and length of the first dash, bar or colon separator in the
// first 64 bytes of b (a place name is never longer), or -1.
func clsFirstSep(b []byte) (int, int) {
	for i := range min(len(b), 65) {
		if n := clsSepAt(b, i, false); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// clsLastSep returns the position and length of the last dash, bar or comma separator in b, or
// -1.
func clsLastSep(b []byte) (int, int) {
	for i := len(b) - 1; i >= 0; i-- {
		if n := clsSepAt(b, i, true); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// clsIsPlace reports whether seg looks like a place name: words in capitals ("SHENZHEN", "CN",
// "LOS ANGELES"), postcodes, and with title set capitalised words ("Hong Kong"), and none of them
// a word the built-in rules use. Short capital codes ("CN", "CA", "IL") are allowed even when they
// spell a rule word ("AT"), because after a comma they are country and state codes. Since no rule
// word is cut, cutting a place never changes what the built-in rules find.
func clsIsPlace(seg []byte, title, countries bool) bool {
	seg = bytes.TrimSpace(seg)
	if len(seg) == 0 || len(seg) > 64 {
		return false
	}
	words := 0
	for i := 0; i < len(seg); {
		var w []byte
		if w, i = clsNextWord(seg, i); w == nil {
			break
		}
		if clsAllDigits(w) {
			continue
		}
		switch {
		case clsIsCaps(w):
			if utf8.RuneCount(w) <= 2 {
				words++
				continue
			}
		case title && clsIsTitle(w):
		case words > 0 && clsPlaceConnectors[string(w)]:
			continue // "Rio de Janeiro", "Isle of Wight"
		default:
			return false
		}
		if clsInVocab(w) || countries && clsIsCountry(w) {
			return false
		}
		words++
	}
	return words > 0
}

var clsPlaceConnectors = map[string]bool{"de": true, "del": true, "la": true, "le": true, "of": true,
	"am": true, "an": true, "der": true, "sur": true, "upon": true, "en": true}

// clsNextWord returns the first word of b at or after i (a run of letters, digits and
// apostrophes) and the position after it; word is nil when there is none. A word holding a CJK
// letter is returned too, and is never a place: it has no capitals.
func clsNextWord(b []byte, i int) (word []byte, next int) {
	start := -1
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		if isWord && start < 0 {
			start = i
		}
		if !isWord && start >= 0 {
			return b[start:i], i
		}
		i += n
	}
	if start >= 0 {
		return b[start:], len(b)
	}
	return nil, len(b)
}

func clsAllDigits(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(w) > 0
}

// clsIsCaps reports whether w has a letter, only upper-case letters, and no CJK letter.
func clsIsCaps(w []byte) bool {
	letter := false
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRune(w[i:])
		i += n
		if unicode.IsLower(r) || clsIsCJK(r) {
			return false
		}
		letter = letter || unicode.IsUpper(r)
	}
	return letter
}

// clsIsTitle reports whether w is one capital followed by lower-case letters or digits.
func clsIsTitle(w []byte) bool {
	r, n := utf8.DecodeRune(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for i := n; i < len(w); i += n {
		if r, n = utf8.DecodeRune(w[i:]); unicode.IsUpper(r) || clsIsCJK(r) {
			return false
		}
	}
	return true
}

func clsHasLetter(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// clsIsCountry reports whether the word w, lower-cased, is part of a country's name the lexicon
// knows.
func clsIsCountry(w []byte) bool {
	var buf [64]byte
	return clsCountryWords[string(clsAppendLower(buf[:0], w))]
}

// clsInVocab reports whether the word w, lower-cased, is a word the lexicon or a built-in rule
// names.
func clsInVocab(w []byte) bool {
	var buf [64]byte
	f := clsAppendLower(buf[:0], w)
	return !clsDropWords[string(f)] && (clsLexicon.inVocab(f) || clsRules.inVocab(f))
}

// clsCarriesRule reports whether some built-in rule (a mask included) matches inside the folded
// text b, read as a text of its own.
func clsCarriesRule(b []byte) bool {
	var nbuf [128]byte
	norm := clsAppendLower(nbuf[:0], b)
	var tbuf [32]clsTok
	toks := clsTokenize(tbuf[:0], norm)
	r := clsReadings.Get().(*clsReading)
	defer clsReadings.Put(r)
	r.rewrite(norm, toks)
	var mbuf [1]clsMatch
	return len(clsRules.matches(mbuf[:0], r.text, r.toks)) > 0
}

// ---- tokens ----

// clsTok is one word of a normal form: norm[s:e]. Words are runs of letters and digits; an
// apostrophe separates words, so French elisions match their noun ("l'adresse" holds "adresse")
// and a rule written "we've" splits the same way. Each CJK character is a word of its own, because
// Chinese and Japanese texts have no spaces ("已签收" is 已 签 收) and a rule written in them then
// matches as a run of characters.
type clsTok struct{ s, e int32 }

func clsTokenize(dst []clsTok, b []byte) []clsTok {
	start := -1
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case clsIsCJK(r):
			if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
			dst = append(dst, clsSpan(i, i+n))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				dst = append(dst, clsSpan(start, i))
				start = -1
			}
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, clsSpan(start, len(b)))
	}
	return dst
}

// clsSpan is the token b[s:e]. An offset fits int32 with room to spare: a status text is at most
// maxTextLen characters in an import, and one line of at most 1 MiB in `portal classify`.
func clsSpan(s, e int) clsTok {
	return clsTok{int32(s), int32(e)} // #nosec G115 -- offsets in one status text, far below 2^31 (above)
}

// clsIsCJK reports whether r is a Han, Hiragana, Katakana or Hangul character. Each is a token of
// its own, because Chinese and Japanese write no spaces and Korean glues endings to its words
// ("배달완료되었습니다" holds 배달완료, delivered).
func clsIsCJK(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}
