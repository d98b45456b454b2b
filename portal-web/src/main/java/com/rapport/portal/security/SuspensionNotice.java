package com.rapport.portal.security;

import java.io.IOException;
import java.util.Optional;

import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;
import com.rapport.community.moderation.Sanction;
import com.rapport.community.moderation.Sanctions;
import com.rapport.community.review.Appeals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends a suspended member to the login page, which shows their suspension's reason and
 * end and, when the right password was given, whether they can still appeal it.
 */
@Component
public class SuspensionNotice {

	/** Flash attribute: the suspension's reason. */
	public static final String REASON = "suspensionReason";

	/** Flash attribute: when the suspension ends. */
	public static final String UNTIL = "suspensionUntil";

	/** Flash attribute: whether the suspension can still be appealed. */
	public static final String APPEALABLE = "suspensionAppealable";

	/** Flash attribute: the outcome of the appeal made (PENDING, UPHELD), or absent. */
	public static final String APPEAL_OUTCOME = "suspensionAppealOutcome";

	/** Flash attribute: the login the member typed, to fill in the appeal form. */
	public static final String LOGIN = "suspensionLogin";

	private static final RedirectStrategy REDIRECT = new DefaultRedirectStrategy();

	private final MemberService members;

	private final Sanctions sanctions;

	private final Appeals appeals;

	SuspensionNotice(MemberService members, Sanctions sanctions, Appeals appeals) {
		this.members = members;
		this.sanctions = sanctions;
		this.appeals = appeals;
	}

	/**
	 * Called when the right password was given for a suspended account: the login page
	 * shows the reason, the end and whether the member can still appeal.
	 */
	void afterLogin(HttpServletRequest request, HttpServletResponse response, String login) throws IOException {
		Optional<MemberAccount> account = this.members.findAccount(login);
		Optional<Sanction> suspension = account.flatMap((a) -> this.sanctions.active(a.id()).suspended());
		FlashMap flash = flash(suspension.orElse(null));
		if (account.isPresent() && suspension.isPresent()) {
			Optional<Appeals.SanctionMatter> matter = this.appeals.sanctions(account.get().viewer())
				.stream()
				.filter((m) -> m.sanctionId() == suspension.get().id())
				.findFirst();
			flash.put(APPEALABLE, matter.map(Appeals.SanctionMatter::appealable).orElse(false));
			matter.map(Appeals.SanctionMatter::appealOutcome)
				.ifPresent((outcome) -> flash.put(APPEAL_OUTCOME, outcome));
			flash.put(LOGIN, login);
		}
		save(request, response, flash);
	}

	static void send(HttpServletRequest request, HttpServletResponse response, Sanction suspension) throws IOException {
		save(request, response, flash(suspension));
	}

	private static FlashMap flash(Sanction suspension) {
		FlashMap flash = new FlashMap();
		if (suspension != null) {
			// plain values: the flash lives in the session, which may be serialised
			flash.put(REASON, suspension.reason());
			flash.put(UNTIL, suspension.endsAt());
		}
		return flash;
	}

	private static void save(HttpServletRequest request, HttpServletResponse response, FlashMap flash)
			throws IOException {
		if (!flash.isEmpty()) {
			flash.setTargetRequestPath(request.getContextPath() + "/login");
			new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		}
		REDIRECT.sendRedirect(request, response, "/login?suspended");
	}

}
