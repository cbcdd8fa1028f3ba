package org.opennrm.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the service in a process of its own, started as the README starts one without Docker:
 * {@code java -jar target/opennrm.jar --server.port=...} (with the test JVMs' compiler setting) from the project's
 * folder (so {@code config/} is read as an operator's), with the environment the test gives it. Unlike
 * {@link ServiceRuns}, it can be killed as a machine kills a process ({@link #kill()}: SIGKILL, no shutdown of any
 * kind). The jar is the one {@code mvn verify} packaged before its integration tests; its output goes to a new
 * {@code target/node-processes/<name>-*.log}. It listens on a port the system picks when its web server starts (read
 * from its log), so that no other test JVM can take a port chosen for it while it waits for another node to finish
 * starting.
 */
public final class NodeProcess implements AutoCloseable {

	static final Path JAR = Path.of("target", "opennrm.jar");

	/** Spring Boot's line once Tomcat listens. */
	private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

	private final String name;

	private final ChildProcess child;

	private final Path output;

	private volatile int port;

	private NodeProcess(String name, ChildProcess child, Path output) {
		this.name = name;
		this.child = child;
		this.output = output;
	}

	/** Started, not yet ready: see {@link #awaitReady}. */
	public static NodeProcess start(String name, Map<String, String> environment, String... arguments)
			throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the integration tests run after "
					+ "`mvn package` (mvn verify packages it first)");
		}
		Path folder = Files.createDirectories(Path.of("target", "node-processes"));
		Path output = Files.createTempFile(folder, name + "-", ".log");
		List<String> command = new ArrayList<>();
		// The JVM running the tests, so the node runs on the Java the build chose.
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// C1 only, as the test JVMs run (the pom's argLine, ADR 6): the nodes start beside the other test JVM on the
		// suite's two cores, and C2's compiling would slow each of them. The jar and its arguments are the README's.
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "--server.port=0"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().putAll(environment);
		return new NodeProcess(name, ChildProcess.start(builder, "node-" + name), output);
	}

	/** Until it listens and its readiness probe (the balancer's check) answers 200. */
	public void awaitReady(Duration atMost) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(atMost);
		String listening = awaitLog("Tomcat started on port", Duration.between(Instant.now(), deadline));
		Matcher port = LISTENING.matcher(listening);
		if (!port.find()) {
			throw new IllegalStateException(this.name + " logged no port: " + listening);
		}
		this.port = Integer.parseInt(port.group(1));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.child.process().isAlive()) {
				throw new IllegalStateException(
						this.name + " ended with " + this.child.process().exitValue() + ":\n" + tail());
			}
			try {
				if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " was not ready within " + atMost + ":\n" + tail());
	}

	/**
	 * Until a line of its log contains this text (a step of its start-up, to kill it right there).
	 *
	 * @return that line
	 */
	public String awaitLog(String text, Duration atMost) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(atMost);
		while (true) {
			Optional<String> line = log().stream().filter(candidate -> candidate.contains(text)).findFirst();
			if (line.isPresent()) {
				return line.get();
			}
			if (!this.child.process().isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(this.name + " never logged \"" + text + "\":\n" + tail());
			}
			Thread.sleep(20);
		}
	}

	/** The port it listens on, once {@link #awaitReady} has returned. */
	public int port() {
		if (this.port == 0) {
			throw new IllegalStateException(this.name + " is not ready yet");
		}
		return this.port;
	}

	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** SIGKILL, as a machine's end or the kernel's out-of-memory killer ends it: no hook, no commit, no goodbye. */
	public void kill() throws InterruptedException {
		this.child.process().destroyForcibly();
		if (!this.child.process().waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " is still running after SIGKILL");
		}
	}

	public List<String> log() throws IOException {
		return Files.readAllLines(this.output);
	}

	/** The end of its log, for a failure's message. */
	public String tail() {
		try {
			List<String> lines = log();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** An orderly stop (SIGTERM: Spring's graceful shut-down), forced after a minute. */
	@Override
	public void close() {
		this.child.stop(Duration.ofMinutes(1));
	}
}
