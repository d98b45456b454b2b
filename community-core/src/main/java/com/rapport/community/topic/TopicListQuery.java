package com.rapport.community.topic;

import java.time.Duration;
import java.util.Locale;

/**
 * How a topic list is sorted and filtered.
 *
 * @param order latest activity, newest, top (most replies and likes), or most votes
 * @param period for {@link Order#TOP}: how far back topics count
 * @param solved null for all topics, true for solved only, false for unsolved only
 */
public record TopicListQuery(Order order, Period period, Boolean solved) {

	public static final TopicListQuery LATEST = new TopicListQuery(Order.LATEST, Period.ALL, null);

	public TopicListQuery {
		order = (order != null) ? order : Order.LATEST;
		period = (period != null) ? period : Period.ALL;
	}

	/**
	 * Reads the query from request parameters, ignoring values it does not know.
	 * @param order "latest", "newest" or "top"
	 * @param period "week", "month", "year" or "all"
	 * @param solved "yes", "no" or anything else for both
	 * @return the query
	 */
	public static TopicListQuery of(String order, String period, String solved) {
		return of(order, period, solved, Order.LATEST);
	}

	/**
	 * Reads the query from request parameters, with another default order (an idea
	 * board's is {@link Order#VOTES}).
	 * @param order "latest", "newest", "top" or "votes"
	 * @param period "week", "month", "year" or "all"
	 * @param solved "yes", "no" or anything else for both
	 * @param defaultOrder the order when none (or an unknown one) is given
	 * @return the query
	 */
	public static TopicListQuery of(String order, String period, String solved, Order defaultOrder) {
		return new TopicListQuery(parse(Order.class, order, defaultOrder), parse(Period.class, period, Period.ALL),
				"yes".equals(solved) ? Boolean.TRUE : "no".equals(solved) ? Boolean.FALSE : null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/**
	 * Sort orders of topic lists.
	 */
	public enum Order {

		LATEST, NEWEST, TOP,
		/** Most votes first: ideas. */
		VOTES

	}

	/**
	 * How far back a "top" list looks.
	 */
	public enum Period {

		WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), YEAR(Duration.ofDays(365)), ALL(null);

		private final Duration length;

		Period(Duration length) {
			this.length = length;
		}

		public Duration length() {
			return this.length;
		}

	}

}
