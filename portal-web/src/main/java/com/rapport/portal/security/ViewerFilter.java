package com.rapport.portal.security;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Visits;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.ActiveSanctions;
import com.rapport.community.moderation.Sanctions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the logged-in member once per request as a {@link Viewer}. Roles are read fresh,
 * so a role that staff revoke stops working at the member's next request, not at their
 * next login; a member who no longer exists is logged out, and a suspended member is
 * logged out and sent to the login page, which tells them why.
 */
@Component
public class ViewerFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = Viewer.class.getName();

	static final String UNREAD_ATTRIBUTE = ViewerFilter.class.getName() + ".unread";

	static final String SANCTIONS_ATTRIBUTE = ViewerFilter.class.getName() + ".sanctions";

	private final MemberService members;

	private final Sanctions sanctions;

	private final Visits visits;

	ViewerFilter(MemberService members, Sanctions sanctions, Visits visits) {
		this.members = members;
		this.sanctions = sanctions;
		this.visits = visits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Viewer viewer = Viewer.ANONYMOUS;
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			Optional<MemberAccount> account = this.members.findAccount(authentication.getName());
			if (account.isEmpty()) {
				SecurityContextHolder.clearContext();
			}
			else {
				ActiveSanctions active = this.sanctions.active(account.get().id());
				if (active.suspension() != null) {
					// a suspension ends the session (and remember-me tokens went with the
					// suspension) at the member's next request
					SecurityContextHolder.clearContext();
					var session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					SuspensionNotice.send(request, response, active.suspension());
					return;
				}
				viewer = account.get().viewer();
				// noted in memory, written in a batch: the page does not wait for it
				this.visits.seen(account.get().id());
				request.setAttribute(UNREAD_ATTRIBUTE, account.get().unreadNotifications());
				request.setAttribute(SANCTIONS_ATTRIBUTE, active);
				refreshAuthorities(authentication, account.get());
			}
		}
		request.setAttribute(ATTRIBUTE, viewer);
		chain.doFilter(request, response);
	}

	private static void refreshAuthorities(Authentication authentication, MemberAccount account) {
		var fresh = MemberUserDetailsService.authorities(account);
		Set<String> held = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			held.add(authority.getAuthority());
		}
		Set<String> wanted = new HashSet<>();
		fresh.forEach((authority) -> wanted.add(authority.getAuthority()));
		if (!held.equals(wanted)) {
			var updated = UsernamePasswordAuthenticationToken.authenticated(authentication.getPrincipal(), null, fresh);
			updated.setDetails(authentication.getDetails());
			SecurityContextHolder.getContext().setAuthentication(updated);
		}
	}

	/**
	 * How many notifications the logged-in member has not seen.
	 * @param request the request
	 * @return the count, 0 for visitors
	 */
	public static int unreadNotifications(HttpServletRequest request) {
		return (request.getAttribute(UNREAD_ATTRIBUTE) instanceof Integer count) ? count : 0;
	}

	/**
	 * The sanctions in force for the logged-in member, read with the member.
	 * @param request the request
	 * @return the sanctions, none for visitors
	 */
	public static ActiveSanctions sanctions(HttpServletRequest request) {
		return (request.getAttribute(SANCTIONS_ATTRIBUTE) instanceof ActiveSanctions active) ? active
				: ActiveSanctions.NONE;
	}

	/**
	 * The viewer of the current request.
	 * @param request the request
	 * @return the viewer, anonymous when nobody is logged in
	 */
	public static Viewer of(HttpServletRequest request) {
		Object viewer = request.getAttribute(ATTRIBUTE);
		return (viewer instanceof Viewer v) ? v : Viewer.ANONYMOUS;
	}

}
