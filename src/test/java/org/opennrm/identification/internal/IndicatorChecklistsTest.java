package org.opennrm.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.identification.internal.IndicatorChecklist.AgeGroup;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The checklists shipped in {@code config/indicators}, how a screening picks one, and refusals of broken files. */
class IndicatorChecklistsTest {

	static final IndicatorChecklists SHIPPED = shipped();

	@Test
	void every_form_of_exploitation_has_an_adult_and_a_child_checklist_and_there_is_a_general_one() {
		for (SuspectedExploitation form : SuspectedExploitation.values()) {
			IndicatorChecklist adult = SHIPPED.forScreening(form.name(), false);
			IndicatorChecklist child = SHIPPED.forScreening(form.name(), true);
			if (form.hasOwnChecklist()) {
				assertThat(adult.exploitationForm()).isEqualTo(form.name());
				assertThat(adult.ageGroup()).isEqualTo(AgeGroup.Adult);
				assertThat(child.exploitationForm()).isEqualTo(form.name());
				assertThat(child.ageGroup()).isEqualTo(AgeGroup.Child);
			}
			else {
				assertThat(adult.id()).isEqualTo("general");
				assertThat(child.id()).isEqualTo("general");
			}
		}
	}

	@Test
	void every_shipped_checklist_covers_the_three_dimensions() {
		for (SuspectedExploitation form : SuspectedExploitation.values()) {
			for (boolean child : List.of(true, false)) {
				IndicatorChecklist checklist = SHIPPED.forScreening(form.name(), child);
				assertThat(checklist.items()).extracting(IndicatorChecklist.Item::dimension)
					.as(checklist.id())
					.contains(IndicatorChecklist.Dimension.values());
			}
		}
	}

	@Test
	void the_labour_checklist_follows_the_ilo_ec_grading() {
		IndicatorChecklist labour = SHIPPED.forScreening("LabourExploitation", false);

		assertThat(labour.id()).isEqualTo("labour-exploitation-adult");
		assertThat(labour.items()).filteredOn(item -> item.code().equals("DeceivedAboutJob"))
			.singleElement()
			.satisfies(item -> {
				assertThat(item.dimension()).isEqualTo(IndicatorChecklist.Dimension.Recruitment);
				assertThat(item.strength()).isEqualTo(IndicatorChecklist.Strength.Strong);
			});
		assertThat(labour.items()).filteredOn(item -> item.code().equals("ExcessiveHours"))
			.extracting(IndicatorChecklist.Item::dimension)
			.containsExactly(IndicatorChecklist.Dimension.Exploitation);
	}

	@Test
	void a_screening_reads_the_form_and_age_from_the_process_and_an_uncertain_age_counts_as_a_child() {
		assertThat(SHIPPED.forScreening(scope("ForcedBegging", false)).id()).isEqualTo("forced-begging-adult");
		assertThat(SHIPPED.forScreening(scope("ForcedBegging", true)).id()).isEqualTo("forced-begging-child");
		assertThat(SHIPPED.forScreening(scope("ForcedBegging", null)).id()).isEqualTo("forced-begging-child");
		assertThat(SHIPPED.forScreening(scope(null, false)).id()).isEqualTo("general");
		assertThat(SHIPPED.forScreening(scope("NotAForm", false)).id()).isEqualTo("general");
	}

	@Test
	void options_are_the_items_as_label_and_value_in_order() {
		IndicatorChecklist general = SHIPPED.forScreening("Unknown", false);

		assertThat(general.options()).hasSameSizeAs(general.items());
		assertThat(general.options().get(0)).containsExactly(Map.entry("label", general.items().get(0).label()),
				Map.entry("value", general.items().get(0).code()), Map.entry("checklist", general.id()));
	}

	@Test
	void counts_are_per_dimension_and_strength_and_each_code_counts_once() {
		IndicatorChecklist labour = SHIPPED.forScreening("LabourExploitation", false);

		IndicatorCounts counts = labour.count(List.of("DeceivedAboutJob", "DeceivedAboutPay", "DeceivedAboutPay",
				"ExcessiveHours", "LowOrNoPay", "PapersKept", "ThreatenedWithExposure", "PastHardship"));

		assertThat(counts).isEqualTo(new IndicatorCounts(1, 1, 0, 1, 1, 0, 1, 0, 2));
		assertThat(counts.asVariables()).containsEntry(Variables.RECRUITMENT_STRONG, 1)
			.containsEntry(Variables.COERCION_WEAK, 2)
			.hasSize(9);
	}

	@Test
	void a_code_that_is_not_on_the_checklist_is_refused() {
		IndicatorChecklist labour = SHIPPED.forScreening("LabourExploitation", false);

		assertThat(labour.unknownCodes(List.of("ExcessiveHours", "Made", "Up"))).containsExactly("Made", "Up");
		assertThatThrownBy(() -> labour.count(List.of("MadeUp"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not on checklist labour-exploitation-adult version 1: 1")
			.as("what was sent is not echoed: an exception message can reach the log")
			.hasMessageNotContaining("MadeUp");
	}

	@Test
	void a_malformed_checklist_stops_the_service_from_starting(@TempDir Path folder) throws IOException {
		assertRefused(folder, "x.json",
				checklist("x", "LabourExploitation", "Adult", item("Aa", "Strong"), item("Aa", "Weak")), "appears twice");
		assertRefused(folder, "x.json", checklist("x", "LabourExploitation", "Adult", item("Aa", "VeryStrong")),
				"VeryStrong");
		assertRefused(folder, "x.json", checklist("x", "Organs", "Adult", item("Aa", "Strong")), "exploitationForm");
		assertRefused(folder, "x.json", checklist("x", "LabourExploitation", "Any", item("Aa", "Strong")),
				"adults or for children");
		assertRefused(folder, "y.json", checklist("x", "LabourExploitation", "Adult", item("Aa", "Strong")), "file name");
		assertRefused(folder, "x.json", checklist("x", "LabourExploitation", "Adult", item("Aa", "Strong"))
			.replace("\"note\": \"n\"", "\"note\": \"n\", \"unexpected\": 1"), "unexpected");
	}

	@Test
	void without_a_general_checklist_the_service_does_not_start() {
		IndicatorChecklist labour = SHIPPED.forScreening("LabourExploitation", false);

		assertThatThrownBy(() -> new IndicatorChecklists(List.of(labour))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("general");
	}

	@Test
	void two_checklists_for_the_same_use_are_refused() {
		IndicatorChecklist labour = SHIPPED.forScreening("LabourExploitation", false);
		IndicatorChecklist copy = new IndicatorChecklist("labour-copy", 1, "Copy", labour.exploitationForm(),
				labour.ageGroup(), null, null, labour.items());

		assertThatThrownBy(() -> new IndicatorChecklists(List.of(labour, copy, SHIPPED.forScreening("Other", false))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("same form of exploitation");
	}

	private static void assertRefused(Path folder, String file, String json, String problem) throws IOException {
		Path path = folder.resolve(file);
		Files.writeString(path, json);
		try {
			assertThatThrownBy(() -> IndicatorChecklists.load(new Resource[] { new FileSystemResource(path) }))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(problem);
		}
		finally {
			Files.delete(path);
		}
	}

	private static String checklist(String id, String form, String age, String... items) {
		return """
				{"id": "%s", "version": 1, "title": "T", "exploitationForm": "%s", "ageGroup": "%s", "source": "s",
				 "note": "n", "items": [%s]}""".formatted(id, form, age, String.join(",", items));
	}

	private static String item(String code, String strength) {
		return """
				{"code": "%s", "label": "L", "dimension": "Recruitment", "strength": "%s"}""".formatted(code, strength);
	}

	private static VariableScope scope(String suspectedExploitation, Boolean child) {
		VariableScope scope = mock(VariableScope.class);
		when(scope.getVariable(Variables.SUSPECTED_EXPLOITATION)).thenReturn(suspectedExploitation);
		when(scope.getVariable(Variables.IS_CHILD)).thenReturn(child);
		return scope;
	}

	private static IndicatorChecklists shipped() {
		try {
			return new IndicatorChecklists("file:config/indicators/*.json");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
