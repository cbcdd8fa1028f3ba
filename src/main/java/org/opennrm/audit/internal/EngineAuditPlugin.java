package org.opennrm.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opennrm.audit.AuditEventType;
import org.opennrm.audit.AuditTrail;
import org.opennrm.audit.AuditTrail.NewEntry;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the audit trail, on every path (our API, Tasklist, Cockpit, Admin, the engine REST API): each
 * entry of the engine's user operation log (claims, assignments, delegations, completions; user, group, membership
 * and authorization changes) and each decision with its inputs, outputs and model version. The engine hands these
 * to history handlers inside the command, so the entry commits with the operation.
 */
@Component
class EngineAuditPlugin extends AbstractProcessEnginePlugin {

	private static final List<String> IDENTITY_ENTITIES = List.of("User", "Group", "GroupMembership", "Authorization",
			"TenantMembership", "Tenant");

	private static final List<String> TASK_ENTITIES = List.of("Task", "IdentityLink", "Attachment");

	private final AuditTrail trail;

	EngineAuditPlugin(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryEventHandlers());
		handlers.add(new Handler());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	private final class Handler implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (event instanceof UserOperationLogEntryEventEntity entry) {
				operation(entry);
			}
			else if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
				decision(evaluation.getRootHistoricDecisionInstance());
				evaluation.getRequiredHistoricDecisionInstances().forEach(this::decision);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

		private void operation(UserOperationLogEntryEventEntity entry) {
			String entity = entry.getEntityType();
			AuditEventType type = IDENTITY_ENTITIES.contains(entity) ? AuditEventType.IdentityChange
					: TASK_ENTITIES.contains(entity) ? AuditEventType.TaskOperation : AuditEventType.EngineOperation;
			String subject = entity + (entry.getTaskId() != null ? " " + entry.getTaskId() : "");
			String detail = entry.getOperationType() + (entry.getProperty() == null ? ""
					: ": " + entry.getProperty() + " " + value(entry.getOrgValue()) + " -> " + value(entry.getNewValue()));
			EngineAuditPlugin.this.trail.append(new NewEntry(entry.getUserId(), type, null, null,
					entry.getRootProcessInstanceId(), subject, entry.getCategory(), detail));
		}

		private void decision(HistoricDecisionInstanceEntity decision) {
			String inputs = decision.getInputs() == null ? "" : decision.getInputs().stream()
				.map(input -> name(input) + "=" + input.getValue())
				.collect(Collectors.joining(", "));
			String outputs = decision.getOutputs() == null ? "" : decision.getOutputs().stream()
				.map(output -> output.getVariableName() + "=" + output.getValue())
				.collect(Collectors.joining(", "));
			EngineAuditPlugin.this.trail.append(new NewEntry(currentUser(), AuditEventType.Decision, null, null,
					decision.getRootProcessInstanceId(),
					decision.getDecisionDefinitionKey() + " version " + version(decision.getDecisionDefinitionId()),
					null, "inputs: " + inputs + "; outputs: " + outputs));
		}

		private static String name(HistoricDecisionInputInstance input) {
			return input.getClauseName() != null ? input.getClauseName() : input.getClauseId();
		}

		private static String value(String value) {
			return value == null ? "-" : value;
		}

		/** The version in a definition id ({@code key:version:uuid}). */
		private static String version(String definitionId) {
			String[] parts = definitionId == null ? new String[0] : definitionId.split(":");
			return parts.length >= 2 ? parts[1] : "?";
		}

		private static String currentUser() {
			Authentication authentication = Context.getCommandContext() == null ? null
					: Context.getCommandContext().getAuthentication();
			return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
		}
	}
}
