package org.opennrm.statistics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.opennrm.cases.Case;
import org.opennrm.cases.CaseChanged;
import org.opennrm.cases.CaseOpened;
import org.opennrm.cases.CaseVariables;
import org.opennrm.cases.Cases;
import org.opennrm.cases.PersonStatus;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.Section;
import org.opennrm.casefile.SectionWritten;
import org.opennrm.casefile.StatisticalFacts;
import org.opennrm.deadlines.DeadlineMissed;
import org.opennrm.deadlines.JurisdictionProfile;
import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.handoff.HandoffMoved;
import org.opennrm.handoff.HandoffStatus;
import org.opennrm.handoff.Handoffs;
import org.opennrm.identification.FormalIdentificationProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.TrustedEngineCalls;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each person's statistics row up to date as the case moves, in the same transaction as the change: a case
 * registered or changed, the identity or identification section written, a service delivered, a deadline escalated.
 * Every update works the row out again from the case as it is now, so a missed event is repaired by the next one.
 */
@Component
class StatisticsFacts {

	private final Cases cases;

	private final CaseFile caseFile;

	private final Jurisdictions jurisdictions;

	private final Handoffs handoffs;

	private final HistoryService history;

	private final TrustedEngineCalls trusted;

	private final StatisticsLedger ledger;

	StatisticsFacts(Cases cases, CaseFile caseFile, Jurisdictions jurisdictions, Handoffs handoffs,
			HistoryService history, TrustedEngineCalls trusted, StatisticsLedger ledger) {
		this.cases = cases;
		this.caseFile = caseFile;
		this.jurisdictions = jurisdictions;
		this.handoffs = handoffs;
		this.history = history;
		this.trusted = trusted;
		this.ledger = ledger;
	}

	@EventListener
	void on(CaseOpened opened) {
		refresh(opened.caseId(), opened.leadAgency());
	}

	@EventListener
	void on(CaseChanged changed) {
		refresh(changed.after().caseId(), null);
	}

	@EventListener
	void on(SectionWritten written) {
		if (written.section() == Section.Identity || written.section() == Section.Identification) {
			refresh(written.caseId(), null);
		}
	}

	@EventListener
	void on(HandoffMoved moved) {
		if (moved.status() == HandoffStatus.Delivered) {
			refresh(moved.caseId(), null);
		}
	}

	@EventListener
	void on(DeadlineMissed missed) {
		this.cases.findByReference(missed.caseReference()).ifPresent(found -> {
			refresh(found.caseId(), null);
			this.ledger.addEscalation(found.caseId());
		});
	}

	/**
	 * Works the person's row out again.
	 * @param referringAgency the agency that registered the case, when known from the registration itself
	 */
	void refresh(String caseId, String referringAgency) {
		Optional<Case> found = this.cases.findById(caseId);
		if (found.isEmpty()) {
			return;
		}
		Case current = found.get();
		JurisdictionProfile profile = this.jurisdictions.profile(current.jurisdiction());
		LocalDate registeredOn = current.openedAt().atZone(profile.timeZone()).toLocalDate();
		StatisticalFacts facts = this.caseFile.statisticalFacts(caseId, registeredOn);
		Decision preliminary = firstDecision(caseId, VictimIdentificationProcess.TASK_DECIDE_REASONABLE_GROUNDS,
				current.openedAt());
		Decision formal = firstDecision(caseId, FormalIdentificationProcess.TASK_DECIDE_FORMAL_IDENTIFICATION,
				current.openedAt());
		Set<String> delivered = this.handoffs.ofCase(caseId)
			.stream()
			.filter(handoff -> handoff.status() == HandoffStatus.Delivered)
			.map(handoff -> handoff.service().name())
			.collect(Collectors.toSet());
		boolean identified = current.personStatus() == PersonStatus.Identified;
		String ageBand = Classification.ageBand(facts.ageInYears(), current.ageGroup());
		this.ledger.save(caseId, new PersonRecord(current.jurisdiction(), registeredOn.getYear(),
				(registeredOn.getMonthValue() - 1) / 3 + 1,
				referringAgency == null ? current.leadAgency() : referringAgency, Classification.sex(facts),
				ageBand, Classification.majority(ageBand), facts.citizenship(),
				Classification.citizenshipGroup(facts.citizenship(), profile.country()),
				Classification.exploitation(facts), names(facts.otherExploitation()), facts.abducted(),
				current.personStatus().name(), identified || current.personStatus() == PersonStatus.Presumed,
				identified, current.status().name(), preliminary.days(), preliminary.inTime(), formal.days(),
				formal.inTime(), 0, names(facts.methodsOfControl()), names(facts.labourExploitation()),
				names(facts.sexualExploitation()), delivered));
	}

	/**
	 * The first decision of its kind on the case, from engine history: a reconsidered decision does not count the
	 * person twice, nor move the time to the first decision. Reading history of the case's decision tasks is a system
	 * step, not a user's read, so it runs without the caller's engine authorization.
	 */
	private Decision firstDecision(String caseId, String taskKey, Instant registeredAt) {
		List<HistoricTaskInstance> decided = this.trusted.run(() -> this.history.createHistoricTaskInstanceQuery()
			.taskDefinitionKey(taskKey)
			.processVariableValueEquals(CaseVariables.CASE_ID, caseId)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list());
		Optional<HistoricTaskInstance> first = decided.stream()
			.filter(task -> "completed".equals(task.getDeleteReason()))
			.findFirst();
		if (first.isEmpty()) {
			return new Decision(null, null);
		}
		HistoricTaskInstance task = first.get();
		Instant end = task.getEndTime().toInstant();
		int days = (int) Math.max(0, Duration.between(registeredAt, end).toDays());
		return new Decision(days, task.getDueDate() == null ? null : !end.isAfter(task.getDueDate().toInstant()));
	}

	private static Set<String> names(Set<? extends Enum<?>> codes) {
		return codes.stream().map(Enum::name).collect(Collectors.toSet());
	}

	private record Decision(Integer days, Boolean inTime) {
	}
}
