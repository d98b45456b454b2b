package com.rapport.community.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.PostEditor;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommunityHealthIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	CommunityRollups rollups;

	@Autowired
	CommunityHealth health;

	@Autowired
	TopicService topics;

	@Autowired
	PostEditor editor;

	@Autowired
	Flags flags;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void postsMembersAndFlagsAreCountedOnceAndStayCountedWhenDeleted() {
		Viewer staff = verifiedMember(Role.STAFF);
		this.rollups.advance();
		HealthOverview before = this.health.overview(staff, 30);

		long category = newCategory(Access.ANYONE);
		Viewer asker = verifiedMember();
		Viewer helper = verifiedMember();
		Viewer moderator = verifiedMember(Role.MODERATOR);
		long topic = this.topics
			.startTopic(asker,
					new NewTopic(category, "Stove will not light", "My stove will not light. Terrible, I am angry."))
			.id();
		this.clock.advance(Duration.ofHours(2));
		this.topics.reply(helper, topic, "Clean the jet, it works great after that.", null);
		this.clock.advance(Duration.ofHours(3));
		this.topics.reply(moderator, topic, "Here is the guide for cleaning the jet.", null);
		this.topics.reply(asker, topic, "Thanks, that fixed it!", null);
		long helperPost = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 2")
			.param(topic)
			.query(Long.class)
			.single();
		this.flags.flag(verifiedMember(), helperPost, FlagReason.OFF_TOPIC, null);

		assertThat(this.rollups.advance()).as("four members, four posts, one flag").isEqualTo(9);
		assertThat(this.rollups.advance()).as("nothing is counted twice").isZero();
		HealthOverview after = this.health.overview(staff, 30);
		assertThat(after.total("topics") - before.total("topics")).isEqualTo(1);
		assertThat(after.total("replies") - before.total("replies")).isEqualTo(3);
		assertThat(after.total("flags") - before.total("flags")).isEqualTo(1);
		assertThat(after.total("newMembers") - before.total("newMembers")).isEqualTo(4);
		assertThat(after.days()).hasSize(30);
		assertThat(after.activeMonth()).isGreaterThanOrEqualTo(3);

		// the asker's own thanks is not a reply to them; the moderator's is the first
		// staff reply
		Timestamp[] times = this.jdbc
			.sql("SELECT created_at, first_reply_at, first_staff_reply_at FROM topic_response_time WHERE topic_id = ?")
			.param(topic)
			.query((rs, n) -> new Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2), rs.getTimestamp(3) })
			.single();
		assertThat(Duration.between(times[0].toInstant(), times[1].toInstant())).isEqualTo(Duration.ofHours(2));
		assertThat(Duration.between(times[0].toInstant(), times[2].toInstant())).isEqualTo(Duration.ofHours(5));

		List<CategorySentiment> sentiment = this.health.sentimentByCategory(staff, 8);
		CategorySentiment ours = sentiment.stream().filter((c) -> c.categoryId() == category).findFirst().orElseThrow();
		assertThat(ours.weeks()).hasSize(8);
		CategorySentiment.Week week = ours.weeks().stream().filter((w) -> w.posts() > 0).findFirst().orElseThrow();
		assertThat(week.posts()).isEqualTo(4);
		assertThat(week.negative()).isEqualTo(1);

		this.editor.delete(helper, helperPost);
		this.rollups.advance();
		assertThat(this.health.overview(staff, 30).total("replies")).as("a past figure does not change")
			.isEqualTo(after.total("replies"));

		assertThat(this.rollups.rebuild()).as("a rebuild counts every row again").isGreaterThanOrEqualTo(9);
		assertThat(this.health.overview(staff, 30).total("topics")).isEqualTo(after.total("topics"));
	}

	@Test
	void aTopicWithoutAReplyForTwoDaysIsUnansweredUntilSomeoneAnswers() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer asker = verifiedMember();
		long topic = this.topics
			.startTopic(asker,
					new NewTopic(newCategory(Access.ANYONE), "Warranty for a torn tent?", "Is a torn seam covered?"))
			.id();
		this.clock.advance(Duration.ofHours(49));
		this.rollups.advance();
		HealthOverview waiting = this.health.overview(staff, 30);

		this.topics.reply(verifiedMember(Role.STAFF), topic, "Yes, send us a photo.", null);
		this.rollups.advance();
		HealthOverview answered = this.health.overview(staff, 30);
		assertThat(waiting.unanswered() - answered.unanswered()).isEqualTo(1);
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(CommunityHealth.median(List.of(Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(2))))
			.isEqualTo(Duration.ofHours(2));
		assertThat(CommunityHealth.median(List.of(Duration.ofHours(4), Duration.ofHours(1))))
			.isEqualTo(Duration.ofMinutes(150));
		assertThat(CommunityHealth.median(List.of())).isNull();
	}

	@Test
	void onlyStaffReadTheOverview() {
		assertThatThrownBy(() -> this.health.overview(verifiedMember(Role.MODERATOR), 30))
			.isInstanceOf(AccessDeniedException.class);
	}

}
