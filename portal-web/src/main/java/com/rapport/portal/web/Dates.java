package com.rapport.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as readers expect them in their language: "5 min ago" for recent ones, a date for
 * older ones. Templates call it as {@code @dates.relative(instant)}.
 */
@Component("dates")
public class Dates {

	private final MessageSource messages;

	private final Clock clock;

	Dates(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	public String relative(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, this.clock.instant());
		if (age.toMinutes() < 1) {
			return message("time.justNow", 0);
		}
		if (age.toHours() < 1) {
			return message("time.minutesAgo", age.toMinutes());
		}
		if (age.toDays() < 1) {
			return message("time.hoursAgo", age.toHours());
		}
		if (age.toDays() < 30) {
			return message("time.daysAgo", age.toDays());
		}
		return date(instant);
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneId.of("UTC"))
			.format(instant);
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(ZoneId.of("UTC"))
			.format(instant) + " UTC";
	}

	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private String message(String key, long amount) {
		// the message source keeps each pattern's parsed MessageFormat per language
		return this.messages.getMessage(key, new Object[] { amount }, LocaleContextHolder.getLocale());
	}

}
