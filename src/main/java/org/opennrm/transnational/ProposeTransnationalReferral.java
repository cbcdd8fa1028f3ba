package org.opennrm.transnational;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.identification.SuspectedExploitation;

/**
 * The body of {@code POST /api/cases/{reference}/transnational-referrals}: a caseworker of the agency leading the case
 * proposes to refer the person to another country's instance.
 *
 * @param country the receiving country, one of this instance's peers (ISO 3166 code)
 * @param kind return, transfer or assistance
 * @param servicesContinue whether services continue here after acceptance (a return or transfer then leaves the case
 * open)
 * @param suspectedExploitation the form of exploitation, for the receiving intake (it chooses their checklist)
 * @param interpreterNeeded whether the person needs an interpreter there
 * @param fields per section ({@code identity}, {@code risk}, ...), the HTCDS-named fields to send; only sections the
 * access policy lets a transnational referral carry, never the law-enforcement compartment
 */
public record ProposeTransnationalReferral(
		@NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166 two-letter country code") String country,
		@NotNull ReferralKind kind, @NotNull Boolean servicesContinue,
		@NotNull SuspectedExploitation suspectedExploitation, @NotNull Boolean interpreterNeeded,
		@NotEmpty @Size(max = 8) Map<@NotBlank @Size(max = 32) String, @NotEmpty @Size(max = 40) List<@NotBlank @Size(max = 64) String>> fields) {
}
