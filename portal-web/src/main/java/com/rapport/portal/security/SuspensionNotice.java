package com.rapport.portal.security;

import java.io.IOException;
import java.util.Optional;

import com.rapport.community.member.MemberService;
import com.rapport.community.moderation.Sanction;
import com.rapport.community.moderation.Sanctions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends a suspended member to the login page, which shows their suspension's reason and
 * end.
 */
@Component
class SuspensionNotice {

	static final String REASON = "suspensionReason";

	static final String UNTIL = "suspensionUntil";

	private static final RedirectStrategy REDIRECT = new DefaultRedirectStrategy();

	private final MemberService members;

	private final Sanctions sanctions;

	SuspensionNotice(MemberService members, Sanctions sanctions) {
		this.members = members;
		this.sanctions = sanctions;
	}

	void afterLogin(HttpServletRequest request, HttpServletResponse response, String login) throws IOException {
		Optional<Sanction> suspension = this.members.findAccount(login)
			.flatMap((account) -> this.sanctions.active(account.id()).suspended());
		send(request, response, suspension.orElse(null));
	}

	static void send(HttpServletRequest request, HttpServletResponse response, Sanction suspension) throws IOException {
		if (suspension != null) {
			FlashMap flash = new FlashMap();
			// plain values: the flash lives in the session, which may be serialised
			flash.put(REASON, suspension.reason());
			flash.put(UNTIL, suspension.endsAt());
			flash.setTargetRequestPath(request.getContextPath() + "/login");
			new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
		}
		REDIRECT.sendRedirect(request, response, "/login?suspended");
	}

}
