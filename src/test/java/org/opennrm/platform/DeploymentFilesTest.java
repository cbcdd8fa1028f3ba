package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opennrm.test.RepositoryFiles;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with each other and with the service (ADR 31, README "Several nodes"), since no Docker
 * engine runs them in the build: {@code docker-compose.yml}, the balancer's {@code haproxy.cfg} and the image's
 * {@code Dockerfile}. Every node gets the same settings; every secret is required rather than silently empty; every
 * variable a service is given is one the service reads in the profiles it runs; the balancer sends requests to
 * exactly the nodes, on the port they listen on, checks the readiness they serve, and does not need them to be up to
 * start. That the readiness answers is {@code SecurityBaselineIT}'s.
 */
class DeploymentFilesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");

	private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");

	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

	private static final Pattern SERVER = Pattern.compile("^\\s*server\\s+\\S+\\s+([^:\\s]+):(\\d+)",
			Pattern.MULTILINE);

	private static final String READINESS = "/actuator/health/readiness";

	private final Map<String, Object> compose = yaml(RepositoryFiles.text(Path.of("docker-compose.yml")));

	private final String haproxy = RepositoryFiles.text(Path.of("src/main/docker/haproxy.cfg"));

	private final String dockerfile = RepositoryFiles.text(Path.of("src/main/docker/Dockerfile"));

	@Test
	void the_nodes_share_one_database_one_configuration_and_one_set_of_keys() {
		List<String> nodes = nodes();
		assertThat(nodes).as("services built from the image that wait for the database").hasSizeGreaterThanOrEqualTo(2);
		Map<String, Object> first = service(nodes.get(0));
		for (String node : nodes) {
			Map<String, Object> settings = service(node);
			assertThat(settings.get("environment")).as(node).isEqualTo(first.get("environment"));
			assertThat(settings.get("build")).as(node).isEqualTo(first.get("build"));
			assertThat(settings.get("healthcheck")).as(node).isEqualTo(first.get("healthcheck"));
			assertThat(map(map(settings.get("depends_on")).get("db")).get("condition")).as(node)
				.isEqualTo("service_healthy");
		}

		Map<String, Object> environment = map(first.get("environment"));
		Map<String, Object> database = map(service("db").get("environment"));
		URI url = URI.create(String.valueOf(environment.get("NRM_DB_URL")).substring("jdbc:".length()));
		assertThat(url.getHost()).isEqualTo("db");
		assertThat(url.getPath()).isEqualTo("/" + database.get("POSTGRES_DB"));
		assertThat(environment.get("NRM_DB_USER")).isEqualTo(database.get("POSTGRES_USER"));
		assertThat(placeholders(environment.get("NRM_DB_PASSWORD")))
			.isEqualTo(placeholders(database.get("POSTGRES_PASSWORD")));
		assertThat(String.valueOf(map(service("db").get("healthcheck")).get("test")))
			.contains("-U " + database.get("POSTGRES_USER"), "-d " + database.get("POSTGRES_DB"));
	}

	@Test
	void every_secret_must_be_given_and_the_readmes_list_of_what_a_node_needs_names_each() {
		Set<String> required = new TreeSet<>();
		map(service(nodes().get(0)).get("environment")).values().forEach(value -> {
			Matcher matcher = REQUIRED.matcher(String.valueOf(value));
			while (matcher.find()) {
				required.add(matcher.group(1));
			}
		});

		assertThat(required).as("secrets compose refuses to start without").containsExactlyInAnyOrder(
				"NRM_DB_PASSWORD", "NRM_ADMIN_USER", "NRM_ADMIN_PASSWORD", "NRM_CASEFILE_KEYSET", "NRM_SIGNIN_KEYSET");
		String readme = RepositoryFiles.text(Path.of("README.md"));
		int list = readme.indexOf("Each node needs:");
		assertThat(list).as("the README's list of what a node needs").isPositive();
		String needs = readme.substring(list, readme.indexOf("\n\n", readme.indexOf("\n- ", list)));
		assertThat(required).allSatisfy(variable -> assertThat(needs).contains("`" + variable + "`"));
	}

	@Test
	void every_variable_a_service_is_given_is_one_it_reads_in_the_profiles_it_runs() {
		Set<String> unread = new TreeSet<>();
		map(this.compose.get("services")).forEach((name, settings) -> {
			Map<String, Object> environment = map(map(settings).get("environment"));
			if (!isOurs(map(settings))) {
				return;
			}
			Set<String> read = readVariables(profiles(environment));
			environment.keySet().stream().filter(variable -> !read.contains(variable))
				.forEach(variable -> unread.add(name + ": " + variable));
		});

		assertThat(unread).as("variables that no placeholder, property or script of the service reads").isEmpty();
	}

	@Test
	void the_balancer_sends_to_exactly_the_nodes_on_their_port_and_checks_the_readiness_they_serve() {
		Set<String> targets = new HashSet<>();
		Matcher server = SERVER.matcher(this.haproxy);
		while (server.find()) {
			targets.add(server.group(1));
			assertThat(server.group(2)).as("the port the image exposes").isEqualTo(exposed());
		}
		assertThat(targets).containsExactlyInAnyOrderElementsOf(nodes());

		assertThat(this.haproxy).contains("option httpchk GET " + READINESS);
		Map<String, Object> nodeCheck = map(service(nodes().get(0)).get("healthcheck"));
		assertThat(String.valueOf(nodeCheck.get("test"))).contains("http://localhost:" + exposed() + READINESS);
		assertThat(this.dockerfile).contains("http://localhost:" + exposed() + READINESS)
			.contains("--start-period=" + nodeCheck.get("start_period"));

		// The service listens on the exposed port and serves the readiness probe at the path the checks ask for.
		Map<String, Object> settings = flat(List.of("src/main/resources/application.yml",
				"config/application-postgres.yml"));
		assertThat(settings.getOrDefault("server.port", exposed()).toString()).isEqualTo(exposed());
		assertThat(settings.getOrDefault("management.endpoints.web.base-path", "/actuator")).isEqualTo("/actuator");
		assertThat(settings.get("management.endpoint.health.probes.enabled")).isEqualTo(true);
		assertThat(String.valueOf(settings.get("management.endpoints.web.exposure.include"))).contains("health");
	}

	@Test
	void the_balancer_starts_and_stays_healthy_while_a_node_is_down() {
		// Without init-addr none HAProxy refuses to start (and its config check fails) on a name Docker no longer
		// resolves, such as a stopped node's.
		Matcher defaults = Pattern.compile("^\\s*default-server\\s+(.*)$", Pattern.MULTILINE).matcher(this.haproxy);
		assertThat(defaults.find()).isTrue();
		assertThat(defaults.group(1)).contains("resolvers docker").containsPattern("init-addr \\S*none");
		assertThat(this.haproxy).containsPattern("(?m)^resolvers docker\\s*\\n\\s*nameserver \\S+ 127\\.0\\.0\\.11:53");

		Matcher monitor = Pattern.compile("monitor-uri\\s+(\\S+)").matcher(this.haproxy);
		assertThat(monitor.find()).isTrue();
		Map<String, Object> balancer = service("balancer");
		assertThat(String.valueOf(map(balancer.get("healthcheck")).get("test"))).contains("GET " + monitor.group(1));
		assertThat(map(balancer.get("depends_on")).keySet()).containsExactlyInAnyOrderElementsOf(nodes());
		assertThat(String.valueOf(balancer.get("volumes"))).contains("./src/main/docker/haproxy.cfg:");
		Matcher bind = Pattern.compile("^\\s*bind\\s+:(\\d+)", Pattern.MULTILINE).matcher(this.haproxy);
		assertThat(bind.find()).isTrue();
		assertThat(String.valueOf(balancer.get("ports"))).contains(":" + bind.group(1));
	}

	@Test
	void the_two_demo_countries_name_their_jurisdictions_and_reach_each_other_on_the_exposed_port() {
		for (String country : List.of("mk", "xk")) {
			Map<String, Object> environment = map(service(country).get("environment"));
			String jurisdiction = String.valueOf(environment.get("NRM_CASES_JURISDICTION"));
			assertThat(Path.of("config/jurisdictions", jurisdiction + ".yml")).as(country).isRegularFile();
			for (String peer : List.of("mk", "xk")) {
				String variable = "NRM_TRANSNATIONAL_PEER_" + peer.toUpperCase(Locale.ROOT) + "_URL";
				assertThat(environment.get(variable)).as(country + " " + variable)
					.isEqualTo("http://" + peer + ":" + exposed());
			}
		}
	}

	/** The services of the two-node stack: those built from the image that wait for the database. */
	private List<String> nodes() {
		return map(this.compose.get("services")).entrySet().stream()
			.filter(entry -> isOurs(map(entry.getValue())))
			.filter(entry -> map(map(entry.getValue()).get("depends_on")).containsKey("db"))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	private static boolean isOurs(Map<String, Object> service) {
		return String.valueOf(map(service.get("build")).get("dockerfile")).equals("src/main/docker/Dockerfile");
	}

	private String exposed() {
		Matcher matcher = Pattern.compile("^EXPOSE\\s+(\\d+)", Pattern.MULTILINE).matcher(this.dockerfile);
		assertThat(matcher.find()).as("the Dockerfile's EXPOSE").isTrue();
		return matcher.group(1);
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.compose.get("services")).get(name));
		assertThat(service).as("service " + name).isNotEmpty();
		return service;
	}

	/** The profiles a service runs: those it is given, or the default of {@code application.yml}. */
	private static List<String> profiles(Map<String, Object> environment) {
		Object given = environment.get("SPRING_PROFILES_ACTIVE");
		Object profiles = given != null ? given
				: flat(List.of("src/main/resources/application.yml")).get("spring.profiles.default");
		return Stream.of(String.valueOf(profiles).split(",")).map(String::trim).toList();
	}

	/**
	 * Every environment variable the service reads in these profiles: those named as placeholders in its
	 * configuration (the base, the profiles' overlays, the other files under {@code config/}), its code and its start
	 * script; and those Spring Boot binds to a property that configuration or code names
	 * ({@code NRM_CASES_JURISDICTION} to {@code nrm.cases.jurisdiction}; for {@code nrm.db.pool-size} both
	 * {@code NRM_DB_POOLSIZE} and the older {@code NRM_DB_POOL_SIZE}).
	 */
	private static Set<String> readVariables(List<String> profiles) {
		List<String> application = new ArrayList<>(List.of("src/main/resources/application.yml"));
		for (String profile : profiles) {
			Stream.of("src/main/resources", "config").map(folder -> folder + "/application-" + profile + ".yml")
				.filter(file -> Files.isRegularFile(Path.of(file)))
				.forEach(application::add);
		}
		Set<String> names = new HashSet<>(flat(application).keySet());
		List<Path> sources = new ArrayList<>(application.stream().map(Path::of).toList());
		sources.addAll(RepositoryFiles.under("config", file -> !file.getFileName().toString().startsWith("application")
				&& file.toString().matches(".*\\.ya?ml$")));
		sources.addAll(RepositoryFiles.under("src/main/java", file -> file.toString().endsWith(".java")));
		for (Path source : sources) {
			Matcher matcher = PLACEHOLDER.matcher(RepositoryFiles.text(source));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		Set<String> variables = new HashSet<>();
		for (String name : names) {
			String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
			variables.add(upper.replace("-", ""));
			variables.add(upper.replace('-', '_'));
		}
		Matcher script = SHELL_VARIABLE.matcher(RepositoryFiles.text(Path.of("src/main/docker/start.sh")));
		while (script.find()) {
			variables.add(script.group(1));
		}
		variables.add("SPRING_PROFILES_ACTIVE");
		return variables;
	}

	/** The settings of these YAML files, each under its dotted name; a later file's value wins. */
	private static Map<String, Object> flat(List<String> files) {
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String file : files) {
			for (Object document : new Yaml().loadAll(RepositoryFiles.text(Path.of(file)))) {
				flatten("", document, settings);
			}
		}
		return settings;
	}

	private static void flatten(String prefix, Object node, Map<String, Object> settings) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
					settings));
		}
		else if (!prefix.isEmpty()) {
			settings.put(prefix, node);
		}
	}

	private static Set<String> placeholders(Object value) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	private static Map<String, Object> yaml(String text) {
		return new Yaml().load(text);
	}
}
