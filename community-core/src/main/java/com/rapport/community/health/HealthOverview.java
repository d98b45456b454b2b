package com.rapport.community.health;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The community's health over a period of days ending today.
 *
 * @param from the first day
 * @param to the last day (today)
 * @param days the figures of each day, oldest first, every day present
 * @param activeToday members who posted today
 * @param activeWeek members who posted in the last 7 days
 * @param activeMonth members who posted in the last 30 days
 * @param medianFirstReply the median time from a topic to its first reply by someone
 * else, over topics started in the period that got one (null when none did)
 * @param medianFirstStaffReply the same for the first reply by a moderator or staff
 * member
 * @param target the time within which a topic should have a staff reply
 * @param topicsStarted topics started in the period
 * @param solved of those, how many are solved
 * @param unanswered topics older than 48 hours without any reply (count, all time)
 * @param unansweredTopics the oldest of those, up to 20
 * @param breaching topics of the period without a staff reply within the target, up to 20
 */
public record HealthOverview(LocalDate from, LocalDate to, List<DayFigures> days, int activeToday, int activeWeek,
		int activeMonth, Duration medianFirstReply, Duration medianFirstStaffReply, Duration target, int topicsStarted,
		int solved, int unanswered, List<TopicLine> unansweredTopics, List<TopicLine> breaching) {

	public HealthOverview {
		days = List.copyOf(days);
		unansweredTopics = List.copyOf(unansweredTopics);
		breaching = List.copyOf(breaching);
	}

	/**
	 * The share of the period's topics that are solved, in percent rounded to a whole
	 * number.
	 * @return the share, or null when no topic was started
	 */
	public Integer solvedShare() {
		return (this.topicsStarted == 0) ? null : (int) Math.round(100.0 * this.solved / this.topicsStarted);
	}

	/**
	 * A total over the period.
	 * @param figure which figure: "newMembers", "topics", "replies" or "flags"
	 * @return the sum over the days
	 */
	public int total(String figure) {
		return this.days.stream().mapToInt((d) -> d.get(figure)).sum();
	}

	/**
	 * The days' figures added up per ISO week, Monday to Sunday, for charts of long
	 * periods. The first and the last week hold only the days of the period.
	 * @return one entry per week, oldest first, each dated by the week's Monday (which
	 * may fall before {@link #from()})
	 */
	public List<DayFigures> weeks() {
		List<DayFigures> weeks = new ArrayList<>();
		DayFigures week = null;
		for (DayFigures day : this.days) {
			LocalDate monday = day.day().with(DayOfWeek.MONDAY);
			if (week != null && week.day().equals(monday)) {
				week = week.plus(day);
			}
			else {
				if (week != null) {
					weeks.add(week);
				}
				week = new DayFigures(monday, day.newMembers(), day.topics(), day.replies(), day.flags());
			}
		}
		if (week != null) {
			weeks.add(week);
		}
		return weeks;
	}

	/**
	 * One day's counts.
	 *
	 * @param day the day
	 * @param newMembers members who joined
	 * @param topics topics started
	 * @param replies replies written
	 * @param flags flags raised
	 */
	public record DayFigures(LocalDate day, int newMembers, int topics, int replies, int flags) {

		/**
		 * A figure by name, for the charts.
		 * @param figure "newMembers", "topics", "replies" or "flags"
		 * @return its value
		 */
		public int get(String figure) {
			return switch (figure) {
				case "newMembers" -> this.newMembers;
				case "topics" -> this.topics;
				case "replies" -> this.replies;
				case "flags" -> this.flags;
				default -> throw new IllegalArgumentException(figure);
			};
		}

		DayFigures plus(DayFigures other) {
			return new DayFigures(this.day, this.newMembers + other.newMembers, this.topics + other.topics,
					this.replies + other.replies, this.flags + other.flags);
		}

	}

	/**
	 * A topic to look at.
	 *
	 * @param topicId the topic
	 * @param slug its slug
	 * @param title its title
	 * @param createdAt when it was started
	 */
	public record TopicLine(long topicId, String slug, String title, java.time.Instant createdAt) {
	}

}
