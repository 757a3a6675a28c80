package csvfile

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/parceldesk/portal/domain/cell"
)

// Column is one canonical column of an import: what a field of the seller's file means,
// whatever the file calls it.
type Column string

// The canonical import columns, in the order DESIGN.md lists them. Only ColOrderRef is required.
const (
	ColOrderRef               Column = "order_ref"
	ColTrackingNumber         Column = "tracking_number"
	ColCarrier                Column = "carrier"
	ColService                Column = "service"
	ColLastMileTrackingNumber Column = "last_mile_tracking_number"
	ColLastMileCarrier        Column = "last_mile_carrier"
	ColStatus                 Column = "status"
	ColStatusCode             Column = "status_code"
	ColStatusAt               Column = "status_at"
	ColLocation               Column = "location"
	ColDestinationCountry     Column = "destination_country"
	ColOrderDate              Column = "order_date"
	ColCustomerName           Column = "customer_name"
	ColCustomerEmail          Column = "customer_email"
	ColProduct                Column = "product"
	ColOrderValue             Column = "order_value"
	ColCurrency               Column = "currency"
	ColPromisedBy             Column = "promised_by"
	ColProtectionEndsAt       Column = "protection_ends_at"
)

// ColStatusTZ is an optional column outside the canonical list: the time zone of status_at when a
// file keeps it in a column of its own (Cainiao writes a local time and, beside it, "GMT+8").
// It is not in Columns because it only qualifies status_at; MatchHeader maps it all the same.
const ColStatusTZ Column = "status_tz"

// Columns lists the canonical columns in their canonical order (ColStatusTZ is not one of them).
var Columns = []Column{
	ColOrderRef, ColTrackingNumber, ColCarrier, ColService, ColLastMileTrackingNumber,
	ColLastMileCarrier, ColStatus, ColStatusCode, ColStatusAt, ColLocation, ColDestinationCountry, ColOrderDate,
	ColCustomerName, ColCustomerEmail, ColProduct, ColOrderValue, ColCurrency, ColPromisedBy,
	ColProtectionEndsAt,
}

// Valid reports whether c is a canonical column or ColStatusTZ.
func (c Column) Valid() bool {
	if c == ColStatusTZ {
		return true
	}
	for _, k := range Columns {
		if c == k {
			return true
		}
	}
	return false
}

// ParseColumn reads a column name as a mapping form submits it ("order_ref"), ignoring case and
// surrounding space.
func ParseColumn(s string) (Column, bool) {
	c := Column(strings.ToLower(strings.TrimSpace(s)))
	return c, c.Valid()
}

// columnAliases holds, per column, the header names that mean it, most specific first: when
// two headers of one file both match a column, the one earlier in this list wins (Shopify has
// "Shipping Name" and "Billing Name"; the parcel goes to the shipping one). Names are compared
// after headerKey, so "Order ID", "order_id" and "orderId" are one alias. Sources: the real
// exports in shared/reference/export-headers.md (Shopify, WooCommerce, TikTok Shop, AfterShip,
// pkge, DSers, AliExpress extensions and API), common tracking tools, and the Chinese,
// German, French, Spanish and Russian headers of localised exports.
//
// Some names are deliberately absent: Shopify's "Shipping Company" is the customer's company,
// not a carrier; pkge's "courierId" is a number (-1 for auto-detect); AliExpress's
// "timeoutLeftTime" counts milliseconds from a moment the file does not record.
var columnAliases = map[Column][]string{
	ColOrderRef: {
		"order_ref", "Order Ref", "Order Reference", "Order Number", "Order No", "Order Num",
		"Order ID", "Order #", "Order", "Order Name", "Order Code", "Sales Order",
		"Sales Order Number", "Store Order ID", "Shop Order ID", "Platform Order ID",
		"order_number_formatted", "Reference", "Ref",
		"订单号", "订单编号", "订单ID", "Bestellnummer", "Numéro de commande", "Número de pedido",
		"Numero ordine", "Номер заказа",
		"Name", // Shopify's order name ("#1001"); weak, since elsewhere it may be a person.
		// The sellers' other languages (pt, es, it, pl, cs, nl, sv, da, no, fi, tr, ja, ko): after
		// "Name", whose rank against customer_name's depends on its place in this list.
		"Pedido", "Número do pedido", "Nº do pedido", "N° do pedido", "Nr do pedido", "Código do pedido",
		"Nº de pedido", "Pedido nº", "Ordine", "Numer zamówienia", "Zamówienie", "Číslo objednávky",
		"Objednávka", "Ordernummer", "Bestelnummer", "Ordrenummer", "Ordernr", "Tilausnumero",
		"Tilaus", "Sipariş No", "Sipariş Numarası", "Sipariş", "注文番号", "注文ID", "주문번호",
	},
	ColTrackingNumber: {
		"tracking_number", "Tracking No", "Tracking Num", "Tracking ID", "Tracking Code",
		"Tracking Numbers", "Track Number", "Track No", "Tracking #", "Tracking",
		"Shipment Tracking Number", "Shipping Tracking Number", "Fulfillment Tracking Number",
		"Waybill Number", "Waybill No", "Waybill", "AWB Number", "AWB", "Air Waybill",
		"Logistics Number", "Logistics No", "Mail No", "Parcel Number", "Shipment Number",
		"Consignment Number",
		"运单号", "物流单号", "快递单号", "追踪号", "跟踪号", "物流追踪号", "Sendungsnummer",
		"Sendungsverfolgungsnummer", "Numéro de suivi", "Número de seguimiento", "Трек-номер",
		"Código de rastreio", "Código de rastreamento", "Rastreio", "Rastreamento", "Código de envio",
		"Código de seguimiento", "Número de rastreo", "Codice di tracciamento", "Numero di tracciamento",
		"Numero di spedizione", "Numer przesyłki", "Numer śledzenia", "Numer listu przewozowego",
		"Číslo zásilky", "Sledovací číslo", "Track & Trace", "Zendingnummer", "Barcode",
		"Kollinummer", "Sändningsnummer", "Forsendelsesnummer", "Sporingsnummer", "Seurantakoodi",
		"Seurantanumero", "Lähetystunnus", "Takip Numarası", "Kargo Takip No", "Gönderi Kodu",
		"追跡番号", "お問い合わせ番号", "伝票番号", "송장번호", "운송장번호",
	},
	ColCarrier: {
		"carrier", "Carrier Name", "Shipping Carrier", "Shipping Provider Name",
		"Shipping Provider", "Courier", "Courier Name", "Tracking Company", "Logistics Company",
		"Logistics Provider", "Delivery Company", "Express Company", "Carrier Code",
		"Courier Code", "Slug", "Transporter",
		"物流公司", "快递公司", "承运商", "Versanddienstleister", "Transporteur", "Перевозчик",
		"Служба доставки", "Transportadora", "Transportista", "Corriere", "Vettore", "Przewoźnik",
		"Kurier", "Dopravce", "Vervoerder", "Transportör", "Fragtfirma", "Kuljetusliike",
		"Kargo Firması", "運送会社", "配送業者", "택배사",
	},
	ColService: {
		"service", "Shipping Service", "Shipping Service Name", "Logistics Service",
		"Logistics Service Name", "Carrier Service", "Service Name", "Service Type",
		"Shipping Method", "Ship Method", "Delivery Method", "Delivery Option", "Shipping Option",
		"物流方式", "物流服务", "Versandart", "Mode de livraison", "Método de envío",
	},
	ColLastMileTrackingNumber: {
		"last_mile_tracking_number", "Last Mile Tracking No", "Last Mile Tracking",
		"Last Mile Number", "Last Mile Waybill", "Local Tracking Number", "Local Tracking",
		"Destination Tracking Number", "Final Mile Tracking Number",
		"尾程单号", "尾程运单号", "末端单号",
	},
	ColLastMileCarrier: {
		"last_mile_carrier", "Last Mile Carrier Name", "Last Mile Courier", "Last Mile Provider",
		"Local Carrier", "Local Courier", "Destination Carrier", "Destination Courier",
		"Final Mile Carrier",
		"尾程物流商", "尾程承运商",
	},
	ColStatus: {
		// The detailed event text ("[Shenzhen] Departed from sorting center") tells the stage far
		// better than a tool's coarse status ("In transit"), so it wins when a file has both.
		"Last Event", "Latest Event", "Last Tracking Event", "Tracking Event", "Last Checkpoint",
		"Latest Checkpoint", "Checkpoint", "Event Description", "Status Description",
		"Latest Tracking Info", "Tracking Info", "Latest Status", "Last Status", "Current Status",
		"Tracking Status", "Shipment Status", "Delivery Status", "Shipping Status",
		"Logistics Status", "Status Text", "Event", "status", "Order Status", "Fulfillment Status",
		"物流状态", "状态", "订单状态", "Sendungsstatus", "Statut", "Estado del envío",
		"Estado del pedido", "Статус", "Situação", "Status do pedido", "Status do envio",
		"Situação do objeto", "Stato spedizione", "Stan przesyłki", "Stan",
		"Stav zásilky", "Stav", "Tila", "Durum", "Kargo Durumu", "配送状況", "ステータス", "배송상태", "상태",
	},
	ColStatusCode: {
		// An event or status code beats the text (UPU EMSEVT "EMD", Cainiao "LH_DEPART",
		// AfterShip "InTransit_003", 17TRACK "InTransit_CustomsReleased"): tracking.ClassifyCode.
		"status_code", "Status Code", "Event Code", "Event Type Code", "Action Code", "Checkpoint Code",
		"Tracking Code Status", "Subtag", "Sub Tag",
		"Scan Code", "Activity Code", "Status ID",
		"状态码", "事件代码", "动作代码", "Statuscode", "Código de estado", "Código do evento", "Code statut",
	},
	ColStatusAt: {
		"status_at", "Status Time", "Status Date", "Status Updated At", "Status Updated",
		"Event Time", "Event Date", "Event Datetime", "Event Timestamp", "Last Event Time",
		"Last Event Date", "Checkpoint Time", "Checkpoint Date", "Last Checkpoint Time",
		"Tracking Time", "Tracking Date", "Last Update", "Last Updated", "Last Updated At",
		"Latest Update", "Latest Update Time", "Update Time", "Updated At", "Timestamp",
		"Datetime", "Time",
		"物流更新时间", "最新物流时间", "更新时间", "时间",
		"Data", "Data do evento", "Data da situação", "Data e hora", "Fecha del evento", "Fecha",
		"Data evento", "Data zdarzenia", "Datum události", "Datum", "Päivämäärä", "Tarih",
		"Durum Tarihi", "日時", "날짜",
	},
	ColLocation: {
		"location", "Event Location", "Last Location", "Current Location", "Latest Location",
		"Checkpoint Location", "Status Location", "Scan Location", "Event Place", "Place",
		"地点", "当前位置", "位置", "Ort", "Lieu",
	},
	ColDestinationCountry: {
		"destination_country", "Dest Country", "Destination Country Code", "Shipping Country",
		"Shipping Country Code", "Ship To Country", "Ship Country", "Recipient Country",
		"Receiver Country", "Consignee Country", "Delivery Country", "To Country", "Country",
		"Country Code", "Country/Region", "tracking_destination_country", "Destination",
		"Billing Country",
		"收件国家", "目的国家", "目的国", "国家", "Land", "Pays", "País", "Paese", "Страна",
		"País de destino", "Kraj", "Země", "Maa", "Ülke", "国", "국가",
	},
	ColOrderDate: {
		"order_date", "Order Time", "Order Datetime", "Order Created", "Order Created At",
		"Order Created Time", "Order Placed", "Order Placed At", "Created At", "Created Time",
		"Created", "Creation Date", "Date Created", "Purchase Date", "Purchased At", "Placed At",
		"gmtCreate", "Date", "Paid At", "Paid Time", "Payment Date",
		"下单时间", "下单日期", "订单时间", "创建时间", "Bestelldatum", "Date de commande",
		"Fecha del pedido", "Дата заказа",
		"Data do pedido", "Data da compra", "Data de criação", "Fecha de compra", "Data ordine",
		"Data zamówienia", "Datum objednávky", "Besteldatum", "Orderdatum", "Tilauspäivä",
		"Sipariş Tarihi", "注文日", "注文日時", "주문일", "주문일시",
	},
	ColCustomerName: {
		"customer_name", "Customer", "Recipient Name", "Recipient", "Receiver Name", "Receiver",
		"Consignee Name", "Consignee", "Shipping Name", "Ship To Name", "Shipping Full Name",
		"Contact Person", "Contact Name", "Full Name", "Buyer Name", "Client Name", "Client",
		"Billing Name", "Buyer", "Buyer Username",
		"收件人", "收货人", "客户名称", "客户", "买家", "Kunde", "Empfänger", "Destinataire",
		"Cliente", "Получатель",
		"Name", // weakest: Shopify's "Name" is the order, and order_ref claims it first there.
	},
	ColCustomerEmail: {
		"customer_email", "Customer E-mail", "Recipient Email", "Buyer Email", "Shipping Email",
		"Email", "E-mail", "Email Address", "E-mail Address", "Billing Email", "Contact Email",
		"Emails", "Mail",
		"邮箱", "电子邮件", "买家邮箱", "Электронная почта", "Почта", "Correo electrónico",
		"Courriel",
	},
	ColProduct: {
		"product", "Product Name", "Product Title", "Products", "Lineitem name", "Line Item Name",
		"Item Name", "Item Title", "Item", "Items", "Goods Name", "Goods", "SKU Name", "Title",
		"Article", "Product Description", "Description",
		"商品名称", "产品名称", "商品", "Produkt", "Artikel", "Produit", "Producto", "Товар",
	},
	ColOrderValue: {
		"order_value", "Order Total", "Order Amount", "Order Price", "Total Amount",
		"Total Price", "Grand Total", "Total Paid", "Paid Amount", "Pay Amount",
		"Payment Amount", "Sale Amount", "Total", "Amount", "Price", "Value", "Subtotal",
		"订单金额", "实付金额", "金额", "总价", "Gesamtbetrag", "Betrag", "Montant", "Importe",
		"Сумма",
	},
	ColCurrency: {
		"currency", "Currency Code", "Order Currency", "Presentment Currency",
		"币种", "货币", "Währung", "Devise", "Moneda", "Валюта",
	},
	ColPromisedBy: {
		"promised_by", "Promised Delivery Date", "Promised Delivery", "Promised Date",
		"Delivery Promise", "Guaranteed Delivery Date", "Guaranteed Delivery",
		"Latest Delivery Date", "Delivery Deadline", "Deliver By", "Delivery By",
		"Expected Delivery Date", "Expected Delivery", "Expected Delivery By",
		"Estimated Delivery Date", "Estimated Delivery", "Estimated Delivery Time", "ETA",
		"freightCommitDay", "Delivery Commitment",
		"承诺送达时间", "承诺运达时间", "预计送达时间",
	},
	ColProtectionEndsAt: {
		"protection_ends_at", "Buyer Protection Ends", "Buyer Protection End",
		"Buyer Protection End Date", "Buyer Protection Expiry", "Buyer Protection Expires",
		"Purchase Protection Ends", "Protection Ends", "Protection End", "Protection End Date",
		"Protection Expires", "Protection Expiry", "Buyer Protection", "Dispute Deadline",
		"Dispute By",
		"买家保护到期", "买家保护期",
	},
	ColStatusTZ: {
		"status_tz", "Status Time Zone", "Status Timezone", "Event Time Zone", "Event Timezone",
		"Time Zone", "Timezone", "TZ", "UTC Offset", "GMT Offset", "Zone", "Offset",
		"时区",
	},
}

// fuzzyStop are words that, left over in a header beside a matched alias, show the header is about
// something else: "Tracking URL" is not a tracking number, "origin_country" is not where the
// parcel goes.
var fuzzyStop = []string{
	"url", "link", "account", "key", "postal", "zip", "phone", "origin", "sender", "from",
	"return", "refund", "discount", "tax", "fee", "cost", "quantity", "qty", "count", "sku",
	"date", "time", "country", "state", "province", "city", "address", "id", "status", "type",
	"weight", "note", "memo", "comment", "payment", "user", "carrier", "courier", "company",
	"provider", "service", "method", "email", "amount", "price", "total", "currency", "product",
	"name",
}

// minFuzzyAlias is the shortest alias (after headerKey) that may match inside a longer header:
// shorter ones ("ref", "item", "mail") occur inside too many unrelated words.
const minFuzzyAlias = 7

type aliasEntry struct {
	col  Column
	rank int
}

// aliasIndex maps headerKey(alias) to its columns; built once from columnAliases. A key may
// mean two columns ("name"), which the ranking in MatchHeader settles.
var aliasIndex = func() map[string][]aliasEntry {
	idx := make(map[string][]aliasEntry)
	for col, names := range columnAliases {
		// The column's own name is always an alias: the most specific one unless the list places
		// it (status comes after the event-text names).
		own := headerKey(string(col))
		if headerKey(names[0]) != own && !aliasListHas(names, own) {
			names = append([]string{string(col)}, names...)
		}
		for i, n := range names {
			k := headerKey(n)
			idx[k] = append(idx[k], aliasEntry{col, i})
		}
	}
	return idx
}()

// headerKey folds a header name so that spelling differences vanish: lower case, and only
// letters and digits kept, which drops spaces, "_", "-", ".", "#", brackets, quotes, a BOM or
// zero-width space left by a spreadsheet, and the "*" some templates put on required columns.
func headerKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) { // "Código" and "Codigo" are one header
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Mapping says which field of a record holds each column: column → 0-based field index. A
// column that is absent from the map is not in the file.
type Mapping map[Column]int

// MatchHeader guesses a Mapping from a file's header row. Names are compared case-insensitively,
// ignoring spaces, underscores, dashes, dots and other punctuation; every column has aliases for
// the exports sellers upload (see columnAliases). An exact alias beats a header that only
// contains one ("Tracking Number (Cainiao)"); among several candidates for one column the more
// specific alias wins, then the leftmost header. Each column is mapped at most once and each
// header to at most one column. The seller confirms or fixes the result on the preview.
func MatchHeader(header []string) Mapping {
	type candidate struct {
		col   Column
		field int
		score int // lower is better
	}
	var cands []candidate
	for i, h := range header {
		k := headerKey(h)
		if k == "" {
			continue
		}
		if entries, ok := aliasIndex[k]; ok {
			for _, e := range entries {
				cands = append(cands, candidate{e.col, i, e.rank})
			}
			continue
		}
		// Fuzzy: the header contains an alias and nothing that says it is about something else.
		// A longer alias is more specific, so it scores better.
		for ak, entries := range aliasIndex {
			if len(ak) < minFuzzyAlias || !strings.Contains(k, ak) {
				continue
			}
			rest := strings.Replace(k, ak, " ", 1)
			if headerHasAny(rest, fuzzyStop) {
				continue
			}
			for _, e := range entries {
				cands = append(cands, candidate{e.col, i, 10000 + (100-len(ak))*100 + e.rank})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score < cands[b].score
		}
		if cands[a].field != cands[b].field {
			return cands[a].field < cands[b].field
		}
		return columnOrder(cands[a].col) < columnOrder(cands[b].col)
	})
	m := Mapping{}
	used := make(map[int]bool)
	for _, c := range cands {
		if _, ok := m[c.col]; ok || used[c.field] {
			continue
		}
		m[c.col] = c.field
		used[c.field] = true
	}
	return m
}

func aliasListHas(names []string, key string) bool {
	for _, n := range names {
		if headerKey(n) == key {
			return true
		}
	}
	return false
}

func headerHasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// columnOrder is the position of c in Columns, with ColStatusTZ last; it breaks ties between
// columns so MatchHeader is deterministic.
func columnOrder(c Column) int {
	for i, k := range Columns {
		if c == k {
			return i
		}
	}
	return len(Columns)
}

// Validate checks a mapping before an import runs: order_ref must be mapped, since a shipment is
// keyed by it, and every column must be a known one with a field index.
func (m Mapping) Validate() error {
	fields := map[string]string{}
	if _, ok := m[ColOrderRef]; !ok {
		fields[string(ColOrderRef)] = "No order reference column: map one column to order_ref."
	}
	for c, i := range m {
		switch {
		case !c.Valid():
			fields[string(c)] = "Unknown column."
		case i < 0:
			fields[string(c)] = "Choose a column of the file."
		}
	}
	if len(fields) > 0 {
		return &Error{Fields: fields}
	}
	return nil
}

// field returns the trimmed value of column c in rec, or "" when c is not mapped or rec is
// shorter than the header.
func (m Mapping) field(rec []string, c Column) string {
	i, ok := m[c]
	if !ok || i < 0 || i >= len(rec) {
		return ""
	}
	return cell.Trim(rec[i])
}
