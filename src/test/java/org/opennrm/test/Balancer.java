package org.opennrm.test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The balancer of {@code docker-compose.yml}: HAProxy with {@code src/main/docker/haproxy.cfg} as it ships, in front of
 * nodes a test started. Only where it listens and where the nodes are changes (compose's node names and port become
 * loopback ports); the checks, retries and redispatch are the file's own. HAProxy comes from Debian
 * ({@code .ci/install-tools} installs it); a test that needs it asks {@link #isInstalled} first.
 */
public final class Balancer implements AutoCloseable {

	static final Path CONFIGURATION = Path.of("src", "main", "docker", "haproxy.cfg");

	private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*server (node\\d+)) \\2:8080$");

	/** Added for the tests only: the balancer's view of its servers, as CSV on a port of its own. */
	private static final String STATS = """

			listen test-statistics
			    bind 127.0.0.1:%d
			    stats enable
			    stats uri /stats
			""";

	private final ChildProcess child;

	private final int port;

	private final int statsPort;

	private final Path output;

	private Balancer(ChildProcess child, int port, int statsPort, Path output) {
		this.child = child;
		this.port = port;
		this.statsPort = statsPort;
		this.output = output;
	}

	/** Whether HAProxy is installed here ({@code .ci/install-tools} installs Debian's). */
	public static boolean isInstalled() {
		return executable().isPresent();
	}

	/** HAProxy in front of nodes listening on these ports, once its own health checks of every node have passed. */
	public static Balancer start(int... nodePorts) throws IOException, InterruptedException {
		Path haproxy = executable().orElseThrow(
				() -> new IllegalStateException("HAProxy is not installed (.ci/install-tools installs it)"));
		int port = freePort();
		int statsPort = freePort();
		Path folder = Files.createDirectories(Path.of("target", "balancer"));
		Path configuration = folder.resolve("haproxy-" + port + ".cfg");
		Files.writeString(configuration, configuration(Files.readString(CONFIGURATION), port, nodePorts)
				+ STATS.formatted(statsPort));
		Path output = folder.resolve("haproxy-" + port + ".log");
		ChildProcess child = ChildProcess.start(new ProcessBuilder(haproxy.toString(), "-db", "-f",
				configuration.toString()).redirectErrorStream(true).redirectOutput(output.toFile()), "balancer");
		Balancer balancer = new Balancer(child, port, statsPort, output);
		try {
			balancer.awaitChecksPassed(nodePorts.length);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			balancer.close();
			throw ex;
		}
		return balancer;
	}

	/** The shipped file, listening on a loopback port and sending to the given nodes' ports in its servers' order. */
	static String configuration(String shipped, int port, int... nodePorts) {
		if (!shipped.contains("bind :8080")) {
			throw new IllegalStateException(CONFIGURATION + " no longer binds :8080");
		}
		Matcher servers = SERVER.matcher(shipped.replace("bind :8080", "bind 127.0.0.1:" + port));
		StringBuilder local = new StringBuilder();
		int found = 0;
		while (servers.find()) {
			if (found == nodePorts.length) {
				throw new IllegalStateException(CONFIGURATION + " names more nodes than were started");
			}
			servers.appendReplacement(local, Matcher.quoteReplacement(servers.group(1) + " 127.0.0.1:" + nodePorts[found++]));
		}
		servers.appendTail(local);
		if (found != nodePorts.length) {
			throw new IllegalStateException(CONFIGURATION + " names " + found + " nodes, not " + nodePorts.length);
		}
		return local.toString();
	}

	/** Where a client reaches the service through the balancer. */
	public String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The balancer's log: one line per request with the node that answered it ({@code nodes/node1}) and its status. */
	public List<String> log() throws IOException {
		return Files.readAllLines(this.output);
	}

	@Override
	public void close() {
		this.child.stop(Duration.ofSeconds(10));
	}

	/**
	 * Waits until the balancer answers its own health check and its HTTP check of every node (the service's readiness
	 * probe) has passed: until then it would send to nodes it has not checked yet, whatever the check asks.
	 */
	private void awaitChecksPassed(int nodes) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/balancer-health")).build();
		HttpRequest stats = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.statsPort + "/stats;csv"))
			.build();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String seen = "";
		while (Instant.now().isBefore(deadline) && this.child.process().isAlive()) {
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					seen = client.send(stats, HttpResponse.BodyHandlers.ofString()).body();
					if (checksPassed(seen) == nodes) {
						return;
					}
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("HAProxy on " + base() + " did not pass its checks of " + nodes + " nodes:\n"
				+ seen + String.join("\n", log()));
	}

	/** How many of the nodes' servers last passed their HTTP check, from HAProxy's statistics as CSV. */
	static long checksPassed(String csv) {
		List<String> lines = csv.lines().toList();
		if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
			return 0;
		}
		List<String> columns = List.of(lines.get(0).substring(2).split(",", -1));
		int proxy = columns.indexOf("pxname");
		int server = columns.indexOf("svname");
		int check = columns.indexOf("check_status");
		return lines.stream()
			.skip(1)
			.map(line -> line.split(",", -1))
			.filter(row -> row.length > check && row[proxy].equals("nodes") && row[server].startsWith("node"))
			.filter(row -> row[check].equals("L7OK"))
			.count();
	}

	private static Optional<Path> executable() {
		List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
		// Debian installs it for administrators, outside a normal user's PATH.
		folders.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
		return folders.stream()
			.filter(folder -> !folder.isBlank())
			.map(folder -> Path.of(folder, "haproxy"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
