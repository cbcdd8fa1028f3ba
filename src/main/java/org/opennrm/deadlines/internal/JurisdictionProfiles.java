package org.opennrm.deadlines.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.opennrm.deadlines.ClockDuration;
import org.opennrm.deadlines.JurisdictionProfile;
import org.opennrm.deadlines.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads every profile at start-up and refuses to start on a broken one (an unknown clock, a malformed duration, a
 * missing default). Profiles come from {@code ./config/jurisdictions/} when that folder exists beside the service,
 * otherwise from the copy packaged with it; {@code nrm.jurisdictions.location} points elsewhere.
 */
@Component
class JurisdictionProfiles implements Jurisdictions {

	/** Every clock the models use: each profile must define all of them. */
	static final Set<String> CLOCKS = Set.of("preliminary-decision", "recovery-period",
			"recovery-period-foreign-national", "recovery-period-extension", "recovery-review", "formal-decision",
			"reconsideration-window", "handoff-response", "guardian-appointment", "risk-assessment",
			"risk-reassessment-interval", "assistance-plan", "psychosocial-review-interval", "follow-up-period",
			"escalation-response", "transnational-delivery", "transnational-response");

	private static final Logger log = LoggerFactory.getLogger(JurisdictionProfiles.class);

	private final Map<String, JurisdictionProfile> profiles;

	private final String defaultId;

	JurisdictionProfiles(@Value("${nrm.jurisdictions.location:}") String location,
			@Value("${nrm.cases.jurisdiction:coe}") String defaultId) throws IOException {
		this.profiles = load(resources(location));
		if (!this.profiles.containsKey(defaultId)) {
			throw new IllegalStateException("No jurisdiction profile '" + defaultId + "' (nrm.cases.jurisdiction); known: "
					+ this.profiles.keySet());
		}
		this.defaultId = defaultId;
		log.info("Jurisdiction profiles {}; new cases follow '{}'", this.profiles.keySet(), defaultId);
	}

	@Override
	public JurisdictionProfile profile(String id) {
		JurisdictionProfile profile = this.profiles.get(id);
		if (profile == null) {
			throw new IllegalArgumentException("No jurisdiction profile '" + id + "'");
		}
		return profile;
	}

	@Override
	public Set<String> ids() {
		return this.profiles.keySet();
	}

	@Override
	public String defaultId() {
		return this.defaultId;
	}

	private static Resource[] resources(String location) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		if (!location.isBlank()) {
			return resolver.getResources(location);
		}
		Resource[] beside = resolver.getResources("file:./config/jurisdictions/*.yml");
		return beside.length > 0 ? beside : resolver.getResources("classpath*:config/jurisdictions/*.yml");
	}

	static Map<String, JurisdictionProfile> load(Resource[] resources) throws IOException {
		YAMLMapper yaml = YAMLMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		Map<String, JurisdictionProfile> profiles = new TreeMap<>();
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				JurisdictionProfile profile = yaml.readValue(in, ProfileFile.class).toProfile();
				if (profiles.put(profile.id(), profile) != null) {
					throw new IllegalStateException("Two jurisdiction profiles with id '" + profile.id() + "'");
				}
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Jurisdiction profile " + resource + " is not valid: " + ex.getMessage(),
						ex);
			}
		}
		if (profiles.isEmpty()) {
			throw new IllegalStateException("No jurisdiction profiles found");
		}
		return profiles;
	}

	/** The file as an operator writes it. */
	record ProfileFile(String id, String name, String country, String timeZone, String competentAuthority, Integer reminderAtPercent,
			Map<String, String> clocks, Holidays holidays) {

		JurisdictionProfile toProfile() {
			Map<String, ClockDuration> durations = new LinkedHashMap<>();
			this.clocks.forEach((clock, text) -> durations.put(clock, ClockDuration.parse(text)));
			Set<String> missing = new java.util.TreeSet<>(CLOCKS);
			missing.removeAll(durations.keySet());
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("missing clocks " + missing);
			}
			Set<String> unknown = new java.util.TreeSet<>(durations.keySet());
			unknown.removeAll(CLOCKS);
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException("unknown clocks " + unknown);
			}
			Holidays days = this.holidays == null ? new Holidays(List.of(), List.of()) : this.holidays;
			if (this.country != null && !this.country.matches("[A-Z]{2}")) {
				throw new IllegalArgumentException("country must be an ISO 3166 two-letter code");
			}
			return new JurisdictionProfile(this.id, this.name, this.country, ZoneId.of(this.timeZone), this.competentAuthority,
					this.reminderAtPercent == null ? 80 : this.reminderAtPercent, durations,
					days.fixed().stream().map(day -> MonthDay.parse("--" + day)).collect(Collectors.toSet()),
					days.dates().stream().map(LocalDate::parse).collect(Collectors.toSet()));
		}
	}

	record Holidays(List<String> fixed, List<String> dates) {

		Holidays {
			fixed = fixed == null ? List.of() : fixed;
			dates = dates == null ? List.of() : dates;
		}
	}
}
