package org.opennrm.deadlines;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opennrm.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Due dates and timers for the models, by clock name, in the jurisdiction of the case:
 * <pre>
 * camunda:dueDate="${deadlines.due(execution, 'preliminary-decision')}"
 * &lt;timeDate&gt;${deadlines.reminder(execution, 'preliminary-decision')}&lt;/timeDate&gt;
 * &lt;timeCycle&gt;${deadlines.cycle(execution, 'risk-reassessment-interval')}&lt;/timeCycle&gt;
 * </pre>
 * The jurisdiction is the process variable {@code jurisdiction}; time is the engine clock.
 */
@Component("deadlines")
public class Deadlines {

	/** The process variable that names a case's jurisdiction profile. */
	public static final String JURISDICTION = "jurisdiction";

	private final Jurisdictions jurisdictions;

	public Deadlines(Jurisdictions jurisdictions) {
		this.jurisdictions = jurisdictions;
	}

	public Date due(VariableScope scope, String clock) {
		return Date.from(profileOf(scope).due(clock, EngineClock.now()));
	}

	public Date reminder(VariableScope scope, String clock) {
		return Date.from(profileOf(scope).reminder(clock, EngineClock.now()));
	}

	/** An ISO 8601 repeating interval for timer cycles, e.g. {@code R/P90D}; calendar units only. */
	public String cycle(VariableScope scope, String clock) {
		return "R/" + profileOf(scope).clock(clock).asDuration();
	}

	public Instant due(String jurisdiction, String clock, Instant from) {
		return this.jurisdictions.profile(jurisdiction).due(clock, from);
	}

	public JurisdictionProfile profileOf(VariableScope scope) {
		Object jurisdiction = scope.getVariable(JURISDICTION);
		return this.jurisdictions.profile(jurisdiction == null ? this.jurisdictions.defaultId() : jurisdiction.toString());
	}
}
