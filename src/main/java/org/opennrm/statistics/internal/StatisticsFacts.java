package org.opennrm.statistics.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.opennrm.cases.Case;
import org.opennrm.cases.CaseChanged;
import org.opennrm.cases.CaseOpened;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each person's statistics row up to date as the case moves, in the same transaction as the change: a case
 * registered or changed, the identity or identification section written, a service delivered, a deadline escalated.
 * Every update works the row out again from the case as it is now, so a missed event is repaired by the next one. The
 * timing of decisions comes from {@link DecisionTimes} as they are taken.
 */
@Component
class StatisticsFacts {

	private final Cases cases;

	private final CaseFile caseFile;

	private final Jurisdictions jurisdictions;

	private final Handoffs handoffs;

	private final StatisticsLedger ledger;

	StatisticsFacts(Cases cases, CaseFile caseFile, Jurisdictions jurisdictions, Handoffs handoffs,
			StatisticsLedger ledger) {
		this.cases = cases;
		this.caseFile = caseFile;
		this.jurisdictions = jurisdictions;
		this.handoffs = handoffs;
		this.ledger = ledger;
	}

	@EventListener
	void on(CaseOpened opened) {
		refresh(opened.caseId(), opened.leadAgency());
	}

	@EventListener
	void on(CaseChanged changed) {
		refresh(changed.after(), null);
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
		this.cases.findByReference(missed.caseReference())
			.ifPresent(found -> this.ledger.addEscalation(found.caseId()));
	}

	/**
	 * Works the person's row out again.
	 * @param referringAgency the agency that registered the case, when known from the registration itself
	 */
	void refresh(String caseId, String referringAgency) {
		this.cases.findById(caseId).ifPresent(found -> refresh(found, referringAgency));
	}

	private void refresh(Case current, String referringAgency) {
		String caseId = current.caseId();
		JurisdictionProfile profile = this.jurisdictions.profile(current.jurisdiction());
		LocalDate registeredOn = current.openedAt().atZone(profile.timeZone()).toLocalDate();
		StatisticalFacts facts = this.caseFile.statisticalFacts(caseId, registeredOn);
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
				identified, current.status().name(), null, null, null, null, 0, names(facts.methodsOfControl()),
				names(facts.labourExploitation()), names(facts.sexualExploitation()), delivered));
	}

	private static Set<String> names(Set<? extends Enum<?>> codes) {
		return codes.stream().map(Enum::name).collect(Collectors.toSet());
	}
}
