package org.opennrm.field.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.opennrm.cases.AgeGroup;
import org.opennrm.casework.OpenCase.ContactSetting;
import org.opennrm.identification.ConfirmScreeningOutcome.OverrideReason;
import org.opennrm.identification.SuspectedExploitation;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The field page of mobile teams: small server-rendered pages for a phone, one form per step. The page's script sends
 * each form in the background and answers with where to go next ({@code {"location": ...}}), so a dropped connection
 * leaves the answers on the screen instead of an error page; without the script the forms post and redirect.
 * Addresses carry the screening's opaque id, never a case reference. Refusals are problem responses (RFC 9457).
 */
@Controller
class FieldPage {

	static final String SCREENING_ID = FieldOpening.UUID;

	private final FieldScreenings screenings;

	private final FieldProperties properties;

	FieldPage(FieldScreenings screenings, FieldProperties properties) {
		this.screenings = screenings;
		this.properties = properties;
	}

	@GetMapping("/field")
	String home(Model model, HttpServletRequest request) {
		fieldSession(request, model);
		model.addAttribute("teams", FieldScreenings.teamsOf(CurrentUser.get()));
		model.addAttribute("screenings", this.screenings.ofMyTeams());
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("contactSettings", ContactSetting.values());
		model.addAttribute("ageGroups", AgeGroup.values());
		model.addAttribute("exploitationForms", SuspectedExploitation.values());
		return "field/home";
	}

	@PostMapping(path = "/field/cases", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> open(@Valid @ModelAttribute FieldOpening opening, HttpServletRequest request) {
		fieldSession(request, null);
		return moveTo(screeningPath(this.screenings.open(opening)), request);
	}

	@GetMapping("/field/screenings/{screeningId}")
	String screening(@PathVariable @Pattern(regexp = SCREENING_ID) String screeningId, Model model,
			HttpServletRequest request) {
		fieldSession(request, model);
		model.addAttribute("view", this.screenings.view(screeningId));
		model.addAttribute("action", screeningPath(screeningId));
		model.addAttribute("overrideReasons", OverrideReason.values());
		model.addAttribute("agencies", Role.agencies().stream().map(Role::groupId).sorted().toList());
		return "field/screening";
	}

	@PostMapping(path = "/field/screenings/{screeningId}/answers",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> saveAnswers(@PathVariable @Pattern(regexp = SCREENING_ID) String screeningId,
			@RequestParam(name = "indicator", required = false) @Size(max = 200) List<String> indicators,
			HttpServletRequest request) {
		fieldSession(request, null);
		int saved = this.screenings.saveAnswers(screeningId, indicators == null ? List.of() : indicators);
		return ResponseEntity.ok(Map.of("saved", saved));
	}

	@PostMapping(path = "/field/screenings/{screeningId}/indicators",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> submitIndicators(@PathVariable @Pattern(regexp = SCREENING_ID) String screeningId,
			@RequestParam @Pattern(regexp = SCREENING_ID) String taskId,
			@RequestParam(name = "indicator", required = false) @Size(max = 200) List<String> indicators,
			HttpServletRequest request) {
		fieldSession(request, null);
		this.screenings.submitIndicators(screeningId, taskId, indicators == null ? List.of() : indicators);
		return moveTo(screeningPath(screeningId), request);
	}

	@PostMapping(path = "/field/screenings/{screeningId}/outcome",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> submitOutcome(@PathVariable @Pattern(regexp = SCREENING_ID) String screeningId,
			@RequestParam @Pattern(regexp = SCREENING_ID) String taskId,
			@RequestParam(required = false) Boolean presumedVictim,
			@RequestParam(required = false) OverrideReason overrideReason, HttpServletRequest request) {
		fieldSession(request, null);
		this.screenings.submitOutcome(screeningId, taskId, presumedVictim,
				overrideReason == null ? null : overrideReason.name());
		return moveTo(screeningPath(screeningId), request);
	}

	@PostMapping(path = "/field/screenings/{screeningId}/consent",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> submitConsent(@PathVariable @Pattern(regexp = SCREENING_ID) String screeningId,
			@RequestParam @Pattern(regexp = SCREENING_ID) String taskId,
			@RequestParam(required = false) Boolean consentToReferral,
			@RequestParam(required = false) Boolean consentToServices,
			@RequestParam(required = false) @Size(max = 10) List<String> consentToShareWith,
			@RequestParam(required = false) Boolean consentToPoliceCooperation, HttpServletRequest request) {
		fieldSession(request, null);
		this.screenings.submitConsent(screeningId, taskId, new FieldConsent(consentToReferral, consentToServices,
				consentToShareWith, consentToPoliceCooperation));
		return moveTo(screeningPath(screeningId), request);
	}

	/**
	 * A session that uses the field page signs itself out after a short idle time (the server ends it; the page warns
	 * a minute before and then signs out by itself, so a phone left behind shows the sign-in page).
	 */
	private void fieldSession(HttpServletRequest request, Model model) {
		int seconds = Math.toIntExact(this.properties.idleTimeout().toSeconds());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setMaxInactiveInterval(seconds);
		}
		if (model != null) {
			model.addAttribute("idleSeconds", seconds);
			model.addAttribute("user", CurrentUser.get().userId());
		}
	}

	private static String screeningPath(String screeningId) {
		return "/field/screenings/" + screeningId;
	}

	/** Where to go next: JSON for the page's script, a redirect for a plain form. */
	private static ResponseEntity<?> moveTo(String location, HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && Arrays.stream(accept.split(",")).anyMatch(type -> type.strip().startsWith(
				MediaType.APPLICATION_JSON_VALUE))) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("location", location));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
	}
}
