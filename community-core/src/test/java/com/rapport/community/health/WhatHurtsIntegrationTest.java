package com.rapport.community.health;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import com.rapport.survey.sentiment.RisingTerms;
import com.rapport.survey.sentiment.RisingTerms.RisingTerm;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worked example of "what hurts": a topic with three negative posts this week comes
 * before one with two, and "refund" (3 this week, never before) rises more than "slow" (2
 * this week, 4 in the four weeks before: 1 a week); a term of a single post is left out.
 */
class WhatHurtsIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	WhatHurts whatHurts;

	@Autowired
	TopicService topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void theAngriestTopicsAndTheTermsRisingInNegativePostsThisWeek() {
		long category = newCategory(Access.ANYONE);
		Viewer member = verifiedMember();
		long zip = this.topics.startTopic(member, new NewTopic(category, "Zipper broke", "It broke.")).id();
		long stove = this.topics.startTopic(member, new NewTopic(category, "Stove is slow", "Slow.")).id();
		for (int i = 0; i < 2; i++) {
			this.topics.reply(member, zip, "Reply " + i, null);
		}
		for (int i = 0; i < 5; i++) {
			this.topics.reply(member, stove, "Reply " + i, null);
		}
		Instant now = this.clock.instant().plus(Duration.ofDays(3000));
		negative(zip, 1, now.minus(Duration.ofDays(1)), -0.6, "refund, Slow");
		negative(zip, 2, now.minus(Duration.ofDays(2)), -0.8, "refund");
		negative(zip, 3, now.minus(Duration.ofDays(3)), -0.3, "broken zipper");
		negative(stove, 1, now.minus(Duration.ofHours(5)), -0.9, "refund");
		negative(stove, 2, now.minus(Duration.ofDays(6)), -0.2, "slow");
		for (int n = 3; n <= 6; n++) {
			negative(stove, n, now.minus(Duration.ofDays(5L * n)), -0.5, "slow");
		}

		WhatHurts.Report report = this.whatHurts.compute(now);

		assertThat(report.topics()).extracting(WhatHurts.AngryTopic::topicId, WhatHurts.AngryTopic::negatives)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(zip, 3),
					org.assertj.core.groups.Tuple.tuple(stove, 2));
		assertThat(report.topics().get(0).worst()).isEqualTo(-0.8);
		assertThat(report.terms()).extracting(RisingTerm::term, RisingTerm::thisWeek, RisingTerm::usualText)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("refund", 3, "0.0"),
					org.assertj.core.groups.Tuple.tuple("slow", 2, "1.0"));
		assertThatThrownBy(() -> this.whatHurts.report(verifiedMember(Role.MODERATOR)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(RisingTerms.terms(" Refund , refund,late ")).isEqualTo(List.of("refund", "late"));
	}

	private void negative(long topicId, int postNumber, Instant at, double score, String drivers) {
		this.jdbc.sql("""
				UPDATE post SET sentiment_label = 'NEGATIVE', sentiment_score = ?, sentiment_drivers = ?, created_at = ?
				WHERE topic_id = ? AND post_number = ?
				""").params(score, drivers, Timestamp.from(at), topicId, postNumber).update();
	}

}
