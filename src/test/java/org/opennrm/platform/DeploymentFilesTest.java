package org.opennrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with each other and with the service (ADR 31, README "Several nodes"), since no Docker
 * engine runs them in the build: {@code docker-compose.yml}, the balancer's {@code haproxy.cfg} and the image's
 * {@code Dockerfile}. Every node gets the same settings; every secret is required rather than silently empty; every
 * variable a service is given is one the service reads; the balancer sends requests to exactly the nodes, on the port
 * they listen on, and checks the readiness that the nodes' own health checks ask for.
 */
class DeploymentFilesTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");

	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

	private static final Pattern SERVER = Pattern.compile("^\\s*server\\s+\\S+\\s+([^:\\s]+):(\\d+)",
			Pattern.MULTILINE);

	private final Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));

	private final String haproxy = read(Path.of("src/main/docker/haproxy.cfg"));

	private final String dockerfile = read(Path.of("src/main/docker/Dockerfile"));

	@Test
	void the_nodes_share_one_database_one_configuration_and_one_set_of_keys() {
		List<String> nodes = nodes();
		assertThat(nodes).as("services built from the image and on the database").hasSizeGreaterThanOrEqualTo(2);
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
		assertThat(variables(environment.get("NRM_DB_PASSWORD")))
			.isEqualTo(variables(database.get("POSTGRES_PASSWORD")));
	}

	@Test
	void every_secret_must_be_given_and_the_readme_names_each() {
		Map<String, Object> environment = map(service(nodes().get(0)).get("environment"));
		Set<String> required = new TreeSet<>();
		environment.values().forEach(value -> {
			Matcher matcher = REQUIRED.matcher(String.valueOf(value));
			while (matcher.find()) {
				required.add(matcher.group(1));
			}
		});

		assertThat(required).as("secrets compose refuses to start without").containsExactlyInAnyOrder(
				"NRM_DB_PASSWORD", "NRM_ADMIN_USER", "NRM_ADMIN_PASSWORD", "NRM_CASEFILE_KEYSET", "NRM_SIGNIN_KEYSET");
		String readme = read(Path.of("README.md"));
		assertThat(required).allSatisfy(variable -> assertThat(readme).as("the README's list of what a node needs")
			.contains("`" + variable + "`"));
	}

	@Test
	void every_variable_a_service_is_given_is_one_the_service_reads() {
		Set<String> read = readVariables();
		Map<String, Object> services = map(this.compose.get("services"));
		Map<String, String> unread = new LinkedHashMap<>();
		services.forEach((name, settings) -> {
			if (!isOurs(map(settings))) {
				return;
			}
			map(map(settings).get("environment")).keySet().stream()
				.filter(variable -> !read.contains(variable))
				.forEach(variable -> unread.put(name + "." + variable, variable));
		});

		assertThat(unread).as("variables no placeholder, property or profile of the service reads").isEmpty();
	}

	@Test
	void the_balancer_sends_to_exactly_the_nodes_on_their_port_and_checks_their_readiness() {
		Set<String> targets = new HashSet<>();
		Matcher server = SERVER.matcher(this.haproxy);
		while (server.find()) {
			targets.add(server.group(1));
			assertThat(server.group(2)).as("the port the image exposes").isEqualTo(exposed());
		}
		assertThat(targets).containsExactlyInAnyOrderElementsOf(nodes());

		String readiness = "/actuator/health/readiness";
		assertThat(this.haproxy).contains("option httpchk GET " + readiness);
		assertThat(String.valueOf(map(service(nodes().get(0)).get("healthcheck")).get("test")))
			.contains("http://localhost:" + exposed() + readiness);
		assertThat(this.dockerfile).contains("http://localhost:" + exposed() + readiness);

		Map<String, Object> balancer = service("balancer");
		assertThat(map(balancer.get("depends_on")).keySet()).containsExactlyInAnyOrderElementsOf(nodes());
		assertThat(String.valueOf(balancer.get("volumes"))).contains("./src/main/docker/haproxy.cfg:");
		Matcher bind = Pattern.compile("^\\s*bind\\s+:(\\d+)", Pattern.MULTILINE).matcher(this.haproxy);
		assertThat(bind.find()).isTrue();
		assertThat(String.valueOf(balancer.get("ports"))).contains(":" + bind.group(1));
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

	/**
	 * Every environment variable the service reads: those its configuration and code name as placeholders, and those
	 * Spring Boot binds to a property the configuration or code names ({@code NRM_CASES_JURISDICTION} to
	 * {@code nrm.cases.jurisdiction}; a dash is dropped, so {@code nrm.db.pool-size} would read
	 * {@code NRM_DB_POOLSIZE}), and the active profiles.
	 */
	private static Set<String> readVariables() {
		Set<String> names = new HashSet<>();
		Set<Path> sources = new HashSet<>();
		Stream.of("src/main/resources", "config", "src/main/java").map(Path::of).forEach(root -> {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(file -> file.toString().matches(".*\\.(ya?ml|properties|java)$")).forEach(sources::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		for (Path source : sources) {
			String text = read(source);
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			if (source.toString().matches(".*\\.ya?ml$")) {
				for (Object document : new Yaml().loadAll(text)) {
					keys("", document, names);
				}
			}
		}
		Set<String> variables = names.stream()
			.map(name -> name.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_'))
			.collect(Collectors.toCollection(HashSet::new));
		variables.add("SPRING_PROFILES_ACTIVE");
		return variables;
	}

	private static void keys(String prefix, Object node, Set<String> names) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> keys(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
					names));
		}
		else if (!prefix.isEmpty()) {
			names.add(prefix);
		}
	}

	private static Set<String> variables(Object value) {
		Set<String> variables = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	private static Map<String, Object> yaml(Path file) {
		return new Yaml().load(read(file));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
