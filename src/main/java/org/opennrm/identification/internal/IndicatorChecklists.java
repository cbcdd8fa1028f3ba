package org.opennrm.identification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.opennrm.identification.ScreeningChecklists;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.identification.internal.IndicatorChecklist.AgeGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The indicator checklists, read once at start-up; a malformed checklist stops the service from starting. They come
 * from {@code ./config/indicators/} when that folder exists beside the service, otherwise from the copy packaged with
 * it; {@code nrm.indicators.location} points elsewhere. The screening task's form and the screening record choose a
 * checklist the same way: {@link #forScreening}.
 */
@Component
class IndicatorChecklists implements ScreeningChecklists {

	private static final Logger log = LoggerFactory.getLogger(IndicatorChecklists.class);

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** Checklist by exploitation form and age group, e.g. {@code LabourExploitation/Adult}, {@code General/Any}. */
	private final Map<String, IndicatorChecklist> byUse;

	@Autowired
	IndicatorChecklists(@Value("${nrm.indicators.location:}") String location) throws IOException {
		this(load(resources(location)));
	}

	IndicatorChecklists(Collection<IndicatorChecklist> checklists) {
		Map<String, IndicatorChecklist> uses = new TreeMap<>();
		Map<String, IndicatorChecklist> ids = new TreeMap<>();
		for (IndicatorChecklist checklist : checklists) {
			if (ids.put(checklist.id(), checklist) != null) {
				throw new IllegalStateException("Two indicator checklists with id '" + checklist.id() + "'");
			}
			IndicatorChecklist before = uses.put(use(checklist.exploitationForm(), checklist.ageGroup()), checklist);
			if (before != null) {
				throw new IllegalStateException("Indicator checklists '" + before.id() + "' and '" + checklist.id()
						+ "' are for the same form of exploitation and age group");
			}
		}
		if (!uses.containsKey(use(IndicatorChecklist.GENERAL, AgeGroup.Any))) {
			throw new IllegalStateException(
					"No general indicator checklist (exploitationForm General, ageGroup Any): other and unknown forms "
							+ "of exploitation need one");
		}
		this.byUse = Map.copyOf(uses);
		TreeSet<String> missing = new TreeSet<>();
		for (SuspectedExploitation form : SuspectedExploitation.values()) {
			for (AgeGroup age : List.of(AgeGroup.Adult, AgeGroup.Child)) {
				if (form.hasOwnChecklist() && !uses.containsKey(use(form.name(), age))) {
					missing.add(use(form.name(), age));
				}
			}
		}
		log.info("Indicator checklists {}", ids.values().stream().map(c -> c.id() + " v" + c.version()).toList());
		if (!missing.isEmpty()) {
			log.warn("No indicator checklist for {}: screenings use the general checklist", missing);
		}
	}

	/**
	 * The checklist for a screening, from the process variables {@code suspectedExploitation} and {@code isChild}: the
	 * one for that form of exploitation and age group, otherwise the general one. An uncertain age ({@code isChild}
	 * not set) counts as a child.
	 */
	IndicatorChecklist forScreening(VariableScope scope) {
		return forScreening(String.valueOf(scope.getVariable(Variables.SUSPECTED_EXPLOITATION)),
				!Boolean.FALSE.equals(scope.getVariable(Variables.IS_CHILD)));
	}

	IndicatorChecklist forScreening(String suspectedExploitation, boolean child) {
		AgeGroup age = child ? AgeGroup.Child : AgeGroup.Adult;
		boolean ownForm = Arrays.stream(SuspectedExploitation.values())
			.anyMatch(form -> form.hasOwnChecklist() && form.name().equals(suspectedExploitation));
		IndicatorChecklist own = ownForm ? this.byUse.get(use(suspectedExploitation, age)) : null;
		if (own != null) {
			return own;
		}
		IndicatorChecklist general = this.byUse.get(use(IndicatorChecklist.GENERAL, age));
		return general != null ? general : this.byUse.get(use(IndicatorChecklist.GENERAL, AgeGroup.Any));
	}

	@Override
	public Checklist forScreening(SuspectedExploitation suspectedExploitation, boolean child) {
		IndicatorChecklist checklist = forScreening(suspectedExploitation.name(), child);
		return new Checklist(checklist.id(), checklist.version(), checklist.items()
			.stream()
			.map(item -> new Item(item.code(), item.dimension().name(),
					"indicator." + checklist.id() + "." + item.code()))
			.toList());
	}

	private static String use(String exploitationForm, AgeGroup ageGroup) {
		return exploitationForm + "/" + ageGroup;
	}

	private static Resource[] resources(String location) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		if (!location.isBlank()) {
			return resolver.getResources(location);
		}
		Resource[] beside = resolver.getResources("file:./config/indicators/*.json");
		return beside.length > 0 ? beside : resolver.getResources("classpath*:config/indicators/*.json");
	}

	static List<IndicatorChecklist> load(Resource[] resources) throws IOException {
		List<IndicatorChecklist> checklists = new ArrayList<>();
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				IndicatorChecklist checklist = JSON.readValue(in, IndicatorChecklist.class);
				if (!(checklist.id() + ".json").equals(resource.getFilename())) {
					throw new IllegalArgumentException("the file name must be the checklist's id: " + checklist.id()
							+ ".json");
				}
				checklists.add(checklist);
			}
			catch (IOException | RuntimeException ex) {
				Throwable cause = ex.getCause() instanceof IllegalArgumentException ? ex.getCause() : ex;
				throw new IllegalStateException(
						"Indicator checklist " + resource + " is not valid: " + cause.getMessage(), ex);
			}
		}
		if (checklists.isEmpty()) {
			throw new IllegalStateException("No indicator checklists found");
		}
		return checklists;
	}
}
