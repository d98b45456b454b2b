package com.rapport.portal.mail;

import java.util.List;

import com.rapport.community.category.Access;
import com.rapport.community.category.Category;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Conversations;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications reach members by mail when they are away, once, batched, with a signed
 * one-click unsubscribe link that cannot be altered.
 */
class NotificationMailIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TopicService topics;

	@Autowired
	NotificationMails notificationMails;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	Category category;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.category = testData().category("Mail", Access.ANYONE, Access.MEMBER);
	}

	@Test
	void aMentionIsMailedOnceWithLinksAndOneClickUnsubscribeHeaders() throws Exception {
		Viewer author = testData().member("mentioner");
		Viewer reader = testData().member("mentioned");
		TopicRef topic = this.topics.startTopic(author,
				new NewTopic(this.category.id(), "Tent poles that snap", "Mine broke twice."));
		this.topics.reply(author, topic.id(), "What do you think, @" + reader.username() + "?", null);
		this.notificationMails.sendDue();
		assertThat(outboxCount(reader)).as("not mailed before the delay: they may still see it on the site").isZero();

		ageNotifications(reader);
		this.notificationMails.sendDue();
		MimeMessage mail = awaitMailTo(email(reader));
		assertThat(mail.getSubject()).contains(author.username()).contains("Tent poles that snap");
		String tracked = linkIn(mail, "/notifications/");
		assertThat(tracked).startsWith("http").contains("/email/click?");
		// the tracked link counts the click (see engage.MailClicks) and leads to the
		// notification
		this.mvc.perform(get(java.net.URI.create(tracked)))
			.andExpect(status().isSeeOther())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrlPattern("/notifications/*"));
		String unsubscribe = linkIn(mail, "/email/unsubscribe");
		assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		this.notificationMails.sendDue();
		assertThat(outboxCount(reader)).as("a notification is mailed once").isEqualTo(1);
	}

	@Test
	void aBusyWatchedTopicSendsOneMailAndNothingIsMailedOnceReadOrWhileActive() throws Exception {
		Viewer starter = testData().member("starter");
		Viewer busy = testData().member("busy");
		Viewer reader = testData().member("reader");
		Viewer active = testData().member("active");
		TopicRef topic = this.topics.startTopic(starter,
				new NewTopic(this.category.id(), "Best stove for winter", "Gas or alcohol?"));
		// replying watches the topic
		this.topics.reply(reader, topic.id(), "Following this.", null);
		this.topics.reply(active, topic.id(), "Me too.", null);
		for (int i = 0; i < 5; i++) {
			this.topics.reply(busy, topic.id(), "Another thought number " + i, null);
		}
		// the reader opens their notification on the site; the active member is on the
		// site right now
		long readersNotification = this.jdbc
			.sql("SELECT id FROM notification WHERE member_id = ? AND topic_id = ? ORDER BY id DESC LIMIT 1")
			.params(reader.memberId(), topic.id())
			.query(Long.class)
			.single();
		this.mvc.perform(get("/notifications/{id}", readersNotification).with(user(reader.username()).roles("MEMBER")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/notifications").with(user(active.username()).roles("MEMBER")))
			.andExpect(status().isOk());
		ageNotifications(starter);
		ageNotifications(reader);
		ageNotifications(active);
		this.jdbc.sql("UPDATE member SET last_seen_at = NULL WHERE id = ?").param(reader.memberId()).update();

		this.notificationMails.sendDue();
		MimeMessage mail = awaitMailTo(email(starter));
		assertThat(textOf(mail)).contains("Best stove for winter");
		assertThat(outboxCount(starter)).as("seven replies, one mail").isEqualTo(1);
		assertThat(outboxCount(reader)).as("already read on the site").isZero();
		assertThat(outboxCount(active)).as("active on the site a moment ago").isZero();
	}

	@Test
	void aPrivateMessageReadInTheConversationIsNotMailed() throws Exception {
		Viewer sender = testData().member("pmsender");
		Viewer reader = testData().member("pmreader");
		long read = this.conversations.start(sender, reader.username(), "Meet at the trailhead?", "At nine?");
		this.mvc.perform(get("/messages/{id}", read).with(user(reader.username()).roles("MEMBER")))
			.andExpect(status().isOk());
		this.jdbc.sql("UPDATE member SET last_seen_at = NULL WHERE id = ?").param(reader.memberId()).update();
		ageNotifications(reader);
		this.notificationMails.sendDue();
		assertThat(outboxCount(reader)).as("read in the conversation").isZero();

		this.conversations.start(sender, reader.username(), "Bring a map", "Please.");
		ageNotifications(reader);
		this.notificationMails.sendDue();
		assertThat(awaitMailTo(email(reader)).getSubject()).contains("Bring a map");
		assertThat(outboxCount(reader)).isEqualTo(1);
	}

	@Test
	void theUnsubscribeLinkWorksWithoutLoginAndATamperedOneChangesNothing() throws Exception {
		Viewer author = testData().member("writer");
		Viewer reader = testData().member("unsub");
		mention(author, reader, "Headlamps");
		MimeMessage mail = awaitMailTo(email(reader));
		String link = linkIn(mail, "/email/unsubscribe");
		String token = link.substring(link.indexOf("t=") + 2);

		this.mvc.perform(get("/email/unsubscribe").param("t", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mentions, private messages and accepted answers")));

		// someone else's id with this signature, or an altered signature
		String otherMember = author.memberId() + token.substring(token.indexOf('.'));
		String badSignature = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		for (String tampered : List.of(otherMember, badSignature, "garbage")) {
			this.mvc.perform(get("/email/unsubscribe").param("t", tampered))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("This unsubscribe link is not valid")));
			this.mvc.perform(post("/email/unsubscribe").param("t", tampered))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Nothing was changed")));
		}
		assertThat(wants(author, "email_personal")).isTrue();
		assertThat(wants(reader, "email_personal")).isTrue();

		// RFC 8058: the mail program POSTs the link, no session, no CSRF token
		this.mvc
			.perform(post("/email/unsubscribe").queryParam("t", token)
				.contentType("application/x-www-form-urlencoded")
				.content("List-Unsubscribe=One-Click"))
			.andExpect(redirectedUrl("/email/unsubscribed?scope=PERSONAL"));
		assertThat(wants(reader, "email_personal")).isFalse();
		assertThat(wants(reader, "email_replies")).as("only that kind of mail").isTrue();

		mention(author, reader, "Sleeping bags");
		assertThat(outboxCount(reader)).as("no more mention mails").isEqualTo(1);
	}

	@Test
	void membersChooseWhatAndHowOftenOnTheirSettingsPage() throws Exception {
		Viewer author = testData().member("poster");
		Viewer reader = testData().member("digest");
		this.mvc.perform(get("/account/email").with(user(reader.username()).roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("One summary a day")));
		this.mvc
			.perform(post("/account/email").with(user(reader.username()).roles("MEMBER"))
				.param("personal", "true")
				.param("watched", "true")
				.param("frequency", "DAILY")
				.with(FormToken.from(this.mvc)))
			.andExpect(redirectedUrl("/account/email"));
		assertThat(wants(reader, "email_replies")).isFalse();
		this.mvc
			.perform(post("/account/email").with(user(reader.username()).roles("MEMBER"))
				.param("frequency", "HOURLY")
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT email_frequency FROM member WHERE id = ?")
			.param(reader.memberId())
			.query(String.class)
			.single()).as("a bad choice changes nothing").isEqualTo("DAILY");

		TopicRef topic = this.topics.startTopic(reader,
				new NewTopic(this.category.id(), "Daily summary topic", "Anyone?"));
		this.topics.reply(author, topic.id(), "A reply, which they do not want mailed", null);
		this.topics.reply(author, topic.id(), "And @" + reader.username() + " a mention, which they do", null);
		ageNotifications(reader);
		this.jdbc.sql("UPDATE member SET last_seen_at = NULL WHERE id = ?").param(reader.memberId()).update();
		this.notificationMails.sendDue();
		MimeMessage digest = awaitMailTo(email(reader));
		assertThat(digest.getSubject()).contains("daily summary");
		assertThat(textOf(digest)).contains("mentioned you").doesNotContain("replied to you");
		assertThat(outboxCount(reader)).isEqualTo(1);
		this.topics.reply(author, topic.id(), "Another @" + reader.username(), null);
		ageNotifications(reader);
		this.notificationMails.sendDue();
		assertThat(outboxCount(reader)).as("one summary a day").isEqualTo(1);
	}

	private void mention(Viewer author, Viewer reader, String title) {
		TopicRef topic = this.topics.startTopic(author, new NewTopic(this.category.id(), title, "Question."));
		this.topics.reply(author, topic.id(), "@" + reader.username() + " what do you use?", null);
		ageNotifications(reader);
		this.notificationMails.sendDue();
	}

	private void ageNotifications(Viewer member) {
		this.jdbc
			.sql("UPDATE notification SET created_at = created_at - INTERVAL 1 HOUR "
					+ "WHERE member_id = ? AND emailed_at IS NULL")
			.param(member.memberId())
			.update();
	}

	private boolean wants(Viewer member, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM member WHERE id = ?")
			.param(member.memberId())
			.query(Boolean.class)
			.single();
	}

	private int outboxCount(Viewer member) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
			.param(email(member))
			.query(Integer.class)
			.single();
	}

	private static String email(Viewer member) {
		return member.username() + "@example.com";
	}

}
