package com.rapport.community.listening;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.rapport.community.CommunityIntegrationTest;
import com.rapport.community.CommunityTestApplication.MutableClock;
import com.rapport.community.category.Access;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.NewTopic;
import com.rapport.community.topic.TopicService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Watch terms on worked examples: mentions are counted as posts are written (once per
 * post, whole words only in Latin script, anywhere in Chinese), a term added later is
 * backfilled once, and a jump of the negative share raises one alert per week.
 */
class WatchTermsIntegrationTest extends CommunityIntegrationTest {

	@Autowired
	WatchTerms terms;

	@Autowired
	WatchTermTrends trends;

	@Autowired
	WatchTermBackfill backfill;

	@Autowired
	WatchTermAlerts alerts;

	@Autowired
	TopicService topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void postsAreCountedOncePerTermWithTheirSentiment() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer member = verifiedMember();
		long category = newCategory(Access.ANYONE);
		String term = latinTerm();
		String chinese = hanTerm();
		long termId = this.terms.add(staff, term.toUpperCase());
		long chineseId = this.terms.add(staff, chinese);
		this.backfill.backfillPending();

		long topic = this.topics
			.startTopic(member,
					new NewTopic(category, "About the " + term, "I love my " + term + ", it is great and wonderful!"))
			.id();
		this.topics.reply(member, topic, "The " + term + " zipper broke. Terrible, awful " + term + "!", null);
		this.topics.reply(member, topic, "The " + term + " arrived on Tuesday.", null);
		this.topics.reply(member, topic, term + "s and pre" + term + " are other words.", null);
		this.topics.reply(member, topic, "我的" + chinese + "漏水了，质量太差了，非常失望。", null);

		assertThat(labels(topic)).containsExactly("POSITIVE", "NEGATIVE", "NEUTRAL");
		TermPeriod today = current(staff, termId);
		assertThat(today.mentions()).as("the first three posts; the fourth names other words").isEqualTo(3);
		assertThat(today.negative()).isEqualTo(1);
		assertThat(today.neutral()).isEqualTo(1);
		assertThat(today.positive()).isEqualTo(1);
		assertThat(today.negativeShare()).isEqualTo(33);
		TermPeriod han = current(staff, chineseId);
		assertThat(han.mentions()).as("found inside a Chinese sentence without spaces").isEqualTo(1);
		assertThat(han.negative() + han.neutral() + han.positive() + han.unanalysed()).isEqualTo(1);

		List<WatchTermTrends.Mention> mentions = this.trends.mentions(staff, termId);
		assertThat(mentions).hasSize(3);
		assertThat(mentions).allSatisfy((m) -> assertThat(m.source()).isEqualTo(Source.POST));
		assertThat(mentions.get(0).excerpt()).contains("arrived on Tuesday");
		assertThat(mentions.get(0).topicTitle()).isEqualTo("About the " + term);

		assertThatThrownBy(() -> this.terms.add(staff, term)).isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.terms.add(staff, term + "*")).isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.terms.add(member, "other")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.trends.trends(verifiedMember(Role.MODERATOR), WatchTermTrends.Granularity.DAY))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(this.terms.remove(staff, termId)).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM watch_term_day WHERE term_id = ?")
			.param(termId)
			.query(Integer.class)
			.single()).isZero();
		this.topics.reply(member, topic, "One more " + term + ".", null);
		assertThat(this.terms.remove(staff, termId)).isFalse();
	}

	@Test
	void aTermAddedLaterIsBackfilledOnce() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer member = verifiedMember();
		long category = newCategory(Access.ANYONE);
		String term = latinTerm();
		long topic = this.topics.startTopic(member, new NewTopic(category, "Old news", "My " + term + " is great."))
			.id();
		this.topics.reply(member, topic, "Mine too, the " + term + " is lovely.", null);

		long termId = this.terms.add(staff, term);
		assertThat(this.terms.find(staff, termId).backfilled()).isFalse();
		assertThat(current(staff, termId).mentions()).isZero();
		this.topics.reply(member, topic, "A third " + term + " arrived.", null);
		assertThat(current(staff, termId).mentions()).as("counted live from the moment it was added").isEqualTo(1);

		this.backfill.backfillPending();
		this.backfill.backfillPending();

		TermPeriod period = current(staff, termId);
		assertThat(period.mentions()).as("the two older posts once, the live one not again").isEqualTo(3);
		assertThat(period.positive()).isEqualTo(2);
		assertThat(this.terms.find(staff, termId).backfilled()).isTrue();
	}

	@Test
	void aJumpOfTheNegativeShareAlertsOncePerWeek() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer member = verifiedMember();
		long category = newCategory(Access.ANYONE);
		String term = latinTerm();
		long termId = this.terms.add(staff, term);
		this.backfill.backfillPending();
		long topic = this.topics.startTopic(member, new NewTopic(category, "Week one", "The " + term + " is great."))
			.id();
		// week one: 1 negative of 4 = 25%
		this.topics.reply(member, topic, "I love the " + term + ", wonderful.", null);
		this.topics.reply(member, topic, "The " + term + " is excellent, thank you!", null);
		this.topics.reply(member, topic, "The " + term + " is terrible and broken.", null);
		assertThat(raisedFor(termId)).isFalse();

		this.clock.advance(Duration.ofDays(7));
		long next = this.topics.startTopic(member, new NewTopic(category, "Week two", "The " + term + " is awful."))
			.id();
		this.topics.reply(member, next, "Horrible " + term + ", it broke, I hate it.", null);
		this.topics.reply(member, next, "The " + term + " is the worst, terrible.", null);
		this.topics.reply(member, next, "Great " + term + ", I love it.", null);
		// 3 of 4 negative: 75%, but fewer than 5 mentions
		assertThat(raisedFor(termId)).isFalse();
		this.topics.reply(member, next, "Nice " + term + ", very good.", null);

		// 3 of 5 = 60% against 25%: 35 points
		List<WatchTermAlerts.Alert> raised = this.alerts.raise().stream().filter((a) -> a.termId() == termId).toList();
		assertThat(raised).hasSize(1);
		assertThat(raised.get(0).sharePercent()).isEqualTo(60);
		assertThat(raised.get(0).baselinePercent()).isEqualTo(25);
		assertThat(raised.get(0).jump().analysed()).isEqualTo(5);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = 'WATCH_TERM_ALERT' AND subject = ?")
			.params(staff.memberId(), term)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = 'WATCH_TERM_ALERT'")
			.param(member.memberId())
			.query(Integer.class)
			.single()).as("members are not told").isZero();

		this.topics.reply(member, next, "Still an awful, terrible " + term + ".", null);
		assertThat(raisedFor(termId)).as("once per term and week").isFalse();
	}

	private boolean raisedFor(long termId) {
		return this.alerts.raise().stream().anyMatch((a) -> a.termId() == termId);
	}

	private TermPeriod current(Viewer staff, long termId) {
		WatchTermTrends.TermTrend trend = this.trends.trends(staff, WatchTermTrends.Granularity.DAY)
			.stream()
			.filter((t) -> t.term().id() == termId)
			.findFirst()
			.orElseThrow();
		return trend.periods().get(trend.periods().size() - 1);
	}

	private List<String> labels(long topicId) {
		return this.jdbc.sql("SELECT sentiment_label FROM post WHERE topic_id = ? AND post_number <= 3 ORDER BY id")
			.param(topicId)
			.query(String.class)
			.list();
	}

	/** A made-up product name no other test writes. */
	static String latinTerm() {
		return "zorb" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
			.replaceAll("[0-9]", "q");
	}

	/** Three random Han characters. */
	static String hanTerm() {
		StringBuilder term = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			term.append((char) (0x5000 + ThreadLocalRandom.current().nextInt(0x3000)));
		}
		return term.toString();
	}

}
