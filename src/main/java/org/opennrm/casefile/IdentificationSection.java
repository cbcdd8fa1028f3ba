package org.opennrm.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How the person was identified: the screenings (written by the screening task, read-only here) and the victim
 * context in HTCDS terms ({@code vic_MethodOfRecruitment}, {@code vic_MethodsOfControl},
 * {@code vic_TypeOfLabourExploitation}, {@code vic_TypeOfSexExploitation}, {@code vic_Vulnerabilities},
 * {@code vic_DetailsOfVulnerabilities}, and historic trafficking events {@code hte_*}).
 *
 * @param screenings every screening, oldest first (written only by the screening task; the API refuses them)
 * @param methodOfRecruitment how the person was recruited
 * @param methodsOfControl how the person was controlled
 * @param typeOfLabourExploitation sectors of labour exploitation
 * @param typeOfSexExploitation forms of sexual exploitation
 * @param otherExploitation forms of exploitation other than labour and sexual exploitation (the CTDC flags
 * {@code isForcedMarriage}, {@code isForcedMilitary}, {@code isOrganRemoval}, {@code isSlaveryAndPractices},
 * {@code isOtherExploit})
 * @param vulnerabilities vulnerabilities that were used
 * @param detailsOfVulnerabilities details, in the caseworker's words
 * @param traffickingEvents where and when recruitment, transit and exploitation happened
 */
public record IdentificationSection(List<Screening> screenings,
		@Size(max = 20) List<@NotNull MethodOfRecruitment> methodOfRecruitment,
		@Size(max = 20) List<@NotNull MethodOfControl> methodsOfControl,
		@Size(max = 20) List<@NotNull LabourExploitation> typeOfLabourExploitation,
		@Size(max = 20) List<@NotNull SexExploitation> typeOfSexExploitation,
		@Size(max = 20) List<@NotNull OtherExploitation> otherExploitation,
		@Size(max = 20) List<@NotNull Vulnerability> vulnerabilities,
		@Size(max = TEXT) String detailsOfVulnerabilities,
		@Size(max = 50) List<@Valid @NotNull TraffickingEvent> traffickingEvents) implements SectionContent {

	public IdentificationSection {
		screenings = screenings == null ? List.of() : List.copyOf(screenings);
	}

	/** The same victim context with one more screening. */
	public IdentificationSection withScreening(Screening screening) {
		List<Screening> all = new java.util.ArrayList<>(this.screenings);
		all.add(screening);
		return new IdentificationSection(all, this.methodOfRecruitment, this.methodsOfControl,
				this.typeOfLabourExploitation, this.typeOfSexExploitation, this.otherExploitation, this.vulnerabilities,
				this.detailsOfVulnerabilities, this.traffickingEvents);
	}

	/** The same screenings with this victim context (the screenings are never written through the API). */
	public IdentificationSection keepingScreeningsOf(IdentificationSection stored) {
		return new IdentificationSection(stored == null ? List.of() : stored.screenings, this.methodOfRecruitment,
				this.methodsOfControl, this.typeOfLabourExploitation, this.typeOfSexExploitation, this.otherExploitation,
				this.vulnerabilities, this.detailsOfVulnerabilities, this.traffickingEvents);
	}

	/**
	 * One screening: which checklist (and version) was used and which of its indicators were observed.
	 *
	 * @param checklistId the checklist
	 * @param checklistVersion its version
	 * @param observedIndicators the codes of the indicators observed
	 * @param screenedBy who screened
	 * @param screenedAt when
	 */
	public record Screening(String checklistId, int checklistVersion, List<String> observedIndicators,
			String screenedBy, Instant screenedAt) {
	}

	/** One event of the trafficking (HTCDS {@code hte_Type}, {@code hte_Date}, {@code hte_City}, ...). */
	public record TraffickingEvent(@NotNull EventType type, @PastOrPresent LocalDate date,
			@Size(max = NAME) String city,
			@Pattern(regexp = "[A-Z]{2}", message = "{validation.countryCode}") String country,
			@Size(max = TEXT) String description) {

		public enum EventType {
			Recruitment, Transit, Exploitation
		}
	}

	/** HTCDS {@code vic_MethodOfRecruitment}. */
	public enum MethodOfRecruitment {
		Abduction, EducationalFacility, Familial, Internet, InternationalMarriageBroker, IntimatePartnerOrMarriage,
		JobOffer, PosingAsBenefactor, PublicArea, OfferOfAccommodation, Shelter, SmugglingOrRansom, Work, Other,
		Unknown
	}

	/** HTCDS {@code vic_MethodsOfControl}. */
	public enum MethodOfControl {
		DebtBondage, TakesEarnings, RestrictsFinancialAccess, Threats, PsychologicalAbuse, PhysicalAbuse, SexualAbuse,
		FalsePromises, PsychoactiveSubstances, RestrictsMovement, RestrictsMedicalCare, ExcessiveWorkingHours,
		UsesChildren, ThreatOfLawEnforcement, WithholdsNecessities, WithholdsDocuments, Other
	}

	/** HTCDS {@code vic_TypeOfLabourExploitation}. */
	public enum LabourExploitation {
		Agriculture, Aquafarming, Begging, Construction, DomesticWork, Hospitality, IllicitActivities, Manufacturing,
		MiningOrDrilling, Peddling, Transportation, Other
	}

	/** HTCDS {@code vic_TypeOfSexExploitation}. */
	public enum SexExploitation {
		Prostitution, Pornography, RemoteInteractiveServices, PrivateSexualServices
	}

	/** Forms of exploitation other than labour and sexual exploitation, as CTDC flags them. */
	public enum OtherExploitation {
		ForcedMarriage, ForcedMilitary, OrganRemoval, SlaveryAndPractices, ForcedCriminality, Other
	}

	/** HTCDS {@code vic_Vulnerabilities}. */
	public enum Vulnerability {
		Addiction, Caste, Discrimination, Poverty, DisabilityAndPhysicalHealth, MentalHealth, Migration, Homelessness,
		AbuseSocialMedia, AbusePhysical, Education, WorkEnvironment
	}
}
