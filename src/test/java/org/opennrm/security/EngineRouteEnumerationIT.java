package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.admin.impl.plugin.resources.AdminPluginsRootResource;
import org.camunda.bpm.cockpit.impl.plugin.resources.BaseRootResource;
import org.camunda.bpm.cockpit.impl.plugin.resources.CockpitPluginsRootResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.tasklist.impl.plugin.resources.TasklistPluginsRootResource;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthenticationResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.EngineResourceModel;
import org.opennrm.test.EngineResourceModel.Route;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestDatabase;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of the engine REST API, of the webapps' engine API and of the webapps' own plugin APIs (Cockpit's
 * views, Admin's metrics, the plugins' static files), read from their own resource models,
 * tried under every spelling (the named engine, another engine's name, a trailing or doubled slash, a percent-escaped
 * letter, a change of case, a matrix parameter) by every role and before signing in. What each should get is worked
 * out here from {@code config/engine-api.yml} (read with a plain YAML parser, matched by this test's own code) and
 * ADR 20:
 * <ul>
 * <li>an operation the role's surfaces do not open is reached under no spelling: each is refused (401, the guard's
 * 403, the firewall's 400) or answered by no operation at all (404, 405);</li>
 * <li>an operation they open is reached under its plain spelling (the engine then answers for itself: a probe id
 * that does not exist, a body that is not the resource's, so no probe changes anything). Other spellings of an open
 * operation may reach it or not, so they are not sent.</li>
 * </ul>
 * A spelling refused for its form alone (a doubled slash, a matrix parameter, a percent-escaped letter: Spring
 * Security's firewall and {@code CanonicalPaths} refuse these before anything reads who is asking) is sent by every
 * role only if it was not refused so before signing in; otherwise that refusal stands for every role, marked "sent
 * once".
 * <p>
 * The table goes to {@code target/engine-routes-h2.md}, beside the access matrix. It runs on H2 only: which operation
 * answers a request is decided by the HTTP layer and the surface file, not the database, and its 47,000 requests are
 * the suite's longest test; each finding it stands for runs on both databases in {@code EngineSideDoorsIT}.
 */
@IntegrationTest
class EngineRouteEnumerationIT {

	static final List<String> ROLES = List.of("anonymous", "police", "social", "health", "ngo", "authority",
			"guardian", "coordinator", "supervisor", "auditor", "camunda-admin");

	static final String PROBE = "route-probe";

	/** Spellings that change only the form of the path, which is judged before anyone is signed in. */
	static final Set<String> FORM_ONLY = Set.of("doubled slash", "percent-escape", "matrix parameter");

	@Autowired
	Api api;

	@Autowired
	IdentityService identityService;

	/**
	 * A user of its own per role: other tests sign in as the demo users with wrong passwords on purpose, and the
	 * identity store then delays those users' next sign-ins.
	 */
	@BeforeEach
	void oneUserPerRole() {
		for (String role : ROLES.subList(1, ROLES.size())) {
			TestUsers.ensure(this.identityService, userOf(role), role);
		}
	}

	@AfterEach
	void removeThem() {
		ROLES.subList(1, ROLES.size()).forEach(role -> this.identityService.deleteUser(userOf(role)));
	}

	static String userOf(String role) {
		return "routes-" + role;
	}

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** One API as the test reaches it. */
	record Surface(String api, String plain, List<Route> routes, boolean engine) {
	}

	/** What one role got for one operation under each spelling. */
	record Outcome(String api, Route route, String role, boolean open, Map<String, Answer> bySpelling) {

		boolean ok() {
			Answer plain = this.bySpelling.get("plain");
			if (this.open) {
				// A definition looked up by key that does not exist (no case definitions, no tenants) answers before
				// any operation is chosen, for everyone.
				return plain.kind().equals("reached")
						|| plain.kind().equals("unrouted") && this.route.template().contains("/key/");
			}
			return this.bySpelling.values().stream().noneMatch(answer -> answer.kind().equals("reached"));
		}
	}

	/** A response as this test classifies it; {@code once} when it was given before signing in and stands for all. */
	record Answer(int status, String kind, boolean once) {

		/** Refused for the form of its path, by the firewall or {@code CanonicalPaths}: the same for every caller. */
		boolean refusedBeforeSignIn() {
			return this.status == 400 && this.kind.equals("refused");
		}

		Answer sentOnce() {
			return new Answer(this.status, this.kind, true);
		}

		@Override
		public String toString() {
			return this.status + (this.kind.equals("reached") ? "" : " " + this.kind)
					+ (this.once ? " (sent once)" : "");
		}
	}

	@Test
	void no_spelling_of_any_operation_reaches_the_engine_for_a_role_the_surface_file_does_not_open_it_to()
			throws Exception {
		assumeFalse(TestDatabase.isPostgres(), "the route table does not depend on the database (see the class comment)");
		Map<String, Object> surfaceFile = surfaceFile();
		List<Route> engineRoutes = EngineResourceModel.routes(DefaultProcessEngineRestServiceImpl.class);
		assertThat(engineRoutes).as("the engine's resource model").hasSizeGreaterThan(400);
		List<Surface> surfaces = List.of(new Surface("engine-rest", "/engine-rest", engineRoutes, true),
				new Surface("engine", "/camunda/api/engine/engine/default", engineRoutes, true),
				new Surface("admin", "/camunda/api/admin", EngineResourceModel.routes(UserAuthenticationResource.class,
						org.camunda.bpm.admin.impl.web.SetupResource.class, AdminPluginsRootResource.class), false),
				new Surface("cockpit", "/camunda/api/cockpit",
						EngineResourceModel.routes(BaseRootResource.class, CockpitPluginsRootResource.class), false),
				// Welcome's plugin root is left out: its only route serves the plugin's static files, and the webapps
				// ship none for Welcome, so it answers "no such resource" to every file.
				new Surface("tasklist", "/camunda/api/tasklist",
						EngineResourceModel.routes(TasklistPluginsRootResource.class), false));
		assertThat(EngineResourceModel.routes(NamedProcessEngineRestServiceImpl.class).size())
			.as("the named-engine root serves the same operations (plus the list of engines)")
			.isGreaterThanOrEqualTo(engineRoutes.size());

		Map<String, Caller> callers = new LinkedHashMap<>();
		for (String role : ROLES) {
			callers.put(role, caller(role));
		}
		List<Outcome> outcomes = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// Logging out ends the session that every other probe of a role on the webapps' APIs uses: it goes last.
			for (boolean logout : List.of(false, true)) {
				List<Future<List<Outcome>>> pending = new ArrayList<>();
				for (Surface surface : surfaces) {
					for (Route route : surface.routes()) {
						if (route.template().endsWith("/logout") == logout) {
							pending.add(pool.submit(() -> tryEveryRole(surfaceFile, surface, route, callers)));
						}
					}
				}
				for (Future<List<Outcome>> outcome : pending) {
					outcomes.addAll(outcome.get());
				}
			}
		}
		finally {
			pool.shutdown();
		}
		writeEvidence(outcomes);

		List<String> wrong = outcomes.stream()
			.filter(outcome -> !outcome.ok())
			.map(outcome -> outcome.role() + " " + outcome.api() + " " + outcome.route().method() + " "
					+ outcome.route().template() + ": expected " + (outcome.open() ? "open" : "closed") + ", got "
					+ outcome.bySpelling())
			.toList();
		assertThat(wrong).as("operations whose outcome differs from config/engine-api.yml (%d of %d)", wrong.size(),
				outcomes.size()).isEmpty();
		assertThat(outcomes).as("some operations are open to someone").anyMatch(Outcome::open);
		List<String> failed = outcomes.stream()
			.filter(outcome -> outcome.open() && outcome.bySpelling().get("plain").status() >= 500)
			.map(outcome -> outcome.role() + " " + outcome.api() + " " + outcome.route().method() + " "
					+ outcome.route().template() + ": " + outcome.bySpelling().get("plain").status())
			.toList();
		assertThat(failed).as("open operations that answered a probe (an id that names nothing, a body that is not "
				+ "theirs) with a server error instead of saying what was wrong").isEmpty();
	}

	// --- what the file says, worked out independently of the service's own reading ---

	@SuppressWarnings("unchecked")
	private static Map<String, Object> surfaceFile() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("config", "engine-api.yml"))) {
			return new Yaml().load(in);
		}
	}

	/** Whether the role's surfaces (and the anonymous ones, which everyone has) name this operation on this API. */
	@SuppressWarnings("unchecked")
	static boolean opens(Map<String, Object> file, String role, String api, Route route) {
		Map<String, List<String>> roles = (Map<String, List<String>>) file.get("roles");
		Map<String, List<String>> surfaces = (Map<String, List<String>>) file.get("surfaces");
		Set<String> names = new java.util.HashSet<>(roles.getOrDefault("anonymous", List.of()));
		names.addAll(roles.getOrDefault(role, List.of()));
		for (String name : names) {
			for (String line : surfaces.get(name)) {
				String[] parts = line.strip().split("\\s+");
				if (List.of(parts[0].split(",")).contains(api) && methodMatches(parts[1], route)
						&& pathMatches(parts[2], route.shape())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean methodMatches(String declared, Route route) {
		if (declared.equals("READ")) {
			return route.method().equals("GET") || route.method().equals("OPTIONS")
					|| route.method().equals("POST") && route.javaMethod().startsWith("query");
		}
		return declared.equals(route.method());
	}

	private static boolean pathMatches(String declared, String shape) {
		String pattern = declared.replaceAll("\\{[^}]*}", "{}");
		String[] want = pattern.equals("/") ? new String[0] : pattern.substring(1).split("/");
		String[] have = shape.equals("/") ? new String[0] : shape.substring(1).split("/");
		for (int i = 0; i < want.length; i++) {
			if (want[i].equals("**") && i == want.length - 1) {
				return true;
			}
			if (i >= have.length || !want[i].equals("{}") && !want[i].equals(have[i])) {
				return false;
			}
		}
		return want.length == have.length;
	}

	// --- what the service does ---

	/** The roles in turn, anonymous first: a spelling it got refused for its form alone is not sent again. */
	private List<Outcome> tryEveryRole(Map<String, Object> surfaceFile, Surface surface, Route route,
			Map<String, Caller> callers) {
		Map<String, String> spellings = spellings(surface, route);
		Map<String, Answer> beforeSignIn = new LinkedHashMap<>();
		List<Outcome> outcomes = new ArrayList<>();
		for (String role : ROLES) {
			boolean open = opens(surfaceFile, role, surface.api(), route);
			Map<String, Answer> answers = new LinkedHashMap<>();
			spellings.forEach((spelling, path) -> {
				if (open && !spelling.equals("plain")) {
					return;
				}
				Answer known = beforeSignIn.get(spelling);
				if (known != null) {
					answers.put(spelling, known);
					return;
				}
				Answer answer = callers.get(role).send(route, path);
				if (role.equals("anonymous") && FORM_ONLY.contains(spelling) && answer.refusedBeforeSignIn()) {
					beforeSignIn.put(spelling, answer.sentOnce());
				}
				answers.put(spelling, answer);
			});
			outcomes.add(new Outcome(surface.api(), route, role, open, answers));
		}
		return outcomes;
	}

	private static Map<String, String> spellings(Surface surface, Route route) {
		String concrete = concrete(route.template());
		Map<String, String> spellings = new LinkedHashMap<>();
		spellings.put("plain", surface.plain() + concrete);
		if (surface.api().equals("engine-rest")) {
			spellings.put("named engine", "/engine-rest/engine/default" + concrete);
		}
		if (surface.engine()) {
			spellings.put("other engine", surface.plain().replace("/engine/default", "") + "/engine/other" + concrete);
		}
		spellings.put("trailing slash", surface.plain() + concrete + "/");
		spellings.put("doubled slash", surface.plain() + "/" + concrete);
		String first = firstLiteral(route.template());
		if (first != null) {
			spellings.put("percent-escape", surface.plain() + concrete.replaceFirst("/" + first,
					"/%" + String.format("%02X", (int) first.charAt(0)) + first.substring(1)));
			spellings.put("case", surface.plain() + concrete.replaceFirst("/" + first, "/" + first.toUpperCase(Locale.ROOT)));
			spellings.put("matrix parameter", surface.plain() + concrete.replaceFirst("/" + first, "/" + first + ";x=1"));
		}
		return spellings;
	}

	/**
	 * The template with its parameters filled in: the one engine's name, definition keys that exist (their
	 * sub-resource locators look the definition up before any operation is chosen, so an unknown key would never
	 * show the guard at work), and an id that exists nowhere for everything else.
	 */
	static String concrete(String template) {
		return template.replaceFirst("^/process-definition/key/\\{[^}]*}", "/process-definition/key/NrmCase")
			.replaceFirst("^/decision-definition/key/\\{[^}]*}", "/decision-definition/key/ScreeningRecommendation")
			.replaceFirst("^/decision-requirements-definition/key/\\{[^}]*}",
					"/decision-requirements-definition/key/Definitions_ScreeningRecommendation")
			.replaceAll("\\{(processEngineName|engine)}", "default")
			.replaceAll("\\{[^}]*}", PROBE);
	}

	private static String firstLiteral(String template) {
		for (String segment : template.substring(1).split("/")) {
			if (!segment.isEmpty() && !segment.startsWith("{") && Character.isLetter(segment.charAt(0))) {
				return segment;
			}
		}
		return null;
	}

	/** A role's way in: HTTP Basic for the engine REST API, a webapp session for the webapps' APIs. */
	private final class Caller {

		private final String authorization;

		private final WebappSession session;

		Caller(String authorization, WebappSession session) {
			this.authorization = authorization;
			this.session = session;
		}

		/**
		 * A probe that cannot change anything: ids that do not exist, and for a body one its resource cannot take as
		 * its own (an empty JSON array, an empty multipart form), in the type it declares so that the operation, not
		 * content negotiation, answers.
		 */
		Answer send(Route route, String path) {
			String method = route.method();
			boolean multipart = route.consumes() != null && route.consumes().startsWith("multipart/");
			String body = method.equals("POST") || method.equals("PUT") || method.equals("DELETE")
					? multipart ? "--probe--\r\n" : "[]" : null;
			String type = body == null ? null : multipart ? "multipart/form-data; boundary=probe" : "application/json";
			Api.Response response = path.startsWith("/camunda/") && this.session != null
					? this.session.request(method, path, body, type)
					: basic(method, path, body, type);
			return new Answer(response.status(), classify(response), false);
		}

		private Api.Response basic(String method, String path, String body, String type) {
			HttpRequest.Builder request = HttpRequest.newBuilder(EngineRouteEnumerationIT.this.api.uri(path))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body))
				.header("Accept", "*/*");
			if (type != null) {
				request.header("Content-Type", type);
			}
			if (this.authorization != null && !path.startsWith("/camunda/")) {
				request.header("Authorization", this.authorization);
			}
			try {
				HttpResponse<String> response = EngineRouteEnumerationIT.this.client.send(request.build(),
						HttpResponse.BodyHandlers.ofString());
				return new Api.Response(response.statusCode(), new org.springframework.http.HttpHeaders(),
						response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private Caller caller(String role) {
		if (role.equals("anonymous")) {
			return new Caller(null, WebappSession.anonymous(this.api));
		}
		String user = userOf(role);
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
		WebappSession session;
		try {
			session = WebappSession.signIn(this.api, "welcome", user, Api.DEMO_PASSWORD);
		}
		catch (IllegalStateException ex) {
			session = null;
		}
		return new Caller(authorization, session);
	}

	/**
	 * {@code refused}: the guard's or the security chain's answer (401, the guard's 403, the firewall's 400);
	 * {@code unrouted}: no operation answers this spelling (404 no such resource, 405, and 406 or 415 where content
	 * negotiation chose none);
	 * {@code reached}: anything else, which only the operation itself can have answered.
	 */
	static String classify(Api.Response response) {
		String body = response.body() == null ? "" : response.body();
		return switch (response.status()) {
			case 401 -> "refused";
			case 403 -> body.contains("is not open") || body.contains("before it reached the service") ? "refused"
					: "reached";
			case 400 -> body.contains("percent-escape") || body.contains("not in a form this service accepts") ? "refused"
					: "reached";
			case 404 -> body.contains("No such resource.") ? "unrouted" : "reached";
			case 405, 406, 415 -> "unrouted";
			default -> "reached";
		};
	}

	private static void writeEvidence(List<Outcome> outcomes) throws IOException {
		Path target = Path.of("target", "engine-routes-h2.md");
		List<String> lines = new ArrayList<>();
		lines.add("# Every operation of the engine's HTTP APIs, every spelling, every role");
		lines.add("");
		lines.add("Expected outcomes come from `config/engine-api.yml` and ADR 20. Plain spelling first; for the others, "
				+ "`refused` and `unrouted` never reach the operation.");
		lines.add("");
		Map<String, Long> counts = outcomes.stream()
			.collect(Collectors.groupingBy(outcome -> outcome.open() ? "open" : "closed", Collectors.counting()));
		lines.add("Operations × roles: " + outcomes.size() + " (open " + counts.getOrDefault("open", 0L) + ", closed "
				+ counts.getOrDefault("closed", 0L) + "); requests: "
				+ outcomes.stream()
					.mapToLong(outcome -> outcome.bySpelling().values().stream().filter(answer -> !answer.once()).count())
					.sum()
				+ ".");
		lines.add("");
		lines.add("| api | operation | role | expected | answers by spelling | ok |");
		lines.add("|---|---|---|---|---|---|");
		for (Outcome outcome : outcomes) {
			lines.add("| " + outcome.api() + " | " + outcome.route().method() + " " + outcome.route().template() + " | "
					+ outcome.role() + " | " + (outcome.open() ? "open" : "closed") + " | "
					+ outcome.bySpelling()
						.entrySet()
						.stream()
						.map(entry -> entry.getKey() + " " + entry.getValue())
						.collect(Collectors.joining(" · "))
					+ " | " + (outcome.ok() ? "ok" : "**NO**") + " |");
		}
		Files.createDirectories(target.getParent());
		Files.write(target, lines);
	}
}
