package org.opennrm.security.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.opennrm.i18n.Texts;
import org.opennrm.platform.UserIds;
import org.opennrm.security.CurrentUser;
import org.opennrm.security.NrmUser;
import org.opennrm.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account (ADR 21, 22): the sessions signed in as oneself, on every node, with "sign out everywhere"; the
 * second factor of the built-in store: set up, replace (with a current code), and for administrators, a reset of
 * someone else's with a reason. Every change is audited through the events it publishes.
 */
@Controller
class AccountPage {

	/** A moment in the reader's way of writing dates and times, in UTC as the service's other pages show them. */
	static DateTimeFormatter when(Locale language) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language)
			.withZone(ZoneOffset.UTC);
	}

	private final SignInSessions sessions;

	private final SecondFactors secondFactors;

	private final SignInPage signIn;

	private final Texts texts;

	AccountPage(SignInSessions sessions, SecondFactors secondFactors, SignInPage signIn, Texts texts) {
		this.sessions = sessions;
		this.secondFactors = secondFactors;
		this.signIn = signIn;
		this.texts = texts;
	}

	@GetMapping("/account")
	String account(Model model, HttpSession session, Locale language) {
		NrmUser user = CurrentUser.get();
		model.addAttribute("user", user.userId());
		model.addAttribute("sessions", this.sessions.of(user.userId(), session.getId()));
		model.addAttribute("when", when(language));
		boolean provider = SignInSessions.PROVIDER.equals(session.getAttribute(SignInSessions.METHOD));
		model.addAttribute("provider", provider);
		model.addAttribute("secondFactor", provider ? null : this.secondFactors.status(user.userId()).orElse(null));
		model.addAttribute("required", this.secondFactors.isRequiredFor(user.groupIds()));
		model.addAttribute("administrator", user.has(Role.ADMIN));
		model.addAttribute("userIdPattern", UserIds.FORM);
		model.addAttribute("userIdMaxLength", UserIds.MAX_LENGTH);
		return "account/account";
	}

	@PostMapping("/account/sessions/end-all")
	String endAll(HttpServletRequest request) {
		String userId = CurrentUser.get().userId();
		this.sessions.endAll(userId, "signed out everywhere", userId);
		SignInSessions.endThis(request);
		return "redirect:/login?signedOut";
	}

	@GetMapping("/account/second-factor/enrol")
	String enrol(Model model, HttpSession session) {
		if (SignInSessions.PROVIDER.equals(session.getAttribute(SignInSessions.METHOD))) {
			return "redirect:/account";
		}
		NrmUser user = CurrentUser.get();
		if (this.secondFactors.isEnrolled(user.userId())) {
			return "redirect:/account";
		}
		this.signIn.showEnrolment(model, session, user.userId(), "/account/second-factor/enrol");
		return "signin/enrol";
	}

	@PostMapping("/account/second-factor/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpSession session) {
		NrmUser user = CurrentUser.get();
		if (this.secondFactors.isEnrolled(user.userId())) {
			return "redirect:/account";
		}
		Optional<List<String>> codes = this.signIn.confirm(session, user.userId(), code);
		if (codes.isEmpty()) {
			return "redirect:/account/second-factor/enrol?error";
		}
		model.addAttribute("codes", codes.get());
		model.addAttribute("next", "/account");
		return "signin/recovery-codes";
	}

	/**
	 * Removes one's own second factor, proven with a current code or a recovery code: every session ends, and a user
	 * whose role needs a second factor enrols a new one at the next sign-in.
	 */
	@PostMapping("/account/second-factor/reset")
	String reset(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			RedirectAttributes redirect) {
		String userId = CurrentUser.get().userId();
		SecondFactors.Outcome outcome = this.secondFactors.verify(userId, code.length() > 32 ? "" : code);
		if (outcome != SecondFactors.Outcome.ACCEPTED) {
			redirect.addFlashAttribute("error", this.texts.say(outcome == SecondFactors.Outcome.LOCKED
					? "page.account.codeLocked" : "page.account.codeWrong"));
			return "redirect:/account";
		}
		this.secondFactors.reset(userId, userId, null);
		this.sessions.endAll(userId, "second factor reset", userId);
		SignInSessions.endThis(request);
		return "redirect:/login?signedOut";
	}

	/** An administrator removes someone's second factor (a lost phone and lost recovery codes), with a reason. */
	@PostMapping("/account/second-factors/reset")
	String resetFor(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		NrmUser admin = CurrentUser.get();
		String who = userId.strip();
		String why = reason.strip();
		if (!UserIds.isUserId(who) || why.isEmpty() || why.length() > 500) {
			redirect.addFlashAttribute("error", this.texts.say("page.account.reset.invalid"));
			return "redirect:/account";
		}
		if (!this.secondFactors.reset(who, admin.userId(), why)) {
			redirect.addFlashAttribute("error", this.texts.say("page.account.reset.noSecondFactor", who));
			return "redirect:/account";
		}
		int ended = this.sessions.endAll(who, "second factor reset", admin.userId());
		redirect.addFlashAttribute("message", this.texts.say("page.account.reset.done", who, ended));
		return "redirect:/account";
	}
}
