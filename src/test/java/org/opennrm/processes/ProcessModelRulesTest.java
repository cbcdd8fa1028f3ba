package org.opennrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opennrm.assistance.AssistancePlanProcess;
import org.opennrm.child.ChildProtectionProcess;
import org.opennrm.deadlines.DeadlineEscalationProcess;
import org.opennrm.handoff.ServiceHandoffProcess;
import org.opennrm.identification.FormalIdentificationProcess;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.recovery.RecoveryPeriodProcess;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.psychosocial.PsychoSocialSupportProcess;
import org.opennrm.returns.VoluntaryReturnProcess;
import org.opennrm.risk.RiskAssessmentProcess;
import org.opennrm.security.Role;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.TransnationalReferralProcess;

/**
 * Rules every model under {@code processes/} must follow, checked on the files themselves: a history time to live, a
 * form that exists for every user task, known candidate groups, ids that follow the naming rules, asynchronous
 * service tasks, and backing classes whose constants name real elements.
 */
class ProcessModelRulesTest {

	static final Path PROCESSES = Path.of("processes");

	/** Backing class per model: every public String constant that looks like an element id must exist in it. */
	static final Map<Class<?>, String> BACKING_CLASSES = Map.ofEntries(
			Map.entry(NrmCaseProcess.class, "case/NrmCase.bpmn"),
			Map.entry(ServiceHandoffProcess.class, "handoff/ServiceHandoff.bpmn"),
			Map.entry(DeadlineEscalationProcess.class, "deadlines/DeadlineEscalation.bpmn"),
			Map.entry(PsychoSocialSupportProcess.class, "psychosocial/PsychoSocialSupport.bpmn"),
			Map.entry(VictimIdentificationProcess.class, "identification/VictimIdentification.bpmn"),
			Map.entry(FormalIdentificationProcess.class, "identification/FormalIdentification.bpmn"),
			Map.entry(RecoveryPeriodProcess.class, "recovery/RecoveryPeriod.bpmn"),
			Map.entry(RiskAssessmentProcess.class, "risk/RiskAssessment.bpmn"),
			Map.entry(AssistancePlanProcess.class, "assistance/AssistancePlan.bpmn"),
			Map.entry(ChildProtectionProcess.class, "child/ChildProtection.bpmn"),
			Map.entry(VoluntaryReturnProcess.class, "return/VoluntaryReturn.bpmn"),
			Map.entry(TransnationalReferralProcess.class, "transnational/TransnationalReferral.bpmn"),
			Map.entry(IncomingTransnationalReferralProcess.class, "transnational/IncomingTransnationalReferral.bpmn"));

	static final Pattern ELEMENT_ID = Pattern.compile(
			"(StartEvent|EndEvent|Task|Gateway|CallActivity|BoundaryEvent|Event|SubProcess|Flow|Lane|LaneSet|Participant)_[A-Z][A-Za-z0-9]*");


	static final ObjectMapper JSON = new ObjectMapper();

	/** What a call of the escalation passes on as the escalation's business key: its caller's. */
	static final String CALLERS_BUSINESS_KEY = "#{execution.processBusinessKey}";

	@TestFactory
	Stream<DynamicTest> every_model_follows_the_rules() throws IOException {
		return bpmnFiles().map(file -> DynamicTest.dynamicTest(PROCESSES.relativize(file).toString(), () -> check(file)));
	}

	@Test
	void every_backing_class_constant_names_an_element_of_its_model() throws Exception {
		for (Map.Entry<Class<?>, String> entry : BACKING_CLASSES.entrySet()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(entry.getValue()).toFile());
			for (Field field : entry.getKey().getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
					String value = (String) field.get(null);
					if (field.getName().equals("KEY") || ELEMENT_ID.matcher(value).matches()) {
						assertThat((Object) model.getModelElementById(value))
							.as("%s.%s = %s exists in %s", entry.getKey().getSimpleName(), field.getName(), value,
									entry.getValue())
							.isNotNull();
					}
				}
			}
		}
	}

	/**
	 * A user task whose model names its assignee is a task for one person ({@code tasks.PersonalTasks}): its candidate
	 * group gets no grant on it and it stays with that person. Naming an assignee on a team's task would hide it from
	 * the team, so each such task is listed here on purpose.
	 */
	@Test
	void only_the_guardians_consent_tasks_are_assigned_in_their_model() throws IOException {
		Set<String> assignedInModel = new TreeSet<>();
		for (Path file : bpmnFiles().toList()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				if (task.getCamundaAssignee() != null) {
					ModelElementInstance process = task.getParentElement();
					while (!(process instanceof Process)) {
						process = process.getParentElement();
					}
					assignedInModel.add(((Process) process).getId() + "/" + task.getId());
				}
			}
		}
		assertThat(assignedInModel).containsExactly(
				ChildProtectionProcess.KEY + "/" + ChildProtectionProcess.TASK_RECORD_GUARDIAN_CONSENT,
				TransnationalReferralProcess.KEY + "/" + TransnationalReferralProcess.TASK_RECORD_GUARDIAN_CONSENT);
	}

	@Test
	void every_model_has_a_backing_class() throws IOException {
		Set<String> backed = Set.copyOf(BACKING_CLASSES.values());
		assertThat(bpmnFiles().map(file -> PROCESSES.relativize(file).toString().replace('\\', '/')))
			.allMatch(backed::contains, "has a backing class listed in BACKING_CLASSES");
	}

	private void check(Path file) throws IOException {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Bpmn.validateModel(model);
		List<String> problems = new ArrayList<>();
		Collection<Process> processes = model.getModelElementsByType(Process.class);
		String expectedId = file.getFileName().toString().replace(".bpmn", "");
		if (processes.stream().noneMatch(process -> process.getId().equals(expectedId))) {
			problems.add("file name must equal the process id: " + expectedId);
		}
		for (Process process : processes) {
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				problems.add(process.getId() + ": no history time to live");
			}
			starterGroups(process).filter(group -> Role.ofGroup(group).isEmpty())
				.forEach(group -> problems.add(process.getId() + ": unknown candidate starter group " + group));
		}
		Set<String> forms = formIds(file.getParent());
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			checkId(element, problems);
			checkLabel(element, problems);
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String formRef = task.getCamundaFormRef();
			if (formRef == null) {
				problems.add(task.getId() + ": no Camunda Form (camunda:formRef)");
			}
			else if (!forms.contains(formRef)) {
				problems.add(task.getId() + ": form " + formRef + " not found beside the model");
			}
			if (!"deployment".equals(task.getCamundaFormRefBinding())) {
				problems.add(task.getId() + ": form binding must be 'deployment'");
			}
			candidateGroups(task.getCamundaCandidateGroups()).filter(group -> !group.startsWith("${"))
				.filter(group -> Role.ofGroup(group).isEmpty())
				.forEach(group -> problems.add(task.getId() + ": unknown candidate group " + group));
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getCamundaFormRef() != null && !forms.contains(start.getCamundaFormRef())) {
				problems.add(start.getId() + ": start form " + start.getCamundaFormRef() + " not found beside the model");
			}
		}
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if (!task.isCamundaAsyncBefore()) {
				problems.add(task.getId() + ": service tasks have side effects and must be asyncBefore");
			}
		}
		for (SendTask task : model.getModelElementsByType(SendTask.class)) {
			if (!task.isCamundaAsyncBefore()) {
				problems.add(task.getId() + ": send tasks have side effects and must be asyncBefore");
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			if (DeadlineEscalationProcess.KEY.equals(call.getCalledElement()) && !passesBusinessKey(call)) {
				problems.add(call.getId() + ": an escalation must carry its caller's business key (camunda:in"
						+ " businessKey=\"" + CALLERS_BUSINESS_KEY + "\"): DeadlineEscalations.deadlineMet"
						+ " finds it by that key");
			}
		}
		assertThat(problems).as(file.toString()).isEmpty();
	}

	/** Read from the XML ({@code <camunda:in businessKey="...">}), as the engine reads it, whatever the model API. */
	private static boolean passesBusinessKey(CallActivity call) {
		return call.getExtensionElements() != null && call.getExtensionElements()
			.getElements()
			.stream()
			.map(ModelElementInstance::getDomElement)
			.anyMatch(in -> "in".equals(in.getLocalName())
					&& CALLERS_BUSINESS_KEY.equals(in.getAttribute("businessKey")));
	}

	private static void checkId(BaseElement element, List<String> problems) {
		if (!ELEMENT_ID.matcher(element.getId()).matches()) {
			problems.add(element.getId() + ": ids are Type_BusinessName");
		}
		String type = element.getElementType().getTypeName();
		String prefix = element.getId().substring(0, element.getId().indexOf('_'));
		boolean matches = switch (type) {
			case "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "manualTask",
					"businessRuleTask" -> prefix.equals("Task");
			case "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway" ->
				prefix.equals("Gateway");
			case "startEvent" -> prefix.equals("StartEvent");
			case "endEvent" -> prefix.equals("EndEvent");
			case "boundaryEvent" -> prefix.equals("BoundaryEvent");
			case "intermediateCatchEvent", "intermediateThrowEvent" -> prefix.equals("Event");
			case "callActivity" -> prefix.equals("CallActivity");
			case "subProcess" -> prefix.equals("SubProcess");
			case "sequenceFlow" -> prefix.equals("Flow");
			default -> true;
		};
		if (!matches) {
			problems.add(element.getId() + ": a " + type + " id starts with its type");
		}
	}

	/** Sentence case; gateways are questions; tasks start with a verb-led phrase. */
	private static void checkLabel(FlowElement element, List<String> problems) {
		String name = element.getName();
		String type = element.getElementType().getTypeName();
		if (name == null || name.isBlank()) {
			if (!type.equals("sequenceFlow") && !type.endsWith("Gateway")) {
				problems.add(element.getId() + ": has no label");
			}
			return;
		}
		if (!Character.isUpperCase(name.charAt(0)) || name.chars().skip(1).anyMatch(c -> c == '_')) {
			problems.add(element.getId() + ": label '" + name + "' is not sentence case");
		}
		if (element instanceof ExclusiveGateway gateway && gateway.getOutgoing().size() > 1 && !name.endsWith("?")) {
			problems.add(element.getId() + ": a splitting gateway's label is a question");
		}
		if (element instanceof EndEvent && name.endsWith("?")) {
			problems.add(element.getId() + ": end events are states, not questions");
		}
	}

	private static Stream<String> starterGroups(Process process) {
		return candidateGroups(process.getCamundaCandidateStarterGroups());
	}

	private static Stream<String> candidateGroups(String groups) {
		return groups == null ? Stream.empty()
				: Arrays.stream(groups.split(",")).map(String::trim).filter(group -> !group.isEmpty());
	}

	private static Set<String> formIds(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(path -> path.toString().endsWith(".form")).map(path -> {
				try {
					JsonNode form = JSON.readTree(path.toFile());
					String id = form.path("id").asText();
					assertThat(path.getFileName().toString()).as("form file name = form id").isEqualTo(id + ".form");
					return id;
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).collect(Collectors.toSet());
		}
	}

	static Stream<Path> bpmnFiles() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(PROCESSES)) {
			files = walk.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
		}
		return files.stream();
	}

}
