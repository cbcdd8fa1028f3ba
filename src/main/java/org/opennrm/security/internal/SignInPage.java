package org.opennrm.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.opennrm.security.NrmUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages of the service, for our pages and the webapps alike (ADR 21): the password of the built-in store
 * (and, where configured, a button for the identity provider), then the second factor: a one-time code or a recovery
 * code, or, for a user whose role needs a second factor and who has none, its enrolment. Server-rendered, CSRF
 * protected, no script.
 */
@Controller
class SignInPage {

	static final String PENDING_ENROLMENT = "nrm.pendingEnrolment";

	private final SecondFactors secondFactors;

	private final SignInSessions sessions;

	private final SignInProperties properties;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	SignInPage(SecondFactors secondFactors, SignInSessions sessions, SignInProperties properties,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.secondFactors = secondFactors;
		this.sessions = sessions;
		this.properties = properties;
		this.registrations = registrations;
	}

	@GetMapping("/login")
	String login(Model model) {
		provider().ifPresent(registration -> {
			model.addAttribute("providerName", registration.getClientName());
			model.addAttribute("providerUrl", "/oauth2/authorization/" + registration.getRegistrationId());
		});
		model.addAttribute("passwordForm", !this.properties.provider().isConfigured()
				|| this.properties.provider().passwordSignIn());
		return "signin/login";
	}

	@GetMapping("/login/code")
	String code(Model model) {
		PendingSignIn pending = pending(PendingSignIn.Step.CODE);
		if (pending == null) {
			return "redirect:/login";
		}
		model.addAttribute("user", pending.user().userId());
		return "signin/code";
	}

	@PostMapping("/login/code")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		PendingSignIn pending = pending(PendingSignIn.Step.CODE);
		if (pending == null) {
			return "redirect:/login";
		}
		SecondFactors.Outcome outcome = this.secondFactors.verify(pending.user().userId(), bounded(code));
		if (outcome == SecondFactors.Outcome.LOCKED) {
			return "redirect:/login/code?locked";
		}
		if (outcome != SecondFactors.Outcome.ACCEPTED) {
			return "redirect:/login/code?error";
		}
		this.sessions.complete(request, response, IdentityStoreAuthenticationProvider.signedIn(pending.user()),
				"password and second factor");
		SignInSessions.land(request, response, pending.user());
		return null;
	}

	@GetMapping("/login/enrol")
	String enrol(Model model, HttpSession session) {
		PendingSignIn pending = pending(PendingSignIn.Step.ENROL);
		if (pending == null) {
			return "redirect:/login";
		}
		showEnrolment(model, session, pending.user().userId(), "/login/enrol");
		return "signin/enrol";
	}

	@PostMapping("/login/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		PendingSignIn pending = pending(PendingSignIn.Step.ENROL);
		if (pending == null) {
			return "redirect:/login";
		}
		Optional<List<String>> codes = confirm(request.getSession(), pending.user().userId(), code);
		if (codes.isEmpty()) {
			return "redirect:/login/enrol?error";
		}
		this.sessions.complete(request, response, IdentityStoreAuthenticationProvider.signedIn(pending.user()),
				"password and second factor");
		model.addAttribute("codes", codes.get());
		model.addAttribute("next", SignInSessions.landing(pending.user()));
		return "signin/recovery-codes";
	}

	/** The enrolment key as a QR code for the authenticator app: SVG from our own origin (strict CSP, no data: URL). */
	@GetMapping({ "/login/enrol/qr.svg", "/account/second-factor/enrol/qr.svg" })
	ResponseEntity<String> qr(HttpSession session) {
		if (!(session.getAttribute(PENDING_ENROLMENT) instanceof SecondFactors.PendingEnrolment pending)
				|| !pending.userId().equals(signedInOrPendingUser())) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrSvg.of(this.secondFactors.otpauthUri(pending)));
	}

	/** Before signing out: a page with the sign-out button (the webapps' own "Log out" leads here). */
	@GetMapping("/signout")
	String signOut() {
		return "signin/signout";
	}

	void showEnrolment(Model model, HttpSession session, String userId, String action) {
		SecondFactors.PendingEnrolment enrolment = session.getAttribute(PENDING_ENROLMENT) instanceof SecondFactors.PendingEnrolment kept
				&& kept.userId().equals(userId) ? kept : this.secondFactors.newEnrolment(userId);
		session.setAttribute(PENDING_ENROLMENT, enrolment);
		model.addAttribute("user", userId);
		model.addAttribute("key", group(this.secondFactors.typedKey(enrolment)));
		model.addAttribute("issuer", this.properties.secondFactor().issuer());
		model.addAttribute("action", action);
		model.addAttribute("qr", action + "/qr.svg");
	}

	Optional<List<String>> confirm(HttpSession session, String userId, String code) {
		if (!(session.getAttribute(PENDING_ENROLMENT) instanceof SecondFactors.PendingEnrolment pending)
				|| !pending.userId().equals(userId)) {
			return Optional.empty();
		}
		Optional<List<String>> codes = this.secondFactors.confirm(pending, bounded(code));
		if (codes.isPresent()) {
			session.removeAttribute(PENDING_ENROLMENT);
		}
		return codes;
	}

	private Optional<ClientRegistration> provider() {
		if (!this.properties.provider().isConfigured()) {
			return Optional.empty();
		}
		ClientRegistrationRepository repository = this.registrations.getIfAvailable();
		return repository == null ? Optional.empty()
				: Optional.ofNullable(repository.findByRegistrationId(this.properties.provider().registrationId()));
	}

	private static PendingSignIn pending(PendingSignIn.Step step) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof PendingSignIn pending && pending.step() == step ? pending : null;
	}

	private static String signedInOrPendingUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof PendingSignIn pending) {
			return pending.user().userId();
		}
		return authentication != null && authentication.getPrincipal() instanceof NrmUser user ? user.userId() : null;
	}

	/** A code is short: anything long is cut, never parsed. */
	private static String bounded(String code) {
		return code.length() > 32 ? code.substring(0, 32) : code;
	}

	/** The typed key in groups of four, as authenticator apps print it. */
	private static String group(String key) {
		return key.replaceAll("(.{4})(?=.)", "$1 ");
	}
}
