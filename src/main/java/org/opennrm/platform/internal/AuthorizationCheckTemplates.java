package org.opennrm.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The engine's single authorization check ({@code isUserAuthorizedForResource}, sent before a claim, a completion, a
 * read by id and most other commands) with its SQL built once per shape of check instead of on every call (ADR 43).
 * The engine's mapping builds the statement from some three hundred lines of nested {@code <if>}s, evaluated by OGNL
 * for each atomic check every time: under load that building took 7.4 % of the service's request CPU, more than the
 * database needed to answer it.
 * <p>
 * The SQL text depends only on the check's <em>shape</em>: revoke checks on or off, whether there is a user, how many
 * groups, and for each permission check its permission and resource type, whether its resource id is absent, {@code *}
 * or some id, its query parameter and its value when no grant is found, and how the checks are composed. The user,
 * the group ids and the resource ids are only ever bound as parameters. So the first check of a shape is built by the
 * engine's own SQL source twice: once from a copy of the check in which every user, group and resource id is replaced
 * by a marker, which shows which parameter is which of them and which parameters are constants of the shape; and
 * once from the check itself, which the template's result must equal (same SQL, same values, same types) before the
 * template is kept. Later checks of that shape take the template's SQL and bind their own ids by position. Anything
 * the template cannot prove (a marker in the SQL text, a parameter that is not a plain value, a value that is not the
 * engine's, a check of another class) is built by the engine's source, as is every check of a new shape once the
 * table is full.
 * <p>
 * {@code AuthorizationCheckTemplatesIT} compares this source with the engine's for thousands of checks of every
 * shape, on H2 and PostgreSQL, by their SQL and bound values and by the databases' answers.
 */
final class AuthorizationCheckTemplates implements SqlSource {

	/**
	 * Shapes kept (a few more if first checks of new shapes race); the service sends a few dozen (groups per user times
	 * the engine's kinds of check).
	 */
	static final int CAPACITY = 512;

	private static final String MARKER = "\u0001nrm-authorization-template-";

	private static final String SLOT = "nrmAuthorizationSlot";

	/** A shape whose checks the engine's source builds every time. */
	private static final Template NONE = new Template("", List.of(), List.of());

	private final Configuration configuration;

	private final SqlSource engine;

	/** Templates by shape, and {@link #NONE} for the shapes that cannot have one (not tried again). */
	private final Map<List<Object>, Template> templates = new ConcurrentHashMap<>();

	private final int capacity;

	private final LongAdder bound = new LongAdder();

	AuthorizationCheckTemplates(Configuration configuration, SqlSource engine, int capacity) {
		this.configuration = configuration;
		this.engine = engine;
		this.capacity = capacity;
	}

	/** A copy of the engine's statement under another id, its SQL built by templates of at most so many shapes. */
	static MappedStatement statement(Configuration configuration, MappedStatement engine, String id, int capacity) {
		SqlSource templates = new AuthorizationCheckTemplates(configuration, engine.getSqlSource(), capacity);
		return new MappedStatement.Builder(configuration, id, templates, engine.getSqlCommandType())
			.resource(engine.getResource())
			.fetchSize(engine.getFetchSize())
			.timeout(engine.getTimeout())
			.statementType(engine.getStatementType())
			.resultSetType(engine.getResultSetType())
			.parameterMap(engine.getParameterMap())
			.resultMaps(engine.getResultMaps())
			.cache(engine.getCache())
			.flushCacheRequired(engine.isFlushCacheRequired())
			.useCache(engine.isUseCache())
			.databaseId(engine.getDatabaseId())
			.lang(engine.getLang())
			.keyGenerator(engine.getKeyGenerator())
			.resultOrdered(engine.isResultOrdered())
			// A select of one column: no result sets or key properties to carry over.
			.build();
	}

	@Override
	public BoundSql getBoundSql(Object parameter) {
		if (parameter == null || parameter.getClass() != AuthorizationCheck.class) {
			return this.engine.getBoundSql(parameter);
		}
		AuthorizationCheck check = (AuthorizationCheck) parameter;
		Walk walk = Walk.of(check);
		Template template = this.templates.get(walk.shape);
		if (template == NONE) {
			return this.engine.getBoundSql(check);
		}
		if (template != null) {
			this.bound.increment();
			return template.bind(this.configuration, check, walk.ids);
		}
		BoundSql built = this.engine.getBoundSql(check);
		if (this.templates.size() < this.capacity) {
			Template made = make(walk);
			boolean proven = made != null
					&& same(this.configuration, made.bind(this.configuration, check, walk.ids), built);
			this.templates.putIfAbsent(walk.shape, proven ? made : NONE);
		}
		return built;
	}

	/** How many checks were bound from a template so far (for tests). */
	long bound() {
		return this.bound.sum();
	}

	/** How many shapes have a template (for tests). */
	int size() {
		return (int) this.templates.values().stream().filter(template -> template != NONE).count();
	}

	/** How many shapes the table holds, with a template or without (for tests). */
	int shapes() {
		return this.templates.size();
	}

	/** Whether the check's shape has a template (for tests). */
	boolean templated(AuthorizationCheck check) {
		Template template = this.templates.get(Walk.of(check).shape);
		return template != null && template != NONE;
	}

	/**
	 * Builds the engine's SQL for the marked copy and reads each parameter as one of the ids or a constant;
	 * {@code null} where that does not prove which is which, or where the engine's statement could not be bound.
	 */
	private Template make(Walk walk) {
		AuthorizationCheck marked = walk.marked();
		if (marked == null) {
			return null;
		}
		BoundSql probe;
		List<Object> values;
		try {
			probe = this.engine.getBoundSql(marked);
			values = values(this.configuration, probe);
		}
		catch (RuntimeException unbuilt) {
			return null;
		}
		if (probe.getSql().contains(MARKER)) {
			return null;
		}
		List<String> markers = walk.markers();
		List<ParameterMapping> mappings = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			ParameterMapping mapping = probe.getParameterMappings().get(i);
			Object value = values.get(i);
			if (mapping.getMode() != ParameterMode.IN) {
				return null;
			}
			int id = value instanceof String text ? markers.indexOf(text) : -1;
			if (id >= 0) {
				slots.add(new Id(id));
			}
			else if (value == null || value instanceof Integer || value instanceof Long
					|| (value instanceof String text && !text.contains(MARKER))) {
				slots.add(new Constant(value));
			}
			else {
				return null;
			}
			mappings.add(new ParameterMapping.Builder(this.configuration, SLOT + i, mapping.getTypeHandler())
				.javaType(mapping.getJavaType())
				.jdbcType(mapping.getJdbcType())
				.jdbcTypeName(mapping.getJdbcTypeName())
				.numericScale(mapping.getNumericScale())
				.build());
		}
		return new Template(probe.getSql(), List.copyOf(mappings), List.copyOf(slots));
	}

	/** Same SQL, and the same value and types for each parameter in order. */
	static boolean same(Configuration configuration, BoundSql ours, BoundSql engines) {
		if (!ours.getSql().equals(engines.getSql())
				|| ours.getParameterMappings().size() != engines.getParameterMappings().size()) {
			return false;
		}
		for (int i = 0; i < ours.getParameterMappings().size(); i++) {
			ParameterMapping mine = ours.getParameterMappings().get(i);
			ParameterMapping theirs = engines.getParameterMappings().get(i);
			if (mine.getJdbcType() != theirs.getJdbcType() || mine.getTypeHandler() != theirs.getTypeHandler()) {
				return false;
			}
		}
		try {
			return values(configuration, ours).equals(values(configuration, engines));
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}

	/** The statement's parameter values in order, read as MyBatis's parameter handler reads them. */
	static List<Object> values(Configuration configuration, BoundSql sql) {
		List<Object> values = new ArrayList<>();
		sql.getParameterMappings().forEach(mapping -> values.add(value(configuration, sql, mapping)));
		return values;
	}

	/** A parameter's value as MyBatis's parameter handler reads it. */
	private static Object value(Configuration configuration, BoundSql sql, ParameterMapping mapping) {
		String property = mapping.getProperty();
		if (sql.hasAdditionalParameter(property)) {
			return sql.getAdditionalParameter(property);
		}
		Object parameter = sql.getParameterObject();
		if (parameter == null) {
			return null;
		}
		if (configuration.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
			return parameter;
		}
		return configuration.newMetaObject(parameter).getValue(property);
	}

	/** Where a parameter of a template gets its value from. */
	private sealed interface Slot {

		Object value(List<String> ids);
	}

	/** The n-th id of the check's walk. */
	private record Id(int index) implements Slot {

		@Override
		public Object value(List<String> ids) {
			return ids.get(this.index);
		}
	}

	/** The same value for every check of the shape. */
	private record Constant(Object fixed) implements Slot {

		@Override
		public Object value(List<String> ids) {
			return this.fixed;
		}
	}

	/** The SQL of one shape and, for each of its parameters, where its value comes from. */
	private record Template(String sql, List<ParameterMapping> mappings, List<Slot> slots) {

		BoundSql bind(Configuration configuration, AuthorizationCheck check, List<String> ids) {
			BoundSql bound = new BoundSql(configuration, this.sql, this.mappings, check);
			for (int i = 0; i < this.slots.size(); i++) {
				bound.setAdditionalParameter(SLOT + i, this.slots.get(i).value(ids));
			}
			return bound;
		}
	}

	/**
	 * One pass over a check: its shape (everything the SQL text may depend on) and its ids (user, groups, resource
	 * ids, in that order), which are only bound as parameters.
	 */
	private static final class Walk {

		final List<Object> shape = new ArrayList<>();

		final List<String> ids = new ArrayList<>();

		private final AuthorizationCheck check;

		private Walk(AuthorizationCheck check) {
			this.check = check;
		}

		static Walk of(AuthorizationCheck check) {
			Walk walk = new Walk(check);
			walk.shape.add(check.isAuthorizationCheckEnabled());
			walk.shape.add(check.shouldPerformAuthorizatioCheck());
			walk.shape.add(check.isRevokeAuthorizationCheckEnabled());
			walk.shape.add(check.getAuthDefaultPerm());
			walk.shape.add(check.isHistoricInstancePermissionsEnabled());
			walk.shape.add(check.isUseLeftJoin());
			walk.id(check.getAuthUserId());
			List<String> groups = check.getAuthGroupIds();
			walk.shape.add(groups == null ? -1 : groups.size());
			if (groups != null) {
				groups.forEach(walk::id);
			}
			walk.composite(check.getPermissionChecks());
			return walk;
		}

		private void id(String id) {
			this.shape.add(id == null ? "null" : "id");
			if (id != null) {
				this.ids.add(id);
			}
		}

		private void composite(CompositePermissionCheck composite) {
			if (composite == null) {
				this.shape.add("no checks");
				return;
			}
			this.shape.add(composite.isDisjunctive() ? "any of" : "all of");
			List<PermissionCheck> atomic = composite.getAtomicChecks();
			this.shape.add(atomic == null ? -1 : atomic.size());
			if (atomic != null) {
				atomic.forEach(this::atomic);
			}
			List<CompositePermissionCheck> composites = composite.getCompositeChecks();
			this.shape.add(composites == null ? -1 : composites.size());
			if (composites != null) {
				composites.forEach(this::composite);
			}
		}

		private void atomic(PermissionCheck check) {
			this.shape.add(check.getPerms());
			this.shape.add(check.getResourceType());
			this.shape.add(check.getResourceIdQueryParam());
			this.shape.add(check.getAuthorizationNotFoundReturnValue());
			String id = check.getResourceId();
			if (id == null || "*".equals(id)) {
				this.shape.add(id);
			}
			else {
				id(id);
			}
		}

		/**
		 * A copy of the check with each id replaced by a marker that names its place in {@link #ids}; {@code null}
		 * if the copy would not have the same shape.
		 */
		AuthorizationCheck marked() {
			AuthorizationCheck copy = markedUnchecked();
			Walk again = Walk.of(copy);
			return again.ids.equals(markers()) && again.shape.equals(this.shape) ? copy : null;
		}

		/** The marker of each id, in the order of {@link #ids}. */
		List<String> markers() {
			List<String> markers = new ArrayList<>();
			for (int i = 0; i < this.ids.size(); i++) {
				markers.add(MARKER + i);
			}
			return markers;
		}

		private AuthorizationCheck markedUnchecked() {
			int[] next = {0};
			AuthorizationCheck copy = new AuthorizationCheck();
			copy.setAuthorizationCheckEnabled(this.check.isAuthorizationCheckEnabled());
			copy.setShouldPerformAuthorizatioCheck(this.check.shouldPerformAuthorizatioCheck());
			copy.setRevokeAuthorizationCheckEnabled(this.check.isRevokeAuthorizationCheckEnabled());
			copy.setAuthDefaultPerm(this.check.getAuthDefaultPerm());
			copy.setHistoricInstancePermissionsEnabled(this.check.isHistoricInstancePermissionsEnabled());
			copy.setUseLeftJoin(this.check.isUseLeftJoin());
			copy.setAuthUserId(this.check.getAuthUserId() == null ? null : MARKER + next[0]++);
			List<String> groups = null;
			if (this.check.getAuthGroupIds() != null) {
				groups = new ArrayList<>();
				for (int i = 0; i < this.check.getAuthGroupIds().size(); i++) {
					groups.add(MARKER + next[0]++);
				}
			}
			copy.setAuthGroupIds(groups);
			copy.setPermissionChecks(markedCopy(this.check.getPermissionChecks(), next));
			return copy;
		}

		private static CompositePermissionCheck markedCopy(CompositePermissionCheck composite, int[] next) {
			if (composite == null) {
				return null;
			}
			CompositePermissionCheck copy = new CompositePermissionCheck(composite.isDisjunctive());
			if (composite.getAtomicChecks() != null) {
				List<PermissionCheck> atomic = new ArrayList<>();
				for (PermissionCheck check : composite.getAtomicChecks()) {
					PermissionCheck marked = new PermissionCheck();
					marked.setPermission(check.getPermission());
					marked.setResource(check.getResource());
					marked.setResourceIdQueryParam(check.getResourceIdQueryParam());
					marked.setAuthorizationNotFoundReturnValue(check.getAuthorizationNotFoundReturnValue());
					String id = check.getResourceId();
					marked.setResourceId(id == null || "*".equals(id) ? id : MARKER + next[0]++);
					atomic.add(marked);
				}
				copy.setAtomicChecks(atomic);
			}
			if (composite.getCompositeChecks() != null) {
				List<CompositePermissionCheck> composites = new ArrayList<>();
				composite.getCompositeChecks().forEach(nested -> composites.add(markedCopy(nested, next)));
				copy.setCompositeChecks(composites);
			}
			return copy;
		}
	}
}
