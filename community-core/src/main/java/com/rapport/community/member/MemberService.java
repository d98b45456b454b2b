package com.rapport.community.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.community.member.MemberEvents.EmailVerified;
import com.rapport.community.member.MemberEvents.MemberRegistered;
import com.rapport.community.member.MemberEvents.PasswordResetRequested;
import com.rapport.community.member.MemberTokens.Purpose;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining the community and looking after one's account: registration, email
 * verification, password reset, and the roles staff hand out.
 */
@Service
public class MemberService {

	static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_]{3,30}");

	static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);

	static final Duration RESET_VALIDITY = Duration.ofHours(1);

	private final Members members;

	private final MemberTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MemberService(Members members, MemberTokens tokens, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock) {
		this.members = members;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a new member who must then confirm their email address.
	 * @param registration what was entered
	 * @return the new member's id
	 * @throws RejectedException naming each field that was not acceptable
	 */
	@Transactional
	public long register(Registration registration) {
		Map<String, String> errors = problemsWith(registration);
		if (!errors.isEmpty()) {
			throw new RejectedException(errors);
		}
		String username = strip(registration.username());
		String email = strip(registration.email());
		Instant now = this.clock.instant();
		long id;
		try {
			id = this.members.insert(username, email, this.passwordEncoder.encode(registration.password()), now, null);
		}
		catch (DuplicateKeyException ex) {
			// another registration took the name between the check and the insert
			throw new RejectedException("username", "username.taken");
		}
		this.members.grant(id, Role.MEMBER, null, now);
		String token = this.tokens.issue(id, Purpose.VERIFY_EMAIL, now, VERIFICATION_VALIDITY);
		this.events.publishEvent(new MemberRegistered(id, username, email, token));
		return id;
	}

	/**
	 * What is wrong with a registration, field by field, without changing anything: lets
	 * a form show every problem at once.
	 * @param registration what was entered
	 * @return field name → message key; empty when it can be registered
	 */
	@Transactional(readOnly = true)
	public Map<String, String> problemsWith(Registration registration) {
		String username = strip(registration.username());
		String email = strip(registration.email());
		Map<String, String> errors = new LinkedHashMap<>();
		if (!USERNAME.matcher(username).matches()) {
			errors.put("username", "username.invalid");
		}
		else if (this.members.usernameTaken(username)) {
			errors.put("username", "username.taken");
		}
		if (!looksLikeEmail(email)) {
			errors.put("email", "email.invalid");
		}
		else if (this.members.emailTaken(email)) {
			errors.put("email", "email.taken");
		}
		PasswordPolicy.check(registration.password(), username, email).ifPresent((key) -> errors.put("password", key));
		return errors;
	}

	/**
	 * Creates a member whose email address is already known to be theirs (demo data,
	 * first staff account, tests). The password policy still applies.
	 * @param registration the account
	 * @param roles roles to grant besides MEMBER
	 * @return the new member's id
	 */
	@Transactional
	public long createVerified(Registration registration, Set<Role> roles) {
		Optional<String> weak = PasswordPolicy.check(registration.password(), registration.username(),
				registration.email());
		if (weak.isPresent()) {
			throw new RejectedException("password", weak.get());
		}
		Instant now = this.clock.instant();
		long id = this.members.insert(registration.username(), registration.email(),
				this.passwordEncoder.encode(registration.password()), now, now);
		this.members.grant(id, Role.MEMBER, null, now);
		roles.forEach((role) -> this.members.grant(id, role, null, now));
		return id;
	}

	/**
	 * Confirms an email address with the mailed token.
	 * @param token the token from the link
	 * @return the confirmed member's username, or empty when the link is unknown, used or
	 * expired
	 */
	@Transactional
	public Optional<String> verifyEmail(String token) {
		Instant now = this.clock.instant();
		return this.tokens.consume(token, Purpose.VERIFY_EMAIL, now).flatMap((id) -> {
			this.members.markVerified(id, now);
			this.events.publishEvent(new EmailVerified(id));
			return this.members.findById(id).map(Member::username);
		});
	}

	/**
	 * Sends a new confirmation link to a member who has not confirmed yet.
	 * @param memberId the member
	 */
	@Transactional
	public void resendVerification(long memberId) {
		this.members.findById(memberId).filter((member) -> !member.emailVerified()).ifPresent((member) -> {
			String token = this.tokens.issue(member.id(), Purpose.VERIFY_EMAIL, this.clock.instant(),
					VERIFICATION_VALIDITY);
			this.events.publishEvent(new MemberRegistered(member.id(), member.username(), member.email(), token));
		});
	}

	/**
	 * Mails a password reset link when the username or email belongs to a member. Says
	 * nothing about whether it does, so the form cannot be used to find accounts.
	 * @param usernameOrEmail what was typed
	 */
	@Transactional
	public void requestPasswordReset(String usernameOrEmail) {
		this.members.findAccount(strip(usernameOrEmail)).ifPresent((account) -> {
			String token = this.tokens.issue(account.id(), Purpose.RESET_PASSWORD, this.clock.instant(),
					RESET_VALIDITY);
			this.events
				.publishEvent(new PasswordResetRequested(account.id(), account.username(), account.email(), token));
		});
	}

	/**
	 * Sets a new password with a mailed reset token. The token works once, and every
	 * remembered login of the member is forgotten.
	 * @param token the token from the link
	 * @param newPassword the new password
	 * @return the member's username
	 * @throws RejectedException when the password is weak or the token unusable
	 */
	@Transactional
	public String resetPassword(String token, String newPassword) {
		Instant now = this.clock.instant();
		Long memberId = this.tokens.consume(token, Purpose.RESET_PASSWORD, now)
			.orElseThrow(() -> new RejectedException("token", "password.reset.invalidLink"));
		Member member = this.members.findById(memberId).orElseThrow();
		Optional<String> weak = PasswordPolicy.check(newPassword, member.username(), member.email());
		if (weak.isPresent()) {
			// the transaction rolls back, so the token stays usable for a better password
			throw new RejectedException("password", weak.get());
		}
		this.members.updatePassword(memberId, this.passwordEncoder.encode(newPassword));
		// following the mailed link proves the address is theirs
		this.members.markVerified(memberId, now);
		this.members.forgetRememberedLogins(member.username());
		return member.username();
	}

	/**
	 * Changes what a member shows about themself.
	 * @param viewer the member
	 * @param displayName full name, may be empty
	 * @param bio a few words, Markdown, may be empty
	 */
	@Transactional
	public void updateProfile(Viewer viewer, String displayName, String bio) {
		if (viewer.isAnonymous()) {
			throw new RejectedException("displayName", "topic.loginRequired");
		}
		String name = strip(displayName);
		String about = strip(bio);
		if (name.codePointCount(0, name.length()) > 60) {
			throw new RejectedException("displayName", "validation.tooLong");
		}
		if (about.codePointCount(0, about.length()) > 2000) {
			throw new RejectedException("bio", "validation.tooLong");
		}
		this.members.updateProfile(viewer.memberId(), name.isEmpty() ? null : name, about.isEmpty() ? null : about);
	}

	public Optional<MemberAccount> findAccount(String usernameOrEmail) {
		return this.members.findAccount(strip(usernameOrEmail));
	}

	public Optional<Member> findByUsername(String username) {
		return this.members.findByUsername(username);
	}

	public Optional<Member> findById(long id) {
		return this.members.findById(id);
	}

	@PreAuthorize("hasRole('STAFF')")
	public List<Member> search(String query, int limit) {
		return this.members.search(strip(query), Math.min(Math.max(limit, 1), 200));
	}

	@PreAuthorize("hasRole('STAFF')")
	public List<Member> withRole(Role role) {
		return this.members.withRole(role);
	}

	/**
	 * Grants a role. Only staff may.
	 * @param memberId who receives it
	 * @param role MODERATOR or STAFF
	 * @param by the staff member granting it
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void grantRole(long memberId, Role role, Viewer by) {
		requireAssignable(role);
		this.members.findById(memberId).orElseThrow(() -> new RejectedException("member", "member.notFound"));
		this.members.grant(memberId, role, by.memberId(), this.clock.instant());
	}

	/**
	 * Revokes a role. Only staff may, and the last staff member keeps theirs so the staff
	 * area is never left without anyone to run it.
	 * @param memberId who loses it
	 * @param role MODERATOR or STAFF
	 */
	@PreAuthorize("hasRole('STAFF')")
	@Transactional
	public void revokeRole(long memberId, Role role) {
		requireAssignable(role);
		Member member = this.members.findById(memberId)
			.orElseThrow(() -> new RejectedException("member", "member.notFound"));
		if (role == Role.STAFF && member.roles().contains(Role.STAFF) && this.members.countWithRole(Role.STAFF) <= 1) {
			throw new RejectedException("role", "role.lastStaff");
		}
		this.members.revoke(memberId, role);
	}

	/**
	 * Creates the first staff account on a fresh install, once: does nothing when a staff
	 * member exists already.
	 * @param registration the account
	 * @return true when it was created
	 */
	@Transactional
	public boolean createFirstStaffIfNone(Registration registration) {
		if (this.members.countWithRole(Role.STAFF) > 0) {
			return false;
		}
		Optional<MemberAccount> existing = this.members.findAccount(registration.username());
		if (existing.isPresent()) {
			this.members.grant(existing.get().id(), Role.STAFF, null, this.clock.instant());
			return true;
		}
		createVerified(registration, Set.of(Role.MODERATOR, Role.STAFF));
		return true;
	}

	/**
	 * A plausible address: one @, a local part of 1 to 64 characters, a domain with a dot
	 * and no empty label, no spaces. Written without a regular expression, which on such
	 * input can backtrack for a long time.
	 */
	static boolean looksLikeEmail(String email) {
		int at = email.indexOf('@');
		if (email.length() > 254 || at < 1 || at > 64 || at != email.lastIndexOf('@')) {
			return false;
		}
		for (int i = 0; i < email.length(); i++) {
			if (Character.isWhitespace(email.charAt(i)) || Character.isISOControl(email.charAt(i))) {
				return false;
			}
		}
		String domain = email.substring(at + 1);
		if (!domain.contains(".")) {
			return false;
		}
		for (String label : domain.split("\\.", -1)) {
			if (label.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static void requireAssignable(Role role) {
		if (role == Role.MEMBER) {
			throw new RejectedException("role", "role.notAssignable");
		}
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

}
