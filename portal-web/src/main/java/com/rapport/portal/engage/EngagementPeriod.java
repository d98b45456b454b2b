package com.rapport.portal.engage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engagement of a period, day by day, with the period's totals.
 *
 * @param from the first day
 * @param to the last day
 * @param days every day of the period, oldest first
 */
public record EngagementPeriod(LocalDate from, LocalDate to, List<Day> days) {

	public EngagementPeriod {
		days = List.copyOf(days);
	}

	/** Page views of the period. */
	public long pageViews() {
		return this.days.stream().mapToLong(Day::pageViews).sum();
	}

	/** Visits started in the period. */
	public long visits() {
		return this.days.stream().mapToLong(Day::visits).sum();
	}

	/** Visits of the period that had more than one page. */
	public long multiPageVisits() {
		return this.days.stream().mapToLong(Day::multiPageVisits).sum();
	}

	/** % of the period's visits that saw a single page; null without visits. */
	public Double bounceRate() {
		return Day.bounce(visits(), multiPageVisits());
	}

	/** The survey click-through of the whole period per channel. */
	public Map<String, Rate> surveys() {
		return total(this.days.stream().map(Day::surveys).toList());
	}

	/** The mail click-through of the whole period per channel. */
	public Map<String, Rate> mails() {
		return total(this.days.stream().map(Day::mails).toList());
	}

	private static Map<String, Rate> total(List<Map<String, Rate>> perDay) {
		Map<String, Rate> total = new LinkedHashMap<>();
		for (Map<String, Rate> day : perDay) {
			day.forEach((channel, rate) -> total.merge(channel, rate, Rate::plus));
		}
		return total;
	}

	/**
	 * One day.
	 *
	 * @param day the day, in the brand's time zone
	 * @param pageViews page views
	 * @param visits visits started
	 * @param multiPageVisits visits started that day that had a second page
	 * @param surveys surveys shown and opened per channel
	 * @param mails notification mails sent and clicked per channel
	 */
	public record Day(LocalDate day, long pageViews, long visits, long multiPageVisits, Map<String, Rate> surveys,
			Map<String, Rate> mails) {

		public Day {
			surveys = Map.copyOf(surveys);
			mails = Map.copyOf(mails);
		}

		/** % of the visits that saw a single page; null without visits. */
		public Double bounceRate() {
			return bounce(this.visits, this.multiPageVisits);
		}

		static Double bounce(long visits, long multiPage) {
			if (visits == 0) {
				return null;
			}
			// a second page counted on a node before the first page's node flushed
			// cannot make it negative
			return round(100.0 * Math.max(0, visits - multiPage) / visits);
		}

	}

	/**
	 * Shown (or sent) and opened (or clicked).
	 *
	 * @param shown times shown or mails sent
	 * @param opened times opened or mails clicked
	 */
	public record Rate(long shown, long opened) {

		/** % of the shown that were opened, one decimal; null when nothing was shown. */
		public Double rate() {
			return (this.shown == 0) ? null : round(100.0 * this.opened / this.shown);
		}

		public Rate plus(Rate other) {
			return new Rate(this.shown + other.shown, this.opened + other.opened);
		}

	}

	static double round(double percent) {
		return Math.round(percent * 10) / 10.0;
	}

}
