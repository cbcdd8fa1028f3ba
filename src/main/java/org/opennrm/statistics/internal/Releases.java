package org.opennrm.statistics.internal;

import java.util.List;

import org.opennrm.deadlines.Jurisdictions;
import org.opennrm.platform.EngineClock;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.statistics.Period;
import org.opennrm.statistics.StatisticsExported;
import org.opennrm.statistics.internal.StatisticsQueries.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything statistics release, for one calendar year and one jurisdiction (releases never overlap, see ADR 0019),
 * each release published as {@link StatisticsExported} for the audit trail in the same transaction (which is why
 * these transactions are not read-only).
 */
@Component
class Releases {

	private final NationalTables tables;

	private final EurostatTables eurostat;

	private final RegionalTemplate regional;

	private final CtdcRecords ctdc;

	private final Jurisdictions jurisdictions;

	private final ApplicationEventPublisher events;

	Releases(NationalTables tables, EurostatTables eurostat, RegionalTemplate regional, CtdcRecords ctdc,
			Jurisdictions jurisdictions, ApplicationEventPublisher events) {
		this.tables = tables;
		this.eurostat = eurostat;
		this.regional = regional;
		this.ctdc = ctdc;
		this.jurisdictions = jurisdictions;
		this.events = events;
	}

	/** The year and jurisdiction a request names: the current year and the default jurisdiction unless it says. */
	Scope scope(Integer year, String jurisdiction) {
		String id = jurisdiction == null ? this.jurisdictions.defaultId() : jurisdiction;
		if (!this.jurisdictions.ids().contains(id)) {
			throw Problems.badRequest("problem.statistics.noJurisdiction", id,
					String.join(", ", new java.util.TreeSet<>(this.jurisdictions.ids())));
		}
		return new Scope(Period.parse(year), id);
	}

	List<String> jurisdictionIds() {
		return this.jurisdictions.ids().stream().sorted().toList();
	}

	String defaultJurisdiction() {
		return this.jurisdictions.defaultId();
	}

	/** Counts below it are withheld from every release. */
	/** Every record of the CTDC export shares its quasi-identifiers with at least k−1 others. */
	int k() {
		return this.ctdc.k();
	}

	int threshold() {
		return this.tables.threshold();
	}

	@Transactional
	StatisticsTable table(String id, Scope scope, String format) {
		Indicator indicator = Indicator.ofId(id).orElseThrow(() -> Problems.notFound("problem.statistics.noTable", id));
		return exported("table:" + id, scope, format,
				() -> this.tables.table(indicator, scope.period(), scope.jurisdiction()));
	}

	@Transactional
	List<StatisticsTable> national(Scope scope, String format) {
		return exported("national", scope, format, () -> this.tables.all(scope.period(), scope.jurisdiction()));
	}

	@Transactional
	EurostatTables.Release eurostat(Scope scope, String format) {
		return exported("eurostat", scope, format, () -> this.eurostat.release(scope));
	}

	@Transactional
	RegionalTemplate.Release regional(Scope scope, String format) {
		return exported("regional", scope, format, () -> this.regional.release(scope));
	}

	@Transactional
	CtdcRecords.Release ctdc(Scope scope, String format) {
		return exported("ctdc", scope, format, () -> this.ctdc.release(scope));
	}

	/** Makes the release and publishes that it left, in the same transaction. */
	private <T> T exported(String export, Scope scope, String format, java.util.function.Supplier<T> release) {
		T released = release.get();
		this.events.publishEvent(new StatisticsExported(CurrentUser.get().userId(), export, scope.period().toString(),
				scope.jurisdiction(), format, EngineClock.now()));
		return released;
	}
}
