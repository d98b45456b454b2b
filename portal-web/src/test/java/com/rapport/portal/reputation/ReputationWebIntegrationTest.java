package com.rapport.portal.reputation;

import java.nio.charset.StandardCharsets;

import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.FormToken;
import com.rapport.portal.support.PortalIntegrationTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reputation pages through the web stack: who may do what, and what a refused action
 * says and leaves unchanged.
 */
class ReputationWebIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void everyoneSeesTheLeaderboardBadgesAndRewardsButOnlyMembersRedeem() throws Exception {
		Viewer staff = testData().member("repstaff", Role.STAFF);
		String name = unique("Lantern");
		long reward = createReward(staff, name, 5, 2);
		grant(staff, staff.username(), 1234, "Organised the meet-up");
		for (String period : new String[] { "all", "month", "week", "nonsense" }) {
			String page = this.mvc.perform(get("/leaderboard").param("period", period))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(page).as(period).contains(staff.username());
		}
		this.mvc.perform(get("/badges"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Problem solver")));
		this.mvc.perform(get("/rewards"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(name)));
		this.mvc.perform(post("/rewards/{id}/redeem", reward).with(FormToken.from(this.mvc)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(stock(reward)).isEqualTo(2);
	}

	@Test
	void aMemberRedeemsWhatTheyCanAffordAndStaffMarkItSent() throws Exception {
		Viewer staff = testData().member("repstaff", Role.STAFF);
		Viewer member = testData().member("redeemer");
		long cheap = createReward(staff, unique("Sticker"), 10, 5);
		long dear = createReward(staff, unique("Jacket"), 500, 5);
		grant(staff, member.username(), 15, "Translated the FAQ");

		this.mvc.perform(post("/rewards/{id}/redeem", dear).with(as(member)).with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "reward.notEnoughPoints"));
		assertThat(stock(dear)).isEqualTo(5);
		this.mvc.perform(post("/rewards/{id}/redeem", cheap).with(as(member)).with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "reward.redeemed"));
		assertThat(stock(cheap)).isEqualTo(4);
		assertThat(balance(member)).isEqualTo(5);

		long redemption = this.jdbc.sql("SELECT id FROM reward_redemption WHERE member_id = ?")
			.param(member.memberId())
			.query(Long.class)
			.single();
		this.mvc.perform(get("/staff/rewards").with(as(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(member.username())));
		this.mvc
			.perform(post("/staff/redemptions/{id}/fulfil", redemption).with(as(member)).with(FormToken.from(this.mvc)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/staff/redemptions/{id}/fulfil", redemption).with(as(staff)).with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "reward.fulfilled"));
		this.mvc
			.perform(post("/staff/redemptions/{id}/fulfil", redemption).with(as(staff)).with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("error", "reward.alreadyFulfilled"));
	}

	@Test
	void onlyStaffManageRewardsAndGrantPointsWithAReason() throws Exception {
		Viewer staff = testData().member("repstaff", Role.STAFF);
		Viewer moderator = testData().member("repmod", Role.MODERATOR);
		Viewer member = testData().member("hopeful");
		for (Viewer notStaff : new Viewer[] { member, moderator }) {
			this.mvc.perform(get("/staff/rewards").with(as(notStaff))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/staff/points").param("username", member.username())
					.param("points", "100")
					.param("reason", "Because")
					.with(as(notStaff))
					.with(FormToken.from(this.mvc)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/staff/rewards").param("name", "Free tent")
					.param("cost", "1")
					.param("stock", "9")
					.with(as(notStaff))
					.with(FormToken.from(this.mvc)))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post("/staff/points").param("username", member.username())
				.param("points", "100")
				.param("reason", " ")
				.with(as(staff))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("grantForm", "reason"));
		this.mvc
			.perform(post("/staff/points").param("username", "nobody_" + unique("x"))
				.param("points", "100")
				.param("reason", "Talk at the fair")
				.with(as(staff))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("grantForm", "username"));
		this.mvc
			.perform(post("/staff/rewards").param("name", "")
				.param("cost", "0")
				.param("stock", "-1")
				.with(as(staff))
				.with(FormToken.from(this.mvc)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("rewardForm", "name", "cost", "stock"));
		assertThat(balance(member)).isZero();
		grant(staff, member.username(), 100, "Talk at the fair");
		assertThat(balance(member)).isEqualTo(100);
	}

	private long createReward(Viewer staff, String name, int cost, int stock) throws Exception {
		this.mvc
			.perform(post("/staff/rewards").param("name", name)
				.param("description", "A thank-you")
				.param("cost", Integer.toString(cost))
				.param("stock", Integer.toString(stock))
				.with(as(staff))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "reward.created"));
		return this.jdbc.sql("SELECT id FROM reward WHERE name = ?").param(name).query(Long.class).single();
	}

	private void grant(Viewer staff, String username, int points, String reason) throws Exception {
		this.mvc
			.perform(post("/staff/points").param("username", username)
				.param("points", Integer.toString(points))
				.param("reason", reason)
				.with(as(staff))
				.with(FormToken.from(this.mvc)))
			.andExpect(flash().attribute("message", "points.granted"));
	}

	private int stock(long reward) {
		return this.jdbc.sql("SELECT stock FROM reward WHERE id = ?").param(reward).query(Integer.class).single();
	}

	private int balance(Viewer member) {
		return this.jdbc.sql("SELECT points_balance FROM member WHERE id = ?")
			.param(member.memberId())
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor as(Viewer viewer) {
		String[] roles = viewer.roles().stream().map(Enum::name).toArray(String[]::new);
		return user(viewer.username()).roles(roles);
	}

}
