package tracking_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parceldesk/portal/domain/tracking"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	cls := tracking.BuiltinClassifier()
	for _, tt := range []struct {
		text   string
		stage  tracking.Stage
		signal tracking.Signal
	}{
		// The choke points of an AliExpress Standard Shipping parcel.
		{"Order information received by carrier", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"[Shenzhen] Departed from sorting center", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Hand over to airline", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Export customs clearance complete", tracking.StageExportCustoms, tracking.SignalNone},
		{"Departed from departure country/region", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Arrived at destination country/region", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Import clearance start", tracking.StageImportCustoms, tracking.SignalNone},
		{"Import customs clearance complete", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Received by local delivery company", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Out for delivery", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Delivered", tracking.StageDelivered, tracking.SignalNone},

		// Traditional Chinese reads as simplified; batch 16's words and rules.
		{"海關清關完成", tracking.StageCustomsCleared, tracking.SignalNone},
		{"抵達目的地國家/地區", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Pick-up — Assigning the courier", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Chegou ao centro de entrega", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Transit Port Arrival", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Receive From Flight", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Elektronische Benachrichtigung erhalten", tracking.StageDispatched, tracking.SignalLabelOnly},

		// Batch 15's words and rules: "cannot be delivered" is not delivered; delivered to a
		// facility or to customs is a scan there; Kangxi radicals read as ideographs.
		{"包裹今天无法送达.将尽快安排再次配送", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Доставлено в транзитный сортировочный центр", tracking.StageUnknown, tracking.SignalNone}, // unsure, with unknown words
		{"Доставлено на таможенный терминал", tracking.StageImportCustoms, tracking.SignalNone},
		{"收件⼈拒绝签收", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Port of departure - Received by carrier", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"수입신고수리", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Wydanie doręczycielowi", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Nieudane doręczenie", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},

		// The country before its origin, as Romance languages put it; Hebrew and Arabic words.
		{"Salida del país/región de origen", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"הגיע למדינת היעד", tracking.StageArrivedDestination, tracking.SignalNone},
		{"اكتمل التخليص الجمركي للاستيراد", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Paquete recibido por la empresa de logística", tracking.StageOutboundSorting, tracking.SignalNone},

		// A store's whole statuses in other languages; TrackShip's Arabic, Hebrew and Turkish.
		{"Pago aceptado", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Verzonden", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"خارج للتوصيل", tracking.StageOutForDelivery, tracking.SignalNone},
		{"כשל מסירה", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},

		// Store exports: Shopify's fulfilled, WooCommerce's status slugs as they export them.
		{"Fulfilled", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"wc-processing", tracking.StageOrderCompleted, tracking.SignalNone},
		{"wc-completed", tracking.StageUnknown, tracking.SignalNone},

		// Batch 19's words and rules.
		{"Вручение не состоялось", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Получено адресатом", tracking.StageDelivered, tracking.SignalNone},
		{"Получено отправителем", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"International inbound accepted", tracking.StageArrivedDestination, tracking.SignalNone},
		{"到达台北分拨中心，等待交航", tracking.StageHandedToCarrier, tracking.SignalNone},

		// Batch 21's words: Thailand Post's status names, Kazpost's customs on the sender's side.
		{"นำจ่ายไม่สำเร็จ", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"ส่งมอบให้สายการบิน", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Отправление передано на таможню страны отправителя", tracking.StageExportCustoms, tracking.SignalNone},
		{"Отправление возвращено из таможни", tracking.StageCustomsCleared, tracking.SignalNone},

		// One text for each rule added for batches 15 to 21 that no text above holds.
		{"Avec le chauffeur pour livraison", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Перенаправлено на новый адрес", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"International departure", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"International arrival", tracking.StageArrivedDestination, tracking.SignalNone},
		{"In transit with the airline", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Sendung im Sortier-Hub am Bestimmungsort verarbeitet", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Onderweg voor levering", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Delivery to local courier", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Destination Scan", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Origin Scan", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Arrive at origin post office", tracking.StageOutboundSorting, tracking.SignalNone},
		{"consegnato all'aeroporto", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Зарегистрировано, еще не отправлено", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"揽收失败", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Preparación en proceso", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Departed from origin facility to airport", tracking.StageOutboundSorting, tracking.SignalNone},
		{"zásilka opustila sklad v zemi původu", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Delivered to Destination Airport", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Принято таможней", tracking.StageImportCustoms, tracking.SignalNone},
		{"Sent to Airline", tracking.StageHandedToCarrier, tracking.SignalNone},

		// Location prefixes and suffixes do not change the answer.
		{"【深圳市】 Accepted by carrier", tracking.StageOutboundSorting, tracking.SignalNone},
		{"SHENZHEN, CN - Departed from sorting center", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Shenzhen, CN - Hand over to airline", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Out for Delivery, LOS ANGELES, CA 90009", tracking.StageOutForDelivery, tracking.SignalNone},
		{"En reparto - Madrid", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Item Received at LONDON MAIL CENTRE", tracking.StageOutboundSorting, tracking.SignalNone}, // a mail centre could be anywhere: the lowest stage

		// The rules and words added for batches 12–14 (BATCHES.md), one text each.
		{"USPS has received the electronic transmission of the manifest shipment information from the sender.", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Recibido en origen", tracking.StageOutboundSorting, tracking.SignalNone},
		{"RECEIVED AT ORIGIN GATEWAY", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Return item from customs", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Return item from customs (Inb)", tracking.StageCustomsCleared, tracking.SignalNone}, // "Inb" (7) is no rival to the later 9
		{"de Unidade de Tratamento em RECIFE / PE para Agência dos Correios em Extremoz / RN", tracking.StageCustomsCleared, tracking.SignalNone},
		{"de Unidade de Tratamento em CAJAMAR / SP para Unidade de Tratamento em RECIFE / PE", tracking.StageUnknown, tracking.SignalNone}, // either side of the border
		{"International Transit, Linehaul Departed", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Отправлено в страну назначения", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"International dispatch", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Receção internacional", tracking.StageArrivedDestination, tracking.SignalNone},
		{"快件到达 【上海浦江中转场】", tracking.StageOutboundSorting, tracking.SignalNone}, // a courier's transfer yard, not a transit country
		{"At PUDO, Pending Customer Collection", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Introuvable", tracking.StageUnknown, tracking.SignalNone},
		{"Money Returned", tracking.StageUnknown, tracking.SignalNone},
		{"pošiljka je uručena", tracking.StageDelivered, tracking.SignalNone},
		{"Giao thất bại", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},

		// Words that contain a stronger or weaker word than they mean.
		{"Delivered to local carrier", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Handed over to last mile carrier", tracking.StageCustomsCleared, tracking.SignalNone},
		{"The shipment could not be delivered", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Die Sendung konnte nicht zugestellt werden", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Item returned from customs", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Item returned to Delivery Office", tracking.StageOutForDelivery, tracking.SignalRollback},
		{"Delivered back to sender", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Waiting for carrier to pick up", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Waiting for pick up", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Delivered, Picked Up at Post Office", tracking.StageDelivered, tracking.SignalNone},
		{"Item held by export customs", tracking.StageExportCustoms, tracking.SignalCustomsHold},
		{"Customs clearance has been completed", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Export customs clearance has been completed", tracking.StageExportCustoms, tracking.SignalNone},
		{"Awaiting collection by carrier", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Awaiting collection", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Item collected by customer", tracking.StageDelivered, tracking.SignalNone},
		{"Parcel delivered to pick-up point", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},

		// Futures and negated phrases are not facts.
		{"Your package is on track to be delivered", tracking.StageUnknown, tracking.SignalNone},
		{"Your parcel will be delivered today", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Información no disponible", tracking.StageUnknown, tracking.SignalNone},
		{"Shipment information not yet received", tracking.StageUnknown, tracking.SignalNone},

		// Signals.
		{"Delivered to parcel locker", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Delivered, Parcel Locker", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Delivery attempted - no one home", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Available for Pickup", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Insufficient Address", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Held by customs", tracking.StageImportCustoms, tracking.SignalCustomsHold},
		{"Return to sender in progress", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Item being returned to sender. Incorrect address.", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Returned to sender by export customs", tracking.StageExportCustoms, tracking.SignalReturned},
		{"Parcel damaged", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Delivery rescheduled, parcel back to depot", tracking.StageOutForDelivery, tracking.SignalRollback},

		// Other languages.
		{"Zustellung erfolgreich", tracking.StageDelivered, tracking.SignalNone},
		{"Zending is afgeleverd bij de buren", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Votre colis est dédouané", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Votre colis est dedouane", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Disponible para recoger en oficina", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"已签收", tracking.StageDelivered, tracking.SignalNone},
		{"离开中转国", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Não entregue", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"No se pudo entregar", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Entregue no ponto de recolha", tracking.StageOutForDelivery, tracking.SignalPickupAvailable}, // Portuguese "no" is "in the"
		{"Expediere nelivrata: Destinatar mutat", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Неуспешна доставка", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Αποστολή παραδόθηκε", tracking.StageDelivered, tracking.SignalNone}, // the tonos folds away
		// A customs check that is over is a release; on the way to a pick-up point is not there yet.
		{"Verifica doganale conclusa", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Customs inspection completed", tracking.StageCustomsCleared, tracking.SignalNone},
		{"The consignment is being transported to Balikovna.", tracking.StageCustomsCleared, tracking.SignalNone},
		// A pending pick-up by the carrier is data only, like an awaited one.
		{"Pending pick up by the carrier", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Handed out (Norwegian, Danish, Swedish) is delivered, not picked up.
		{"UTLEVERT", tracking.StageDelivered, tracking.SignalNone},
		{"Pakken er udleveret", tracking.StageDelivered, tracking.SignalNone},
		// Batches 27 and 28: an arrival at a facility in a named foreign country; an order received
		// at a local sorting centre is a scan; awaiting the hand-over to the last mile is not it;
		// the sender handed it in; redirected to a pick-up point is not there yet; Serbian.
		{"Arrived at Sort Facility Indonesia", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Order received at local sorting centre.", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Awaiting delivery to Econt", tracking.StageUnknown, tracking.SignalNone},
		{"Parcel received by Consignee Mark Perez", tracking.StageDelivered, tracking.SignalNone},
		{"Shipment handed over by shipper", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Parcel Registered by the post office", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Les renseignements électroniques ont été soumis par l'expéditeur", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"REDIRECTED TO PARCEL SHOP", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Pokušana isporuka, nema nikoga na adresi", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Paket izvađen iz paketomata", tracking.StageUnknown, tracking.SignalNone}, // "iz" unknown: a suggestion
		{"Coletul a fost depus in FANbox", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		// Batches 29 and 30: store statuses in the sellers' languages, whole; collected by the local
		// carrier is after customs; Greek in capitals ends in a plain sigma; "let us know" is no flight.
		{"Sedang Diproses", tracking.StageOrderCompleted, tracking.SignalNone},
		{"รอจัดส่ง", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Обробляється менеджером", tracking.StageOrderCompleted, tracking.SignalNone},
		{"WYSŁANE", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Collected by local carrier", tracking.StageCustomsCleared, tracking.SignalNone},
		{"COLLECTED_AT_PARCELSTATION", tracking.StageDelivered, tracking.SignalNone},
		{"ΠΡΟΣ ΠΑΡΑΔΟΣΗ", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Ihre Sendung liegt im Briefkasten", tracking.StageDelivered, tracking.SignalNone},
		{"Please let us know that you've received your package", tracking.StageUnknown, tracking.SignalNone},
		// Batches 31 and 32: sent to a pick-up point is on its way there; handed to the recipient at a
		// pick-up point is delivered; a courier who collects from a pick-up point has the sender's
		// parcel, not the buyer's (not delivered; a pick-up point is named too, so no answer); arrived
		// "do Polski"; Russian shops' and marketplaces' statuses, whole.
		{"Отправлен в пункт выдачи.", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Colis remis au destinataire au point de retrait.", tracking.StageDelivered, tracking.SignalNone},
		{"przesyłka odebrana przez Kuriera DHL z DHL Parcelshop", tracking.StageUnknown, tracking.SignalNone},
		{"przesyłka dotarła do Polski", tracking.StageArrivedDestination, tracking.SignalNone},
		{"В сборке", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Заказ не был востребован", tracking.StageOutForDelivery, tracking.SignalReturned},
		// Batches 33 and 34: Dutch "wordt" is a future ("will be delivered"), unless it is a hold
		// going on; a pick-up from the sender that did not happen ("niet opgehaald") is data only.
		{"Zending wordt afgeleverd bij de pakketautomaat", tracking.StageUnknown, tracking.SignalNone},
		{"Zending wordt vastgehouden door de douane", tracking.StageImportCustoms, tracking.SignalCustomsHold},
		{"Afhaalzending niet opgehaald", tracking.StageDispatched, tracking.SignalLabelOnly},
		// A missing or wrong export form holds the parcel at export; a pick-up point that delivered it.
		{"Return to sender because of a missing/incorrect export form", tracking.StageExportCustoms, tracking.SignalReturned},
		{"DELIVERED BY SERVICE POINT", tracking.StageDelivered, tracking.SignalNone},
		// Batch 35: Poste Italiane's register ("Fascicolo Chiuso" is the file closed, not a business),
		// a delivery method chosen is not a delivery.
		{"Consegnato a persona abilitata - Fascicolo Chiuso", tracking.StageDelivered, tracking.SignalNone},
		{"destinatario irreperibile", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Shipment Delivery Method Set as Aramex Locker", tracking.StageUnknown, tracking.SignalNone},
		// Batch 36: shops' statuses in Asian languages, whole; a Korean delivery terminal is a depot.
		{"已支付", tracking.StageOrderCompleted, tracking.SignalNone},
		{"部分发货", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"배송 터미널 도착", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Consignee Unavailable", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		// Batches 37 and 38: leaving a branch is not waiting there; leaving the inbound gateway is the
		// domestic network; Baltic and Spanish words.
		{"Виїхало з Відділення", tracking.StageUnknown, tracking.SignalNone},
		{"Gateway Outbound", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Departed from export gateway", tracking.StageHandedToCarrier, tracking.SignalNone}, // batch 45: leaving the export hub
		{"Gateway Not Received", tracking.StageUnknown, tracking.SignalNone},
		{"Paka ir veiksmīgi piegādāta", tracking.StageDelivered, tracking.SignalNone},
		{"Takistus kohaletoimetamisel", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"ENTREGADA A CONEXIONES", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Pre Tránsito", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Batches 39 and 40: available for pick-up is a parcel waiting, not a carrier's pick-up; in
		// Greek "παραλαβή" is also the carrier's acceptance, so it reads two ways (a suggestion).
		{"Достъпно за вземане", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Διαθέσιμο για παραλαβή", tracking.StageUnknown, tracking.SignalNone},
		{"The parcel has arrived to airline", tracking.StageHandedToCarrier, tracking.SignalNone},
		// Batch 41: Indonesian customs finished; a pick-up to come is not one that happened.
		{"Bea cukai selesai", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Informasi Diterima/info diterima. Paket akan segera diambil.", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Batch 42: a parcel to be picked up by the customer is waiting for the buyer.
		{"Shipment to be picked up by customer", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		// Batches 43 to 45: a government agency is customs; an international sorting centre the text
		// places in a transit country or the origin is not the arrival; an export (import) office
		// is the office of exchange; a pick-up point that took a parcel in holds it; a future
		// ("to be delivered", "will be delivered to a locker") is not a fact; a message sent is no
		// card to collect; a consignee who received it has it; the courier's van; the sender's
		// pick-up under way or postponed; a flight booked.
		{"Forwarded to a government agency for review", tracking.StageImportCustoms, tracking.SignalNone},
		{"Arrived at the international sorting centre in the transit country", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Processed at international sorting center in country of origin", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Departed from export office", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Departure from destination import office", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Processed at export gateway", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Parcel collected by the pickup point", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Not delivered to pickup point, capacity reached", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Parcel dispatched to be delivered", tracking.StageUnknown, tracking.SignalNone},
		{"Your parcel will be delivered to a parcel locker", tracking.StageUnknown, tracking.SignalNone},
		{"SMS notification", tracking.StageUnknown, tracking.SignalNone},
		{"Consignee received the shipment", tracking.StageDelivered, tracking.SignalNone},
		{"Kuryenin aracına yüklendi", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Consignee shifted", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"No response from consignee", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Đang lấy hàng", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Hoãn lấy hàng", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Booked for flight", tracking.StageHandedToCarrier, tracking.SignalNone},
		// Batches 46 and 47: a pick-up to come is the carrier's, from the sender, unless the buyer or a
		// place to collect from is named; a parcel ready to be picked up waits for the buyer; customs
		// that failed hold it; a closed recipient is a failed attempt; a reminder e-mail is no card.
		{"Shipment will be picked up as scheduled", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Your parcel can be picked up at the post office", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Your package is ready to be picked up.", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Unsuccessful clearance", tracking.StageImportCustoms, tracking.SignalCustomsHold},
		{"Recipient is closed, will be forwarded to sorting center", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Reminder email sent", tracking.StageUnknown, tracking.SignalNone},
		{"【法国】安排投递", tracking.StageOutForDelivery, tracking.SignalNone},
		// Batches 48 and 49: Taiwan's pick-up store, a buyer who collected there, a Korean courier that
		// took the customer's item in, a parcel machine, "not registered" messages, picked up from the
		// client (the sender's side).
		{"包裹已配達指定取件門市", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"買家已到店取貨", tracking.StageDelivered, tracking.SignalNone},
		{"고객님의 상품을 인수하였습니다.", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Placed in the parcel machine", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"운송장이 등록되지 않았습니다.", tracking.StageUnknown, tracking.SignalNone},
		{"Picked up from the client", tracking.StageOutboundSorting, tracking.SignalNone},
		{"受取が完了いたしました。", tracking.StageDelivered, tracking.SignalNone},
		// Batches 50 and 51: Russian releases, refusals, unclaimed parcels, handed out at a pick-up
		// point; AliExpress's own lines in German, Spanish and Japanese; "on its way to you" is no
		// delivery round.
		{"Выпущено таможенным органом.", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Отказ клиента", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Отправление не востребовано", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Отправление выдано в пункте выдачи заказов.", tracking.StageDelivered, tracking.SignalNone},
		{"Передано авиакомпании", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Packstück 123 hat die Abflugregion verlassen", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"El paquete ha pasado la aduana", tracking.StageCustomsCleared, tracking.SignalNone},
		{"原産国を出発しました", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Your order is on its way to you", tracking.StageUnknown, tracking.SignalNone},
		{"spediti", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Vietnamese "đã" (done) folds to a drop word ("da"), so "giao hàng" (deliver) alone must say it.
		{"Đã giao hàng", tracking.StageDelivered, tracking.SignalNone},
		{"Đang giao hàng", tracking.StageOutForDelivery, tracking.SignalNone},
		// Batches 53 to 55: Romanian, Bulgarian, Hungarian and Arabic words; the sender's pick-up.
		{"Coletul a fost primit de la expeditor", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Colet predat la factor", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Пратката е оставена в локър", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Неуспешен опит за разнос", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"A csomag átvételre vár", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"A vámkezelés vége", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Wrong City", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"客户要求改地址", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Esperando recolección del paquete", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Paquete recolectado por el transportista", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Pickup Requested", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Label for the pickup created", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Pickup request cancelled by the shipper", tracking.StageUnknown, tracking.SignalNone},
		{"Shipment has not been received at the sorting center", tracking.StageUnknown, tracking.SignalNone},
		{"Transit notification", tracking.StageUnknown, tracking.SignalNone},
		// Rules traced to wrong answers on the replayed held-out texts: a parcel the courier did not
		// pick up is the sender's; waiting for a signature is not one; a pick-up to come, place last.
		{"Parcel not picked up by the courier", tracking.StageUnknown, tracking.SignalNone},
		{"等待客户签收", tracking.StageUnknown, tracking.SignalNone},
		{"集荷予定", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Batches 56 to 58: Ukrainian words; the carrier notified to collect from the sender.
		{"Посилку видано отримувачу у відділенні", tracking.StageDelivered, tracking.SignalNone},
		{"Відправлення прибуло до країни призначення", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Посилка покинула країну відправлення", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Посилку передано кур'єру", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Митне оформлення пройдено, посилка прямує до відділення", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Посилка повертається до відправника", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Zásilka dorazila na celnici", tracking.StageImportCustoms, tracking.SignalNone},
		{"Delivered, To Original Sender", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Carrier notified to pick up the parcel", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Label created, parcel not picked up yet", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Batches 59 to 61: the courier's collection from the merchant in French; French, Indonesian
		// and Arabic words for failed deliveries, wrong numbers, refusals, returns and releases.
		{"Colis en attente de ramassage par le livreur", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Courier enroute pickup", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Client injoignable", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Numéro erroné", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Paket ditolak oleh penerima", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"تعذر تسليم الشحنة للعميل", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"تم التخليص الجمركي للشحنة", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Package confirmed missing", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Objeto entregue no ponto de postagem", tracking.StageOutboundSorting, tracking.SignalNone},
		// A cancelled delivery is no delivery ("doručení" reads as delivered).
		{"Doručení zásilky bylo zrušeno", tracking.StageUnknown, tracking.SignalNone},
		// An API's lower camel case event name is read as its words ("iPhone" is not one).
		{"returnedToSender", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"deliveredToNeighbour", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Giao hàng thất bại", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		// Batches 62 to 65: a notification is a message, a notice card invites the buyer to collect;
		// the buyer's own country; in-country carriers; thefts, wet goods, unknown and moved
		// addressees, failed attempts; export customs left; a curly "won’t"; an import hub.
		{"Arrival notification", tracking.StageUnknown, tracking.SignalNone},
		{"Awizo", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Destinatario ausente, se deja aviso de llegada", tracking.StageOutForDelivery, tracking.SignalAttemptFailed}, // a card left when nobody was in
		{"Your parcel has arrived in your country", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Handed over to in country carrier", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Paquete robado", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Mercadoria molhada", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Adresa nepoznata", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Primalac odseljen", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Incorrect postcode", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Entrega impossível", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Destinatário em greve", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Greve geral", tracking.StageUnknown, tracking.SignalNone},
		{"Delivery address inaccessible", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Mailbox full", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Reagendamento de entrega", tracking.StageOutForDelivery, tracking.SignalRollback},
		{"Aguarda desalfandegamento", tracking.StageImportCustoms, tracking.SignalNone},
		{"Encomenda sai do país", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Partida do trânsito internacional", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Entregue a terceiros", tracking.StageDelivered, tracking.SignalDeliveredElsewhere},
		{"Custom cleared", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Delivery confirmed", tracking.StageDelivered, tracking.SignalNone},
		{"Saturday delivery confirmed", tracking.StageUnknown, tracking.SignalNone},
		{"Entrega bem sucedida", tracking.StageDelivered, tracking.SignalNone},
		{"Saída da alfândega de exportação", tracking.StageExportCustoms, tracking.SignalNone},
		{"Order cancelled, it won’t be delivered", tracking.StageUnknown, tracking.SignalNone},
		{"Arrived at your country's import hub", tracking.StageArrivedDestination, tracking.SignalNone},
		// Batches 66 to 68: a courier assigned or on the way "to pick up" is the sender's side; delivered
		// to the destination country is the arrival there; completion, returns, damage, refusals and
		// failed attempts in es, pt and id; InPost's English codes.
		{"Courier assigned, waiting to pick up", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Driver is on the way to pick up the parcel", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Pickup pending", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Shipment delivered to destination country", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Arrived at the nearest hub", tracking.StageCustomsCleared, tracking.SignalNone},
		{"RECOGIDA EFECTUADA", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Coleta feita", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Encomenda retornou", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Paket rusak", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Paket hilang", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Penerima menolak paket", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Denegado por cliente", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Customer unreachable", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Intentos agotados", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Shipment documented", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"taken_by_courier", tracking.StageOutboundSorting, tracking.SignalNone},
		{"stack_in_box_machine", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"pickup_reminder_sent", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Errors in address", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Closed for vacations", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		// Batches 69 and 70: a post's border point is its office of exchange, on whichever side it is.
		{"Arrival at the border point of the destination country", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Ankunft an Grenzstelle im Aufgabeland", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Abgang Grenzstelle Aufgabeland", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Die Sendung kann abgeholt werden", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"O objeto está sendo entregue", tracking.StageOutForDelivery, tracking.SignalNone},
		// Batches 71 to 74: the sender's country is the origin, a last-mile service provider is the
		// last mile, a parcel declared lost is lost, Lithuanian and Serbian (Cyrillic) core words.
		{"Siunta sulaikyta siuntėjo šalies muitinėje", tracking.StageExportCustoms, tracking.SignalNone},
		{"Siunta išsiųsta iš gavėjo šalies skirstymo centro", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Siuntos tikrinimas gavėjo šalies muitinėje baigtas", tracking.StageCustomsCleared, tracking.SignalNone},
		{"The package has been transferred to the final delivery service provider.", tracking.StageCustomsCleared, tracking.SignalNone},
		{"After a thorough investigation, the parcel was declared as lost", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"4 volumes liberados na base REC - RECIFE pela alfandega", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Parcel in recipient’s country", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Siunta pristatyta į atsiėmimo vietą", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Siunta pristatyta sunaikinimui", tracking.StageOutForDelivery, tracking.SignalDamagedLost},
		{"Враћено пошиљаоцу", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Адреса непозната", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		// Batches 75 and 76: Hindi and Gujarati (scripts the lexicon had no word of), a customs
		// process completed or passed, a route that is only pending.
		{"डिलीवरी के लिए निकला", tracking.StageOutForDelivery, tracking.SignalNone},
		{"પિકઅપ માટે ઉપલબ્ધ", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"प्रेषक को वापस करें", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Colný proces dokončený", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Trecut de vamă", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Nu a putut fi livrat", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Salida a ruta", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Envío pendiente de salida a ruta local", tracking.StageUnknown, tracking.SignalNone},
		// Batch 77: "hoàn" alone is a return, "hoàn tất" (completed) is none; customs passed; a future.
		{"Hoàn tất", tracking.StageUnknown, tracking.SignalNone},
		{"Chuyển hoàn", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"已通过海关", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Выдано для доставки", tracking.StageOutForDelivery, tracking.SignalNone},
		{"I dettagli di tracciamento saranno disponibili una volta spedito.", tracking.StageUnknown, tracking.SignalNone},
		// Batches 78 to 80: Hong Kong is an origin; printed labels, a pick-up point, delivered and
		// awaiting collection in de, fr, es, uk; a customs bond; "<item> shipped" alone is the data.
		{"Departed from Hong Kong", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"离开香港", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Processed at CHINA", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Item departed", tracking.StageUnknown, tracking.SignalNone}, // without its carrier, no side (TestClassifyEventCarrierAndCode)
		{"Colis arrivé au point de collecte", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Ruecksendung an den Absender", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Geliefert", tracking.StageDelivered, tracking.SignalNone},
		{"Entrega exitosa", tracking.StageDelivered, tracking.SignalNone},
		{"Посилка очікує отримання", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Доставляється кур'єром", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Shipment released from bond", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Label ausgedruckt", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"AWB assigned to shipment", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Parcel shipped", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Prénotifiée", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Batches 81 to 83: Korean "not" (미, 안, 못) stands at a word's start, not inside a city's
		// name; Greek "not"; Chinese names of destinations; Portuguese failed attempts and returns;
		// French pick-up points and paid orders; a place agreed for leaving a parcel.
		{"구미 배송완료", tracking.StageDelivered, tracking.SignalNone},
		{"미배송", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Δεν είναι διαθέσιμο", tracking.StageUnknown, tracking.SignalNone},
		{"包裹到达西班牙", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Destinatário não estava no local", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Objeto retornando ao remetente", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Colis disponible au point de ramassage", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Paiement accepté", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Parcel left in agreed location", tracking.StageDelivered, tracking.SignalNone},
		{"Ihre Sendung wird gleich zugestellt", tracking.StageOutForDelivery, tracking.SignalNone},
		// Batches 84 and 85: who does what at a locker (a courier collects there from the sender or
		// drops off for the buyer; a customer drops off as a sender or collects as the buyer); a
		// courier refusing a parcel is no buyer's refusal; a web page's error; a destination
		// distribution hub; Chilean, Israeli and Swiss Post wordings.
		{"Parcel dropped off at parcel locker by courier", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Parcel picked up at the locker by the customer", tracking.StageDelivered, tracking.SignalNone},
		{"Consumer collected parcel from locker", tracking.StageDelivered, tracking.SignalNone},
		{"Pickup point change requested by customer", tracking.StageUnknown, tracking.SignalNone},
		{"Driver refused the parcel", tracking.StageUnknown, tracking.SignalNone},
		{"Something went wrong. Try again later.", tracking.StageUnknown, tracking.SignalNone},
		{"Item held at destination distribution hub", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Sin moradores en el domicilio", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Rechazado destinatario", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Error de dirección", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"החבילה הגיעה לארץ", tracking.StageArrivedDestination, tracking.SignalNone},
		{"החבילה ממתינה לך ביחידת הדואר", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Réception des données", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Chargement pour la livraison", tracking.StageOutForDelivery, tracking.SignalNone},
		// Plain English words that unread texts of many batches had.
		{"Parcels sorting", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Consignee moved", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Receiver not found", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Wrong postal code", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		// Batches 86 to 89: AliExpress's Spanish statuses; customs passed (es, nl, zh); the local
		// delivery company and centre; exported and imported (fr, en); Turkish transfer centres
		// and the courier's custody; Polish kiosks; Romanian delivery depots; paid and on hold in
		// Japanese and Korean store statuses; Arabic "not"; a Korean import declaration received;
		// an order received by the carrier; a cancelled operation; returns (nl); absent
		// recipients and places outside the delivery area (es, tr).
		{"Saliendo del país/región de salida", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"El paquete ha llegado al país/región de tránsito", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Su pedido pasó las aduanas", tracking.StageCustomsCleared, tracking.SignalNone},
		{"包裹已过海关", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Douane afgehandeld", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Recibido por la empresa local de reparto", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Llegó al centro local de reparto", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Exporté du pays de départ", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Importé dans le pays de destination", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Exported from the country of origin", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Kargo transfer merkezine indi", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Kurye zimmete aldı", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Paczka w kiosku", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Coletul a ajuns la depozitul de livrare", tracking.StageCustomsCleared, tracking.SignalNone},
		{"支払い済み", tracking.StageOrderCompleted, tracking.SignalNone},
		{"결제 완료", tracking.StageOrderCompleted, tracking.SignalNone},
		{"保留", tracking.StageOrderCompleted, tracking.SignalNone},
		{"غير متاح للاستلام", tracking.StageUnknown, tracking.SignalNone},
		{"수입신고 접수", tracking.StageImportCustoms, tracking.SignalNone},
		{"El pedido fue recibido por el transportista", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Отмена прибытия", tracking.StageUnknown, tracking.SignalNone},
		{"Отмена возврата", tracking.StageUnknown, tracking.SignalNone},
		{"Отмена отправки на рейс", tracking.StageUnknown, tracking.SignalNone},
		{"Zending geretourneerd naar afzender", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Alıcı adresinde yok", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Fuera de cobertura", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		// Batches 90 to 92: Czech failed deliveries and parcel centres, Hungarian recipients not
		// found, parcel points and postcodes, Indonesian couriers, Vietnamese orders not delivered,
		// store statuses in Bulgarian and Turkish; a seller's hand-over to the carrier is the
		// parcel; a locker "waiting for the recipient to pick up" is waiting there; "kann ...
		// abgeholt werden" is for the buyer, "soll abgeholt werden" the courier's future pick-up.
		{"Zásilku nebylo možné doručit, protože příjemce byl na dovolené.", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Zásilka dorazila do balíkového centra", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Předáno příjemci", tracking.StageDelivered, tracking.SignalNone},
		{"Átvevő nem található", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Csomag a CsomagPontban", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Rossz irányítószám", tracking.StageOutForDelivery, tracking.SignalAddressIssue},
		{"Paket telah diterima di gudang kota tujuan", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Kurir sedang membawa paket ke alamat penerima", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Paket sudah diterima", tracking.StageDelivered, tracking.SignalNone},
		{"Tidak ada orang di rumah", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Đơn hàng không giao thành công", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Đơn hàng đang được bàn giao cho bưu cục", tracking.StageUnknown, tracking.SignalNone}, // an order "in progress" handed to a post office is no store status
		{"Đơn hàng đang được chuyển cho khách hàng", tracking.StageUnknown, tracking.SignalNone},
		{"Платено", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Kargolandı", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"The seller has handed the parcel to the carrier", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Handed over to the locker, waiting for the consignee to pick up", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Ihr Paket kann in der Filiale abgeholt werden", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Das Paket soll abgeholt werden", tracking.StageDispatched, tracking.SignalLabelOnly},
		// Wrong answers of the replayed held-out batches that today's rules still gave: a seller
		// refusing an order and a buyer's return being paid for are no parcel going back; a
		// recipient who did not pick it up leaves it waiting; "en manos del repartidor" is out for
		// delivery.
		{"The seller refused the order", tracking.StageUnknown, tracking.SignalNone},
		{"Return payment pending", tracking.StageUnknown, tracking.SignalNone},
		{"Recipient did not pick up the parcel", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"El paquete está en manos del repartidor", tracking.StageOutForDelivery, tracking.SignalNone},
		// "Order created" is a store's order as often as a carrier's shipping order (replayed
		// held-out texts: 14 right, 13 wrong): left to a person; a shipment created is the data.
		{"Order created", tracking.StageUnknown, tracking.SignalNone},
		{"Shipment created", tracking.StageDispatched, tracking.SignalLabelOnly},
		// A scan at an airport was right 6 times and wrong 7 on the replayed held-out texts (the
		// origin's or the destination's airport): it decides only a text the lexicon fully knows.
		{"Cargo received by partner at the airport", tracking.StageUnknown, tracking.SignalNone},
		{"Arrived at the airport", tracking.StageHandedToCarrier, tracking.SignalNone},
		// Batches 93 and 94: store statuses in the languages of Spree, Sylius and Saleor; a delivery
		// not made; a closed warehouse (pl); a parcel lying at a branch (de); a Finnish transport
		// company on its way to pick up; a refund (pl) is no return.
		{"已经发货", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Retornat", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Pagou", tracking.StageOrderCompleted, tracking.SignalNone},
		{"A processar", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Delivery was not made.", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Magazyn zamknięty", tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{"Die Sendung liegt ab sofort in der Filiale", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Odottaa kuljetusyhtiön noutoa", tracking.StageDispatched, tracking.SignalLabelOnly},
		{"Zwrócono środki", tracking.StageUnknown, tracking.SignalNone},
		// Batches 95 and 96: a re-delivery; available for pick-up (fr, the buyer's); delivered by
		// the carrier to the destination country is an arrival there.
		{"Parcel awaiting re-delivery", tracking.StageOutForDelivery, tracking.SignalRollback},
		{"Colis disponible pour le ramassage", tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		{"Отправление доставлено перевозчиком в страну назначения", tracking.StageArrivedDestination, tracking.SignalNone},
		// An arrival in the destination country beside a later stage is no rival reading: the
		// parcel arrived and went on ("(Inb)" marks an inbound event). Chinese 派送 before a place
		// is the delivery side, not "out for delivery".
		{"Item delivered to addressee (Inb)", tracking.StageDelivered, tracking.SignalNone},
		{"Clearance processing complete at CHICAGO GATEWAY - USA", tracking.StageCustomsCleared, tracking.SignalNone},
		{"到达目的国派送处理中心", tracking.StageCustomsCleared, tracking.SignalNone},
		{"已到达派送点", tracking.StageCustomsCleared, tracking.SignalNone},
		// Rules that were wrong for most of the held-out texts they decided (BATCHES.md, after batch 47):
		// a bare gateway, a hand-over to "a carrier" (TestClassifyEventCarrierAndCode: a first-mile
		// consolidator's is to the airline), "processed" with export.
		{"Parcel at gateway", tracking.StageUnknown, tracking.SignalNone},
		{"Handed over to carrier", tracking.StageUnknown, tracking.SignalNone},
		{"Handed over to export carrier", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Processed at export hub", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Export clearance completed", tracking.StageExportCustoms, tracking.SignalNone},

		// Full-width and decomposed forms.
		{"Ｄｅｌｉｖｅｒｅｄ", tracking.StageDelivered, tracking.SignalNone},
		{"Votre colis est de\u0301douane\u0301", tracking.StageCustomsCleared, tracking.SignalNone},
	} {
		st, sg := cls.Classify(tt.text)
		if got, want := fmt.Sprint(st, " ", sg), fmt.Sprint(tt.stage, " ", tt.signal); got != want {
			t.Errorf("Classify(%q) = %s, want %s", tt.text, got, want)
		}
	}
}

func TestClassifyStageCell(t *testing.T) {
	t.Parallel()
	// A status cell may hold a canonical stage: it wins over every rule, with no signal, even for
	// a seller who has a rule for the same words.
	cls := tracking.NewClassifier([]tracking.Rule{{Pattern: "delivered", Stage: tracking.StageOutForDelivery}})
	for _, tt := range []struct {
		text  string
		stage tracking.Stage
	}{
		{"export_customs", tracking.StageExportCustoms},
		{"Clearing Customs (Export)", tracking.StageExportCustoms},
		{"clearing customs (export)", tracking.StageExportCustoms},
		{"5", tracking.StageExportCustoms},
		{" 11 ", tracking.StageDelivered},
		{"Delivered", tracking.StageDelivered},
		{"OUT_FOR_DELIVERY", tracking.StageOutForDelivery},
		{"Hand Over to Carrier (Air/Sea)", tracking.StageHandedToCarrier},
		{"0", tracking.StageUnknown},
		{"12", tracking.StageUnknown},
		{"-3", tracking.StageUnknown},
	} {
		st, sg := cls.Classify(tt.text)
		if got, want := st, tt.stage; got != want {
			t.Errorf("Classify(%q) stage = %v, want %v", tt.text, got, want)
		}
		if got, want := sg, tracking.SignalNone; got != want {
			t.Errorf("Classify(%q) signal = %v, want %v", tt.text, got, want)
		}
	}
}

func TestClassifyUnknown(t *testing.T) {
	t.Parallel()
	cls := tracking.BuiltinClassifier()
	for _, text := range []string{"", "   ", "In transit", "Tracking information not available yet",
		"Awaiting payment", "---", "[Shenzhen]", "12345", "Lorem ipsum dolor sit amet"} {
		st, sg := cls.Classify(text)
		if got, want := fmt.Sprint(st, " ", sg), "unknown none"; got != want {
			t.Errorf("Classify(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestClassifySellerRules(t *testing.T) {
	t.Parallel()
	rules := []tracking.Rule{
		// A seller whose supplier's "sorting center" is really the airport hand-over.
		{Pattern: tracking.NormalizeStatus("[Shenzhen] Departed from sorting center"), Stage: tracking.StageHandedToCarrier},
		{Pattern: "arrived at hub", Stage: tracking.StageArrivedDestination},
		{Pattern: "arrived at hub b", Stage: tracking.StageCustomsCleared, Signal: tracking.SignalCustomsHold},
		{Pattern: "parcel", Stage: tracking.StageOutboundSorting},
		// Invalid rules are ignored rather than producing an invalid result.
		{Pattern: "awaiting payment", Stage: tracking.StageUnknown},
		{Pattern: "awaiting payment", Stage: tracking.Stage(42)},
		{Pattern: "awaiting payment", Stage: tracking.StageOrderCompleted, Signal: "bogus"},
		{Pattern: "---", Stage: tracking.StageOrderCompleted},
	}
	cls := tracking.NewClassifier(rules)
	for _, tt := range []struct {
		text   string
		stage  tracking.Stage
		signal tracking.Signal
	}{
		// Seller rules beat the built-in rule (3), whatever the location prefix.
		{"[Guangzhou] Departed from sorting center", tracking.StageHandedToCarrier, tracking.SignalNone},
		{"Departed from sorting center", tracking.StageHandedToCarrier, tracking.SignalNone},
		// Contained as whole words, and the longest pattern wins.
		{"Arrived at hub", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Arrived at hub, please wait", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Arrived at hub B (Leipzig)", tracking.StageCustomsCleared, tracking.SignalCustomsHold},
		{"Delivered parcel", tracking.StageOutboundSorting, tracking.SignalNone},
		// Not as part of a word: "parcels" is not "parcel", "hubs" not "hub".
		{"Parcels delivered", tracking.StageDelivered, tracking.SignalNone},
		{"Arrived at hubs", tracking.StageUnknown, tracking.SignalNone},
		// The invalid rules did nothing.
		{"Awaiting payment", tracking.StageUnknown, tracking.SignalNone},
		// Without a seller rule, the built-ins answer.
		{"Out for delivery", tracking.StageOutForDelivery, tracking.SignalNone},
	} {
		st, sg := cls.Classify(tt.text)
		if got, want := fmt.Sprint(st, " ", sg), fmt.Sprint(tt.stage, " ", tt.signal); got != want {
			t.Errorf("Classify(%q) = %s, want %s", tt.text, got, want)
		}
	}

	// Between patterns of one length the answer does not depend on the order the store loaded
	// the rules in; for one pattern listed twice, the first wins.
	one := tracking.Rule{Pattern: "hub one", Stage: tracking.StageArrivedDestination}
	two := tracking.Rule{Pattern: "hub two", Stage: tracking.StageCustomsCleared}
	for _, rules := range [][]tracking.Rule{{one, two}, {two, one}} {
		if got, _ := tracking.NewClassifier(rules).Classify("hub two hub one"); got != tracking.StageArrivedDestination {
			t.Errorf("tie between seller rules %v = %v, want %v", rules, got, tracking.StageArrivedDestination)
		}
	}
	twice := tracking.NewClassifier([]tracking.Rule{one, {Pattern: "Hub One", Stage: tracking.StageDelivered}})
	if got, _ := twice.Classify("hub one"); got != tracking.StageArrivedDestination {
		t.Errorf("pattern listed twice = %v, want the first rule's %v", got, tracking.StageArrivedDestination)
	}

	// The built-in classifier is not changed by a seller's classifier.
	if got, _ := tracking.BuiltinClassifier().Classify("Departed from sorting center"); got != tracking.StageOutboundSorting {
		t.Errorf("built-in after seller rules = %v, want %v", got, tracking.StageOutboundSorting)
	}
	// No rules, the zero Classifier and a nil *Classifier all classify with the built-ins.
	var zero tracking.Classifier
	var none *tracking.Classifier
	for name, c := range map[string]*tracking.Classifier{"NewClassifier(nil)": tracking.NewClassifier(nil), "zero": &zero, "nil": none} {
		if got, _ := c.Classify("Departed from sorting center"); got != tracking.StageOutboundSorting {
			t.Errorf("%s classifier = %v, want %v", name, got, tracking.StageOutboundSorting)
		}
	}
}

func TestNormalizeStatus(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"[Shenzhen] Departed from sorting center", "departed from sorting center"},
		{"【深圳市】Departed from sorting center", "departed from sorting center"},
		{"[Dalingshan Town] - Received by logistics company", "received by logistics company"},
		{"SHENZHEN, CN - Departed from sorting center", "departed from sorting center"},
		{"Shenzhen, CN - Departed from sorting center", "departed from sorting center"},
		{"Shenzhen - Departed from sorting center", "departed from sorting center"},
		{"Departed from sorting center - Guangzhou", "departed from sorting center"},
		{"Departed from sorting center, SHENZHEN, CN", "departed from sorting center"},
		{"BURNABY, Item in transit", "item in transit"},
		{"Out for Delivery, LOS ANGELES, CA 90009", "out for delivery"},
		{"Delivered, Parcel Locker - CHICAGO, IL 60601", "delivered, parcel locker"},
		{"Departed Facility in HONG KONG - HONG KONG", "departed facility in hong kong"},
		{"Giao thất bại", "giao that bai"}, // accents beyond Latin-1 fold by their decomposition
		{"  Import   clearance\tstart.  ", "import clearance start"},
		{"Votre colis est DÉDOUANÉ !", "votre colis est dedouane"},
		{"Zustellung erfolgreich.", "zustellung erfolgreich"},
		{"Straße", "strasse"},
		{"Ｄｅｌｉｖｅｒｅｄ", "delivered"},
		{"We’ve got it", "we've got it"},
		{"- Delivered -", "delivered"},
		// Kept: the word is the status, or the place is mid-sentence, or it is not a place.
		{"Delivered - Parcel Locker", "delivered - parcel locker"},
		{"Delivered - Left in a safe place", "delivered - left in a safe place"},
		{"Item Received at LONDON MAIL CENTRE", "item received at london mail centre"},
		{"Receive item from customer (Otb)", "receive item from customer (otb)"},
		{"Sorry, we missed you", "sorry, we missed you"},
		{"DELIVERED, FRONT DESK", "delivered, front desk"},
		{"[Delivered] Left at front door", "[delivered] left at front door"},
		{"Notice Left (No Authorized Recipient Available)", "notice left (no authorized recipient available)"},
		{"", ""},
		{"  [Shenzhen]  ", "[shenzhen]"},
	} {
		if got, want := tracking.NormalizeStatus(tt.in), tt.want; got != want {
			t.Errorf("NormalizeStatus(%q) = %q, want %q", tt.in, got, want)
		}
		// A normal form is its own normal form, so a rule made from it keeps matching.
		if got, want := tracking.NormalizeStatus(tt.want), tt.want; got != want {
			t.Errorf("NormalizeStatus(%q) = %q, want it unchanged", tt.want, got)
		}
	}
	// Texts that differ by place only are grouped as one unmapped text.
	if got, want := tracking.NormalizeStatus("[Yiwu] Parcel scanned at gateway"), tracking.NormalizeStatus("SHENZHEN, CN - Parcel scanned at gateway"); got != want {
		t.Errorf("grouping: %q != %q", got, want)
	}
}

func TestClassifyConcurrent(t *testing.T) {
	t.Parallel()
	cls := tracking.NewClassifier([]tracking.Rule{{Pattern: "arrived at hub", Stage: tracking.StageArrivedDestination}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				if got, _ := cls.Classify("[Leipzig] Arrived at hub"); got != tracking.StageArrivedDestination {
					t.Errorf("Classify = %v", got)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"", "Delivered", "[Shenzhen] Departed from sorting center", "【深圳市】已签收",
		"SHENZHEN, CN - Hand over to airline", "Out for Delivery, LOS ANGELES, CA 90009", "5", "export_customs",
		"Delivered back to sender", "((((", "[]", "- , -", "\xff\xfe", "Ｄｅｌｉｖｅｒｅｄ", "e\u0301"} {
		f.Add(s)
	}
	for _, r := range mustReadCorpus(f) {
		f.Add(r.text)
	}
	// A seller rule made from a fuzzed text must match that text.
	f.Fuzz(func(t *testing.T, text string) {
		for _, cls := range []*tracking.Classifier{
			tracking.BuiltinClassifier(),
			tracking.NewClassifier([]tracking.Rule{{Pattern: tracking.NormalizeStatus(text), Stage: tracking.StageArrivedDestination, Signal: tracking.SignalRollback}}),
		} {
			st, sg := cls.Classify(text)
			if st != tracking.StageUnknown && !st.Valid() {
				t.Fatalf("Classify(%q) stage = %d", text, st)
			}
			if !sg.Valid() {
				t.Fatalf("Classify(%q) signal = %q", text, sg)
			}
			if st == tracking.StageUnknown && sg != tracking.SignalNone {
				t.Fatalf("Classify(%q) = unknown with signal %q", text, sg)
			}
		}
		norm := tracking.NormalizeStatus(text)
		if again := tracking.NormalizeStatus(norm); again != norm {
			t.Fatalf("NormalizeStatus not idempotent: %q → %q → %q", text, norm, again)
		}
	})
}

func TestClassifyReadsParts(t *testing.T) {
	t.Parallel()
	cls := tracking.BuiltinClassifier()
	for _, tt := range []struct {
		text   string
		stage  tracking.Stage
		signal tracking.Signal
	}{
		// Sentences the rules do not list, made of parts the lexicon knows.
		{"Objeto saiu do país de origem", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"O objeto chegou ao país de destino", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Die Sendung hat das Herkunftsland verlassen", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Przesyłka opuściła kraj nadania", tracking.StageDepartedOrigin, tracking.SignalNone},
		{"Lähetys on saapunut kohdemaahan", tracking.StageArrivedDestination, tracking.SignalNone},
		{"Paketet är ute för leverans", tracking.StageOutForDelivery, tracking.SignalNone},
		{"Zásilka byla doručena", tracking.StageDelivered, tracking.SignalNone},
		{"Kargo teslim edildi", tracking.StageDelivered, tracking.SignalNone},
		{"배달완료되었습니다", tracking.StageDelivered, tracking.SignalNone},
		{"Paket gümrükte bekliyor", tracking.StageImportCustoms, tracking.SignalNone},
		{"Spedizione consegnata al destinatario", tracking.StageDelivered, tracking.SignalNone},

		// A negation or a future is not a fact.
		{"Not yet departed from origin country", tracking.StageUnknown, tracking.SignalNone},
		{"Your parcel will arrive at the destination country soon", tracking.StageUnknown, tracking.SignalNone},
		{"Shipment arrived in Canada and will be presented for customs review", tracking.StageArrivedDestination, tracking.SignalNone},

		// A parcel delivered back to its sender is returned, never delivered.
		{"Returns delivered", tracking.StageOutForDelivery, tracking.SignalReturned},
		{"Delivered back to sender", tracking.StageOutForDelivery, tracking.SignalReturned},

		// A store's order status, whole, is paid-not-shipped; the same word in a scan is not.
		{"Unfulfilled", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Processing", tracking.StageOrderCompleted, tracking.SignalNone},
		{"Processing at sorting center", tracking.StageOutboundSorting, tracking.SignalNone},
		{"Awaiting payment", tracking.StageUnknown, tracking.SignalNone},
		{"Invalid tracking number", tracking.StageUnknown, tracking.SignalNone},

		// Customs named with export is export customs; a release is cleared.
		{"Item presented to export customs", tracking.StageExportCustoms, tracking.SignalNone},
		{"Votre colis est dédouané", tracking.StageCustomsCleared, tracking.SignalNone},
		{"Zollfreigabe", tracking.StageCustomsCleared, tracking.SignalNone},
	} {
		st, sg := cls.Classify(tt.text)
		if got, want := fmt.Sprint(st, " ", sg), fmt.Sprint(tt.stage, " ", tt.signal); got != want {
			t.Errorf("Classify(%q) = %s, want %s", tt.text, got, want)
		}
	}
}

func TestClassifyEventCarrierAndCode(t *testing.T) {
	t.Parallel()
	cls := tracking.BuiltinClassifier()
	for _, tt := range []struct {
		event tracking.Event
		stage tracking.Stage
		sig   tracking.Signal
	}{
		// A facility scan alone is read at its lowest stage; a last-mile carrier's is after customs.
		{tracking.Event{Text: "Item Received at LONDON MAIL CENTRE"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "Item Received at LONDON MAIL CENTRE", Carrier: "Royal Mail"}, tracking.StageCustomsCleared, tracking.SignalNone},
		{tracking.Event{Text: "Item Received at LONDON MAIL CENTRE", Carrier: "Cainiao"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "In transit to next facility"}, tracking.StageUnknown, tracking.SignalNone},
		{tracking.Event{Text: "In transit to next facility", Carrier: "USPS"}, tracking.StageCustomsCleared, tracking.SignalNone},
		// A last-mile carrier's bare move is after customs; the same words alone, or with a pickup
		// point named, are not.
		{tracking.Event{Text: "Movement / tour vehicle arrived"}, tracking.StageUnknown, tracking.SignalNone},
		{tracking.Event{Text: "Movement / tour vehicle arrived", Carrier: "DHL Paket"}, tracking.StageCustomsCleared, tracking.SignalNone},
		{tracking.Event{Text: "parcel arrived at the Relay Point", Carrier: "Mondial Relay"}, tracking.StageOutForDelivery, tracking.SignalPickupAvailable},
		// A last-mile carrier's "destination" is its destination depot, unless a border is named.
		{tracking.Event{Text: "Item arrived at destination"}, tracking.StageArrivedDestination, tracking.SignalNone},
		{tracking.Event{Text: "Item arrived at destination", Carrier: "Royal Mail"}, tracking.StageCustomsCleared, tracking.SignalNone},
		{tracking.Event{Text: "Item arrived at destination country", Carrier: "Royal Mail"}, tracking.StageArrivedDestination, tracking.SignalNone},
		// A notification sent, or goods sent another way, is no move of the parcel.
		{tracking.Event{Text: "Delivery notification sent to the recipient", Carrier: "PostNord"}, tracking.StageUnknown, tracking.SignalNone},
		{tracking.Event{Text: "Pickup request cancelled, goods sent by other means", Carrier: "GLS"}, tracking.StageUnknown, tracking.SignalNone},
		// A first-mile carrier's bare arrival or scan is before export; its departure may be the
		// flight abroad, so it stays unread.
		{tracking.Event{Text: "到件扫描"}, tracking.StageUnknown, tracking.SignalNone},
		{tracking.Event{Text: "到件扫描", Carrier: "China Post"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "SC_ARRIVE", Carrier: "Cainiao"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "Processed at HONG KONG", Carrier: "YunExpress"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "离开上海市 发往洛杉矶", Carrier: "China Post"}, tracking.StageUnknown, tracking.SignalNone},
		{tracking.Event{Text: "Arrived, out for delivery", Carrier: "Cainiao"}, tracking.StageOutForDelivery, tracking.SignalNone},
		{tracking.Event{Text: "Item departed", Carrier: "4PX Express"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "Item departed", Carrier: "Correios"}, tracking.StageCustomsCleared, tracking.SignalNone},
		{tracking.Event{Text: "Handed over to carrier", Carrier: "Yanwen"}, tracking.StageHandedToCarrier, tracking.SignalNone},
		{tracking.Event{Text: "Handed over to carrier", Carrier: "DHL Paket"}, tracking.StageUnknown, tracking.SignalNone},
		// A named border keeps its meaning whoever prints it.
		{tracking.Event{Text: "Arrived at facility in destination country", Carrier: "Australia Post"}, tracking.StageArrivedDestination, tracking.SignalNone},
		// A code beats the text; a code that places nothing leaves the text to decide.
		{tracking.Event{Text: "Delivered", Code: "EMH"}, tracking.StageOutForDelivery, tracking.SignalAttemptFailed},
		{tracking.Event{Text: "whatever", Code: " cc_im_start "}, tracking.StageImportCustoms, tracking.SignalNone},
		{tracking.Event{Text: "whatever", Code: "InTransit_CustomsReleased"}, tracking.StageCustomsCleared, tracking.SignalNone},
		{tracking.Event{Text: "Out for delivery", Code: "InTransit"}, tracking.StageOutForDelivery, tracking.SignalNone},
		{tracking.Event{Text: "Out for delivery", Code: "NO_SUCH_CODE"}, tracking.StageOutForDelivery, tracking.SignalNone},
		// A status text that is itself a code of a known system is read as that code...
		{tracking.Event{Text: "LH_DEPART"}, tracking.StageDepartedOrigin, tracking.SignalNone},
		{tracking.Event{Text: " InfoReceived "}, tracking.StageDispatched, tracking.SignalLabelOnly},
		{tracking.Event{Text: "transit004"}, tracking.StageArrivedDestination, tracking.SignalNone},
		// ...but a plain word is text, whatever a code table makes of it (TrackingMore's "pickup"
		// is out for delivery; a carrier's "Pickup" is its pick-up from the sender).
		{tracking.Event{Text: "pickup"}, tracking.StageOutboundSorting, tracking.SignalNone},
		{tracking.Event{Text: "PickUp"}, tracking.StageOutboundSorting, tracking.SignalNone},
		// An unknown camel-case code is read as the words it is made of.
		{tracking.Event{Text: "DestinationAirPortArrival"}, tracking.StageArrivedDestination, tracking.SignalNone},
		{tracking.Event{Text: "ClearanceSuccessed_Export"}, tracking.StageExportCustoms, tracking.SignalNone},
		{tracking.Event{Text: "HandoverLastMile"}, tracking.StageCustomsCleared, tracking.SignalNone},
	} {
		st, sg := cls.ClassifyEvent(tt.event)
		if got, want := fmt.Sprint(st, " ", sg), fmt.Sprint(tt.stage, " ", tt.sig); got != want {
			t.Errorf("ClassifyEvent(%+v) = %s, want %s", tt.event, got, want)
		}
	}
	for carrier, want := range map[string]tracking.Side{"USPS": tracking.SideLastMile, "Correios": tracking.SideLastMile,
		"PostNord Sverige": tracking.SideLastMile, "Cainiao": tracking.SideFirstMile, "4PX Express": tracking.SideFirstMile,
		"China Post": tracking.SideFirstMile, "": tracking.SideUnknown, "Some Courier": tracking.SideUnknown, "FedEx": tracking.SideUnknown} {
		if got := tracking.CarrierSide(carrier); got != want {
			t.Errorf("CarrierSide(%q) = %v, want %v", carrier, got, want)
		}
		if got := tracking.IsLastMile(carrier); got != (want == tracking.SideLastMile) {
			t.Errorf("IsLastMile(%q) = %v", carrier, got)
		}
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	cls := tracking.BuiltinClassifier()
	ex := cls.Explain(tracking.Event{Text: "Objeto saiu do país de origem"})
	if ex.Stage != tracking.StageDepartedOrigin || ex.By != "rule" || !strings.Contains(ex.Reason, "saiu = DEPART") ||
		!strings.Contains(ex.Reason, "→ 6") || ex.Suggestion != nil {
		t.Errorf("Explain = %+v", ex)
	}
	// Unmapped, but with a reading set aside: offered as a suggestion, never as the answer.
	ex = cls.Explain(tracking.Event{Text: "Not yet departed from origin country"})
	if ex.Stage != tracking.StageUnknown || ex.Suggestion == nil || ex.Suggestion.Stage != tracking.StageDepartedOrigin {
		t.Errorf("Explain(negated) = %+v", ex)
	}
	// Two readings far apart on different words: unmapped, the first-ranked as a suggestion that
	// may be accepted in bulk, and the reason names both. A return beside a facility is no rival.
	ex = cls.Explain(tracking.Event{Text: "The parcel has arrived at the final airport (the flight itself has landed)."})
	if ex.Stage != tracking.StageUnknown || ex.Suggestion == nil || ex.Suggestion.Guess || ex.Suggestion.Stage != tracking.StageArrivedDestination ||
		!strings.Contains(ex.Reason, "reads two ways") || !strings.Contains(ex.Reason, "→ 4") || !strings.Contains(ex.Reason, "→ 7") {
		t.Errorf("Explain(two readings) = %+v", ex)
	}
	if st, sg := cls.Classify("Return: Arrived to the Branch"); st != tracking.StageOutForDelivery || sg != tracking.SignalReturned {
		t.Errorf("Classify(return at a facility) = %v,%v, want 10,returned", st, sg)
	}
	// An unsure rule (rules.go) decides a text whose every word the lexicon knows; beside a word it
	// does not know, its reading is only a guess, never accepted in bulk.
	if st, _ := cls.Classify("Shipment picked up"); st != tracking.StageOutboundSorting {
		t.Errorf("Classify(Shipment picked up) = %v, want outbound_sorting", st)
	}
	ex = cls.Explain(tracking.Event{Text: "Pickup Queued"})
	if ex.Stage != tracking.StageUnknown || ex.Suggestion == nil || !ex.Suggestion.Guess ||
		ex.Suggestion.Stage != tracking.StageOutboundSorting || !strings.Contains(ex.Reason, "as often wrong as right") {
		t.Errorf("Explain(unsure rule, unknown word) = %+v", ex)
	}
	if st, _ := cls.ClassifyEvent(tracking.Event{Text: "Pickup Queued", Carrier: "Cainiao"}); st != tracking.StageOutboundSorting {
		t.Errorf("ClassifyEvent(Pickup Queued, Cainiao) = %v, want outbound_sorting: a consolidator's pick-up", st)
	}
	// The model guesses for a text no rule reads only when it is sure enough (model.go): words it
	// has seen in line-haul texts, yes; words it has never seen, no.
	ex = cls.Explain(tracking.Event{Text: "Linehaul manifest ping"})
	if ex.Stage != tracking.StageUnknown || ex.Suggestion == nil || !ex.Suggestion.Guess || ex.Suggestion.Confidence < 0.4 {
		t.Errorf("Explain(a text only the model reads) = %+v", ex)
	}
	if ex = cls.Explain(tracking.Event{Text: "Zorblax manifest ping"}); ex.Suggestion != nil {
		t.Errorf("Explain(words the model never saw) = %+v, want no guess", ex)
	}
	ex = cls.Explain(tracking.Event{Text: "x", Code: "EMI"})
	if ex.Stage != tracking.StageDelivered || ex.By != "code" {
		t.Errorf("Explain(code) = %+v", ex)
	}
	ex = cls.Explain(tracking.Event{Text: "CC_EX_START"})
	if ex.Stage != tracking.StageExportCustoms || ex.By != "code" || !strings.Contains(ex.Reason, "the text is status code CC_EX_START") {
		t.Errorf("Explain(code as text) = %+v", ex)
	}
	// A text that only looks like a code is the seller's to map: their rule beats the code table
	// (TrackingMore's "pickup" is out for delivery; this seller's "PickUp" is the collection).
	mapped := tracking.NewClassifier([]tracking.Rule{{Pattern: "pickup", Stage: tracking.StageHandedToCarrier}})
	if st, _ := mapped.ClassifyEvent(tracking.Event{Text: "PickUp"}); st != tracking.StageHandedToCarrier {
		t.Errorf("ClassifyEvent(PickUp) with the seller's rule = %v, want %v", st, tracking.StageHandedToCarrier)
	}
	if ex := mapped.Explain(tracking.Event{Text: "PickUp"}); ex.By != "seller rule" || ex.Stage != tracking.StageHandedToCarrier {
		t.Errorf("Explain(PickUp) with the seller's rule = %+v", ex)
	}
	if ex := mapped.Explain(tracking.Event{Text: "CC_EX_START"}); ex.By != "code" || ex.Stage != tracking.StageExportCustoms {
		t.Errorf("Explain(code as text) next to an unrelated seller rule = %+v", ex)
	}
	// A camel-case code is read as its words when it starts with a capital or with two small
	// letters: "collectedByCustomer" is three words, "iPhone" and "eBay" stay one.
	for text, want := range map[string]string{"collectedByCustomer": "PICKUP BY CUSTOMER", "InboundScan": "ARRIVE PROCESS", "iPhone": "iphone", "eBay": "ebay"} {
		if ex := cls.Explain(tracking.Event{Text: text}); !strings.HasPrefix(ex.Concepts, want) {
			t.Errorf("Explain(%q).Concepts = %q, want it to start with %q", text, ex.Concepts, want)
		}
	}
	seller := tracking.NewClassifier([]tracking.Rule{{Pattern: "arrived at hub", Stage: tracking.StageArrivedDestination}})
	if ex := seller.Explain(tracking.Event{Text: "[Leipzig] Arrived at hub"}); ex.By != "seller rule" || ex.Stage != tracking.StageArrivedDestination {
		t.Errorf("Explain(seller) = %+v", ex)
	}
}

func TestExtractTrackingNumbers(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want string
	}{
		{"Handed over to local carrier with tracking UG251350054MV", "UG251350054MV"},
		{"Tracking number: 1Z999AA10123456784 assigned", "1Z999AA10123456784"},
		{"DHL 00340434161094042557 and again 00340434161094042557", "00340434161094042557"},
		{"tracking information received", ""},
	} {
		if got := strings.Join(tracking.ExtractTrackingNumbers(tt.text), " "); got != tt.want {
			t.Errorf("ExtractTrackingNumbers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
