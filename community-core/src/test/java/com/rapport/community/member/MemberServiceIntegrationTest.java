package com.rapport.community.member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.member.MemberEvents.MemberRegistered;
import com.rapport.community.member.MemberEvents.PasswordResetRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Import(MemberServiceIntegrationTest.Events.class)
class MemberServiceIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	MemberService members;

	@Autowired
	Events events;

	@Autowired
	MutableClock clock;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clearEvents() {
		this.events.received.clear();
	}

	@Test
	void registrationCreatesAnUnverifiedMemberAndAsksToConfirmTheAddress() {
		String name = unique("anna");
		long id = this.members.register(new Registration(name, name + "@example.com", "a long secret phrase"));

		Member member = this.members.findById(id).orElseThrow();
		assertThat(member.emailVerified()).isFalse();
		assertThat(member.roles()).containsExactly(Role.MEMBER);
		assertThat(this.events.received).singleElement()
			.isInstanceOfSatisfying(MemberRegistered.class,
					(e) -> assertThat(e.email()).isEqualTo(name + "@example.com"));

		String token = ((MemberRegistered) this.events.received.get(0)).verificationToken();
		assertThat(this.members.verifyEmail(token)).contains(name);
		assertThat(this.members.findById(id).orElseThrow().emailVerified()).isTrue();
		assertThat(this.members.verifyEmail(token)).as("a link works once").isEmpty();
	}

	@Test
	void usernamesAndEmailsAreUniqueRegardlessOfCase() {
		String name = unique("bob");
		this.members.register(new Registration(name, name + "@example.com", "a long secret phrase"));

		assertThatThrownBy(() -> this.members
			.register(new Registration(name.toUpperCase(), "other-" + name + "@example.com", "a long secret phrase")))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsEntry("username", "username.taken"));
		assertThatThrownBy(() -> this.members
			.register(new Registration(name + "x", name.toUpperCase() + "@EXAMPLE.com", "a long secret phrase")))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsEntry("email", "email.taken"));
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
		int before = countMembers();
		assertThatThrownBy(() -> this.members.register(new Registration("x!", "not-an-email", "short")))
			.isInstanceOfSatisfying(RejectedException.class,
					(e) -> assertThat(e.fieldErrors()).containsEntry("username", "username.invalid")
						.containsEntry("email", "email.invalid")
						.containsEntry("password", "password.tooShort"));
		assertThat(countMembers()).isEqualTo(before);
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void chineseAndRussianUsernamesAreWelcome() {
		String suffix = unique("").substring(1, 6);
		long zh = this.members
			.register(new Registration("李伟" + suffix, "liwei" + suffix + "@example.com", "a long secret phrase"));
		long ru = this.members
			.register(new Registration("Ольга" + suffix, "olga" + suffix + "@example.com", "a long secret phrase"));
		assertThat(this.members.findById(zh).orElseThrow().username()).isEqualTo("李伟" + suffix);
		assertThat(this.members.findById(ru).orElseThrow().username()).isEqualTo("Ольга" + suffix);
	}

	@Test
	void passwordResetLinkWorksOnceAndForgetsRememberedLogins() {
		String name = unique("carl");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "first long phrase"),
				Set.of());
		this.jdbc.sql("INSERT INTO persistent_logins (username, series, token) VALUES (?, ?, 'x')")
			.params(name, unique("s"))
			.update();

		this.members.requestPasswordReset(name.toUpperCase() + "@example.com");
		String token = ((PasswordResetRequested) this.events.received.get(0)).resetToken();

		assertThatThrownBy(() -> this.members.resetPassword(token, "short")).isInstanceOfSatisfying(
				RejectedException.class,
				(e) -> assertThat(e.fieldErrors()).containsEntry("password", "password.tooShort"));
		assertThat(this.members.resetPassword(token, "second long phrase")).isEqualTo(name);

		String hash = this.members.findAccount(name).orElseThrow().passwordHash();
		assertThat(this.encoder.matches("second long phrase", hash)).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM persistent_logins WHERE username = ?")
			.param(name)
			.query(Integer.class)
			.single()).isZero();
		assertThatThrownBy(() -> this.members.resetPassword(token, "third long phrase")).isInstanceOfSatisfying(
				RejectedException.class,
				(e) -> assertThat(e.fieldErrors()).containsEntry("token", "password.reset.invalidLink"));
		assertThat(id).isPositive();
	}

	@Test
	void passwordResetLinkExpiresAfterAnHour() {
		String name = unique("dora");
		this.members.createVerified(new Registration(name, name + "@example.com", "first long phrase"), Set.of());
		this.members.requestPasswordReset(name);
		String token = ((PasswordResetRequested) this.events.received.get(0)).resetToken();

		this.clock.advance(Duration.ofMinutes(61));

		assertThatThrownBy(() -> this.members.resetPassword(token, "second long phrase"))
			.isInstanceOf(RejectedException.class);
	}

	@Test
	void resetRequestForAnUnknownAccountSaysNothing() {
		this.members.requestPasswordReset("nobody-" + unique("x") + "@example.com");
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void theLastStaffMemberKeepsTheRole() {
		List<Member> staff = this.members.withRole(Role.STAFF);
		String name = unique("eve");
		long id = this.members.createVerified(new Registration(name, name + "@example.com", "first long phrase"),
				Set.of(Role.STAFF));
		Viewer by = new Viewer(id, name, Set.of(Role.STAFF), true);
		staff.forEach((m) -> this.members.revokeRole(m.id(), Role.STAFF));

		assertThatThrownBy(() -> this.members.revokeRole(id, Role.STAFF)).isInstanceOfSatisfying(
				RejectedException.class, (e) -> assertThat(e.fieldErrors()).containsEntry("role", "role.lastStaff"));

		String other = unique("fred");
		long otherId = this.members.createVerified(new Registration(other, other + "@example.com", "first long phrase"),
				Set.of());
		this.members.grantRole(otherId, Role.STAFF, by);
		this.members.revokeRole(id, Role.STAFF);
		assertThat(this.members.findById(id).orElseThrow().roles()).doesNotContain(Role.STAFF);
		assertThat(this.members.findById(otherId).orElseThrow().has(Role.MODERATOR)).isTrue();
	}

	private int countMembers() {
		return this.jdbc.sql("SELECT COUNT(*) FROM member").query(Integer.class).single();
	}

	@TestConfiguration
	static class Events {

		final List<Object> received = new ArrayList<>();

		@EventListener
		void on(MemberRegistered event) {
			this.received.add(event);
		}

		@EventListener
		void on(PasswordResetRequested event) {
			this.received.add(event);
		}

	}

}
