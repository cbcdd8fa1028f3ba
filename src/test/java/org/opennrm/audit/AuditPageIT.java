package org.opennrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opennrm.i18n.Texts;
import org.opennrm.i18n.internal.CatalogueTexts;
import org.opennrm.platform.EngineClock;
import org.opennrm.test.Api;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.BrowserScenarios;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor workspace in headless Chromium, as an auditor uses it: sign in, reconstruct a demo case's history,
 * find who read its identity section and why, narrow the timeline, export it, verify the trail; a browser asking for
 * Macedonian gets the workspace in Macedonian. axe checks every page state; screenshots are kept under
 * {@code target/browser-report/}.
 */
@IntegrationTest
class AuditPageIT {

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment environment;

	@Test
	void an_auditor_reconstructs_a_case_and_sees_who_read_its_identity_and_why() {
		BrowserScenarios.onH2Only("AuditTrailIT");
		String reference = "DEMO-%d-%06d".formatted(EngineClock.now().atOffset(ZoneOffset.UTC).getYear(), 4);
		assertThat(this.api.as("demo-social").get("/api/cases/" + reference + "/file/identity").status())
			.isEqualTo(200);
		long before = this.jdbc.queryForObject("select max(sequence) from nrm_audit_entry", Long.class);

		JsonNode result = BrowserScenarios.run("audit-reconstruct-case", Map.of("baseUrl", baseUrl(), "user",
				"demo-auditor", "password", Api.DEMO_PASSWORD, "caseReference", reference, "reader", "demo-social",
				"codes", SecondFactorCodes.forBrowser(this.api, Api.DEMO_PASSWORD, "demo-auditor")));

		assertThat(result.path("verdict").asText()).contains("intact");
		Texts catalogue = CatalogueTexts.read();
		assertThat(result.path("macedonian").path("lang").asText()).isEqualTo("mk");
		assertThat(result.path("macedonian").path("heading").asText()).as("the heading in Macedonian")
			.isEqualTo(catalogue.say(Locale.forLanguageTag("mk"), "page.audit.title"))
			.isNotEqualTo(catalogue.say(Locale.ENGLISH, "page.audit.title"));
		List<String> ownTrail = this.jdbc.queryForList("select type from nrm_audit_entry where actor = 'demo-auditor' "
				+ "and sequence > ?", String.class, before);
		assertThat(ownTrail).as("the auditor's own looks, export and verification are recorded")
			.contains("AuditRead", "Export");
	}

	@Test
	void only_auditors_open_the_auditor_workspace() {
		assertThat(List.of(this.api.anonymous().get("/audit").status())).containsAnyOf(302, 401);
		assertThat(this.api.as("demo-supervisor").get("/audit").status()).isIn(302, 401, 403);
	}

	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}
}
