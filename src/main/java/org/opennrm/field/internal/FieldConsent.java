package org.opennrm.field.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consent step's form, passed on as the body of the pathway's {@code RecordConsent} task, which checks it (every
 * purpose answered when the person agrees to referral, agencies only).
 */
record FieldConsent(Boolean consentToReferral, Boolean consentToServices, List<String> consentToShareWith,
		Boolean consentToPoliceCooperation) {

	Map<String, Object> asBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("consentToReferral", this.consentToReferral);
		body.put("consentToServices", this.consentToServices);
		body.put("consentToShareWith", this.consentToShareWith == null ? List.of() : this.consentToShareWith);
		body.put("consentToPoliceCooperation", this.consentToPoliceCooperation);
		return body;
	}
}
