package com.rapport.portal.security;

import java.util.List;

import com.rapport.community.member.LoginThrottle;
import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;
import com.rapport.community.moderation.Sanctions;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads a member for login by username or email. A login that is throttled comes back
 * locked, so Spring Security refuses it before even checking the password.
 */
@Service
class MemberUserDetailsService implements UserDetailsService {

	private final MemberService members;

	private final LoginThrottle throttle;

	private final Sanctions sanctions;

	MemberUserDetailsService(MemberService members, LoginThrottle throttle, Sanctions sanctions) {
		this.members = members;
		this.throttle = throttle;
		this.sanctions = sanctions;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		MemberAccount account = this.members.findAccount(login)
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
		boolean locked = this.throttle.lockedUntil(login).isPresent();
		// a suspension is told as "credentials expired": Spring checks that only after
		// the
		// password matched, so the suspension and its reason are shown to the member and
		// not to whoever types their username; remember-me logins are refused the same
		// way
		boolean suspended = this.sanctions.isSuspended(account.id());
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(authorities(account))
			.accountLocked(locked)
			.credentialsExpired(suspended)
			.build();
	}

	static List<SimpleGrantedAuthority> authorities(MemberAccount account) {
		return account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

}
