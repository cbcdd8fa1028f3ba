package org.opennrm.test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A process a test started (a node, a balancer), stopped when the test is done with it or, failing that, when the
 * test's JVM ends (a fork's time-out), so that it never keeps its ports or its database beyond the run.
 */
final class ChildProcess {

	private final Process process;

	private final Thread reaper;

	private ChildProcess(Process process, Thread reaper) {
		this.process = process;
		this.reaper = reaper;
	}

	static ChildProcess start(ProcessBuilder builder, String name) throws IOException {
		Process process = builder.start();
		Thread reaper = new Thread(process::destroyForcibly, name + "-reaper");
		Runtime.getRuntime().addShutdownHook(reaper);
		return new ChildProcess(process, reaper);
	}

	Process process() {
		return this.process;
	}

	/** Asks it to end (SIGTERM), forces it (SIGKILL) after the grace, and lets the JVM's end forget it. */
	void stop(Duration grace) {
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.reaper);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs anyway
		}
	}
}
