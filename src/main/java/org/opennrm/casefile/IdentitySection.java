package org.opennrm.casefile;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who the person is (HTCDS person fields {@code prs_FirstName}, {@code prs_MiddleName}, {@code prs_SecondName},
 * {@code prs_Birthdate}, {@code prs_Gender}, {@code prs_Nationality}, {@code prs_MobilePhone}). Names are stored
 * exactly as given: no normalisation, any script.
 *
 * @param firstName first name
 * @param middleName middle name
 * @param secondName second (family) name
 * @param aliases other names the person is known by
 * @param birthdate date of birth, if known
 * @param birthdateEstimated whether the date of birth is an estimate
 * @param gender gender as the HTCDS picklist has it
 * @param nationality ISO 3166-1 alpha-2 country code
 * @param languages languages the person speaks (ISO 639 codes)
 * @param mobilePhone phone number in E.164 form
 * @param identityDocument the number of an identity or travel document, if any
 */
public record IdentitySection(@Size(max = NAME) String firstName, @Size(max = NAME) String middleName,
		@Size(max = NAME) String secondName, @Size(max = 20) List<@NotBlank @Size(max = NAME) String> aliases,
		@Past LocalDate birthdate, Boolean birthdateEstimated, Gender gender,
		@Pattern(regexp = "[A-Z]{2}", message = "{validation.countryCode}") String nationality,
		@Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "{validation.languageCode}") String> languages,
		@Pattern(regexp = "\\+?[1-9]\\d{1,14}", message = "{validation.phoneNumber}") String mobilePhone,
		@Size(max = NAME) String identityDocument) implements SectionContent {

	/** HTCDS {@code prs_Gender}. */
	public enum Gender {
		Male, Female, TransgenderNonConforming, Unknown
	}
}
