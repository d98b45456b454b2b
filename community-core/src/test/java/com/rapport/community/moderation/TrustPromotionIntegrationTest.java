package com.rapport.community.moderation;

import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.member.Visits;
import com.rapport.community.notification.Watching;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust levels 2 and 3 come from activity, against the default thresholds; counters the
 * test cannot reach in a few seconds (days visited) are set directly.
 */
class TrustPromotionIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	TrustLevels trustLevels;

	@Autowired
	Visits visits;

	@Autowired
	TopicService topics;

	@Autowired
	Reactions reactions;

	@Autowired
	Watching watching;

	@Autowired
	MemberService members;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aDayVisitedCountsOnceHoweverManyPagesAndIsWrittenOnlyWhenFlushed() {
		Viewer member = verifiedMember();
		this.visits.seen(member.memberId());
		this.visits.seen(member.memberId());
		assertThat(daysVisited(member)).as("nothing written during the page view").isZero();
		this.visits.flush();
		this.visits.seen(member.memberId());
		this.visits.flush();
		assertThat(daysVisited(member)).isEqualTo(1);
		this.clock.advance(java.time.Duration.ofDays(1));
		this.visits.seen(member.memberId());
		this.visits.flush();
		assertThat(daysVisited(member)).isEqualTo(2);
	}

	@Test
	void activityRaisesLevelOneToTwoWithAnAuditEntryAndLevelThreeNeedsMore() {
		Viewer member = verifiedMember();
		Viewer fan = verifiedMember();
		this.jdbc.sql("UPDATE member SET trust_level = 1 WHERE id = ?").param(member.memberId()).update();
		long category = newCategory(Access.ANYONE);
		TopicRef topic = this.topics.startTopic(fan, new NewTopic(category, "Which stove for winter", "Ideas?"));
		for (int i = 0; i < 3; i++) {
			this.topics.reply(member, topic.id(), "Reply number " + i + " about stoves", null);
		}
		long reply = this.jdbc.sql("SELECT id FROM post WHERE topic_id = ? AND post_number = 2")
			.param(topic.id())
			.query(Long.class)
			.single();
		this.reactions.toggle(fan, reply, Reaction.LIKE);
		this.jdbc.sql("UPDATE member SET days_visited = 14 WHERE id = ?").param(member.memberId()).update();
		this.watching.markRead(member, topic.id(), 100);

		this.trustLevels.promoteByActivity();
		assertThat(trustLevel(member)).as("one day short of 15").isEqualTo(1);

		this.jdbc.sql("UPDATE member SET days_visited = 15 WHERE id = ?").param(member.memberId()).update();
		this.trustLevels.promoteByActivity();
		assertThat(trustLevel(member)).isEqualTo(2);
		List<AuditEntry> entries = new java.util.ArrayList<>();
		this.audit.forEach(new AuditQuery(null, "member.trust_level", "MEMBER", member.memberId(), null, null),
				entries::add);
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.actorId()).as("a system action").isNull();
			assertThat(entry.after()).isEqualTo("2");
		});
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = 'TRUST_LEVEL_RAISED'")
					.param(member.memberId())
					.query(Integer.class)
					.single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM member_badge WHERE member_id = ? AND badge = 'TRUST_LEVEL_2'")
			.param(member.memberId())
			.query(Integer.class)
			.single()).isEqualTo(1);

		this.trustLevels.promoteByActivity();
		assertThat(trustLevel(member)).as("level 3 needs 50 days, 500 posts read, 10 replies, 20 likes").isEqualTo(2);
	}

	@Test
	void aLevelSetByAModeratorIsLockedAgainstActivityUntilUnlocked() {
		Viewer moderator = verifiedMember(Role.MODERATOR);
		Viewer member = verifiedMember();
		this.trustLevels.set(moderator, member.memberId(), 1);
		assertThat(this.trustLevels.isLocked(member.memberId())).isTrue();
		TopicRef topic = this.topics.startTopic(moderator,
				new NewTopic(newCategory(Access.ANYONE), "Locked levels explained", "Ask away"));
		for (int i = 0; i < 3; i++) {
			this.topics.reply(member, topic.id(), "Question number " + i, null);
		}
		this.watching.markRead(member, topic.id(), 100);
		this.jdbc.sql("UPDATE member SET days_visited = 20, likes_received = 5 WHERE id = ?")
			.param(member.memberId())
			.update();
		this.trustLevels.promoteByActivity();
		assertThat(trustLevel(member)).as("locked").isEqualTo(1);

		this.trustLevels.unlock(moderator, member.memberId());
		this.trustLevels.promoteByActivity();
		assertThat(trustLevel(member)).isEqualTo(2);
	}

	private int trustLevel(Viewer viewer) {
		return this.members.findById(viewer.memberId()).orElseThrow().trustLevel();
	}

	private int daysVisited(Viewer viewer) {
		return this.jdbc.sql("SELECT days_visited FROM member WHERE id = ?")
			.param(viewer.memberId())
			.query(Integer.class)
			.single();
	}

}
