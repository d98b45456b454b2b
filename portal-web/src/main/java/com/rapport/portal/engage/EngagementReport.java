package com.rapport.portal.engage;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.community.member.Viewer;
import com.rapport.survey.results.SurveyResults;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Reads the engagement of a period from the daily rollups (a few rows per day, never a
 * page view or a mail): {@code engagement_day}, and for the surveys opened in the embed
 * frame and in topics the responses started per channel that the survey results already
 * keep ({@link SurveyResults#startedPerChannel}, channels EMBED and FORUM — the forum
 * channel's responses are those of topic panels, since an invitation leads to the
 * survey's own page).
 */
@Component
class EngagementReport {

	static final List<String> AUDIENCES = List.of("visitor", "member");

	static final List<String> MAIL_CHANNELS = List.of(MailClicks.IMMEDIATE, MailClicks.DIGEST);

	private static final Map<String, String> STARTED_CHANNEL = Map.of("EMBED", SurveyChannel.EMBED, "FORUM",
			SurveyChannel.TOPIC);

	private final JdbcClient jdbc;

	private final EngagementCounts counts;

	private final SurveyResults surveys;

	EngagementReport(JdbcClient jdbc, EngagementCounts counts, SurveyResults surveys) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.surveys = surveys;
	}

	/**
	 * The last {@code days} days, today included.
	 * @param viewer a staff member
	 * @param days how many days
	 * @return the figures
	 */
	@PreAuthorize("hasRole('STAFF')")
	public EngagementPeriod lastDays(Viewer viewer, int days) {
		if (!viewer.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		LocalDate today = this.counts.today();
		return between(today.minusDays(days - 1L), today);
	}

	/**
	 * The figures of the days from {@code from} to {@code to}, both included.
	 */
	public EngagementPeriod between(LocalDate from, LocalDate to) {
		Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
		this.jdbc.sql("SELECT day, metric, channel, total FROM engagement_day WHERE day BETWEEN ? AND ?")
			.params(Date.valueOf(from), Date.valueOf(to))
			.query((java.sql.ResultSet rs) -> {
				byDay.computeIfAbsent(rs.getDate(1).toLocalDate(), (d) -> new HashMap<>())
					.merge(rs.getString(2) + "/" + rs.getString(3), rs.getLong(4), Long::sum);
			});
		for (SurveyResults.StartedCount started : this.surveys.startedPerChannel(from, to,
				List.copyOf(STARTED_CHANNEL.keySet()))) {
			byDay.computeIfAbsent(started.day(), (d) -> new HashMap<>())
				.merge(Metric.SURVEY_OPENED.column() + "/" + STARTED_CHANNEL.get(started.channel()), started.started(),
						Long::sum);
		}
		List<EngagementPeriod.Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Map<String, Long> figures = byDay.getOrDefault(day, Map.of());
			days.add(new EngagementPeriod.Day(day, sum(figures, Metric.PAGE_VIEW, AUDIENCES),
					sum(figures, Metric.VISIT, AUDIENCES), sum(figures, Metric.MULTI_PAGE_VISIT, AUDIENCES),
					perChannel(figures, Metric.SURVEY_SHOWN, Metric.SURVEY_OPENED, SurveyChannel.ALL),
					perChannel(figures, Metric.MAIL_SENT, Metric.MAIL_CLICKED, MAIL_CHANNELS)));
		}
		return new EngagementPeriod(from, to, days);
	}

	private static long sum(Map<String, Long> figures, Metric metric, List<String> channels) {
		long sum = 0;
		for (String channel : channels) {
			sum += figures.getOrDefault(metric.column() + "/" + channel, 0L);
		}
		return sum;
	}

	private static Map<String, EngagementPeriod.Rate> perChannel(Map<String, Long> figures, Metric shown, Metric opened,
			List<String> channels) {
		Map<String, EngagementPeriod.Rate> rates = new LinkedHashMap<>();
		for (String channel : channels) {
			rates.put(channel, new EngagementPeriod.Rate(figures.getOrDefault(shown.column() + "/" + channel, 0L),
					figures.getOrDefault(opened.column() + "/" + channel, 0L)));
		}
		return rates;
	}

}
