package com.rapport.portal.mod.review;

import java.util.Optional;

import com.rapport.community.member.LoginThrottle;
import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.review.Appeals;
import com.rapport.portal.security.SuspensionNotice;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A suspended member cannot log in, so they appeal their suspension from the page that
 * refused the login: the form asks for the password again (a wrong one counts against the
 * login throttle like a failed login), the suspension can be appealed once, and the
 * appeal goes to the queue for a moderator other than the one who suspended.
 */
@Controller
class SuspensionAppealController {

	private final MemberService members;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final Appeals appeals;

	SuspensionAppealController(MemberService members, PasswordEncoder passwords, LoginThrottle throttle,
			Appeals appeals) {
		this.members = members;
		this.passwords = passwords;
		this.throttle = throttle;
		this.appeals = appeals;
	}

	@PostMapping("/login/appeal")
	String appeal(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String statement, RedirectAttributes redirect) {
		String login = username.strip();
		if (login.isEmpty() || login.length() > 254) {
			redirect.addFlashAttribute("error", "review.suspensionAppeal.badCredentials");
			return "redirect:/login?suspended";
		}
		if (this.throttle.lockedUntil(login).isPresent()) {
			return "redirect:/login?locked";
		}
		Optional<MemberAccount> account = this.members.findAccount(login)
			.filter((a) -> a.passwordHash() != null && this.passwords.matches(password, a.passwordHash()));
		if (account.isEmpty()) {
			this.throttle.recordFailure(login);
			redirect.addFlashAttribute("error", "review.suspensionAppeal.badCredentials");
			redirect.addFlashAttribute(SuspensionNotice.LOGIN, login);
			return "redirect:/login?suspended";
		}
		Optional<Appeals.SanctionMatter> suspension = this.appeals.sanctions(account.get().viewer())
			.stream()
			.filter((s) -> "SUSPEND".equals(s.kind()))
			.findFirst();
		if (suspension.isEmpty()) {
			redirect.addFlashAttribute("error", "review.suspensionAppeal.notSuspended");
			return "redirect:/login";
		}
		Appeals.SanctionMatter matter = suspension.get();
		redirect.addFlashAttribute(SuspensionNotice.REASON, matter.reason());
		redirect.addFlashAttribute(SuspensionNotice.UNTIL, matter.endsAt());
		redirect.addFlashAttribute(SuspensionNotice.LOGIN, login);
		try {
			this.appeals.appealSanction(account.get().viewer(), matter.sanctionId(), statement);
			redirect.addFlashAttribute("message", "review.appeal.sent");
			redirect.addFlashAttribute(SuspensionNotice.APPEALABLE, false);
			redirect.addFlashAttribute(SuspensionNotice.APPEAL_OUTCOME, "PENDING");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			redirect.addFlashAttribute(SuspensionNotice.APPEALABLE, matter.appealable());
			if (matter.appealOutcome() != null) {
				redirect.addFlashAttribute(SuspensionNotice.APPEAL_OUTCOME, matter.appealOutcome());
			}
		}
		return "redirect:/login?suspended";
	}

}
