package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.test.Api.body;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opennrm.test.Api;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * Every kind of caller against every operation on every path to one case, with the expected outcome worked out from
 * {@code config/access-policy.yml} (read here with a plain YAML parser, not with the service's own policy code), and
 * the evidence written to {@code target/access-matrix-<database>.md}.
 * <p>
 * The case: an adult met by police, presumed a victim, who consents to share with social services, the NGO and
 * health services and to cooperate with police. Social services lead; the NGO holds an open shelter hand-off; health
 * services are an agency with no part in the case. Its identity section holds a marker that must never appear on any
 * engine path.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	static final String MARKER = "Matrix-Marker-Ivana";

	static final List<String> SECTIONS = List.of("identity", "identification", "risk", "health", "psycho-social",
			"legal", "services", "law-enforcement");

	/** The scopes each agency holds on this case, by construction of the case (see the class comment). */
	static final Map<String, List<String>> SCOPES_OF_GROUP = Map.of("social", List.of("case-owner"), "police",
			List.of("police-cooperation"), "ngo", List.of("referral-recipient"), "authority",
			List.of("competent-authority"), "supervisor", List.of("oversight"));

	@Autowired
	Api api;

	@Autowired
	CaseJourney journey;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	/** The candidate groups of the case's open tasks, as the engine has them. */
	Set<String> candidateGroups;

	Map<String, Object> policy;

	String reference;

	final List<String> evidence = new ArrayList<>();

	@BeforeAll
	void caseAndPolicy() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("config", "access-policy.yml"))) {
			this.policy = new Yaml().load(in);
		}
		this.reference = this.journey.adultWithOpenShelterHandoff();
		assertThat(this.api.as("demo-social")
			.put("/api/cases/" + this.reference + "/file/identity", body("firstName", MARKER))
			.status()).isEqualTo(200);
		this.candidateGroups = new HashSet<>();
		this.taskService.createTaskQuery().processInstanceBusinessKey(this.reference).list()
			.forEach(task -> this.taskService.getIdentityLinksForTask(task.getId()).stream()
				.filter(link -> link.getGroupId() != null)
				.forEach(link -> this.candidateGroups.add(link.getGroupId())));
		assertThat(this.candidateGroups).as("the case has open work").isNotEmpty();
		TestUsers.ensure(this.identityService, "matrix-deleted", "ngo");
		TestUsers.ensure(this.identityService, "matrix-moved", "social");
	}

	@AfterAll
	void writeEvidence() throws IOException {
		Path target = Path.of("target", "access-matrix-" + System.getProperty("nrm.test.database", "h2") + ".md");
		List<String> lines = new ArrayList<>();
		lines.add("# Access matrix for case " + this.reference);
		lines.add("");
		lines.add("Expected outcomes come from `config/access-policy.yml` and the engine grants; `ok` means the actual "
				+ "outcome matched.");
		lines.add("");
		lines.add("| caller | path | operation | expected | actual | ok |");
		lines.add("|---|---|---|---|---|---|");
		lines.addAll(this.evidence);
		Files.createDirectories(target.getParent());
		Files.write(target, lines);
		this.identityService.deleteUser("matrix-moved");
	}

	@Test
	void every_caller_gets_from_our_api_exactly_what_the_policy_grants() {
		SoftAssertions cells = new SoftAssertions();
		for (String caller : callers()) {
			for (String section : SECTIONS) {
				cell(cells, caller, "our API", "read " + section, expectedSection(caller, section, "read"),
						status(caller, "GET", section));
				cell(cells, caller, "our API", "write " + section, expectedSection(caller, section, "write"),
						status(caller, "PUT", section));
			}
			cell(cells, caller, "our API", "read case summary", expectedSummary(caller),
					outcome(client(caller).get("/api/cases/" + this.reference).status()));
		}
		cells.assertAll();
	}

	@Test
	void a_deleted_user_and_a_user_moved_out_of_a_group_lose_access_at_once() {
		SoftAssertions cells = new SoftAssertions();
		Api.Client moved = this.api.as("matrix-moved", Api.DEMO_PASSWORD);
		cell(cells, "matrix-moved (social)", "our API", "read identity", "200", outcome(moved
			.get("/api/cases/" + this.reference + "/file/identity").status()));
		this.identityService.deleteMembership("matrix-moved", "social");
		this.identityService.createMembership("matrix-moved", "health");
		cell(cells, "matrix-moved (now health)", "our API", "read identity", "404", outcome(moved
			.get("/api/cases/" + this.reference + "/file/identity").status()));
		cell(cells, "matrix-moved (now health)", "engine REST", "tasks of the case", "403",
				engineTasks(moved));

		Api.Client deleted = this.api.as("matrix-deleted", Api.DEMO_PASSWORD);
		cell(cells, "matrix-deleted (ngo)", "our API", "read identity", "200", outcome(deleted
			.get("/api/cases/" + this.reference + "/file/identity").status()));
		this.identityService.deleteUser("matrix-deleted");
		cell(cells, "matrix-deleted (deleted)", "our API", "read identity", "401", outcome(deleted
			.get("/api/cases/" + this.reference + "/file/identity").status()));
		cell(cells, "matrix-deleted (deleted)", "engine REST", "tasks of the case", "401",
				outcome(deleted.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference).status()));
		cells.assertAll();
	}

	@Test
	void no_engine_path_shows_the_case_to_a_caller_the_policy_does_not_involve_or_any_case_file_content() {
		signInToTheWebappsSideBySide();
		SoftAssertions cells = new SoftAssertions();
		for (String caller : callers()) {
			Api.Client client = client(caller);
			cell(cells, caller, "engine REST", "tasks of the case", engineRest(caller, expectedTasks(caller)),
					engineTasks(client));
			cell(cells, caller, "engine REST", "process instances of the case",
					engineRest(caller, runtimeVisibility(caller)),
					visibility(client.get("/engine-rest/process-instance?maxResults=50&businessKey=" + this.reference)));
			cell(cells, caller, "engine REST", "history: process instances of the case",
					engineRest(caller, historyVisibility(caller)),
					visibility(client.get("/engine-rest/history/process-instance?maxResults=50&processInstanceBusinessKey="
							+ this.reference)));
			cell(cells, caller, "engine REST", "history: tasks of the case", engineRest(caller, historyVisibility(caller)),
					visibility(client.get("/engine-rest/history/task?maxResults=50&processInstanceBusinessKey=" + this.reference)));
			for (String path : List.of("/engine-rest/variable-instance?maxResults=1000",
					"/engine-rest/history/variable-instance?maxResults=1000",
					"/engine-rest/history/detail?maxResults=1000")) {
				Api.Response response = client.get(path);
				cells.assertThat(response.body() == null ? "" : response.body())
					.as("%s on %s shows no case file content", caller, path)
					.doesNotContain(MARKER);
			}
			if (!caller.equals("anonymous")) {
				cell(cells, caller, "Tasklist API", "tasks of the case",
						caller.equals("demo-auditor") ? "no access" : expectedTasks(caller), tasklistTasks(caller));
				cell(cells, caller, "Cockpit API", "process instances of the case", cockpitExpected(caller),
						cockpit(caller, "/camunda/api/engine/engine/default/process-instance?maxResults=50&businessKey="
								+ this.reference));
				cell(cells, caller, "Cockpit API", "history: tasks of the case", cockpitExpected(caller),
						cockpit(caller, "/camunda/api/engine/engine/default/history/task?maxResults=50&processInstanceBusinessKey="
								+ this.reference));
			}
		}
		cells.assertAll();
	}

	// --- what the policy file says ---

	/** The groups of a demo caller. */
	static Set<String> groups(String caller) {
		return switch (caller) {
			case "anonymous" -> Set.of();
			case "demo-admin" -> Set.of("camunda-admin");
			default -> Set.of(caller.substring("demo-".length()));
		};
	}

	@SuppressWarnings("unchecked")
	private String expectedSection(String caller, String section, String operation) {
		if (caller.equals("anonymous")) {
			return "401";
		}
		if (!involved(caller)) {
			return "404";
		}
		Map<String, Map<String, List<String>>> sections = (Map<String, Map<String, List<String>>>) this.policy
			.get("sections");
		boolean role = groups(caller).stream().anyMatch(sections.get(section).get(operation)::contains);
		boolean inScope = scopesOf(caller).stream().anyMatch(scope -> covers(scope, section, operation));
		return role && inScope ? "200" : "403";
	}

	@SuppressWarnings("unchecked")
	private boolean covers(String scopeName, String section, String operation) {
		Map<String, Object> scope = ((Map<String, Map<String, Object>>) this.policy.get("scopes")).get(scopeName);
		List<String> covered = scopeName.equals("referral-recipient")
				? ((Map<String, List<String>>) this.policy.get("referral-defaults")).get("Shelter")
				: (List<String>) scope.get("sections");
		if (operation.equals("write") && scope.get("writes") != null) {
			return covered.contains(section) && ((List<String>) scope.get("writes")).contains(section);
		}
		return covered.contains(section);
	}

	private List<String> scopesOf(String caller) {
		List<String> scopes = new ArrayList<>();
		groups(caller).forEach(group -> scopes.addAll(SCOPES_OF_GROUP.getOrDefault(group, List.of())));
		return scopes;
	}

	private boolean involved(String caller) {
		return !scopesOf(caller).isEmpty();
	}

	private String expectedSummary(String caller) {
		if (caller.equals("anonymous")) {
			return "401";
		}
		return involved(caller) || caller.equals("demo-auditor") ? "200" : "404";
	}

	/**
	 * A caller sees the case's open tasks only if the policy involves them and a task waits for one of their groups;
	 * supervisors and administrators see all.
	 */
	private String expectedTasks(String caller) {
		if (caller.equals("anonymous")) {
			return "401";
		}
		Set<String> groups = groups(caller);
		if (groups.contains("supervisor") || groups.contains("camunda-admin")) {
			return "visible";
		}
		return involved(caller) && groups.stream().anyMatch(this.candidateGroups::contains) ? "visible" : "none";
	}

	/**
	 * The engine REST API is for administrators only (ADR 20): anyone else signed in is refused, whatever the engine
	 * would have shown them.
	 */
	private static String engineRest(String caller, String forAdministrators) {
		if (caller.equals("anonymous")) {
			return "401";
		}
		return caller.equals("demo-admin") ? forAdministrators : "403";
	}

	private static String runtimeVisibility(String caller) {
		return Set.of("demo-supervisor", "demo-admin").contains(caller) ? "visible" : "none";
	}

	private static String historyVisibility(String caller) {
		return Set.of("demo-supervisor", "demo-auditor", "demo-admin").contains(caller) ? "visible" : "none";
	}

	private static String cockpitExpected(String caller) {
		return Set.of("demo-supervisor", "demo-admin").contains(caller) ? "visible" : "no access";
	}

	// --- what the service does ---

	private static List<String> callers() {
		return List.of("anonymous", "demo-police", "demo-social", "demo-health", "demo-ngo", "demo-authority",
				"demo-guardian", "demo-coordinator", "demo-supervisor", "demo-auditor", "demo-admin");
	}

	private Api.Client client(String caller) {
		return caller.equals("anonymous") ? this.api.anonymous() : this.api.as(caller);
	}

	private String status(String caller, String method, String section) {
		String path = "/api/cases/" + this.reference + "/file/" + section;
		Api.Client client = client(caller);
		if (method.equals("GET")) {
			Api.Response response = client.get(path);
			if (response.status() == 200 && section.equals("identity")) {
				assertThat(response.body()).contains(MARKER);
			}
			return outcome(response.status());
		}
		// A write that would succeed changes nothing: it puts back what the caller reads.
		// Screenings and risk assessments are written by their tasks only, so they are left out.
		Api.Response current = client.get(path);
		Object content = Map.of();
		if (current.status() == 200) {
			ObjectNode read = (ObjectNode) current.json().path("content");
			read.remove(List.of("screenings", "assessments"));
			content = read;
		}
		return outcome(client.put(path, content).status());
	}

	/**
	 * Each sign-in of a user with a second factor waits for a time step of theirs not used before, up to 30 s; signed
	 * in all at once, the callers wait side by side, and the cells below find their sessions kept.
	 */
	private void signInToTheWebappsSideBySide() {
		callers().parallelStream().filter(caller -> !caller.equals("anonymous")).forEach(caller -> {
			try {
				WebappSession.signIn(this.api, "tasklist", caller, Api.DEMO_PASSWORD);
			}
			catch (IllegalStateException ex) {
				// Not open to them: the cell says so when it signs in again.
			}
		});
	}

	private String engineTasks(Api.Client client) {
		return visibility(client.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + this.reference));
	}

	private String tasklistTasks(String caller) {
		WebappSession session;
		try {
			session = WebappSession.signIn(this.api, "tasklist", caller, Api.DEMO_PASSWORD);
		}
		catch (IllegalStateException ex) {
			return "no access";
		}
		return visibility(session.get("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey="
				+ this.reference));
	}

	private String cockpit(String caller, String path) {
		WebappSession session;
		try {
			session = WebappSession.signIn(this.api, "cockpit", caller, Api.DEMO_PASSWORD);
		}
		catch (IllegalStateException ex) {
			return "no access";
		}
		return visibility(session.get(path));
	}

	private static String visibility(Api.Response response) {
		if (response.status() != 200) {
			return outcome(response.status());
		}
		assertThat(response.body()).doesNotContain(MARKER);
		JsonNode items = response.json();
		return items.isArray() && !items.isEmpty() ? "visible" : "none";
	}

	private static String outcome(int status) {
		return String.valueOf(status);
	}

	private void cell(SoftAssertions cells, String caller, String path, String operation, String expected,
			String actual) {
		this.evidence.add("| " + caller + " | " + path + " | " + operation + " | " + expected + " | " + actual + " | "
				+ (expected.equals(actual) ? "ok" : "**NO**") + " |");
		cells.assertThat(actual).as("%s, %s: %s", caller, path, operation).isEqualTo(expected);
	}
}
