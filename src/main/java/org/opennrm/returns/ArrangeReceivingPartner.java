package org.opennrm.returns;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A receiving partner in the country of return has confirmed that it will receive the person. Refused while the
 * person is protected from removal (checked against the registry).
 *
 * @param receivingPartnerConfirmed the partner confirmed (a return goes ahead only then)
 * @param receivingCountry ISO 3166 alpha-2 code of the country of return
 */
public record ArrangeReceivingPartner(
		@NotNull @AssertTrue(message = "a return goes ahead only with a confirmed receiving partner")
		Boolean receivingPartnerConfirmed,
		@NotNull @Pattern(regexp = "[A-Z]{2}",
				message = "must be a two-letter country code in capitals, such as MK or AL") String receivingCountry) {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	@JsonIgnore
	@AssertTrue(message = "must be an ISO 3166 alpha-2 country code")
	public boolean isReceivingCountryKnown() {
		return this.receivingCountry == null || COUNTRIES.contains(this.receivingCountry);
	}
}
