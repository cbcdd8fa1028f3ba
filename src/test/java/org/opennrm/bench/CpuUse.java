package org.opennrm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by the PostgreSQL server, read from the operating system (Linux only), so a
 * benchmark can say where a workload's time goes when both share the machine's cores.
 * <p>
 * PostgreSQL's time is every live {@code postgres} process's own user and system time, plus what its exited children
 * had (the server process's {@code cutime} and {@code cstime}). Only one PostgreSQL server may run on the machine
 * while measuring: the benchmarks' embedded one.
 *
 * @param jvmNanos this JVM's CPU time
 * @param postgresNanos the PostgreSQL server's CPU time
 */
record CpuUse(long jvmNanos, long postgresNanos) {

	/** Clock ticks per second of {@code /proc/<pid>/stat}: USER_HZ, 100 on every Linux architecture we run on. */
	private static final long TICKS_PER_SECOND = 100;

	static CpuUse now() {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long ticks = 0;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.toList()) {
				ticks += postgresTicks(process);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CpuUse(jvm, ticks * 1_000_000_000L / TICKS_PER_SECOND);
	}

	/** The reading at a moment of {@link System#nanoTime()} to come, waiting for it. */
	static CpuUse at(long nanoTime) {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			try {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to read CPU time", ex);
			}
		}
		return now();
	}

	CpuUse plus(CpuUse other) {
		return new CpuUse(this.jvmNanos + other.jvmNanos, this.postgresNanos + other.postgresNanos);
	}

	/** What was spent between {@code earlier} and this reading. */
	CpuUse since(CpuUse earlier) {
		return new CpuUse(this.jvmNanos - earlier.jvmNanos, this.postgresNanos - earlier.postgresNanos);
	}

	private static long postgresTicks(Path process) throws IOException {
		String stat;
		try {
			stat = Files.readString(process.resolve("stat"));
		}
		catch (NoSuchFileException ex) {
			return 0; // gone since the listing
		}
		// pid (comm) state ppid ...: the name may hold spaces, so the fields are counted after its closing bracket.
		int open = stat.indexOf('(');
		int close = stat.lastIndexOf(')');
		if (!stat.substring(open + 1, close).equals("postgres")) {
			return 0;
		}
		String[] fields = stat.substring(close + 2).split(" ");
		// fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
		long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		boolean server = !"postgres".equals(parentName(fields[1]));
		return server ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
	}

	private static String parentName(String parentPid) throws IOException {
		try {
			return Files.readString(Path.of("/proc", parentPid, "comm")).strip();
		}
		catch (NoSuchFileException ex) {
			return "";
		}
	}
}
