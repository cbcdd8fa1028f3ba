package org.opennrm.platform.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.runtime.DefaultDeserializationTypeValidator;
import org.opennrm.platform.SensitiveVariables;
import org.opennrm.platform.TaskLabels;
import org.opennrm.platform.UserIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine settings that must hold whatever the configuration files say (see the security baseline). They are set in
 * code, not in YAML, so that no profile can switch them off by accident, and this plugin runs after the starter's own
 * configuration so nothing overrides them; a test reads them back from the live engine.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineHardening extends AbstractProcessEnginePlugin {

	private final ObjectProvider<SensitiveVariables> sensitiveVariables;

	private final ObjectProvider<TaskLabels> taskLabels;

	EngineHardening(ObjectProvider<SensitiveVariables> sensitiveVariables, ObjectProvider<TaskLabels> taskLabels) {
		this.sensitiveVariables = sensitiveVariables;
		this.taskLabels = taskLabels;
	}

	static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+|camunda-admin|team(-[a-z0-9]+)+";

	/** Enough for the webapps' pages; unbounded queries are refused. */
	static final int QUERY_MAX_RESULTS = 2000;

	/**
	 * The engine's validator allows every class of {@code java.lang} by default ({@code ProcessBuilder},
	 * {@code Runtime}, {@code Thread} included). This one allows the engine's collection classes and, by name, the plain
	 * value classes of {@code java.lang} that JSON variables hold; no package as a whole.
	 */
	static final class ExplicitDeserializationAllowList extends DefaultDeserializationTypeValidator {

		static final String VALUE_CLASSES = "java.lang.Object,java.lang.String,java.lang.Boolean,java.lang.Character,"
				+ "java.lang.Number,java.lang.Byte,java.lang.Short,java.lang.Integer,java.lang.Long,java.lang.Float,"
				+ "java.lang.Double";

		@Override
		protected boolean isPackageAllowed(String className) {
			return isPackageAllowed(className, this.allowedPackages);
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setAuthorizationEnabled(true);
		configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setDefaultSerializationFormat("application/json");
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationTypeValidator(new ExplicitDeserializationAllowList());
		configuration.setDeserializationAllowedPackages("");
		configuration.setDeserializationAllowedClasses(ExplicitDeserializationAllowList.VALUE_CLASSES);
		configuration.setEnableXxeProcessing(false);
		configuration.setEnableExpressionsInAdhocQueries(false);
		configuration.setEnableExpressionsInStoredQueries(false);
		configuration.setQueryMaxResultsLimit(QUERY_MAX_RESULTS);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setRestrictUserOperationLogToAuthenticatedUsers(true);
		configuration.setWebappsAuthenticationLoggingEnabled(true);
		configuration.setEnablePasswordPolicy(true);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setUserResourceWhitelistPattern(UserIds.FORM);
		// Group ids: the engine's default, plus mobile identification teams (team-north; see MobileTeams).
		configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
		// Candidate groups and assignees may claim and complete a task, not rewrite it.
		configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
		// History keeps everything except sensitive form fields (they live in the case file only) and the labels
		// tasks repeat from their process.
		SensitiveVariables sensitive = this.sensitiveVariables.getIfAvailable(() -> name -> false);
		TaskLabels labels = this.taskLabels.getIfAvailable(() -> name -> false);
		List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryEventHandlers());
		handlers.add(new SensitiveHistoryFilter(sensitive, labels));
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}
}
