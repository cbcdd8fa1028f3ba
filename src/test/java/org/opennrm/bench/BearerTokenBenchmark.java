package org.opennrm.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.RuntimeService;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.security.RunAs;
import org.opennrm.security.internal.UncheckedCallerForBenchmarks;
import org.opennrm.tasks.FormValues;
import org.opennrm.test.ServiceRuns;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import testprovider.TestIdentityProvider;

/**
 * Issue 14's target: {@code GET /api/tasks} with a bearer token from the identity provider, side by side with the same
 * call with no authentication check at all, in alternating rounds of one run, on an embedded PostgreSQL.
 * <ul>
 * <li><b>bearer</b>: the provider's JWT, checked here (signature, issuer, audience, lifetime), its introspection answer
 * (cached for {@code introspection-cache}, 10 s by default), the claims mapped to the user and groups, the scopes;</li>
 * <li><b>unchecked</b>: the same request as the same user, who is taken from a header without any check
 * ({@link UncheckedCallerForBenchmarks}, registered for this run only).</li>
 * </ul>
 * The provider is Spring Authorization Server in this JVM, as in the tests. Caseworker {@code ana.police} of the
 * provider, mirrored with the police group, lists the police group's tasks of the opened cases. Not a test: nothing
 * fails on a slow run. Run it with {@code src/bench/tokens/measure.sh}.
 */
public final class BearerTokenBenchmark {

	private static final String PATH = "/api/tasks?maxResults=15";

	private static final String USER = "ana.police";

	public static void main(String[] args) throws Exception {
		int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int warmUp = Integer.getInteger("bench.warm-up", 100);
		String issuer = TestIdentityProvider.start();
		Map<String, Object> properties = new HashMap<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "postgres");
			properties.put("nrm.security.sign-in.provider.registration-id", "test-provider");
			properties.put("spring.security.oauth2.client.registration.test-provider.client-id", "opennrm");
			properties.put("spring.security.oauth2.client.registration.test-provider.client-secret",
					TestIdentityProvider.WEB_SECRET);
			properties.put("spring.security.oauth2.client.registration.test-provider.scope", "openid,profile");
			properties.put("spring.security.oauth2.client.provider.test-provider.issuer-uri", issuer);
			properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
			properties.put("spring.security.oauth2.resourceserver.jwt.audiences", "opennrm-api");
			properties.put("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri",
					issuer + "/oauth2/introspect");
			properties.put("spring.security.oauth2.resourceserver.opaquetoken.client-id", "opennrm");
			properties.put("spring.security.oauth2.resourceserver.opaquetoken.client-secret",
					TestIdentityProvider.WEB_SECRET);
			properties.put("nrm.security.sign-in.provider.groups.police", "police");
			// The provider's own server library is on this classpath: Boot must not make its keys the service's.
			properties.put("spring.autoconfigure.exclude",
					"org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
							+ "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");
			try (ConfigurableApplicationContext service = ServiceRuns.start("demo", properties,
					UncheckedCallerForBenchmarks.class)) {
				int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
				TestIdentityProvider.servicePort(() -> port);
				String base = "http://localhost:" + port;
				BenchRun.log("service up on " + base + ", provider at " + issuer);
				openCases(service, cases);
				new JdbcTemplate(service.getBean(javax.sql.DataSource.class)).execute("analyze");
				String token = org.opennrm.test.ProviderTokens.token(USER, "opennrm-cli", "opennrm-tasks");
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				HttpRequest bearer = HttpRequest.newBuilder(URI.create(base + PATH))
					.header("Authorization", "Bearer " + token).GET().build();
				HttpRequest unchecked = HttpRequest.newBuilder(URI.create(base + PATH))
					.header(UncheckedCallerForBenchmarks.HEADER, USER).GET().build();
				String first = call(http, bearer).body();
				String same = call(http, unchecked).body();
				if (!first.equals(same) || !first.contains("\"id\"")) {
					throw new IllegalStateException("The two sides do not see the same tasks:\n" + first + "\n" + same);
				}
				for (int i = 0; i < warmUp; i++) {
					call(http, bearer);
					call(http, unchecked);
				}
				List<Long> bearerNanos = new ArrayList<>();
				List<Long> uncheckedNanos = new ArrayList<>();
				long bearerTotal = 0;
				long uncheckedTotal = 0;
				for (int round = 0; round < rounds; round++) {
					boolean bearerFirst = round % 2 == 0;
					for (int side = 0; side < 2; side++) {
						boolean isBearer = (side == 0) == bearerFirst;
						long start = System.nanoTime();
						for (int i = 0; i < perRound; i++) {
							long t = System.nanoTime();
							call(http, isBearer ? bearer : unchecked);
							(isBearer ? bearerNanos : uncheckedNanos).add(System.nanoTime() - t);
						}
						long elapsed = System.nanoTime() - start;
						if (isBearer) {
							bearerTotal += elapsed;
						}
						else {
							uncheckedTotal += elapsed;
						}
					}
				}
				PrintStream out = BenchRun.results();
				out.printf("workload: GET %s as %s, %d cases opened, %d rounds of %d calls per side, alternating%n",
						PATH, USER, cases, rounds, perRound);
				out.printf("%-10s %6s %9s %9s %9s %12s%n", "side", "n", "p50 ms", "p95 ms", "p99 ms", "calls/s");
				row(out, "bearer", bearerNanos, bearerTotal);
				row(out, "unchecked", uncheckedNanos, uncheckedTotal);
				out.printf("bearer/unchecked: p50 %.2f, p95 %.2f, throughput %.2f%n",
						BenchRun.ms(bearerNanos, 50) / BenchRun.ms(uncheckedNanos, 50),
						BenchRun.ms(bearerNanos, 95) / BenchRun.ms(uncheckedNanos, 95),
						(bearerNanos.size() * 1e9 / bearerTotal) / (uncheckedNanos.size() * 1e9 / uncheckedTotal));
				out.printf("machine: %d cores, %d GiB, Java %s, PostgreSQL %s, %s%n",
						Runtime.getRuntime().availableProcessors(), BenchRun.memoryGiB(),
						System.getProperty("java.version"), new JdbcTemplate(service.getBean(javax.sql.DataSource.class))
							.queryForObject("show server_version", String.class), java.time.LocalDate.now());
				out.flush();
			}
		}
		System.exit(0);
	}

	private static void row(PrintStream out, String side, List<Long> nanos, long total) {
		out.printf("%-10s %6d %9.2f %9.2f %9.2f %12.1f%n", side, nanos.size(), BenchRun.ms(nanos, 50),
				BenchRun.ms(nanos, 95), BenchRun.ms(nanos, 99), nanos.size() * 1e9 / total);
	}

	private static HttpResponse<String> call(HttpClient http, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response;
	}

	/** Cases for police, opened through the engine as a police caseworker: each waits for police to screen it. */
	private static void openCases(ConfigurableApplicationContext service, int count) {
		RunAs runAs = service.getBean(RunAs.class);
		RuntimeService runtimeService = service.getBean(RuntimeService.class);
		FormValues formValues = service.getBean(FormValues.class);
		TransactionTemplate transaction = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
		SuspectedExploitation[] forms = SuspectedExploitation.values();
		OpenCase.ContactSetting[] settings = OpenCase.ContactSetting.values();
		for (int i = 0; i < count; i++) {
			OpenCase intake = new OpenCase("police", settings[i % settings.length], AgeGroup.Adult,
					forms[i % forms.length], i % 3 == 0, i % 4 == 0);
			Map<String, Object> variables = formValues.fromRecord(intake).variables();
			runAs.user("demo-police", () -> transaction.executeWithoutResult(status -> runtimeService
				.createProcessInstanceByKey(NrmCaseProcess.KEY)
				.setVariables(variables)
				.execute()));
		}
		BenchRun.log("opened " + count + " cases for police");
	}
}
