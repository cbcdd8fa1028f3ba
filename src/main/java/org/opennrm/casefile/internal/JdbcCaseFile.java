package org.opennrm.casefile.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.opennrm.casefile.AccessDecision;
import org.opennrm.casefile.CaseAccess.Operation;
import org.opennrm.casefile.CaseAccess;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.IdentificationSection;
import org.opennrm.casefile.IdentitySection;
import org.opennrm.casefile.RiskSection;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.ReferralPackages;
import org.opennrm.casefile.SectionContent;
import org.opennrm.casefile.SectionRead;
import org.opennrm.casefile.SectionView;
import org.opennrm.casefile.SectionWritten;
import org.opennrm.casefile.StatisticalFacts;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.i18n.Text;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file in {@code nrm_case_file_section}: each section a JSON document sealed by {@link SectionCipher}, with
 * the id of the key that sealed it, a version for optimistic concurrency, and who wrote it when.
 */
@Component
class JdbcCaseFile implements CaseFile, ReferralPackages {

	/** The stored form: every field, including those only the system writes. */
	private static final ObjectMapper STORAGE = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JdbcClient jdbc;

	private final SectionCipher cipher;

	private final Cases cases;

	private final CaseAccess access;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final AccessPolicy policy;

	JdbcCaseFile(JdbcClient jdbc, SectionCipher cipher, Cases cases, CaseAccess access, Validator validator,
			ApplicationEventPublisher events, AccessPolicy policy) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.cases = cases;
		this.access = access;
		this.validator = validator;
		this.events = events;
		this.policy = policy;
	}

	@Override
	@Transactional
	public List<SectionView> readAll(String reference) {
		NrmUser user = CurrentUser.get();
		Case target = visibleCase(reference, user);
		List<SectionView> views = new ArrayList<>();
		for (Section section : Section.values()) {
			AccessDecision decision = this.access.decide(user, target, section, Operation.Read);
			if (decision.allowed()) {
				views.add(readFor(user, target, section, decision));
			}
		}
		return views;
	}

	@Override
	@Transactional
	public SectionView read(String reference, Section section) {
		NrmUser user = CurrentUser.get();
		Case target = visibleCase(reference, user);
		AccessDecision decision = this.access.decide(user, target, section, Operation.Read);
		if (!decision.allowed()) {
			throw Problems.forbidden("problem.caseFile.mayNotRead", sectionName(section));
		}
		return readFor(user, target, section, decision);
	}

	@Override
	@Transactional
	public SectionView write(String reference, Section section, SectionContent content, Integer expectedVersion) {
		NrmUser user = CurrentUser.get();
		Case target = visibleCase(reference, user);
		AccessDecision decision = this.access.decide(user, target, section, Operation.Write);
		if (!decision.allowed()) {
			throw Problems.forbidden("problem.caseFile.mayNotWrite", sectionName(section));
		}
		if (!section.type().isInstance(content)) {
			throw Problems.badRequest("problem.caseFile.notThatSection", sectionName(section));
		}
		validate(content);
		Optional<Stored> stored = load(target.caseId(), section);
		if (expectedVersion != null && expectedVersion != stored.map(Stored::version).orElse(0)) {
			throw Problems.conflict("problem.caseFile.sectionChanged", sectionName(section));
		}
		SectionContent merged = keepSystemWrittenParts(content, stored.map(Stored::content).orElse(null));
		SectionView written = store(target, section, merged, stored, user.userId());
		this.events.publishEvent(new SectionWritten(target.caseId(), target.reference(), section, user.userId(),
				decision.basis(), written.version(), written.updatedAt()));
		return written;
	}

	@Override
	public void recordScreening(String caseId, IdentificationSection.Screening screening) {
		appendBySystem(caseId, Section.Identification, screening.screenedBy(), current -> {
			IdentificationSection section = current == null ? emptyIdentification() : (IdentificationSection) current;
			return section.withScreening(screening);
		});
	}

	@Override
	public void recordRiskAssessment(String caseId, RiskSection.Assessment assessment) {
		appendBySystem(caseId, Section.Risk, assessment.assessedBy(), current -> {
			RiskSection section = current == null ? new RiskSection(List.of(), null, null) : (RiskSection) current;
			return section.withAssessment(assessment);
		});
	}

	@Override
	@Transactional(readOnly = true)
	public StatisticalFacts statisticalFacts(String caseId, LocalDate on) {
		IdentitySection identity = (IdentitySection) load(caseId, Section.Identity).map(Stored::content).orElse(null);
		IdentificationSection identification = (IdentificationSection) load(caseId, Section.Identification)
			.map(Stored::content)
			.orElse(null);
		if (identity == null && identification == null) {
			return StatisticalFacts.NONE;
		}
		Integer age = identity == null || identity.birthdate() == null || identity.birthdate().isAfter(on) ? null
				: Period.between(identity.birthdate(), on).getYears();
		return new StatisticalFacts(identity == null ? null : identity.gender(), age,
				identity == null ? null : identity.nationality(),
				codes(identification == null ? null : identification.methodsOfControl()),
				codes(identification == null ? null : identification.typeOfLabourExploitation()),
				codes(identification == null ? null : identification.typeOfSexExploitation()),
				codes(identification == null ? null : identification.otherExploitation()),
				identification != null && identification.methodOfRecruitment() != null && identification
					.methodOfRecruitment()
					.contains(IdentificationSection.MethodOfRecruitment.Abduction));
	}

	@Override
	public Set<Section> transnationalSections() {
		return this.policy.transnationalReferral().sections();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Section, SectionContent> readForReferral(String caseId, Map<Section, Set<String>> fields, String readBy) {
		Case target = this.cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
		Map<Section, SectionContent> chosen = new java.util.EnumMap<>(Section.class);
		Instant now = EngineClock.now();
		fields.forEach((section, names) -> {
			requireTravels(section);
			Set<String> known = fieldNames(section);
			if (!known.containsAll(names)) {
				throw new IllegalArgumentException("The " + section.key() + " section has no field " + names);
			}
			load(caseId, section).ifPresent(stored -> {
				com.fasterxml.jackson.databind.node.ObjectNode all = STORAGE.valueToTree(stored.content());
				all.retain(names);
				try {
					chosen.put(section, STORAGE.treeToValue(all, section.type()));
				}
				catch (IOException ex) {
					throw new IllegalStateException("A stored " + section.key() + " section cannot be read", ex);
				}
				this.events.publishEvent(new SectionRead(caseId, target.reference(), section, readBy,
						AccessDecision.Basis.TransnationalReferral, this.policy.transnationalReferral().purpose(), now));
			});
		});
		return chosen;
	}

	@Override
	@Transactional
	public void importReferral(String caseId, Map<Section, SectionContent> content, String importedBy) {
		Case target = this.cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
		this.cases.lock(target.reference());
		content.forEach((section, value) -> {
			requireTravels(section);
			if (!section.type().isInstance(value)) {
				throw new IllegalArgumentException("Not a " + section.key() + " section");
			}
			validate(value);
			SectionView written = store(target, section, value, load(caseId, section), importedBy);
			this.events.publishEvent(new SectionWritten(caseId, target.reference(), section, importedBy,
					AccessDecision.Basis.TransnationalReferral, written.version(), written.updatedAt()));
		});
	}

	private void requireTravels(Section section) {
		if (!this.policy.transnationalReferral().sections().contains(section)) {
			throw new IllegalArgumentException("The " + section.key() + " section does not travel to other countries");
		}
	}

	/** The names of a section's fields: its record's components, HTCDS names where the standard has them. */
	static Set<String> fieldNames(Section section) {
		return java.util.Arrays.stream(section.type().getRecordComponents())
			.map(java.lang.reflect.RecordComponent::getName)
			.collect(java.util.stream.Collectors.toSet());
	}

	private static <E> Set<E> codes(List<E> picked) {
		return picked == null ? Set.of() : Set.copyOf(picked);
	}

	private void appendBySystem(String caseId, Section section, String userId, UnaryOperator<SectionContent> change) {
		Case target = this.cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
		this.cases.lock(target.reference());
		Optional<Stored> stored = load(caseId, section);
		SectionView written = store(target, section, change.apply(stored.map(Stored::content).orElse(null)), stored,
				userId);
		this.events.publishEvent(new SectionWritten(caseId, target.reference(), section, userId, null,
				written.version(), written.updatedAt()));
	}

	private SectionView readFor(NrmUser user, Case target, Section section, AccessDecision decision) {
		Optional<Stored> stored = load(target.caseId(), section);
		Instant now = EngineClock.now();
		this.events.publishEvent(new SectionRead(target.caseId(), target.reference(), section, user.userId(),
				decision.basis(), decision.purpose(), now));
		return stored.map(found -> new SectionView(section, found.version(), found.updatedAt(), found.updatedBy(),
				found.content()))
			.orElseGet(() -> new SectionView(section, 0, null, null, empty(section)));
	}

	/** A section's name in the reader's language. */
	private static Text sectionName(Section section) {
		return Text.of("section." + section.key());
	}

	private Case visibleCase(String reference, NrmUser user) {
		return this.cases.findByReference(reference)
			.filter(found -> this.access.involved(user, found))
			.orElseThrow(() -> Problems.notFound("problem.case.notFound"));
	}

	private void validate(SectionContent content) {
		Set<ConstraintViolation<SectionContent>> violations = this.validator.validate(content);
		if (!violations.isEmpty()) {
			Map<String, String> errors = new TreeMap<>();
			violations.forEach(violation -> errors.put(violation.getPropertyPath().toString(), violation.getMessage()));
			throw InvalidFields.said(errors);
		}
	}

	/** What only the system writes (screenings, risk assessments) is never replaced through the API. */
	private static SectionContent keepSystemWrittenParts(SectionContent content, SectionContent stored) {
		if (content instanceof IdentificationSection identification) {
			if (!identification.screenings().isEmpty()) {
				throw InvalidFields.of("screenings", "problem.caseFile.screeningsBySystem");
			}
			return identification.keepingScreeningsOf((IdentificationSection) stored);
		}
		if (content instanceof RiskSection risk) {
			if (!risk.assessments().isEmpty()) {
				throw InvalidFields.of("assessments", "problem.caseFile.assessmentsBySystem");
			}
			return risk.keepingAssessmentsOf((RiskSection) stored);
		}
		return content;
	}

	private SectionView store(Case target, Section section, SectionContent content, Optional<Stored> stored,
			String userId) {
		byte[] sealed = this.cipher.seal(json(content), associatedData(target.caseId(), section));
		Instant now = EngineClock.now();
		int version = stored.map(Stored::version).orElse(0) + 1;
		if (stored.isPresent()) {
			int updated = this.jdbc.sql("""
					update nrm_case_file_section
					   set content = :content, key_id = :keyId, version = :version, updated_by = :by, updated_at = :at
					 where case_id = :caseId and section = :section and version = :previous""")
				.param("content", sealed).param("keyId", this.cipher.primaryKeyId()).param("version", version)
				.param("by", userId).param("at", now.atOffset(ZoneOffset.UTC)).param("caseId", target.caseId())
				.param("section", section.key()).param("previous", version - 1)
				.update();
			if (updated == 0) {
				throw Problems.conflict("problem.caseFile.sectionChanged", sectionName(section));
			}
		}
		else {
			try {
				this.jdbc.sql("""
						insert into nrm_case_file_section (case_id, section, key_id, content, version, updated_by, updated_at)
						values (:caseId, :section, :keyId, :content, 1, :by, :at)""")
					.param("caseId", target.caseId()).param("section", section.key())
					.param("keyId", this.cipher.primaryKeyId()).param("content", sealed).param("by", userId)
					.param("at", now.atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw Problems.conflict("problem.caseFile.sectionChanged", sectionName(section));
			}
		}
		return new SectionView(section, version, now, userId, content);
	}

	private Optional<Stored> load(String caseId, Section section) {
		return this.jdbc.sql("""
				select content, version, updated_by, updated_at from nrm_case_file_section
				 where case_id = :caseId and section = :section""")
			.param("caseId", caseId).param("section", section.key())
			.query((rs, row) -> new Stored(
					parse(section, this.cipher.open(rs.getBytes("content"), associatedData(caseId, section))),
					rs.getInt("version"), rs.getString("updated_by"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The content binds to its case and section: a sealed value moved to another row does not open. */
	static byte[] associatedData(String caseId, Section section) {
		return ("opennrm/case-file/" + caseId + "/" + section.key()).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] json(SectionContent content) {
		try {
			return STORAGE.writeValueAsBytes(content);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a case file section", ex);
		}
	}

	private static SectionContent parse(Section section, byte[] json) {
		try {
			return STORAGE.readValue(json, section.type());
		}
		catch (IOException ex) {
			throw new IllegalStateException("A stored " + section.key() + " section cannot be read", ex);
		}
	}

	private static SectionContent empty(Section section) {
		return parse(section, "{}".getBytes(StandardCharsets.UTF_8));
	}

	private static IdentificationSection emptyIdentification() {
		return (IdentificationSection) empty(Section.Identification);
	}

	private record Stored(SectionContent content, int version, String updatedBy, Instant updatedAt) {
	}
}
