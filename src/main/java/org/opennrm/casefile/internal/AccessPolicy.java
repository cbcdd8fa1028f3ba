package org.opennrm.casefile.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.opennrm.casefile.AccessDecision.Basis;
import org.opennrm.casefile.Section;
import org.opennrm.consent.ConsentPurpose;
import org.opennrm.handoff.ServiceHandoffProcess.ServiceType;
import org.opennrm.security.Role;
import org.springframework.core.io.Resource;

/**
 * The access policy file ({@code config/access-policy.yml}), checked as it is read: an unknown role, section, scope or
 * service is an error that stops the start, never a silent deny or allow.
 *
 * @param sections per section, the roles that may read and write it
 * @param scopes per scope, its purpose, the consent it needs and the sections it covers
 * @param referralDefaults per service, what a hand-off shares when nobody chose
 * @param shareable what a referring caseworker may ever share
 * @param breakGlass who may break the glass, for how long, and what it opens
 * @param transnationalReferral what a referral to another country's instance may carry (nothing when the file names
 * nothing)
 */
record AccessPolicy(Map<Section, SectionRule> sections, Map<Basis, Scope> scopes,
		Map<ServiceType, Set<Section>> referralDefaults, Set<Section> shareable, BreakGlassRule breakGlass,
		TransnationalRule transnationalReferral) {

	/** Roles (engine groups) that may read and write one section. */
	record SectionRule(Set<String> read, Set<String> write) {
	}

	/**
	 * One scope: why it is read, the consent that must hold ({@code null}: none), what it covers, and of that what it
	 * lets the user write ({@code null}: all it covers).
	 */
	record Scope(String purpose, ConsentPurpose consent, Set<Section> sections, Set<Section> writes) {

		/** Of these covered sections, the ones this scope lets the user write. */
		Set<Section> writable(Set<Section> covered) {
			if (this.writes == null) {
				return covered;
			}
			Set<Section> writable = EnumSet.noneOf(Section.class);
			covered.stream().filter(this.writes::contains).forEach(writable::add);
			return writable;
		}
	}

	/** Break-glass: who, how long, what. */
	record BreakGlassRule(Set<String> roles, Duration duration, Set<Section> sections) {
	}

	/**
	 * A transnational referral: the purpose it is recorded under, the consent it needs (given for the receiving
	 * country), and the sections whose fields a caseworker may choose to send. Never the law-enforcement compartment.
	 */
	record TransnationalRule(String purpose, ConsentPurpose consent, Set<Section> sections) {
	}

	static AccessPolicy read(Resource resource) throws IOException {
		YAMLMapper yaml = YAMLMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(new JavaTimeModule())
			.build();
		try (InputStream in = resource.getInputStream()) {
			return yaml.readValue(in, File.class).checked(resource.getDescription());
		}
	}

	/** The file as written: names, not yet checked. */
	record File(Map<String, RawRule> sections, Map<String, RawScope> scopes, Map<String, List<String>> referralDefaults,
			List<String> shareable, RawBreakGlass breakGlass, RawScope transnationalReferral) {

		AccessPolicy checked(String where) {
			List<String> problems = new ArrayList<>();
			Map<Section, SectionRule> rules = new EnumMap<>(Section.class);
			nonNull(this.sections).forEach((key, rule) -> section(key, problems).ifPresent(section -> rules.put(section,
					new SectionRule(roles(rule.read(), problems), roles(rule.write(), problems)))));
			Map<Basis, Scope> scopesByBasis = new EnumMap<>(Basis.class);
			nonNull(this.scopes).forEach((key, scope) -> {
				Basis basis = List.of(Basis.values()).stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
				if (basis == null || basis == Basis.BreakGlass || basis == Basis.TransnationalReferral) {
					problems.add("unknown scope '" + key + "'");
					return;
				}
				if (scope.purpose() == null || scope.purpose().isBlank()) {
					problems.add("scope '" + key + "' names no purpose");
				}
				if (basis != Basis.ReferralRecipient && scope.sections() == null) {
					problems.add("scope '" + key + "' names no sections");
				}
				scopesByBasis.put(basis, new Scope(scope.purpose(), consent(scope.consent(), problems),
						sections(scope.sections(), problems),
						scope.writes() == null ? null : sections(scope.writes(), problems)));
			});
			Map<ServiceType, Set<Section>> defaults = new EnumMap<>(ServiceType.class);
			nonNull(this.referralDefaults).forEach((service, keys) -> {
				try {
					defaults.put(ServiceType.valueOf(service), sections(keys, problems));
				}
				catch (IllegalArgumentException ex) {
					problems.add("unknown service '" + service + "' in referral-defaults");
				}
			});
			Set<Section> shareableSections = sections(this.shareable, problems);
			BreakGlassRule breakGlassRule = this.breakGlass == null ? new BreakGlassRule(Set.of(), Duration.ZERO, Set.of())
					: new BreakGlassRule(roles(this.breakGlass.roles(), problems),
							this.breakGlass.duration() == null ? Duration.ZERO : this.breakGlass.duration(),
							sections(this.breakGlass.sections(), problems));
			TransnationalRule transnational = transnational(this.transnationalReferral, problems);
			if (shareableSections.contains(Section.LawEnforcement) || breakGlassRule.sections().contains(Section.LawEnforcement)
					|| transnational.sections().contains(Section.LawEnforcement)) {
				problems.add("the law-enforcement compartment can be neither shared, sent abroad nor opened by break-glass");
			}
			defaults.forEach((service, shared) -> {
				if (!shareableSections.containsAll(shared)) {
					problems.add("referral-defaults for " + service + " share more than 'shareable' allows");
				}
			});
			if (!problems.isEmpty()) {
				throw new IllegalStateException("Access policy " + where + " is not valid: " + String.join("; ", problems));
			}
			return new AccessPolicy(rules, scopesByBasis, defaults, shareableSections, breakGlassRule, transnational);
		}

		/** No rule in the file: nothing may be sent abroad. */
		private static TransnationalRule transnational(RawScope raw, List<String> problems) {
			if (raw == null) {
				return new TransnationalRule("TransnationalReferral", ConsentPurpose.TransnationalReferral, Set.of());
			}
			if (raw.writes() != null) {
				problems.add("transnational-referral takes no 'writes'");
			}
			ConsentPurpose consent = consent(raw.consent(), problems);
			if (consent != ConsentPurpose.TransnationalReferral) {
				problems.add("transnational-referral needs consent TransnationalReferral");
			}
			if (raw.purpose() == null || raw.purpose().isBlank()) {
				problems.add("transnational-referral names no purpose");
			}
			return new TransnationalRule(raw.purpose(), consent, sections(raw.sections(), problems));
		}

		private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
			return map == null ? Map.of() : map;
		}

		private static Optional<Section> section(String key, List<String> problems) {
			Optional<Section> section = Section.byKey(key);
			if (section.isEmpty()) {
				problems.add("unknown section '" + key + "'");
			}
			return section;
		}

		private static Set<Section> sections(Collection<String> keys, List<String> problems) {
			Set<Section> sections = EnumSet.noneOf(Section.class);
			if (keys != null) {
				keys.forEach(key -> section(key, problems).ifPresent(sections::add));
			}
			return Set.copyOf(sections);
		}

		private static Set<String> roles(Collection<String> groups, List<String> problems) {
			if (groups == null) {
				return Set.of();
			}
			groups.stream().filter(group -> Role.ofGroup(group).isEmpty())
				.forEach(group -> problems.add("unknown role '" + group + "'"));
			return Set.copyOf(groups);
		}

		private static ConsentPurpose consent(String name, List<String> problems) {
			if (name == null) {
				return null;
			}
			try {
				return ConsentPurpose.valueOf(name);
			}
			catch (IllegalArgumentException ex) {
				problems.add("unknown consent purpose '" + name + "'");
				return null;
			}
		}
	}

	record RawRule(List<String> read, List<String> write) {
	}

	record RawScope(String purpose, String consent, List<String> sections, List<String> writes) {
	}

	record RawBreakGlass(List<String> roles, Duration duration, List<String> sections) {
	}
}
