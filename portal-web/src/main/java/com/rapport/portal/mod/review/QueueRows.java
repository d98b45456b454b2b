package com.rapport.portal.mod.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.community.review.ReviewItemSummary;
import com.rapport.portal.web.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a page of the review queue into {@link QueueRow lines} to print. The page shows
 * 30 lines, each with its kind, reasons, author and age in the reader's language;
 * resolving them here, each distinct label once per page, costs a fraction of the
 * per-line message and string expressions the template evaluated before. The labels are
 * the same: {@code review.kind.*}, {@code review.reason.*} (as
 * {@code mod/review/_reasons} names them), {@code review.by} and
 * {@code review.claimedBy}; a code without a message shows as Thymeleaf shows it
 * ({@code ??code_locale??}).
 */
@Component
class QueueRows {

	private static final String WORD = "word:";

	private final MessageSource messages;

	private final Dates dates;

	QueueRows(MessageSource messages, Dates dates) {
		this.messages = messages;
		this.dates = dates;
	}

	List<QueueRow> of(List<ReviewItemSummary> items, Locale locale) {
		Map<String, String> labels = new HashMap<>();
		List<QueueRow> rows = new ArrayList<>(items.size());
		for (ReviewItemSummary item : items) {
			String subject = (item.topicTitle() != null && !item.topicTitle().isEmpty()) ? item.topicTitle()
					: item.author();
			List<String> reasons = new ArrayList<>(item.reasons().size());
			for (String reason : item.reasons()) {
				reasons.add(reason.startsWith(WORD)
						? message("review.reason.word", new Object[] { reason.substring(WORD.length()) }, locale)
						: labels.computeIfAbsent("review.reason." + reason.replace(':', '.'),
								(code) -> message(code, null, locale)));
			}
			rows.add(new QueueRow(item.id(), "item-" + item.id(),
					labels.computeIfAbsent("review.kind." + item.kind(), (code) -> message(code, null, locale)) + ": "
							+ subject,
					message("review.by", new Object[] { item.author() }, locale),
					(item.categoryName() != null) ? " · " + item.categoryName() : null,
					(item.claimedBy() != null) ? message("review.claimedBy", new Object[] { item.claimedBy() }, locale)
							: null,
					item.excerpt(), List.copyOf(reasons), (item.score() != null) ? item.score().toString() : "",
					this.dates.iso(item.createdAt()), this.dates.relative(item.createdAt())));
		}
		return List.copyOf(rows);
	}

	private String message(String code, Object[] args, Locale locale) {
		String message = this.messages.getMessage(code, args, null, locale);
		return (message != null) ? message : "??" + code + "_" + locale + "??";
	}

}
