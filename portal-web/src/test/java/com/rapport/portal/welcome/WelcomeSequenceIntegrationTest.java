package com.rapport.portal.welcome;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.MemberEvents.EmailVerified;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationLevel;
import com.rapport.community.notification.Watching;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.account.MemberSettings;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The welcome sequence: each due step is a message in the portal, sent once even with two
 * app nodes and on every later run, mailed in the member's language only when staff and
 * the member want welcome mail; the day-3 message lists the popular topics of the
 * categories the member follows; stopping it stops both.
 */
class WelcomeSequenceIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	WelcomeSequence sequence;

	@Autowired
	MemberSettings settings;

	@Autowired
	TopicService topics;

	@Autowired
	Watching watching;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void aNewMemberGetsEachStepOnceInThePortalAndByMailInTheirLanguage() throws Exception {
		String name = unique("welcome");
		String email = name + "@example.com";
		long id = register(name, email);
		assertThat(steps(id)).as("nothing before the address is confirmed").isZero();
		MimeMessage verification = awaitMailTo(email);
		this.mvc.perform(get(linkIn(verification, "/verify").replaceFirst("^https?://[^/]+", "")));
		assertThat(steps(id)).isEqualTo(3);

		// two app nodes run the job at the same moment
		sendDueOnTwoNodes();
		assertThat(welcomeMessages(id)).as("day 1 in the portal, once").containsExactly("/welcome/1");
		MimeMessage welcome = awaitMailTo(email, 2);
		assertThat(welcome.getSubject()).startsWith("Добро пожаловать");
		assertThat(welcome.getHeader("List-Unsubscribe")).hasSize(1);
		assertThat(outboxCount(email)).as("day 1 mailed once").isEqualTo(2);

		moveDue(id, 3);
		sendDueOnTwoNodes();
		assertThat(welcomeMessages(id)).containsExactly("/welcome/1", "/welcome/3");
		MimeMessage popular = awaitMailTo(email, 3);
		assertThat(popular.getSubject()).startsWith("Популярные темы");
		assertThat(outboxCount(email)).as("day 3 mailed once").isEqualTo(3);

		// the mail's one-click link stops the mails; the portal messages go on
		String unsubscribe = linkIn(popular, "/email/unsubscribe");
		this.mvc
			.perform(post("/email/unsubscribe").queryParam("t", unsubscribe.substring(unsubscribe.indexOf("t=") + 2)))
			.andExpect(redirectedUrl("/email/unsubscribed?scope=WELCOME"));
		moveDue(id, 3);
		this.sequence.sendDue();
		assertThat(welcomeMessages(id)).containsExactly("/welcome/1", "/welcome/3", "/welcome/7");
		assertThat(outboxCount(email)).as("day 7 not mailed after unsubscribing").isEqualTo(3);

		String page = this.mvc
			.perform(get("/welcome/7").with(user(name).roles("MEMBER")).cookie(new Cookie("rapport-lang", "ru")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Задайте вопрос или ответьте на чужой");
	}

	@Test
	void aMemberWhoJoinedDaysAgoGetsEachDueStepOnceAndIsNotMailedLate() {
		Viewer member = testData().member("joined");
		this.sequence.on(new EmailVerified(member.memberId()));
		// joined 3 days and an hour ago: day 1 and day 3 are due, day 7 is not
		this.jdbc.sql("UPDATE welcome_step SET due_at = due_at - INTERVAL 73 HOUR WHERE member_id = ?")
			.param(member.memberId())
			.update();

		this.sequence.sendDue();
		this.sequence.sendDue();

		assertThat(welcomeMessages(member.memberId())).containsExactly("/welcome/1", "/welcome/3");
		assertThat(unreadNotifications(member)).isEqualTo(2);
		assertThat(outboxCount(member.username() + "@example.com"))
			.as("day 3 is mailed; day 1, three days late, only waits in the portal")
			.isEqualTo(1);
	}

	@Test
	void aMemberWhoStopsTheSequenceGetsNothingMore() throws Exception {
		Viewer member = testData().member("stopper");
		this.sequence.on(new EmailVerified(member.memberId()));
		this.mvc.perform(get("/welcome/1").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("/welcome/stop")));

		this.mvc.perform(post("/welcome/stop").with(as(member)).with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/notifications"))
			.andExpect(flash().attribute("message", "welcome.stopped"));
		moveDue(member.memberId(), 8);
		this.sequence.sendDue();

		assertThat(welcomeMessages(member.memberId())).isEmpty();
		assertThat(outboxCount(member.username() + "@example.com")).isZero();
		this.mvc.perform(get("/welcome/1").with(as(member)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/welcome/stop"))));
		this.mvc.perform(post("/welcome/stop").with(FormToken.from(this.mvc))).andExpect(redirectedUrl("/login"));
	}

	@Test
	void mailGoesOnlyWhereStaffAndTheMemberAllowIt() throws Exception {
		Viewer noMail = testData().member("nomail");
		this.jdbc.sql("UPDATE member SET email_welcome = FALSE WHERE id = ?").param(noMail.memberId()).update();
		this.sequence.on(new EmailVerified(noMail.memberId()));
		this.sequence.sendDue();
		assertThat(welcomeMessages(noMail.memberId())).containsExactly("/welcome/1");
		assertThat(outboxCount(noMail.username() + "@example.com")).as("the member keeps welcome mail off").isZero();

		String staff = testData().member("staffwelcome", Role.STAFF).username();
		this.mvc.perform(get("/staff/member-settings").with(user(staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Also mail them")));
		try {
			saveSettings(staff, true, false);
			assertThat(this.settings.current().welcomeByMail()).isFalse();
			Viewer portalOnly = testData().member("portalonly");
			this.sequence.on(new EmailVerified(portalOnly.memberId()));
			this.sequence.sendDue();
			assertThat(welcomeMessages(portalOnly.memberId())).containsExactly("/welcome/1");
			assertThat(outboxCount(portalOnly.username() + "@example.com")).as("staff turned the mails off").isZero();

			saveSettings(staff, false, false);
			Viewer none = testData().member("nowelcome");
			this.sequence.on(new EmailVerified(none.memberId()));
			assertThat(steps(none.memberId())).isZero();
			assertThat(this.sequence.sendDue()).isZero();
		}
		finally {
			saveSettings(staff, true, true);
		}
		this.mvc
			.perform(post("/staff/member-settings").with(as(noMail))
				.param("welcomeSequence", "false")
				.param("deletedPosts", "KEEP")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		assertThat(this.settings.current().welcomeSequence()).isTrue();
	}

	@Test
	void dayThreeListsThePopularTopicsOfTheCategoriesTheMemberFollows() throws Exception {
		Category followed = testData().category("Followed gear", Access.ANYONE, Access.MEMBER);
		Category other = testData().category("Busy elsewhere", Access.ANYONE, Access.MEMBER);
		Category staffOnly = testData().category("Staff room", Access.STAFF, Access.STAFF);
		Viewer author = testData().member("author");
		String quiet = unique("Quiet stove question");
		String busy = unique("Busy boots debate");
		String secret = unique("Secret plans");
		this.topics.startTopic(author, new NewTopic(followed.id(), quiet, "Which stove works at altitude?"));
		TopicRef busyTopic = this.topics.startTopic(author,
				new NewTopic(other.id(), busy, "Which boots last the longest?"));
		TopicRef secretTopic = TestData.asStaff(() -> this.topics.startTopic(testData().member("staff", Role.STAFF),
				new NewTopic(staffOnly.id(), secret, "Not for members at all")));
		this.jdbc.sql("UPDATE topic SET like_count = 100000 WHERE id IN (?, ?)")
			.params(busyTopic.id(), secretTopic.id())
			.update();

		Viewer member = testData().member("reader");
		String overall = dayThree(member);
		assertThat(overall).contains(busy).doesNotContain(secret);
		assertThat(overall).contains("in the community this month");

		this.watching.setCategoryLevel(member, followed.id(), NotificationLevel.WATCHING);
		String mine = dayThree(member);
		assertThat(mine).contains(quiet).doesNotContain(busy).doesNotContain(secret);
		assertThat(mine).contains("in the categories you follow");
	}

	private String dayThree(Viewer member) throws Exception {
		return this.mvc.perform(get("/welcome/3").with(as(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private void saveSettings(String staff, boolean sequence, boolean byMail) throws Exception {
		var request = post("/staff/member-settings").with(user(staff).roles("STAFF"))
			.param("deletedPosts", "KEEP")
			.with(FormToken.from(this.mvc));
		if (sequence) {
			request.param("welcomeSequence", "true");
		}
		if (byMail) {
			request.param("welcomeByMail", "true");
		}
		this.mvc.perform(request).andExpect(redirectedUrl("/staff/member-settings"));
	}

	private long register(String name, String email) throws Exception {
		this.mvc
			.perform(post("/register").cookie(new Cookie("rapport-lang", "ru"))
				.param("username", name)
				.param("email", email)
				.param("password", TestData.PASSWORD)
				.with(FormToken.from(this.mvc)))
			.andExpect(status().is3xxRedirection());
		return this.jdbc.sql("SELECT id FROM member WHERE username = ?").param(name).query(Long.class).single();
	}

	private void sendDueOnTwoNodes() throws Exception {
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = new ArrayList<>();
			runs.add(this.sequence::sendDue);
			runs.add(this.sequence::sendDue);
			for (Future<Integer> run : nodes.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			nodes.shutdown();
		}
	}

	private void moveDue(long id, int days) {
		this.jdbc
			.sql("UPDATE welcome_step SET due_at = due_at - INTERVAL ? DAY WHERE member_id = ? AND sent_at IS NULL")
			.params(days, id)
			.update();
	}

	private List<String> welcomeMessages(long id) {
		return this.jdbc.sql("SELECT url FROM notification WHERE member_id = ? AND kind = 'WELCOME' ORDER BY id")
			.param(id)
			.query(String.class)
			.list();
	}

	private int unreadNotifications(Viewer member) {
		return this.jdbc.sql("SELECT unread_notifications FROM member WHERE id = ?")
			.param(member.memberId())
			.query(Integer.class)
			.single();
	}

	private int steps(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM welcome_step WHERE member_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private int outboxCount(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor as(Viewer viewer) {
		String[] roles = viewer.roles().stream().map(Enum::name).toArray(String[]::new);
		return user(viewer.username()).roles(roles);
	}

}
