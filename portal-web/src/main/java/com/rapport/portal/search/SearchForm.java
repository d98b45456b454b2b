package com.rapport.portal.search;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import com.rapport.community.search.SearchQuery;
import com.rapport.portal.web.CleanText;
import jakarta.validation.constraints.Size;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search form, bound from the query string. Every field is text, so no input fails to
 * bind: dates and the page are read by {@link SearchController}, which reports what it
 * cannot read next to the field.
 */
class SearchForm {

	@CleanText
	private String q;

	@Size(max = 80, message = "{validation.tooLong}")
	private String category;

	@Size(max = 60, message = "{validation.tooLong}")
	@CleanText
	private String author;

	@Size(max = 40, message = "{search.date.invalid}")
	private String from;

	@Size(max = 40, message = "{search.date.invalid}")
	private String to;

	private String solved;

	private String page;

	public boolean hasQuery() {
		return this.q != null && !this.q.isBlank();
	}

	/** Whether a filter is set, so the page shows the filters open. */
	public boolean hasFilters() {
		return blankToNull(this.category) != null || blankToNull(this.author) != null || blankToNull(this.from) != null
				|| blankToNull(this.to) != null || isSolvedOnly();
	}

	public boolean isSolvedOnly() {
		return this.solved != null && switch (this.solved.toLowerCase(Locale.ROOT)) {
			case "true", "on", "1", "yes" -> true;
			default -> false;
		};
	}

	/** The page asked for; anything unreadable is the first. */
	int pageNumber() {
		try {
			return (this.page != null) ? Math.max(1, Integer.parseInt(this.page.strip())) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	SearchQuery toQuery(LocalDate fromDate, LocalDate toDate) {
		return new SearchQuery(this.q, blankToNull(this.category), blankToNull(this.author), fromDate, toDate,
				isSolvedOnly(), pageNumber());
	}

	/**
	 * The address of another page of these results.
	 * @param number the page
	 * @return a path with its query string, encoded
	 */
	String pageLink(int number) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search");
		param(link, "q", this.q);
		param(link, "category", this.category);
		param(link, "author", this.author);
		param(link, "from", this.from);
		param(link, "to", this.to);
		if (isSolvedOnly()) {
			link.queryParam("solved", "true");
		}
		if (number > 1) {
			link.queryParam("page", number);
		}
		return link.encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder link, String name, String value) {
		Optional.ofNullable(blankToNull(value)).ifPresent((v) -> link.queryParam(name, v));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public String getQ() {
		return this.q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public String getSolved() {
		return this.solved;
	}

	public void setSolved(String solved) {
		this.solved = solved;
	}

	public String getPage() {
		return this.page;
	}

	public void setPage(String page) {
		this.page = page;
	}

}
