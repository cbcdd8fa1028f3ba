package org.opennrm.platform;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.joda.time.DateTimeUtils;

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

	/**
	 * Runs the work on this thread with the clock standing at {@code at}, while every other thread keeps the real
	 * time; then the clock is the real time again for all (as after {@link ClockUtil#reset()}). For work that must
	 * happen in the past (a demo case opened days ago) on a service people may already be using: moving the engine's
	 * clock for everyone would stamp their actions, and start their deadlines, at that past time.
	 * <p>
	 * The engine's clock is Joda-Time's, one per JVM ({@code ClockUtil}, the same in Operaton): this gives it a source
	 * that answers by thread. The engine runs a command on the thread that calls it, so everything the work does
	 * synchronously is at {@code at}; jobs it leaves run later, at the real time.
	 */
	public static void atForThisThread(Instant at, Runnable work) {
		Thread thread = Thread.currentThread();
		long millis = at.toEpochMilli();
		DateTimeUtils.setCurrentMillisProvider(
				() -> Thread.currentThread() == thread ? millis : System.currentTimeMillis());
		try {
			work.run();
		}
		finally {
			ClockUtil.reset();
		}
	}
}
