package org.opennrm.oversight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.opennrm.i18n.Text;
import org.opennrm.oversight.AbsenceEnded;
import org.opennrm.oversight.AbsenceRecorded;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supervisors record and end absences; the cover follows at once (see {@link AbsenceCover}). */
@Service
@Transactional
class Absences {

	private final AbsenceLedger ledger;

	private final AbsenceCover cover;

	private final Workers workers;

	private final ApplicationEventPublisher events;

	Absences(AbsenceLedger ledger, AbsenceCover cover, Workers workers, ApplicationEventPublisher events) {
		this.ledger = ledger;
		this.cover = cover;
		this.workers = workers;
		this.events = events;
	}

	Absence record(RecordAbsence request) {
		String by = CurrentUser.get().userId();
		LocalDate today = this.cover.today();
		Map<String, Text> errors = new TreeMap<>();
		if (request.to().isBefore(request.from())) {
			errors.put("to", Text.of("problem.absence.toBeforeFrom"));
		}
		else if (request.to().isBefore(today)) {
			errors.put("to", Text.of("problem.absence.toInPast"));
		}
		if (request.userId().equals(request.substitute())) {
			errors.put("substitute", Text.of("problem.absence.substituteIsAbsent"));
		}
		Set<String> absentGroups = this.workers.groupsOf(request.userId()).orElse(null);
		Set<String> substituteGroups = this.workers.groupsOf(request.substitute()).orElse(null);
		if (absentGroups == null) {
			errors.put("userId", Text.of("problem.user.noSuchUser"));
		}
		if (substituteGroups == null) {
			errors.put("substitute", Text.of("problem.user.noSuchUser"));
		}
		if (absentGroups != null && substituteGroups != null && Workers.caseworkGroups(absentGroups)
			.stream()
			.noneMatch(substituteGroups::contains)) {
			errors.put("substitute", Text.of("problem.absence.substituteGroup"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFields(errors);
		}
		if (this.ledger.overlaps(request.userId(), request.from(), request.to())) {
			throw Problems.conflict("problem.absence.overlaps", request.userId());
		}
		Instant now = EngineClock.now();
		Absence absence = new Absence(UUID.randomUUID().toString(), request.userId(), request.substitute(),
				request.from(), request.to(), request.reason().strip(), by, now,
				!request.from().isAfter(today) && !request.to().isBefore(today));
		this.ledger.insert(absence);
		this.events.publishEvent(new AbsenceRecorded(absence.id(), absence.userId(), absence.substitute(),
				absence.firstDay(), absence.lastDay(), absence.reason(), by, now));
		this.cover.reconcile();
		return absence;
	}

	/** Absences not yet over; brings the cover up to date first (an absence may have begun or lapsed). */
	List<Absence> current() {
		this.cover.reconcile();
		return this.ledger.current(this.cover.today());
	}

	/** Today, as absences count days. */
	@Transactional(readOnly = true)
	LocalDate today() {
		return this.cover.today();
	}

	void end(String absenceId) {
		String by = CurrentUser.get().userId();
		Absence absence = this.ledger.lockOpen(absenceId, this.cover.today())
			.orElseThrow(() -> Problems.notFound("problem.absence.notFound"));
		Instant now = EngineClock.now();
		this.ledger.end(absenceId, by, now);
		this.events.publishEvent(new AbsenceEnded(absenceId, absence.userId(), absence.substitute(), by, now));
		this.cover.reconcile();
	}
}
