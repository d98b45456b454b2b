package com.rapport.portal.security;

import java.io.IOException;

import com.rapport.community.member.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Counts failed logins and tells a throttled login and a suspended member apart from a
 * wrong password.
 */
class ThrottleAwareFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final SuspensionNotice suspension;

	ThrottleAwareFailureHandler(LoginThrottle throttle, SuspensionNotice suspension) {
		super("/login?error");
		this.throttle = throttle;
		this.suspension = suspension;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
		String login = request.getParameter("username");
		if (exception instanceof CredentialsExpiredException && login != null) {
			this.suspension.afterLogin(request, response, login);
			return;
		}
		if (exception instanceof LockedException) {
			getRedirectStrategy().sendRedirect(request, response, "/login?locked");
			return;
		}
		if (exception instanceof BadCredentialsException && login != null) {
			this.throttle.recordFailure(login);
		}
		super.onAuthenticationFailure(request, response, exception);
	}

}
