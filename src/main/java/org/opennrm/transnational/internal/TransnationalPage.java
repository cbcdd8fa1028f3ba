package org.opennrm.transnational.internal;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.opennrm.casefile.SectionContent;
import org.opennrm.security.CurrentUser;
import org.opennrm.transnational.IncomingReferral;
import org.opennrm.transnational.ReferralStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national coordinator's page of transnational referrals: what arrived from peers and waits for an answer (with
 * its due date), what this instance sent and where it stands, and one incoming referral with what it carries (that
 * look is audited). The answer itself is a task, in Tasklist or the task API, like every other decision.
 */
@Controller
class TransnationalPage {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final ReferralViews views;

	private final Exchange exchange;

	TransnationalPage(ReferralViews views, Exchange exchange) {
		this.views = views;
		this.exchange = exchange;
	}

	@GetMapping("/transnational")
	String page(Model model) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("enabled", this.exchange.enabled());
		model.addAttribute("country", this.exchange.enabled() ? this.exchange.country() : null);
		model.addAttribute("peers", this.exchange.peerCountries());
		List<IncomingReferral> incoming = this.views.incoming();
		model.addAttribute("waiting", incoming.stream().filter(row -> row.status() == ReferralStatus.Delivered).toList());
		model.addAttribute("answered", incoming.stream().filter(row -> row.status() != ReferralStatus.Delivered).toList());
		model.addAttribute("outgoing", this.views.outgoing());
		model.addAttribute("fmt", new Format());
		return "transnational/overview";
	}

	@GetMapping("/transnational/incoming/{id}")
	String incoming(@PathVariable String id, @RequestParam(required = false) String show, Model model) {
		model.addAttribute("user", CurrentUser.get().userId());
		model.addAttribute("fmt", new Format());
		if (!TransnationalController.ID.matcher(id).matches()) {
			model.addAttribute("error", "That is not the id of a referral.");
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
			model.addAttribute("error", problem.getBody().getDetail());
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

	/** Formatting helpers for the template. */
	static final class Format {

		public String when(Instant at) {
			return at == null ? "" : WHEN.format(at);
		}

		public String fields(Map<String, List<String>> fields) {
			return fields.entrySet()
				.stream()
				.map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
				.collect(Collectors.joining(" · "));
		}
	}
}
