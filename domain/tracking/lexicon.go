package tracking

import "strings"

// The lexicon: the words, in the languages AliExpress parcels are tracked in, for the concepts a
// tracking event is made of. Classification first rewrites a status text into concepts ("Objeto
// saiu do país de origem" → "objeto DEPART ORIGIN COUNTRY"), then the rules of rules.go read
// stages off the concepts. A new language is therefore a set of words here, not a set of rules,
// and an unseen sentence made of known words lands where its parts say.
//
// Each entry is a concept (or several, space-separated: "dédouané" is CUSTOMS RELEASE) and its
// words, one line per language: "lang: word, other word, stem*". A concept written "^NAME" is a
// whole status: its words stand for it only when they are the whole text ("Processing" alone is
// a store's order status; "processing at the sorting center" is a scan). Words use the pattern syntax of
// engine.go; a stem (word*) matches every word that starts with it, so it is kept for stems long
// enough not to catch unrelated words. Where two entries match at one place, the one covering more
// words wins ("delivery office" over "delivery"), then the earlier entry. Words the lexicon does not
// know stay in the text as they are, so rules may also name a plain word.
//
// The concepts:
//
//	events     ACCEPT RECEIVE PICKUP COLLECTED SHIPPED DEPART LEAVE ARRIVE TRANSIT FORWARD
//	           HANDOVER LOAD PROCESS SORT OFD DELIVERED DELIVERY ATTEMPT FAIL ABSENT
//	           RETURN REFUSE UNCLAIMED HOLD INSPECT RELEASE COMPLETE START PROGRESS PAY DUTY
//	           DAMAGE LOSS NOTICE AVAILABLE COLLECT AWAIT PREPARE CREATE INFO LABEL PREADVICE
//	           RESCHEDULE REDIRECT CANCEL
//	modifiers  NOT FUTURE TODAY BACK NEXT TO FROM BY
//	places     FACILITY WAREHOUSE DEPOT POSTOFFICE PICKUPPOINT LOCKER NEIGHBOR DOORSTEP
//	           RECEPTION ORIGIN DEST COUNTRY ABROAD INTL EXCHANGE OUTWARD INWARD AIRPORT FLIGHT
//	           LINEHAUL CUSTOMS EXPORT IMPORT CARRIER DRIVER LOCAL TRANSITHUB GATEWAY ORIGINNAME
//	           DESTNAME FIRSTMILE LASTMILE
//	people     RECIPIENT SENDER ADDRESS BAD MOVED ORDER ITEM
//	statuses   ORDERSTATUS (a store's paid-not-shipped status), NOSTAGE (says nothing of where)
type clsLexEntry struct {
	concepts string
	words    string
}

// clsLexicon is the compiled lexicon, and clsDropWords the words that carry no meaning of their
// own ("is", "the", "wurde", "de"): they are skipped before the lexicon reads a text and left out
// of its phrases, so "business is closed" is the phrase "business closed".
var clsDropWords, clsCountryWords, clsLexicon = clsCompileLexicon(clsLexiconTable)

// clsCompileLexicon compiles the lexicon's words. A word given for two different concepts panics
// at package initialisation: the first would silently win.
func clsCompileLexicon(table []clsLexEntry) (drop, countries map[string]bool, x *clsIndex) {
	type word struct{ concepts, pattern string }
	var words []word
	drop, countries = map[string]bool{}, map[string]bool{}
	for _, e := range table {
		concepts, whole := strings.CutPrefix(e.concepts, "^")
		for _, line := range strings.Split(e.words, "\n") {
			line = strings.TrimSpace(line)
			if i := strings.IndexByte(line, ':'); i == 2 || i == 3 {
				line = line[i+1:]
			}
			for _, w := range strings.Split(line, ",") {
				if w = strings.TrimSpace(w); w == "" {
					continue
				}
				if whole {
					w = "^ " + w + " $"
				}
				for _, v := range clsExpand(w, nil) {
					if concepts == "-" {
						for _, t := range strings.Fields(string(clsAppendFold(nil, v, true))) {
							drop[t] = true
						}
						continue
					}
					words = append(words, word{concepts, v})
				}
			}
		}
	}
	var rows []clsRule
	var clashes []string
	owner := map[string]string{}
	for _, w := range words {
		var kept []string
		for _, f := range strings.Fields(w.pattern) {
			if !drop[string(clsAppendFold(nil, f, true))] {
				kept = append(kept, f)
			}
		}
		if len(kept) == 0 || len(kept) == 1 && (kept[0] == "^" || kept[0] == "$") || len(kept) == 2 && kept[0] == "^" && kept[1] == "$" {
			continue // a phrase of meaningless words only
		}
		p := strings.Join(kept, " ")
		_, _, _, key := clsParsePattern(p, w.pattern)
		if prev, ok := owner[key]; ok && prev != w.concepts {
			clashes = append(clashes, p+" is both "+prev+" and "+w.concepts)
		}
		owner[key] = w.concepts
		rows = append(rows, clsRule{emit: w.concepts, pattern: p})
	}
	if len(clashes) > 0 {
		panic("tracking: lexicon words with two meanings: " + strings.Join(clashes, "; "))
	}
	x = clsCompile(rows)
	// The names of countries are not vocabulary for the normal form: "Processed at Location
	// Barcelona - Spain" ends in a place to cut, while "Arrived in Spain" keeps its country
	// mid-sentence. The rules' reading keeps them (clsAppendReadable).
	for _, w := range words {
		if w.concepts == "DESTNAME" || w.concepts == "ORIGINNAME" {
			for _, f := range strings.Fields(string(clsAppendFold(nil, w.pattern, true))) {
				delete(x.vocab, f)
				countries[f] = true
			}
		}
	}
	return drop, countries, x
}

var clsLexiconTable = []clsLexEntry{
	// ---- idioms: whole phrases whose meaning is not the sum of their words ----
	{"PAY COMPLETE", `
		en: paid, paid in full`},
	{"ARRIVE DEST", `
		es: en destino`},
	{"DELIVERY FAIL", `
		es: no ha podido ser entregado, no pudo ser entregado, no se ha podido entregar, no ha podido ser entregada`},
	{"^OFD", `
		en: for delivery, on delivery, in delivery, parcel in delivery, out of delivery
		ru: у курьера, в машине агента
		sl: po kurirju`},
	{"DEPART ABROAD", `
		en: international dispatch
		pt: expedicao internacional`},
	{"ARRIVE INWARD EXCHANGE", `
		en: international reception
		pt: rececao internacional, recepcao internacional`},
	{"HANDOVER FLIGHT", `
		en: leaving from departure country, leaving from departure country region, leaving from the departure country
		zh: 交航空公司, 交航, 已交航`},
	{"ARRIVE LINEHAUL", `
		en: arrived at linehaul office, arrived at line haul office, arrive at linehaul office`},
	{"ARRIVE GATEWAY", `
		en: processed through facility, processed through the facility`},
	{"OFD", `
		id: sedang diantar, dalam pengantaran
		vi: dang giao, dang giao hang, dang van chuyen den ban, giao buu ta di phat
		en: out for delivery, onboard for delivery, on board for delivery, with courier for delivery, with delivery courier, with courier, with driver, with the driver, with our driver, with your driver, with postman, with the postman, with delivery driver, out for post office delivery, second delivery attempt, out for second delivery, out for second delivery attempt, out for redelivery, outfordelivery, with delivering courier, delivering courier, loaded to van, loaded into van, loaded onto van, loaded on van, loaded to the van, delivering, delivery tour, delivery route, on a delivery route, gone out on a delivery route, delivery transportation, in delivery transportation, in delivery process, out on tour, shipment on tour, out for home delivery
		    on vehicle for delivery, loaded for delivery, loaded on delivery vehicle, on delivery vehicle, delivery vehicle,
		    being delivered, due for delivery, en route for delivery, will be delivered today,
		    out for delivery today, arriving today, delivery today, courier is on the way, driver is on the way
		es: en reparto, en proceso de entrega, en distribucion, en ruta de entrega, salio a reparto, en camino a destino final, reparto
		    en ruta para entrega, reparto en curso, en proceso de reparto, en reparto hoy
		pt: saiu para entrega, saiu para a entrega, em rota de entrega, em entrega, rota de entrega, saiu para entrega ao destinatario, saida para entrega, saida para a entrega, saiu para ser entregue
		    em processo de entrega, em distribuicao, saiu para distribuicao, a caminho do destinatario, objeto saiu para entrega
		fr: en cours de livraison, en livraison, mis en livraison, en tournee, en cours de distribution, livraison en cours, sorti pour livraison, article sorti pour livraison, mis en distribution, mise en distribution
		    est en cours de livraison, sera livre aujourd hui, pris en charge par le livreur
		de: in zustellung, wird heute zugestellt, in der zustellung, im zustellfahrzeug, im zustellprozess, tourenausgang, zustelltour, auf zustelltour, autom tourenausgang
		    zustellfahrzeug, wird zugestellt, wurde in das zustellfahrzeug geladen, ist unterwegs zu ihnen, zustellung heute
		nl: onderweg naar u, wordt vandaag bezorgd, bezorger is onderweg, in bezorging, is met de bezorger mee, geladen voor aflevering, geladen voor bezorging
		    chauffeur is onderweg, in de bezorgauto
		it: in consegna, in consegna oggi, affidato al corriere per la consegna, in distribuzione, in fase di consegna,
		    consegna in corso, il corriere e in consegna, in consegna al destinatario
		pl: w doreczeniu, wydana do doreczenia, przekazana do doreczenia, wydano do doreczenia, przesylka w doreczeniu, przekazano do doreczenia, przekazana kurierowi do doreczenia, przekazana do doreczenia, wydana kurierowi do doreczenia
		    w trakcie doreczenia, wydana kurierowi do doreczenia, przekazano kurierowi do doreczenia, kurier w drodze, w drodze do odbiorcy
		cs: v dorucovani, predano k doruceni, zasilka je v dorucovani, pripravena k doruceni, na ceste k vam, predana k doruceni, priprava zasilky k doruceni, dorucovani zasilky
		    doruci dnes, zasilka je na ceste k vam, v dorucovani kuryrem
		sk: v doruceni, odovzdana na dorucenie, zasielka je na ceste k adresatovi
		sv: ute for utkorning, ute for leverans, under utkorning, pa vag till dig, levereras idag, ute pa leverans, lastad for utkorning,
		    paketet ar ute for leverans, forsandelsen ar ute for utkorning
		da: under udbringning, er pa vej ud til dig, ude til levering, udbringes i dag, klar til udbringning, pa vej til dig,
		    pakken er pa vej ud til dig, pakken er med chaufforen, pakken er ude til levering
		no: ute til levering, under utkjoring, pa vei til deg, er pa vei ut til deg, sendingen er ute for levering, lastet for utkjoring, lastet opp for utkjoring
		    under utkjøring
		fi: jakelussa, kuljettajalla, toimitetaan tanaan, lahetys on jakelussa, kuljettaja on matkalla, jakeluun, lahtenyt jakeluun, jakelukuljetukseen, jakelukuljetus
		    lahetys on lahtenyt jakeluun
		tr: dagitima cikarildi, dagitimda, dagitima cikti, teslimat icin yola cikti, kuryeye verildi, kurye dagitimda,, teslimatta
		    dagitim icin yola cikti, gonderi dagitimda
		ru: передано почтальону, передано курьеру, выдано курьеру, курьер в пути, в доставке, доставляется курьером,, выдан курьеру, выдано курьеру, передан курьеру
		    передано для доставки
		uk: передано курєру, передано листоноші, в доставці
		hu: kiszallitas alatt, kezbesites alatt, futarnal, kiszallitasra atadva, hazhoz szallitas alatt, kiszallitas alatt, futarnal
		ro: in livrare, predat curierului, in curs de livrare, preluata spre livrare, preluat spre livrare, preluate spre livrare
		ja: 配達中, 配達に出ています, 持ち出し中, 本日お届け予定, 配送中
		ko: 배송출발, 배달출발, 배송중, 배달중, 배달준비, 배송준비, 배송기사 출발, 배달전, 직원 배송중, 배송출고, 배달차량상차, 배송기사 인계
		zh: 派送中, 正在派送, 派件中, 配送中, 派件, 派送, 正在投递, 投递中, 开始投递, 再次投递
		bg: в доставка, за доставка, предадена на куриер за доставка
		el: σε διανομεα, σε διανομη, προς παραδοση, σε διανομεα προς παραδοση`},
	{"DELIVERED DOORSTEP", `
		en: left in safe place, left in a safe place, left at front door, left at the front door, left at door, left at your door,
		    left on porch, left on the porch, left in mailbox, left in letterbox, left in letter box, left in parcel box,
		    left at back door, left in garage, delivered to mailbox, delivered to letterbox, posted through letterbox,
		    delivered through letterbox, left outside, left behind gate, left at garage, left in porch`},

	{"NOTE", `
		en: edi received, signature required, signature needed, adult signature required, signature service, return label, return label link, return receipt, released from hold, return label printed, notified, has been notified, recipient notified, advised, next business day, next working day, identity document, id document, identification document, missed connection, connection missed, shipping fee, shipping fees, shipping charge, shipping charges, shipping cost, freight charge, freight charges, email delivery notification, contact local office, please contact local office
		fr: heure limite de depot, heure limite, prochain jour ouvre
		pt: proximo dia util, processo de envio
		de: ausweisdokument, ausweisdokumentes, benachrichtigung versendet
		es: perdida de conexion, perdida conexion
		ro: pierdere conexiune
		da: mail advisering, sms advisering
		it: fascicolo chiuso, chiusura fascicolo, pre esito`},
	{"ORIGIN SORT FACILITY", `
		en: departure transport hub, departure hub, origin hub, origin facility, origin sorting center, origin sorting centre`},
	{"ORIGIN AIRPORT", `
		en: departure airport, port of departure, origin airport, departure port, port of loading
		zh: 起飞地机场, 始发机场, 起运机场`},
	{"DEST AIRPORT", `
		en: destination port, port of destination, port of discharge, arrival airport, local airport, destination airport
		ko: 목적항, 도착항
		de: zielflughafen`},
	{"CUSTOMS RELEASE", `
		en: out of customs, out of customs, out of foreign customs
		de: zollfreigabe, verzollt
		fr: dedouane, dedouanee
		nl: ingeklaard, uitgeklaard
		it: sdoganato, sdoganata
		pl: odprawiona, odprawiony, odprawiono
		cs: proclena, procleno, procleni dokonceno
		sk: preclena
		sv: fortullad, tullklarerad, frislappt fran tullen
		da: fortoldet, toldklareret
		no: fortollet, tollklarert
		fi: tullattu, tulliselvitetty
		ja: 通関完了, 輸入許可
		ko: 통관완료, 통관 완료, 수입신고수리
		zh: 通关完成, 清关完成, 审单通过, 审核通过, 已清关, 清关成功
		hu: vamkezelve, elvamolva
		ro: vamuit
		tr: gumrukten cikti, gumrukten cikis
		pt: desembaracado, desembaracada
		ru: выпущено таможней, выпущен таможней`},
	{"LASTMILE ACCEPT", `
		en: package acceptance pending, acceptance pending`},
	{"LASTMILE FACILITY", `
		en: usps origin facility, usps regional origin facility, usps regional facility, usps facility, usps regional destination facility, usps destination facility`},
	{"PROCESS DEPOT", `
		en: processed through regional facility`},
	{"ADDRESS BAD", `
		en: undeliverable as addressed, no such number, no such address, no such street, addressing error, insufficient address, incomplete address, incorrect address, out of service area, outside service area, outside delivery area, remote area, change of address, address changed, vacant, deceased, forward expired, forwarding expired
		pt: localidade desconhecida
		ru: невозможно прочесть адрес, уточнение адреса, за смертью получателя, адрес не существует, адрес отсутствует, отсутствие улицы, нет адресата
		uk: змінено адресу
		de: anschriftsproblem`},
	{"LASTMILE RECEIVE", `
		en: we ve got it`},
	{"-", `
		en: is, was, were, are, am, has, have, had, been, the, a, an, its, this, that, our, of, at, on, and, please, now, already, currently, just, has now, there, it
		de: ist, wurde, wurden, die, der, das, den, dem, des, am, an, beim, vom, ihre, ihr, ihrer, ein, eine, einem, einer, und, bitte, hat, sind, befindet, sich, befindet sich
		nl: is, de, het, een, op, bij, aan, uw, zijn, je, hebben
		fr: le, les, l, est, ete, a ete, du, de, des, au, aux, dans, votre, vos, un, une, et, sur, etre, pu, il, elle, car, qui, que, ce, cette, son, sa, ses, se, s, lui, leur, vous, nous, etait
		es: el, los, las, de, del, ha, sido, fue, esta, su, un, una, y
		pt: o, os, as, de, da, das, nos, nas, foi, esta, seu, sua, um, uma, e
		it: il, lo, gli, di, del, della, dello, dei, delle, e, stato, stata, nel, nella, sul, sulla, un, una, suo, sua
		pl: jest, zostala, zostal, zostalo, oraz
		cs: byla, bylo, byl, je, ve, a
		sv: har, ar, blivit, ett, och, din, ditt
		da: er, blevet, har, et, og, din, dit, nu
		no: har, blitt, et, og, din, ditt
		fi: on, ollut, ja, jo
		tr: ve, bir
		ro: cu, din, pe, este, fost, a fost, sunt, tau, ta, dvs, dumneavoastra
		bg: е, се, и, при
		el: το, η, ο, του, της, των, και`},
	{"PICKUP POSTOFFICE", `
		es: entregado en oficina`},
	{"DELIVERED LOCKER", `
		fr: depose dans votre consigne, depose en consigne, deposee dans votre consigne`},
	{"FUTURE DELIVERY", `
		de: zustellung erfolgt voraussichtlich`},
	{"DEPOT PROGRESS", `
		en: distribution process, in distribution
		nl: distributieproces, in distributie`},
	{"CUSTOMER", `
		en: customer`},
	{"DOCS", `
		en: documents, document, documentation, invoice, commercial invoice, paperwork, additional information, more information, further information, tax id, cpf, certificate of origin, certificate of returned goods, pod
		pt: documentos, documento, declaracao de conteudo, nota fiscal, documentacao, documentacao fiscal
		es: documentos, documentacion, factura, nif, cif, nif/cif, declaracion
		fr: documents, facture, justificatifs, certificat d origine, certificat de retour, licence d importation, licence, facture commerciale, document
		de: dokumente, unterlagen, rechnung
		nl: documenten, factuur
		it: documenti, fattura
		pl: dokumenty, faktura
		ru: документы, счет, сертификат`},
	{"REQUIRED", `
		en: needed, required, requested, request, missing, necessary, requires, request for, must provide, is needed, are needed, provide, requiring, require
		pt: necessario, necessaria, solicitado, solicitada, exigido, pendencia
		es: necesario, necesaria, requerido, requerida, solicitado, falta, faltan
		fr: necessaire, requis, demande
		de: erforderlich, benotigt, fehlen, fehlende
		it: richiesto`},
	{"FAIL DELIVERY", `
		tr: teslim edilmedi
		vi: giao that bai, giao hang that bai, giao khong thanh cong, khong giao duoc
		en: undelivered, undeliverable, incomplete delivery, non delivery, nondelivery, missed delivery, non-delivery, delivery exception, receptacle blocked, receptacle full, item oversized, locker full, locker is full
		zh: 派送失败, 投递失败, 未妥投, 无法送达, 未能送达, 不能送达, 无法派送
		de: unzustellbar, unzustellbarkeitsanzeige
		ru: нет свободных ячеек, нет доступа
		ko: 미배달
		ja: ご不在のため持ち戻り, 持ち戻り, 持戻, 配送失敗
		pl: brak mozliwosci doreczenia
		ro: nelivrat, nelivrata, nelivrate, livrare esuata, livrare nereusita, locker plin
		pt: nao entregue, nao entregues
		it: locker pieno
		fr: non distribuable
		he: כשל מסירה, מסירה נכשלה
		ar: فشل تسليم, فشل التسليم, فشل التوصيل
		th: นำจ่ายไม่สำเร็จ`},
	{"EXCEPTION", `
		en: exception, exceptions, anomaly, incident, irregularity, issue, issues, problem, problems, error, delayed, delay, delays, unforeseen issue, unforseen issue, unusual, processing issue, processing error, processing delay, sorting error, misroute, misrouted, mis-sorted, missort
		pt: atraso
		tr: problemli
		zh: 异常`},
	{"DELIVERED NEIGHBOR", `
		en: sign by other, signed by other, signed by others
		zh: 他人代收`},
	{"LINEHAUL ARRIVE", `
		en: arrived at linehual office, linehual office`},
	{"DEPART WAREHOUSE", `
		zh: 出库, 已出库`},
	{"ARRIVE WAREHOUSE", `
		zh: 入库, 已入库`},
	{"OUTWARD EXCHANGE", `
		zh: 互换局`},
	{"OUTWARD PROCESS", `
		zh: 出口开拆, 出口直封, 出口封发, 已出口开拆, 已出口直封, 已出口封发`},
	{"NOTICE COLLECT", `
		en: advised to pick up, advised to collect, advised to pick up the item, requested to pick up, needs to pick up, need to pick up`},
	{"CANCEL", `
		en: cancellation, cancelled, canceled, cancel, void, voided, terminated, aborted, corrected
		pt: cancelado, cancelada
		de: storno
		tr: iptal, iptal edildi
		ko: 취소
		zh: 取消, 已取消
		sr: ukinut, ukinuta`},
	{"DEST COUNTRY", `
		ja: 発送先国, 相手国
		hr: zemlja odredista, zemlju odredista, zemlja primatelja
		en: destination country, destination region, destination country region, country of destination, receiving country, country region of destination, destination country/region, foreign country, recipient country, recipients country, recipient s country`},
	{"ORIGIN COUNTRY", `
		ru: страну происхождения, страна происхождения, стране отправления, стране происхождения
		hr: zemlju posiljatelja, zemlja posiljatelja, zemlje posiljatelja, zemlja podrijetla
		en: departure country, departure region, country of origin, origin country, shipping country, sending country, country of departure, origin region, country region of origin, source country, departure country region, originating country, originating country region, country of the sender, sender country, sender's country, country of the sender's`},
	{"READY", `
		en: available, ready
		es: listo, lista, a disposicion
		pt: pronto, pronta
		fr: pret, prete, a disposition, pret pour etre, pret a etre, pret pour la
		de: bereit, verfugbar
		it: pronto, pronta, disponibile
		pl: gotowa, gotowy, dostepna
		cs: pripravena, pripraveno
		sv: redo, tillganglig
		no: tilgjengelig
		tr: hazir
		da: klarmeldt`},
	{"AWAIT SHIPPED", `
		en: ready for shipping, ready to ship, ready to be shipped, ready for dispatch, ready for shipment`},
	{"NOSTAGE", `
		en: invalid tracking, tracking number cannot be found, could not locate the tracking information, tracking id provided is not valid, not valid, verify your tracking number, check back later, tracking information is not available, status information is not available, no information available, information not available
		pt: desistencia, desistencia de postagem, não existe informação, ainda não existe informação
		ro: nu am gasit nici un colet`},
	{"HOLD PICKUPPOINT", `
		en: hold at location, held at location, hold for pickup, held for pickup, hold at fedex location, held at fedex location`},
	{"HANDOVER LOCAL", `
		en: for final delivery, handed over for final delivery`},
	{"LOCAL CARRIER", `
		en: postal service, postal operator, local postal service, delivery agent, delivery provider, delivery partner
		de: servicepartner, dienstleister, kooperationspartner
		cs: odeslana prepravcem
		sk: odoslana prepravcom
		pl: lokalna firme kurierska, lokalnej firmy kurierskiej, lokalna firma kurierska
		zh: 运输商夥伴, 运输商伙伴`},
	{"DEPART ABROAD", `
		en: crossing border, crossing the border, border crossing, crossed the border
		ro: traversare granita, trecere granita, traversare frontiera`},
	{"OUTWARD FACILITY", `
		en: export facility, export hub, export center, export centre, export site`},
	{"EXPRESS", `
		en: ups, fedex, dhl, dhl express, dhl ecommerce, tnt, aramex, mail innovations, ups mail innovations`},
	{"ATTEMPT DELIVERY", `
		en: redelivery attempt`},
	{"COD", `
		en: cod, cod payment, collect on delivery, cash on delivery, cod amount, cod charge, cod charges, cod fee`},
	{"AVAILABLE COLLECT", `
		en: availableforpickup`},
	{"LOAD FLIGHT", `
		en: uplift, uplifted, uplift success
		ru: погружено на борт`},
	{"DEPART FLIGHT", `
		en: in flight, plane in flight
		zh: 起飞, 已起飞`},
	{"DOCS REQUIRED", `
		fr: manque document, manque information, manque d information`},
	{"CUSTOMS HOLD", `
		en: prohibited, prohibited contents, prohibited items, confiscated
		fr: prohibe, interdit
		pt: proibido, proibida
		de: beschlagnahmt
		it: sequestrato
		nl: in beslag genomen
		tr: el konuldu
		ru: отказ в выпуске, выпуск приостановлен, требуется предъявление, отказ в импорте`},
	{"RELEASE TRANSIT", `
		fr: remis en acheminement, il est remis en acheminement`},
	{"LASTMILE DESTNAME", `
		pt: correios do brasil`},
	{"RETURN TO SENDER", `
		pt: devolucao a origem, devolvido a origem, devolvida a origem, em devolucao a origem`},
	{"MAYBE", `
		en: may, might, could, possibly, probably, likely, most likely, subject to
		pt: sujeito a, podera, poderao
		zh: 可能`},
	{"DELIVERED TO RECIPIENT", `
		ru: адресату
		fr: remis au destinataire`},
	{"DELIVERED TO SENDER", `
		ru: отправителю
		cs: dorucena odesilateli, dorucena odesilatelovi
		tr: gondericiye teslim edildi, gondericisine teslim edildi`},
	{"REJECT", `
		en: rejected
		es: rechazado, rechazada, rechazo
		de: abgelehnt`},
	{"ATTEMPT ABSENT", `
		en: attempted to contact, tried to contact, attempted to call, tried to call`},
	{"ATTEMPT NOTICE", `
		ro: avizat`},
	{"BACK FACILITY", `
		bg: върнат в офиса, върната в офиса
		en: returned to office, returned to the office`},
	{"AWAIT ACCEPT", `
		pt: aguarda entrada`},
	{"EXPORT CUSTOMS", `
		pt: em exportacao`},
	{"IMPORT CUSTOMS", `
		pt: em importacao`},
	{"FUTURE PICKUP", `
		en: out for pickup, out for pick up, scheduled for pickup, pickup scheduled, pick up scheduled`},
	{"DELIVERED RECIPIENT", `
		zh: 用户签收, 客户签收, 本人签收
		ru: выдан получателю, выдана получателю, выдано получателю
		cs: predana prijemci
		lt: pristatyta gavejui`},
	{"ORIGIN FACILITY", `
		fr: site de depart`},
	{"FIRSTMILE SORT FACILITY", `
		en: first mile hub`},
	// ---- events ----
	{"ACCEPT", `
		en: accepted, acceptance, accepting, posted, posting, lodged, lodgement, drop off, dropped off, dropoff, origin post is preparing shipment, tendered, mailed, handed in
		    item posted
		es: admitido, admitida, admision, aceptado, aceptada, aceptacion, entregado en oficina por el remitente,
		    recepcionado, recepcionada
		pt: postado, postada, postagem, aceito, aceita, admitido, admitida, admissao, recebido na agencia, entregue na agencia, aceite
		fr: depose, deposee, pris en charge, prise en charge, admis, admise, entre nos mains
		de: eingeliefert, einlieferung, aufgegeben, angenommen, annahme, ubernommen, einschleusung, eingeschleust, sendungsannahme, postaufgabe, entgegengenommen
		nl: aangenomen, ingeleverd, afgegeven, aangeboden
		it: accettato, accettata, accettazione, spedizione accettata, presa in carico, preso in carico, affidata, affidato
		pl: nadana, nadany, nadanie, nadano, przyjeta, przyjety, przyjeto, przyjecie, przyjeta w oddziale, zarejestrowana w oddziale
		cs: podana, podano, podani, prijata, prijato, prevzata, prevzato, prevzeti, zasilka podana, prijeti, prevzali
		sk: podana, prijata, prevzata, podanie, prijate
		sv: inlamnad, inlamnat, mottagen, mottaget, inlamning, lamnat in
		da: indleveret, indlevering, modtaget, posteret
		no: innlevert, mottatt, levert inn, innlevering
		fi: jatetty, vastaanotettu, vastaanotto, jatetty kuljetettavaksi, otettu vastaan
		tr: kabul, kabul edildi, kabul edilmistir, kargo kabul
		ru: принят*, прием, приём
		uk: прийнято, прийом
		hu: felveve, felvetel, atvett, postara adva
		ro: preluat, preluata, acceptat, depus
		el: παραλαβη
		ja: 引受, 引き受け, 受付, 荷受, お預かり致しました
		ko: 접수, 접수완료
		zh: 收寄, 揽收, 揽件, 已揽收, 收件, 揽投, 接收, 已集货, 集货
		th: รับฝาก, รับฝากผ่านตัวแทน
		lt: priimta, priimtas, paimta`},
	{"RECEIVE", `
		en: received, receive, receiving, receipt, in possession of, possession, we have your item, we have your package, we have your parcel, we have your shipment
		es: recibido, recibida, recibimos, recepcion
		pt: recebido, recebida, recebimento, recebemos
		fr: recu, recue, reception du colis, receptionne, receptionnee
		de: erhalten, empfangen, eingegangen, eingang, liegen vor, sendungseingang
		nl: ontvangen, in ontvangst genomen
		it: ricevuto, ricevuta, ricevimento
		pl: otrzymana, otrzymany, przyjeta na stan, odebranie, otrzymal, otrzymala, otrzymalismy
		cs: obdrzena, obdrzeno
		sv: togs emot, emottagen
		da: modtaget pa
		fi: vastaanotettu terminaalissa
		tr: teslim alindi, alindi
		ru: получено, получена, получен, получены
		ja: 到着しました, 受け取りました, 受け取った
		zh: 已收到, 接收到, 已收货, 已收入
		bg: получена, получен, приета, приет
		ro: in posesia noastra, in posesia
		he: התקבל, התקבלה
		th: รับเข้า
		ar: مستلم, تم الاستلام
		lt: gautas, gauta`},
	{"PICKUP", `
		vi: lay hang
		en: picked up, pick up, pickup, pick-up, pickup scan, collected, collection, collecting, shipment picked up, picking up, picked-up, retrieved, retrieve
		es: recogido, recogida, retirado, retirada
		pt: coletado, coletada, coleta, retirado, retirada, recolhido
		fr: ramasse, enleve, enlevement, collecte, retire, retiree, retrait, recupere, recuperee, recuperer
		de: abgeholt, abholung, entnommen
		nl: opgehaald, afgehaald, ophalen, ophaling, collectie
		it: ritirato, ritirata, ritiro, raccolto, raccolta
		pl: odebrana, odebrany, odebrano, odbior, odbioru, podjeta, podjeto, odebral, odebrala
		cs: vyzvednuta, vyzvednuto, vyzvednuti, vyzvedl, svoz, svezeno
		sk: vyzdvihnuta, vyzdvihnutie, vyzdvihnut
		sv: hamtad, hamtat, upphamtad, upphamtning, hamtning, uthamtad, utlamning
		da: afhentet, afhentning, afhent, hentet
		no: hentet, henting, utlevering, innhentet
		fi: noudettu, nouto, noutanut, noutoa
		tr: teslim alinmistir, alim, gonderiden alindi
		ru: забрано
		hu: atvette
		ja: 集荷, 受取済み
		ko: 인수완료, 수령, 집화, 집하, 픽업, 인수받았습니다, 인수
		zh: 取件, 已取件, 自提, 揽货
		ro: ridicat, ridicata
		bg: вземане, взета
		id: diambil`},
	{"SHIPPED", `
		en: shipped, has shipped, shipment sent, order shipped, send
		es: enviado, enviada, envio realizado, despachado, despachada, expedido, expedida, remitido
		pt: enviado, enviada, despachado, despachada, expedido, expedida, remetido
		fr: expedie, expediee, expedition, envoye, envoyee
		de: versendet, versandt, verschickt, versand, abgeschickt
		nl: verzonden, verstuurd, verzending
		it: spedito, spedita, spediti, spedite, inviato, inviata
		pl: wyslana, wyslany, wyslano, wysylka, nadana do wysylki, wyslanie
		cs: odeslana, odeslano, odeslani, expedovana, expedovano, expedice
		sk: odoslana, odoslanie, expedovana
		sv: skickad, skickat, skickats, avsand, sand
		da: afsendt, sendt, afsendelse
		no: sendt, avsendt
		fi: lahetetty, lahetys lahetetty
		tr: gonderildi, kargoya verildi, gonderilmistir, gonderildi
		ru: отправлено, отправлена, отправлен
		uk: відправлено
		hu: feladva, elkuldve, elkuldtuk
		ro: expediat, trimis
		ja: 発送, 発送済み, 出荷, 出荷済み
		zh: 已发货, 发货, 已发出, 发出`},
	{"DEPART", `
		id: berangkat, keluar dari
		en: departed, depart, departs, departure, departing, leaving, outbound, exit, exited, flown out, dispatched, despatched, dispatch, despatch, sent, dispatching, despatching
		es: salida, salio, ha salido, partio, parte, sale
		pt: saiu, saida, partiu, partida
		fr: parti, partie, depart, quitte, sorti, sortie
		de: abgang, abgefahren, verlassen, hat verlassen, ausgang, abflug, abgeflogen
		nl: vertrokken, vertrek, verlaten, heeft verlaten
		it: partito, partita, partenza, uscito, uscita, lasciato
		pl: wyjazd, wyjechala, wyjechal, opuscila, opuscil, opuszczenie, wysylka z, wydana z, wylot
		cs: odjezd, odjela, opustila, vypravena, vypravena z, odchod, vypravena, odeslano z, odeslana z
		sk: odchod, opustila, vypravena
		sv: avgatt, avgang, har lamnat, lamnat, avresa
		da: afgaet, afgang, har forladt, forladt, afrejst
		no: avgang, har forlatt, forlatt, avreist
		fi: lahtenyt, lahto, lahti, poistunut, lahdossa
		tr: cikis, cikti, ayrildi, cikis yapti, transfer merkezinden cikti, cikis islemi, yola cikti
		ru: покинул*, отбыло, выпущено из, убыл*
		uk: відправлено з, залишило, виїхало, виїхала, виїхав
		hu: elindult, kiszallitva, tavozott
		ro: plecat, a plecat, iesire, iesit, a iesit, plecare
		ja: 出発, 発送しました
		ko: 발송됨, 출항, 출고, 출항, 발송, 출발
		zh: 离开, 已离开, 出发, 驶离, 离港
		bg: заминаване, замина, напусна
		el: αναχωρηση
		he: יצא, יצאה, עזב, עזבה, יציאה
		ar: غادر, غادرت, مغادرة
		lt: issiusta`},
	{"LEAVE", `
		hr: napustio, napustila, napustilo
		en: left, leave, leaves
		pt: deixou
		hu: elhagyta`},
	{"ARRIVE", `
		id: tiba, telah tiba
		hr: prispjela, prispjelo, prispio, stigla, stiglo, pristigla
		en: arrived, arrive, arrives, arrival, arriving, reached, has reached, landed, landing, inbound, came in, unloaded, unloading
		es: llegada, llego, ha llegado, llegado, arribo, arribado, ingreso, ingresado, ingresada
		pt: chegou, chegada, chegado, chegando, entrada, ingresso
		fr: arrive, arrivee, arrives, parvenu, arriver
		de: angekommen, ankunft, eingetroffen, gelandet, entladung, entladen, eingelangt
		nl: aangekomen, aankomst, gearriveerd, binnengekomen
		it: arrivato, arrivata, arrivo, giunto, giunta, pervenuto
		pl: dotarla, dotarl, przybyla, przybyl, przybycie, doreczona do oddzialu, przyjecie w oddziale, dostarczona do oddzialu,
		    przyjeta w sortowni, przylot
		cs: dorazila, dorazilo, prijezd, prisla, vstup
		sk: dorazila, prichod
		sv: ankommit, ankommen, ankomst, anlant, anlande, har kommit fram, kommit till, har kommit
		da: ankommet, ankomst, er ankommet, ankom, modtaget pa terminal
		no: ankommet, ankomst, kom frem, har ankommet
		fi: saapunut, saapui, saapuminen, saapumis
		tr: ulasti, ulasmistir, varis, geldi, giris, giris yapti, transfer merkezine ulasti
		ru: прибытие, прибыл*, поступил*, заложено, заложен, заложена, приход, поступление
		uk: прибуло, надійшло, прибув, прибула, поступлення, надходження
		hu: megerkezett, beerkezett, erkezett
		ro: ajuns, a ajuns, sosit, sosire, intrare, intrat, a intrat, intrata, receptionat, receptionata, descarcat, descarcata, sosirea
		el: αφιξη
		ja: 到着, 到達
		ko: 도착함, 입고, 하차, 입고, 입항, 도착
		zh: 到达, 已到达, 抵达, 进港, 到港, 到件, 卸车, 已到
		bg: пристигане, пристигна, пристигнала, пристигнал
		he: הגיע, הגיעה, הגעה
		ar: وصل, وصلت, وصول
		et: joudnud, saabunud, saabus`},
	{"TRANSIT", `
		en: in transit, transit, on the way, on its way, en route, in progress to, moving through network, on route, on the move, transit scan, enroute, en-route, intransit, in transport
		    in transport
		es: en transito, transito, en camino, en ruta
		pt: em transito, transito, a caminho, em rota, em transferencia
		fr: en transit, transit, en cours d acheminement, en cours d'acheminement, acheminement, achemine, en route, en chemin
		de: unterwegs, transit, im transport, auf dem weg, in transit, beforderung, weitertransport
		nl: onderweg, in transit, verzendproces, getransporteerd
		it: in transito, transito, in viaggio, in spedizione
		pl: w drodze, w transporcie, tranzyt, w trakcie transportu, przekazana w dalsza droge, w trasie
		cs: na ceste, v preprave, tranzit, prepravovana
		sk: na ceste, v preprave
		sv: pa vag, under transport, transit
		da: undervejs, pa vej, under transport, transit
		no: pa vei, under transport, transitt
		fi: matkalla, kuljetuksessa, transit
		tr: yolda, tasimada, transferde, tasiniyor
		ru: в пути, транзит, в дороге
		uk: в дорозі, транзит
		hu: uton, szallitas alatt, tranzit
		ro: in tranzit, in curs de transport, tranzit, tranzitului
		ja: 輸送中, 運送中, 移動中, 通過
		ko: 이동중, 운송중, 간선상차, 간선하차, 이동
		zh: 运输中, 在途, 转运, 运送中
		bg: транзит, в транзит
		th: อยู่ระหว่างการขนส่ง`},
	{"FORWARD", `
		hr: otpremljena, otpremljeno, otpremljen, predano, proslijedena, proslijedjena
		en: forwarded, forwarding, forward, sent to, dispatched to, despatched to, on its way to, moving to, en route to, transferred to,, transported
		    being transferred, routed to, rerouted
		es: encaminado, encaminada, reexpedido, derivado, dirigiendo, se esta dirigiendo
		pt: encaminhado, encaminhada, encaminhamento, transferido, transferida, reencaminhado, direcionado
		fr: achemine vers, reexpedie, transfere, transferee
		de: weitergeleitet, weiterleitung, transportiert
		nl: doorgestuurd, doorgezonden, doorgeleid
		it: inoltrato, inoltrata, trasferito, trasferita, smistato verso
		pl: przekazana, przekazany, przekazano, skierowana, przekierowano
		cs: predana, predano, predani, prepravena
		sk: odovzdana, prepravena
		sv: vidaresand, skickad till, pa vag till
		da: videresendt, sendt til
		no: videresendt, sendt til
		fi: siirretty, edelleen lahetetty, lahetetty edelleen
		tr: sevk edildi, aktarildi
		ru: направлено, переслано, направлено, переадресовано
		ja: 転送しました
		zh: 发往, 转至, 转运至`},
	{"HANDOVER", `
		en: handed over, hand over, handover, handed, handing over, transferred, transfer to, passed to, given to, presented, presentation, submitted to, presented to
		    delivered to carrier, handoff, hand off
		es: entregado al transportista, traspasado, cedido
		pt: entregue a transportadora, entregue ao transportador, repassado, entregue ao parceiro
		fr: remis, remise, remis au transporteur, confie, confiee
		de: ubergeben, ubergabe
		nl: overgedragen, overdracht, overhandigd, overgedragen aan
		it: affidato al vettore, consegnato al vettore, passato
		pl: przekazana przewoznikowi, przekazanie, przekazano przewoznikowi, przekazal, przekazala, wydanie
		cs: predana prepravci, predani prepravci
		sv: overlamnad, overlamnat, overlamnats, overlamning
		da: overdraget, overleveret, overdragelse
		no: overlevert, overlevering
		fi: luovutus, siirretty kuljetusliikkeelle
		tr: teslim edildi tasiyiciya, devredildi
		ru: передано, передана, сдан, сдано, сдана
		ja: 引渡, 引き渡し, 引渡し
		ko: 인계, 인계완료
		zh: 交接, 已交接, 交运, 移交, 转交
		ro: predat, predata, predare

		hr: predan, preuzet, preuzeo
		hu: atadva
		lt: perduota, pateikta`},
	{"LOAD", `
		en: loaded, loading, boarded, on board, aboard
		es: cargado, embarcado
		pt: carregado, embarcado, embarque
		fr: embarque, chargement
		de: verladen, geladen, verladung, beladung, gebindebeladung
		nl: geladen, ingeladen
		it: caricato, imbarcato
		pl: zaladowana, zaladunek
		cs: nalozena, nakladka
		sv: lastad, lastat, lastning
		da: lastet, pakket pa
		fi: lastattu
		tr: yuklendi, yuklendi, aracina yuklendi
		ja: 搭載, 積込
		zh: 装机, 装车, 已装车, 装载, 配载
		ko: 상차, 적입, 선적`},
	{"PROCESS", `
		en: processed, processing, handled, handling, operation, scanned, scan, sorting complete, package processed, item processed, ready for processing, insert item into bag, into bag, bagged, bagging, sorted, screened, screening, pre sorted, presorted, pre-sorted
		es: procesado, procesada, procesamiento, tratamiento, en tratamiento, tratado, clasificado, clasificada, clasificacion, gestion, en gestion
		pt: processado, processada, processamento, tratamento, em tratamento, tratado, triado
		fr: traite, traitee, traitement, en traitement, trie, tri
		de: bearbeitet, bearbeitung, verarbeitet, sortiert, erfasst, sortierung, umgeschlagen, umschlag
		nl: verwerkt, verwerking, gesorteerd, gescand, sorteerproces, wordt verwerkt
		it: lavorato, lavorazione, in lavorazione, processato, elaborato, smistato, smistamento
		pl: przetwarzana, przetworzona, obsluga, sortowana, posortowana, sortowanie, obslugiwana, obslugiwany
		cs: zpracovana, zpracovani, zpracovano, trideni, roztridena, sken
		sk: spracovana, spracovanie, triedenie
		sv: behandlad, sorterad, sortering, sorterats, hanterad, skannad, skanning
		da: behandlet, sorteret, sortering, scannet, handteret
		no: behandlet, sortert, sortering, skannet
		fi: kasitelty, kasittely, lajiteltu, lajittelu
		tr: islem, islendi, islem goruyor, tasnif
		ru: обработ*, сортировка
		uk: обробка, оброблено, сортування
		hu: feldolgozas, feldolgozva, valogatas
		ro: procesat, procesare, sortare, scanat, scanare, procesare in curs, sortata, sortat
		ja: 仕分, 仕分け, 処理, 処理中
		ko: 분류, 처리, 처리중
		zh: 分拣, 处理, 已处理, 操作, 开拆, 已开拆, 封发, 已封发, 经转, 扫描, 装袋, 集包
		bg: обработва, обработена, обработен, проверява, сортирана
		et: skaneerimine`},
	{"SORT FACILITY", `
		en: sorting center, sorting centre, sort center, sort centre, sorting facility, sort facility, sortation center, sorting hub, mc, parcel center, parcel centre
		    sort hub, mail centre, mail center, mail processing center, mail processing centre, processing center, processing centre,
		    processing facility, distribution center, distribution centre, logistics center, logistics centre, parcel centre,
		    parcel center, network distribution center, consolidation center, transfer center, operations center
		es: centro de tratamiento, centro de clasificacion, centro logistico, centro de distribucion, centro de admision masiva, centro logistico
		    centro de transito, plataforma, centro de procesamiento, centro operativo
		pt: centro de tratamento, unidade de tratamento, centro de distribuicao, centro logistico, centro de triagem, cd
		    unidade operacional, centro de processamento, cte, ctce, cdd
		fr: centre de tri, plateforme, plate forme, hub, centre de traitement, centre de distribution
		de: paketzentrum, briefzentrum, verteilzentrum, sortierzentrum, umschlagbasis, logistikzentrum, frachtzentrum, lc, versandzentrum, abgangszentrum
		    verteilerzentrum, hub, sortier hub, sortierhub, sortieranlage
		nl: sorteercentrum, distributiecentrum, sorteerlocatie, hub, sorteercentrum van, expeditieknooppunt
		it: centro di smistamento, centro operativo, centro di distribuzione, centro di meccanizzazione postale, cmp, hub, filiale,
		    centro logistico, centro di lavorazione
		pl: sortownia, sortowni, oddzial, oddziale, centrum logistyczne, wezel, wezel ekspedycyjno rozdzielczy, centrum sortowania, oddzialu, oddzialu nadawczego
		    terminal, terminalu, centrum przeladunkowe, magazyn sortowniczy
		cs: depo, depu, sberne prepravni centrum, trideci centrum, distribucni centrum, prepravni uzel, logisticke centrum, hub, tridiciho centra, tridici centrum, depa, depe, depu
		    sdruzovaci depo
		sk: triediace centrum, depo, prekladisko, logisticke centrum, depe, depa
		sv: terminal, terminalen, sorteringscentral, brevterminal, paketterminal, logistikcenter, godsterminal
		da: terminal, terminalen, pakkecenter, sorteringscenter, postcenter, pakketerminal
		no: terminal, terminalen, sorteringssentral, postterminal, logistikksenter, sorteringsterminal
		fi: terminaali, terminaaliin, terminaalissa, logistiikkakeskus, lajittelukeskus, postikeskus
		tr: transfer merkezi, aktarma merkezi, dagitim merkezi, isleme merkezi, transfer merkezinde
		ru: сортировочный центр, сортировочного центра, логистический центр, магистральный сортировочный центр, цех, сц, цгп, уопк, сортировочн*, сц, сортцентр, сортцентра, сортцентре, участка сортировки, участок сортировки
		uk: сортувальний центр, сортувального центру
		hu: logisztikai kozpont, depo, csomagkozpont, rendezokozpont*, szortirozokozpont*
		ro: hub, centru de sortare, depozit, depozitul, depozitului, depozitul central, sorter
		ja: センター, ターミナル, 物流センター, 集配センター
		ko: 허브, 터미널, 물류센터, 허브, 터미널, 캠프, 경유지, 중계, 구간, 소터, dc, 배송dc, 센터
		zh: 分拣中心, 处理中心, 分拨中心, 集散中心, 转运中心, 中转中心, 中心, 中转场, 中转部, 中转站
		he: מרכז מיון, במרכז המיון, מרכז המיון
		ar: مركز الفرز
		th: ศูนย์คัดแยก
		lt: skirstymo centre, paskirstymo centre, paskirstymo centro
		id: sortation`},
	{"FACILITY", `
		en: facility, station, branch, location, service center, service centre, agency, plant, office
		es: instalacion, instalaciones, sucursal, delegacion
		pt: unidade, base, filial
		fr: centre
		de: standort, niederlassung, zentrum, station
		nl: locatie, vestiging, centrum
		it: sede, stabilimento, centro
		pl: placowka, placowce, placowki, punkt
		cs: pobocka, provozovna, pobocky, centrum
		sk: pobocka, centrum
		sv: anlaggning, filial
		da: afdeling, lokation
		no: avdeling, lokasjon
		fi: toimipiste, keskus
		tr: sube, subesi, birim, merkez, merkezi, merkezine, merkezinden
		ru: отделение, пункт, пункте
		hu: kozpont, telephely, csomagkozpont*, csomopont*, logisztikai kozpont*
		ro: centru, agentie
		ja: 支店, 営業所, 拠点
		ko: 지점
		zh: 网点, 站点, 营业部, 仓, 场地, 航站
		bg: офис, офиса, депо, склад
		el: καταστημα, κεντρο, κεντρο διαλογης`},
	{"WAREHOUSE", `
		id: gudang
		vi: kho, luu kho
		en: warehouse, warehousing, fulfillment center, fulfilment centre, fulfillment centre, fulfilment center, overseas warehouse
		es: almacen, bodega
		pt: armazem, deposito
		fr: entrepot, magasin
		de: lager, warenlager, lagerhaus
		nl: magazijn
		it: magazzino
		pl: magazyn, magazynu
		cs: sklad, skladu
		sv: lagret, lager
		da: lageret
		no: lageret
		fi: varasto, varastolta, varastolle, varastoon, varastossa
		tr: depoda, depodan
		ru: склад*
		ja: 倉庫
		ko: 창고
		zh: 仓库, 海外仓
		hu: raktar*`},
	{"DEPOT", `
		hr: dostavni postanski ured, dostavni ured, dostavnom uredu
		en: delivery office, delivery depot, delivery station, delivery unit, delivery centre, delivery center, delivery facility, final delivery office, delivery post office, delivery city, destination city, delivery post, distribution terminal, depot, delivery depot, delivery terminal, post office entry, destination post office entry, distribution network, distribution office, local delivery system, delivery point, nearest delivery depot, delivering post office
		    local depot, local delivery office, post office delivery, carrier facility, local facility,
		    local post office, delivery location, delivery area, delivery hub,
		    regional distribution center, regional hub, courier facility, local hub, parcel depot,
		    last mile facility, place of delivery
		es: unidad de reparto, oficina de reparto, centro de reparto, delegacion de destino, agencia de destino, plataforma de destino, unidad responsable de la entrega, unidad responsable de su entrega, unidad responsable
		    oficina de destino, centro de reparto local
		pt: unidade de distribuicao, centro de distribuicao domiciliar, unidade de entrega, agencia de destino, unidade de destino, base de destino
		    cdd de destino, base de entrega, unidade de distribuicao local, centro de entrega, filial de destino, filial destino
		fr: site de distribution, agence de distribution, centre de distribution local, agence de livraison, bureau distributeur, plateforme de distribution, centre de livraison, point de livraison
		    site de livraison, centre courrier, agence locale, installation de livraison, agence, agence regionale de distribution
		de: zustellbasis, zustellstutzpunkt, zustelldepot, zustellstandort, zustellbezirk, auslieferungsdepot, zustellstation, liefereinrichtung, zustellniederlassung, eingangszentrum
		nl: bezorgcentrum, distributielocatie, bezorglocatie, afleverdepot, bezorgdepot, bezorgfaciliteit
		it: centro di distribuzione di destinazione di destinazione, ufficio di recapito, centro di recapito,, ufficio di consegna
		    sede di destinazione, centro recapito, centro di consegna
		pl: urzad doreczajacy, placowka doreczajaca, placowka oddawcza, oddzial doreczajacy, oddzial docelowy, urzad pocztowy doreczajacy, oddziale docelowym, oddzial docelowy, oddzialu docelowego, procesu dystrybucji, dystrybucji, placowki dostawy, placowka dostawy, placowce dostawy
		cs: dodaci posta, dorucovaci depo, dorucovaci posta, depo dorucovatele, cilove depo, dodaci depo, dodaci postu, dodaci posta, dodaci poste
		sk: dodacia posta, dorucovacie centrum
		sv: utdelningskontor, utdelningsterminal, utdelningsenhet, lokal terminal, leveransterminal
		da: distributionscenter, omdelingscenter, udleveringsterminal, lokalt distributionscenter
		no: distribusjonsterminal, utleveringsterminal, lokal terminal
		fi: jakelukeskus, jakelutoimipiste, jakeluterminaali, jakelupiste, lahiterminaali, maaraasemalle, maaraasemalla
		tr: dagitim subesi, teslimat subesi, varis subesi, varis merkezi, teslimat birimi, varis transfer merkezi, teslim birimine, teslim birimi, dagitim transfer merkezinde, teslimat subesinde
		ru: отделение доставки, место вручения, сортировочный пункт доставки, г получателе, г-получатель, г получатель, городе получателе, склад доставки, пункт назначения, склад города получателя, складе города получателя, склада города получателя, учреждение доставки, учреждении доставки, терминале доставки, терминал доставки
		hu: kezbesito posta, kezbesito depo, depoban, depoba, depobol, kiszallitasi depoban
		ro: centrul de livrare, depou de livrare, depozitul de destinatie, depozit de destinatie, depozitul destinatie
		ja: 配達局, 配達店, 配達営業所, 配送施設
		ko: 배달국, 배송지점, 배달지점, 배송 대리점, 영업소, 대리점, 배송지역, 배송지점, 배송 시설, 배송 터미널, 배송터미널
		zh: 派件网点, 派送网点, 目的地网点, 投递站, 投递局, 营业所, 配送站, 配送站所, 派送点, 派送处理中心`},
	{"POSTOFFICE", `
		vi: buu cuc
		id: kantor pos
		hr: postanski ured, postanskom uredu, postanskog ureda
		en: post office, postoffice, postal office, post shop, postshop, post outlet, retail outlet, postal outlet, post office counter,
		    usps retail, branch office, postal service point, postal agency
		es: oficina de correos, oficina postal, oficina, sucursal de correos
		pt: agencia dos correios, agencia postal, agencia de correios, unidade dos correios, balcao
		fr: bureau de poste, agence postale, relais poste, bureau, boite postale
		de: postfiliale, postamt, filiale der deutschen post, postagentur, poststelle, postfach
		nl: postkantoor, postagentschap, postkantoortje, postpunt
		it: ufficio postale, ufficio poste, sportello, uff. postale
		pl: urzad pocztowy, placowka pocztowa, placowce pocztowej, placowki pocztowej, urzedzie pocztowym, agencja pocztowa, poczta
		cs: posta, poste, pobocka posty, postovni pobocka, na poste, postovni urad, postu
		sk: posta, poste, postovy urad
		sv: postombud, postkontor, ombudet, servicestalle
		da: posthus, posthuset, postbutik, posthus i
		no: postkontor, post i butikk, posten i butikk, postkontoret
		fi: postitoimipaikka, postiin, postissa, postikonttori, postitoimipaikkaan, toimipaikkaan, toimipaikassa
		tr: ptt subesi, postane, postanesi, ptt isyerine, ptt isyerinde
		ru: почтовое отделение, отделение почтовой связи, опс, почта
		uk: поштове відділення, відділення зв язку
		hu: postahivatal, posta
		ro: oficiul postal, oficiu postal, posta, sediu, sediul, sediul curierului
		ja: 郵便局
		ko: 우체국
		zh: 邮局, 邮政局, 邮政网点
		he: סניף הדואר, סניף דואר, בסניף הדואר, יחידת דואר
		et: postkontorisse, postkontoris, postkontor
		th: ที่ทำการไปรษณีย์
		lt: pasto skyriuje, pasto skyriu, pasto skyrius`},
	{"PICKUPPOINT", `
		en: pickup point, pick up point, pick-up point, collection point, parcel shop, parcelshop, service point, servicepoint, ups access point, ups store, access point, dpd pickup, fedex office, pickup site, pick up site, self pickup site, self pick up site, self-pickup site, self pickup point, relay point
		    access point, pickup location, pick up location, collection location, parcel point, drop point,
		    pudo, pudo point, pickup store, collect point, collect location, agent location, partner location, click and collect,
		    counter, issue point, parcelstation, parcel station, postnl outlet
		es: punto de recogida, punto de entrega, punto pack, punto de conveniencia, punto de venta, punto celeritas, punto kiala, punto
		    oficina de recogida, tienda, punto de retiro
		pt: ponto de retirada, ponto de coleta, ponto de entrega, ponto de recolha, loja parceira, ponto pickup, ponto de retiro,
		    ponto de venda
		fr: point relais, point retrait, point de retrait, relais, relais pickup, point pickup, relais colis, consigne pickup,
		    bureau de poste ou relais, commercant, point de vente
		de: paketshop, paket shop, abholstation, abholpunkt, packstation oder filiale, parcelshop, servicepunkt
		nl: afhaalpunt, servicepunt, pakketpunt, ophaalpunt, afhaallocatie, postnl punt, pick up point
		it: punto di ritiro, punto ritiro, fermopoint, punto brt, punto poste, punto di raccolta, negozio, tabaccheria
		pl: punkt odbioru, punkcie odbioru, punktu odbioru, punkt obslugi, punkcie, punkt partnerski, zabka, punkt pickup, paczkopunkt*, miejscu odbioru, miejsce odbioru
		cs: vydejni misto, vydejnim miste, vydejniho mista, vydejna, vydejne, vydejni mista, balikovna, balikovne, odberne misto
		sk: vydajne miesto, odberne miesto, vydajnom mieste
		sv: utlamningsstalle, utlamningsstallet, ombud, paketombud, servicepunkt, hamtstalle, hamtstallet
		da: udleveringssted, pakkeshop, indleveringssted, afhentningssted, afhentningsstedet
		no: hentested, utleveringssted, hentestedet, pakkeutlevering
		fi: noutopiste, noutopisteessa, noutopisteeseen, palvelupiste, postin palvelupiste, pakettipiste, noutopaikka, maarapakettipisteeseen, maarapakettipisteessa
		tr: teslimat noktasi, kargo noktasi, kargomat noktasi, alim noktasi
		ru: пункт выдачи, пункт выдачи заказов, пвз, пвз, клиентский зал, пункт самовывоза, пункте самовывоза, пункт выдачи, пункте выдачи, пункта выдачи
		uk: відділення, відділенні
		hu: atveteli pont, csomagpont, pickpack pont
		ro: punct de ridicare, easybox punct, punct de livrare, punctul de livrare, punct livrare, punctul de ridicare
		ja: コンビニ, 受取所, 取扱店
		ko: 편의점, 점포
		zh: 自提点, 驿站, 代收点, 菜鸟驿站, 丰巢
		th: จุดรับสิ่งของ
		sr: paket sop, paket sopa, paket sopu`},
	{"LOCKER", `
		en: locker, lockers, parcel locker, parcel lockers, parcel box, smart locker, pickup locker, amazon locker, parcelbox, box, community mailbox, cluster box, apt condo mailbox, packetbox, parcellocker, parcel locker, postomat
		es: casillero, taquilla, citypaq, locker, buzon inteligente
		pt: armario, armario inteligente, locker, cacifo, caixa de correios inteligente
		fr: consigne, consigne automatique, casier, abricolis, locker, consigne pickup station, pickup station
		de: packstation, paketstation, paketkasten, paketbox, packstation oder, locker
		nl: pakketautomaat, pakketkluis, kluis, automaat
		it: locker, armadietto, punto poste locker
		pl: paczkomat, paczkomacie, paczkomatu, paczkomatem, automat paczkowy, automacie paczkowym, paczkomaty, skrytka, boks
		cs: box, z box, zbox, alzabox, balikobox, ulozna schranka, boxu
		sk: box, z box, balikobox
		sv: paketskap, paketboxen, paketbox, skap, box, boxen, instabox
		da: pakkeboks, pakkeautomat, dogn boks, boks, pakkeboksen
		no: pakkeautomat, pakkeboks, boks
		fi: pakettiautomaatti, pakettiautomaattiin, pakettiautomaatissa, lokero, automaatti, smartpost
		tr: kargomat, akilli dolap, dolap
		ru: ячейка, почтомат*, ячейку, ячейка, апс, абонементный ящик, абонементный почтовый шкаф, постамат, постамата, постамате, постаматы
		uk: поштомат*
		hu: csomagautomata, automata, automata*, csomagautomata*
		ro: easybox, locker, fanbox
		ja: 宅配ボックス, ロッカー
		ko: 무인택배함, 택배함, 보관함
		zh: 快递柜, 丰巢柜, 智能柜
		sr: paketomat, paketomata, paketomatu`},
	{"NEIGHBOR", `
		en: neighbour, neighbor, neighbours, neighbors, next door, another address, alternative address, alternate address, family member, spouse, other person, an other person, secure place, preferred location
		es: vecino, vecina
		pt: vizinho, vizinha
		fr: voisin, voisine, autre adresse
		de: nachbar, nachbarn, nachbarin, ehegatten, familienmitglied, bevollmachtigten, andere anwesende person, hauspoststelle, gesicherten ort, vereinbarten ablageort, gewunschten ablageort, ablageort, wunschablageort
		nl: buren, buurman, buurvrouw
		it: vicino di casa, vicina di casa
		pl: sasiad, sasiada, sasiadowi, sasiadki
		cs: soused, sousedovi, sousedce
		sv: granne, grannen
		da: nabo, naboen
		no: nabo, naboen
		fi: naapuri, naapurille
		tr: komsu, komsuya
		ru: сосед, соседу
		ja: 隣人
		ko: 이웃
		zh: 邻居`},
	{"DOORSTEP", `
		en: front door, back door, doorstep, porch, safe place, safeplace, mailbox, letterbox, letter box, mail slot, garage, po box, p o box, post office box, postbox
		    side door, patio, behind gate, gate, mailroom door
		es: buzon, puerta
		pt: caixa de correio, caixa postal, porta
		fr: boite aux lettres, boite a lettres, bal
		de: briefkasten, hausbriefkasten, garage, terrasse, haustur
		nl: brievenbus, voordeur
		it: cassetta postale, cassetta delle lettere
		pl: skrzynka pocztowa, skrzynki pocztowej, skrzynce
		cs: schranka, domovni schranka, postovni schranka
		sv: brevlada, brevladan, dorr, dorren
		da: postkasse, postkassen, dor, doren
		no: postkasse, postkassen, dora
		fi: postilaatikko, postilaatikkoon, oven taakse, ovelle
		tr: posta kutusu
		ru: почтовый ящик, абонентский ящик
		ja: 郵便受け, 郵便受, ポスト
		ko: 우편함, 문앞
		zh: 信箱, 门口`},
	{"RECEPTION", `
		en: reception, receptionist, front desk, mailroom, mail room, concierge, security desk, building management, doorman,
		    leasing office, office manager, management office, agent, porter
		es: conserjeria, porteria, conserje
		pt: portaria, recepcao, porteiro, zelador, sindico
		fr: gardien, gardienne, concierge, loge, accueil
		de: rezeption, empfang, pforte, hausmeister, poststelle im haus
		nl: receptie, balie, portier
		it: portineria, portiere, reception
		pl: recepcja, portiernia, portier
		cs: recepce, vratnice
		sv: receptionen, reception
		da: receptionen, portner
		no: resepsjon, resepsjonen
		tr: resepsiyon, guvenlik
		ja: 管理人
		ko: 경비실, 관리실
		zh: 前台, 门卫, 物业, 收发室, 代收, 代签收, 代签
		ru: ресепшн, секретариат`},
	{"OFD", `
		en: out for delivery
		uk: видано курєру
		pl: wydanie przesylki do doreczenia, wydanie do doreczenia, zaladunek na rozwoz, dziś doręczamy, dziś doręczymy
		he: בחלוקה, יצא לחלוקה, נמסר לשליח לחלוקה, יצא למסירה, במסירה
		ar: خرج للتسليم, قيد التوصيل, جاري التوصيل, مع المندوب, خارج للتوصيل, خرجت للتسليم, خرج للتوصيل, جاري تسليم, جاري التسليم
		sk: na vozidle pre dorucenie
		tr: dagitima cikmis
		th: อยู่ระหว่างการนำจ่าย
		ru: выдача на доставку, доставляется клиенту, доставляется получателю, выведена на доставку, выведен на доставку, выведено на доставку, на доставке у курьера, передано на курьерскую доставку, выдан на маршрут
		de: in auslieferung
		no: utkjoring til mottaker
		it: fuori per la consegna
		ja: 配達に出発, 持出
		id: paket dibawa
		sr: zaduzena za isporuku, zaduzen za isporuku
		es: en poder del cartero, en poder del distribuidor, en poder del repartidor, salió para entrega`},
	{"DELIVERED", `
		id: selesai antar, terkirim, telah diterima oleh, diterima oleh, berhasil diantar, telah diantar
		vi: giao hang thanh cong, giao thanh cong, phat thanh cong
		hr: urucena, uruceno, urucen, isporucena, isporuceno, dostavljena, dostavljeno, posiljka je urucena
		en: delivered, delivery successful, successfully delivered, delivery complete, delivery completed, sign by, signed by, signature, signature from, sign for, signature obtained, attempt successful, delivery attempt successful, second delivery attempt successful, partial delivery, partially delivered
		    signed, signed for, signature obtained, final delivery, deliver item, received by recipient, proof of delivery,
		    has been delivered, was delivered, delivery made, left with individual, left with an individual
		es: entregado, entregada, entrega realizada, entrega efectuada, entregado al destinatario, entregado a destinatario, entrega parcial
		pt: entregue, entregues, entrega realizada, entrega efetuada, objeto entregue, entregue ao destinatario, assinado, assinada, reentregue
		fr: livre, livree, distribue, distribuee, livraison effectuee, colis livre
		de: zugestellt, ausgeliefert, zustellung erfolgreich, zustellung erfolgt, erfolgreich zugestellt, abgeliefert, erfolgreiche zustellung, hausturzustellung, erfolgreiche hausturzustellung, briefkastenzustellung, zustestellt, vereinfachte zustellung, geliefert mit, abgestellt
		nl: bezorgd, afgeleverd, geleverd
		it: consegnato, consegnata, consegna effettuata, recapitato, recapitata, consegnata al destinatario, consegna a persona delegata, consegna a persona abilitata, consegnato a persona abilitata, consegnato a persona delegata
		pl: doreczona, doreczony, doreczono, dostarczona, dostarczony, dostarczono, wydana odbiorcy, wydano odbiorcy, odebrana przez adresata, doreczenie
		    odebrana przez odbiorce, dostarczone, doreczone, dostarczenie
		cs: dorucena, doruceno, dorucen, doruceni zasilky, dodana, dodano, vydana prijemci, vydano prijemci, zasilka dorucena, dodani zasilky
		    zasilka byla dorucena
		sk: dorucena, dorucene, dorucenie, dodana
		sv: levererad, levererat, levererats, utdelad, utdelat, kvitterad, kvitterat, mottagen av mottagaren, utlamnad, lamnades ut
		da: leveret, afleveret, udleveret til modtager, modtaget af modtager, leveret til modtager, udleveret
		no: levert, utlevert til mottaker, levert til mottaker, mottatt av mottaker, utlevert
		fi: toimitettu, luovutettu vastaanottajalle, jaettu, toimitettu vastaanottajalle, perilla, luovutettu
		tr: teslim edildi, teslim edilmistir, alici teslim aldi, teslimat gerceklesti, teslim edilen, parcali teslimat, aliciya ulasti, teslim edilmis, kendisine teslim, aile bireyine teslim, yakina teslim
		ru: вручен*, выдан адресату, доставлено адресату, доставлен*, выдан на складе, выдан частично, выдана частично, успешно выдан, выдан мест, получен покупателем, получено покупателем, получена покупателем, заказ получен покупателем
		uk: отримано
		hu: kezbesitve, kezbesitett, sikeresen kezbesitve, hazhoz szallitva, kezbesitve, kezbesitett, sikeres kezbesites
		ro: livrat, livrata, predat destinatarului
		el: παραδοθηκε, επιδοθηκε
		he: נמסר, נמסרה, נמסר לנמען, נמסרה לנמען
		ja: 配達完了, お届け済み, お届け完了, 配達済み, 受取完了, 窓口でお渡し, お渡し, 配達終了, 配達は終了, 投函完了, お客様引渡完了, 配送完了
		ko: 배달완료, 배송완료, 수령완료, 배달 완료, 배송 완료, 고객전달, 인수확인, 인수자등록, 배송완료 사진확인, 배송되었습니다, 배송된, 배달되고
		zh: 签收, 已签收, 妥投, 已妥投, 投递成功, 已投递, 送达, 已送达, 配送完成
		bg: доставена, доставен, доставено, доставени, връчена, връчен
		ar: تم التسليم, تم تسليم, سلمت, تم التوصيل
		et: katte toimetatud, kattetoimetatud, uleantud saajale
		th: นำจ่ายสำเร็จ
		lt: pristatyta`},
	{"DELIVERY", `
		hr: dostava, dostave, dostavu, urucenje, urucenja
		en: delivery, deliver, deliveries, home delivery
		es: entrega, entregar, repartir
		pt: entrega, entregar
		fr: livraison, livrer, distribution
		de: zustellung, zustellen, auslieferung, lieferung
		nl: bezorging, levering
		it: consegna, consegnare, recapito
		pl: doreczenia, dostawa, dostawy, dostarczenia, doreczyc
		cs: doruceni, dorucit, dodani, dorucovani
		sk: dorucenia, dorucit
		sv: leverans, leveransen, utdelning, utkorning, leverera
		da: levering, leveringen, udbringning, levere, omdeling
		no: levering, leveringen, utkjoring, levere
		fi: toimitus, toimituksen, jakelu, jakelun
		tr: teslimat, teslim, dagitim
		ru: доставка, доставки, вручения
		uk: доставка
		hu: kezbesites, szallitas
		ro: livrare, livrarea, livra, livreze
		ja: 配達, お届け
		ko: 배달, 배송
		zh: 投递
		bg: доставка, доставката, доставяне
		el: παραδοση, διανομη
		ar: تسليم, التسليم
		th: นำจ่าย
		sr: isporuka, isporuke, isporuku
		ms: penghantaran`},
	{"ATTEMPT", `
		hr: pokusaj, pokusaja
		en: attempt, attempted, attempts, attempting, tried, try, card left, notice left, delivery notice, calling card, we left a card, identification, identitycheck, age check, age-check
		es: intento, intentado, tentativa, intentamos
		pt: tentativa, tentado
		fr: tentative, tente, avis de passage
		de: versuch, zustellversuch, versucht, benachrichtigungskarte, karte hinterlassen, identifikation, altersprufung, identitatsprufung
		nl: poging, bezorgpoging, geprobeerd, bericht achtergelaten, kaartje
		it: tentativo, tentata
		pl: proba, proby, probie
		cs: pokus, pokusu
		sk: pokus
		sv: forsok, leveransforsok, forsokt
		da: forsog, leveringsforsog, forsogt
		no: forsok, leveringsforsok, forsokt
		fi: yritys, toimitusyritys, yritetty, luovutusyritys
		tr: deneme, denendi, teslimat denemesi, ugrama notu
		ru: попытка, неудачная попытка
		ko: 시도
		zh: 尝试, 尝试过
		lt: bandymas
		sr: pokusana, pokusano, pokusan
		ms: percubaan`},
	{"FAIL", `
		id: gagal
		vi: khong thanh cong
		hr: neuspjesan, neuspjesna, neuspjesno, neuspjelo
		en: failed, failure, unsuccessful, fail, unable, missed, not possible, could not be completed,
		es: fallido, fallida, sin exito, no realizada, no efectuada, no fue posible, no se pudo, imposible, incidencia, infructuoso
		pt: nao realizada, nao efetuada, sem sucesso, falha, frustrada, nao foi possivel, impossibilitada, insucesso, impossibilita*, nao foi conseguida, nao conseguida
		fr: echec, echouee, impossible, non effectuee, non aboutie, infructueuse, anomalie
		de: nicht moglich, fehlgeschlagen, erfolglos, konnte nicht, gescheitert, misslungen, negativ, abgebrochen
		nl: mislukt, niet gelukt, niet mogelijk, kon niet, onbestelbaar
		it: non riuscita, fallita, fallito, mancata, impossibile, non e stato possibile, non andata a buon fine
		pl: nieudana, nieudany, niedoreczona, niedoreczony, nie doreczono, nie udalo sie, niemozliwe, bezskuteczna, nieudane
		cs: nedorucena, nedoruceno, neuspesny, neuspesna, neuspesne, nezdarilo, nepodarilo, nelze, nedoruciteln*
		sk: nedorucena, neuspesny, neuspesna, nepodarilo
		sv: misslyckad, misslyckades, misslyckat, kunde inte, ej levererad, inte levererad, ej mojligt
		da: mislykket, mislykkedes, kunne ikke, ikke muligt, ikke leveret
		no: mislykket, kunne ikke, ikke mulig, ikke levert
		fi: epaonnistui, epaonnistunut, ei onnistunut, ei voitu, ei pystytty
		tr: basarisiz, teslim edilemedi, teslim edilemedi, yapilamadi, gerceklestirilemedi, ulasilamadi
		ru: неудачная, не удалось, неудачно, не вручено, невозможно
		uk: невдала, не вдалося
		hu: sikertelen, nem sikerult, kezbesithetetlen
		ro: nereusit, nereusita, esuat, esuata
		ja: 不在, 配達できません, お届けできません
		ko: 실패
		zh: 失败, 无法投递, 未能
		bg: неуспешна, неуспешен, невъзможна, невъзможно
		lt: nepavyko`},
	{"ABSENT", `
		en: no one home, nobody home, no one at home, nobody at home, no one available, nobody available, not home, not at home, no authorized recipient available, no authorised recipient available, not present, recipient not present, can t contact, cannot contact, unable to contact, could not contact, cann t contact, could not reach, failure to contact, failed to contact, on holiday, on vacation, uncontactable, not contactable, no authorized addressee, no authorised addressee, could not be reached, consignee could not be reached
		    no answer, recipient not available, recipient not home, customer not available, customer not home, consignee not available,
		    addressee not available, receiver not available, no authorized recipient, premises closed, business closed, closed on arrival,
		    no access, no one to sign, not available to sign, customer unavailable, recipient unavailable,
		    sorry we missed you, we missed you, missed you, absent, absence, no receiver, difficult to access, area difficult to access, consignee unavailable
		es: ausente, destinatario ausente, no se encontraba, nadie en casa, cliente ausente, establecimiento cerrado, domicilio cerrado, ausencia, primera ausencia, segunda ausencia, ausencia prolongada, no contesta, no contesta telefono, vacaciones del cliente, cerrado
		pt: ausente, destinatario ausente, cliente ausente, ninguem em casa, estabelecimento fechado, destinatario nao encontrado, sem expediente, nao atendeu
		    carteiro nao atendido, nao atendido, cliente fechado, destinatario fechado, em ferias, ferias coletivas, dificil acesso
		fr: absent, absente, absence, destinataire absent, ferme, personne
		de: nicht angetroffen, abwesend, niemand angetroffen, empfanger nicht angetroffen, geschlossen, nicht erreicht, im urlaub
		nl: niet thuis, niemand thuis, niemand aanwezig, afwezig, gesloten, niet aangetroffen, niemand aangetroffen, niet thuis getroffen
		it: assente, destinatario assente, chiuso, nessuno in casa
		pl: nieobecnosc, nieobecny, nieobecna, adresat nieobecny, odbiorca nieobecny, nie zastano, nikogo nie bylo, nikogo nie zastano,
		    brak odbiorcy, nie bylo w domu, nie zastal, brak dostepu
		cs: nezastizen, nezastizena, adresat nezastizen, prijemce nezastizen, nepritomen, nikdo doma
		sk: nezastihnuty, nezastihnuta, adresat nezastihnuty
		sv: ej antraffad, inte antraffad, mottagaren ej antraffad, ingen hemma, ingen var hemma
		da: ikke hjemme, ingen hjemme, modtager ikke hjemme, ikke truffet, ingen til stede
		no: ikke hjemme, ingen hjemme, mottaker ikke hjemme, ikke tilstede
		fi: ei tavoitettu, ei kotona, vastaanottajaa ei tavoitettu, ei tavattu
		tr: adreste bulunamadi, alici adreste yok, adreste kimse yok, evde yok, alici bulunamadi, kapali, musait degil, adreste yok
		ru: адресат отсутствует, отсутствие адресата, нет дома, абонент недоступен, недоступен, адресат бастует, невозможно связаться
		uk: адресат відсутній
		hu: nem talaltuk otthon, cimzett nem volt otthon, nem volt otthon, nem elerheto
		ro: destinatar absent, nu a fost gasit, negasit la domiciliu, destinatar negasit, nu raspunde, nu raspunde la telefon, inchis
		ja: ご不在, 不在のため, 不在連絡票
		ko: 부재, 수취인 부재, 부재중
		zh: 收件人不在, 无人签收, 无人在家, 电话无人接听, 不在家, 停止营业
		ar: غير متواجد
		sr: nema nikoga, godisnjem odmoru`},
	{"NOT", `
		en: not, no, never, cannot, can t, couldn t, could not, wasn t, isn t, hasn t, unable to, has not, have not, didn t, didnt, won t
		es: no, nunca, sin
		pt: nao, nunca, sem
		fr: pas, ne, n, non, aucun, aucune, n a pas pu, ne peut, ne pourra pas, n est pas, ne sera pas
		de: nicht, kein, keine
		nl: niet, geen
		it: non, nessun, nessuna
		pl: nie, brak
		cs: ne, nebyl, nebyla, nebylo
		sk: nebola, nebol
		sv: inte, ej, icke, ingen, inga
		da: ikke, ingen
		no: ikke, ingen
		fi: ei, eika, eivat, ei ole, eivat ole
		tr: degil, yok
		ru: не, нет, не, нет
		uk: не, немає
		hu: nem, nincs
		ro: nu
		ja: ません
		ko: 안, 못, 미
		zh: 未, 不, 没有, 尚未, 无法, 不能
		ar: لم يتم`},
	{"FUTURE", `
		en: will, will be, expected, expect, expecting, estimated, estimate, scheduled, planned, anticipated, due to arrive, preparing to, about to, is about to, going to, not yet, has not yet, yet to be, before, prior to, ahead of, soon to, prepared to, prepared for, preparing for, need to, needs to, need go to, need to go to, must, should be, further processing expected, further processing, as soon as, once
		    should arrive, shall be, would be, to be delivered, to be, going to, soon, forecast, projected, eta, edd, awaiting arrival, delivery method set as
		es: sera, previsto, prevista, prevision, estimado, estimada, programado, programada, se entregara, proximamente, todavia no, aun no, antes de, en cuanto
		pt: sera, previsto, prevista, previsao, estimado, estimada, programado, programada, agendado, agendada, ainda nao, antes, estara, sera, serao, a ser, sera realizada, assim que
		fr: sera, prevu, prevue, prevision, estime, estimee, programme, programmee, pas encore, avant, s apprete, va etre, va, vont, sera, seront, si, si vous etes, doit etre, doit, prochainement, des que
		de: voraussichtlich, erwartet, geplant, vorgesehen, angekundigt fur, noch nicht, sobald, in kurze
		nl: zal, wordt verwacht, verwacht, verwachte, gepland, geplande, nog niet, wordt, keuze van ontvanger
		it: sara, prevista, previsto, stimata, programmata, programmato, non ancora, prima
		pl: zostanie, bedzie, planowana, planowane, przewidywana, przewidywany, spodziewana, jeszcze nie
		cs: bude, budou, planovane, predpokladane, ocekavane, ocekavana, predpokladany
		sk: bude, planovane, predpokladane
		sv: kommer att, beraknad, forvantad, planerad, kommer, nar
		da: vil blive, forventet, forventes, planlagt
		no: vil bli, forventet, planlagt, beregnet
		fi: arvioitu, arvioidaan, odotetaan, suunniteltu, tulee, kun
		tr: tahmini, planlanan, beklenen, edilecek, teslim edilecek
		ru: ожидается, планируемая, будет
		hu: varhato, tervezett
		ro: estimat, va fi, programat
		ja: 予定, 見込み, 予約
		ko: 예정
		zh: 预计, 将, 预约, 将会, 会, 很快`},
	{"TODAY", `
		en: today, this morning, this afternoon, this evening, tonight
		es: hoy
		pt: hoje
		fr: aujourd hui
		de: heute
		nl: vandaag
		it: oggi
		pl: dzisiaj, dzis
		cs: dnes
		sk: dnes
		sv: idag, i dag
		da: i dag
		no: i dag
		fi: tanaan
		tr: bugun
		ru: сегодня
		ja: 本日, 今日
		ko: 오늘
		zh: 今天, 今日`},
	{"RETURN", `
		id: dikembalikan, retur
		vi: tra hang, hoan hang, hoan tra, chuyen hoan, chuyen tra nguoi gui, hoan ve, trả về, hàng trả về
		hr: vracena, vraceno, vracen, povrat, povratak, povratu, nazad
		en: return, returned, returning, returns, being returned, sent back, send back, going back, return to sender, rts, recalled, recall, rto
		    return to shipper, returned to shipper, undeliverable returned
		es: devolucion, devuelto, devuelta, devolver, retorno, retornado, en devolucion
		pt: devolucao, devolvido, devolvida, devolver, retorno, retornado, em devolucao, logistica reversa
		fr: retour, retourne, retournee, renvoye, renvoyee, retour a l expediteur
		de: retoure, rucksendung, zurucksendung, zuruckgesandt, zuruckgeschickt, zuruck an absender, rucklauf, retour, ruckversand, ruckweg, zuruckgefuhrt
		nl: retour, retourzending, teruggestuurd, teruggezonden, retour afzender, retourneren, terugsturen
		it: reso, in restituzione, restituito, restituita, rispedito, rientro, in reso, ritornato
		pl: zwrot, zwrotny, zwrocona, zwrocony, zwrocono, zwrot do nadawcy, odeslana do nadawcy, w drodze do nadawcy, zwrocone, zwrocona, zwrocony
		cs: vraceni, vracena, vraceno, vratka, vracena odesilateli, vraceno odesilateli, zpet odesilateli, vratna zasilka, vratna, vraci
		sk: vratenie, vratena, vratene, vratka, vratena zasielka
		sv: retur, returnerad, returneras, returnerat, retursandning, tillbaka till avsandaren
		da: retur, returneret, returneres, returneret til afsender, tilbage til afsender, returner
		no: retur, returnert, returneres, tilbake til avsender, returner
		fi: palautus, palautettu, palautetaan, palautuu, palautunut, palautuslahetys
		tr: iade, iade edildi, iade edilmistir, geri gonderildi, iade surecinde
		ru: отправлено обратно, возвра*, вернул, вернула
		uk: повернення, повернуто
		hu: visszakuldve, visszakuldes, vissza a feladonak, visszakuld*, visszaterult, visszateres
		ro: retur, returnat, returnata, returnare, returnat la expeditor, retur la expeditor, expediere returnata
		el: επιστροφη
		ja: 返送, 返還, 差出人に返送, 返品
		ko: 반송, 반품, 반송처리, 반환된, 반환
		zh: 退回, 退件, 退运, 退货, 退还, 返回寄件人, 退签, 送回
		bg: връщане, върната, върнат, върнато, обратно към подателя
		he: הוחזר, הוחזרה, הוחזר לשולח, החזרה לשולח
		ar: مرتجع, تم الارجاع, ارجاع, إرجاع, العودة, تم إرجاعه, تم ارجاعه, الإرجاع, جاري الإرجاع
		lt: grazinta, grazinamas, grazinimas
		sr: vraca`},
	{"REFUSE", `
		sr: odbija prijem, odbio prijem, odbijena, odbijen, odbijeno
		en: refused, refusal, declined, delivery refused, refused by recipient, refused by consignee, refuses, refuse, refusing
		es: rehusado, rehusada, no aceptan, no acepta
		pt: recusado, recusada, recusa, rejeitado
		fr: refuse, refusee, refus
		de: verweigert, annahme verweigert, annahmeverweigerung
		nl: geweigerd, weigering
		it: rifiutato, rifiutata, rifiuto, rifiuta, rifiutano
		pl: odmowa, odmowiono, odmowil, odmowila, odmowa przyjecia
		cs: odmitnuta, odmitnuto, odmitnuti, odmitl
		sk: odmietnuta, odmietnutie, odmietnute
		sv: vagrad, vagrat, nekad, nekat
		da: naegtet, modtagelse naegtet
		no: nektet
		fi: kieltaytyi, vastaanotosta kieltaydytty
		tr: reddedildi, almayi reddetti, kabul etmedi, reddetti, kabul edilmedi, kabul etmiyor, kabul etmedi
		ru: отказ от получения, отказ от получения, отказ адресата, отказ получателя, отказ в получении, отказался, отказалась
		hu: megtagadta, atvetel megtagadva, visszautasitotta
		ro: refuzat, refuzata, refuz, refuzat de destinatar, refuzata de destinatar, expediere refuzata
		ja: 受取拒否, 受取拒絶, 拒否
		ko: 수취거절, 수취 거부, 거부, 거절한, 거절
		zh: 拒收, 拒签, 拒绝签收, 拒绝
		uk: відмова*, відмовився
		bg: отказано от получателя, отказана от получателя, отказ от получателя
		ar: مرفوض`},
	{"UNCLAIMED", `
		en: unclaimed, not collected, not picked up, uncollected, storage period expired, holding period expired, not called for, not claimed
		es: no retirado, no reclamado, plazo de permanencia
		pt: nao procurado, nao retirado, prazo de retirada expirado, objeto nao procurado, nao retirou, nao foi levantado, nao foi levantada, nao levantado, nao levantada
		fr: non reclame, non retire, non reclamee, delai de garde expire
		de: nicht abgeholt, lagerfrist abgelaufen, lagerfrist uberschritten
		nl: niet afgehaald, bewaartermijn verlopen
		it: non ritirato, non ritirata, compiuta giacenza, giacenza scaduta, scaduti termini per il ritiro, scaduti termini, termini scaduti, termine di giacenza scaduto
		pl: nieodebrana, nieodebrany, nie odebrano, uplynal termin odbioru, termin odbioru uplynal, awizo niepodjete, niepodjeta
		cs: nevyzvednuta, nevyzvednuto, nevyzvednuti, uplynula ulozni doba, ulozni doba uplynula
		sk: nevyzdvihnuta, uplynula odberna lehota
		sv: ej uthamtad, ej uthamtat, inte hamtad, liggtiden har gatt ut
		da: ikke afhentet, ej afhentet
		no: ikke hentet, ikke avhentet
		fi: noutamaton, noutamatta, ei noudettu, sailytysaika paattynyt
		tr: teslim alinmadi, alici tarafindan alinmadi, bekleme suresi doldu
		ru: истек срок хранения, истек срок хранения, истёк срок хранения, невостребован*, передача в невостребованные, не был востребован, не была востребована, не востребован
		hu: nem vette at, nem kereste
		ja: 保管期間経過
		ko: 미수령
		zh: 逾期未取, 无人领取, 未自提, 超时未取, 超时未自提`},
	{"HOLD", `
		hr: zadrzavanja, zadrzana, zadrzano, zadrzavanje
		en: held, hold, holding, on hold, retained, detained, detention, stopped, withheld, pending release, seized, seizure
		es: retenido, retenida, retencion, detenido, detenida, bloqueado
		pt: retido, retida, retencao, detido, bloqueado, parado, apreendido, apreendida, em poder
		fr: retenu, retenue, bloque, bloquee, saisi, saisie
		de: zuruckgehalten, einbehalten, angehalten, festgehalten
		nl: vastgehouden, tegengehouden, geblokkeerd, wordt vastgehouden
		it: trattenuto, trattenuta, bloccato, bloccata, fermo, fermata, in giacenza doganale
		pl: zatrzymana, zatrzymany, wstrzymana, wstrzymany, zablokowana, zatrzymanie
		cs: zadrzena, zadrzeno, zadrzeni, pozastavena
		sk: zadrzana, zadrzane
		sv: kvarhallen, kvarhallet, stoppad, stoppat, beslagtagen
		da: tilbageholdt, standset
		no: holdt tilbake, stoppet, tilbakeholdt
		fi: pidatetty, pysaytetty, pidossa
		tr: alikonuldu, bekletiliyor, tutuldu
		ru: задержано, задержан, задержка
		uk: затримано
		hu: visszatartva, feltartva
		ro: retinut, retinuta
		ja: 保留, 留置
		ko: 보류, 통관보류
		zh: 扣留, 扣关, 暂扣, 滞留, 扣押
		ar: معلق
		lt: sulaikyta`},
	{"INSPECT", `
		hr: pregled, pregleda, pregledu
		en: inspection, inspected, examination, examined, x-ray, xray, check, checked, investigation, verification, audit, exam
		es: inspeccion, inspeccionado, revision, control, verificacion
		pt: inspecao, vistoria, conferencia, verificacao, revisao
		fr: controle, inspection, verification, examen
		de: kontrolle, prufung, kontrolliert, gepruft, beschau, sicherheitskontrolle
		nl: controle, gecontroleerd, inspectie
		it: controllo, ispezione, verifica, accertamento, controlli
		pl: kontrola, kontroli, kontrolny, sprawdzenie, weryfikacja
		cs: kontrola, kontroly, kontrole, prohlidka
		sk: kontrola, kontrole
		sv: kontroll, granskning, besiktning
		da: kontrol, undersogelse
		no: kontroll, undersokelse
		fi: tarkastus, tarkastettu, tarkastuksessa
		tr: kontrol, inceleme, muayene
		ru: досмотр, проверка, контроль
		ja: 検査
		ko: 검사
		zh: 查验, 检查, 抽查
		lt: patikrinta`},
	{"RELEASE", `
		en: released, release, cleared, clear, passed, passed through, exempted, exempt, liberated, clearance granted
		es: liberado, liberada, liberacion, despacho completado, autorizado, autorizada
		pt: liberado, liberada, liberacao, autorizado, autorizada
		fr: libere, liberee, liberation, autorise
		de: freigegeben, freigabe, abgefertigt
		nl: vrijgegeven, vrijgave, goedgekeurd
		it: svincolato, svincolata, liberato, rilasciato, rilasciata, svincolo
		pl: zwolniona, zwolniony, zwolnienie
		cs: propustena, propusteno, propusteni, uvolnena
		sk: prepustena, uvolnena
		sv: frislappt, frislappts, klarerad
		da: frigivet, frigjort, klareret
		no: frigitt, klarert
		fi: vapautettu, selvitetty
		tr: serbest birakildi, cekildi
		ru: выпуск разрешен
		uk: випущено, оформлено
		hu: kiadva
		ro: eliberat
		ja: 許可
		ko: 반출
		zh: 放行, 已放行
		he: שוחרר, שוחררה, שחרור`},
	{"COMPLETE", `
		en: complete, completed, completion, success, successful, successfully, finished, done, ended, concluded, ok, successed
		es: completado, completada, finalizado, finalizada, terminado, concluido, concluida, exitoso, exitosamente, con exito
		pt: concluido, concluida, finalizado, finalizada, completo, completa, terminado, sucesso, com sucesso, efetuado, realizada, terminou
		fr: termine, terminee, complete, effectue, effectuee, reussi, reussie, avec succes, fini, accompli, accomplie
		de: abgeschlossen, erfolgreich, beendet, erledigt, erfolgt, vollzogen
		nl: afgerond, voltooid, gereed, succesvol, klaar
		it: completato, completata, concluso, conclusa, terminato, terminata, con successo, effettuato, effettuata, eseguito
		pl: zakonczona, zakonczony, zakonczono, zakonczenie, ukonczona, pomyslnie, wykonana
		cs: dokoncena, dokonceno, ukoncena, ukonceno, uspesne, provedeno
		sk: dokoncena, ukoncena, uspesne
		sv: klar, klart, slutford, slutfort, fardig, genomford, avslutad
		da: afsluttet, fuldfort, gennemfort, faerdig
		no: fullfort, ferdig, gjennomfort, avsluttet
		fi: valmis, valmistunut, paattynyt, suoritettu, onnistui, onnistuneesti
		tr: tamamlandi, basarili, basariyla, tamamlanmistir, bitti
		ru: завершено, завершен, успешно, окончено, завершение, уплачены, уплачен, состоялось, состоялась
		uk: завершено, успішно, завершене, завершена, завершений
		hu: befejezodott, sikeres, sikeresen
		ro: finalizat, finalizata, cu succes
		ja: 完了, 済み, 済
		ko: 완료
		zh: 完成, 成功, 已完成, 结束
		ar: اكتمل, اكتمال, تم الانتهاء, مكتمل`},
	{"START", `
		en: start, started, starts, begin, began, begun, initiated, commenced, opened, commences, commenced, commencing, starting
		es: inicio, iniciado, iniciada, comienzo, comenzado
		pt: inicio, iniciado, iniciada, comecou
		fr: debut, debute, commence, lance, initie
		de: beginn, begonnen, gestartet, eingeleitet
		nl: gestart, begonnen, aanvang, ingediend
		it: inizio, iniziato, iniziata, avviato, avviata, avvio
		pl: rozpoczecie, rozpoczeta, rozpoczeto, wszczeto
		cs: zahajeno, zahajena, zahajeni, zacatek
		sk: zacatie, zacala
		sv: paborjad, paborjat, startad, inledd
		da: pabegyndt, startet, indledt
		no: startet, begynt, pabegynt
		fi: aloitettu, alkanut, aloitus
		tr: basladi, baslatildi, baslangic
		ru: начато, начат, начало
		ja: 開始
		ko: 시작
		zh: 开始, 申报
		he: החל, התחיל, החלה
		ar: بدء, بدأ, بدأت`},
	{"PROGRESS", `
		en: in progress, underway, under way, pending, ongoing, being processed, processing in progress, under review, in process
		es: en curso, en proceso, pendiente, en tramite
		pt: em andamento, em curso, em processamento, em processo, em analise
		fr: en cours, en attente de traitement
		de: in bearbeitung, laufend, in arbeit, ausstehend
		nl: in behandeling, bezig, lopend, in afwachting
		it: in corso, in attesa di lavorazione
		pl: w trakcie, w toku, oczekujaca
		cs: probiha, prave probiha, v procesu, ceka na zpracovani
		sk: prebieha
		sv: under behandling, behandlas
		da: i gang, under behandling, behandles
		no: under behandling, behandles
		fi: kaynnissa, kasittelyssa
		tr: devam ediyor, islemde, surecinde
		ru: в процессе, проводится
		ja: 手続中, 手続き中, 進行中
		ko: 진행중, 진행 중
		zh: 进行中, 处理中, 办理中
		uk: в процесі, у процесі`},
	{"PAY", `
		en: pay, payment, payable, unpaid, outstanding, owed, owing, charge due, to pay
		es: pago, pagar, abonar, pendiente de pago
		pt: pagamento, pagar, pago, paga, quitado, boleto, pendente de pagamento
		fr: paiement, payer, a payer, regler, reglement
		de: zahlung, bezahlen, zahlen, zu zahlen, bezahlung, nachnahme, offen
		nl: betaling, betalen, te betalen, betaald
		it: pagamento, pagare, da pagare, pagato
		pl: platnosc, oplata, oplaty, oplacenie, zaplata, do zaplaty, naleznosc, pobranie
		cs: platba, platby, zaplaceni, zaplatit, uhrada, dobirka
		sk: platba, uhrada, dobierka
		sv: betalning, betala, betalas, obetald, att betala
		da: betaling, betale, betales, ubetalt
		no: betaling, betale, betales, ubetalt
		fi: maksu, maksettava, maksaa, maksamaton, maksettu
		tr: odeme, odenmesi, odenecek, odeme bekleniyor
		ru: оплат*, уплат*, платеж*, сбора
		uk: сплата
		hu: fizetes, fizetendo, befizetes
		ro: plata, de plata
		ja: 支払, 支払い, お支払い
		ko: 납부, 결제
		zh: 支付, 缴纳, 缴费, 付款`},
	{"DUTY", `
		en: duty, duties, tax, taxes, vat, gst, import tax, import duty, customs charges, customs fees, customs duty, tariff, levy,
		    fees, charges, fee, charge
		es: arancel, aranceles, impuesto, impuestos, tasas, tasa, iva, derechos, derechos de aduana, tributos
		pt: imposto, impostos, tributo, tributos, tributacao, taxa, taxas, tarifa, despesas postais, icms, taxacao, tributado
		fr: droits, taxes, droits et taxes, frais, frais de douane, tva, taxe
		de: zollgebuhren, einfuhrabgaben, steuern, abgaben, gebuhren, einfuhrumsatzsteuer, zollabgaben
		nl: invoerrechten, belasting, btw, heffingen, kosten, importkosten
		it: dazio, dazi, tasse, oneri, diritti doganali, iva, oneri doganali
		pl: clo, cla, podatek, oplata celna, naleznosci celne, vat, naleznosci
		cs: clo, dan, dph, poplatek, poplatky, celni poplatky
		sk: clo, dan, poplatok
		sv: tull och moms, moms, avgift, avgifter, tullavgift
		da: moms, afgift, afgifter, told og moms
		no: mva, avgift, avgifter, toll og mva
		fi: vero, verot, maksut, arvonlisavero, alv, tullimaksut
		tr: vergi, gumruk vergisi, harc, ucret, kdv
		ru: пошлина, пошлины, таможенная пошлина, налог, тпо, ндс
		uk: мито, податок
		hu: vamdij, illetek, afa
		ro: taxe, taxa vamala, tva
		ja: 関税, 税金, 消費税
		ko: 관세, 세금, 부가세
		zh: 关税, 税费, 税金, 缴税, 出税, 税费`},
	{"DAMAGE", `
		en: damaged, damage, broken, destroyed, crushed, torn, wet, spoiled, defective, disposal, disposed, destroyed, local disposal, incomplete shipment, shipment incomplete, shipment not complete
		es: danado, danada, deteriorado, deteriorada, dano, roto, averiado, averia, rotura, desechada, desechado, destruido, destruida, destruccion
		pt: danificado, danificada, avariado, avaria, violado, violada, quebrado, incendio, atingido por, refugado, refugo
		fr: endommage, endommagee, avarie, avariee, casse, detruit, spolie, emballage colis renforce, emballage renforce, emballage a ete renforce, endommag*, deteriore, deterioree
		de: beschadigt, zerstort, beschadigung, vernichtung, vernichtet, schaden, schadens, schadenfall, sendung unvollstandig, sendung nicht vollstandig, mehrteilige sendung unvollstandig, beschadigte
		nl: beschadigd, beschadigt, kapot, vernietigd
		it: danneggiato, danneggiata, rotto, avariato, distrutto, danno, danni
		pl: uszkodzona, uszkodzony, uszkodzenie, zniszczona
		cs: poskozena, poskozeno, poskozeni, znicena
		sk: poskodena, poskodenie
		sv: skadad, skadat, skada, forstord
		da: beskadiget, skadet, odelagt
		no: skadet, odelagt
		fi: vaurioitunut, vahingoittunut, rikkoutunut
		tr: hasarli, hasar, hasarlandi
		ru: повреждено, повреждение, поврежден, дефектност*, по причине дефектности, уничтожен*
		hu: serult, megserult, serules*, serult
		ro: deteriorat, avariat, distrus, distrusa, deteriorata, avariata
		ja: 破損
		ko: 파손, 손상
		zh: 破损, 损坏, 销毁
		bg: унищожаване, унищожена, унищожен, повредена, повреден
		lt: sunaikinta
		sr: ostecena, ostecen, osteceno`},
	{"LOSS", `
		vi: bi that lac, that lac hang, that lac
		en: lost, loss, missing item, missing parcel, missing package, stolen, theft, cannot be located, missing item, item missing, parcel missing, package missing, shipment missing, reported missing, dead letter, dead mail, mail recovery center, abandoned
		    unable to locate, manco
		es: extraviado, extraviada, extravio, perdido, perdida, robado, robo, siniestro, siniestrado, faltan bultos, falta bulto, falta expedicion, falta expedicion completa, falta expedicion parcial, falta parcial, bultos faltantes, siniestrada
		pt: extraviado, extraviada, extravio, perdido, perdida, roubado, roubo, sinistro, sinistrado, nao localizado, nao localizada, sinistrada
		fr: perdu, perdue, egare, egaree, vole, volee, spoliation, introuvable
		de: verloren, vermisst, verlust, gestohlen, verschollen, nicht auffindbar
		nl: verloren, vermist, zoekgeraakt, gestolen, kwijt
		it: smarrito, smarrita, smarrimento, perso, persa, rubato, furto
		pl: zagubiona, zagubiony, zaginiona, zaginiony, zaginiecie, utracona, kradziez, zagubienie, zagubiona, zaginiecie
		cs: ztracena, ztraceno, ztrata, nenalezena, odcizena, odcizeni
		sk: stratena, strata
		sv: forsvunnen, forsvunnet, forlorad, borttappad, stulen
		da: bortkommet, mistet, forsvundet, stjalet
		no: savnet, borte, forsvunnet, mistet, stjalet
		fi: kadonnut, kadotettu, hukassa, varastettu
		tr: kayip, kayboldu, calindi
		ru: утеряно, утрачено, утрата, потеряно, утерян, утеряна, утеря, потерял, потеряно, потеряна, утилизирован, утилизирована, утилизировано
		hu: elveszett, elveszett kuldemeny
		ro: pierdut, pierduta, pierdere
		ja: 紛失
		ko: 분실
		zh: 丢失, 遗失, 丢件, 失踪
		bg: кражба, изгубена, изгубен
		lt: dingo
		sr: izgubljena, izgubljen, izgubljeno`},
	{"NOTICE", `
		en: notice, notification, reminder, advice note
		es: aviso, avisado, notificacion, notificado
		pt: aviso, avisado, notificacao, notificado
		fr: avis, avisee, notification
		de: benachrichtigung, benachrichtigt, erinnerung
		nl: kennisgeving
		it: avviso, notifica, avvisato
		pl: zawiadomienie, przypomnienie, powiadomiony, powiadomiona
		cs: vyrozumeni, oznameni
		sk: oznamenie
		sv: avisera, pamminnelse
		da: advisering, adviseret, meddelelse
		no: varsling, varslet, melding
		fi: ilmoitus, muistutus, muistutuksen
		tr: ihbar, bildirim
		ru: уведомление
		ko: 안내, 알림
		zh: 通知`},
	// A notice card (the post's "avis de passage", "awizo", "извещение", "不在票") invites the buyer
	// to collect the parcel; a notification or reminder alone is a message, and says nothing of
	// where the parcel is (batches 62-65: "Arrival Notice", "PUSH NOTICE SENT", "Notification of
	// delivery of consignment").
	{"COLLECT NOTICE", `
		es: aviso de llegada
		pt: aviso de chegada, cartao de aviso
		it: avviso di giacenza, avviso di passaggio
		pl: awizo, awizowana, awizowany, awizacja, powtorne awizo, ponowne awizo, awizowano
		cs: avizovana, avizovano, avizo
		sk: avizovana
		sv: avi, avisering, aviserad, aviserat
		en: pickup notice, pick up notice, collection notice
		fi: saapumisilmoitus, saapumisesta, viestin saapumisesta
		tr: ihbarname, haber kagidi
		ru: извещение
		ja: 不在票, ご連絡票
		ro: avizare, aviz`},
	{"AVAILABLE", `
		    can be collected, can be picked up, may be collected, ready for pickup, ready for collection, to collect
		es: disponible, ya puedes recoger
		pt: disponivel, aguardando retirada, disponivel para retirada
		fr: disponible, mis a disposition, en instance
		de: abholbereit, liegt bereit, zur abholung
		nl: ligt klaar, beschikbaar, klaar om op te halen
		it: in giacenza, inizio giacenza, in giacenza
		pl: do odbioru, czeka na odbior, oczekuje na odbior, czeka w, oczekuje w, umieszczona w paczkomacie, czeka na odbior, magazynowana, paczka magazynowana, przypomnienie o czekajacej paczce
		cs: pripravena k vyzvednuti, k vyzvednuti, ceka na vyzvednuti, ulozena, ulozeno, k dispozici
		sk: na vyzdvihnutie, ulozena
		sv: klar for uthamtning, kan hamtas, finns att hamta, att hamta, hamtas
		da: klar til afhentning, kan afhentes, klar til at blive hentet, kan hentes
		no: klar for henting, kan hentes
		fi: noudettavissa, valmis noudettavaksi, odottaa noutoa, saatavilla
		tr: teslim alinabilir, teslime hazir, kargomatta, teslim almaya hazir
		ru: ожидает вручения, готово к выдаче, ожидает в месте вручения, прибыло в пункт выдачи, продление срока хранения, истекает срок хранения, хранение отправления, кладовую хранения, заберет отправление сам, до востребования, готов к получению, готово к получению, ожидает адресата, на хранении, ожидает клиента, ожидает получения, готов к выдаче, готова к выдаче, готов к повторной выдаче, прибыло для выдачи, прибыл для выдачи
		uk: готово до видачі
		hu: atveheto, atvehetoa
		ro: disponibil, gata de ridicare
		ja: 受取可能, お預かり, 保管, 受け取り可能
		ko: 수령가능, 보관중
		zh: 待取, 待取件, 待自提, 待领取, 可取件
		he: ממתין לאיסוף, ממתינה לאיסוף, מוכן לאיסוף, זמין לאיסוף
		ar: متاح للاستلام, جاهز للاستلام, معلق للاستلام`},
	{"COLLECT", `
		en: collect, to be collected, for collection, for pickup, for pick up, withdrawal, recipient pickup, customer pickup, for recipient pickup, for customer pickup, requested pickup, self collecting, self-collecting, self collection, self collect
		es: recoger, retirar, recogida en, recogeran, recogera
		pt: retirar, retirada em, para retirada, levantamento, para levantamento, levantar
		fr: retirer, a retirer en
		de: abholen, abholung in
		nl: op te halen, afhalen
		it: ritirare
		pl: odebrac, do odebrania, odbierz
		cs: vyzvednout
		sv: hamta, uthamtning
		da: hentes, afhentes, hente
		no: hentes, avhentes
		fi: noudettavaksi, noutaa
		tr: teslim almak
		ja: 受取
		zh: 领取, 取货, 自取
		bg: събиране, самостоятелно събиране`},
	{"AWAIT", `
		hr: ceka, ceka na
		en: awaiting, waiting, waiting for, awaits, waits, on hold for, pending arrival, await, wait, wait for
		es: esperando, en espera de, aguardando
		pt: aguardando, esperando, a espera, pendente, aguarda
		fr: en attente de, attend
		de: wartet, wartend, erwartet zur
		nl: wacht, wachten op, in afwachting van
		it: in attesa, attende, in attesa di
		pl: oczekuje, czeka, oczekiwanie, oczekujaca na
		cs: ceka, ocekava, cekajici
		sk: caka, cakajuca
		sv: vantar, vantar pa, invantar
		da: venter, afventer, venter pa
		no: venter, avventer, venter pa
		fi: odottaa, odottamassa
		tr: bekliyor, beklemede, beklenmekte
		ru: ожидает, ожидание
		uk: очікує
		hu: var, varakozik
		ro: asteapta, in asteptare, se asteapta, asteptare
		ja: 待ち, お待ち
		ko: 대기, 대기중
		zh: 等待, 待`},
	{"PREPARE", `
		en: preparing, prepared, preparation, packing, packed, being prepared, getting ready, picking, packaging
		es: preparando, preparado, preparada, preparacion, en preparacion, empaquetado, embalado
		pt: preparando, preparado, preparada, preparacao, em preparacao, embalado, em separacao, separacao, faturado
		fr: preparation, prepare, preparee, en preparation, emballe
		de: vorbereitet, vorbereitung, verpackt, gepackt, in vorbereitung
		nl: voorbereid, voorbereiding, ingepakt, wordt voorbereid, verpakt
		it: preparazione, in preparazione, preparato, imballato
		pl: przygotowana, przygotowany, przygotowanie, w przygotowaniu, spakowana, kompletowanie, przygotowania
		cs: pripravuje, priprava, balena, zabalena
		sk: pripravuje
		sv: forbereds, forberedd, packas, packad, plockas
		da: klargores, forberedes, pakkes
		no: klargjores, pakkes
		fi: valmistellaan, pakataan, pakattu, kerataan
		tr: hazirlaniyor, hazirlandi, paketleniyor, paketlendi
		ru: подготовка, упакован, комплектуется
		ja: 準備中, 梱包
		ko: 상품준비중, 준비중, 포장
		zh: 备货, 备货中, 打包, 已打包, 拣货, 打包, 拣选
		bg: подготвена, подготвен`},
	{"CREATE", `
		en: created, generated, issued, printed, registered, manifested, transmitted, submitted, uploaded, provided, sent electronically, confirmation, confirmed, booked, entered into, manifested
		es: creado, creada, generado, generada, registrado, registrada, emitido, emitida, impreso, impresa, manifestada, manifestado, grabado, grabada
		pt: criado, criada, gerado, gerada, emitido, emitida, registrado, registrada, cadastrado, cadastrada, impresso
		fr: cree, creee, genere, generee, enregistre, enregistree, edite, editee, imprime, creation
		de: erstellt, erzeugt, registriert, angelegt, gedruckt, ubermittelt, uebermittelt
		nl: aangemaakt, gecreeerd, geregistreerd, gegenereerd, geprint
		it: creato, creata, generato, generata, registrato, registrata, emesso, emessa, stampato, stampata
		pl: utworzona, utworzony, utworzono, zarejestrowana, zarejestrowany, wygenerowana, wydrukowana, zarejestrowano
		cs: vytvorena, vytvoreno, zaregistrovana, zaevidovana, evidovana, vygenerovana
		sk: vytvorena, zaevidovana
		sv: skapad, skapat, registrerad, registrerat
		da: oprettet, registreret, dannet
		no: opprettet, registrert
		fi: luotu, rekisteroity, tehty
		tr: olusturuldu, olusturulmustur, kaydedildi
		ru: создан, создано, зарегистрировано, зарегистрирован, регистрация, создана
		uk: створено, зареєстровано
		hu: letrehozva, rogzitve, nyomtatva
		ro: creat, creata, inregistrat, inregistrata
		ja: 作成, 登録
		ko: 생성, 등록
		zh: 创建, 生成, 已生成, 录入, 制单, 打单
		el: δημιουργια
		ar: تم إنشاء, تم انشاء
		lt: sukurta`},
	{"INFO", `
		en: information, info, data, electronic information, electronic data, edi, details, manifest data,
		    shipping information, shipment information, order information, item information
		es: informacion, datos, informacion electronica, datos electronicos
		pt: informacao, informacoes, dados, informacoes eletronicas
		fr: informations, information, donnees, donnees electroniques, infos, renseignements electroniques
		de: daten, informationen, sendungsdaten, auftragsdaten, elektronische daten, paketdaten, sendungsinformationen
		nl: gegevens, informatie, zendinggegevens
		it: informazioni, dati, dati elettronici
		pl: dane, informacja, informacje, dane przesylki, dane elektroniczne
		cs: data, informace, udaje, elektronicka data
		sk: udaje, informacie
		sv: information, uppgifter, data, elektronisk information
		da: oplysninger, information, data, elektroniske oplysninger
		no: informasjon, opplysninger, data
		fi: tiedot, tieto, ennakkotiedot, ennakkotieto, seurantatiedot
		tr: bilgi, bilgisi, bilgiler, veri
		ru: информация, данные
		ja: 情報, データ
		ko: 정보, 데이터
		zh: 信息, 资料, 数据, 电子信息
		ro: detalii`},
	{"LABEL", `
		en: label, labels, shipping label, waybill, airway bill, air waybill, awb, consignment note, barcode
		es: etiqueta, etiquetado, guia, carta de porte
		pt: etiqueta, rotulo, pre postagem, prepostagem
		fr: etiquette, bordereau, lettre de transport, etiquette
		de: etikett, label, versandlabel, paketschein, versandmarke
		nl: label, verzendlabel, etiket
		it: etichetta, lettera di vettura
		pl: etykieta, etykiete, list przewozowy
		cs: stitek, stitku, etiketa, prepravni list
		sk: stitok
		sv: etikett, fraktsedel, adresslapp
		da: label, etiket, fragtbrev, pakkelabel
		no: etikett, fraktbrev, adresselapp
		fi: osoitekortti, etiketti, rahtikirja
		tr: etiket, barkod, irsaliye
		ru: накладная, этикетка
		ja: 送り状, 伝票, 出荷指示
		ko: 운송장, 송장
		zh: 面单, 运单, 电子面单
		hu: cimke
		lt: zyma`},
	{"PREADVICE", `
		vi: cho lay hang
		en: pre advice, pre-advice, preadvice, pre advised, pre-advised, preadvised, pre alert, pre-alert, prealert, pre-alerted, despatched to royal mail, dispatched to royal mail, received request, received a request, pickup request, request from shipper, booking of the delivery, information input, info input, processing information input, out for parcel collection, out for collection, order receipt notification, tracking number assigned, number assigned, customs transmission, electronic notification, ship request, shipment request, shipping request, data entry, data received, electronic shipment advise received, electronic pre advise, pre informed, pre-informed, data but no piece, data delivered, received information about, notification from your shipper, advance notice, pre notified, prenotified, preannounced, information transmitted, notification received, notification has been received, pre-shipment, pre shipment, preshipment, notification of shipment confirmation, driver dispatched for pickup, dispatched for pickup
		    pre registered, pre-registered, preregistered, pre announced, advised electronically, announced, electronically advised,
		    notified electronically, we re expecting it, shipment data transmitted, awaiting item, item not yet received, prenotification, pre notification, ship notification, shipping notification, shipment notification
		es: preadmision, pre admision, preregistrado, prerregistrado, pre registrado, preaviso
		pt: pre postado, pre-postado, prepostado, pre registrado, pre cadastrado, objeto pre postado, aguardando postagem
		fr: annonce, annonce par l expediteur, preannonce, en preparation chez l expediteur, attendu, information transmise, informations transmises, preavis, preavis recu, preenregistre, preenregistree, notification electronique, notification electronique d envoi, notification de confirmation d envoi, donnees liees au colis recues, pret chez l expediteur
		de: angekundigt, elektronisch angekundigt, avisiert, vorangemeldet, elektronisch ubermittelt, vorankundigung, avise, sendungsavise, abholauftrag erhalten, daten ohne sendung, elektronische benachrichtigung, angemeldet
		nl: aangemeld, voorgemeld, vooraangemeld, verwacht bij postnl, aangekondigd, voorgemelde
		it: preavviso, preavvisato, in attesa di ritiro dal mittente
		pl: awizacja elektroniczna, zarejestrowana elektronicznie, przesylka zarejestrowana, nadawca przygotowal przesylke,
		    dane przesylki przekazane, paczka oczekuje na nadanie, przygotowana przez nadawce
		cs: elektronicky avizovana, data prijata, zasilka zatim nebyla predana, ocekavame zasilku, predana data, obdrzeny udaje, udaje k zasilce, ocekavame dodani obchodem, vlozena do systemu
		sk: elektronicky avizovana, udaje prijate, ocakavame dodanie obchodom
		sv: elektronisk avisering, foranmald, vi har fatt information, paket forvantas, fatt information om forsandelsen
		da: elektronisk advisering, forhandsanmeldt, vi har modtaget oplysninger, vi afventer pakken
		no: elektronisk forhandsvarslet, vi har mottatt informasjon, sendingen er registrert, ennakkomelding, forhandsmeldt
		fi: ennakkotiedot vastaanotettu, lahetyksen tiedot vastaanotettu, odottaa lahettajalta
		tr: elektronik bildirim, gonderi bilgisi alindi
		ru: электронное уведомление, присвоен трек номер, принято в обработку, присвоен идентификатор
		ja: 情報登録, 荷物情報
		ko: 상품인수대기, 접수대기, 운송장출력, 오더접수
		zh: 预报, 已预报, 电子信息已收到, 等待揽收
		th: เตรียมการฝากส่ง`},
	{"RESCHEDULE", `
		vi: hoan giao hang
		en: rescheduled, reschedule, new delivery date, rearranged, will redeliver, redeliver, redelivery, redelivery scheduled, requested later delivery, later delivery, future delivery, held for future delivery, postpone, postponed, re scheduled
		es: reprogramado, reprogramada, nueva entrega
		pt: reagendado, reagendada, nova tentativa, reprogramado, reentrega
		fr: reprogramme, reprogrammee, nouvelle livraison, represente
		de: neuer zustelltermin, erneute zustellung
		nl: opnieuw aangeboden, nieuwe bezorgpoging, nieuwe afspraak
		it: riprogrammata, nuova consegna, riconsegna, rimanda, rimandata, rinviata, rinvio
		pl: ponowne doreczenie, kolejna proba
		cs: opakovane doruceni, dalsi pokus
		sv: ny leverans, nytt leveransforsok
		da: ny levering, nyt forsog
		no: ny levering, nytt forsok
		fi: uusi toimitus, uusi toimitusyritys
		tr: tekrar dagitim, yeniden dagitim
		ja: 再配達
		ko: 재배송, 재배달
		zh: 再次派送, 二次派送
		ru: доставка отложена, дата доставки перенесена
		ro: reprogramat, reprogramata, reprogramare, livrare ulterioara, amanat, amanata
		bg: отложена, отложен
		ar: تم تأجيل, تأجيل`},
	{"REDIRECT", `
		en: redirected, redirect, diverted, address change, intercepted, rerouted to
		es: redirigido, desviado
		pt: redirecionado, desviado
		fr: redirige, redirigee, devie
		de: umgeleitet, umleitung, nachgesandt
		nl: omgeleid
		it: reindirizzato, dirottato
		pl: przekierowana, przekierowanie
		cs: presmerovana, presmerovani
		sv: omdirigerad
		da: omdirigeret
		no: omdirigert
		fi: uudelleenohjattu
		tr: yonlendirildi
		ja: 転送
		zh: 改派, 转寄
		ru: перенаправлено, перенаправлена
		sr: preusmerena, preusmeren, preusmereno`},
	{"BACK", `
		en: back, back to, back at, returned to depot, return to depot, returned to facility, returned to hub, returned to station, returned for re delivery, returned for redelivery
		    returned to delivery office, returned to the delivery office, returned to the depot, returned to the facility,
		    returned to post office, returned to the post office, brought back, taken back, back in
		es: de vuelta, regreso, regresado
		pt: de volta, voltou, regressou
		fr: retour au depot, retour en agence
		de: zuruck, zurueck, zuruck im depot, zuruck in der filiale
		nl: terug, terug naar depot, terug in depot
		it: di ritorno, rientrato, rientrata
		pl: z powrotem, powrot, powrot do oddzialu
		cs: zpet, navrat
		sv: tillbaka
		da: tilbage
		no: tilbake
		fi: takaisin
		tr: geri
		ru: обратно
		ja: 持ち戻り中
		zh: 返回`},
	{"NEXT", `
		en: next, next facility, next hub, next location, next destination, onward, further
		es: siguiente, proximo
		pt: proximo, seguinte, proxima
		fr: suivant, prochaine
		de: nachste, nachsten, weiter
		nl: volgende
		it: successivo, successiva, prossimo
		pl: kolejny, nastepny, dalsza
		cs: dalsi, nasledujici
		sv: nasta
		da: naeste
		no: neste
		fi: seuraava
		tr: sonraki
		ru: следующий
		zh: 下一站`},
	{"FROM CUSTOMS", `
		pl: z cla
		ru: из таможни, с таможни`},
	{"TO CUSTOMS", `
		pl: do cla`},
	{"DELIVERY ADDRESS", `
		de: zustellanschrift, zustelladresse
		nl: bezorgadres`},
	{"IMPORT CUSTOMS", `
		ko: 수입신고`},
	{"CUSTOMS RECEIVE", `
		ko: 통관목록접수`},
	{"ARRIVE DEST AIRPORT", `
		ko: 입항보고, 하선신고, 하기신고`},
	{"ARRIVE CUSTOMS", `
		ko: 반입신고`},
	{"CUSTOMS LEAVE", `
		ko: 반출신고`},
	{"ORIGIN PROCESS", `
		de: herkunftsscan`},
	{"ARRIVE PROCESS", `
		de: ankunftsscan`},
	{"DEPART PROCESS", `
		de: abfahrtsscan`},
	{"IMPORT CUSTOMS", `
		de: importverzollung, einfuhrverzollung
		nl: invoeraangifte`},
	{"EXPORT CUSTOMS", `
		de: exportverzollung, ausfuhrverzollung`},
	{"TO DELIVERY", `
		sk: na dorucenie, pre dorucenie`},
	{"AWAIT FLIGHT", `
		en: ready for boarding, awaiting boarding`},
	{"BY RECIPIENT", `
		ru: адресатом, получателем`},
	{"BY SENDER", `
		ru: отправителем`},
	{"CUSTOMS COMPLETE", `
		ru: прошло таможенный контроль, прошел таможенный контроль, прошла таможенный контроль`},
	{"FUTURE DEPART", `
		es: disponible para salir`},
	{"ARRIVE OUTWARD EXCHANGE", `
		th: ถึงที่ทำการแลกเปลี่ยนระหว่างประเทศขาออก`},
	{"ARRIVE INWARD EXCHANGE", `
		th: ถึงที่ทำการแลกเปลี่ยนระหว่างประเทศขาเข้า`},
	{"DEPART FROM OUTWARD EXCHANGE", `
		th: ส่งออกจากที่ทำการแลกเปลี่ยนระหว่างประเทศขาออก`},
	{"ARRIVE POSTOFFICE", `
		th: ถึงที่ทำการไปรษณีย์`},
	{"PROGRESS CUSTOMS", `
		th: ดำเนินพิธีการศุลกากร`},
	{"RETURN SENDER", `
		th: ส่งคืนต้นทาง`},
	{"HANDOVER TO FLIGHT", `
		th: ส่งมอบให้สายการบิน`},
	{"FLIGHT RECEIVE", `
		th: สายการบินรับมอบ`},
	{"AVAILABLE LOCKER", `
		ru: хранение в постамате`},
	{"TO FLIGHT", `
		ru: на рейс`},
	{"DEPART FROM", `
		ru: отправка из`},
	{"FLIGHT DEPART", `
		ru: вылетело, вылетел, вылетела`},
	{"^DELIVERED", `
		ru: выдана, выдано, выдан
		th: จัดส่งสำเร็จ
		lv: izsniegts
		id: sudah sampai
		en: shipping complete
		el: παράδοση
		zh: 用户已收货, 收货确认
		vi: đã giao hàng 1 phần`},
	{"DEPART ORIGIN COUNTRY", `
		ru: пересекло границу, пересекла границу
		nl: de grens over`},
	{"TRANSIT TO LOCAL", `
		de: auf dem weg zum zielgebiet`},
	{"INTL SORT FACILITY", `
		sv: utrikesterminal`},
	{"ATTEMPT FAIL", `
		de: vergebliche anfahrt, zustellhindernis
		nl: we hebben je gemist`},
	{"PICKUP FAIL", `
		da: forgaeves afhentning`},
	{"NOT DELIVERED", `
		hu: nem kezbesitheto
		lt: nepristatyta`},
	{"FROM SENDER", `
		hu: feladotol`},
	{"TO ABROAD", `
		tr: yurtdisina`},
	{"SORT", `
		vi: phan loai`},
	{"COLLECTED", `
		lt: atsiimta
		zh: 已领取
		sr: izvaden, izvadena, iznesena, iznesen`},
	{"CUSTOMS PROGRESS", `
		nl: inklaringsproces`},
	{"DELIVERED RECEPTION", `
		zh: 同事代签, 物管代签, 代理点代签`},
	{"RECIPIENT BAD", `
		zh: 查无此人, 无此收件人`},
	{"AVAILABLE PICKUP", `
		en: to pick up`},
	{"PICKUP FROM SENDER", `
		sr: preuzeta od posiljaoca, preuzeto od posiljaoca, preuzet od posiljaoca`},
	{"DELIVERY FAIL", `
		es: no logramos hacer la entrega, no logramos entregar, no pudimos entregar, no pudimos hacer la entrega`},
	{"AVAILABLE COLLECT", `
		es: en espera de retiro, espera de retiro`},
	{"CUSTOMS RELEASE", `
		en: customs approved`},
	{"FUTURE ARRIVE", `
		ko: 입고대기, 입고 대기, 입고예정`},
	{"OFD TO", `
		en: in delivery to`},
	{"FUTURE ARRIVE WAREHOUSE", `
		zh: 待入库`},
	{"HANDOVER LOCAL CARRIER", `
		ko: 현지배송사인수`},
	{"LOCAL CARRIER", `
		en: delivery service provider`},
	{"AVAILABLE LOCKER", `
		ro: depus in fanbox, depusa in fanbox`},
	{"DELIVERY FAIL", `
		ms: tidak dapat dihantar`},
	{"DELIVERY FAIL", `
		vi: không thể giao hàng`},
	{"DELIVERED TO PICKUPPOINT", `
		lv: atgādāts uz izdošanas punktu`},
	{"CUSTOMS INSPECT", `
		en: custom check`},
	{"DELIVERED DOORSTEP", `
		de: liegt im briefkasten, abstellung`},
	{"SORT FACILITY", `
		en: transit department`},
	{"CUSTOMS RELEASE", `
		ru: таможенный контроль произведен`},
	{"TRANSIT TO", `
		ru: в пути на, в пути в`},
	{"DEPART ORIGIN COUNTRY", `
		fr: a quitte le territoire, quitte le territoire`},
	{"ATTEMPT NOTICE", `
		fr: avis de passage depose`},
	{"AVAILABLE PICKUP", `
		fr: peut etre ramasse`},
	{"ADDRESS BAD", `
		pl: blednie zaadresowana, blednie zaadresowany`},
	{"FAIL PICKUP", `
		nl: niet opgehaald`},
	{"LABEL CREATE", `
		pt: emissão do conhecimento de transporte, impressão do conhecimento de transporte`},
	{"FUTURE DELIVERY", `
		nl: bezorgen, afleveren`},
	{"EXPORT DOCS", `
		en: export form, export document, export documents`},
	{"EXPORT DOCS", `
		nl: exportformulier`},
	{"FUTURE PICKUP", `
		pt: para realizar a coleta`},
	{"ADDRESS BAD", `
		it: destinatario irreperibile, irreperibilita assoluta, destinatario deceduto`},
	{"RECIPIENT MOVED", `
		it: destinatario trasferito`},
	{"DELIVERY FAIL", `
		it: esito negativo di consegna, esito negativo`},
	{"DEPART ABROAD", `
		it: avviato all estero`},
	{"DELIVERY FAIL", `
		ar: لم يتم توصيل`},
	{"DELIVERY FAIL", `
		vi: giao hàng không thành công`},
	{"PREADVICE", `
		en: pre transit, pre-transit
		es: pre transito, pendiente de ingreso, preimposicion
		pt: pre transito
		lv: pirms tranzita
		ar: قبل العبور
		he: טרום טרנזיט
		uk: створено онлайн`},
	{"DELIVERED", `
		lv: piegadata, piegadats, piegadats sanemejam
		et: kohale toimetatud
		es: entrega verificada, ya entregamos, entregamos tu envio`},
	{"OFD", `
		lt: pristatoma, pristatoma gavejui
		lv: nodota piegadei, nodots piegadei
		et: toimetamisel
		es: fuera para entrega, visita a domicilio en curso, hoy te visitaremos`},
	{"DELIVERY FAIL", `
		en: delivery obstacle
		lt: nepavyko pristatyti
		lv: piegades skerslis, piegades klume
		et: takistus kohaletoimetamisel
		es: error en la entrega`},
	{"ATTEMPT ABSENT", `
		en: did not answer the call, recipient is traveling, recipient is travelling`},
	{"PICKUP FROM SENDER", `
		lv: panemta no nosutitaja, panemts no nosutitaja
		et: peale korjatud`},
	{"SORT FACILITY", `
		lt: paskirstymo centre, paskirstymo centras, paskirstymo centra
		et: terminalis
		es: centro acopio, centro de acopio
		uk: логістичного центру, логістичний центр, логістичному центрі
		ar: المحور`},
	{"WAREHOUSE", `
		lv: noliktava`},
	{"LASTMILE FACILITY", `
		es: bodega destino, bodega de destino`},
	{"ORIGIN FACILITY", `
		es: agencia origen, agencia de origen, bodega origen, bodega de origen`},
	{"AVAILABLE PICKUP", `
		lv: pieejams sanemsanai
		es: reclame en oficina, reclamar en oficina`},
	{"RETURN SENDER", `
		lv: atgriezt sutitajam, atgriezts sutitajam
		pt: retornar ao remetente
		ar: أعد للمرسل, إعادة للمرسل
		he: החזר לשולח`},
	{"ADDRESS BAD", `
		en: out of delivery area, address does not match
		ar: خارج منطقة التسليم, تم تغيير العنوان`},
	{"DAMAGE", `
		ar: تالف`},
	{"LOSS", `
		ar: مفقود`},
	{"ACCEPT", `
		es: ingreso al correo
		pt: em posse da transportadora`},
	{"LOCAL CARRIER", `
		es: conexiones`},
	{"EXCHANGE", `
		uk: установи обміну, установа обміну, установу обміну`},
	{"PREADVICE", `
		bg: предварителен транзит, предтранзитна
		el: προ διέλευσης, προ-διαμετακόμιση
		hr: prije tranzita, pretransit
		pl: przed tranzytem`},
	{"OFD", `
		el: έξω για παράδοση, σε δρομολόγιο παράδοσης
		hr: van za dostavu, u dostavi
		pl: w drodze do dostarczenia`},
	{"AVAILABLE", `
		bg: достъпно, предлага се
		el: διαθέσιμο
		hr: dostupno`},
	{"DELIVERY FAIL", `
		el: αποτυχία παράδοσης
		pl: niepowodzenie dostawy`},
	{"RETURN SENDER", `
		hr: vratiti posiljatelju, vrati posiljatelju`},
	{"HANDOVER FLIGHT", `
		en: arrived to airline, arrived at airline`},
	{"COMPLETE", `
		id: selesai`},
	{"FUTURE", `
		id: akan, akan segera`},
	{"PREADVICE", `
		id: informasi diterima, info diterima`},
	{"DEPOT", `
		id: fasilitas pengiriman`},
	{"OFD", `
		en: handed out to courier for delivery, handed to courier for delivery`},
	{"CUSTOMS", `
		en: government agency, govt agency, government agencies, clearing agency, regulatory agency`},
	{"OUTWARD EXCHANGE", `
		en: export office, outward office of exchange`},
	{"INWARD EXCHANGE", `
		en: import office, inward office of exchange`},
	{"EXPORT FACILITY", `
		en: export gateway`},
	{"FORWARD FUTURE", `
		en: dispatched to be, sent to be, forwarded to be`},
	{"RESCHEDULE PICKUP", `
		vi: hoan lay hang`},
	{"NOSTAGE", `
		vi: boi hoan`},
	{"PROGRESS", `
		vi: dang`},
	{"ORDER", `
		zh: 下单`},
	{"DELIVERED RECIPIENT", `
		sk: vydana adresatovi, vydane adresatovi`},
	{"DRIVER", `
		tr: kuryesi, kuryenin`},
	{"ABSENT", `
		en: no response from consignee, no response on call, not contactable, consignee out of station, out of station, no one in attendance, nobody in attendance, closed early, we missed each other, missed each other
		cs: nezastizen, nezastizena`},
	{"MOVED", `
		en: consignee shifted, customer shifted, recipient shifted, receiver shifted, no longer in business, out of business`},
	{"BAD RECIPIENT", `
		en: no such consignee, no such addressee, no such recipient, no such receiver`},
	{"PREADVICE", `
		en: tracking number allocated, manifest generated
		pt: arquivo recebido
		id: permintaan pick up, permintaan pickup, permintaan penjemputan`},
	{"DELIVERED", `
		en: delivery confirmed by customer, delivery confirmed by consignee, delivery confirmed by recipient
		cs: dorucili, dorucil, dorucila`},
	{"DELIVERY", `
		cs: dorucuje, doruceni`},
	{"AWAIT", `
		cs: cekame, ceka se na`},
	{"ACCEPT", `
		cs: prijeti
		vi: tiep nhan`},
	{"NOT", `
		vi: chua`},
	{"FUTURE FLIGHT", `
		en: booked on flight, booked for flight`},
	{"ORDER RECEIVE", `
		vi: tiep nhan don hang`},
	{"PICKUP FAIL", `
		vi: khong lay duoc hang, lay hang that bai`},
	{"LOSS", `
		vi: bi mat, mat hang, that lac`},
	{"SORT", `
		vi: phan loai`},
	{"PROCESS", `
		id: diproses`},
	{"OFD", `
		en: coming today, arriving today`},
	{"DEPOT", `
		de: auslieferdepot, zustelldepot`},
	{"RECEIVE", `
		en: acknowledges receipt, acknowledged receipt`},
	{"CUSTOMS", `
		en: clearence`},
	{"READY COLLECT", `
		en: ready to be picked up, ready to be collected`},
	{"COLLECT", `
		en: self take
		zh: 请及时取件, 请取件, 及时取件`},
	{"ABSENT", `
		en: recipient closed, receiver closed, receiver location closed, delivery location closed, location closed`},
	{"OFD", `
		zh: 安排投递`},
	{"LABEL CREATE COMPLETE", `
		zh: 制单完成`},
	{"AWAIT", `
		en: awaited`},
	{"DELIVERED", `
		en: pod available, proof of delivery available
		zh: 凭取货码签收, 取货码签收`},
	{"PREADVICE", `
		en: pickup order, pick up order, collection order`},
	{"AVAILABLE", `
		en: possible again`},
	{"DEPOT", `
		en: final servicing facility, final delivery facility, final facility`},
	{"PICKUPPOINT", `
		zh: 取件门市, 收件门市, 取货门市`},
	{"DELIVERED", `
		zh: 已取货
		ja: 受取が完了, お受け取り済
		fr: colis retire`},
	{"PICKUPPOINT COLLECTED", `
		zh: 到店取货, 店取货`},
	{"ITEM", `
		ko: 고객님의 상품`},
	{"LOCKER", `
		en: parcel machine, parcel machines, collection parcel machine`},
	{"ARRIVE", `
		en: placed in, placed into`},
	{"NOSTAGE", `
		en: invalid mail number
		ko: 등록되지 않은, 등록되지 않았거나, 등록되지 않았습니다`},
	{"TRANSIT", `
		en: on its way to you
		de: auf dem weg zu ihnen`},
	{"DELIVERED RECIPIENT", `
		ru: выдано`},
	{"FLIGHT", `
		ru: авиакомпании, авиакомпания, авиакомпанию, авиаперевозчику
		ja: 航空会社`},
	{"RELEASE", `
		ru: выпущено, выпущен, выпущена, выпуск товаров разрешен, выпуск разрешен`},
	{"HOLD", `
		ru: изъяты, изъят, изъято`},
	{"LOCAL", `
		ru: ваш город, город получателя, городе получателя`},
	{"REFUSE", `
		ru: отказ клиента, отказ от выкупа, отказался`},
	{"UNCLAIMED", `
		ru: не востребовано, невостребовано, не востребован, невостребован`},
	{"OFD", `
		ru: выехал к клиенту, передается клиенту, на доставке`},
	{"ARRIVE LOCKER", `
		ru: размещен в постамате, размещено в постамате, размещена в постамате`},
	{"FAIL", `
		ru: не удачная`},
	{"PICKUP", `
		ru: забор выполнен, забор груза`},
	{"DEST COUNTRY", `
		ru: стране назначения
		de: ihrem land
		es: tu pais
		ja: 出荷先の国`},
	{"ARRIVE PICKUPPOINT", `
		ru: принята в пункте выдачи, принят в пункте выдачи, принято в пункте выдачи, принята оператором пункта выдачи`},
	{"TO SENDER", `
		ru: поставщику`},
	{"BY SENDER", `
		ru: поставщиком`},
	{"ACCEPT", `
		ja: 受け入れ`},
	{"DAMAGE", `
		ru: порча`},
	{"LOSS", `
		ru: утиль, утилизирован, утилизация, потеря`},
	{"DELIVERED", `
		de: lieferung bestatigt`},
	{"ORDER", `
		de: bestellauftrag`},
	{"PREADVICE", `
		ru: заказ подтвержден службой доставки`},
	{"ORDER ACCEPT", `
		ru: заказ подтвержден
		de: bestellbestatigung, bestellung bestatigt, bestellungen bestatigt, bestellauftrag bestatigt`},
	{"PREPARE", `
		de: versandfertig`},
	{"ORIGIN COUNTRY", `
		de: abflugregion, abflugort, abflugland
		ja: 発送元の国, 原産国`},
	{"HANDOVER LOCAL CARRIER", `
		es: con transportista local`},
	{"CUSTOMS RELEASE", `
		es: ha pasado la aduana, pasado la aduana, paso la aduana`},
	{"COMPLETE", `
		ja: 終了`},
	{"LOCAL CARRIER", `
		ja: 現地配送業者, 現地の運送会社`},
	{"NOSTAGE", `
		es: pedido cerrado`},
	{"DELIVERED", `
		vi: giao hang`},
	{"RESCHEDULE", `
		vi: delay giao hang`},
	{"OFD", `
		vi: dieu phoi giao hang`},
	// Batches 53 to 55: Romanian, Bulgarian, Hungarian and Arabic words for what the corpus
	// already had in other languages; the Mexican "recolección" is the carrier's collection from
	// the sender, never the buyer's.
	{"CARRIER PICKUP", `
		es: recoleccion`},
	{"PICKUP BY CARRIER", `
		es: recolectado, recolectada, recolectados, recolectadas`},
	{"RECEIVE", `
		ro: primit, primita, primite
		bg: приемане`},
	{"DRIVER", `
		ro: factor, factorul, factorului`},
	{"BACK", `
		ro: primit de la factor, ramas la factor`},
	{"DELIVERED RECIPIENT", `
		ro: predat la destinatar`},
	{"DELIVERED", `
		ro: distribuit, distribuita
		bg: разнесена, разнесен, разнесено`},
	{"NOSTAGE", `
		ro: retur de confirmare`},
	{"LOCKER", `
		ro: pachetomat, pachetomatul
		bg: локър, локъра, апс`},
	{"NOTICE", `
		ro: reamintire`},
	{"COLLECT NOTICE", `
		ro: reavizat`},
	{"CREATE", `
		bg: създадена, създаден, създаване, регистрирана, регистриран`},
	{"LABEL", `
		bg: товарителница, товарителницата`},
	{"ATTEMPT", `
		bg: опит, опита`},
	{"DELIVERY", `
		bg: разнос, разноса`},
	{"ABSENT", `
		bg: отсъства, отсъствие, отсъстващ
		ar: لا يوجد رد
		vi: khong lien lac duoc`},
	{"LEAVE", `
		bg: оставена, оставен`},
	{"READY", `
		bg: готова, готов`},
	{"PICKUP", `
		bg: взимане`},
	{"AVAILABLE", `
		bg: налична, наличен`},
	{"UNCLAIMED", `
		bg: непотърсена, непотърсен, не е потърсена, изтекъл срок на съхранение, изтекъл престой, изтекла резервация`},
	{"DAMAGE", `
		bg: нарушена опаковка
		en: dispose parcel, disposed, disposal, destruction
		zh: 污染`},
	{"LOSS", `
		zh: 内件短少, 短少`},
	{"SORT FACILITY", `
		bg: сортировачен център, сортировъчен център
		hu: feldolgozo pont, feldolgozo kozpont, feldolgozo kozpontba, feldolgozo kozpontbol, feldolgozo pontra
		id: pusat sortir`},
	{"PROGRESS", `
		bg: в процес на`},
	{"AWAIT", `
		bg: очаква, очакват`},
	{"AWAIT PICKUP", `
		hu: atvetelre var`},
	{"BAD ADDRESS", `
		bg: грешно адресирана, грешно адресиран
		en: wrong city, wrong location, wrong phone number, incorrect phone number, out of area, address not found
		ar: مدينة خاطئة, موقع خاطئ, رقم هاتف خاطئ, خارج المنطقة`},
	{"BAD RECIPIENT", `
		en: wrong customer
		ar: عميل خاطئ`},
	{"REFUSE", `
		bg: отказана, отказан`},
	{"AWAIT HANDOVER", `
		bg: очаква предаване`},
	{"COMPLETE", `
		hu: vege`},
	{"ARRIVE", `
		hu: erkezes, beerkezes`},
	{"ACCEPT", `
		hu: felvetele`},
	{"OFD", `
		hu: kezbesitesre atadva, a kezbesitonel van, kezbesitonel`},
	{"RETURN", `
		hu: visszakezbesitve, elutasitasa`},
	{"RECIPIENT", `
		zh: 收件客户`},
	{"MOVED", `
		zh: 已离职, 离职`},
	{"REDIRECT ADDRESS", `
		zh: 改地址, 更改地址`},
	{"RESCHEDULE", `
		vi: khach hen
		id: antar ulang`},
	// Batches 56 to 58: Ukrainian (the corpus had few words of it), Polish, Czech, Turkish and French
	// words for concepts the corpus already had; the API codes' "access point" written as one word.
	{"DRIVER", `
		uk: кур єру, кур єра, кур єром, кур єрові`},
	{"HANDOVER", `
		uk: передано, передана, передане`},
	{"HANDOVER DRIVER", `
		uk: видано кур єру, видана кур єру`},
	{"DELIVERED RECIPIENT", `
		uk: видано, видана, видане, отримана клієнтом, отримано клієнтом, отримане клієнтом`},
	{"CANCEL", `
		uk: скасовано, скасована, скасоване
		cs: zruseno, zrusena, zrusen, bylo zruseno`},
	{"RECIPIENT", `
		uk: отримувача, отримувачу, отримувачем, отримувач`},
	{"SENDER", `
		uk: відправника, відправником`},
	{"ORIGIN COUNTRY", `
		uk: країну відправника, країни відправлення, країна відправлення, країну відправлення`},
	{"DEST COUNTRY", `
		uk: країни призначення, країну призначення, країна призначення`},
	{"DEPART", `
		uk: виїхала, виїхало, виїхав`},
	{"SHIPPED", `
		uk: відправлено, відправлена, відправлене`},
	{"CREATE", `
		uk: зареєстрована, зареєстровано, зареєстроване`},
	{"CUSTOMS RELEASE", `
		uk: митницю пройдено, пройшла митне оформлення, пройшло митне оформлення, митне оформлення пройдено`},
	{"SORT FACILITY", `
		uk: сортувального терміналу, сортувальному центрі, сортувального центру, сортувальний центр, сортувальному терміналі`},
	{"FACILITY", `
		uk: термінал, терміналу, терміналі`},
	{"PROCESS", `
		uk: обробка`},
	{"READY PICKUP", `
		uk: готова до видачі, готовий до видачі, готове до видачі`},
	{"AVAILABLE PICKUP", `
		uk: можна забирати`},
	{"RETURN", `
		uk: повертається, повернення`},
	{"RETURN TO SENDER", `
		uk: назад до відправника
		pl: wrocila do nadawcy, wraca do nadawcy`},
	{"DELIVERY FAIL", `
		uk: неможливо доставити
		pl: nie udalo sie dostarczyc`},
	{"ABSENT", `
		uk: неможливо зв язатися`},
	{"DELIVERY", `
		uk: доставки, доставку, доставка`},
	{"TRANSIT", `
		uk: прямує`},
	{"OFD", `
		uk: доставляється за адресою
		en: out for final delivery`},
	{"ACCEPT", `
		uk: прийняте, прийнято, прийнята, прийняла, приймання, прийом`},
	{"LEAVE", `
		pl: zostawiona, zostawiony, pozostawiona`},
	{"DOORSTEP", `
		pl: w bezpiecznym miejscu`},
	{"NOT SHIPPED", `
		pl: jeszcze nie wyslana, jeszcze nie wyslany
		cs: zatim neodeslano`},
	{"ARRIVE", `
		cs: dorazilo, dorazila`},
	{"REQUIRED", `
		fr: requise`},
	{"DAMAGE", `
		en: discarded`},
	{"CUSTOMS", `
		en: clear agency`},
	{"AWAIT RELEASE", `
		en: release pending`},
	{"PICKUPPOINT", `
		en: accesspoint
		tr: teslimat noktasina, teslimat noktasi`},
	// Batches 59 to 61: the carrier's collection from the merchant in French and Vietnamese, and
	// some whole phrases whose words alone mislead ("confirmed" is not a creation, "missing" not a
	// missing document).
	{"CARRIER PICKUP", `
		fr: ramassage`},
	{"TRANSIT TO", `
		vi: tren duong toi, dang tren duong toi`},
	{"AWAIT", `
		fr: attente`},
	{"LOSS", `
		en: confirmed missing, reported missing`},
	{"CUSTOMS RELEASE", `
		ar: تم التخليص الجمركي`},
	{"DELIVERED RECIPIENT", `
		zh: 已完成取貨, 完成取貨, 已完成取货, 完成取货`},
	{"OFD", `
		en: picked up for delivery, shipment picked up for delivery`},
	{"UNCLAIMED", `
		pt: prazo de retirada encerrado, prazo de retirada expirado`},
	{"ACCEPT POSTOFFICE", `
		pt: entregue no ponto de postagem, objeto entregue no ponto de postagem`},
	{"FUTURE PICKUP", `
		zh: 約定收件, 约定收件`},
	// Batches 59 to 61, words for what other languages already say: a customer who cannot be reached,
	// a wrong number or place, a broken product (fr); addresses, refusals and returns (id);
	// returns and a failed delivery (ar); the courier and the shop (vi).
	{"ABSENT", `
		fr: injoignable, telephone injoignable, ne repond pas, client ne repond pas, pas de reponse, boite vocal, boite vocale, client no-show
		vi: khong gap khach`},
	{"BAD ADDRESS", `
		fr: faux numero, numero errone, wilaya erronee, commune erronee
		id: alamat tidak ditemukan, alamat tidak lengkap, alamat salah`},
	{"DAMAGE", `
		fr: casse, cassee, produit casse
		id: dimusnahkan`},
	{"LOSS", `
		fr: produit manquant`},
	{"REFUSE", `
		id: ditolak`},
	{"RETURN TO SENDER", `
		id: kembali ke pengirim`},
	{"MOVED", `
		id: pindah`},
	{"RECIPIENT", `
		id: penerima`},
	{"DELIVERY FAIL", `
		ar: تعذر تسليم الشحنة, تعذر التسليم`},
	{"RETURN", `
		ar: مسترجع, الإسترجاع, الاسترجاع`},
	{"RECEIVE FROM SENDER", `
		vi: nhan hang tu shop`},
	{"OFD", `
		vi: dang duoc di giao`},
	// Batches 62 to 65: the buyer's country, in-country carriers, thefts and wet goods (es, pt),
	// unknown and moved addressees (sr, en), failed attempts (pt, es, en), customs and transit (pt).
	{"DEST COUNTRY", `
		en: your country`},
	{"LOCAL CARRIER", `
		en: in country carrier, in country partner carrier, local delivery partner`},
	{"LOSS", `
		es: hurto, robada
		pt: furtado, furtada, roubada`},
	{"DAMAGE", `
		pt: danos, molhada, molhado
		es: mojado, mojada`},
	{"ADDRESS BAD", `
		sr: nepoznat, nepoznata, adresa nedovoljna, adresa nepoznata, umro
		pt: impossivel localizar, falecido, falecida
		es: telefono incorrecto, telefono erroneo
		en: incorrect post code, incorrect postcode, wrong post code, wrong postcode`},
	{"MOVED", `
		sr: odseljen, preseljen
		en: new address`},
	{"DELIVERY FAIL", `
		pt: entrega impossivel`},
	{"ABSENT", `
		en: not accessible, inaccessible, mailbox full, no contact with, cannot get in contact with
		es: fuera horario comercial, fuera de horario, inaccesible
		pt: em greve, inacessivel, local n acessivel`},
	{"RESCHEDULE", `
		pt: reagendamento, re entregar
		es: cambio de fecha`},
	{"CUSTOMS", `
		pt: desalfandegamento`},
	{"DEPART ORIGIN COUNTRY", `
		pt: sai do pais`},
	{"TRANSITHUB", `
		pt: transito internacional`},
	{"NEIGHBOR", `
		pt: terceiros, terceiro`},
	{"CUSTOMS RELEASE", `
		en: custom cleared`},
	{"^DELIVERED", `
		en: delivery confirmed`},
	{"DELIVERED", `
		pt: entrega bem sucedida`},
	{"-", `
		nl: werd`},
	// Batches 66 to 68: completion, returns, damage, refusals and failed attempts in es, pt and id;
	// a shipment "documented" is its data; the nearest hub or an inbound station is the last mile's.
	{"COMPLETE", `
		es: efectuada, efectuado
		pt: feita, feito`},
	{"RETURN", `
		pt: retornou
		es: se devolvio, devolvio
		id: pengembalian`},
	{"DAMAGE", `
		pt: estragado, estragada
		id: rusak`},
	{"LOSS", `
		id: hilang`},
	{"REFUSE", `
		es: denegado, denegado por cliente
		id: menolak`},
	{"ADDRESS BAD", `
		en: errors in address, error in address`},
	{"ABSENT", `
		en: closed for vacations, closed for vacation, closed for holidays, unreachable, customer unreachable`},
	{"ATTEMPT FAIL", `
		es: agotados intentos, intentos agotados`},
	{"MOVED", `
		es: cambio direccion, cambio de direccion`},
	{"PICKUP", `
		pt: recolha`},
	{"PREADVICE", `
		en: shipment documented
		es: expedicion documentada
		pt: expedicao documentada, espedicao documentada`},
	{"CANCEL", `
		id: batal, dibatalkan`},
	{"DEPOT", `
		en: nearest hub, nearest facility, nearest branch`},
	{"ARRIVE DEPOT", `
		en: inbound station`},
	// InPost's English API codes: "adopted" is accepted, a "box machine" its parcel locker.
	{"ACCEPT", `
		en: adopted`},
	{"PICKUP BY DRIVER", `
		en: taken by courier`},
	{"HANDOVER BY SENDER", `
		en: dispatched by sender`},
	{"DEPOT", `
		en: target branch`},
	{"ARRIVE LOCKER", `
		en: stack in box machine, stacked in box machine`},
	{"LOCKER", `
		en: box machine`},
	{"COLLECT NOTICE", `
		en: pickup reminder`},
	// Batches 69 and 70: a post's border point is its office of exchange, not customs; the country of
	// posting is the origin; "can be collected" waits for the buyer; "being delivered" is out for
	// delivery.
	{"EXCHANGE", `
		de: grenzstelle
		fr: poste frontalier
		it: frontiera
		en: border point, border office`},
	{"ORIGIN COUNTRY", `
		de: aufgabeland, im aufgabeland, aufgabelandes, des aufgabelandes
		fr: pays de depot
		it: paese d impostazione, paese di impostazione`},
	{"READY COLLECT", `
		de: kann abgeholt werden`},
	{"OFD", `
		pt: sendo entregue, esta sendo entregue`},
	// Batches 71 to 74: the sender's country (lt) is the origin; a completed inspection; customs
	// "liberados" (pt plural); a parcel declared lost; a parcel passed for delivery; the last mile
	// in Chinese (尾程) and a final delivery service provider; then Lithuanian's and Serbian's
	// (Cyrillic) core events, and a few in el, sl, lv, et, ja, tr, it, sv.
	{"ORIGIN COUNTRY", `
		lt: siuntejo salies, siuntejo salyje`},
	{"COMPLETE", `
		lt: baigtas, baigta, baigtas sekmingai`},
	{"SORT FACILITY", `
		lt: skirstymo centro, skirstymo centras, skirstymo centra`},
	{"RELEASE", `
		pt: liberados, liberadas`},
	{"LOSS", `
		en: declared as lost, declared lost`},
	{"OFD", `
		en: passed for delivery`},
	{"LOCAL", `
		zh: 尾程, 尾程段
		en: final delivery service provider, last mile service provider, last-mile service provider`},
	{"DELIVERED", `
		lt: iteikta, iteiktas, iteikta gavejui, pristatytas
		sr: уручено, уручена, уручен
		el: παραδομενο, παραδοθηκε`},
	{"DELIVERY FAIL", `
		lt: iteikti nepavyko
		sv: det gick inte att leverera`},
	{"RETURN", `
		lt: grazinama, grazintas, grazinta, grazinti
		sr: враћено, враћена, враћен
		sl: vrnjeno, vracilo
		el: επεστραφησαν, επιστραφηκε
		lv: atgriezts
		et: tagastamine, tagastatud`},
	{"DAMAGE", `
		lt: sunaikinimui, sunaikimui, pristatyta sunaikinimui
		en: passed for destroy
		it: danneggiamento`},
	{"OFD", `
		lt: perduota pristatymui, isveztas pristatymui
		sr: задужена за испоруку
		ja: お届け中
		tr: kuryede, dagitim aracinda`},
	{"ATTEMPT FAIL", `
		ja: 長期不在, 長期間不在`},
	{"ADDRESS BAD", `
		sr: непознат, непозната, адреса непозната, адреса недовољна, умро`},
	{"MOVED", `
		sr: одсељен, пресељен`},
	{"DEST COUNTRY", `
		lt: gavejo valstybeje, gavejo valstybe`},
	{"POSTOFFICE", `
		lt: pasto skyriaus, pasto skyriuje, pasto skyriu`},
	{"PICKUPPOINT", `
		lt: atsiemimo vieta, atsiemimo vietoje, savitarnos terminala, siuntu savitarnos terminala, savitarnos terminale
		en: self service terminal, self-service terminal`},
	// Batches 75 and 76: tracking plugins' words in Hindi, Gujarati, Arabic, Romanian, Slovak,
	// Swedish and Persian; Mercado Envíos' route.
	{"OFD", `
		hi: डिलीवरी के लिए निकला, डिलिवरी के लिए रवाना, डिलीवरी के लिए बाहर
		gu: ડિલિવરી માટે બહાર, ડિલિવરી માટે નીકળ્યો
		sk: na doruceni`},
	{"^OFD", `
		es: salida a ruta`},
	{"DELIVERED", `
		hi: पहुंचा दिया, डिलीवर किया गया
		gu: વિતરિત`},
	{"DELIVERY FAIL", `
		hi: डिलीवरी विफल, प्रसव विफलता
		gu: ડિલિવરી નિષ્ફળતા
		ro: nu a putut fi livrat, nu a putut fi livrata
		sk: nedorucene, nedoruceny`},
	{"AVAILABLE COLLECT", `
		hi: पिकअप के लिए उपलब्ध, बटोरने के लिए उपलब्ध
		gu: પિકઅપ માટે ઉપલબ્ધ, પ્રાપ્ત કરવાને ઉપલબ્ધ
		ro: in asteptarea ridicarii`},
	{"RETURN TO SENDER", `
		hi: प्रेषक को वापस, प्रेषक को वापस करें
		gu: પ્રેષક પર પાછા ફરો, પ્રેષકને પાછો
		ar: تم إعادته إلى المرسل`},
	{"RETURN", `
		sv: aterlamnad
		fa: برگشت خورد, برگردانده شده
		ar: اعادة`},
	{"DAMAGE", `
		ar: متضرر`},
	{"CUSTOMS RELEASE", `
		ro: trecut de vama`},
	{"COMPLETE", `
		sk: dokonceny, dokoncene`},
	{"CUSTOMS", `
		sk: colnicu, colnica, colnici`},
	// Batch 77: Vietnamese "hoàn tất"/"hoàn thành" (completed) is no return, though "hoàn" alone is;
	// customs passed (zh); issued for delivery (ru); "saranno" (will be, it).
	{"COMPLETE", `
		vi: hoan tat, hoan thanh`},
	{"CUSTOMS RELEASE", `
		zh: 已通过海关, 通过海关`},
	{"OFD", `
		ru: выдано для доставки`},
	{"FUTURE", `
		it: saranno, verranno, verra`},
	// Batches 78 to 80: Hong Kong is an origin; words for printed labels, a pick-up point, delivered,
	// "being delivered" and "awaiting collection" in de, fr, es and uk; a customs bond; an air
	// waybill assigned.
	{"ORIGINNAME", `
		en: hong kong, hongkong
		zh: 香港`},
	{"CREATE", `
		de: ausgedruckt, gedruckt
		nl: geprint
		pt: impressa, impresso`},
	{"PREADVICE", `
		fr: prenotifie, prenotifiee`},
	{"LABEL CREATE", `
		en: awb assigned, airway bill assigned, air waybill assigned`},
	{"PICKUPPOINT", `
		fr: point de collecte, point collecte`},
	{"DELIVERED", `
		de: paket geliefert, pakete geliefert, paket e geliefert, bestellung geliefert`},
	{"^DELIVERED", `
		de: geliefert`},
	{"COMPLETE", `
		es: exitosa, exitosas, exitosos`},
	{"OFD", `
		uk: доставляється`},
	{"AVAILABLE", `
		uk: очікує отримання, очікує на отримання, очікує вручення`},
	{"RETURN", `
		de: ruecksendung, rueckversand, retoure`},
	{"CUSTOMS", `
		en: bond`},
	// Batches 81 to 83: Greek "not"; Chinese names of destination countries; Portuguese failed
	// attempts ("não atende", nobody answers) and a parcel returning; French pick-up points and
	// paid orders; a place agreed for leaving a parcel; "wird gleich zugestellt".
	{"NOT", `
		el: δεν, μη, μην`},
	{"DESTNAME", `
		zh: 葡萄牙, 西班牙, 法国, 德国, 意大利, 俄罗斯, 墨西哥, 加拿大, 澳大利亚, 荷兰, 比利时, 波兰, 以色列, 乌克兰, 智利, 瑞典, 瑞士, 奥地利, 捷克, 新西兰, 爱尔兰, 希腊, 匈牙利, 罗马尼亚, 沙特阿拉伯, 哥伦比亚, 秘鲁, 阿根廷`},
	{"ABSENT", `
		pt: nao estava no local, ninguem atende`},
	{"^ABSENT", `
		pt: nao atende`},
	{"RETURN", `
		pt: retornando, retornou`},
	{"PICKUPPOINT", `
		fr: point de ramassage, point ramassage`},
	{"ORDERSTATUS", `
		fr: paiement accepte`},
	{"DOORSTEP", `
		en: agreed location, agreed place, safe location`},
	{"OFD", `
		de: wird gleich zugestellt`},
	// Batches 84 and 85: a web page's error, Chilean "nobody lives here", the consumer who collects,
	// Israel Post's "arrived in the country" and "waiting for you", Swiss Post's French data
	// received and loading for delivery.
	{"NOSTAGE", `
		en: try again later`},
	{"ABSENT", `
		es: sin moradores, no hay moradores`},
	{"RECIPIENT", `
		en: consumer`},
	{"ARRIVE DEST COUNTRY", `
		he: הגיע לארץ, הגיעה לארץ`},
	{"AVAILABLE", `
		he: ממתין לך, ממתינה לך`},
	{"POSTOFFICE", `
		he: יחידת הדואר, ביחידת הדואר`},
	{"INFO RECEIVE", `
		fr: reception des donnees, reception donnees`},
	{"OFD", `
		fr: chargement pour livraison, chargement pour la livraison`},
	// Plain English words that the corpus' unread texts of many batches had: "sorting" alone,
	// sorting centres in the plural, a postal code, a recipient not found or moved.
	{"PROCESS", `
		en: sorting`},
	{"SORT FACILITY", `
		en: sorting centers, sorting centres, sort centers, sorting facilities, sorting hubs, parcel centers, sorting office, sorting offices`},
	{"ADDRESS", `
		en: postal code, post code`},
	{"RECIPIENT BAD", `
		en: recipient not found, addressee not found, consignee not found, receiver not found, customer not found`},
	{"MOVED", `
		en: customer moved, recipient moved, addressee moved, consignee moved, receiver moved`},
	// Batches 86 to 89: AliExpress's Spanish statuses (leaving, the departure, transit and destination
	// "country/region", the consolidation warehouse); customs "passed" in es, nl and zh; the local
	// delivery company and centre, Chilean "planta" and the delivery vehicle (es); exporting and
	// importing (fr); Turkish branches, transfer centres, loading, unloading and the courier's
	// custody; Polish kiosks; Romanian delivery depots; paid and on hold in Japanese, Korean and
	// Thai store statuses; Arabic "not"; Korean import declarations; returns (nl), absent recipients
	// and places outside the delivery area (es, tr); a cancelled operation.
	{"HANDOVER FLIGHT", `
		es: saliendo del pais region de salida`},
	{"LEAVE", `
		es: saliendo`},
	{"ORIGIN COUNTRY", `
		es: pais region de salida, pais region de origen`},
	{"TRANSITHUB", `
		es: pais region de transito, pais de transito`},
	{"DEST COUNTRY", `
		es: pais region de destino`},
	{"WAREHOUSE FIRSTMILE", `
		en: consolidation warehouse
		es: almacen de consolidacion, centro de consolidacion`},
	{"CUSTOMS RELEASE", `
		es: paso las aduanas, paso la aduana, pasado el control de aduanas, paso el control de aduanas, paso el control aduanero
		zh: 过海关, 已过海关, 通过海关`},
	{"COMPLETE", `
		nl: afgehandeld`},
	{"LASTMILE", `
		es: empresa local de reparto, empresa de reparto, empresa repartidora, empresa que lo reparte`},
	{"DEPOT", `
		es: centro local de reparto, centro de reparto
		ro: depozitul de livrare, depozit de livrare
		tr: alici subesi, alici subesinde, alici subede, alici subeye`},
	{"FACILITY", `
		es: planta, planta central
		tr: subeye, subesinden, subede`},
	{"SORT FACILITY", `
		tr: transfer merkezine, transfer merkezinden, tm`},
	{"OFD", `
		es: movil de entrega, vehiculo de entrega, vehiculo de reparto
		tr: zimmete aldi, zimmete alma, zimmetine aldi`},
	{"LOAD", `
		tr: yuklendi, yukleme`},
	{"ARRIVE", `
		tr: indi, indirme`},
	{"EXPORT", `
		fr: exporte, exportee`},
	{"IMPORT", `
		fr: importe, importee`},
	{"PICKUPPOINT", `
		pl: kiosku, kiosk`},
	{"ORDERSTATUS", `
		ja: 支払い済, 支払済, 支払い済み, 支払済み
		ko: 결제 완료, 결제완료`},
	{"^ORDERSTATUS", `
		ja: 保留
		th: ระงับชั่วคราว`},
	{"NOT", `
		ar: غير`},
	{"IMPORT CUSTOMS", `
		ko: 수입신고, 목록통관`},
	{"RETURN", `
		nl: geretourneerd`},
	{"ABSENT", `
		es: cliente no disponible, destinatario no disponible
		tr: adresinde yok, adreste yok, adreste bulunamadi, adreste kimse yok`},
	{"ADDRESS BAD", `
		es: fuera de cobertura, fuera de zona de cobertura, fuera de zona
		tr: dagitim alani disinda`},
	{"CANCEL", `
		es: cancelacion, cancelado, cancelada, anulado, anulada, anulacion
		ru: отмена, отменен, отменена, отменено
		pl: anulowane, anulowana, anulowano, anulowanie
		fr: annule, annulee, annulation
		de: storniert, stornierung
		nl: geannuleerd
		it: annullato, annullata, annullamento`},
	// Batches 90 to 92: Czech failed deliveries, absences, losses, lockers, parcel centres and
	// customs delays; Hungarian recipients not found, refusals, damage, losses and parcel points;
	// Indonesian couriers' receipt at a warehouse, at the destination city, pick-ups, delivery
	// and failed attempts; Vietnamese orders and customers and "not"; store statuses paid and
	// shipped in Bulgarian, Hebrew and Turkish; German "can be" and "is to be" picked up; Spanish
	// "in the courier's hands".
	{"DELIVERY FAIL", `
		cs: nebylo mozne dorucit, nelze dorucit, nepodarilo se dorucit, zasilku nebylo mozne dorucit
		vi: khong giao thanh cong`},
	{"ABSENT", `
		cs: prijemce nebyl pritomen, nebyl pritomen, nebyl doma, na dovolene, recepce byla zavrena
		hu: megkozelithetetlen
		id: tidak ada orang di rumah, tidak ada orang`},
	{"^ABSENT", `
		cs: dovolena
		hu: szabadsag`},
	{"LOSS", `
		cs: ztraceny, ztracena, ztraceno, nelze lokalizovat
		hu: eltunt`},
	{"DAMAGE", `
		cs: likvidovano, zlikvidovana, zlikvidovano
		hu: serult, serulten, totalkar`},
	{"PICKUPPOINT", `
		cs: parcelshopu, balikovna, balikovny, balikovne
		hu: csomagpont, csomagpontba, csomagpontban, csomagponton`},
	{"LOCKER", `
		cs: balikovy box, balikoveho boxu, balikovem boxu, balikomat, balikomatu`},
	{"SORT FACILITY", `
		cs: balikove centrum, balikoveho centra, balikovem centru
		id: gudang sortir, gudang sortasi, line haul darat`},
	{"DELIVERED", `
		cs: predano prijemci, predano do rukou
		id: selesai diantarkan, sampai ke tangan penerima, di tangan penerima, berada di tangan penerima`},
	{"OFD", `
		cs: na ceste k doruceni
		hu: kezbesitesre atveve
		id: dibawa kurir, sedang membawa paket, sedang diantar, diantarkan, sprinter sedang mengirim, kurir sedang mengantar`},
	{"HOLD", `
		cs: zabavena, zabaveno`},
	{"EXCEPTION", `
		cs: zpozdeno, zpozdena`},
	{"NOT", `
		cs: nebude
		vi: khong, chua
		bg: не`},
	{"ADDRESS", `
		cs: psc
		hu: iranyitoszam`},
	{"BAD", `
		cs: nespravne, nespravna
		hu: rossz`},
	{"RECIPIENT BAD", `
		hu: atvevo nem talalhato, cimzett nem talalhato
		id: nama penerima tidak dikenali`},
	{"ADDRESS BAD", `
		id: alamat tidak jelas`},
	{"REFUSE", `
		hu: atvetel megtagadasa, megtagadta, megtagadva`},
	{"RETURN", `
		cs: zpetne zaslani`},
	{"RECEIVE", `
		id: diterima, telah di terima, sudah di terima`},
	{"^DELIVERED", `
		id: paket sudah diterima, sudah diterima`},
	{"RECEIVE BY", `
		id: diterima oleh gudang, diterima oleh agen, diterima oleh jne`},
	{"PICKUP", `
		id: dijemput, dijemput oleh kurir, mengambil paket, sudah mengambil`},
	{"RESCHEDULE", `
		id: diantar ulang, dijadwalkan ulang`},
	{"PROCESS", `
		id: disortir, disorting, sortir, proses sortir`},
	{"FORWARD", `
		id: diteruskan ke`},
	{"DEST", `
		id: kota tujuan, wilayah tujuan, lokasi tujuan`},
	{"ORDER", `
		vi: don hang`},
	{"OFD", `
		vi: dang tren hanh trinh giao hang, tren hanh trinh giao hang
		es: en manos del courier, en manos del repartidor, en manos del cartero, en manos del mensajero`},
	{"AVAILABLE", `
		de: abgeholt werden, abgeholt werden kann`},
	{"FUTURE PICKUP", `
		de: soll abgeholt werden`},
	{"CUSTOMER", `
		vi: khach hang`},
	{"^ORDERSTATUS", `
		bg: платено
		he: שולם`},
	{"^SHIPPED", `
		bg: изпратено, изпратена
		tr: kargolandi`},
	// Batches 93 and 94: store statuses (shipped, returned, paid, processing) in the languages of
	// Spree, Sylius and Saleor; a delivery not made; a closed customer (pl) and outside the
	// customer's hours (pt); a parcel lying at a branch or a Packstation (de); a Finnish transport
	// company; a refund (pl).
	{"^SHIPPED", `
		uk: відправлений, відправлено
		be: адпраўлены
		ca: enviat
		zh: 已经发货, 已出货, 已寄出
		pt: expedido parcialmente
		pl: czesciowo wyslane`},
	{"RETURN", `
		ca: retornat
		lv: atgriests
		cs: vraceny, vracena
		be: вернуты`},
	{"^ORDERSTATUS", `
		pt: pagou, a processar, totalmente pago, nao faturado, pronto para faturar
		pl: przetwarzany, przetwarzane`},
	{"DELIVERY FAIL", `
		en: delivery was not made, delivery not made`},
	{"ABSENT", `
		pl: zamkniety, zamknieta
		pt: fora horario cliente, fora do horario do cliente`},
	{"AVAILABLE", `
		de: liegt ab sofort, liegt zur abholung, liegt in der filiale, liegt in der packstation`},
	{"CARRIER", `
		fi: kuljetusyhtio, kuljetusyhtion, kuljetusyhtiolle`},
	{"NOSTAGE", `
		pl: zwrocono srodki, zwrot srodkow`},
	// Batches 95 and 96: a re-delivery; available for pick-up at a service point (fr); delivered
	// by the carrier to the destination country (ru).
	{"RESCHEDULE", `
		en: re delivery, re-delivery`},
	{"AVAILABLE PICKUP", `
		fr: disponible pour le ramassage, disponible pour ramassage`},
	{"PICKUPPOINT", `
		fr: point de service`},
	{"BY CARRIER", `
		ru: перевозчиком`},
	{"TO", `
		en: to, towards, into, onto
		es: para, hacia, al
		pt: para, ao, aos, rumo
		fr: vers, jusqu a
		de: nach, zum, zur, ins
		nl: naar
		it: verso, al, alla
		sv: till
		da: til
		no: mot
		ro: spre, catre
		bg: към, до
		ar: إلى, الى`},
	{"FROM", `
		en: from, out of
		es: desde
		pt: desde, vindo de, proveniente
		fr: depuis, en provenance de, provenant
		de: aus, von der
		nl: vanaf, uit
		it: dal, dalla, proveniente
		sv: fran
		da: fra
		ro: de la`},
	{"BY", `
		en: by, via, through
		es: por
		pt: por, pelo, pela, pelos, pelas
		fr: par
		de: durch
		it: mediante
		pl: przez
		sv: genom
		fi: kautta`},

	// ---- places and parties ----
	{"CUSTOMS", `
		id: bea cukai
		vi: hai quan
		hr: carina, carine, carini, carinu, carinsk*
		en: customs, clearance, customs clearance, customs office, customs authority, customs authorities, border force, cbsa, broker, recipient broker, in bond, bonded
		    border services agency, border agency, clearance agent, customs broker, brokerage, customs processing, cbp,
		    border protection, customs declaration, declaration, declared, presented to customs
		es: aduana, aduanas, aduanero, aduanera, despacho aduanero, despacho de aduanas, gestion aduanera, tramite aduanero, internacion
		pt: alfandega, aduaneira, aduaneiro, fiscalizacao aduaneira, fiscalizacao, desembaraco, desembaraco aduaneiro, receita federal, orgaos fiscalizadores, orgao anuente, orgaos anuentes, anvisa, vigilancia sanitaria, ibama, autoridade competente, autoridades competentes
		    rfb, aduana, declaracao
		fr: douane, douanes, dedouanement, douanier, douaniere, formalites douanieres, douanieres, douaniers, douaniere, autorites douanieres
		de: zoll*, verzollung
		nl: douane, douaneafhandeling, inklaring, douaneproces, douanecontrole
		it: dogana, doganale, doganali, sdoganamento, procedure doganali
		pl: urzad celny, urzedu celnego, odprawa celna, odprawy celnej, odprawie celnej, celny, celnej, celna, celne, celnego, odprawa, cle, w cle, na cle, celnym
		cs: celni, celnice, celnici, celnim, celniho, celni rizeni, celni odbaveni, procleni, celni deklarace
		sk: colne, colny, colnica, colnej, colneho, preclenie, colneho konania
		sv: tull, tullen, tullklarering, tullhantering, tullverket, fortullning
		da: told, tolden, toldbehandling, toldklarering, toldvaesen, fortoldning, toldstyrelsen
		no: toll, tollen, tollbehandling, tollklarering, tolletaten, fortolling
		fi: tulli, tullin, tulliin, tullissa, tulliselvitys, tulliselvityksessa, tullaus
		tr: gumruk, gumrukte, gumruge, gumrukten, gumruk islemleri
		ru: таможн*, тамож*, то
		uk: митниця, митне, митного, митниці, митне оформлення
		hu: vam, vamhivatal, vamkezeles, vamkezelesre, vamnal
		ro: vama, vamal, vamala, vamuire, acte vama
		el: τελωνειο, τελωνειακ*
		he: מכס, מכס, המכס, מהמכס, במכס, למכס, בית המכס
		ja: 税関, 通関
		ko: 세관, 통관, 세관지정, 장치장
		zh: 海关, 清关, 报关, 通关, 关务, 保税
		bg: митница, митницата, митническа, митническо
		ar: الجمارك, الجمركي, الجمركية, جمرك, التخليص
		lt: muitin*`},
	{"EXPORT", `
		en: export, exported, exportation, exporting
		es: exportacion, exportado
		pt: exportacao, exportado, exportada
		fr: exportation, export, exporte
		de: export, ausfuhr, ausfuhrzoll, ausfuhrabfertigung
		nl: export, uitvoer
		it: esportazione, export
		pl: eksport, eksportowa, eksportowej, eksportowy, wywoz, wywozowa, wywozowej
		cs: vyvoz, vyvozni, export, exportni
		sk: vyvoz, vyvozne
		sv: export, utforsel
		da: eksport, udforsel
		no: eksport, utforsel
		fi: vienti, vienti*, vientiselvitys
		tr: ihracat
		ru: экспорт, экспортное, экспортного, вывоз
		uk: експорт, експортне
		hu: export, kiviteli
		ro: export
		ja: 輸出
		ko: 수출
		zh: 出口, 出境
		bg: износ
		ar: التصدير, للتصدير, تصدير
		et: ekspordiks, ekspordi, ekspordiprotseduurid
		lt: issiuntimo`},
	{"IMPORT", `
		en: import, imported, importation, importing
		es: importacion, importado
		pt: importacao, importado, importada
		fr: importation, import, importe
		de: import, einfuhr, einfuhrabfertigung, einfuhrzoll
		nl: import, invoer, ingevoerd
		it: importazione, import
		pl: import, importowa, importowej, importowy, przywoz, przywozowa, przywozowej, poczta przychodzaca
		cs: dovoz, dovozni, import, importni
		sk: dovoz, dovozne
		sv: import, inforsel
		da: import, indforsel
		no: import, innforsel
		fi: tuonti, tuonti*, maahantuonti
		tr: ithalat
		ru: импорт, импортное, импортного, ввоз
		uk: імпорт, імпортне
		hu: import, behozatal
		ro: import
		ja: 輸入
		ko: 수입
		zh: 进口, 入境
		bg: внос
		ar: للاستيراد, الاستيراد, استيراد
		et: impordiks, impordi, impordiprotseduurid`},
	{"ORIGIN", `
		ko: 원산지
		en: origin, original, originating, orgin
		es: origen
		pt: origem
		fr: origine
		de: herkunft, abgangsort
		nl: herkomst
		it: origine
		zh: 始发
		pl: pochodzenia
		tr: mense
		ar: المنشأ`},
	{"ORIGIN COUNTRY", `
		es: pais de origen, pais de salida
		pt: pais de origem, pais de origem do objeto, pais remetente
		fr: pays d origine, pays d expedition, pays expediteur, pays de depart
		de: herkunftsland, ursprungsland, absenderland, abgangsland, versandland
		nl: land van herkomst, land van verzending, vertrekland
		it: paese di origine, paese di partenza, paese mittente
		pl: kraju nadania, kraj nadania, kraj pochodzenia, kraju pochodzenia, kraju wyslania
		cs: zeme puvodu, zeme odeslani, zemi puvodu, zemi odeslani, zeme podani, zemi puvodu, zeme puvodu
		sk: krajina povodu, krajina odoslania
		sv: ursprungsland, avsandarland, ursprungslandet, avsandarlandet, avsandningslandet
		da: oprindelsesland, afsenderland, afsenderlandet, oprindelseslandet
		no: opprinnelsesland, avsenderland, avsenderlandet
		fi: lahtomaa, lahtomaassa, lahtomaasta, lahettajamaa, alkuperamaa
		tr: cikis ulkesi, gonderici ulke, mense ulke
		ru: страна отправления, страны отправления, страны происхождения, страну отправления, страна отправления, страны отправления, страны отправителя, стране отправителя, страна отправителя, страну отправителя
		uk: країна відправлення, країни походження, країна походження, країну походження
		hu: feladasi orszag, kiindulasi orszag
		ro: tara de origine, tara de expediere
		ja: 差出国, 発送国, 引受国, 出発国
		ko: 발송국, 출발국, 발송국가
		zh: 始发国, 寄件国, 原寄国, 出发国, 发件国
		he: ממדינת המוצא, מדינת המוצא, ארץ המוצא
		ar: بلد المنشأ, دولة المنشأ
		lt: isvykimo salies, issiuntimo salies`},
	{"DEST", `
		id: tujuan
		ko: 현지, 목적지
		hr: odredisn*
		en: destination, dest
		es: destino
		pt: destino
		fr: destination
		de: zielgebiet, bestimmungsort, ziel
		nl: bestemming
		it: destinazione
		pl: miejsca przeznaczenia, docelowy, docelowej, docelowego, docelowym
		cs: cilove
		fi: maaranpaa
		ru: место назначения
		ro: destinatie
		zh: 目的地, 目的港, 寄达地
		et: sihtkohas`},
	{"DEST COUNTRY", `
		es: pais de destino, pais destino
		pt: pais de destino, pais destino
		fr: pays de destination, pays destinataire
		de: bestimmungsland, zielland, empfangerland
		nl: land van bestemming, bestemmingsland
		it: paese di destinazione
		pl: kraju przeznaczenia, kraj przeznaczenia, kraju docelowego, kraj docelowy
		cs: zeme urceni, zemi urceni, cilova zeme, cilove zeme
		sk: krajina urcenia, cielova krajina
		sv: destinationslandet, destinationsland, mottagarlandet, mottagarland
		da: destinationslandet, modtagerlandet, modtagerland, destinationsland
		no: mottakerlandet, destinasjonslandet, mottakerland
		fi: kohdemaa, kohdemaahan, kohdemaassa, vastaanottajamaa
		tr: varis ulkesi, alici ulke, hedef ulke
		ru: страна назначения, страну назначения, страны назначения, страны получателя, стране получателя, страна получателя, страну получателя
		uk: країна призначення, країну призначення
		hu: celorszag, rendeltetesi orszag
		ro: tara de destinatie
		ja: 宛先国, 到着国, 名宛国
		ko: 도착국, 도착국가, 목적국
		zh: 目的国, 目的地国家, 寄达国, 派送目的国
		he: למדינת היעד, מדינת היעד, לארץ היעד
		ar: بلد الوجهة, بلد الوصول, دولة الوجهة
		lt: paskirties salies, paskirties salyje, gavejo salies`},
	{"COUNTRY", `
		hr: zemlja, zemlje, zemlju, zemlji
		en: country, countries, region, country region, country/region, nation
		es: pais
		pt: pais
		fr: pays
		de: land
		nl: land
		it: paese
		pl: kraj, kraju
		cs: zeme, zemi
		sk: krajina
		sv: landet
		da: landet
		no: landet
		fi: maa, maahan, maassa, maasta
		tr: ulke, ulkesi, ulkeye, ulkesine, ulkesinden
		ru: страна, страну, страны
		ja: 国
		ko: 국가
		zh: 国家, 地区, 国
		ro: tara`},
	{"ABROAD", `
		hr: inozemstvo, inozemstva, inozemstvu
		en: abroad, overseas, outside the country
		es: extranjero, exterior
		pt: exterior, estrangeiro
		fr: etranger, international vers l etranger
		de: ausland, auslandes
		nl: buitenland
		it: estero
		pl: zagranica, zagranicy, za granice, z zagranicy, zagraniczn*
		cs: zahranici, zahranicni, do zahranici
		sk: zahranicie, zahranicia
		sv: utlandet
		da: udlandet
		no: utlandet
		fi: ulkomaille, ulkomailta, ulkomaa*
		tr: yurt disi, yurtdisi, yurt disina, yurt disindan
		ru: за границу, из-за границы, за рубеж, зарубеж*
		ja: 海外
		ko: 해외
		zh: 境外, 国外, 海外`},
	{"INTL", `
		hr: medunarodn*, medjunarodn*
		en: international, intl, int l, cross border
		es: internacional
		pt: internacional
		fr: international, internationale
		de: international, internationale, internationalen
		nl: internationaal, internationale
		it: internazionale
		pl: miedzynarodowy, miedzynarodowa, miedzynarodowej, miedzynarodowego
		cs: mezinarodni
		sk: medzinarodne, medzinarodna
		sv: internationell, internationella
		da: international, internationale
		no: internasjonal, internasjonale
		fi: kansainvalinen, kansainvalisen, kansainvaliseen
		tr: uluslararasi
		ru: международный, международного, международное, мпо, международной, международная
		uk: міжнародний, міжнародного
		hu: nemzetkozi
		ro: international, internationala
		ja: 国際
		ko: 국제
		zh: 国际
		bg: чуждестранен, международна, международен`},
	{"EXCHANGE", `
		en: office of exchange, exchange office, exchange center, exchange centre, international mail processing, imc, impc, isc, place of international exchange, international place of exchange, place of exchange, international exchange, intl service center, international service center
		    international service center, international service centre, international mail center, international mail centre,
		    ioe, international processing center
		es: oficina de cambio, centro de cambio, centro de cambio internacional, centro internacional
		pt: centro internacional, unidade de tratamento internacional, centro de tratamento internacional, troca internacional
		fr: bureau d echange, centre d echange, centre international
		de: auswechslungsstelle, internationales postzentrum, ipz
		nl: wisselkantoor
		it: ufficio di scambio, centro di scambio
		pl: urzad wymiany, urzedu wymiany, wezel wymiany, wymiany miedzynarodowej, urzedzie wymiany
		cs: vymenna posta, vymenne poste, vymenna mista
		sk: vymenna posta
		sv: utvaxlingskontor, utvaxlingsort
		da: udvekslingskontor
		no: utvekslingskontor
		fi: vaihtotoimipaikka
		tr: degisim merkezi, degistirme merkezi
		ru: место международного обмена, ммпо, пункт обмена, пункте обмена, пункта обмена, место международного обмена
		ja: 交換局, 国際交換局, 国際交換支店, 交換支店
		ko: 교환국, 국제우편물류센터, 교환국
		zh: 交换站`},
	{"OUTWARD", `
		en: outward, otb, outbound office
		pl: wydania, wyjscia, wydawczy, poczta wychodzaca
		ru: отправки`},
	{"INWARD", `
		en: inward, inb, inbound office
		fr: entree
		pl: przyjmujacy, wejscia, przyjecia
		ru: прибытия`},
	{"AIRPORT", `
		en: airport, air hub, airport hub, air terminal, airfield, air cargo terminal, port, seaport, harbour, harbor, cargo terminal
		es: aeropuerto
		pt: aeroporto
		fr: aeroport
		de: flughafen
		nl: luchthaven, vliegveld
		it: aeroporto
		pl: lotnisko, lotnisku, port lotniczy, portu lotniczego
		cs: letiste, letisti
		sk: letisko
		sv: flygplats, flygplatsen
		da: lufthavn, lufthavnen
		no: flyplass, flyplassen, lufthavn
		fi: lentoasema, lentokentta, lentoasemalle, lentoasemalta
		tr: havalimani, havaalani
		ru: аэропорт, аэропорту, аэропорта
		uk: аеропорт
		hu: repuloter
		ro: aeroport
		ja: 空港
		ko: 공항
		zh: 机场, 空港`},
	{"FLIGHT", `
		en: flight, airline, airlines, aircraft, plane, air carrier, air freight, airfreight, air cargo, cargo flight, by air, air transport
		es: vuelo, aerolinea, avion, transporte aereo, carga aerea
		pt: voo, companhia aerea, aviao, transporte aereo, carga aerea
		fr: vol, compagnie aerienne, avion, fret aerien, transport aerien
		de: flug, fluggesellschaft, flugzeug, luftfracht
		nl: vlucht, luchtvaartmaatschappij, vliegtuig, luchtvracht
		it: volo, compagnia aerea, aereo, trasporto aereo
		pl: lot, samolot, linia lotnicza, transport lotniczy
		cs: letadlo, letecka preprava, leteckou
		sk: lietadlo
		sv: flyg, flyget, flygplan, flygfrakt
		da: fly, flyet, luftfragt
		no: fly, flyet, flyfrakt
		fi: lento, lentokone, lentorahti
		tr: ucus, ucak, havayolu
		ru: рейс, авиа, самолет, авиарейс
		ja: 航空, 航空便, 便
		ko: 항공, 항공편, 항공기
		zh: 航班, 航空, 飞机, 空运, 航空公司`},
	{"LINEHAUL", `
		ru: магистральн*
		en: line haul, linehaul, line-haul, trunk line, trunk, main haul, sea freight, vessel, ocean freight, trucking
		pt: frete internacional
		zh: 干线, 海运
		fr: transitaire`},
	{"CARRIER", `
		en: carrier, courier, logistics company, logistics provider, shipping company, transport company, logistics, delivery company, transport provider
		    delivery service, partner carrier, shipping partner, transport companies
		es: transportista, empresa de transporte, mensajeria, operador logistico, empresa de mensajeria, operador, empresa de logistica, empresa logistica
		pt: transportadora, transportador, operador logistico, parceiro logistico, empresa de transporte, parceiro, empresa de logistica, transportadora de logistica
		fr: transporteur, prestataire, societe de transport, operateur
		de: transporteur, spediteur, logistikpartner, paketdienst, zustelldienst, frachtfuhrer
		nl: vervoerder, transporteur, pakketdienst, bezorgdienst, logistiek bedrijf, logistieke dienstverlener
		it: vettore, corriere, trasportatore, operatore logistico, azienda di logistica, dall azienda di logistica
		pl: przewoznik, przewoznika, przewoznikowi, kuriera, operator, operatora, firma kurierska, firme logistyczna, firma logistyczna
		cs: prepravce, dopravce, prepravci, kuryr, kuryrni sluzba, dopravci
		sk: prepravca
		sv: transportor, transportoren, fraktbolag, budfirma, speditor
		da: fragtfirma, transportor, vognmand, fragtforer
		no: transportor, speditor, budfirma
		fi: kuljetusliike, kuljetusyhtio, kuljettaja yritys
		tr: kargo firmasi, tasiyici, kurye firmasi, kargo sirketi, tasiyici firma, lojistik sirketi, kargo sirketi
		ru: курьерская служба, служба доставки, перевозчику
		uk: перевізник
		hu: futarszolgalat, fuvarozo
		ro: curier, transportator, partener extern, partener
		ja: 運送会社, 配送業者, 物流会社, 運送会社, 配送会社, 会社
		ko: 택배사, 운송사
		zh: 承运商, 物流商, 快递公司, 物流公司, 承运人, 运输商
		bg: куриер, куриера, доставчик`},
	{"DRIVER", `
		vi: buu ta
		en: driver, postman, postwoman, mail carrier, letter carrier, delivery driver, courier driver, delivery person,
		    rider
		es: cartero, repartidor, conductor, mensajero
		pt: carteiro, entregador, motorista, mensageiro
		fr: facteur, livreur, chauffeur, coursier
		de: zusteller, bote, fahrer, paketzusteller, zustellerin
		nl: bezorger, postbode, chauffeur, koerier
		it: postino, corriere incaricato, autista, fattorino
		pl: listonosz, listonosza, doreczyciel, doreczyciela, kierowca, kuriera doreczajacego, doreczycielowi, listonoszowi, kurierowi
		cs: dorucovatel, dorucovatele, ridic, postak, kuryra
		sk: dorucovatel, kurier, vodicovi, vodic
		sv: bud, budet, chauffor, chauffören, brevbarare, foraren
		da: bud, chauffor, chaufforen, postbud
		no: bud, sjafor, sjaforen, postbud
		fi: kuljettaja, kuljettajalle, postinkantaja, lahetti
		tr: kurye, dagitici, dagitim gorevlisi, postaci
		ru: почтальон, курьер, водитель
		uk: листоноша, кур єр
		hu: futar, postas, kezbesito, futarnak, futarunk
		ro: curierul, postas, curierului
		ja: 配達員, ドライバー, セールスドライバー
		ko: 배송기사, 택배기사, 배달원, 집배원, 기사
		zh: 快递员, 派送员, 派件员, 投递员, 配送员
		lt: kurjeriui, kurjerio`},
	{"LOCAL", `
		en: local, domestic, last mile, last-mile, final mile, lastmile, national, destination carrier, local carrier,
		    local courier, local post, local postal, local delivery, domestic carrier, local partner
		es: local, nacional, ultima milla, domestico
		pt: local, nacional, ultima milha, domestico
		fr: local, locale, national, nationale, dernier kilometre
		de: lokal, lokalen, national, inland, inlandisch, letzte meile, zustellpartner
		nl: lokaal, lokale, nationaal, binnenland, binnenlands
		it: locale, nazionale, ultimo miglio
		pl: krajowy, krajowa, krajowej, krajowego, lokalny, lokalnego
		cs: vnitrostatni, tuzemsko, tuzemska, mistni
		sk: vnutrostatne, miestne
		sv: inrikes, lokal, lokala, nationell
		da: indenlandsk, lokal, lokale, national
		no: innenlands, lokal, lokale, nasjonal
		fi: kotimaa, kotimaan, kotimaassa, paikallinen
		tr: yurt ici, yurtici, yerel
		ru: внутренний, внутреннее, местный, город получателя, городе получателя
		uk: внутрішній
		hu: belfoldi, helyi
		ro: intern, local
		ko: 국내
		zh: 本地, 末端, 落地, 目的城市`},
	{"TRANSITHUB", `
		en: transit country, transit countries, transit hub, transit airport, transit office, transit facility, transit center, in transit center, in transit hub, in transit country, in transit centre, transferred through, transit through, transshipment port, transhipment port, transshipment hub
		    transit centre, transit point, transit country region, third country, transit port, transshipment hub
		es: pais de transito
		pt: pais de transito
		fr: pays de transit
		de: transitland, transitlager
		nl: transitland
		it: paese di transito
		pl: kraj tranzytowy, kraju tranzytowego
		cs: tranzitni zeme
		sv: transitland
		da: transitland
		no: transittland
		fi: kauttakulkumaa
		tr: transit ulke
		ru: транзитная страна, г транзите, г-транзите, место транзита, городе транзите, промежуточный пункт обмена, транзитный пункт обмена
		zh: 中转国, 中转地, 中转, 过境, 中转港
		ro: tara de tranzit`},
	{"GATEWAY", `
		en: gateway, international gateway, mail gateway, inbound gateway, inbound facility, import facility, import center,
		    import centre, inbound hub, international inbound, inbound processing
		es: centro de importacion
		pt: unidade de importacao, centro de importacao
		fr: plateforme import
		de: importzentrum
		it: centro import`},
	{"ORIGINNAME", `
		en: china, mainland china, prc
		es: china
		pt: china
		fr: chine
		de: china
		nl: china
		it: cina
		pl: chiny, chin, chinach
		cs: cina, ciny, cine
		sk: cina
		sv: kina
		da: kina
		no: kina
		fi: kiina, kiinasta
		tr: cin, cin den
		ru: китай, китая
		uk: китай
		hu: kina
		ro: china
		ja: 中国
		ko: 중국, 홍콩
		zh: 中国, 国内`},
	{"DESTNAME", `
		en: united states, usa, united kingdom, uk, great britain, canada, australia, new zealand, ireland, spain, france, germany, russian federation, russia, territory of russian federation
		    netherlands, belgium, italy, poland, brazil, mexico, chile, portugal, sweden, denmark, norway, finland, japan, korea,
		    south korea, turkey, czech republic, czechia, israel, russia, ukraine, austria, switzerland, hungary, romania, greece,
		    slovakia, saudi arabia, united arab emirates, uae, indonesia, philippines, the philippines, malaysia, thailand, vietnam, viet nam, india, pakistan, bangladesh, sri lanka, egypt, morocco, nigeria, south africa, kazakhstan, belarus, lithuania, latvia, estonia, bulgaria, croatia, serbia, slovenia, argentina, colombia, peru, ecuador, uruguay, costa rica, puerto rico, qatar, kuwait, bahrain, luxembourg, cyprus, malta, iceland
		es: espana, estados unidos, mexico, argentina, colombia, peru
		pt: brasil, portugal, espanha
		fr: france, belgique, suisse, espagne, allemagne
		de: deutschland, osterreich, schweiz, osterreich
		nl: nederland, belgie
		it: italia
		pl: polska, polsce, polski, polske
		cs: ceska republika, cesko, ceske republiky, cr, slovensko
		sv: sverige, sverigen
		da: danmark
		no: norge
		fi: suomi, suomeen, suomessa
		tr: turkiye, turkiyeye
		ru: россия, россии, рф, территорию рф, рф
		uk: україна, україни
		hu: magyarorszag
		ro: romania
		ja: 日本
		ko: 한국, 대한민국
		zh: 美国, 英国, 日本, 韩国, 巴西`},
	{"FIRSTMILE", `
		en: cainiao, 4px, yanwen, yunexpress, yun express, sunyou, china post, china ems, ems china, cne, winit, aliexpress,
		    ali express, anjun, jtexpress, j&t international, ubi, equick, flyt, yuntu, sf international, wanb
		zh: 菜鸟, 燕文, 云途, 递四方, 中国邮政, 邮政`},
	{"LASTMILE", `
		en: usps, royal mail, parcelforce, evri, hermes, yodel, dpd, gls, dhl paket, ontrac, lasership, u s postal service, us postal service, united states postal service, express one, mpl, ghn, giao hang nhanh, viettel post, ghtk, transsped
		    canada post, purolator, australia post, startrack, nz post, an post, correos, correos express, seur, mrw, nacex,
		    la poste, colissimo, chronopost, mondial relay, colis prive, deutsche post, postnl, bpost, poste italiane,
		    brt, sda, postnord, bring, posten, posti, budbee, inpost, poczta polska, pocztex, ceska posta, zasilkovna,
		    packeta, ppl, slovenska posta, magyar posta, posta romana, fan courier, sameday, speedy, econt, elta, ptt,
		    aras, mng, surat, hepsijet, israel post, japan post, yamato, sagawa, korea post, cj logistics, cj, hanjin, lotte,
		    logen, correios, jadlog, loggi, total express, ctt, estafeta, chilexpress, correo argentino, andreani, amazon logistics,
		    amazon, swiss post, die post, post at, osterreichische post, austrian post, omniva, dao, matkahuolto, airmee,
		    helthjem, early bird, cdek, boxberry, pochta, nova poshta, ukrposhta, belpost, kazpost, foxpost, orlen paczka,
		    australia post facility, yurtici kargo,
		    ozon rocket, 5post, pec easyway, pickpoint, kolay gelsin, trendyol express, sendeo, canpar, uniuni, gofo, ecoscooting,
		    chunghwa post, t cat, anteraja, jne, sicepat, ninja van, kerry express, flash express, lbc, lbc express, delhivery,
		    blue dart, dtdc, ecom express, xpressbees, smartr, kg logis, dhl parcel nl, dhl parcel poland, dhl ecommerce spain
		es: correos de mexico
		ru: почта россии
		ja: 日本郵便, ゆうパック, ヤマト運輸, 佐川急便
		ko: 우체국택배, cj대한통운, 한진택배, 롯데택배
		zh: 美国邮政, 配送公司`},
	{"RECIPIENT", `
		hr: primatelj, primatelja, primatelju
		en: recipient, addressee, consignee, receiver, buyer, client
		es: destinatario, destinataria, cliente, comprador
		pt: destinatario, destinataria, cliente, comprador
		fr: destinataire, client, cliente
		de: empfanger, empfangerin, kunde, kunden
		nl: geadresseerde, ontvanger, klant
		it: destinatario, destinataria, cliente
		pl: adresat, adresata, adresatowi, odbiorca, odbiorcy, odbiorcą, klient, klienta
		cs: adresat, adresatovi, prijemce, prijemci, zakaznik, zakaznikovi
		sk: adresat, adresatovi, prijemca, zakaznik
		sv: mottagare, mottagaren, mottagarens, kund, kunden
		da: modtager, modtageren, kunde, kunden
		no: mottaker, mottakeren, kunde, kunden
		fi: vastaanottaja, vastaanottajalle, vastaanottajan, asiakas, asiakkaalle
		tr: alici, aliciya, alicinin, musteri
		ru: адресат, получатель, получателю
		uk: адресат, одержувач
		hu: cimzett, cimzettnek
		ro: destinatar, destinatarului
		ja: 受取人, お客様, 荷受人
		ko: 수취인, 고객, 수령인, 받는분
		zh: 收件人, 客户, 买家, 收件公司
		bg: получателя, получател, получателят
		el: παραληπτη, παραληπτης
		et: saaja, saajale
		lt: gavejui, gavejo
		sr: primalac, primaoca, primaocu`},
	{"SENDER", `
		hr: posiljatelj, posiljatelja, posiljatelju
		en: sender, shipper, seller, merchant, vendor, supplier, consignor, retailer, store, origin sender, original sender, consigner
		es: remitente, vendedor, expedidor, proveedor
		pt: remetente, vendedor, lojista, loja, expedidor, fornecedor, contratante
		fr: expediteur, vendeur, marchand, commercant expediteur
		de: absender, versender, verkaufer, handler, shop, auftraggeber
		nl: afzender, verzender, verkoper, webwinkel
		it: mittente, venditore
		pl: nadawca, nadawcy, nadawcą, sprzedawca, sprzedawcy, od klienta, nadawce
		cs: odesilatel, odesilatele, odesilateli, prodejce, obchod
		sk: odosielatel, odosielatela
		sv: avsandare, avsandaren, avsandarens, saljare, butik
		da: afsender, afsenderen, afsenders, saelger
		no: avsender, avsenderen, selger
		fi: lahettaja, lahettajalle, lahettajalta, myyja
		tr: gonderici, gondericiye, satici
		ru: отправитель, продавец, г отправителе, г-отправителе, городе отправителе, интернет магазин
		uk: відправник, відправнику
		hu: felado, feladonak
		ro: expeditor, expeditorului
		ja: 差出人, 荷送人, ご依頼主
		ko: 발송인, 보내는분, 판매자, 보낸 사람
		zh: 寄件人, 发件人, 卖家, 商家
		bg: подателя, подател, подателят
		el: αποστολεα, αποστολεας
		ar: المرسل, للمرسل
		et: saatja, saatjale
		lt: siuntejo
		sr: posiljalac, posiljaoca, posiljaocu`},
	{"ADDRESS", `
		en: address, addressing, street, house number, postcode, zip code
		es: direccion, domicilio
		pt: endereco, logradouro, morada
		fr: adresse, adressage
		de: adresse, anschrift, hausnummer
		nl: adres, huisnummer
		it: indirizzo
		pl: adres, adresu, adresie
		cs: adresa, adresy, adrese
		sk: adresa, adresy
		sv: adress, adressen
		da: adresse, adressen
		no: adresse, adressen
		fi: osoite, osoitteessa, osoitteen, osoitteeseen
		tr: adres, adresi, adreste
		ru: адрес, адреса, адресу
		uk: адреса, адресу
		hu: cim, cime
		ro: adresa, adresei, domiciliu
		ja: 住所, 宛先
		ko: 주소
		zh: 地址, 收件地址, 收货地址, 自提点地址
		bg: адрес, адреса`},
	{"BAD", `
		en: incorrect, insufficient, incomplete, wrong, invalid, unknown, illegible, inaccurate, bad, unclear, unable to be found, not readable, could not be found
		    does not exist, nonexistent, doesn t exist
		es: incorrecta, incorrecto, incompleta, incompleto, erronea, erroneo, desconocido, desconocida, insuficiente, inexistente,
		    ilegible, equivocada
		pt: incorreto, incorreta, incompleto, incompleta, errado, errada, desconhecido, desconhecida, insuficiente, inexistente, irregular
		    ilegivel
		fr: incomplete, incorrecte, erronee, inconnu, inconnue, insuffisante, illisible, inexistante, inexacte
		de: unvollstandig, fehlerhaft, falsch, unbekannt, unzureichend, ungultig, unleserlich, unzutreffend, nicht gefunden, nicht lesbar, verkehrte
		nl: onjuist, onvolledig, onbekend, incorrect, ongeldig, fout
		it: errato, errata, incompleto, incompleta, sconosciuto, sconosciuta, insufficiente, inesatto, inesatta, inesistente
		pl: bledny, bledna, blednego, niepelny, niepelna, niepelnego, nieznany, nieznana, nieprawidlowy, nieprawidlowa, niewlasciwy
		cs: chybna, chybny, chybne, neuplna, neuplny, nespravna, nespravny, neznamy, neznama, neexistujici
		sk: chybna, neuplna, nespravna, neznamy
		sv: felaktig, ofullstandig, okand, bristfallig, fel
		da: forkert, ufuldstaendig, ukendt, mangelfuld
		no: feil, ufullstendig, ukjent, mangelfull
		fi: virheellinen, puutteellinen, tuntematon, vaara
		tr: hatali, eksik, yanlis, bilinmeyen, gecersiz, bulunamadi
		ru: неверный, неполный, неизвестен, неправильный, нечитаемый, некорректен, некорректна, некорректная, некорректные, неполные, неполная, недостаточные, неверные
		uk: неправильна, неповна
		hu: hianyos, hibas, ismeretlen
		ro: incorecta, incompleta, gresita, incorecte, incorect, gresit, gresite
		ja: 不明, 不備, 誤り
		ko: 불명, 오류, 불일치
		zh: 错误, 不详, 不全, 有误, 不完整
		bg: неточен, непълен, грешен, неточен/непълен
		sr: netacna, netacan, netacno`},
	{"MOVED", `
		en: moved away, relocated, left no address, left no forwarding address, gone away
		es: se mudo, mudado, cambio de domicilio
		pt: mudou-se, mudou se, mudou
		fr: demenage, n habite pas, n habite pas a l adresse indiquee, parti sans laisser d adresse
		de: verzogen, umgezogen, unbekannt verzogen
		nl: verhuisd, vertrokken onbekend waarheen
		it: sconosciuto all indirizzo, cessata attivita, attivita cessata
		pl: wyprowadzil sie, zmienil adres, wyprowadzka
		cs: odstehoval, odstehovala, odstehovany
		sk: odstahoval
		sv: flyttat, avflyttad
		da: flyttet, fraflyttet
		no: flyttet
		fi: muuttanut, muuttunut osoite
		tr: tasindi, adresten tasinmis, tasinmis
		ru: выбыл, адресат выбыл, адресат переехал, сменила адрес, сменил адрес, выбытие адресата
		ja: 転居
		ko: 이사
		zh: 搬迁, 已搬走
		ro: mutat, mutata, s a mutat`},
	{"ORDER", `
		en: order, your order, purchase
		es: pedido, orden, compra
		pt: pedido, ordem, compra
		fr: commande
		de: bestellung, auftrag
		nl: bestelling, order, bezorgopdracht
		it: ordine
		pl: zamowienie, zamowienia
		cs: objednavka, objednavky, objednavku
		sk: objednavka
		sv: order, ordern, bestallning, bestallningen
		da: ordre, ordren, bestilling
		no: ordre, ordren, bestilling
		fi: tilaus, tilauksen
		tr: siparis, siparisiniz
		ru: заказ, заказа, заказе, заказу
		uk: замовлення
		hu: rendeles
		ro: comanda
		ja: 注文, ご注文
		ko: 주문
		zh: 订单`},
	{"ITEM", `
		hr: posiljka, posiljke, posiljku, posiljci
		en: item, items, parcel, parcels, package, packages, shipment, shipments, consignment, mail, mailpiece, article, piece, goods,, cargo
		    your parcel, your package, your item, your shipment
		es: envio, envios, paquete, paquetes, objeto, articulo, mercancia, bulto, encomienda
		pt: objeto, objetos, encomenda, pacote, remessa, mercadoria, volume
		fr: colis, envoi, objet, article, marchandise, courrier
		de: sendung, sendungen, paket, pakete, artikel, ware, brief
		nl: zending, pakket, pakketje, item, brievenbuspakje
		it: spedizione, pacco, collo, oggetto, invio, plico
		pl: przesylka, przesylki, przesylke, paczka, paczki, paczke
		cs: zasilka, zasilky, zasilku, balik, baliku, balicek
		sk: zasielka, zasielky, balik
		sv: forsandelse, forsandelsen, paket, paketet, kolli
		da: forsendelse, forsendelsen, pakke, pakken
		no: sending, sendingen, pakke, pakken
		fi: lahetys, lahetyksen, lahetyksesi, paketti, paketin
		tr: gonderi, gonderiniz, kargo, kargonuz, paket, gonderi̇
		ru: отправление, посылка, посылку, отправления
		uk: відправлення, посилка
		hu: kuldemeny, csomag
		ro: coletul, colet, expedierea, expediere, expeditie, expeditia, expeditii, coletului, colete, pachet, pachetul, trimitere
		ja: 荷物, お荷物, 郵便物
		ko: 소포, 택배, 상품, 물품
		zh: 包裹, 快件, 邮件, 货物, 货件
		bg: пратка, пратката, пратки, колет, колетът, пакет
		el: αποστολη, δεμα, δεματος, αντικειμενο
		et: saadetis, saadetise, pakk, paki
		ar: الشحنة, شحنة, الأوردر, الطلب
		id: paketmu`},

	// ---- whole statuses ----
	{"^SHIPPED", `
		en: fulfilled, fulfillment complete, fulfilment complete, all shipped, partial shipment, manifest uploaded, ud manifested, dp assigned, bag not picked, logistics request created, booking arranged shipment, delivery partner assigned
		th: ส่งสินค้าแล้ว, จัดส่งแล้ว, จัดการแล้วบางส่วน, จัดการแล้ว
		ar: تم الشحن
		bg: изпратена поръчка
		id: sudah dikirim, terpenuhi, dikirim, sebagian terpenuhi
		sk: zaslaná zákazníkovi
		vi: đã thực hiện một phần, đã thực hiện, đã đáp ứng 1 phần, đã đáp ứng
		lv: aizsūtīts
		pl: wysłane, wysłano
		ru: отгружено, передаётся в доставку, передано в доставку, заявка отправлена, заявка одобрена, подготовлен, сформирован для отправки, загружен реестр им
		es: facturado
		zh: 部分发货, 已发货(部分商品), 已下发, 部分下发
		bg: изпратен, частично изпратени, вашата поръчка е частично изпратена
		el: αποστέλλεται, αποστέλλονται, μερικώς αποστέλλονται, η παραγγελία σας έχει αποσταλεί μερικώς
		hr: otpremljeno, djelomično otpremljeno, vaša je narudžba djelomično otpremljena
		ro: expediată`},
	{"^ORDERSTATUS", `
		en: unfulfilled, unfulfilled order, processing, on hold, on-hold, paid, awaiting fulfillment, awaiting fulfilment,
		    awaiting shipment, awaiting shipping, awaiting dispatch, ready to ship, ready for shipping, to be shipped, not shipped,
		    not yet shipped, pending shipment, order placed, order confirmed, payment received, payment accepted,
		    awaiting order, to order, ordered, in production, partially fulfilled, partially shipped, partial, packing order,
		    order in processing, order processing, seller processing, waiting for the seller to ship, waiting for seller to ship,
		    processing order, payment confirmed, payment completed, awaiting seller shipment, unshipped, not dispatched,
		    to ship, ready to fulfill, wc processing, wc on hold, awaiting processing, manual verification required, preparing for shipment, paid waiting purchase, processing pending, purchased, pre shipping, pre-shipping, handle by marketplace, packed by marketplace, shipping requested, shipping scheduled, packed by seller or warehouse, submited, submitted, processed by the manager, pending process, handling, ready for processing, invoiced, to be packed, not fulfilled, logistics ready, logistics pending arrange, booking ready for fulfilment, assigning dp, bag confirmed, bag invoiced, bag packed, dp not assigned, ready for dp assignment, ready to dispatch, store reassigned, waiting for invoice, acceptance pending
		es: pendiente de envio, en preparacion, pagado, procesando, por enviar, pedido confirmado, pedido recibido, pago aprobado, pago capturado, autorización de pago completada, periodo de cancelación, verificando factura, listo para preparación, iniciar preparación
		pt: aguardando envio, em processamento, pago, aguardando despacho, pedido confirmado, pedido recebido, processando, a enviar,, processando pedido, processamento do pedido
		    aprovado, envio pendente
		fr: en cours de preparation, commande validee, en attente d expedition, payee, paye, a expedier
		de: in bearbeitung, bezahlt, bestellung eingegangen, wird bearbeitet, versandbereit, noch nicht versendet, zahlung erhalten, zahlung erfolgreich, produktionsvorbereitung, in produktion
		nl: in behandeling, betaald, bestelling ontvangen, wordt verwerkt
		it: in elaborazione, pagato, in attesa di spedizione, ordine ricevuto
		pl: w realizacji, oplacone, oczekuje na wysylke, zamowienie przyjete, przyjete do realizacji, zaplacone, w przygotowaniu, płatne
		cs: vyrizuje se, zaplaceno, ceka na odeslani, prijata objednavka, platba úspěšná, čekáme na zboží, objednávka je kompletní
		sv: behandlas, betald, vantar pa leverans
		da: behandles, betalt, afventer afsendelse
		fi: kasittelyssa, maksettu
		tr: hazirlaniyor siparis, odeme alindi, kargoya verilecek, odeme onaylandi, ödendi
		zh: 待发货, 已付款, 待出库, 已采购, 已支付, 配货完成, 已确认, 已分单, 部分分单, 配货中, 未下发
		ja: 出荷準備中, 対応中, 入金済み, 取り寄せ中, 処理中, 新規受付
		th: ชำระเงินแล้ว, กำลังบรรจุสินค้าลงกล่อง, รอส่งไปยังที่ทำการไปรษณีย์, จ่ายแล้วรอการส่ง, เช็คสินค้า, กำลังดำเนินการ, รอจัดส่ง, เตรียมสินค้า, รอดำเนินการ, ค้างส่ง
		fa: در حال انجام, تایید مجموعه, آماده سازی
		ar: تم الدفع, قيد التجهيز للشحن
		vi: đang chờ xử lý, đã thanh toán, đang thực hiện, tạm dừng, chưa thực hiện, đang đóng gói sản phẩm, đổi kho xuất hàng, chưa đáp ứng
		el: σε διεκπεραίωση, σε αναμονή
		he: מעבד
		bg: поръчка в изпълнение
		ru: принято в работу, находится в обработке, ожидает обработки со стороны продавца, сборочное задание в работе, в сборке, изготовлен, резерв, собран, в обработке, подтверждена, оформлен, оплачен, заказ собран и готов к отправке
		id: lunas, belum dikirim, sedang diproses, siap dikirim, dikonfirmasi, dibayar, belum terpenuhi, siap, dikemas, tidak terpenuhi
		sk: spracováva sa, nová objednávka, nová objednávka dobierka, potvrdená, potvrdená dobierka, naskladňuje sa, zaplatená
		sr: procesiranje porudžbine
		sl: potrjeno
		lv: procesā, gatavs izsūtīšanai, maketa pārbaude, drukā
		uk: дані підтверджені, запланована передача перевізнику, в обробці, обробляється менеджером
		ko: 입금, 준비, 미완료
		bg: обработка на поръчки
		el: επεξεργασία παραγγελίας
		hr: obrada narudžbe
		pl: przetwarzanie zamówienia, płatność zaakceptowana
		ro: plată acceptată, în procesare, plata de la distanță acceptată`},
	{"^NOSTAGE", `
		en: awaiting payment, pending payment, payment pending, cancelled, canceled, refunded, closed, voided, failed payment,, money returned, money returning, cod returned, cod remitted
		    order cancelled, order closed, not found, no information, no tracking information, tracking information not available,
		    status not available, information not available, no data, no record, invalid tracking number, carrier update,
		    label voided, expired, archived, order closed due to, refund, partially refunded, authorized, draft, wc pending, wc cancelled, wc refunded, wc failed, wc completed, wc checkout draft, declined, payment declined, refund without return
		es: pago pendiente, cancelado, cancelada, reembolsado, sin informacion, informacion no disponible
		pt: aguardando pagamento do pedido, cancelado, cancelada, reembolsado, sem informacoes, informacao indisponivel, pedido cancelado
		fr: annule, annulee, rembourse, aucune information, introuvable, commande introuvable, non trouve
		de: storniert, erstattet, keine informationen
		nl: geannuleerd, terugbetaald
		it: annullato, rimborsato
		pl: anulowane, anulowana
		cs: zruseno, zrusena
		zh: 已取消, 已关闭, 查询不到`},
}
