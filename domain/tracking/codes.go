package tracking

import "strings"

// Status codes beat status text: when an event row carries a code from one of the systems below,
// the code decides, because codes are exact where carrier wording is not. The tables map the codes
// whose documented meaning places the parcel; a code that means "no stage" (in transit, exception,
// pending) is left out, so the event's text decides instead.
//
// Sources (the meaning of each code as its owner documents it):
//   - UPU EMSEVT event codes (EMA posting … EMI final delivery, EDA–EDH, EXA–EXD):
//     https://logistic-natives.com/mandatory-parcel-tracking-key-to-seamless-delivery-execution.html
//   - Cainiao / AliExpress logistics action codes (SC_INBOUND_SUCCESS, LH_HO_AIRLINE, CC_IM_START,
//     GTMS_SIGNED, …): https://github.com/michlindevelopment/PackageTracker/blob/c91cca369c8ef32b6bcc1f1dab7bdcc63b91071e/docs/cainiao-action-codes.md
//   - AfterShip tags and sub-statuses: https://www.aftership.com/docs/tracking/2025-04/enum/delivery-sub-statuses
//   - 17TRACK main statuses and sub-statuses: https://help.17track.net/hc/en-us/articles/37471096573337-Understanding-Tracking-Status-Main-Status-Substatus
//   - TrackingMore statuses and sub-statuses: https://www.trackingmore.com/docs/logistics_status.php
//
// Codes are matched without regard to case and surrounding space. The systems' codes do not
// collide: where two systems share a code ("Delivered", "InfoReceived") they mean the same.

type clsCode struct {
	code   string
	stage  Stage
	signal Signal
}

var clsCodeTable = []clsCode{
	// upu
	{"EMA", 3, SignalNone}, {"EMB", 3, SignalNone}, {"EXA", 5, SignalNone},
	{"EXB", 5, SignalCustomsHold}, {"EXC", 5, SignalNone}, {"EXD", 3, SignalNone},
	{"EMC", 6, SignalNone}, {"EMJ", 6, SignalNone}, {"EMK", 6, SignalNone},
	{"EMD", 7, SignalNone}, {"EDA", 8, SignalNone}, {"EDB", 8, SignalNone},
	{"EME", 8, SignalCustomsHold}, {"EDC", 9, SignalNone}, {"EMF", 9, SignalNone},
	{"EDD", 9, SignalNone}, {"EDE", 9, SignalNone}, {"EMG", 9, SignalNone},
	{"EDF", 9, SignalNone}, {"EDG", 10, SignalNone}, {"EDH", 10, SignalPickupAvailable},
	{"EMH", 10, SignalAttemptFailed}, {"EMI", 11, SignalNone},
	// cainiao
	{"CONSIGN", 2, SignalLabelOnly}, {"OM_CONSIGN", 2, SignalLabelOnly}, {"GTMS_ASN", 2, SignalLabelOnly},
	{"LAST_MILE_ASN_NOTIFY", 2, SignalLabelOnly}, {"PU_PICKUP_SUCCESS", 3, SignalNone}, {"PU_PICKUP_FAILURE", 2, SignalLabelOnly},
	{"PU_SIGN_IN_SUCCESS", 3, SignalNone}, {"CW_INBOUND", 3, SignalNone}, {"CW_OUTBOUND", 3, SignalNone},
	{"SC_INBOUND_SUCCESS", 3, SignalNone}, {"SC_INBOUND_FAILURE", 3, SignalNone}, {"SC_OUTBOUND_SUCCESS", 3, SignalNone},
	{"SC_OUTBOUND_FAILURE", 3, SignalNone}, {"SC_HO_OUT_SUCCESS", 4, SignalNone}, {"SC_HO_OUT_FAILURE", 3, SignalNone},
	{"SC_SIGN_IN_SUCCESS", 3, SignalNone}, {"SC_SIGN_IN_FAILURE", 3, SignalNone}, {"TD_TRANS_ARRIVE", 6, SignalNone},
	{"TD_TRANS_DEPART", 6, SignalNone}, {"CC_EX_START", 5, SignalNone}, {"CC_EX_SUCCESS", 5, SignalNone},
	{"CC_EX_FAILURE", 5, SignalCustomsHold}, {"LH_HO_IN_SUCCESS", 4, SignalNone}, {"LH_HO_IN_FAILURE", 4, SignalNone},
	{"LH_POST_COLLECTION", 4, SignalNone}, {"LH_HO_AIRLINE", 4, SignalNone}, {"LH_HO_AIRLINE_FAILURE", 4, SignalNone},
	{"LH_DEPART", 6, SignalNone}, {"LH_ARRIVE", 7, SignalNone}, {"LH_HO_OUT_SUCCESS", 7, SignalNone},
	{"LH_HO_OUT_FAILURE", 7, SignalNone}, {"CC_TRANS_START", 6, SignalNone}, {"CC_TRANS_SUCCESS", 6, SignalNone},
	{"CC_TRANS_FAILURE", 6, SignalNone}, {"CC_IM_START", 8, SignalNone}, {"CC_IM_PROCESS", 8, SignalNone},
	{"CC_IM_SUCCESS", 9, SignalNone}, {"CC_IM_FAILURE", 8, SignalCustomsHold}, {"CC_HO_IN_SUCCESS", 8, SignalNone},
	{"CC_HO_IN_FAILURE", 8, SignalNone}, {"CC_HO_OUT_SUCCESS", 9, SignalNone}, {"CC_HO_OUT_FAILURE", 8, SignalNone},
	{"CUS_DECLARE", 8, SignalNone}, {"CUS_SUCCESS", 9, SignalNone}, {"CUS_FAILURE", 8, SignalCustomsHold},
	{"CUS_TAX", 8, SignalCustomsHold}, {"CIQ_SUCCESS", 9, SignalNone}, {"CIQ_FAILURE", 8, SignalCustomsHold},
	{"GTMS_ACCEPT", 9, SignalNone}, {"GTMS_SC_ARRIVE", 9, SignalNone}, {"GTMS_SC_ARRIVE_FAILURE", 9, SignalNone},
	{"GTMS_DO_ARRIVE", 9, SignalNone}, {"GTMS_DO_DEPART", 10, SignalNone}, {"GTMS_DELIVERING", 10, SignalNone},
	{"GTMS_DEL_FAILURE", 10, SignalAttemptFailed}, {"GTMS_RE_DELIVERING", 10, SignalNone}, {"GTMS_RELABEL", 9, SignalNone},
	{"GTMS_SIGNED", 11, SignalNone}, {"GTMS_SIGN_FAILURE", 10, SignalAttemptFailed}, {"GTMS_WAIT_SELF_PICK", 10, SignalPickupAvailable},
	{"GTMS_STA_SIGNED", 10, SignalPickupAvailable}, {"GTMS_STA_SIGN_FAILURE", 9, SignalNone}, {"GTMS_STATION_IN", 9, SignalNone},
	{"GTMS_STATION_OUT", 9, SignalNone}, {"GTMS_FAILURE", 10, SignalAttemptFailed}, {"GTMS_STA_WAIT_CUST_CHANGE_ADDRESS", 10, SignalAddressIssue},
	{"GTMS_STA_CUST_TO_DOOR", 9, SignalNone}, {"GTMS_STA_CHANGE", 9, SignalNone}, {"GTMS_STA_CN_TO_DOOR", 9, SignalNone},
	{"GTMS_STA_CN_CHANGE", 9, SignalNone}, {"GTMS_STA_CNCP_TO_DOOR", 9, SignalNone}, {"GTMS_STA_CNCP_CHANGE", 9, SignalNone},
	{"GSTA_SIGN", 11, SignalNone}, {"GSTA_SIGN_FAIL", 10, SignalPickupAvailable}, {"STA_SIGN", 11, SignalNone},
	{"STA_SIGN_FAIL", 10, SignalPickupAvailable}, {"GSTAHUB_INBOUND", 9, SignalNone}, {"GSTAHUB_INBOUND_FAIL", 9, SignalNone},
	{"GSTA_INBOUND", 10, SignalPickupAvailable}, {"GSTA_INBOUND_FAIL", 9, SignalNone}, {"GSTA_BUYER_SIGN", 11, SignalNone},
	{"GSTA_BUYER_SIGN_FAIL", 10, SignalPickupAvailable}, {"GOT", 3, SignalNone}, {"DEPARTURE", 3, SignalNone},
	{"ARRIVAL", 3, SignalNone}, {"SENT_SCAN", 10, SignalNone}, {"SIGNED", 11, SignalNone},
	{"FAILED", 10, SignalAttemptFailed}, {"GWMS_ACCEPT", 2, SignalLabelOnly}, {"GWMS_PICK", 1, SignalNone},
	{"GWMS_PACKAGE", 2, SignalLabelOnly}, {"GWMS_OUTBOUND", 3, SignalNone}, {"GWMS_HANDOVER", 3, SignalNone},
	{"RT_INBOUND", 10, SignalReturned}, {"RETURNED", 10, SignalReturned}, {"RT_OUTBOUND", 10, SignalReturned},
	{"RT_DESTROY", 10, SignalDamagedLost}, {"RT_HO_OUT", 10, SignalReturned}, {"RT_WH_HO_IN", 10, SignalReturned},
	{"RT_WH_HO_IN_FAIL", 10, SignalReturned}, {"RT_WH_INBOUND", 10, SignalReturned}, {"RT_WH_INBOUND_FAILURE", 10, SignalReturned},
	{"RT_WH_OUTBOUND", 10, SignalReturned}, {"RT_WH_HO_OUT", 10, SignalReturned}, {"RT_WH_DESTROY", 10, SignalDamagedLost},
	{"RT_TRANSWH_HO_IN", 10, SignalReturned}, {"RT_TRANSWH_INBOUND", 10, SignalReturned}, {"RT_TRANSWH_OUTBOUND", 10, SignalReturned},
	{"RT_TMS_ACCEPT", 10, SignalReturned}, {"POSTMAN_POST", 10, SignalPickupAvailable}, {"COMMON_ACCEPT", 3, SignalNone},
	{"COMMON_SIGNED", 11, SignalNone}, {"CUSTOMS_ARRIVED_IN_AREA_CALLBACK", 8, SignalNone}, {"WMS_CONFIRMED", 3, SignalNone},
	// aftership
	{"InfoReceived", 2, SignalLabelOnly}, {"OutForDelivery", 10, SignalNone}, {"AttemptFail", 10, SignalAttemptFailed},
	{"Delivered", 11, SignalNone}, {"AvailableForPickup", 10, SignalPickupAvailable}, {"Delivered_001", 11, SignalNone},
	{"Delivered_002", 11, SignalNone}, {"Delivered_003", 11, SignalNone}, {"Delivered_004", 11, SignalNone},
	{"Delivered_005", 11, SignalDeliveredElsewhere}, {"AvailableForPickup_001", 10, SignalPickupAvailable}, {"Exception_001", 10, SignalAttemptFailed},
	{"Exception_002", 10, SignalAddressIssue}, {"Exception_003", 10, SignalReturned}, {"Exception_004", 8, SignalCustomsHold},
	{"Exception_006", 8, SignalCustomsHold}, {"Exception_007", 10, SignalAddressIssue}, {"Exception_008", 10, SignalPickupAvailable},
	{"Exception_010", 10, SignalReturned}, {"Exception_011", 10, SignalReturned}, {"Exception_012", 10, SignalDamagedLost},
	{"Exception_013", 10, SignalDamagedLost}, {"Exception_018", 8, SignalCustomsHold}, {"AttemptFail_001", 10, SignalAttemptFailed},
	{"AttemptFail_002", 10, SignalAttemptFailed}, {"AttemptFail_003", 10, SignalAttemptFailed}, {"InTransit_002", 3, SignalNone},
	{"InTransit_003", 3, SignalNone}, {"InTransit_004", 7, SignalNone}, {"InTransit_005", 9, SignalNone},
	{"InTransit_006", 8, SignalNone}, {"InTransit_007", 3, SignalNone}, {"InfoReceived_001", 2, SignalLabelOnly},
	{"OutForDelivery_001", 10, SignalNone}, {"OutForDelivery_002", 10, SignalPickupAvailable}, {"OutForDelivery_003", 10, SignalNone},
	// 17track
	{"InfoReceived", 2, SignalLabelOnly}, {"AvailableForPickup", 10, SignalPickupAvailable}, {"OutForDelivery", 10, SignalNone},
	{"DeliveryFailure", 10, SignalAttemptFailed}, {"Delivered", 11, SignalNone}, {"InTransit_PickedUp", 3, SignalNone},
	{"InTransit_Departure", 6, SignalNone}, {"InTransit_Arrival", 7, SignalNone}, {"InTransit_CustomsProcessing", 8, SignalNone},
	{"InTransit_CustomsReleased", 9, SignalNone}, {"InTransit_CustomsRequiringInformation", 8, SignalCustomsHold}, {"AvailableForPickup_Other", 10, SignalPickupAvailable},
	{"OutForDelivery_Other", 10, SignalNone}, {"DeliveryFailure_Other", 10, SignalAttemptFailed}, {"DeliveryFailure_NoBody", 10, SignalAttemptFailed},
	{"DeliveryFailure_Security", 10, SignalAttemptFailed}, {"DeliveryFailure_Rejected", 10, SignalReturned}, {"DeliveryFailure_InvalidAddress", 10, SignalAddressIssue},
	{"Delivered_Other", 11, SignalNone}, {"Exception_Returning", 10, SignalReturned}, {"Exception_Returned", 10, SignalReturned},
	{"Exception_Damage", 10, SignalDamagedLost}, {"Exception_Lost", 10, SignalDamagedLost}, {"Exception_Destroyed", 8, SignalDamagedLost},
	{"Exception_Rejected", 10, SignalReturned}, {"Exception_InvalidAddress", 10, SignalAddressIssue},
	// trackingmore
	{"inforeceived", 2, SignalLabelOnly}, {"pickup", 10, SignalNone}, {"delivered", 11, SignalNone},
	{"undelivered", 10, SignalAttemptFailed}, {"notfound001", 2, SignalLabelOnly}, {"inforeceived001", 2, SignalLabelOnly},
	{"transit002", 3, SignalNone}, {"transit003", 9, SignalNone}, {"transit004", 7, SignalNone},
	{"transit005", 9, SignalNone}, {"transit006", 3, SignalNone}, {"transit007", 6, SignalNone},
	{"pickup001", 10, SignalNone}, {"pickup002", 10, SignalPickupAvailable}, {"pickup003", 10, SignalNone},
	{"delivered001", 11, SignalNone}, {"delivered002", 11, SignalNone}, {"delivered003", 11, SignalNone},
	{"delivered004", 11, SignalDeliveredElsewhere}, {"exception004", 10, SignalPickupAvailable}, {"exception005", 10, SignalReturned},
	{"exception006", 8, SignalCustomsHold}, {"exception007", 10, SignalDamagedLost}, {"exception009", 10, SignalReturned},
	{"exception010", 10, SignalReturned}, {"exception011", 10, SignalReturned},
}

// clsCodes maps an upper-cased code to its stage and signal.
var clsCodes = func() map[string]clsCode {
	m := make(map[string]clsCode, len(clsCodeTable))
	for _, c := range clsCodeTable {
		k := strings.ToUpper(c.code)
		if prev, ok := m[k]; ok && (prev.stage != c.stage || prev.signal != c.signal) {
			panic("tracking: status code " + c.code + " mapped twice")
		}
		if !c.stage.Valid() || !c.signal.Valid() {
			panic("tracking: status code " + c.code + " with a bad stage or signal")
		}
		m[k] = c
	}
	return m
}()

// ClassifyCode returns the stage and signal a status code means, and false when the code is not
// one the tables place (unknown, or a code that says nothing about where the parcel is).
func ClassifyCode(code string) (Stage, Signal, bool) {
	c, ok := clsLookupCode(code)
	return c.stage, c.signal, ok
}

// clsLookupCode finds a code in the tables, without regard to case and surrounding space.
func clsLookupCode(code string) (clsCode, bool) {
	code = strings.TrimSpace(code)
	if code == "" || len(code) > 64 {
		return clsCode{}, false
	}
	var buf [64]byte
	k := buf[:len(code)]
	for i := 0; i < len(code); i++ {
		c := code[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		k[i] = c
	}
	c, ok := clsCodes[string(k)]
	return c, ok
}
