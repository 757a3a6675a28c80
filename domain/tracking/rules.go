package tracking

// The built-in rules of the carrier-text classifier: phrases that Cainiao/AliExpress, the
// Chinese consolidators (China Post/EMS, YunExpress, 4PX, Yanwen), the UPU postal event names
// and the last-mile carriers (USPS, Royal Mail, PostNL, Correos, La Poste/Colissimo, Deutsche
// Post/DHL, Australia Post, Canada Post) print, in English and their own languages.
//
// Pattern syntax. A pattern is words matched against the words of the normal form
// (NormalizeStatus), as whole words and in order, anywhere in the text:
//
//	{a|b}   one of the alternatives; {|a} makes a optional; an alternative may be several words
//	...     zero to six words ("delivered ... locker" matches "Delivered, Parcel Locker")
//	*       exactly one word
//	word*   any word starting with word ("zoll*": Zoll, Zollamt, Zollabfertigung)
//
// Words are written naturally and folded like status text, so "dédouané" matches "dedouane",
// "we've" is "we ve" and "已签收" is three one-character words.
//
// A row with neither stage nor signal is a mask: the words it covers count for no rule that lies
// inside them. "to be delivered" hides the "delivered" of "on track to be delivered".
//
// Which rule wins when several match:
//  1. priority: a signal beats a plain stage, and the signals rank by how much a person must act
//     (clsSignalPrio): returned > damaged_lost > address_issue > customs_hold > pickup_available >
//     rollback > attempt_failed > delivered_elsewhere > label_only > none. A rule may override its
//     priority, for phrases whose words look like a stronger signal than they are ("Item returned
//     from customs" is a customs release, not a return);
//  2. the longer phrase, counted in words: "export customs clearance complete" (stage 5) beats
//     "customs clearance complete" (9), "delivered to local carrier" (9) beats "delivered" (11);
//  3. the further stage, then the earlier rule.
//
// Negations are rules of their own that win by 1 or 2 over the word they contain ("not
// delivered", "nicht zugestellt" are attempt_failed); futures are masks ("to be delivered").
//
// A signal row with no stage (returned, damaged_lost) takes the stage of the best other match in
// the text that does not overlap it, else clsSignalStage: "Item being returned to sender.
// Incorrect address." is 10, "Returned to sender by export customs" is 5.
//
// Labelling policy, for texts that do not say where they happen:
//   - an ambiguous facility scan takes the lowest stage it can mean ("Departed facility",
//     "Arrived at sort facility", "Item into sorting centre" → 3; "Processed through facility"
//     → 7, the first scan of an import center, before customs): progress is monotonic, so an
//     understatement only delays a stage while an overstatement can never be taken back;
//   - customs without "export" is import customs: that is what the word means in the texts of
//     destination carriers and of AliExpress shipments, where export clearance is always named;
//   - a bare "In transit" (and its translations) has no stage: it is printed at every stage;
//   - returned, damaged_lost and address_issue take the stage the text states, else 10: in the
//     texts sellers export, returns, damage and bad addresses are reported by the last-mile
//     carrier at or after the delivery attempt. A refusal is a return at the door (10);
//   - pickup points (post office, parcel shop, PostNL-punt) are pickup_available at 10, while a
//     parcel "delivered to" a locker, Packstation, neighbour or mailroom is delivered_elsewhere at
//     11: a locker or Packstation is the address the buyer chose;
//   - the hand-over to the airline or line-haul is 4 (Cainiao's "Leaving from departure
//     country/region" is its LH_HO_AIRLINE event, the hand-over), the actual departure is 6;
//     "Arrived at linehaul office" (LH_ARRIVE) is the line-haul's arrival at destination, 7.
//   - a carrier's own name places it: "Accepted at USPS Origin Facility" is the last-mile carrier
//     taking the parcel over (9), not an origin scan.

// clsTableRule is one row of the built-in table.
type clsTableRule struct {
	pattern string
	stage   Stage // StageUnknown for a signal that does not say where (returned, damaged_lost)
	signal  Signal
	prio    int // 0: the signal's priority (clsSignalPrio)
}

// clsSignalPrio ranks signals: when the rules for two signals match one text, the one a person
// must act on first wins.
var clsSignalPrio = map[Signal]int{
	SignalNone:               0,
	SignalLabelOnly:          10,
	SignalDeliveredElsewhere: 20,
	SignalAttemptFailed:      40,
	SignalRollback:           45, // "back at depot after delivery attempt": where it is now
	SignalPickupAvailable:    50, // "delivery attempted, available for pickup": where it is now
	SignalCustomsHold:        60,
	SignalAddressIssue:       70,
	SignalDamagedLost:        80,
	SignalReturned:           90,
}

// Priority overrides.
const (
	clsPrioCollected = 55 // the buyer, or the carrier at the seller's, picked it up: beats "pickup" (50)
	clsPrioNotReturn = 95 // "returned from customs", "returned to depot": beat "returned" (90)
)

// clsSignalStage is the stage of a signal rule whose text does not say where the parcel is.
func clsSignalStage(sig Signal) Stage {
	switch sig {
	case SignalLabelOnly:
		return StageDispatched
	case SignalCustomsHold:
		return StageImportCustoms
	case SignalDeliveredElsewhere:
		return StageDelivered
	}
	return StageOutForDelivery
}

// clsBuiltin is the compiled table, built once at package initialisation.
var clsBuiltin = clsCompileBuiltins(clsBuiltinRules)

var clsBuiltinRules = []clsTableRule{
	// ---- 1 order_completed: the marketplace order, before any shipment exists ----
	{"awaiting shipment", StageOrderCompleted, SignalNone, 0},
	{"processing your order", StageOrderCompleted, SignalNone, 0},
	{"{seller|supplier|merchant} {is|} {preparing|packing|processing}", StageOrderCompleted, SignalNone, 0},
	{"{being prepared|preparing} for {shipment|shipping|dispatch}", StageOrderCompleted, SignalNone, 0},

	// ---- 2 dispatched, data only: the carrier has information, not the parcel ----
	{"{order|shipment|shipping|parcel|package|item|electronic|consignment} {info|information|data} {received|sent|submitted|transmitted|uploaded|approved|input}", StageDispatched, SignalLabelOnly, 0},
	{"{information|info} {input|received}", StageDispatched, SignalLabelOnly, 0},
	{"label {created|printed|generated}", StageDispatched, SignalLabelOnly, 0},
	{"awaiting item", StageDispatched, SignalLabelOnly, 0},
	{"electronic {notification|advice|pre advice}", StageDispatched, SignalLabelOnly, 0},
	{"instruction data", StageDispatched, SignalLabelOnly, 0},
	{"{sender|shipper} ... electronically", StageDispatched, SignalLabelOnly, 0},
	{"order received", StageDispatched, SignalLabelOnly, 0},
	{"processed by {|the} {shipper|sender}", StageDispatched, SignalLabelOnly, 0},
	{"pre {advised|advice|alert|alerted|announced|registered|registrado|registro|admision}", StageDispatched, SignalLabelOnly, 0},
	{"{preregistrado|prerregistrado|preregistered|preadvised}", StageDispatched, SignalLabelOnly, 0},
	{"{aangemeld|voorgemeld}", StageDispatched, SignalLabelOnly, 0},
	{"expecting it", StageDispatched, SignalLabelOnly, 0},                          // Royal Mail "We're expecting it"
	{"{despatched|dispatched} to royal mail", StageDispatched, SignalLabelOnly, 0}, // sender's advice, no scan yet
	{"{seller|supplier} {has|} shipped", StageDispatched, SignalLabelOnly, 0},
	{"waiting for {|the} carrier to pick {up|}", StageDispatched, SignalLabelOnly, 0},
	{"{awaiting|waiting for} {|the} {carrier|courier} {pickup|pick up|collection}", StageDispatched, SignalLabelOnly, clsPrioCollected},
	{"{awaiting|waiting for} {|the} {collection|pick up|pickup} by {|the} {carrier|courier|driver}", StageDispatched, SignalLabelOnly, clsPrioCollected},
	{"tracking number {generated|created|assigned}", StageDispatched, SignalLabelOnly, 0},
	{"{shipment|consignment|parcel} created", StageDispatched, SignalLabelOnly, 0},
	{"shipped", StageDispatched, SignalLabelOnly, 0},          // marketplace status: the seller says so, no scan yet
	{"preparation chez", StageDispatched, SignalLabelOnly, 0}, // Colissimo "en préparation chez l'expéditeur"
	{"annonce par", StageDispatched, SignalLabelOnly, 0},
	{"elektronisch {angekundigt|ubermittelt}", StageDispatched, SignalLabelOnly, 0},
	{"auftragsdaten", StageDispatched, SignalLabelOnly, 0},

	// ---- 3 outbound_sorting: first physical scans at origin ----
	{"accepted {by|at}", StageOutboundSorting, SignalNone, 0},
	{"{received|collected} by {|the} {logistics company|carrier|courier|driver}", StageOutboundSorting, SignalNone, 0},
	{"{posting collection|item posted|has been posted|posted by}", StageOutboundSorting, SignalNone, 0},
	{"{shipment|parcel|package|item} picked up", StageOutboundSorting, SignalNone, 0},
	{"picked up {shipment|by}", StageOutboundSorting, SignalNone, 0},
	{"pickup scan", StageOutboundSorting, SignalNone, 0},
	// A bare sorting center or sort facility is the origin's: destination ones are named so.
	{"{sorting|sort} {center|centre|facility}", StageOutboundSorting, SignalNone, 0},
	{"departure transport hub", StageOutboundSorting, SignalNone, 0},
	{"outward office of exchange", StageOutboundSorting, SignalNone, 0},
	{"otb", StageOutboundSorting, SignalNone, 0}, // UPU "(Otb)": the outbound (origin) side
	{"{arrived|arrival|arrive} at {|the} facility", StageOutboundSorting, SignalNone, 0},
	{"{departed|depart|departure|left} {from|} {|the} facility", StageOutboundSorting, SignalNone, 0},
	{"{processed|processing} {at|in} {|the} facility", StageOutboundSorting, SignalNone, 0},
	{"{yanwen|4px|yunexpress|cainiao} {facility|warehouse}", StageOutboundSorting, SignalNone, 0},
	{"{warehouse|warehousing} {outbound|inbound}", StageOutboundSorting, SignalNone, 0},
	{"{left|departed|departed from|dispatched from|outbound from} {|the} warehouse", StageOutboundSorting, SignalNone, 0},
	{"{handed over|handed|delivered} to {|the} {cainiao|4px|yunexpress|yanwen|china post}", StageOutboundSorting, SignalNone, 0},
	{"export hub", StageOutboundSorting, SignalNone, 0},
	{"{received|receive item} from {|the} customer", StageOutboundSorting, SignalNone, 0},
	{"origin post is preparing", StageOutboundSorting, SignalNone, 0}, // USPS: the origin post has it
	{"{收寄|揽收|揽件|出库}", StageOutboundSorting, SignalNone, 0},
	{"{分拣中心|处理中心|分拨中心}", StageOutboundSorting, SignalNone, 0},

	// ---- 4 handed_to_carrier: airline or line-haul ----
	{"{hand|handed|handing|handover|delivered|tendered} {over|} to {|the} {airline|airlines|line haul|linehaul|carrier}", StageHandedToCarrier, SignalNone, 0},
	{"leaving from {|the} departure country", StageHandedToCarrier, SignalNone, 0}, // Cainiao LH_HO_AIRLINE
	{"{loaded|uplifted} {on|onto|into} {|the} {flight|aircraft|plane}", StageHandedToCarrier, SignalNone, 0},
	{"{received|accepted} by {|the} {line haul|linehaul}", StageHandedToCarrier, SignalNone, 0},
	{"交航", StageHandedToCarrier, SignalNone, 0},

	// ---- 5 export_customs ----
	{"export {customs|clearance|declaration}", StageExportCustoms, SignalNone, 0},
	{"exported", StageExportCustoms, SignalNone, 0},
	{"export {customs|} {clearance|declaration} {complete|completed|success|successful|finished|done|started|start|in progress}", StageExportCustoms, SignalNone, 0},
	{"export {customs|} {clearance|declaration} ... {complete|completed|success|successful|successfully|finished|done}", StageExportCustoms, SignalNone, 0},
	{"{出口清关|出口报关|出口海关}", StageExportCustoms, SignalNone, 0},
	{"{出口清关|出口报关|出口海关} {完成|成功|开始|放行}", StageExportCustoms, SignalNone, 0},
	{"returned from export customs", StageExportCustoms, SignalNone, clsPrioNotReturn}, // UPU: released by export customs

	// ---- 6 departed_origin: left the origin country; transit countries count here ----
	{"{departed|left|departure|depart} from {|the} departure country", StageDepartedOrigin, SignalNone, 0},
	{"{departed|departure|depart|left|leaving} {from|} {|the} {origin|original} {country|countries|region}", StageDepartedOrigin, SignalNone, 0},
	{"{departed|departure|left|leaving} {|the} country of origin", StageDepartedOrigin, SignalNone, 0},
	{"{flight|airline|plane|aircraft} {has|} {departed|departure|departs|left|took off|taken off}", StageDepartedOrigin, SignalNone, 0},
	{"{parti|quitte} {du|le} pays d expedition", StageDepartedOrigin, SignalNone, 0},
	{"{departed|departure} {from|} {|the} origin airport", StageDepartedOrigin, SignalNone, 0},
	{"port of departure departure", StageDepartedOrigin, SignalNone, 0}, // Yanwen "Port of departure - Departure"
	{"{send|sent|dispatch|dispatched} {item|} abroad", StageDepartedOrigin, SignalNone, 0},
	{"{departure|dispatch|departed|dispatched} from {|the} outward office of exchange", StageDepartedOrigin, SignalNone, 0},
	{"transit {country|countries|office of exchange|facility}", StageDepartedOrigin, SignalNone, 0},
	{"{en route|on its way|on the way|in transit} to {|the} destination country", StageDepartedOrigin, SignalNone, 0},
	{"vers le pays de destination", StageDepartedOrigin, SignalNone, 0},
	{"{中转国|始发国|出发国|起飞}", StageDepartedOrigin, SignalNone, 0},

	// ---- 7 arrived_destination: landed, not cleared ----
	{"{arrived|arrival|arrive|arrives|landed} {at|in} {|the} destination {country|countries|airport|region}", StageArrivedDestination, SignalNone, 0},
	{"{airline|flight} {arrived|arrive|arrival|landed}", StageArrivedDestination, SignalNone, 0},
	{"facility in {|the} destination country", StageArrivedDestination, SignalNone, 0},
	{"{linehaul|line haul} office", StageArrivedDestination, SignalNone, 0}, // Cainiao LH_ARRIVE
	{"inward office of exchange", StageArrivedDestination, SignalNone, 0},
	{"inb", StageArrivedDestination, SignalNone, 0}, // UPU "(Inb)": the inbound (destination) side
	{"receive item from abroad", StageArrivedDestination, SignalNone, 0},
	{"import exchange office", StageArrivedDestination, SignalNone, 0},
	{"{port of destination|at destination port|arrival at destination port}", StageArrivedDestination, SignalNone, 0},
	// "Processed Through Facility" is the first scan of an import center (USPS ISC), before customs.
	{"processed through {|the} facility", StageArrivedDestination, SignalNone, 0},
	{"{arrived|arrival|arrives} in {|the} {uk|united kingdom|france|spain|germany|canada|australia|netherlands|us|usa|united states|italy|belgium|ireland}", StageArrivedDestination, SignalNone, 0},
	{"arrive {en|au} {france|belgique|suisse}", StageArrivedDestination, SignalNone, 0},
	{"arrive dans {|le|son} pays de destination", StageArrivedDestination, SignalNone, 0},
	{"{in deutschland|im zielland|im zielgebiet} {angekommen|eingetroffen}", StageArrivedDestination, SignalNone, 0},
	{"aangekomen in {|het} {nederland|land van bestemming}", StageArrivedDestination, SignalNone, 0},
	{"llegada a espana", StageArrivedDestination, SignalNone, 0},
	{"{目的国|航班到达}", StageArrivedDestination, SignalNone, 0},

	// ---- 8 import_customs (Cainiao's "Import clearance start" may be a pre-advice; the
	// timeline, not the classifier, handles that) ----
	{"customs", StageImportCustoms, SignalNone, 0},
	{"import {customs|clearance}", StageImportCustoms, SignalNone, 0},
	{"clearance in progress", StageImportCustoms, SignalNone, 0},
	{"{douane|dedouanement|aduana|aduanas|aduanera|aduanero|zoll*}", StageImportCustoms, SignalNone, 0},
	{"{cbsa|border force|border services agency}", StageImportCustoms, SignalNone, 0},
	{"{清关|海关|报关}", StageImportCustoms, SignalNone, 0},

	// ---- 9 customs_cleared: released, with the local delivery agent ----
	{"{customs|import} {clearance|} {complete|completed|completes|success|successful|successfully|finished|done}", StageCustomsCleared, SignalNone, 0},
	{"{customs|import} {customs|} clearance {complete|completed|success|successful|finished|done|processing complete}", StageCustomsCleared, SignalNone, 0},
	{"clearance processing complete", StageCustomsCleared, SignalNone, 0},
	{"clearance ... {complete|completed|success|successful|successfully|finished|done}", StageCustomsCleared, SignalNone, 0},
	{"{released|release|cleared} {by|from|through} {|the} {customs|cbsa|border force|australian border force}", StageCustomsCleared, SignalNone, 0},
	{"{cleared|passed} {|through} customs", StageCustomsCleared, SignalNone, 0},
	{"out of customs", StageCustomsCleared, SignalNone, 0},
	{"{returned|return item} from customs", StageCustomsCleared, SignalNone, clsPrioNotReturn}, // UPU EDC: customs gave it back to the post
	{"{douane ... vrijgegeven|vrijgegeven ... douane}", StageCustomsCleared, SignalNone, 0},
	{"dedouane", StageCustomsCleared, SignalNone, 0},
	{"{zoll* ... freigegeben|freigegeben ... zoll*}", StageCustomsCleared, SignalNone, 0},
	{"salida de {|la} {aduana|aduanas}", StageCustomsCleared, SignalNone, 0},
	{"{清关|海关} {完成|成功|放行}", StageCustomsCleared, SignalNone, 0},
	{"{local|last mile|domestic|destination} {sorting center|sorting centre|facility|depot|hub|branch|post office|delivery company|delivery center|delivery centre|delivery office|delivery partner|carrier|courier|post|postal|partner|agent}", StageCustomsCleared, SignalNone, 0},
	{"last mile", StageCustomsCleared, SignalNone, 0},
	// Named last-mile carriers: in AliExpress flows they only ever receive the parcel at destination.
	{"{handed over|handed|handover|transferred|tendered|delivered|received by|accepted by} {to|} {|the} {usps|royal mail|postnl|correos|la poste|colissimo|deutsche post|australia post|canada post|evri|hermes|dpd|gls|bpost|an post|postnord|inpost|poste italiane|ups|fedex}", StageCustomsCleared, SignalNone, 0},
	{"final delivery office", StageCustomsCleared, SignalNone, 0},
	{"{departure|dispatch|departed|dispatched} from {|the} inward office of exchange", StageCustomsCleared, SignalNone, 0},
	{"domestic location", StageCustomsCleared, SignalNone, 0}, // UPU "Send item to domestic location (Inb)"
	{"destination {country|} {region|} sorting {center|centre}", StageCustomsCleared, SignalNone, 0},
	{"{delivery|distribution} {office|depot|center|centre|station|hub}", StageCustomsCleared, SignalNone, 0},
	{"delivery post office", StageCustomsCleared, SignalNone, 0},
	{"{arrived|arrival} at {|the} post office", StageCustomsCleared, SignalNone, 0},
	{"{accepted at|in possession of|possession of} {|the} usps", StageCustomsCleared, SignalNone, 0},
	{"usps {in possession|regional|facility|network}", StageCustomsCleared, SignalNone, 0},
	{"regional facility", StageCustomsCleared, SignalNone, 0},
	{"sorting office", StageCustomsCleared, SignalNone, 0}, // British for the local delivery office
	{"in transit to {|the} next facility", StageCustomsCleared, SignalNone, 0},
	{"acceptance pending", StageCustomsCleared, SignalNone, 0},
	{"sorting complete", StageCustomsCleared, SignalNone, 0},
	{"post facility", StageCustomsCleared, SignalNone, 0}, // "Australia Post facility"
	{"received and ready for processing", StageCustomsCleared, SignalNone, 0},
	{"item processed", StageCustomsCleared, SignalNone, 0}, // Canada Post; origin carriers say "processed at sorting center"
	{"now with canada post", StageCustomsCleared, SignalNone, 0},
	{"we've got it", StageCustomsCleared, SignalNone, 0}, // Royal Mail: in their network
	{"received at ... mail {centre|center}", StageCustomsCleared, SignalNone, 0},
	{"ontvangen door postnl", StageCustomsCleared, SignalNone, 0},
	{"{gesorteerd|sorteercentrum|distributieproces|distributiecentrum}", StageCustomsCleared, SignalNone, 0},
	{"distribution process", StageCustomsCleared, SignalNone, 0},
	{"pris en charge", StageCustomsCleared, SignalNone, 0},
	{"site de distribution", StageCustomsCleared, SignalNone, 0},
	{"{paketzentrum|zustellbasis}", StageCustomsCleared, SignalNone, 0},
	{"{parcel center|parcel centre}", StageCustomsCleared, SignalNone, 0},
	{"centro {de tratamiento|logistico|de clasificacion}", StageCustomsCleared, SignalNone, 0},

	// ---- 10 out_for_delivery ----
	{"out for delivery", StageOutForDelivery, SignalNone, 0},
	{"onboard for delivery", StageOutForDelivery, SignalNone, 0},
	{"{courier|driver} for delivery", StageOutForDelivery, SignalNone, 0},
	{"for delivery today", StageOutForDelivery, SignalNone, 0},
	{"delivery vehicle", StageOutForDelivery, SignalNone, 0},
	{"{courier|driver|bezorger} is {on the way|on his way|on her way|on its way|onderweg}", StageOutForDelivery, SignalNone, 0},
	{"{is|are} with {|the|our|a|your} {driver|courier|postman|postwoman|delivery driver}", StageOutForDelivery, SignalNone, 0},
	{"{being delivered|in delivery|due for delivery}", StageOutForDelivery, SignalNone, 0},
	{"{will|to} be delivered {today|this morning|this afternoon|this evening}", StageOutForDelivery, SignalNone, 0},
	// A future is not a fact: "on track to be delivered", "will be delivered in 3-5 days".
	{"{will|to|should|would|shall|expected to|scheduled to} be delivered", StageUnknown, SignalNone, 0},
	{"{zustellfahrzeug|zustellung}", StageOutForDelivery, SignalNone, 0},
	{"wird {|heute|morgen|voraussichtlich} zugestellt", StageOutForDelivery, SignalNone, 0},
	{"{en cours de livraison|en livraison}", StageOutForDelivery, SignalNone, 0},
	{"{en reparto|en proceso de entrega|en distribucion}", StageOutForDelivery, SignalNone, 0},
	{"{派送|派件|配送中}", StageOutForDelivery, SignalNone, 0},

	// ---- 11 delivered ----
	{"{delivered|signed|delivery successful|successfully delivered}", StageDelivered, SignalNone, 0},
	{"{final delivery|deliver item}", StageDelivered, SignalNone, 0},
	{"{zugestellt|zustellung erfolgreich|afgeleverd|bezorgd|entregado|entregada|livre|livree|livraison effectuee}", StageDelivered, SignalNone, 0},
	{"{签收|妥投}", StageDelivered, SignalNone, 0},
	{"{picked up|collected} {at|from} {|the} {post office|pickup point|pick up point|collection point|office|counter}", StageDelivered, SignalNone, clsPrioCollected},
	{"{picked up|collected} by {|the} {customer|recipient|addressee|receiver}", StageDelivered, SignalNone, clsPrioCollected},
	{"{customer|recipient|addressee|receiver} {has|} {collected|picked up}", StageDelivered, SignalNone, clsPrioCollected},
	// Left at the address is delivered, and at the address: no signal.
	{"left {at|in|on|by|inside|behind} {|the|a|your} {front door|door|porch|safe place|safeplace|mailbox|letterbox|letter box|doorstep|garage|back door|gate}", StageDelivered, SignalNone, 0},

	// ---- delivered_elsewhere: at 11, but not into the buyer's hands ----
	{"{delivered|zugestellt|entregado|livre} ... {locker|lockers|packstation|neighbour|neighbor|neighbours|neighbors|mailroom|mail room|front desk|reception|concierge|agent|citypaq|parcelbox}", StageDelivered, SignalDeliveredElsewhere, 0},
	{"{left|leave} {with|at} {|a|the|your} {neighbour|neighbor|neighbours|neighbors}", StageDelivered, SignalDeliveredElsewhere, 0},
	{"left in {|the} {mailroom|mail room|reception|locker}", StageDelivered, SignalDeliveredElsewhere, 0},
	{"community mailbox", StageDelivered, SignalDeliveredElsewhere, 0}, // Canada Post: community mailbox or parcel locker
	{"{nachbar|nachbarn|voisin|voisine|vecino|vecina}", StageDelivered, SignalDeliveredElsewhere, 0},
	{"bij de buren", StageDelivered, SignalDeliveredElsewhere, 0},
	{"{bezorgd|afgeleverd} bij {|de} buren", StageDelivered, SignalDeliveredElsewhere, 0},
	{"packstation ... {zugestellt|eingeliefert|eingetroffen|delivered}", StageDelivered, SignalDeliveredElsewhere, 0},
	{"{eingeliefert|eingetroffen|deposited} ... packstation", StageDelivered, SignalDeliveredElsewhere, 0},
	{"depose ... consigne", StageDelivered, SignalDeliveredElsewhere, 0},

	// ---- rollback: back at a facility after going out for delivery ----
	{"back {at|to|in} {|the} {facility|depot|delivery office|post office|station|hub|delivery depot|sort facility}", StageOutForDelivery, SignalRollback, 0},
	{"{returned|return} to {|the} {facility|depot|delivery office|delivery depot|station|hub|sort facility}", StageOutForDelivery, SignalRollback, clsPrioNotReturn},
	{"{rescheduled|redelivery scheduled}", StageOutForDelivery, SignalRollback, 0},

	// ---- attempt_failed: the parcel was out for delivery ----
	{"delivery {attempted|attempt|failed|unsuccessful|failure|not possible}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{attempted|unsuccessful|failed|missed} {|item} delivery", StageOutForDelivery, SignalAttemptFailed, 0},
	{"attempt item delivery", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{not|never} {|be|been} delivered", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{cannot|can t|couldn t|unable to|impossible to} {|be} {delivered|deliver}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{could not|unable to|failed to|tried to|attempted to} deliver", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{no one|nobody|noone|no-one} {home|at home|available|in|was in|there}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{recipient|addressee|customer|receiver} {not|was not|is not|wasn't} {home|at home|available|present|in}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"no authorized recipient", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{we missed you|sorry we missed you|missed you}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{notice|card} left", StageOutForDelivery, SignalAttemptFailed, 0},
	{"redelivery", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{nicht angetroffen|nicht zugestellt|nicht moglich|zustellversuch|benachrichtigungskarte}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"attempted to contact", StageOutForDelivery, SignalAttemptFailed, 0}, // AliExpress: "... by telephone to arrange for delivery"
	{"{niet thuis|niemand thuis|niet bezorgd|niet afgeleverd}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{avis de passage|absent|absente|pas pu etre livre|non livre}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{ausente|intento de entrega|no entregado|entrega fallida}", StageOutForDelivery, SignalAttemptFailed, 0},
	{"{派送失败|投递失败|未妥投}", StageOutForDelivery, SignalAttemptFailed, 0},

	// ---- pickup_available: waiting at a post office or pickup point ----
	{"{available|ready} for {|customer} {pickup|pick up|collection|collecting}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{ready|available} to {be|} {collected|picked up|collect|pick up}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{can|may} be {collected|picked up}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{waiting|awaiting} {for|} {|the|customer} {pick up|pickup|collection|withdrawal}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"held {at|in} {|the} {post office|delivery office|delivery depot|retail outlet|pickup point}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{pickup|pick up|collection|service|access} {point|location}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"for {collection|pickup|pick up}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"delivered to {|the|a|your} post office", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{parcel shop|parcelshop|retail outlet}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"available {at|in} {|the|your} {post office|office|pickup point|locker}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{disponible|disponibles}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{no|non|pas|nicht} disponible", StageUnknown, SignalNone, 0}, // mask: "Información no disponible" is no information
	{"collect {from|at}", StageOutForDelivery, SignalPickupAvailable, 0},
	// AliExpress lists these as ways carriers say "waiting for pick-up".
	{"{first|second|final|last} notification", StageOutForDelivery, SignalPickupAvailable, 0},
	{"reminder has been sent", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{point retrait|point de retrait|bureau de poste}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{zur abholung|abholbereit}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{ligt klaar|postnl punt}", StageOutForDelivery, SignalPickupAvailable, 0},
	{"{待取|待自提|自提点}", StageOutForDelivery, SignalPickupAvailable, 0},

	// ---- customs_hold: duties to pay, inspection, held (export holds stay at 5) ----
	{"{held|hold|holding|retained|detained|seized|stopped} {|item} {by|in|at} {|the} {|import} customs", StageImportCustoms, SignalCustomsHold, 0},
	{"{held|retained|detained} by export customs", StageExportCustoms, SignalCustomsHold, 0},
	{"customs {inspection|hold|detention|check|examination}", StageImportCustoms, SignalCustomsHold, 0},
	{"customs {held|holding|retained|detained|seized|stopped}", StageImportCustoms, SignalCustomsHold, 0},
	{"{clearance|customs} {delay|delayed}", StageImportCustoms, SignalCustomsHold, 0},
	{"{duty|duties|tax|taxes|vat|charge|charges|fee|fees} ... {payment required|to pay|payable|due|unpaid|outstanding|owed}", StageImportCustoms, SignalCustomsHold, 0},
	{"{pay|payment of} ... {duty|duties|taxes|charges|fees}", StageImportCustoms, SignalCustomsHold, 0},
	{"{pending|awaiting|outstanding|required} customs payment", StageImportCustoms, SignalCustomsHold, 0},
	{"customs payment {pending|required|due|outstanding}", StageImportCustoms, SignalCustomsHold, 0},
	{"{vastgehouden ... douane|douane ... vastgehouden|invoerrechten}", StageImportCustoms, SignalCustomsHold, 0},
	{"{retenu ... douane|droits et taxes}", StageImportCustoms, SignalCustomsHold, 0},
	{"{retenido ... aduana|retenido ... aduanas|pago de aranceles|pago de tasas|pendiente de pago}", StageImportCustoms, SignalCustomsHold, 0},
	{"zoll* ... {zuruckgehalten|einbehalten}", StageImportCustoms, SignalCustomsHold, 0},
	{"einfuhrabgaben", StageImportCustoms, SignalCustomsHold, 0},
	{"{海关查验|查验|扣关}", StageImportCustoms, SignalCustomsHold, 0},

	// ---- address_issue ----
	{"{incorrect|insufficient|incomplete|wrong|invalid|unknown|bad|illegible|missing|inaccurate} address", StageOutForDelivery, SignalAddressIssue, 0},
	{"address {is|} {incorrect|insufficient|incomplete|wrong|invalid|unknown|error|problem|issue|not found}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{addressee|recipient} {unknown|moved}", StageOutForDelivery, SignalAddressIssue, 0},
	{"unknown {addressee|recipient}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{no such number|no such address|no such street|left no address|undeliverable as addressed|addressing error}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{direccion|destinatario} {incorrecta|incompleta|erronea|desconocida|desconocido}", StageOutForDelivery, SignalAddressIssue, 0},
	{"adresse ... {incomplete|incorrecte|erronee|inconnue|insuffisante}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{destinataire inconnu|n'habite pas}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{adresse|anschrift} ... {unvollstandig|fehlerhaft|falsch|unbekannt|unzureichend}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{empfanger unbekannt|unbekannt verzogen}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{adres onjuist|adres onvolledig|onvolledig adres|onjuist adres|geadresseerde onbekend}", StageOutForDelivery, SignalAddressIssue, 0},
	{"{地址错误|地址不详}", StageOutForDelivery, SignalAddressIssue, 0},

	// ---- damaged_lost (stage from the text, else 10) ----
	{"damaged", StageUnknown, SignalDamagedLost, 0},
	{"{item|parcel|package|shipment|consignment|mail} {is|was|has been|} {lost|missing}", StageUnknown, SignalDamagedLost, 0},
	{"{lost in transit|reported lost|declared lost|presumed lost|reported missing}", StageUnknown, SignalDamagedLost, 0},
	{"{lost|missing item|missing parcel|missing package|missing shipment|missing mail}", StageUnknown, SignalDamagedLost, 0},
	{"lost {contact|connection|signal|track}", StageUnknown, SignalNone, 0}, // mask: not the parcel
	{"{manco|beschadigt|beschadigd|endommage|danado|deteriorado|extraviado|verloren|perdu}", StageUnknown, SignalDamagedLost, 0},
	{"{破损|丢失|遗失}", StageUnknown, SignalDamagedLost, 0},

	// ---- returned (stage from the text, else 10; a refusal happens at the door) ----
	{"{return|returned|returning|returns} {|item} {to|back to|for} {|the} {sender|shipper|seller|merchant|origin}", StageUnknown, SignalReturned, 0},
	{"{being|been|is being|was} returned", StageUnknown, SignalReturned, 0},
	{"{delivered|sent} back to {|the} sender", StageUnknown, SignalReturned, 0},
	{"on its way back to {|the} sender", StageUnknown, SignalReturned, 0},
	{"{refused|rejected} by {|the} {recipient|addressee|customer|consignee|receiver}", StageOutForDelivery, SignalReturned, 0},
	{"{refused|geweigerd|verweigert|rehusado|refuse par}", StageOutForDelivery, SignalReturned, 0},
	{"unclaimed", StageOutForDelivery, SignalReturned, 0}, // an unclaimed parcel goes back: the reason carriers give for a return
	{"{retour afzender|teruggestuurd|teruggezonden|retour ... expediteur|retourne ... expediteur}", StageUnknown, SignalReturned, 0},
	{"{zuruckgesandt|zuruckgeschickt|zurucksendung|rucksendung}", StageUnknown, SignalReturned, 0},
	{"{devolucion|devuelto|devuelta}", StageUnknown, SignalReturned, 0},
	{"{退回|退件|退运}", StageUnknown, SignalReturned, 0},
}
