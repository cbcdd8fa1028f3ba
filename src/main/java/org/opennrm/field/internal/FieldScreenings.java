package org.opennrm.field.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opennrm.casefile.CaseFile;
import org.opennrm.casefile.IdentitySection;
import org.opennrm.casefile.Section;
import org.opennrm.cases.Case;
import org.opennrm.casework.CaseIntake;
import org.opennrm.casework.NrmCaseProcess;
import org.opennrm.casework.OpenCase;
import org.opennrm.identification.ScreeningChecklists;
import org.opennrm.identification.ScreeningChecklists.Checklist;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.identification.VictimIdentificationProcess;
import org.opennrm.platform.InvalidFields;
import org.opennrm.platform.Problems;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.MobileTeams;
import org.opennrm.security.NrmUser;
import org.opennrm.tasks.TaskView;
import org.opennrm.tasks.TaskWork;
import org.opennrm.field.internal.FieldScreeningStore.FieldScreening;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * A mobile team's screening, step by step: each step is the pathway's own task for the case, found through the task
 * service as the signed-in member and completed through it, so the rules, the access policy and the audit are those
 * of Tasklist. What the page shows comes from the server at every visit: resuming on another phone is opening the
 * same address after signing in.
 */
@Service
class FieldScreenings {

	/** The steps a team takes on the field page, by the task that stands for each. */
	enum Step {
		Indicators, Outcome, Consent, Waiting, HandedOver, Closed
	}

	private static final Map<String, Step> TASK_STEPS = Map.of(VictimIdentificationProcess.TASK_SCREEN_INDICATORS,
			Step.Indicators, VictimIdentificationProcess.TASK_CONFIRM_SCREENING_OUTCOME, Step.Outcome,
			NrmCaseProcess.TASK_RECORD_CONSENT, Step.Consent);

	private final FieldScreeningStore store;

	private final CaseIntake intake;

	private final TaskWork tasks;

	private final ScreeningChecklists checklists;

	private final CaseFile caseFile;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	FieldScreenings(FieldScreeningStore store, CaseIntake intake, TaskWork tasks, ScreeningChecklists checklists,
			CaseFile caseFile, PlatformTransactionManager transactionManager, ObjectMapper json) {
		this.store = store;
		this.intake = intake;
		this.tasks = tasks;
		this.checklists = checklists;
		this.caseFile = caseFile;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
	}

	/** Where a screening stands, for the page. */
	record View(FieldScreening screening, Step step, String taskId, Checklist checklist, Set<String> answers,
			String recommendation, Case registry) {
	}

	/** The member's teams, sorted; a member of none may not use the field page. */
	static List<String> teamsOf(NrmUser user) {
		return MobileTeams.teamsAmong(user.groupIds());
	}

	/**
	 * Opens the case as the team, once per opening form: a resubmission of the same form (a retry after a dropped
	 * connection, a double tap), even one racing the first, answers the screening the first opened.
	 * @return the screening's opaque id
	 */
	String open(FieldOpening opening) {
		NrmUser user = CurrentUser.get();
		if (!teamsOf(user).contains(opening.team())) {
			throw Problems.forbidden("field.problem.notYourTeam");
		}
		Optional<String> done = openedBefore(opening.requestId(), user);
		if (done.isPresent()) {
			return done.get();
		}
		try {
			return this.transactions.execute(status -> {
				FieldScreening claimed = this.store.claim(opening.requestId(), opening.team(), user.userId(),
						opening.suspectedExploitation().name());
				Case opened = this.intake.open(new OpenCase(opening.team(), opening.contactSetting(),
						opening.ageGroup(), opening.suspectedExploitation(), opening.foreignNational(),
						opening.interpreterUsed()));
				this.store.attachCase(claimed.screeningId(), opened.caseId(), opened.reference());
				if (opening.interviewLanguage() != null) {
					// The language the interview is held in is one the person speaks: the identity section's.
					this.caseFile.write(opened.reference(), Section.Identity, new IdentitySection(null, null, null,
							null, null, null, null, null, List.of(opening.interviewLanguage()), null, null), null);
				}
				return claimed.screeningId();
			});
		}
		catch (DataIntegrityViolationException raced) {
			// The same form won a moment ago in another request: wait for it to commit, then answer its screening.
			for (int attempt = 0; attempt < 40; attempt++) {
				Optional<String> winner = openedBefore(opening.requestId(), user);
				if (winner.isPresent()) {
					return winner.get();
				}
				pause();
			}
			throw Problems.conflict("field.problem.tryAgain");
		}
	}

	private Optional<String> openedBefore(String requestId, NrmUser user) {
		return this.store.byRequest(requestId).map(found -> {
			if (!teamsOf(user).contains(found.team())) {
				throw Problems.conflict("field.problem.tryAgain");
			}
			return found.screeningId();
		});
	}

	/** The screenings of the member's teams, newest first. */
	List<FieldScreening> ofMyTeams() {
		return this.store.ofTeams(teamsOf(CurrentUser.get()), 20);
	}

	/** Where the screening stands now, as the pathway says. */
	View view(String screeningId) {
		FieldScreening screening = mine(screeningId);
		Optional<TaskView> task = currentTask(screening);
		if (task.isPresent()) {
			Step step = TASK_STEPS.get(task.get().taskType());
			Case registry = this.intake.find(screening.caseReference());
			return switch (step) {
				case Indicators -> new View(screening, step, task.get().id(), checklist(screening, registry),
						Set.copyOf(this.store.answers(screening)), null, registry);
				case Outcome -> new View(screening, step, task.get().id(), null, Set.of(),
						(String) this.tasks.shown(task.get().id()).get("screeningRecommendation"), registry);
				default -> new View(screening, step, task.get().id(), null, Set.of(), null, registry);
			};
		}
		Case registry;
		try {
			registry = this.intake.find(screening.caseReference());
		}
		catch (ErrorResponseException notVisible) {
			// Taken over by another agency: the access policy no longer lets this member see where it stands.
			return new View(screening, Step.HandedOver, null, null, Set.of(), null, null);
		}
		Step step = !registry.isOpen() ? Step.Closed
				: registry.leadAgency().equals(screening.team()) ? Step.Waiting : Step.HandedOver;
		return new View(screening, step, null, null, Set.of(), null, registry);
	}

	/** Keeps the answers given so far on the server (all of them, replacing what was kept). */
	int saveAnswers(String screeningId, List<String> codes) {
		return this.transactions.execute(status -> {
			View view = view(screeningId);
			if (view.step() != Step.Indicators) {
				throw Problems.conflict("field.problem.movedOn");
			}
			List<String> known = known(view.checklist(), codes);
			return this.store.saveAnswers(view.screening(), known);
		});
	}

	/** Submits the screening: the answers go to the screening task, and from there to the case file only. */
	void submitIndicators(String screeningId, String taskId, List<String> codes) {
		this.transactions.executeWithoutResult(status -> {
			View view = view(screeningId);
			if (resubmitted(view, Step.Indicators, taskId)) {
				return;
			}
			List<String> known = known(view.checklist(), codes);
			ObjectNode body = this.json.createObjectNode();
			body.putArray("observedIndicators").addAll(known.stream().map(this.json.getNodeFactory()::textNode).toList());
			claimAndComplete(taskId, body);
			this.store.forgetAnswers(view.screening());
		});
	}

	/** The screener's decision on the recommendation, with a reason when it departs from it. */
	void submitOutcome(String screeningId, String taskId, Boolean presumedVictim, String overrideReason) {
		this.transactions.executeWithoutResult(status -> {
			View view = view(screeningId);
			if (resubmitted(view, Step.Outcome, taskId)) {
				return;
			}
			ObjectNode body = this.json.createObjectNode();
			if (presumedVictim != null) {
				body.put("presumedVictim", presumedVictim);
			}
			if (overrideReason != null) {
				body.put("overrideReason", overrideReason);
			}
			claimAndComplete(taskId, body);
		});
	}

	/** The adult's consent; with consent to referral, case management takes the case over. */
	void submitConsent(String screeningId, String taskId, FieldConsent consent) {
		this.transactions.executeWithoutResult(status -> {
			View view = view(screeningId);
			if (resubmitted(view, Step.Consent, taskId)) {
				return;
			}
			claimAndComplete(taskId, this.json.valueToTree(consent.asBody()));
		});
	}

	/**
	 * Whether this is a resubmission of a step already taken (the page was sent again after a dropped connection):
	 * then nothing is done and the page shows where the screening stands. A step that is not the current one and was
	 * not taken is a conflict.
	 */
	private static boolean resubmitted(View view, Step expected, String taskId) {
		if (view.step() == expected && view.taskId().equals(taskId)) {
			return false;
		}
		if (view.step() == expected) {
			throw Problems.conflict("field.problem.movedOn");
		}
		return true;
	}

	private void claimAndComplete(String taskId, ObjectNode body) {
		// In one transaction: a completion the pathway refuses leaves the task unclaimed, as it was.
		this.tasks.claim(taskId);
		this.tasks.complete(taskId, body);
	}

	private FieldScreening mine(String screeningId) {
		List<String> teams = teamsOf(CurrentUser.get());
		return this.store.byId(screeningId)
			.filter(screening -> teams.contains(screening.team()))
			.orElseThrow(() -> Problems.notFound("field.problem.noSuchScreening"));
	}

	private Optional<TaskView> currentTask(FieldScreening screening) {
		return this.tasks.list(screening.caseReference(), 0, 20)
			.tasks()
			.stream()
			.filter(task -> TASK_STEPS.containsKey(task.taskType()))
			.findFirst();
	}

	private Checklist checklist(FieldScreening screening, Case registry) {
		return this.checklists.forScreening(SuspectedExploitation.valueOf(screening.suspectedExploitation()),
				registry.isChild());
	}

	/** The codes as given, each once, all of them on the checklist (a 400 naming the field otherwise). */
	private static List<String> known(Checklist checklist, List<String> codes) {
		Set<String> offered = new java.util.HashSet<>();
		checklist.items().forEach(item -> offered.add(item.code()));
		List<String> known = new ArrayList<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (!offered.contains(code)) {
				throw InvalidFields.of("indicator", "field.problem.notOnChecklist");
			}
			if (!known.contains(code)) {
				known.add(code);
			}
		}
		return known;
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Problems.conflict("field.problem.tryAgain");
		}
	}
}
