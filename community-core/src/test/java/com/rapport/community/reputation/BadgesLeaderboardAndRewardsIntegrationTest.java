package com.rapport.community.reputation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.rapport.community.ReputationIntegrationTest;
import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.Watching;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.TopicRef;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What members get from their points and activity: badges (each once, with a thank-you),
 * the leaderboard, points granted by staff, and rewards redeemed without points or stock
 * ever going below zero. How posts earn the points is tested in
 * {@code PostPointsIntegrationTest}.
 */
class BadgesLeaderboardAndRewardsIntegrationTest extends ReputationIntegrationTest {

	@Autowired
	Watching watching;

	@Autowired
	Badges badges;

	@Autowired
	Leaderboard leaderboard;

	@Autowired
	Rewards rewards;

	@Autowired
	Points points;

	@Test
	void milestonesAwardEachBadgeOnceWithAThankYou() {
		Viewer asker = verifiedMember();
		Viewer helper = verifiedMember();
		int firstPostsBefore = holders(Badge.FIRST_POST);
		TopicRef topic = question(asker, "Tent pole snapped", "What now?");
		long answer = reply(helper, topic, "A splint sleeve fixes it for the trip.");
		reply(helper, topic, "And order a new section.");
		this.reactions.toggle(asker, answer, Reaction.LIKE);
		this.answers.accept(asker, answer);

		assertThat(held(asker)).containsExactlyInAnyOrder(Badge.FIRST_POST, Badge.FIRST_REACTION);
		assertThat(held(helper)).containsExactlyInAnyOrder(Badge.FIRST_POST, Badge.FIRST_ACCEPTED_ANSWER);
		assertThat(holders(Badge.FIRST_POST)).isEqualTo(firstPostsBefore + 2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE member_id = ? AND kind = 'BADGE_AWARDED'")
			.param(helper.memberId())
			.query(Integer.class)
			.single()).as("one thank-you per badge").isEqualTo(2);

		this.watching.markRead(helper, topic.id(), 120);
		this.jdbc.sql("INSERT INTO member_visit_day (member_id, day) VALUES (?, CURRENT_DATE)")
			.param(helper.memberId())
			.update();
		assertThat(this.badges.awardReaders()).isPositive();
		assertThat(this.badges.awardReaders()).isZero();
		assertThat(held(helper)).contains(Badge.HUNDRED_POSTS_READ);
	}

	@Test
	void tenLikesEarnTheirBadge() {
		Viewer author = verifiedMember();
		long post = postId(question(author, "Photos of the lake", "Enjoy"), 1);
		for (int i = 0; i < 10; i++) {
			assertThat(held(author)).doesNotContain(Badge.TEN_LIKES_RECEIVED);
			this.reactions.toggle(verifiedMember(), post, Reaction.LIKE);
		}
		assertThat(held(author)).contains(Badge.TEN_LIKES_RECEIVED);
	}

	@Test
	void theLeaderboardRanksAllTimeAndThisWeeksPoints() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer top = verifiedMember();
		Viewer second = verifiedMember();
		this.rewards.grant(staff, top.username(), 9000, "Spoke at the user conference");
		this.rewards.grant(staff, second.username(), 8000, "Translated the guides");
		for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
			List<Ranked> board = this.leaderboard.top(period);
			int first = indexOf(board, top);
			int next = indexOf(board, second);
			assertThat(first).as(period.name()).isNotNegative().isLessThan(next);
			assertThat(board.get(first).points()).isGreaterThanOrEqualTo(9000);
		}
	}

	@Test
	void grantsNeedAReasonAndAreAuditedAsTheStaffMembers() {
		Viewer staff = verifiedMember(Role.STAFF);
		Viewer member = verifiedMember();
		assertThatThrownBy(() -> this.rewards.grant(staff, member.username(), 5, " "))
			.isInstanceOf(RejectedException.class);
		assertThatThrownBy(() -> this.rewards.grant(staff, member.username(), 0, "Nothing"))
			.isInstanceOf(RejectedException.class);
		assertThat(this.points.balance(member.memberId())).isZero();
		this.rewards.grant(staff, member.username(), 25, "Beta testing the app");
		assertThat(this.points.balance(member.memberId())).isEqualTo(25);
		assertThat(
				this.jdbc.sql("SELECT actor_id FROM audit_log WHERE action = 'member.points_grant' AND target_id = ?")
					.param(member.memberId())
					.query(Long.class)
					.single())
			.isEqualTo(staff.memberId());
	}

	@Test
	void concurrentRedemptionsNeverTakePointsOrStockBelowZero() throws Exception {
		Viewer staff = verifiedMember(Role.STAFF);
		long scarce = this.rewards.create(staff, unique("Mug"), "Enamel camp mug", 10, 3);
		long plenty = this.rewards.create(staff, unique("Sticker"), null, 10, 100);
		List<Viewer> racers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Viewer member = verifiedMember();
			this.rewards.grant(staff, member.username(), 25, "Community event helper");
			racers.add(member);
		}
		// 4 members x 4 attempts on each reward: the mug runs out of stock (3), each
		// member's 25 points pay for two redemptions at most
		List<Callable<Boolean>> attempts = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (Viewer member : racers) {
			for (int i = 0; i < 4; i++) {
				long reward = (i % 2 == 0) ? scarce : plenty;
				attempts.add(() -> {
					start.await();
					try {
						this.rewards.redeem(member, reward);
						return true;
					}
					catch (RejectedException ex) {
						return false;
					}
				});
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> attempt : attempts) {
				results.add(pool.submit(attempt));
			}
			start.countDown();
			for (Future<Boolean> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		int mugsRedeemed = redeemed(scarce);
		assertThat(mugsRedeemed).isLessThanOrEqualTo(3);
		assertThat(stock(scarce)).isEqualTo(3 - mugsRedeemed).isNotNegative();
		assertThat(stock(plenty)).isEqualTo(100 - redeemed(plenty));
		for (Viewer member : racers) {
			int spent = this.jdbc.sql("SELECT COALESCE(SUM(cost), 0) FROM reward_redemption WHERE member_id = ?")
				.param(member.memberId())
				.query(Integer.class)
				.single();
			assertThat(spent).isLessThanOrEqualTo(20);
			assertThat(this.points.balance(member.memberId())).isEqualTo(25 - spent).isNotNegative();
		}
		assertThat(mugsRedeemed + redeemed(plenty)).as("every member could afford two").isEqualTo(8);
		assertThat(this.rewards.redemptions(true)).extracting(Redemption::username).contains(racers.get(0).username());
	}

	private int redeemed(long reward) {
		return this.jdbc.sql("SELECT COUNT(*) FROM reward_redemption WHERE reward_id = ?")
			.param(reward)
			.query(Integer.class)
			.single();
	}

	private int stock(long reward) {
		return this.jdbc.sql("SELECT stock FROM reward WHERE id = ?").param(reward).query(Integer.class).single();
	}

	private static int indexOf(List<Ranked> board, Viewer member) {
		for (int i = 0; i < board.size(); i++) {
			if (board.get(i).memberId() == member.memberId()) {
				return i;
			}
		}
		return -1;
	}

	private List<Badge> held(Viewer member) {
		return this.badges.of(member.memberId()).stream().map(HeldBadge::badge).toList();
	}

	private int holders(Badge badge) {
		return this.badges.all().stream().filter((b) -> b.badge() == badge).findFirst().orElseThrow().members();
	}

}
