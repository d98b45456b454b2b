package com.rapport.community.topic;

import com.rapport.community.ReputationIntegrationTest;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The points a post earns its author and gives back: one for the post, one for each like,
 * ten when accepted as the answer; taken back with the like, the acceptance or the
 * deleted post, and a restored post's point given again. Badges, the leaderboard and
 * rewards built on these points are tested in
 * {@code BadgesLeaderboardAndRewardsIntegrationTest}.
 */
class PostPointsIntegrationTest extends ReputationIntegrationTest {

	@Autowired
	MemberService members;

	@Autowired
	PostEditor editor;

	@Test
	void postsLikesAndAcceptedAnswersEarnPointsThatGoBackWhenTakenBack() {
		Viewer asker = verifiedMember();
		Viewer helper = verifiedMember();
		Viewer other = verifiedMember();
		TopicRef topic = question(asker, "Zipper stuck again", "Help!");
		long helpful = reply(helper, topic, "Use a bit of candle wax.");
		long alternative = reply(other, topic, "Or graphite.");

		assertThat(reputation(helper)).as("a point for the reply").isEqualTo(1);
		assertThat(this.reactions.toggle(asker, helpful, Reaction.LIKE)).isTrue();
		assertThat(reputation(helper)).isEqualTo(2);
		assertThat(this.reactions.toggle(asker, helpful, Reaction.LIKE)).isFalse();
		assertThat(reputation(helper)).isEqualTo(1);
		assertThatThrownBy(() -> this.reactions.toggle(helper, helpful, Reaction.LIKE))
			.isInstanceOf(RejectedException.class);

		this.answers.accept(asker, helpful);
		this.answers.accept(asker, helpful);
		assertThat(reputation(helper)).as("accepting twice counts once").isEqualTo(11);
		this.answers.accept(asker, alternative);
		assertThat(reputation(helper)).isEqualTo(1);
		assertThat(reputation(other)).isEqualTo(11);
		this.answers.unaccept(asker, alternative);
		assertThat(reputation(other)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM point_entry WHERE member_id = ?")
			.param(helper.memberId())
			.query(Integer.class)
			.single()).as("every change is in the ledger").isEqualTo(5);
		assertThatThrownBy(() -> this.answers.accept(helper, alternative)).as("only the topic's author or a moderator")
			.isInstanceOf(RejectedException.class);
	}

	@Test
	void aDeletedPostLosesItsPointsAndARestoredOneGetsItsPointBack() {
		Viewer asker = verifiedMember();
		Viewer helper = verifiedMember();
		Viewer moderator = verifiedMember(Role.MODERATOR);
		TopicRef topic = question(asker, "Stuck zipper", "Help!");
		long first = reply(helper, topic, "Candle wax.");
		long second = reply(helper, topic, "Or graphite from a pencil.");
		this.answers.accept(asker, second);
		assertThat(reputation(helper)).isEqualTo(12);

		this.editor.delete(helper, first);
		this.editor.delete(helper, first);
		assertThat(reputation(helper)).as("the post's point, taken once").isEqualTo(11);
		this.editor.restore(moderator, first);
		assertThat(reputation(helper)).isEqualTo(12);

		this.editor.delete(moderator, second);
		assertThat(reputation(helper)).as("the post's point and the accepted answer's ten").isEqualTo(1);
		this.editor.restore(moderator, second);
		assertThat(reputation(helper)).as("the acceptance is not restored with the post").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT points_balance FROM member WHERE id = ?")
			.param(helper.memberId())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT COALESCE(SUM(points), 0) FROM member_points_period WHERE member_id = ? AND period = 'M'")
			.param(helper.memberId())
			.query(Integer.class)
			.single()).as("this month's leaderboard follows").isEqualTo(2);
	}

	private int reputation(Viewer member) {
		return this.members.findById(member.memberId()).orElseThrow().reputation();
	}

}
