package com.rapport.portal.engage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.rapport.portal.support.PortalIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engagement rollups on the real database: counts wait in memory until a batch flush,
 * the flushes of two nodes add up, days follow the brand's time zone, and the staff
 * figures of a worked example come out as computed by hand. Each test uses days of 2001
 * that nothing else counts on.
 */
class EngagementRollupsIntegrationTest extends PortalIntegrationTest {

	@Autowired
	EngagementCounts counts;

	@Autowired
	EngagementReport report;

	@Autowired
	JdbcTemplate template;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsWaitForTheBatchAndTwoNodesFlushesAddUp() {
		LocalDate day = LocalDate.of(2001, 4, 1);
		EngagementCounts otherNode = new EngagementCounts(this.template, this.transactions, Clock.systemUTC(), "UTC");
		this.counts.count(day, Metric.PAGE_VIEW, "visitor", 3);
		otherNode.count(day, Metric.PAGE_VIEW, "visitor", 2);
		otherNode.count(day, Metric.VISIT, "visitor", 1);
		assertThat(total(day, Metric.PAGE_VIEW, "visitor")).as("nothing written before the flush").isZero();

		assertThat(otherNode.flush()).as("rows added to by one batch").isEqualTo(2);
		this.counts.flush();
		assertThat(total(day, Metric.PAGE_VIEW, "visitor")).isEqualTo(5);
		this.counts.count(day, Metric.PAGE_VIEW, "visitor", 1);
		this.counts.flush();
		assertThat(this.counts.flush()).as("a flush with nothing new writes nothing").isZero();
		assertThat(total(day, Metric.PAGE_VIEW, "visitor")).isEqualTo(6);
		assertThat(total(day, Metric.VISIT, "visitor")).isEqualTo(1);
	}

	@Test
	void aVisitAcrossMidnightInTheBrandsTimeZoneCountsOnTheDayItStarted() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2001-05-01T15:50:00Z"));
		EngagementCounts shanghai = new EngagementCounts(this.template, this.transactions, clock, "Asia/Shanghai");
		PageViews pageViews = new PageViews(shanghai, true);
		LocalDate first = LocalDate.of(2001, 5, 1);
		assertThat(shanghai.today()).as("23:50 in Shanghai").isEqualTo(first);

		MockHttpServletResponse response = view(pageViews, null);
		Cookie visit = response.getCookie(VisitCookie.NAME);
		assertThat(visit).isNotNull();
		assertThat(visit.getMaxAge()).isEqualTo(30 * 60);
		assertThat(visit.isHttpOnly()).isTrue();
		clock.now = Instant.parse("2001-05-01T16:10:00Z");
		assertThat(shanghai.today()).as("00:10 the next day in Shanghai").isEqualTo(first.plusDays(1));
		view(pageViews, visit);
		shanghai.flush();

		assertThat(total(first, Metric.VISIT, "visitor")).isEqualTo(1);
		assertThat(total(first, Metric.MULTI_PAGE_VISIT, "visitor")).as("on the day the visit started").isEqualTo(1);
		assertThat(total(first, Metric.PAGE_VIEW, "visitor")).isEqualTo(1);
		assertThat(total(first.plusDays(1), Metric.PAGE_VIEW, "visitor")).isEqualTo(1);
		assertThat(total(first.plusDays(1), Metric.VISIT, "visitor")).isZero();
		EngagementPeriod period = this.report.between(first, first.plusDays(1));
		assertThat(period.visits()).isEqualTo(1);
		assertThat(period.bounceRate()).isEqualTo(0.0);
	}

	/**
	 * The worked example (see docs/architecture.md, "Engagement"): on day 1, 4 visits (3
	 * by visitors, 1 by a member), 2 of which saw a second page, and 10 page views:
	 * bounce rate (4 - 2) / 4 = 50.0%; on day 2, 2 single-page visits: 100.0%; the period
	 * 4 of 6 = 66.7%. Surveys on day 1: the embed frame shown 8 times and 2 responses
	 * started in it (25.0%), a topic's survey shown 4 times and answered once (25.0%), 5
	 * invitations and 2 opened (40.0%); the public link's responses are no channel here.
	 * On day 2 the frame was shown twice more, so the period's embed rate is 2 of 10 =
	 * 20.0%. Notification mails: 10 sent on day 1, 3 of them clicked (30.0%); no summary
	 * mail, so no rate.
	 */
	@Test
	void theWorkedExample() {
		LocalDate day1 = LocalDate.of(2001, 6, 10);
		LocalDate day2 = day1.plusDays(1);
		WorkedExample.count(this.counts, this.jdbc, day1, day2, 900_000_001L);
		this.counts.flush();

		EngagementPeriod period = this.report.between(day1, day2);
		EngagementPeriod.Day first = period.days().get(0);
		assertThat(first.pageViews()).isEqualTo(10);
		assertThat(first.visits()).isEqualTo(4);
		assertThat(first.bounceRate()).isEqualTo(50.0);
		assertThat(period.days().get(1).bounceRate()).isEqualTo(100.0);
		assertThat(period.pageViews()).isEqualTo(12);
		assertThat(period.bounceRate()).isEqualTo(66.7);
		assertThat(first.surveys())
			.isEqualTo(Map.of(SurveyChannel.EMBED, new EngagementPeriod.Rate(8, 2), SurveyChannel.TOPIC,
					new EngagementPeriod.Rate(4, 1), SurveyChannel.INVITATION, new EngagementPeriod.Rate(5, 2)));
		assertThat(first.surveys().get(SurveyChannel.EMBED).rate()).isEqualTo(25.0);
		assertThat(first.surveys().get(SurveyChannel.INVITATION).rate()).isEqualTo(40.0);
		assertThat(period.surveys().get(SurveyChannel.EMBED).rate()).isEqualTo(20.0);
		assertThat(period.mails().get(MailClicks.IMMEDIATE).rate()).isEqualTo(30.0);
		assertThat(period.mails().get(MailClicks.DIGEST).rate()).isNull();
		assertThat(this.report.between(day2.plusDays(1), day2.plusDays(2)).bounceRate()).as("no visits").isNull();
	}

	private MockHttpServletResponse view(PageViews pageViews, Cookie visit) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/latest");
		request.addHeader("User-Agent", "Mozilla/5.0 (test)");
		if (visit != null) {
			request.setCookies(visit);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		pageViews.postHandle(request, response,
				new HandlerMethod(this, getClass().getDeclaredMethod("theWorkedExample")),
				new ModelAndView("forum/latest"));
		return response;
	}

	private long total(LocalDate day, Metric metric, String channel) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(total), 0) FROM engagement_day WHERE day = ? AND metric = ? AND channel = ?")
			.params(day, metric.column(), channel)
			.query(Long.class)
			.single();
	}

	static final class MovableClock extends Clock {

		volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
