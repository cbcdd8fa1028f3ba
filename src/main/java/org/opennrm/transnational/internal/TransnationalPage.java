package org.opennrm.transnational.internal;

import java.lang.reflect.RecordComponent;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.opennrm.casefile.SectionContent;
import org.opennrm.i18n.ProcessTexts;
import org.opennrm.i18n.Text;
import org.opennrm.i18n.Texts;
import org.opennrm.security.CurrentUser;
import org.opennrm.transnational.DeclineReason;
import org.opennrm.transnational.IncomingReferral;
import org.opennrm.transnational.IncomingTransnationalReferralProcess;
import org.opennrm.transnational.ReferralKind;
import org.opennrm.transnational.ReferralStatus;
import org.opennrm.transnational.ReferralStep;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national coordinator's page of transnational referrals: what arrived from peers and waits for an answer (with
 * its due date), what this instance sent and where it stands, and one incoming referral with what it carries (that
 * look is audited). The answer itself is a task, in Tasklist or the task API, like every other decision. Its words come
 * from the catalogue ({@code page.transnational.*}) in the reader's language, as do statuses, kinds, countries, groups
 * and sections; times are written the reader's way, in UTC. What a referral carries is data: its HTCDS field names and
 * values are shown as they arrived.
 */
@Controller
class TransnationalPage {

	/** How a step names the peer that took it: {@code peer:XK}. */
	private static final String PEER_ACTOR = "peer:";

	/** How a step names the service itself as the one that took it. */
	private static final String SYSTEM_ACTOR = "system";

	/** How the detail of a delivered answer names the peer's signed receipt: {@code receipt <id>}. */
	private static final String RECEIPT = "receipt ";

	private final ReferralViews views;

	private final Exchange exchange;

	private final Texts texts;

	private final MessageSource messages;

	TransnationalPage(ReferralViews views, Exchange exchange, Texts texts, MessageSource messages) {
		this.views = views;
		this.exchange = exchange;
		this.texts = texts;
		this.messages = messages;
	}

	@GetMapping("/transnational")
	String page(Model model, Locale language) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("enabled", this.exchange.enabled());
		model.addAttribute("country", this.exchange.enabled() ? this.exchange.country() : null);
		model.addAttribute("peers", this.exchange.peerCountries());
		List<IncomingReferral> incoming = this.views.incoming();
		model.addAttribute("waiting", incoming.stream().filter(row -> row.status() == ReferralStatus.Delivered).toList());
		model.addAttribute("answered", incoming.stream().filter(row -> row.status() != ReferralStatus.Delivered).toList());
		model.addAttribute("outgoing", this.views.outgoing());
		model.addAttribute("fmt", new Format(this.texts, language));
		return "transnational/overview";
	}

	@GetMapping("/transnational/incoming/{id}")
	String incoming(@PathVariable String id, @RequestParam(required = false) String show, Model model,
			Locale language) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("fmt", new Format(this.texts, language));
		if (!TransnationalController.ID.matcher(id).matches()) {
			model.addAttribute("error", this.texts.say(language, "problem.transnational.notAReferralId"));
			return "transnational/incoming";
		}
		try {
			IncomingReferral referral = this.views.incoming(id);
			model.addAttribute("referral", referral);
			if (show != null && referral.status() == ReferralStatus.Delivered) {
				model.addAttribute("content", readable(this.views.content(id)));
			}
		}
		catch (ErrorResponseException problem) {
			model.addAttribute("error", problem.updateAndGetBody(this.messages, language).getDetail());
		}
		return "transnational/incoming";
	}

	/** Each section's fields that carry a value, as text: dates ISO, lists joined. */
	static Map<String, Map<String, String>> readable(Map<String, SectionContent> content) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		content.forEach((section, value) -> {
			Map<String, String> fields = new LinkedHashMap<>();
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				Object field;
				try {
					field = component.getAccessor().invoke(value);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
				if (field instanceof Collection<?> items && !items.isEmpty()) {
					fields.put(component.getName(), items.stream().map(String::valueOf).collect(Collectors.joining("; ")));
				}
				else if (field != null && !(field instanceof Collection<?>)) {
					fields.put(component.getName(), String.valueOf(field));
				}
			}
			sections.put(section, fields);
		});
		return sections;
	}

	/** Words, names, numbers and times for the template, in the reader's language. */
	public static final class Format {

		private final Texts texts;

		private final Locale language;

		private final DateTimeFormatter when;

		Format(Texts texts, Locale language) {
			this.texts = texts;
			this.language = language;
			this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(language)
				.withZone(ZoneOffset.UTC);
		}

		/** A moment, the reader's way, in UTC. */
		public String when(Instant at) {
			return at == null ? "" : say("page.transnational.when", this.when.format(at));
		}

		/** A count, the reader's way. */
		public String count(long count) {
			return NumberFormat.getIntegerInstance(this.language).format(count);
		}

		/** A country by its name in the reader's language and its code, e.g. "Kosovo (XK)". */
		public String country(String code) {
			if (code == null) {
				return "";
			}
			String name = new Locale("", code).getDisplayCountry(this.language);
			return name.isBlank() || name.equals(code) ? code : say("page.transnational.country", name, code);
		}

		/** Countries by their names, as a list. */
		public String countries(Collection<String> codes) {
			return this.texts.say(this.language, Text.list(codes.stream().map(this::country).map(Text::said).toList()));
		}

		public String kind(ReferralKind kind) {
			return kind == null ? "" : say(switch (kind) {
				case Return -> "enum.ReferralKind.Return";
				case Transfer -> "enum.ReferralKind.Transfer";
				case Assistance -> "enum.ReferralKind.Assistance";
			});
		}

		public String status(ReferralStatus status) {
			return status == null ? "" : say(switch (status) {
				case Proposed -> "enum.ReferralStatus.Proposed";
				case NotConsented -> "enum.ReferralStatus.NotConsented";
				case NotApproved -> "enum.ReferralStatus.NotApproved";
				case Approved -> "enum.ReferralStatus.Approved";
				case Sent -> "enum.ReferralStatus.Sent";
				case Delivered -> "enum.ReferralStatus.Delivered";
				case Accepted -> "enum.ReferralStatus.Accepted";
				case Declined -> "enum.ReferralStatus.Declined";
				case Withdrawn -> "enum.ReferralStatus.Withdrawn";
			});
		}

		public String reason(DeclineReason reason) {
			return reason == null ? "" : say(switch (reason) {
				case NotEligible -> "page.transnational.declineReason.NotEligible";
				case InsufficientInformation -> "page.transnational.declineReason.InsufficientInformation";
				case UnsafeToReturn -> "page.transnational.declineReason.UnsafeToReturn";
				case NoCapacity -> "page.transnational.declineReason.NoCapacity";
				case AlreadyReferred -> "page.transnational.declineReason.AlreadyReferred";
				case Other -> "page.transnational.declineReason.Other";
			});
		}

		/**
		 * Why the last delivery attempt failed ({@link DeliveryProblem}), in the reader's language with its technical
		 * detail; text the service did not write, as it is.
		 */
		public String problem(String lastError) {
			return lastError == null ? "" : DeliveryProblem.read(lastError)
				.map(problem -> say(switch (problem.kind()) {
					case Unreachable -> "page.transnational.problem.unreachable";
					case Refused -> "page.transnational.problem.refused";
					case BadReceipt -> "page.transnational.problem.badReceipt";
					case Interrupted -> "page.transnational.problem.interrupted";
					case NotAPeer -> "page.transnational.problem.notAPeer";
					case Failed -> "page.transnational.problem.failed";
				}, problem.detail()))
				.orElse(lastError);
		}

		public String yesNo(boolean yes) {
			return say(yes ? "page.transnational.yes" : "page.transnational.no");
		}

		/** A section of the case file by its name; a section the catalogues do not name, by its key. */
		public String section(String key) {
			return this.texts.sayOr(this.language, "section." + key, key);
		}

		/** The fields of a referral by section: the section's name, then its fields' HTCDS names. */
		public String fields(Map<String, List<String>> fields) {
			return fields.entrySet()
				.stream()
				.map(entry -> say("page.transnational.fieldsOfSection", section(entry.getKey()),
						this.texts.say(this.language, Text.list(entry.getValue().stream().map(Text::said).toList()))))
				.collect(Collectors.joining(" · "));
		}

		/** The name of the task in which the coordinator answers an incoming referral. */
		public String answerTask() {
			return say(ProcessTexts.element(IncomingTransnationalReferralProcess.KEY,
					IncomingTransnationalReferralProcess.TASK_DECIDE_ON_INCOMING_REFERRAL));
		}

		/** A step of an incoming referral; a step this page does not know, by its code. */
		public String step(ReferralStep step) {
			return switch (step.step()) {
				case "Delivered" -> say("page.transnational.step.Delivered");
				case "DeliveredAgain" -> say("page.transnational.step.DeliveredAgain");
				case "AcceptedByCoordinator" -> say("page.transnational.step.AcceptedByCoordinator");
				case "Accepted" -> say("page.transnational.step.Accepted");
				case "Declined" -> say("page.transnational.step.Declined");
				case "Withdrawn" -> say("page.transnational.step.Withdrawn");
				case "DecisionDelivered" -> say("page.transnational.step.DecisionDelivered");
				case "SharingStopped" -> say("page.transnational.step.SharingStopped");
				default -> step.step();
			};
		}

		/** Who took a step: a user by their id, a peer by its country, or this service. */
		public String actor(ReferralStep step) {
			String actor = step.actor();
			if (actor == null || SYSTEM_ACTOR.equals(actor)) {
				return say("page.transnational.system");
			}
			return actor.startsWith(PEER_ACTOR) ? country(actor.substring(PEER_ACTOR.length())) : actor;
		}

		/**
		 * What a step records beside it: the reason of a decline, the agency that leads the case of an acceptance, the
		 * peer's receipt of a delivered answer; any other detail as recorded.
		 */
		public String detail(ReferralStep step) {
			String detail = step.detail();
			if (detail == null) {
				return "";
			}
			if (step.step().equals(ReferralStatus.Declined.name())) {
				return reason(DeclineReason.valueOf(detail));
			}
			if (step.step().equals(ReferralStatus.Accepted.name()) || step.step().equals("AcceptedByCoordinator")) {
				return say("page.transnational.ledBy",
						this.texts.say(this.language, Text.orElse(ProcessTexts.group(detail), detail)));
			}
			if (detail.startsWith(RECEIPT)) {
				return say("page.transnational.receipt", detail.substring(RECEIPT.length()));
			}
			return detail;
		}

		private String say(String code, Object... arguments) {
			return this.texts.say(this.language, code, arguments);
		}
	}
}
