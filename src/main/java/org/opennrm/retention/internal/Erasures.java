package org.opennrm.retention.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.opennrm.cases.Case;
import org.opennrm.cases.Cases;
import org.opennrm.platform.EngineClock;
import org.opennrm.retention.CaseErased;
import org.opennrm.retention.PersonalCaseData;
import org.opennrm.retention.PersonalCaseData.ErasedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases every closed case whose retention period has ended: everything every module keeps about it and its engine
 * history go; a non-identifying statistics stub and an erasure record stay, and {@link CaseErased} is published for
 * the audit trail. One transaction per case, so a failure leaves that case whole and the others erased; a case erased
 * already is no longer found, so running it again erases nothing more.
 */
@Service
class Erasures {

	private static final Logger log = LoggerFactory.getLogger(Erasures.class);

	private final Cases cases;

	private final List<PersonalCaseData> modules;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final RetentionProperties properties;

	private final TransactionTemplate transactions;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
		Thread erasure = new Thread(runnable, "nrm-erasure");
		erasure.setDaemon(true);
		return erasure;
	});

	Erasures(Cases cases, List<PersonalCaseData> modules, JdbcClient jdbc, ApplicationEventPublisher events,
			RetentionProperties properties, PlatformTransactionManager transactionManager) {
		this.cases = cases;
		this.modules = List.copyOf(modules);
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Closures before this instant are past their retention period. */
	Instant cutoff() {
		return EngineClock.now().atOffset(ZoneOffset.UTC).minus(this.properties.caseFileAfterClosure()).toInstant();
	}

	/**
	 * Erases the cases due now, on the erasure thread: one run at a time, and as the system, never as the user who
	 * asked (whose permission the caller has checked). With no authenticated user the engine writes no user operation
	 * log entries while it deletes, which would otherwise name the erased process instances again.
	 * @param erasedBy the administrator's user id, or {@link CaseErased#SCHEDULED_JOB}
	 * @return what was erased, one entry per case
	 */
	List<CaseErased> run(String erasedBy) {
		try {
			return this.thread.submit(() -> eraseDue(erasedBy)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while erasing", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException("Erasure failed", ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		this.thread.shutdownNow();
	}

	/**
	 * Erases the cases due now, on the calling thread.
	 * @param erasedBy the administrator's user id, or {@link CaseErased#SCHEDULED_JOB}
	 * @return what was erased, one entry per case
	 */
	List<CaseErased> eraseDue(String erasedBy) {
		Instant cutoff = cutoff();
		List<CaseErased> erased = new ArrayList<>();
		for (Case due : this.cases.closedBefore(cutoff, this.properties.erasure().batchSize())) {
			this.transactions.execute(status -> erase(due.caseId(), cutoff, erasedBy)).ifPresent(erased::add);
		}
		if (!erased.isEmpty()) {
			log.info("Erased {} cases past their retention period", erased.size());
		}
		return erased;
	}

	private Optional<CaseErased> erase(String caseId, Instant cutoff, String erasedBy) {
		Optional<Case> found = this.cases.findById(caseId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Case due = this.cases.lock(found.get().reference()).orElse(null);
		if (due == null || due.isOpen() || !due.closedAt().isBefore(cutoff)) {
			return Optional.empty();
		}
		ErasedCase erased = new ErasedCase(due.caseId(), due.reference());
		Map<String, Integer> removed = new TreeMap<>();
		this.modules.forEach(module -> removed.putAll(module.erase(erased)));
		String stubId = UUID.randomUUID().toString();
		keepStub(stubId, due);
		this.cases.remove(due.caseId());
		removed.put("cases.registry", 1);
		Instant now = EngineClock.now();
		this.jdbc.sql("""
				insert into nrm_erasure (stub_id, erased_at, erased_by, removed)
				values (:stubId, :erasedAt, :erasedBy, :removed)""")
			.param("stubId", stubId)
			.param("erasedAt", now.atOffset(ZoneOffset.UTC))
			.param("erasedBy", erasedBy)
			.param("removed", removed.entrySet()
				.stream()
				.map(entry -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining(",")))
			.update();
		CaseErased event = new CaseErased(stubId, due.jurisdiction(), now, erasedBy, removed);
		this.events.publishEvent(event);
		return Optional.of(event);
	}

	/** What statistics count, coarsened to the quarter; no id, reference, user id or date. */
	private void keepStub(String stubId, Case due) {
		OffsetDateTime registered = due.openedAt().atOffset(ZoneOffset.UTC);
		OffsetDateTime closed = due.closedAt().atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into nrm_case_stub (stub_id, jurisdiction, lead_agency, registered_year, registered_quarter,
				                           closed_year, closed_quarter, status, closure_reason, age_group, person_status)
				values (:stubId, :jurisdiction, :leadAgency, :registeredYear, :registeredQuarter, :closedYear,
				        :closedQuarter, :status, :closureReason, :ageGroup, :personStatus)""")
			.param("stubId", stubId)
			.param("jurisdiction", due.jurisdiction())
			.param("leadAgency", due.leadAgency())
			.param("registeredYear", registered.getYear())
			.param("registeredQuarter", quarter(registered))
			.param("closedYear", closed.getYear())
			.param("closedQuarter", quarter(closed))
			.param("status", due.status().name())
			.param("closureReason", due.closureReason())
			.param("ageGroup", due.ageGroup().name())
			.param("personStatus", due.personStatus().name())
			.update();
	}

	private static int quarter(OffsetDateTime at) {
		return (at.getMonthValue() - 1) / 3 + 1;
	}
}
