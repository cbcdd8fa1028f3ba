package org.opennrm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.Test;
import org.opennrm.test.CaseJourney;
import org.opennrm.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization check built from templates (ADR 43) is the engine's own: for thousands of checks of
 * every shape the engine's mapping accepts (one check or several, any of or all of, composites of composites, revoke
 * checks on and off, with and without groups, resource ids absent, {@code *} or given, values when no grant is found),
 * the same SQL with the same values bound, and, against this database's grants, the same answer; the engine's public
 * decision ({@code AuthorizationService.isUserAuthorized}) is the same through ours and through the engine's.
 */
@IntegrationTest
class AuthorizationCheckTemplatesIT {

	static final List<String> USERS = List.of("demo-police", "demo-social", "demo-ngo", "demo-supervisor",
			"demo-admin", "somebody-else");

	static final List<String> GROUPS = List.of("police", "social", "health", "ngo", "authority", "supervisor",
			"auditor", "camunda-admin", "no-such-group");

	/** Permissions with a resource they belong to. */
	static final List<Map.Entry<Permission, Resource>> PERMISSIONS = List.of(
			Map.entry(Permissions.READ, Resources.TASK), Map.entry(Permissions.UPDATE, Resources.TASK),
			Map.entry(TaskPermissions.TASK_ASSIGN, Resources.TASK),
			Map.entry(TaskPermissions.TASK_WORK, Resources.TASK),
			Map.entry(Permissions.READ, Resources.PROCESS_INSTANCE),
			Map.entry(Permissions.UPDATE, Resources.PROCESS_INSTANCE),
			Map.entry(ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION),
			Map.entry(ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION),
			Map.entry(ProcessDefinitionPermissions.TASK_ASSIGN, Resources.PROCESS_DEFINITION),
			Map.entry(Permissions.READ, Resources.FILTER), Map.entry(Permissions.ALL, Resources.AUTHORIZATION));

	@Autowired
	ProcessEngineConfiguration engineConfiguration;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	CaseJourney journey;

	@Test
	void buildsTheEnginesSqlForEveryShape() {
		Configuration sql = sql();
		MappedStatement engines = enginesCheck();
		// Room for every shape below (the engine's own statement has room for the few dozen it sends).
		AuthorizationCheckTemplates ours = ofTheEngines(100_000);
		List<String> resourceIds = resourceIds();
		Random random = new Random(20261206);
		List<AuthorizationCheck> built = new ArrayList<>();
		for (int i = 0; i < 4000; i++) {
			AuthorizationCheck check = anyCheck(random, resourceIds, true);
			if (same(sql, ours, engines, check, i)) {
				built.add(check);
			}
		}
		assertThat(built).as("checks the engine's mapping builds").hasSizeGreaterThan(2000);
		assertThat(ours.size()).as("shapes with a template").isGreaterThan(1000);

		// Every shape the engine builds now has a template: checks of the same shapes with other ids are all bound
		// from templates, and are the engine's.
		long before = ours.bound();
		for (int i = 0; i < built.size(); i++) {
			AuthorizationCheck other = withOtherIds(built.get(i), random, resourceIds);
			assertThat(ours.templated(other)).as("check %d has a template", i).isTrue();
			assertThat(same(sql, ours, engines, other, i)).isTrue();
		}
		assertThat(ours.bound() - before).as("checks bound from a template").isEqualTo(built.size());
	}

	@Test
	void keepsNoMoreShapesThanItHasRoomFor() {
		Configuration sql = sql();
		MappedStatement engines = enginesCheck();
		AuthorizationCheckTemplates ours = ofTheEngines(10);
		List<String> resourceIds = resourceIds();
		Random random = new Random(7);

		for (int i = 0; i < 500; i++) {
			same(sql, ours, engines, anyCheck(random, resourceIds, true), i);
		}

		assertThat(ours.shapes()).as("shapes held").isEqualTo(10);
		assertThat(ours.size()).as("shapes with a template").isBetween(1, 10);
	}

	/**
	 * Whether the engine's mapping builds the check and binds its values; ours must build the same SQL and values, or
	 * fail the same way where the engine's fails (its mapping cannot, for example, join several atomic checks with AND,
	 * nor bind a composite of composites on its own).
	 */
	private static boolean same(Configuration sql, AuthorizationCheckTemplates ours, MappedStatement engines,
			AuthorizationCheck check, int i) {
		BoundSql expected;
		try {
			expected = engines.getBoundSql(check);
			AuthorizationCheckTemplates.values(sql, expected);
		}
		catch (RuntimeException engineFails) {
			assertThatThrownBy(() -> AuthorizationCheckTemplates.values(sql, ours.getBoundSql(check)))
				.as("check %d fails as the engine's", i).isInstanceOf(engineFails.getClass());
			return false;
		}
		assertThat(AuthorizationCheckTemplates.same(sql, ours.getBoundSql(check), expected))
			.as("check %d: the same SQL and values as the engine's", i).isTrue();
		return true;
	}

	@Test
	void answersAsTheEngineDoesOnThisDatabase() {
		this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		List<String> resourceIds = resourceIds();
		// A statement of its own, so that the engine's keeps its room for the shapes the service sends.
		Configuration sql = sql();
		MappedStatement engines = enginesCheck();
		String id = "authorizationCheckTemplatesIT" + UUID.randomUUID().toString().replace("-", "");
		sql.addMappedStatement(AuthorizationCheckTemplates.statement(sql, engines, id, 100_000));
		AuthorizationCheckTemplates ours = (AuthorizationCheckTemplates) sql.getMappedStatement(id).getSqlSource();
		Random random = new Random(6122026);
		int granted = 0;
		int checks = 0;
		try (SqlSession session = engine().getSqlSessionFactory().openSession()) {
			for (int i = 0; i < 1500; i++) {
				// Checks from a query (a column as the resource id) only run inside that query's statement, and the
				// engine's statement makes a query of composites of composites only inside another.
				AuthorizationCheck check = anyCheck(random, resourceIds, false);
				ours.getBoundSql(check);
				assertThat(ours.templated(check)).as("check %d has a template", i).isTrue();

				List<Object> expected = session.selectList(TaskQueryAuthorizationOverlay.AUTHORIZATION_CHECK, check);
				List<Object> answered = session.selectList(id, check);

				assertThat(answered).as("check %d", i).isEqualTo(expected);
				granted += expected.contains(1) ? 1 : 0;
				checks++;
			}
		}
		assertThat(granted).as("checks granted, of %d", checks).isBetween(checks / 20, checks - checks / 20);
	}

	@Test
	void theEnginesDecisionsAreTheSame() {
		assertThat(engine().getDbSqlSessionFactory().mapStatement(TaskQueryAuthorizationOverlay.AUTHORIZATION_CHECK))
			.as("the engine runs our statement")
			.isEqualTo(TaskQueryAuthorizationOverlay.ours(TaskQueryAuthorizationOverlay.AUTHORIZATION_CHECK));
		this.journey.open("demo-police", CaseJourney.ADULT_BY_POLICE);
		List<String> resourceIds = resourceIds();
		Random random = new Random(4);
		List<Supplier<Boolean>> decisions = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			String user = USERS.get(random.nextInt(USERS.size()));
			List<String> groups = groups(random);
			Map.Entry<Permission, Resource> permission = PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
			String resourceId = random.nextInt(5) == 0 ? "*" : resourceIds.get(random.nextInt(resourceIds.size()));
			decisions.add(() -> this.authorizationService.isUserAuthorized(user, groups, permission.getKey(),
					permission.getValue(), resourceId));
		}
		AuthorizationCheckTemplates templates = templates();
		decisions.forEach(Supplier::get);

		// Once each shape has been seen, every decision is made through a template ...
		long before = templates.bound();
		List<Boolean> ours = decisions.stream().map(Supplier::get).toList();
		assertThat(templates.bound() - before).as("checks bound from a template").isGreaterThanOrEqualTo(600);
		// ... and is the one the engine's own statement makes.
		List<Boolean> engines = TaskQueryAuthorizationEquivalenceIT.withEnginesStatements(engine(),
				() -> decisions.stream().map(Supplier::get).toList());
		assertThat(ours).isEqualTo(engines).contains(true, false);
	}

	/** A check of the same shape with other ids: another user, other groups, other resource ids. */
	private static AuthorizationCheck withOtherIds(AuthorizationCheck check, Random random, List<String> resourceIds) {
		AuthorizationCheck other = new AuthorizationCheck();
		other.setAuthorizationCheckEnabled(check.isAuthorizationCheckEnabled());
		other.setShouldPerformAuthorizatioCheck(check.shouldPerformAuthorizatioCheck());
		other.setRevokeAuthorizationCheckEnabled(check.isRevokeAuthorizationCheckEnabled());
		other.setAuthDefaultPerm(check.getAuthDefaultPerm());
		other.setHistoricInstancePermissionsEnabled(check.isHistoricInstancePermissionsEnabled());
		other.setUseLeftJoin(check.isUseLeftJoin());
		other.setAuthUserId(check.getAuthUserId() == null ? null : "other-" + random.nextInt(1000));
		other.setAuthGroupIds(check.getAuthGroupIds() == null ? null
				: check.getAuthGroupIds().stream().map(group -> GROUPS.get(random.nextInt(GROUPS.size()))).toList());
		other.setPermissionChecks(withOtherIds(check.getPermissionChecks(), random, resourceIds));
		return other;
	}

	private static CompositePermissionCheck withOtherIds(CompositePermissionCheck composite, Random random,
			List<String> resourceIds) {
		CompositePermissionCheck other = new CompositePermissionCheck(composite.isDisjunctive());
		for (PermissionCheck check : composite.getAtomicChecks()) {
			PermissionCheck copy = new PermissionCheck();
			copy.setPermission(check.getPermission());
			copy.setResource(check.getResource());
			copy.setResourceIdQueryParam(check.getResourceIdQueryParam());
			copy.setAuthorizationNotFoundReturnValue(check.getAuthorizationNotFoundReturnValue());
			String id = check.getResourceId();
			copy.setResourceId(id == null || "*".equals(id) ? id : resourceIds.get(random.nextInt(resourceIds.size())));
			other.addAtomicCheck(copy);
		}
		composite.getCompositeChecks()
			.forEach(nested -> other.addCompositeCheck(withOtherIds(nested, random, resourceIds)));
		return other;
	}

	/**
	 * A check of any shape the engine's mapping handles; with {@code sqlOnly}, also the shapes it builds only as part
	 * of a query (at most two levels of composites, not mixed; a column as the resource id).
	 */
	private static AuthorizationCheck anyCheck(Random random, List<String> resourceIds, boolean sqlOnly) {
		AuthorizationCheck check = new AuthorizationCheck();
		check.setAuthorizationCheckEnabled(!sqlOnly || random.nextInt(8) > 0);
		check.setShouldPerformAuthorizatioCheck(!sqlOnly || random.nextInt(8) > 0);
		if (sqlOnly) {
			check.setAuthDefaultPerm(random.nextInt(3) == 0 ? 0 : Integer.MAX_VALUE);
			check.setUseLeftJoin(random.nextBoolean());
			check.setHistoricInstancePermissionsEnabled(random.nextBoolean());
		}
		check.setRevokeAuthorizationCheckEnabled(random.nextInt(4) == 0);
		check.setAuthUserId(random.nextInt(30) == 0 ? null : USERS.get(random.nextInt(USERS.size())));
		check.setAuthGroupIds(random.nextInt(15) == 0 ? null : groups(random));
		CompositePermissionCheck checks = new CompositePermissionCheck(random.nextBoolean());
		if (sqlOnly && random.nextInt(4) == 0) {
			List<CompositePermissionCheck> composites = new ArrayList<>();
			for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
				composites.add(composite(random, resourceIds, sqlOnly, 1 + random.nextInt(3)));
			}
			checks.setCompositeChecks(composites);
		}
		else {
			checks = composite(random, resourceIds, sqlOnly, 1 + random.nextInt(4));
		}
		check.setPermissionChecks(checks);
		return check;
	}

	private static CompositePermissionCheck composite(Random random, List<String> resourceIds, boolean sqlOnly,
			int size) {
		// The engine sends several atomic checks only as "any of"; its mapping fails on "all of".
		CompositePermissionCheck composite = new CompositePermissionCheck(!sqlOnly || random.nextBoolean());
		for (int i = 0; i < size; i++) {
			Map.Entry<Permission, Resource> permission = PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
			PermissionCheck check = new PermissionCheck();
			check.setPermission(permission.getKey());
			check.setResource(permission.getValue());
			int id = random.nextInt(10);
			if (sqlOnly && id == 0) {
				check.setResourceIdQueryParam("RES.ID_");
				// Never sent with a resource id too; built all the same.
				if (random.nextInt(4) == 0) {
					check.setResourceId(resourceIds.get(random.nextInt(resourceIds.size())));
				}
			}
			else if (id == 1) {
				check.setResourceId("*");
			}
			else if (id > 2) {
				check.setResourceId(resourceIds.get(random.nextInt(resourceIds.size())));
			}
			int notFound = random.nextInt(sqlOnly ? 8 : 6);
			check.setAuthorizationNotFoundReturnValue(notFound < 2 ? Long.valueOf(notFound)
					: notFound > 5 ? Long.valueOf(notFound - 8) : null);
			composite.addAtomicCheck(check);
		}
		return composite;
	}

	private static List<String> groups(Random random) {
		List<String> groups = new ArrayList<>();
		for (int i = 0, n = random.nextInt(5); i < n; i++) {
			groups.add(GROUPS.get(random.nextInt(GROUPS.size())));
		}
		return groups;
	}

	/** Ids that grants name on this database (tasks, process definition keys, filters, ...) and some that none do. */
	private List<String> resourceIds() {
		List<String> ids = new ArrayList<>(List.of("no-such-task", "no-such-process", "'; drop table x; --"));
		this.authorizationService.createAuthorizationQuery().listPage(0, 400).stream()
			.map(Authorization::getResourceId)
			.filter(id -> !"*".equals(id))
			.distinct()
			.forEach(ids::add);
		assertThat(ids).as("grants on this database").hasSizeGreaterThan(20);
		return ids;
	}

	private Configuration sql() {
		return engine().getSqlSessionFactory().getConfiguration();
	}

	/** Templates of the engine's statement, with room for so many shapes. */
	private AuthorizationCheckTemplates ofTheEngines(int capacity) {
		return new AuthorizationCheckTemplates(sql(), enginesCheck().getSqlSource(), capacity);
	}

	/** The engine's own statement of the check. */
	private MappedStatement enginesCheck() {
		return sql().getMappedStatement(TaskQueryAuthorizationOverlay.AUTHORIZATION_CHECK);
	}

	private AuthorizationCheckTemplates templates() {
		return (AuthorizationCheckTemplates) sql()
			.getMappedStatement(TaskQueryAuthorizationOverlay.ours(TaskQueryAuthorizationOverlay.AUTHORIZATION_CHECK))
			.getSqlSource();
	}

	private ProcessEngineConfigurationImpl engine() {
		return (ProcessEngineConfigurationImpl) this.engineConfiguration;
	}
}
