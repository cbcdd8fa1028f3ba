package org.opennrm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.admin.impl.web.SetupResource;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthenticationResource;
import org.junit.jupiter.api.Test;
import org.opennrm.test.EngineResourceModel;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

class EngineApiSurfaceTest {

	static EngineApiSurface read(String yaml) throws Exception {
		return EngineApiSurface.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test surface"));
	}

	@Test
	void the_shipped_file_is_valid() throws Exception {
		EngineApiSurface surface = EngineApiSurface.read(new FileSystemResource("config/engine-api.yml"));

		assertThat(surface.roles()).containsKeys("anonymous", "police", "supervisor", "auditor", "camunda-admin");
	}

	@Test
	void every_operation_the_shipped_file_names_exists_in_the_apis_it_names() throws Exception {
		EngineApiSurface surface = EngineApiSurface.read(new FileSystemResource("config/engine-api.yml"));
		List<EngineResourceModel.Route> engine = new java.util.ArrayList<>(
				EngineResourceModel.routes(DefaultProcessEngineRestServiceImpl.class));
		// The list of engines, served by the named-engine root only.
		EngineResourceModel.routes(NamedProcessEngineRestServiceImpl.class)
			.stream()
			.filter(route -> route.template().equals("/engine"))
			.forEach(engine::add);
		List<EngineResourceModel.Route> admin = EngineResourceModel.routes(UserAuthenticationResource.class,
				SetupResource.class);

		surface.surfaces().forEach((name, operations) -> operations.stream()
			// The webapps' script plugins are resources each plugin registers under its own name at run time.
			.filter(operation -> !operation.path().startsWith("/plugin/"))
			.forEach(operation -> {
				List<EngineResourceModel.Route> routes = operation.api().servesEngineResources() ? engine : admin;
				assertThat(routes).as("%s in surface %s names an operation that exists", operation, name)
					.anyMatch(route -> operation.covers(operation.api(), route.method(),
							route.javaMethod().startsWith("query"), route.shape()));
			}));
	}

	@Test
	void an_operation_is_open_only_to_the_roles_whose_surfaces_name_it() throws Exception {
		EngineApiSurface surface = read("""
				surfaces:
				  sign-in:
				    - engine GET /engine
				  tasklist:
				    - engine POST /task/{id}/claim
				    - engine READ /task
				  everything:
				    - engine,engine-rest READ /**
				roles:
				  anonymous: [sign-in]
				  police: [tasklist]
				  camunda-admin: [everything]
				""");

		assertThat(surface.allows(EngineApi.ENGINE, "POST", false, "/task/{}/claim", Set.of("police"), true)).isTrue();
		assertThat(surface.allows(EngineApi.ENGINE_REST, "POST", false, "/task/{}/claim", Set.of("police"), true))
			.as("another API").isFalse();
		assertThat(surface.allows(EngineApi.ENGINE, "POST", false, "/task/{}/complete", Set.of("police"), true)).isFalse();
		assertThat(surface.allows(EngineApi.ENGINE, "POST", true, "/task", Set.of("police"), true))
			.as("READ covers a POST query").isTrue();
		assertThat(surface.allows(EngineApi.ENGINE, "POST", false, "/task/create", Set.of("camunda-admin"), true))
			.as("READ covers no other POST").isFalse();
		assertThat(surface.allows(EngineApi.ENGINE_REST, "HEAD", false, "/deployment/{}/resources",
				Set.of("camunda-admin"), true)).as("HEAD is a GET").isTrue();
		assertThat(surface.allows(EngineApi.ENGINE, "GET", false, "/engine", Set.of("police"), true))
			.as("everyone signed in keeps what anonymous callers have").isTrue();
		assertThat(surface.allows(EngineApi.ENGINE, "POST", false, "/task/{}/claim", Set.of("police"), false))
			.as("groups count only for a signed-in caller").isFalse();
		assertThat(surface.allows(EngineApi.ENGINE, "GET", false, "/task", Set.of("not-a-role"), true)).isFalse();
	}

	@Test
	void a_parameter_also_stands_for_a_literal_segment_and_a_final_double_star_for_any_depth() throws Exception {
		EngineApiSurface surface = read("""
				surfaces:
				  plugins:
				    - cockpit GET /plugin/{name}/static/**
				roles:
				  anonymous: [plugins]
				""");

		assertThat(surface.allows(EngineApi.COCKPIT, "GET", false, "/plugin/cockpitPlugins/static/{}", Set.of(), false))
			.isTrue();
		assertThat(surface.allows(EngineApi.COCKPIT, "GET", false, "/plugin/cockpitPlugins/other", Set.of(), false))
			.isFalse();
	}

	@Test
	void a_file_with_an_unknown_api_method_role_or_surface_stops_the_start() {
		assertThatThrownBy(() -> read("surfaces:\n  s:\n    - nowhere GET /task\nroles:\n  police: [s]\n"))
			.hasMessageContaining("unknown API nowhere");
		assertThatThrownBy(() -> read("surfaces:\n  s:\n    - engine FETCH /task\nroles:\n  police: [s]\n"))
			.hasMessageContaining("unknown method FETCH");
		assertThatThrownBy(() -> read("surfaces:\n  s:\n    - engine GET /task\nroles:\n  hackers: [s]\n"))
			.hasMessageContaining("unknown role hackers");
		assertThatThrownBy(() -> read("surfaces:\n  s:\n    - engine GET /task\nroles:\n  police: [t]\n"))
			.hasMessageContaining("unknown surface t");
		assertThatThrownBy(() -> read("surfaces:\n  s:\n    - GET /task\nroles:\n  police: [s]\n"))
			.hasMessageContaining("is not '<api> <method> <path>'");
	}

	@Test
	void templates_are_compared_without_parameter_names() {
		assertThat(EngineApiSurface.normalise("/task/{id}/claim/")).isEqualTo("/task/{}/claim");
		assertThat(EngineApiSurface.normalise("//engine/{name}//task")).isEqualTo("/engine/{}/task");
		assertThat(EngineApiSurface.normalise("")).isEqualTo("/");
	}
}
