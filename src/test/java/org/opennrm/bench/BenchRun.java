package org.opennrm.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.opennrm.test.Api;
import org.opennrm.test.ServiceRuns;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the benchmarks share: an embedded PostgreSQL with the whole service on it (demo profile), plain HTTP
 * calls as a demo user, percentiles and the machine line. Closing it stops both.
 */
final class BenchRun implements AutoCloseable {

	final EmbeddedPostgres postgres;

	final ConfigurableApplicationContext service;

	final JdbcTemplate jdbc;

	final String baseUrl;

	/** The results: to the terminal, and to the file {@code bench.results} names, if any. */
	final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private BenchRun(EmbeddedPostgres postgres, ConfigurableApplicationContext service) throws IOException {
		this.postgres = postgres;
		this.service = service;
		this.jdbc = new JdbcTemplate(service.getBean(DataSource.class));
		this.baseUrl = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port");
		this.out = results();
	}

	/** With {@code statements}, PostgreSQL keeps statistics per statement (pg_stat_statements) for {@link #topStatements}. */
	static BenchRun start(boolean statements) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (statements) {
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		EmbeddedPostgres postgres = builder.start();
		ConfigurableApplicationContext service = ServiceRuns.start("demo",
				Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
						"postgres", "spring.datasource.password", "postgres"));
		BenchRun run = new BenchRun(postgres, service);
		log("service up on " + run.baseUrl + ", PostgreSQL at " + postgres.getJdbcUrl("postgres", "postgres"));
		return run;
	}

	/** A response we only time: status and body. */
	record Reply(int status, String body) {
	}

	Reply get(String userId, String path) {
		return send(userId, HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	Reply post(String userId, String path, String json) {
		return send(userId, HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
	}

	Reply put(String userId, String path, String json) {
		return send(userId, HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private Reply send(String userId, HttpRequest.Builder request) {
		return send(this.http, userId, request);
	}

	/** One call as the demo user, signed in with HTTP Basic and the demo password (the API is stateless). */
	static Reply send(HttpClient http, String userId, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((userId + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Forgets the statistics per statement so far; needs {@code start(true)}. */
	void resetStatements() {
		this.jdbc.execute("create extension if not exists pg_stat_statements");
		this.jdbc.execute("select pg_stat_statements_reset()");
	}

	/** Where the database time went since {@link #resetStatements}, by statement. */
	void topStatements(int limit) {
		this.out.println();
		this.out.println("top statements by total time (ms total, calls, ms mean, rows per call):");
		this.jdbc.query("select total_exec_time, calls, mean_exec_time, rows::float / greatest(calls, 1),"
				+ " left(regexp_replace(query, '\\s+', ' ', 'g'), 240) from pg_stat_statements"
				+ " order by total_exec_time desc limit " + limit, (java.sql.ResultSet rs) -> {
					this.out.printf("%9.0f %7d %7.2f %7.1f  %s%n", rs.getDouble(1), rs.getLong(2), rs.getDouble(3),
							rs.getDouble(4), rs.getString(5));
				});
	}

	long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	void machine() {
		this.out.println(machine(this.jdbc));
	}

	/** Cores, memory, Java, the PostgreSQL that {@code jdbc} reaches, the load average now, the date. */
	static String machine(JdbcTemplate jdbc) {
		return String.format("machine: %d cores, %d GiB, Java %s, PostgreSQL %s, load average at the end %s, %s",
				Runtime.getRuntime().availableProcessors(), memoryGiB(), System.getProperty("java.version"),
				jdbc.queryForObject("show server_version", String.class), loadAverage(), LocalDate.now());
	}

	/** Keeps PostgreSQL and the service up for psql if {@code -Dbench.hold=true}. */
	void holdIfAsked() throws IOException {
		if (Boolean.getBoolean("bench.hold")) {
			System.out.println("holding: PostgreSQL at " + this.postgres.getJdbcUrl("postgres", "postgres")
					+ ", service at " + this.baseUrl + "; press Enter to stop");
			System.in.read();
		}
	}

	@Override
	public void close() throws IOException {
		this.service.close();
		this.postgres.close();
	}

	/** Percentile with linear interpolation, as in {@code src/bench/startup/measure.sh}. */
	static double ms(List<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		double k = (sorted.size() - 1) * percentile / 100.0;
		int f = (int) k;
		int c = Math.min(f + 1, sorted.size() - 1);
		return (sorted.get(f) + (sorted.get(c) - sorted.get(f)) * (k - f)) / 1e6;
	}

	static void log(String message) {
		System.err.println("[bench] " + message);
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static long memoryGiB() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream()
				.filter(line -> line.startsWith("MemTotal:"))
				.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The results stream: the terminal, and the file {@code bench.results} names, if any. */
	static PrintStream results() throws IOException {
		String file = System.getProperty("bench.results");
		if (file == null) {
			return System.out;
		}
		Path path = Path.of(file);
		Files.createDirectories(path.toAbsolutePath().getParent());
		OutputStream copy = Files.newOutputStream(path);
		return new PrintStream(new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				System.out.write(b);
				copy.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				System.out.write(bytes, offset, length);
				copy.write(bytes, offset, length);
			}

			@Override
			public void flush() throws IOException {
				System.out.flush();
				copy.flush();
			}
		}, true, StandardCharsets.UTF_8);
	}
}
