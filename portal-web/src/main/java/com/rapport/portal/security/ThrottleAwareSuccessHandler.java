package com.rapport.portal.security;

import java.io.IOException;

import com.rapport.community.member.LoginThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Clears the failed-login count after a successful login, then goes where the member was
 * heading.
 */
class ThrottleAwareSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginThrottle throttle;

	ThrottleAwareSuccessHandler(LoginThrottle throttle) {
		this.throttle = throttle;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		String login = request.getParameter("username");
		if (login != null) {
			this.throttle.recordSuccess(login);
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
