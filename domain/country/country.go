// Package country reads the destination country sellers' files and forms write, in any of the
// ways they write it, and returns its ISO 3166-1 alpha-2 code; and gives a code's English name.
// It knows nothing of the database or the rest of the portal.
package country

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/parceldesk/portal/domain/cell"
)

// Parse reads a destination country as sellers' files write it and returns its ISO 3166-1
// alpha-2 code in upper case: an alpha-2 code in any case ("de", and "uk" for GB), an alpha-3 code
// ("DEU"), the English name in its ISO, common and official forms ("United States", "U.S.A.",
// "Korea, Republic of", "Czechia", "Czech Republic") or a local name ("Deutschland", "España",
// "Россия", "中国"). Case, accents, punctuation and "&"/"and" do not matter; "the" in front and a
// part in brackets ("Germany (DE)") are tried without. It reports false for anything else.
func Parse(s string) (string, bool) {
	s = strings.TrimFunc(s, cell.IsBlank)
	if s == "" {
		return "", false
	}
	idx := countries()
	if code, ok := lookupCountry(idx, s); ok {
		return code, true
	}
	// "Germany (DE)", "Hong Kong (SAR)": try the part outside the brackets, then inside.
	if i := strings.IndexByte(s, '('); i > 0 {
		if j := strings.LastIndexByte(s, ')'); j > i {
			if code, ok := lookupCountry(idx, s[:i]); ok {
				return code, true
			}
			if code, ok := lookupCountry(idx, s[i+1:j]); ok {
				return code, true
			}
		}
	}
	return "", false
}

func lookupCountry(idx map[string]string, s string) (string, bool) {
	var buf [64]byte
	k, ok := countryKeyASCII(buf[:0], s)
	if ok && len(k) <= 3 && !codeLike(s) {
		return "", false // "N/A" is not Namibia, nor "1-A" anything
	}
	if ok {
		// Indexing with string(k) does not allocate.
		if code, found := idx[string(k)]; found {
			return code, true
		}
		if len(k) > 3 && string(k[:3]) == "the" {
			code, found := idx[string(k[3:])]
			return code, found
		}
		return "", false
	}
	// Non-ASCII names need Unicode folding, which allocates; a file repeats the same few
	// countries, so the answers are remembered.
	if code, found := foldedCountries.Load(s); found {
		return code.(string), true
	}
	key := countryKey(s)
	code, found := idx[key]
	if !found && strings.HasPrefix(key, "the") {
		code, found = idx[key[3:]]
	}
	if found && foldedCount.Add(1) <= maxFoldedCountries {
		foldedCountries.Store(strings.Clone(s), code)
	}
	return code, found
}

// foldedCountries remembers non-ASCII spellings already looked up ("España" → "ES"), at most
// maxFoldedCountries of them, so that a hostile file cannot grow it without bound.
var (
	foldedCountries sync.Map
	foldedCount     atomic.Int64
)

const maxFoldedCountries = 4096

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Name is the English name of an ISO alpha-2 code, or the code when it is unknown. ISO's
// inverted forms ("Korea, Republic of") give way to the common name that follows them.
func Name(code string) string {
	if code == "" {
		return ""
	}
	for _, c := range countryTable {
		if c.a2 == code {
			names := strings.Split(c.english, "|")
			if strings.Contains(names[0], ",") && len(names) > 1 {
				return names[1]
			}
			return names[0]
		}
	}
	return code
}

// codeLike reports whether s can be a country code: letters, with dots and spaces at most
// ("U.K.", "us").
func codeLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !asciiLetter(c) && c != '.' && c != ' ' {
			return false
		}
	}
	return true
}

// countryKeyASCII is countryKey for plain ASCII text, written into dst without allocating; it
// reports false when s is not ASCII or too long for dst's capacity.
func countryKeyASCII(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '&':
			if len(dst)+3 > cap(dst) {
				return nil, false
			}
			dst = append(dst, "and"...)
			continue
		default:
			continue
		}
		if len(dst) == cap(dst) {
			return nil, false
		}
		dst = append(dst, c)
	}
	return dst, true
}

// stripMarks removes accents: "España" → "Espana", "Curaçao" → "Curacao".
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
}}

// countryKey folds a country name for lookup: accents removed, lower case, "&" read as "and",
// and only letters and digits kept.
func countryKey(s string) string {
	t := stripMarks.Get().(transform.Transformer)
	folded, _, err := transform.String(t, s)
	stripMarks.Put(t)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	for _, r := range folded {
		switch {
		case r == '&':
			b.WriteString("and")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

var (
	countryOnce  sync.Once
	countryIndex map[string]string
)

// countries builds the lookup index on first use, so programs that never import a file do not
// pay for it.
func countries() map[string]string {
	countryOnce.Do(func() {
		idx := make(map[string]string, 8*len(countryTable))
		// Codes first, then English names, then local names: a later entry never replaces an
		// earlier one, so a local name can never steal a code or an English name.
		for _, c := range countryTable {
			idx[strings.ToLower(c.a2)] = c.a2
			idx[strings.ToLower(c.a3)] = c.a2
		}
		for pass := 0; pass < 2; pass++ {
			for _, c := range countryTable {
				names := c.english
				if pass == 1 {
					names = c.local
				}
				for _, n := range strings.Split(names, "|") {
					if k := countryKey(n); k != "" {
						if _, taken := idx[k]; !taken {
							idx[k] = c.a2
						}
					}
				}
			}
		}
		countryIndex = idx
	})
	return countryIndex
}

// countryTable lists every ISO 3166-1 country (and XK, Kosovo, which carriers use), with its
// alpha-2 and alpha-3 codes, its English names (ISO short, official and common names, then
// everyday variants) and local names: the country's own name and its name in German, French,
// Spanish, Italian, Portuguese, Dutch, Polish, Russian and Chinese, the languages sellers'
// exports most often come in. Names are separated by "|". Generated from the Debian iso-codes
// tables (iso_3166-1.json and their translations), then extended by hand.
var countryTable = [...]struct{ a2, a3, english, local string }{
	{"AD", "AND", "Andorra|Principality of Andorra", "Andorre|Andora|Андорра|安道尔"},
	{"AE", "ARE", "United Arab Emirates|UAE|Emirates", "Vereinigte Arabische Emirate|Émirats arabes unis|Emiratos Árabes Unidos|Emirati Arabi Uniti|Emirados Árabes Unidos|Verenigde Arabische Emiraten|Zjednoczone Emiraty Arabskie|Объединённые Арабские Эмираты|阿联酋|الإمارات|الإمارات العربية المتحدة"},
	{"AF", "AFG", "Afghanistan|Islamic Republic of Afghanistan", "Afganistán|Afeganistão|Афганистан|阿富汗"},
	{"AG", "ATG", "Antigua and Barbuda|Antigua", "Antigua und Barbuda|Antigua-et-Barbuda|Antigua y Barbuda|Antigua e Barbuda|Antigua en Barbuda|Antigua i Barbuda|Антигуа и Барбуда|安提瓜和巴布达"},
	{"AI", "AIA", "Anguilla", "Anguila|Ангвилла|安圭拉"},
	{"AL", "ALB", "Albania|Republic of Albania", "Albanien|Albanie|Албания|阿尔巴尼亚|Shqipëria"},
	{"AM", "ARM", "Armenia|Republic of Armenia", "Armenien|Arménie|Армения|亚美尼亚|Հայաստան"},
	{"AO", "AGO", "Angola|Republic of Angola", "Ангола|安哥拉"},
	{"AQ", "ATA", "Antarctica", "Antarktis|Antarctique|Antártida|Antartide|Antarktyka|Антарктика|南极洲"},
	{"AR", "ARG", "Argentina|Argentine Republic", "Argentinien|Argentine|Argentinië|Argentyna|Аргентина|阿根廷"},
	{"AS", "ASM", "American Samoa", "Amerikanisch-Samoa|Samoa américaines|Samoa Estadounidense|Samoa americane|Samoa Americana|Amerikaans-Samoa|Samoa Amerykańskie|Американские Самоа|美属萨摩亚"},
	{"AT", "AUT", "Austria|Republic of Austria", "Österreich|Autriche|Oostenrijk|Австрия|奥地利"},
	{"AU", "AUS", "Australia", "Australien|Australie|Австралия|澳大利亚"},
	{"AW", "ABW", "Aruba", "Аруба|阿鲁巴"},
	{"AX", "ALA", "Åland Islands", "Åland-Inseln|Åland, Îles|Islas Äland|Isole Åland|Ilhas Alanda|Ålandseilanden|Wyspy Alandzkie|Аландские острова|奥兰群岛"},
	{"AZ", "AZE", "Azerbaijan|Republic of Azerbaijan", "Aserbaidschan|Azerbaïdjan|Azerbaiyán|Azerbaigian|Azerbaijão|Azerbeidzjan|Azerbejdżan|Азербайджан|阿塞拜疆|Azərbaycan"},
	{"BA", "BIH", "Bosnia and Herzegovina|Republic of Bosnia and Herzegovina|Bosnia", "Bosnien und Herzegowina|Bosnie-Herzégovine|Bosnia y Herzegovina|Bosnia-Erzegovina|Bósnia e Herzegovina|Bosnië en Herzegovina|Bośnia i Hercegowina|Босния и Герцеговина|波斯尼亚和黑塞哥维那|Bosna i Hercegovina"},
	{"BB", "BRB", "Barbados", "Barbade|Барбадос|巴巴多斯"},
	{"BD", "BGD", "Bangladesh|People's Republic of Bangladesh", "Bangladesch|Bangladés|Bangladeche|Bangladesz|Бангладеш|孟加拉|বাংলাদেশ"},
	{"BE", "BEL", "Belgium|Kingdom of Belgium", "Belgien|Belgique|Bélgica|Belgio|België|Belgia|Бельгия|比利时"},
	{"BF", "BFA", "Burkina Faso", "Burquina Faso|Буркина-Фасо|布基纳法索"},
	{"BG", "BGR", "Bulgaria|Republic of Bulgaria", "Bulgarien|Bulgarie|Bulgarije|Bułgaria|Болгария|保加利亚|България"},
	{"BH", "BHR", "Bahrain|Kingdom of Bahrain", "Bahreïn|Baréin|Barém|Bahrajn|Бахрейн|巴林"},
	{"BI", "BDI", "Burundi|Republic of Burundi", "Бурунди|布隆迪"},
	{"BJ", "BEN", "Benin|Republic of Benin", "Benim|Бенин|贝宁"},
	{"BL", "BLM", "Saint Barthélemy|St Barthelemy|St Barts|Saint Barts", "San Bartolomé|Сен-Бартельми|圣巴泰勒米岛"},
	{"BM", "BMU", "Bermuda", "Bermudes|Islas Bermudas|Bermudas|Bermudy|Бермуды|百慕大"},
	{"BN", "BRN", "Brunei Darussalam|Brunei", "Państwo Brunei|Бруней Даруссалам|文莱"},
	{"BO", "BOL", "Bolivia, Plurinational State of|Plurinational State of Bolivia|Bolivia", "Bolivien, Plurinationaler Staat|Bolivien|Bolivie, état plurinational de|Bolivie|Bolivia, Estado plurinacional de|Bolivia, Stato Plurinazionale della|Bolívia, Estado Plurinacional da|Bolivia, Multinationale Staat|Boliwia - Wielonarodowe Państwo|Boliwia|Боливия|玻利维亚共和国|波利维亚"},
	{"BQ", "BES", "Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius und Saba|Bonaire, Saint-Eustache et Saba|Islas BES (Caribe Neerlandés)|Paesi Bassi caraibici|Bonaire, Santo Eustáquio e Saba|Bonaire, Sint Eustatius en Saba|Bonaire, Sint Eustatius i Saba|Бонайре, Синт-Эстатиус и Саба|博奈尔、圣尤斯特歇斯岛和萨巴"},
	{"BR", "BRA", "Brazil|Federative Republic of Brazil", "Brasilien|Brésil|Brasil|Brasile|Brazilië|Brazylia|Бразилия|巴西"},
	{"BS", "BHS", "Bahamas|Commonwealth of the Bahamas|The Bahamas", "Bahamy|Багамы|巴哈马"},
	{"BT", "BTN", "Bhutan|Kingdom of Bhutan", "Bhoutan|Bután|Butão|Бутан|不丹"},
	{"BV", "BVT", "Bouvet Island", "Bouvet-Insel|île Bouvet|Isla Bouvet|Isola Bouvet|Ilha Bouvet|Bouveteiland|Wyspa Bouveta|Остров Буве|布维群岛"},
	{"BW", "BWA", "Botswana|Republic of Botswana", "Botsuana|Ботсвана|博兹瓦那"},
	{"BY", "BLR", "Belarus|Republic of Belarus|Belorussia|Byelorussia", "Bielorrusia|Bielorussia|Wit-Rusland|Białoruś|Беларусь|白俄罗斯"},
	{"BZ", "BLZ", "Belize", "Belice|Белиз|伯利兹"},
	{"CA", "CAN", "Canada", "Kanada|Канада|加拿大"},
	{"CC", "CCK", "Cocos (Keeling) Islands|Cocos Islands|Keeling Islands", "Kokos-(Keeling-)Inseln|Cocos (Keeling), Îles|Islas Cocos (Keeling)|Isole Cocos (Keeling)|Ilhas Cocos|Cocoseilanden (Keelingeilanden)|Wyspy Kokosowe (Wyspy Keelinga)|Кокосовые острова|科科斯群岛"},
	{"CD", "COD", "Congo, The Democratic Republic of the|DRC|DR Congo|Congo-Kinshasa|Democratic Republic of the Congo|Congo (DRC)|Congo, Democratic Republic", "Demokratische Republik Kongo|République démocratique du Congo|Congo, República Democrática del|Repubblica democratica del Congo|Congo, República Democrática do|Congo, Democratische Republiek|Kongo, Demokratyczna Republika Konga|Демократическая Республика Конго|刚果民主共和国"},
	{"CF", "CAF", "Central African Republic", "Zentralafrikanische Republik|République centrafricaine|República Centroafricana|Repubblica Centrafricana|Centraal-Afrikaanse Republiek|Republika Środkowoafrykańska|Центрально-африканская республика|中非"},
	{"CG", "COG", "Congo|Republic of the Congo|Congo-Brazzaville|Congo Republic|Congo, Republic of", "Kongo|République du Congo|Конго|刚果"},
	{"CH", "CHE", "Switzerland|Swiss Confederation", "Schweiz|Suisse|Suiza|Svizzera|Suíça|Zwitserland|Szwajcaria|Швейцария|瑞士|Svizra"},
	{"CI", "CIV", "Côte d'Ivoire|Republic of Côte d'Ivoire|Ivory Coast", "Costa de Marfíl|Costa d'Avorio|Costa do Marfim|Ivoorkust|Wybrzeże Kości Słoniowej|Кот-д'Ивуар|科特迪瓦"},
	{"CK", "COK", "Cook Islands", "Cookinseln|îles Cook|Islas Cook|Isole Cook|Ilhas Cook|Cookeilanden|Wyspy Cooka|Острова Кука|库克群岛"},
	{"CL", "CHL", "Chile|Republic of Chile", "Chili|Cile|Чили|智利"},
	{"CM", "CMR", "Cameroon|Republic of Cameroon", "Kamerun|Cameroun|Camerún|Camarões|Kameroen|Камерун|喀麦隆"},
	{"CN", "CHN", "China|People's Republic of China|Mainland China|China Mainland|PRC", "Chine|Cina|Chiny|Китай|中国|中華人民共和國|中华人民共和国|中国大陆"},
	{"CO", "COL", "Colombia|Republic of Colombia", "Kolumbien|Colombie|Kolumbia|Колумбия|哥伦比亚"},
	{"CR", "CRI", "Costa Rica|Republic of Costa Rica", "Kostaryka|Коста-Рика|哥斯达黎加"},
	{"CU", "CUB", "Cuba|Republic of Cuba", "Kuba|Куба|古巴"},
	{"CV", "CPV", "Cabo Verde|Republic of Cabo Verde|Cape Verde", "Kap Verde|Cap-Vert|Capo Verde|Kaapverdië|Republika Zielonego Przylądka|Кабо-Верде|佛得角"},
	{"CW", "CUW", "Curaçao", "Curazao|Кюрасао|库拉索"},
	{"CX", "CXR", "Christmas Island", "Weihnachtsinseln|Christmas, Île|Isla de Navidad|Isola di Natale|Ilha Natal|Christmaseiland|Wyspa Bożego Narodzenia|Остров Рождества|圣诞岛"},
	{"CY", "CYP", "Cyprus|Republic of Cyprus", "Zypern|Chypre|Chipre|Cipro|Cypr|Кипр|塞浦路斯|Κύπρος|Kıbrıs"},
	{"CZ", "CZE", "Czechia|Czech Republic", "Tschechien|Tchéquie|Chequia|Cechia|Tsjechië|Czechy|Чехия|捷克|Česko|Česká republika|Tschechische Republik|République tchèque|República Checa|Repubblica Ceca|República Tcheca|Tsjechische Republiek|Чешская Республика"},
	{"DE", "DEU", "Germany|Federal Republic of Germany", "Deutschland|Allemagne|Alemania|Germania|Alemanha|Duitsland|Niemcy|Германия|德国"},
	{"DJ", "DJI", "Djibouti|Republic of Djibouti", "Dschibuti|Yibuti|Gibuti|Dżibuti|Джибути|吉布提"},
	{"DK", "DNK", "Denmark|Kingdom of Denmark", "Dänemark|Dinamarca|Danimarca|Denemarken|Dania|Дания|丹麦|Danmark"},
	{"DM", "DMA", "Dominica|Commonwealth of Dominica", "Dominique|Dominika|Доминика|多米尼克"},
	{"DO", "DOM", "Dominican Republic", "Dominikanische Republik|République dominicaine|República Dominicana|Repubblica Dominicana|Dominicaanse Republiek|Republika Dominikańska|Доминиканская республика|多米尼加共和国"},
	{"DZ", "DZA", "Algeria|People's Democratic Republic of Algeria", "Algerien|Algérie|Argélia|Algerije|Algieria|Алжир|阿尔及利亚|الجزائر"},
	{"EC", "ECU", "Ecuador|Republic of Ecuador", "Équateur|Equador|Ekwador|Эквадор|厄瓜多尔"},
	{"EE", "EST", "Estonia|Republic of Estonia", "Estland|Estonie|Эстония|爱沙尼亚|Eesti"},
	{"EG", "EGY", "Egypt|Arab Republic of Egypt", "Ägypten|Égypte|Egipto|Egitto|Egito|Egipt|Египет|埃及|مصر"},
	{"EH", "ESH", "Western Sahara", "Westsahara|Sahara occidental|Sahara occidentale|Saara Ocidental|Westelijke Sahara|Sahara Zachodnia|Западная Сахара|西撒哈拉"},
	{"ER", "ERI", "Eritrea|the State of Eritrea", "Érythrée|Eritreia|Erytrea|Эритрея|厄立特里亚"},
	{"ES", "ESP", "Spain|Kingdom of Spain|Canary Islands|Balearic Islands", "Spanien|Espagne|España|Spagna|Espanha|Spanje|Hiszpania|Испания|西班牙"},
	{"ET", "ETH", "Ethiopia|Federal Democratic Republic of Ethiopia", "Äthiopien|Éthiopie|Etiopía|Эфиопия|埃塞俄比亚"},
	{"FI", "FIN", "Finland|Republic of Finland", "Finnland|Finlande|Finlandia|Финляндия|芬兰|Suomi"},
	{"FJ", "FJI", "Fiji|Republic of Fiji", "Fidschi|Fidji|Fiyi|Figi|Fidżi|Фиджи|斐济"},
	{"FK", "FLK", "Falkland Islands (Malvinas)|Falkland Islands|Falklands", "Falklandinseln (Malwinen)|Malouines, Îles (Falkland)|Islas Falkland (Malvinas)|Isole Falkland (Malvine)|Ilhas Falkland (Malvinas)|Falklandeilanden (Malvinas)|Falklandy (Malwiny)|Фолклендские (Мальвинские) острова|福克兰群岛(马尔维纳斯)"},
	{"FM", "FSM", "Micronesia, Federated States of|Federated States of Micronesia|Micronesia", "Mikronesien, Föderierte Staaten von|Micronésie, États fédérés de|Micronesia, Estados Federados de|Micronésia, Estados Federados da|Mikronezja|Федеративные Штаты Микронезии|密克罗尼西亚"},
	{"FO", "FRO", "Faroe Islands", "Färöer-Inseln|îles Féroé|Islas Feroe|Isole Fær Øer|Ilhas Faroé|Faeröer|Wyspy Owcze|Фарерские острова|法罗群岛"},
	{"FR", "FRA", "France|French Republic", "Frankreich|Francia|França|Frankrijk|Francja|Франция|法国|法國"},
	{"GA", "GAB", "Gabon|Gabonese Republic", "Gabun|Gabão|Габон|加蓬"},
	{"GB", "GBR", "United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|United Kingdom (UK)", "Vereinigtes Königreich|Royaume-Uni|Reino Unido|Regno Unito|Verenigd Koninkrijk|Wielka Brytania|Соединённое Королевство|英国|Großbritannien|Grande-Bretagne|Gran Bretaña|Gran Bretagna|Grã-Bretanha|Groot-Brittannië|Великобритания|英國"},
	{"GD", "GRD", "Grenada", "Grenade|Granada|Гренада|格林纳达"},
	{"GE", "GEO", "Georgia", "Georgien|Géorgie|Gruzja|Грузия|格鲁吉亚|საქართველო|Sakartvelo"},
	{"GF", "GUF", "French Guiana", "Französisch-Guyana|Guyane française|Guayana Francesa|Guyana francese|Guiana Francesa|Frans-Guyana|Gujana Francuska|Французская Гвиана|法属圭亚那"},
	{"GG", "GGY", "Guernsey", "Guernesey|Гернси|根西岛"},
	{"GH", "GHA", "Ghana|Republic of Ghana", "Gana|Гана|加纳"},
	{"GI", "GIB", "Gibraltar", "Gibilterra|Гибралтар|直布罗陀"},
	{"GL", "GRL", "Greenland", "Grönland|Groënland|Groenlandia|Gronelândia|Grenlandia|Гренландия|格陵兰"},
	{"GM", "GMB", "Gambia|Republic of the Gambia|The Gambia", "Gambie|Гамбия|冈比亚"},
	{"GN", "GIN", "Guinea|Republic of Guinea", "Guinée|Guiné|Gwinea|Гвинея|几内亚"},
	{"GP", "GLP", "Guadeloupe", "Guadalupe|Guadalupa|Gwadelupa|Гваделупа|瓜德罗普"},
	{"GQ", "GNQ", "Equatorial Guinea|Republic of Equatorial Guinea", "Äquatorialguinea|Guinée Équatoriale|Guinea Ecuatorial|Guinea equatoriale|Guiné Equatorial|Equatoriaal-Guinea|Gwinea Równikowa|Экваториальная Гвинея|赤道几内亚"},
	{"GR", "GRC", "Greece|Hellenic Republic", "Griechenland|Grèce|Grecia|Griekenland|Grecja|Греция|希腊|Ελλάδα|Ellada|Hellas"},
	{"GS", "SGS", "South Georgia and the South Sandwich Islands|South Georgia", "South Georgia und die Südlichen Sandwichinseln|Géorgie du Sud et les îles Sandwich du Sud|Islas Georgias del Sur y Sándwich del Sur|Georgia del Sud e Isole Sandwich Australi|Ilhas Geórgia do Sul e Sandwich do Sul|Zuid-Georgia en de Zuidelijke Sandwicheilanden|Georgia Południowa i Sandwich Południowy|Южная Джорджия и Южные Сандвичевы острова|南乔治亚岛和南桑德韦奇岛"},
	{"GT", "GTM", "Guatemala|Republic of Guatemala", "Gwatemala|Гватемала|瓜地马拉"},
	{"GU", "GUM", "Guam", "Гуам|关岛"},
	{"GW", "GNB", "Guinea-Bissau|Republic of Guinea-Bissau", "Guinée-Bissau|Guinea-Bisáu|Guiné-Bissáu|Gwinea Bissau|Гвинея-Бисау|几内亚比绍"},
	{"GY", "GUY", "Guyana|Republic of Guyana", "Guiana|Gujana|Гайана|圭亚那"},
	{"HK", "HKG", "Hong Kong|Hong Kong Special Administrative Region of China|Hong Kong SAR|Hong Kong SAR China|Hong Kong, China", "Гонконг|香港|中国香港"},
	{"HM", "HMD", "Heard Island and McDonald Islands|Heard and McDonald Islands", "Heard und McDonaldinseln|îles Heard-et-MacDonald|Islas Heard y McDonald|Isole Heard e McDonald|Ilha Heard e Ilhas McDonald|Heardeiland en McDonaldeilanden|Wyspy Heard i McDonalda|Остров Херд и острова МакДональд|赫德岛与麦克唐纳群岛"},
	{"HN", "HND", "Honduras|Republic of Honduras", "Гондурас|洪都拉斯"},
	{"HR", "HRV", "Croatia|Republic of Croatia", "Kroatien|Croatie|Croacia|Croazia|Kroatië|Chorwacja|Хорватия|克罗地亚|Hrvatska"},
	{"HT", "HTI", "Haiti|Republic of Haiti", "Гаити|海地"},
	{"HU", "HUN", "Hungary", "Ungarn|Hongrie|Hungría|Ungheria|Hongarije|Węgry|Венгрия|匈牙利|Magyarország"},
	{"ID", "IDN", "Indonesia|Republic of Indonesia", "Indonesien|Indonésie|Indonezja|Индонезия|印度尼西亚"},
	{"IE", "IRL", "Ireland|Republic of Ireland", "Irland|Irlande|Irlanda|Ierland|Irlandia|Ирландия|爱尔兰|Éire"},
	{"IL", "ISR", "Israel|State of Israel", "Israele|Izrael|Израиль|以色列|ישראל"},
	{"IM", "IMN", "Isle of Man", "Insel Man|Île de Man|Isla de Man|Isola di Man|Ilha de Man|Eiland Man|Wyspa Man|Остров Мэн|曼岛"},
	{"IN", "IND", "India|Republic of India", "Indien|Inde|Indie|Индия|印度|भारत|Bharat"},
	{"IO", "IOT", "British Indian Ocean Territory", "Britisches Territorium im Indischen Ozean|Territoire britannique de l'océan Indien|Territorio Británico del Océano Índico|Territorio britannico dell'Oceano Indiano|Território Britânico do Oceano Índico|Brits Indische Oceaanterritorium|Brytyjskie Terytorium Oceanu Indyjskiego|Британская территория Индийского океана|英属印度洋领地"},
	{"IQ", "IRQ", "Iraq|Republic of Iraq", "Irak|Iraque|Ирак|伊拉克|العراق"},
	{"IR", "IRN", "Iran, Islamic Republic of|Islamic Republic of Iran|Iran", "Iran, Islamische Republik|Iran, République islamique d'|Irán, República islámica de|Irão, República Islâmica do|Iran, Islamska Republika|Иран|伊朗伊斯兰共和国|伊朗|ایران"},
	{"IS", "ISL", "Iceland|Republic of Iceland", "Island|Islande|Islandia|Islanda|IJsland|Исландия|冰岛"},
	{"IT", "ITA", "Italy|Italian Republic", "Italien|Italie|Italia|Włochy|Италия|意大利"},
	{"JE", "JEY", "Jersey", "Джерси|泽西岛"},
	{"JM", "JAM", "Jamaica", "Jamaika|Jamaïque|Giamaica|Jamajka|Ямайка|牙买加"},
	{"JO", "JOR", "Jordan|Hashemite Kingdom of Jordan", "Jordanien|Jordanie|Jordania|Giordania|Иордания|约旦|الأردن"},
	{"JP", "JPN", "Japan", "Japon|Giappone|Japão|Japonia|Япония|日本|Nippon|Nihon"},
	{"KE", "KEN", "Kenya|Republic of Kenya", "Kenia|Quénia|Кения|肯尼亚"},
	{"KG", "KGZ", "Kyrgyzstan|Kyrgyz Republic", "Kirgisistan|Kirghizistan|Kirguistán|Quirguistão|Kirgizië|Kirgistan|Киргизия|吉尔吉斯坦"},
	{"KH", "KHM", "Cambodia|Kingdom of Cambodia", "Kambodscha|Cambodge|Camboya|Cambogia|Camboja|Cambodja|Kambodża|Камбоджа|柬埔塞"},
	{"KI", "KIR", "Kiribati|Republic of Kiribati", "Кирибати|基里巴斯"},
	{"KM", "COM", "Comoros|Union of the Comoros", "Komoren|Comores|Comores, Islas|Comore|Comoren|Komory|Коморы|科摩罗"},
	{"KN", "KNA", "Saint Kitts and Nevis|St Kitts and Nevis|Saint Kitts|St Kitts", "St. Kitts und Nevis|Saint-Christophe-et-Niévès|San Cristóbal y Nieves|Saint Kitts e Nevis|São Cristóvão e Nevis|Saint Kitts en Nevis|Saint Kitts i Nevis|Сент-Китс и Невис|圣基茨和尼维斯"},
	{"KP", "PRK", "Korea, Democratic People's Republic of|Democratic People's Republic of Korea|North Korea|DPRK|Korea (North)", "Korea, Demokratische Volksrepublik|Nordkorea|Corée, République populaire démocratique de|Corée du Nord|Corea, República Democrática Popular de|Corea del Nord|Coreia, República Popular Democrática da|Coreia do Norte|Korea, Democratische Volksrepubliek|Noord-Korea|Korea - Republika Ludowo-Demokratyczna|Korea Północna|Корейская Народно-Демократическая Республика|Северная Корея|朝鲜民主主义人民共和国|朝鲜|조선|Corea del Norte"},
	{"KR", "KOR", "Korea, Republic of|South Korea|Korea|Republic of Korea|Korea (South)", "Korea, Republik|Südkorea|Corée, République de|Corée du Sud|Corea, República de|Corea del sud|Coreia, República da|Coreia do Sul|Korea, Republiek|Zuid-Korea|Republika Korei|Korea Południowa|Республика Корея|Южная Корея|大韩民国|韩国|대한민국|한국|韓國|Corea del Sur"},
	{"KW", "KWT", "Kuwait|State of Kuwait", "Koweït|Koeweit|Kuwejt|Кувейт|科威特|الكويت"},
	{"KY", "CYM", "Cayman Islands", "Cayman-Inseln|îles Caïmans|Islas Caimán|Isole Cayman|Ilhas Caimão|Kaaimaneilanden|Kajmany|Каймановы острова|开曼群岛"},
	{"KZ", "KAZ", "Kazakhstan|Republic of Kazakhstan", "Kasachstan|Kazajistán|Kazakistan|Cazaquistão|Kazachstan|Казахстан|哈萨克斯坦|Қазақстан"},
	{"LA", "LAO", "Lao People's Democratic Republic|Laos|Lao PDR", "Laos, Demokratische Volksrepublik|Lao, République démocratique populaire|República Democrática Popular de Lao|República Democrática Popular do Laos|Laos Democratische Volksrepubliek|Laotańska Republika Ludowo-Demokratyczna|Лаосская Народно-Демократическая Республика|老挝人民民主共和国|老挝"},
	{"LB", "LBN", "Lebanon|Lebanese Republic", "Libanon|Liban|Líbano|Ливан|黎巴嫩|لبنان"},
	{"LC", "LCA", "Saint Lucia|St Lucia", "Sainte-Lucie|Santa Lucía|Сент-Люсия|圣路西亚"},
	{"LI", "LIE", "Liechtenstein|Principality of Liechtenstein", "Лихтенштейн|列支敦士登"},
	{"LK", "LKA", "Sri Lanka|Democratic Socialist Republic of Sri Lanka", "Шри-Ланка|斯里兰卡"},
	{"LR", "LBR", "Liberia|Republic of Liberia", "Либерия|利比里亚"},
	{"LS", "LSO", "Lesotho|Kingdom of Lesotho", "Lesoto|Лесото|莱索托"},
	{"LT", "LTU", "Lithuania|Republic of Lithuania", "Litauen|Lituanie|Lituania|Litouwen|Litwa|Литва|立陶宛|Lietuva"},
	{"LU", "LUX", "Luxembourg|Grand Duchy of Luxembourg", "Luxemburg|Luxemburgo|Lussemburgo|Luksemburg|Люксембург|卢森堡|Lëtzebuerg"},
	{"LV", "LVA", "Latvia|Republic of Latvia", "Lettland|Lettonie|Letonia|Lettonia|Letland|Łotwa|Латвия|拉脱维亚|Latvija"},
	{"LY", "LBY", "Libya", "Libyen|Libye|Libia|Libië|Ливия|利比亚"},
	{"MA", "MAR", "Morocco|Kingdom of Morocco", "Marokko|Maroc|Marruecos|Marocco|Marrocos|Maroko|Марокко|摩洛哥|المغرب"},
	{"MC", "MCO", "Monaco|Principality of Monaco", "Monako|Монако|摩纳哥"},
	{"MD", "MDA", "Moldova, Republic of|Republic of Moldova|Moldova", "Moldau, Republik|Moldau|Moldova, République de|Moldavie|Moldavia, República de|Moldavia|Moldávia, República da|Moldavië, Republiek|Mołdawia - Republika|Mołdawia|Республика Молдова|Молдавия|摩尔多瓦共和国|摩尔多瓦"},
	{"ME", "MNE", "Montenegro", "Czarnogóra|Черногория|黑山|Crna Gora|Црна Гора"},
	{"MF", "MAF", "Saint Martin (French part)|St Martin|Saint Martin", "Saint Martin (Französischer Teil)|Saint-Martin (partie française)|San Martín (zona francesa)|Saint-Martin (Francia)|São Martin (Território Francês)|Sint-Maarten (Frans deel)|Saint-Martin (część francuska)|Сен-Мартен (Франция)|法属圣马丁"},
	{"MG", "MDG", "Madagascar|Republic of Madagascar", "Madagaskar|Мадагаскар|马达加斯加"},
	{"MH", "MHL", "Marshall Islands|Republic of the Marshall Islands", "Marshallinseln|Îles Marshall|Islas Marshall|Isole Marshall|Ilhas Marshall|Marshalleilanden|Wyspy Marshalla|Маршалловы острова|马绍尔群岛"},
	{"MK", "MKD", "North Macedonia|Republic of North Macedonia|Macedonia|FYROM", "Nordmazedonien|Macédoine du Nord|Macedonia del Norte|Macedonia del Nord|Macedónia do Norte|Noord-Macedonië|Macedonia Północna|Северная Македония|北马其顿|Северна Македонија"},
	{"ML", "MLI", "Mali|Republic of Mali", "Мали|马里"},
	{"MM", "MMR", "Myanmar|Republic of Myanmar|Burma", "Birmanie|Birmania|Mjanma|Мьянма|缅甸"},
	{"MN", "MNG", "Mongolia", "Mongolei|Mongolie|Монголия|蒙古"},
	{"MO", "MAC", "Macao|Macao Special Administrative Region of China|Macau|Macao SAR|Macau SAR China", "Makau|Макао|澳门|澳門|中国澳门"},
	{"MP", "MNP", "Northern Mariana Islands|Commonwealth of the Northern Mariana Islands", "Nördliche Marianen|Îles Mariannes du Nord|Islas Marianas del Norte|Isole Marianne Settentrionali|Ilhas Marianas do Norte|Noordelijke Marianen|Mariany Północne|Острова северной Марианы|北马里亚纳群岛"},
	{"MQ", "MTQ", "Martinique", "Martinica|Martynika|Мартиника|马提尼克"},
	{"MR", "MRT", "Mauritania|Islamic Republic of Mauritania", "Mauretanien|Mauritanie|Mauretania|Мавритания|毛里塔尼亚"},
	{"MS", "MSR", "Montserrat", "Monserrate|Монтсеррат|蒙塞拉特岛"},
	{"MT", "MLT", "Malta|Republic of Malta", "Malte|Мальта|马尔他"},
	{"MU", "MUS", "Mauritius|Republic of Mauritius", "Maurice|Mauricio|Maurizio|Maurícia|Маврикий|毛里求斯"},
	{"MV", "MDV", "Maldives|Republic of Maldives", "Malediven|Islas Maldivas|Maldive|Maldivas|Maldiven|Malediwy|Мальдивы|马尔代夫"},
	{"MW", "MWI", "Malawi|Republic of Malawi", "Malaui|Малави|马拉维"},
	{"MX", "MEX", "Mexico|United Mexican States", "Mexiko|Mexique|Messico|Meksyk|Мексика|墨西哥"},
	{"MY", "MYS", "Malaysia", "Malaisie|Malasia|Maleisië|Malezja|Малайзия|马来西亚"},
	{"MZ", "MOZ", "Mozambique|Republic of Mozambique", "Mosambik|Mozambico|Moçambique|Mozambik|Мозамбик|莫桑比克"},
	{"NA", "NAM", "Namibia|Republic of Namibia", "Namibie|Намибия|纳米比亚"},
	{"NC", "NCL", "New Caledonia", "Neukaledonien|Nouvelle-Calédonie|Nueva Caledonia|Nuova Caledonia|Nova Caledónia|Nieuw-Caledonië|Nowa Kaledonia|Новая Каледония|新喀里多尼亚"},
	{"NE", "NER", "Niger|Republic of the Niger", "Нигер|尼日尔"},
	{"NF", "NFK", "Norfolk Island", "Norfolkinsel|île Norfolk|Isla Norfolk|Isola Norfolk|Ilha Norfolk|Norfolk|Wyspy Norfolk|Остров Норфолк|诺福克岛"},
	{"NG", "NGA", "Nigeria|Federal Republic of Nigeria", "Нигерия|尼日利亚"},
	{"NI", "NIC", "Nicaragua|Republic of Nicaragua", "Nikaragua|Никарагуа|尼加拉瓜"},
	{"NL", "NLD", "Netherlands|Kingdom of the Netherlands|Holland|The Netherlands|Netherlands, The", "Niederlande|Pays-Bas|Países Bajos|Paesi Bassi|Países Baixos|Nederland|Holandia|Нидерланды|荷兰"},
	{"NO", "NOR", "Norway|Kingdom of Norway", "Norwegen|Norvège|Noruega|Norvegia|Noorwegen|Norwegia|Норвегия|挪威|Norge|Noreg"},
	{"NP", "NPL", "Nepal|Federal Democratic Republic of Nepal", "Непал|尼泊尔"},
	{"NR", "NRU", "Nauru|Republic of Nauru", "Науру|瑙鲁"},
	{"NU", "NIU", "Niue", "Nioue|Ниуэ|纽埃"},
	{"NZ", "NZL", "New Zealand|Aotearoa", "Neuseeland|Nouvelle-Zélande|Nueva Zelanda|Nuova Zelanda|Nova Zelândia|Nieuw-Zeeland|Nowa Zelandia|Новая Зеландия|新西兰"},
	{"OM", "OMN", "Oman|Sultanate of Oman", "Omã|Оман|阿曼"},
	{"PA", "PAN", "Panama|Republic of Panama", "Панама|巴拿马"},
	{"PE", "PER", "Peru|Republic of Peru", "Pérou|Перу|秘鲁"},
	{"PF", "PYF", "French Polynesia", "Französisch-Polynesien|Polynésie française|Polinesia Francesa|Polinesia francese|Frans-Polynesië|Polinezja Francuska|Французская Полинезия|法属玻利尼西亚"},
	{"PG", "PNG", "Papua New Guinea|Independent State of Papua New Guinea", "Papua-Neuguinea|Papouasie-Nouvelle-Guinée|Papúa Nueva Guinea|Papua Nuova Guinea|Papua Nova Guiné|Papoea-Nieuw-Guinea|Papua-Nowa Gwinea|Папуа — Новая Гвинея|巴布亚新几内亚"},
	{"PH", "PHL", "Philippines|Republic of the Philippines", "Philippinen|Filipinas|Filippine|Filipijnen|Filipiny|Филиппины|菲律宾|Pilipinas"},
	{"PK", "PAK", "Pakistan|Islamic Republic of Pakistan", "Paquistão|Пакистан|巴基斯坦|پاکستان"},
	{"PL", "POL", "Poland|Republic of Poland", "Polen|Pologne|Polonia|Polska|Польша|波兰"},
	{"PM", "SPM", "Saint Pierre and Miquelon|St Pierre and Miquelon", "St. Pierre und Miquelon|Saint-Pierre-et-Miquelon|San Pedro y Miquelon|Saint-Pierre e Miquelon|Saint-Pierre en Miquelon|Saint-Pierre i Miquelon|Сен-Пьер и Микелон|圣皮埃尔和密克隆"},
	{"PN", "PCN", "Pitcairn|Pitcairn Islands", "Îles Pitcairn|Pitcairneilanden|Питкэрн|皮特克恩"},
	{"PR", "PRI", "Puerto Rico", "Porto Rico|Portoryko|Пуэрто-Рико|波多黎各"},
	{"PS", "PSE", "Palestine, State of|the State of Palestine|Palestine|Palestinian Territories|State of Palestine|Palestinian Territory", "Palästina, Staat|Palestine, État de|Palestina, Estado de|Palestina, Stato di|Palestina, Estado da|Palestina, Staat|Palestyna (państwo)|Палестина|巴勒斯坦"},
	{"PT", "PRT", "Portugal|Portuguese Republic", "Portogallo|Portugalia|Португалия|葡萄牙"},
	{"PW", "PLW", "Palau|Republic of Palau", "Palaos|Палау|帕劳"},
	{"PY", "PRY", "Paraguay|Republic of Paraguay", "Paraguai|Paragwaj|Парагвай|巴拉圭"},
	{"QA", "QAT", "Qatar|State of Qatar", "Katar|Catar|Катар|卡塔尔|قطر"},
	{"RE", "REU", "Réunion", "Réunion, Île de la|Riunione|Ilha Reunião|Реюньон|留尼汪"},
	{"RO", "ROU", "Romania", "Rumänien|Roumanie|Rumanía|Roménia|Roemenië|Rumunia|Румыния|罗马尼亚"},
	{"RS", "SRB", "Serbia|Republic of Serbia", "Serbien|Serbie|Sérvia|Servië|Сербия|塞尔维亚|Srbija|Србија"},
	{"RU", "RUS", "Russian Federation|Russia", "Russische Föderation|Russie, Fédération de|Federación Rusa|Federação Russa|Rusland|Federacja Rosyjska|Российская Федерация|俄罗斯|Россия|Rossiya|Russland|Russie|Rusia|Rosja"},
	{"RW", "RWA", "Rwanda|Rwandese Republic", "Ruanda|Руанда|卢旺达"},
	{"SA", "SAU", "Saudi Arabia|Kingdom of Saudi Arabia|KSA", "Saudi-Arabien|Arabie saoudite|Arabia Saudí|Arabia Saudita|Saoedi-Arabië|Arabia Saudyjska|Саудовская Аравия|沙特阿拉伯|السعودية|المملكة العربية السعودية"},
	{"SB", "SLB", "Solomon Islands", "Salomoninseln|Salomon, Îles|Islas Salomón|Isole Salomone|Ilhas Salomão|Salomonseilanden|Wyspy Salomona|Соломоновы Острова|所罗门群岛"},
	{"SC", "SYC", "Seychelles|Republic of Seychelles", "Seychellen|Seszele|Сейшелы|塞舌尔"},
	{"SD", "SDN", "Sudan|Republic of the Sudan", "Soudan|Sudão|Soedan|Судан|苏丹"},
	{"SE", "SWE", "Sweden|Kingdom of Sweden", "Schweden|Suède|Suecia|Svezia|Zweden|Szwecja|Швеция|瑞典|Sverige"},
	{"SG", "SGP", "Singapore|Republic of Singapore", "Singapur|Singapour|Singapura|Сингапур|新加坡"},
	{"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha|St Helena|Saint Helena", "St. Helena, Ascension und Tristan da Cunha|Sainte-Hélène, Ascension et Tristan da Cunha|Santa Elena, Ascensión y Tristán de Acuña|Sant'Elena, Ascensione e Tristan da Cunha|Santa Helena, Ascensão e Tristão da Cunha|Sint-Helena, Ascension en Tristan da Cunha|Wyspa Świętej Heleny, Wyspa Wniebowstąpienia i Tristan da Cunha|Остров Святой Елены, Остров Вознесения и Тристан-да-Кунья|圣赫勒拿-阿森松-特里斯坦达库尼亚"},
	{"SI", "SVN", "Slovenia|Republic of Slovenia", "Slowenien|Slovénie|Eslovenia|Słowenia|Словения|斯洛文尼亚|Slovenija"},
	{"SJ", "SJM", "Svalbard and Jan Mayen|Svalbard", "Svalbard und Jan Mayen|Svalbard et île Jan Mayen|Svalbard y Jan Mayen|Svalbard e Jan Mayen|Spitsbergen en Jan Mayen|Svalbard i Jan Mayen|Шпицберген и Ян-Майен|斯瓦尔巴特和扬马延岛"},
	{"SK", "SVK", "Slovakia|Slovak Republic", "Slowakei|Slovaquie|Eslovaquia|Slovacchia|Slowakije|Słowacja|Словакия|斯洛伐克|Slovensko"},
	{"SL", "SLE", "Sierra Leone|Republic of Sierra Leone", "Sierra Leona|Serra Leoa|Сьерра-Леоне|塞拉利昂"},
	{"SM", "SMR", "San Marino|Republic of San Marino", "Saint-Marin|Сан-Марино|圣马力诺市"},
	{"SN", "SEN", "Senegal|Republic of Senegal", "Сенегал|塞内加尔"},
	{"SO", "SOM", "Somalia|Federal Republic of Somalia", "Somalie|Сомали|索马里"},
	{"SR", "SUR", "Suriname|Republic of Suriname", "Surinam|Суринам|苏里南"},
	{"SS", "SSD", "South Sudan|Republic of South Sudan", "Südsudan|Soudan du Sud|Sudán del Sur|Sudan del sud|Sudão do Sul|Zuid-Soedan|Sudan Południowy|Южный Судан|南苏丹"},
	{"ST", "STP", "Sao Tome and Principe|Democratic Republic of Sao Tome and Principe|Sao Tome", "São Tomé und Príncipe|Sao Tomé-et-Principe|Santo Tomé y Príncipe|São Tomé e Príncipe|Sao Tomé en Principe|Wyspy Świętego Tomasza i Książęca|Сан-Томе и Принсипи|圣多美和普林西比"},
	{"SV", "SLV", "El Salvador|Republic of El Salvador", "Salvador|Salwador|Сальвадор|萨尔瓦多"},
	{"SX", "SXM", "Sint Maarten (Dutch part)|Sint Maarten", "Saint-Martin (Niederländischer Teil)|Saint-Martin (partie néerlandaise)|Isla de San Martín (zona holandsea)|Sint Maarten (Olanda)|São Martinho (Países Baixos)|Sint Maarten (Nederlands deel)|Sint Maarten (część holenderska)|Синт-Мартен (голландская часть)|荷属圣马丁"},
	{"SY", "SYR", "Syrian Arab Republic|Syria", "Syrien, Arabische Republik|Syrien|Syrienne, République arabe|República árabe de Siria|Siria|República Árabe Síria|Syrië|Syryjska Republika Arabska|Сирийская Арабская Республика|阿拉伯叙利亚共和国|叙利亚"},
	{"SZ", "SWZ", "Eswatini|Kingdom of Eswatini|Swaziland", "Esuatini|Suazilândia|Эсватини|斯威士兰"},
	{"TC", "TCA", "Turks and Caicos Islands", "Turks- und Caicosinseln|îles Turques-et-Caïques|Islas Turcas y Caicos|Isole Turks e Caicos|Ilhas Turcas e Caicos|Turks- en Caicoseilanden|Turks i Caicos|Острова Туркс и Каикос|特克斯和凯科斯群岛"},
	{"TD", "TCD", "Chad|Republic of Chad", "Tschad|Tchad|Ciad|Chade|Tsjaad|Czad|Чад|乍得"},
	{"TF", "ATF", "French Southern Territories", "Französische Süd- und Antarktisgebiete|Terres australes françaises|Territorios Franceses del Sur|Territori francesi meridionali|Territórios Franceses do Sul|Franse Zuidelijke Gebieden|Francuskie Terytoria Południowe|Французские южные территории|法属南半球领地"},
	{"TG", "TGO", "Togo|Togolese Republic", "Того|多哥"},
	{"TH", "THA", "Thailand|Kingdom of Thailand", "Thaïlande|Tailandia|Thailandia|Tajlandia|Таиланд|泰国|ประเทศไทย|ไทย"},
	{"TJ", "TJK", "Tajikistan|Republic of Tajikistan", "Tadschikistan|Tadjikistan|Tayikistán|Tagikistan|Tajiquistão|Tadzjikistan|Tadżykistan|Таджикистан|塔吉克斯坦"},
	{"TK", "TKL", "Tokelau", "Токелау|托克劳"},
	{"TL", "TLS", "Timor-Leste|Democratic Republic of Timor-Leste|East Timor", "Timor oriental|Timor Est|Oost-Timor|Timor Wschodni|Восточный Тимор|东帝汶"},
	{"TM", "TKM", "Turkmenistan", "Turquemenistão|Туркменистан|土库曼斯坦"},
	{"TN", "TUN", "Tunisia|Republic of Tunisia", "Tunesien|Tunisie|Tunez|Tunesië|Tunezja|Тунис|突尼斯|تونس"},
	{"TO", "TON", "Tonga|Kingdom of Tonga", "Тонга|汤加"},
	{"TR", "TUR", "Türkiye|Republic of Türkiye|Turkey", "Türkei|Turquia|Turkije|Turcja|土耳其|Turquie|Turchia|Турция"},
	{"TT", "TTO", "Trinidad and Tobago|Republic of Trinidad and Tobago|Trinidad", "Trinidad und Tobago|Trinité-et-Tobago|Trinidad y Tobago|Trinidad e Tobago|Trindade e Tobago|Trinidad en Tobago|Trynidad i Tobago|Тринидад и Тобаго|特里尼达和多巴哥"},
	{"TV", "TUV", "Tuvalu", "Тувалу|图瓦卢"},
	{"TW", "TWN", "Taiwan, Province of China|Taiwan|Taiwan, Republic of China|Republic of China|Chinese Taipei|Taiwan (ROC)", "Taiwan, Chinesische Provinz|Taïwan, province de Chine|Taiwán, Provincia de China|Taiwan, Repubblica di Cina|Taiwan, Província da China|Tajwan, Prowincja Chińska|Tajwan|Китайская провинция Тайвань|Тайвань|中国台湾省|台湾|台灣|臺灣|中華民國"},
	{"TZ", "TZA", "Tanzania, United Republic of|United Republic of Tanzania|Tanzania", "Tansania, Vereinigte Republik|Tansania|Tanzanie, République unie de|Tanzanie|Tanzania, República unida de|Tanzânia, República Unida da|Tanzania, Zjednoczona Republika|Танзания|坦桑尼亚"},
	{"UA", "UKR", "Ukraine", "Ucrania|Ucraina|Oekraïne|Ukraina|Украина|乌克兰|Україна"},
	{"UG", "UGA", "Uganda|Republic of Uganda", "Ouganda|Oeganda|Уганда|乌干达"},
	{"UM", "UMI", "United States Minor Outlying Islands|US Minor Outlying Islands", "Îles mineures éloignées des États-Unis|Islas Ultramarinas Menores de Estados Unidos|Isole minori esterne degli Stati Uniti d'America|Ilhas Menores Distantes dos Estados Unidos|Kleine afgelegen eilanden van de Verenigde Staten|Dalekie Wyspy Mniejsze Stanów Zjednoczonych|Соединенные штаты Малых Удаленных островов|美国本土外小岛屿"},
	{"US", "USA", "United States|United States of America|America|United States (US)", "Vereinigte Staaten|États-Unis|Estados Unidos|Stati Uniti|Verenigde Staten|Stany Zjednoczone|Соединённые штаты|美国|Vereinigte Staaten von Amerika|États-Unis d'Amérique|Estados Unidos de América|Stati Uniti d'America|Estados Unidos da América|Verenigde Staten van Amerika|США|Соединенные Штаты Америки|美國"},
	{"UY", "URY", "Uruguay|Eastern Republic of Uruguay", "Uruguai|Urugwaj|Уругвай|乌拉圭"},
	{"UZ", "UZB", "Uzbekistan|Republic of Uzbekistan", "Usbekistan|Ouzbékistan|Uzbequistão|Oezbekistan|Узбекистан|乌兹别克斯坦|Oʻzbekiston|Ozbekiston"},
	{"VA", "VAT", "Holy See (Vatican City State)|Vatican|Vatican City|Vatican City State|Holy See", "Heiliger Stuhl (Staat Vatikanstadt)|Saint-Siège (état de la cité du Vatican)|Santa Sede (Ciudad Estado del Vaticano)|Santa Sede (Stato della Città del Vaticano)|Santa Sé (Estado da Cidade do Vaticano)|Vaticaanstad, Staat|Państwo Watykańskie (Stolica Apostolska)|Государство-город Ватикан|梵地冈"},
	{"VC", "VCT", "Saint Vincent and the Grenadines|St Vincent and the Grenadines|St Vincent", "St. Vincent und die Grenadinen|Saint-Vincent-et-les-Grenadines|San Vicente y las Granadinas|Saint Vincent e Grenadine|São Vicente e Granadinas|Saint Vincent en de Grenadines|Saint Vincent i Grenadyny|Сент-Винсент и Гренадины|圣文森特和格林纳丁斯"},
	{"VE", "VEN", "Venezuela, Bolivarian Republic of|Bolivarian Republic of Venezuela|Venezuela", "Venezuela, Bolivarische Republik|Vénézuela, république bolivarienne du|Venezuela, República Bolivariana de|Venezuela, Repubblica bolivariana del|Venezuela, República Bolivariana da|Venezuela, Bolivariaanse Republiek|Wenezuela - Boliwariańska Republika|Wenezuela|Боливарианская Республика Венесуэла|Венесуэла|委内瑞拉玻利瓦尔共和国|委内瑞拉"},
	{"VG", "VGB", "Virgin Islands, British|British Virgin Islands|BVI", "Britische Jungferninseln|Îles Vierges britanniques|Islas Vírgenes, Británicas|Isole Vergini, Regno Unito|Ilhas Virgens, Britânicas|Maagdeneilanden, Britse|Brytyjskie Wyspy Dziewicze|Виргинские острова (Британия)|英属维尔京群岛"},
	{"VI", "VIR", "Virgin Islands, U.S.|Virgin Islands of the United States|US Virgin Islands|USVI", "Amerikanische Jungferninseln|Îles Vierges, États-Unis|Islas Vírgenes, de EEUU|Isole Vergini, U.S.A.|Ilhas Virgens, Estados Unidos|Maagdeneilanden, Amerikaanse|Wyspy Dziewicze Stanów Zjednoczonych|Виргинские острова (США)|美属维尔京群岛"},
	{"VN", "VNM", "Viet Nam|Socialist Republic of Viet Nam", "Vietname|Wietnam|Вьетнам|越南"},
	{"VU", "VUT", "Vanuatu|Republic of Vanuatu", "Вануату|瓦努阿图"},
	{"WF", "WLF", "Wallis and Futuna|Wallis and Futuna Islands", "Wallis und Futuna|Wallis et Futuna|Wallis y Futuna|Wallis e Futuna|Wallis en Futuna|Wallis i Futuna|Уоллес и Футана|瓦利斯和富图纳"},
	{"WS", "WSM", "Samoa|Independent State of Samoa", "Самоа|萨摩亚"},
	{"XK", "XKX", "Kosovo|Republic of Kosovo", "Kosova|Косово"},
	{"YE", "YEM", "Yemen|Republic of Yemen", "Jemen|Iémen|Йемен|也门"},
	{"YT", "MYT", "Mayotte", "Majotta|Майот|马约特"},
	{"ZA", "ZAF", "South Africa|Republic of South Africa", "Südafrika|Afrique du Sud|Sudáfrica|África do Sul|Zuid-Afrika|Południowa Afryka|Южная Африка|南非"},
	{"ZM", "ZMB", "Zambia|Republic of Zambia", "Sambia|Zambie|Замбия|赞比亚"},
	{"ZW", "ZWE", "Zimbabwe|Republic of Zimbabwe", "Simbabwe|Zimbabue|Зимбабве|津巴布韦"},
}
