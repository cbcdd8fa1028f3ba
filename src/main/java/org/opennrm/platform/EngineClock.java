package org.opennrm.platform;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the service: the engine's. Timers, deadlines and our own time stamps all read it, so a test that
 * moves the engine clock moves everything together.
 */
public final class EngineClock {

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.now().toInstant();
	}
}
