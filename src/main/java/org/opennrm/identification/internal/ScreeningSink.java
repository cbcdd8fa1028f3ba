package org.opennrm.identification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.IdentificationSection;
import org.opennrm.cases.CaseVariables;
import org.opennrm.identification.VictimIdentificationProcess.Variables;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.InvalidFields;
import org.opennrm.tasks.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Where a completed screening's observed indicators go: checked against the checklist the task offered, kept in the
 * case file's identification section (encrypted), noted in the screening record (which checklist and version, who,
 * when) and counted per dimension and strength.
 * Only the counts and the checklist's id and version reach the process, as the routing variables of the decision
 * table.
 */
@Component
class ScreeningSink implements TaskForm.SensitiveSink {

	private final IndicatorChecklists checklists;

	private final Screenings screenings;

	private final CaseFile caseFile;

	ScreeningSink(IndicatorChecklists checklists, Screenings screenings, CaseFile caseFile) {
		this.checklists = checklists;
		this.screenings = screenings;
		this.caseFile = caseFile;
	}

	@Override
	public void store(DelegateTask task, Map<String, Object> values) {
		List<String> codes = codesOf(values.get(Variables.OBSERVED_INDICATORS));
		IndicatorChecklist checklist = this.checklists.forScreening(task);
		Set<String> unknown = checklist.unknownCodes(codes);
		if (!unknown.isEmpty()) {
			throw InvalidFields.of(Variables.OBSERVED_INDICATORS, "problem.screening.notOnChecklist", checklist.id(),
					checklist.version(), positionsOf(unknown, values));
		}
		String caseId = (String) task.getVariable(CaseVariables.CASE_ID);
		String screenedBy = TaskForm.SensitiveSink.completingUser(task);
		Instant screenedAt = EngineClock.now();
		this.screenings.record(new Screening(caseId, task.getProcessInstanceId(), task.getId(), checklist.id(),
				checklist.version(), screenedBy, screenedAt));
		this.caseFile.recordScreening(caseId, new IdentificationSection.Screening(checklist.id(), checklist.version(),
				codes, screenedBy, screenedAt));
		DelegateExecution process = task.getExecution().getProcessInstance();
		process.setVariables(checklist.count(codes).asVariables());
		process.setVariable(Variables.CHECKLIST, checklist.id());
		process.setVariable(Variables.CHECKLIST_VERSION, checklist.version());
	}

	/**
	 * Where the unknown codes are in the list as submitted (1 for the first), never what they say: the engine logs a
	 * refused completion with its message, and what was typed into a sensitive field stays out of the log.
	 */
	private static String positionsOf(Set<String> unknown, Map<String, Object> values) {
		List<?> submitted = (List<?>) values.get(Variables.OBSERVED_INDICATORS);
		List<String> positions = new ArrayList<>();
		for (int i = 0; i < submitted.size(); i++) {
			if (unknown.contains(submitted.get(i))) {
				positions.add(String.valueOf(i + 1));
			}
		}
		return String.join(", ", positions);
	}

	/** Each code once, in the order given. */
	private static List<String> codesOf(Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch(code -> !(code instanceof String))) {
			throw InvalidFields.of(Variables.OBSERVED_INDICATORS, "problem.screening.notCodes");
		}
		Set<String> codes = new LinkedHashSet<>();
		list.forEach(code -> codes.add((String) code));
		return List.copyOf(codes);
	}
}
