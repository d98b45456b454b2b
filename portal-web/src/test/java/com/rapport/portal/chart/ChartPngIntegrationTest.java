package com.rapport.portal.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import com.rapport.community.listening.WatchTermBackfill;
import com.rapport.community.listening.WatchTerms;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.support.Detractors;
import com.rapport.portal.support.PortalIntegrationTest;
import com.rapport.portal.support.TestData;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every staff chart downloads as a PNG image that an image reader opens, drawn on the
 * server, also when its labels are Chinese or Russian; members get 403 and visitors are
 * sent to log in.
 */
class ChartPngIntegrationTest extends PortalIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SurveyService surveys;

	@Autowired
	ResponseService responses;

	@Autowired
	WatchTerms terms;

	@Autowired
	WatchTermBackfill backfill;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String staff;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.staff = testData().member("charts", Role.STAFF).username();
	}

	@Test
	void staffDownloadEveryTrendChartAsAPngImage() throws Exception {
		Survey survey = Detractors.survey(this.surveys);
		int[] scores = { 10, 9, 3, 0, 8, 10 };
		for (int score : scores) {
			Detractors.answer(survey, this.responses, "png-" + UUID.randomUUID(), score, "Why " + score,
					Map.of("plan", "专业版"));
		}
		String results = "/staff/surveys/" + survey.id() + "/results/q1/";
		for (String path : new String[] { "/staff/scores.png", "/staff/community.png?days=90",
				"/staff/engagement.png?days=7", results + "trend.png?period=90", results + "distribution.png",
				results + "breakdown.png" }) {
			BufferedImage image = image(path, "en");
			assertThat(image.getWidth()).as(path).isEqualTo(900);
			assertThat(image.getHeight()).as(path).isBetween(300, 1200);
		}
		String page = this.mvc
			.perform(get("/staff/surveys/{id}/results", survey.id()).with(user(this.staff).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(results + "trend.png?period=90", results + "distribution.png?period=90",
				results + "breakdown.png?period=90");
		assertThat(this.mvc.perform(get("/staff/community").with(user(this.staff).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/staff/community.png?days=30");
		this.mvc.perform(get(results + "pie.png").with(user(this.staff).roles("STAFF")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aChartWithChineseAndRussianLabelsIsDrawnInAFontThatHasThem() throws Exception {
		Viewer listener = testData().member("chartsterm", Role.STAFF);
		String term = "帐篷"
				+ Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36), 36).replaceAll("[0-9]", "ж");
		TestData.asStaff(() -> this.terms.add(listener, term));
		this.backfill.backfillPending();
		long id = this.jdbc.sql("SELECT id FROM watch_term WHERE term = ?").param(term).query(Long.class).single();
		for (String locale : new String[] { "zh-CN", "ru", "en" }) {
			BufferedImage image = image("/staff/watch-terms/" + id + ".png?by=day", locale);
			assertThat(image.getWidth()).isEqualTo(900);
			assertThat(image.getHeight()).isBetween(300, 600);
		}
		assertThat(this.mvc.perform(get("/staff/watch-terms").with(user(this.staff).roles("STAFF")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/staff/watch-terms/" + id + ".png?by=week");

		String family = ChartFonts.ofSystem().familyFor("帐篷漏水 · Палатка протекает");
		assertThat(new java.awt.Font(family, java.awt.Font.PLAIN, 12).canDisplayUpTo("帐篷漏水 · Палатка протекает"))
			.as("the server needs a CJK font (README: fonts-wqy-zenhei); picked %s", family)
			.isEqualTo(-1);
	}

	@Test
	void onlyStaffGetTheImages() throws Exception {
		String member = testData().member("chartsmember").username();
		String moderator = testData().member("chartsmod", Role.MODERATOR).username();
		for (String path : new String[] { "/staff/scores.png", "/staff/community.png", "/staff/engagement.png",
				"/staff/watch-terms/1.png", "/staff/surveys/1/results/q1/trend.png" }) {
			this.mvc.perform(get(path).with(user(member).roles("MEMBER"))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(user(moderator).roles("MODERATOR"))).andExpect(status().isForbidden());
			this.mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
	}

	private BufferedImage image(String path, String language) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get(path).header("Accept-Language", language).with(user(this.staff).roles("STAFF")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).as(path).isEqualTo("image/png");
		assertThat(response.getHeader("Content-Disposition")).as(path).startsWith("attachment").contains(".png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
		assertThat(image).as(path + " is a PNG an image reader opens").isNotNull();
		return image;
	}

}
