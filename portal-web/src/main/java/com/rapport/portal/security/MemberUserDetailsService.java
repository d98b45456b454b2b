package com.rapport.portal.security;

import java.util.List;

import com.rapport.community.member.LoginThrottle;
import com.rapport.community.member.MemberAccount;
import com.rapport.community.member.MemberService;

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

	MemberUserDetailsService(MemberService members, LoginThrottle throttle) {
		this.members = members;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		MemberAccount account = this.members.findAccount(login)
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
		boolean locked = this.throttle.lockedUntil(login).isPresent();
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.authorities(authorities(account))
			.accountLocked(locked)
			.build();
	}

	static List<SimpleGrantedAuthority> authorities(MemberAccount account) {
		return account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
	}

}
