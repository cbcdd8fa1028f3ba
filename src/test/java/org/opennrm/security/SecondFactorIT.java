package org.opennrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennrm.test.Api;
import org.opennrm.test.IntegrationTest;
import org.opennrm.test.SecondFactorCodes;
import org.opennrm.test.TestUsers;
import org.opennrm.test.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second factor of the built-in identity store (ADR 21), over HTTP as a person meets it: an administrator without
 * one is kept out of Admin (and Cockpit, Tasklist, the pages) until they enrol; the webapps' own password login is
 * closed; a wrong or replayed code is refused; recovery codes work once; repeated failures lock it; a reset by an
 * administrator ends the user's sessions; every step is in the audit trail.
 */
@IntegrationTest
class SecondFactorIT {

	private static final String PASSWORD = "Xk7#vQ2-pL9!mZ";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	Api api;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> users = new ArrayList<>();

	@AfterEach
	void forgetTheUsers() {
		for (String user : this.users) {
			this.identityService.deleteUser(user);
			this.jdbc.update("delete from nrm_second_factor where user_id = ?", user);
			this.jdbc.update("delete from nrm_recovery_code where user_id = ?", user);
			SecondFactorCodes.forget(this.api, user);
		}
	}

	@Test
	void an_administrator_without_a_second_factor_is_refused_in_admin_until_they_enrol() {
		String admin = user("sf-admin-refused", "camunda-admin");
		WebappSession session = WebappSession.anonymous(this.api);

		// The webapps' own login is closed to everyone: it cannot ask for a second factor.
		Api.Response webappLogin = session.postRaw("/camunda/api/admin/auth/user/default/login/admin",
				"username=" + admin + "&password=" + PASSWORD, "application/x-www-form-urlencoded");
		assertThat(webappLogin.status()).isIn(401, 403);

		// The password alone gets only as far as the enrolment page.
		Api.Response signIn = passwordOnly(session, admin);
		assertThat(signIn.header("Location")).endsWith("/login/enrol");
		assertThat(session.get("/camunda/app/admin/default/").status()).isEqualTo(302);
		assertThat(session.get("/camunda/app/admin/default/").header("Location")).endsWith("/login/enrol");
		assertThat(session.get("/camunda/api/engine/engine/default/user?maxResults=5").status()).isEqualTo(401);
		assertThat(session.get("/camunda/api/admin/auth/user/default").status()).isNotEqualTo(200);
		assertThat(session.get("/oversight").status()).isIn(302, 403);

		// Enrolled, they are in.
		WebappSession enrolled = WebappSession.freshSignIn(this.api, "admin", admin, PASSWORD);
		assertThat(enrolled.get("/camunda/api/engine/engine/default/user?maxResults=5").status()).isEqualTo(200);
		assertThat(audit(admin)).contains("SecondFactor|enrolled", "Login|password and second factor");
	}

	@Test
	void a_wrong_code_and_a_replayed_code_are_refused_and_audited() {
		String supervisor = user("sf-supervisor-replay", "supervisor");
		WebappSession.freshSignIn(this.api, "cockpit", supervisor, PASSWORD);
		String key = SecondFactorCodes.keyOf(this.api, supervisor);

		WebappSession first = WebappSession.anonymous(this.api);
		passwordOnly(first, supervisor);
		long step = Instant.now().getEpochSecond() / 30 + 1;
		String wrong = SecondFactorCodes.code(key, step + 10);
		assertThat(code(first, wrong).header("Location")).endsWith("/login/code?error");
		Api.Response accepted = code(first, SecondFactorCodes.code(key, step));
		SecondFactorCodes.used(this.api, supervisor, step);
		assertThat(accepted.header("Location")).doesNotContain("/login");

		WebappSession second = WebappSession.anonymous(this.api);
		passwordOnly(second, supervisor);
		assertThat(code(second, SecondFactorCodes.code(key, step)).header("Location")).endsWith("/login/code?error");
		assertThat(second.get("/oversight").status()).isIn(302, 403);

		assertThat(audit(supervisor)).contains("SecondFactor|refused: wrong", "SecondFactor|refused: replayed",
				"SecondFactor|used: one-time code");
	}

	@Test
	void a_recovery_code_signs_in_once() {
		String auditor = user("sf-auditor-recovery", "auditor");
		WebappSession enrolling = WebappSession.anonymous(this.api);
		passwordOnly(enrolling, auditor);
		Api.Response page = enrolling.get("/login/enrol");
		SecondFactorCodes.enrolFrom(this.api, auditor, page.body());
		Api.Response codes = enrolling.postRaw("/login/enrol", "code=" + SecondFactorCodes.next(this.api, auditor)
				+ "&_csrf=" + csrf(page), "application/x-www-form-urlencoded");
		Matcher recovery = Pattern.compile("<li>([a-z0-9]{5}-[a-z0-9]{5})</li>").matcher(codes.body());
		assertThat(recovery.find()).isTrue();
		String code = recovery.group(1);

		WebappSession first = WebappSession.blank(this.api);
		passwordOnly(first, auditor);
		assertThat(code(first, code).header("Location")).endsWith("/audit");
		assertThat(first.get("/audit").status()).isEqualTo(200);

		WebappSession second = WebappSession.anonymous(this.api);
		passwordOnly(second, auditor);
		assertThat(code(second, code).header("Location")).endsWith("/login/code?error");
		assertThat(audit(auditor)).contains("SecondFactor|used: recovery code");
	}

	@Test
	void repeated_failures_lock_the_second_factor_even_against_the_right_code() {
		String coordinator = user("sf-coordinator-lock", "coordinator");
		WebappSession.freshSignIn(this.api, "tasklist", coordinator, PASSWORD);
		String key = SecondFactorCodes.keyOf(this.api, coordinator);
		long now = Instant.now().getEpochSecond() / 30;

		WebappSession attacker = WebappSession.anonymous(this.api);
		passwordOnly(attacker, coordinator);
		for (int i = 0; i < 5; i++) {
			code(attacker, SecondFactorCodes.code(key, now + 20 + i));
		}
		Api.Response locked = code(attacker, SecondFactorCodes.code(key, now + 1));
		SecondFactorCodes.used(this.api, coordinator, now + 1);

		assertThat(locked.header("Location")).endsWith("/login/code?locked");
		assertThat(attacker.get("/statistics").status()).isIn(302, 403);
		assertThat(audit(coordinator)).contains("SecondFactor|refused: lockout", "SecondFactor|refused: locked");
	}

	@Test
	void an_administrators_reset_ends_the_users_sessions_and_asks_them_to_enrol_again() {
		String supervisor = user("sf-supervisor-reset", "supervisor");
		WebappSession before = WebappSession.freshSignIn(this.api, "cockpit", supervisor, PASSWORD);
		assertThat(before.get("/oversight").status()).isEqualTo(200);
		WebappSession admin = WebappSession.pages(this.api, "demo-admin", Api.DEMO_PASSWORD);
		Api.Response account = admin.get("/account");

		Api.Response reset = admin.postRaw("/account/second-factors/reset", "userId=" + supervisor
				+ "&reason=Lost+phone+and+codes&_csrf=" + csrf(account), "application/x-www-form-urlencoded");

		assertThat(reset.status()).isEqualTo(302);
		assertThat(before.get("/oversight").status()).isEqualTo(302);
		assertThat(before.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
		WebappSession again = WebappSession.anonymous(this.api);
		assertThat(passwordOnly(again, supervisor).header("Location")).endsWith("/login/enrol");
		assertThat(audit("demo-admin")).contains("SecondFactor|reset");
		assertThat(audit("demo-admin")).anyMatch(entry -> entry.startsWith("SessionEnded|"));
	}

	@Test
	void sign_out_everywhere_ends_every_session_of_the_user() {
		String police = user("sf-police-sessions", "police");
		WebappSession one = WebappSession.freshSignIn(this.api, "tasklist", police, PASSWORD);
		WebappSession two = WebappSession.freshSignIn(this.api, "tasklist", police, PASSWORD);
		Api.Response account = one.get("/account");
		assertThat(account.body()).contains("this session");
		assertThat(Pattern.compile("<tr>").matcher(account.body()).results().count()).isGreaterThanOrEqualTo(3);

		one.postRaw("/account/sessions/end-all", "_csrf=" + csrf(account), "application/x-www-form-urlencoded");

		assertThat(one.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
		assertThat(two.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
		assertThat(audit(police)).contains("SessionEnded|2 ended: signed out everywhere");
	}

	@Test
	void a_wrong_password_never_reaches_the_second_step() {
		String admin = user("sf-admin-wrong-password", "camunda-admin");
		assertThatThrownBy(() -> WebappSession.freshSignIn(this.api, "admin", admin, PASSWORD + "x"))
			.hasMessageContaining("login of " + admin + " failed");
	}

	private String user(String id, String group) {
		TestUsers.ensureWithPassword(this.identityService, id, PASSWORD, group);
		this.users.add(id);
		return id;
	}

	private Api.Response passwordOnly(WebappSession session, String userId) {
		Api.Response form = session.get("/login");
		return session.postRaw("/login", "username=" + userId + "&password=" + java.net.URLEncoder.encode(PASSWORD,
				java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + csrf(form), "application/x-www-form-urlencoded");
	}

	private Api.Response code(WebappSession session, String code) {
		Api.Response page = session.get("/login/code");
		return session.postRaw("/login/code", "code=" + code + "&_csrf=" + csrf(page),
				"application/x-www-form-urlencoded");
	}

	private static String csrf(Api.Response page) {
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF token on %s", page).isTrue();
		return java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The user's audit entries as type|detail, from the trail's own tables. */
	private List<String> audit(String actor) {
		return this.jdbc.query("select e.type, c.detail from nrm_audit_entry e join nrm_audit_content c "
				+ "on c.sequence = e.sequence where e.actor = ? order by e.sequence",
				(rs, row) -> rs.getString(1) + "|" + rs.getString(2), actor);
	}
}
