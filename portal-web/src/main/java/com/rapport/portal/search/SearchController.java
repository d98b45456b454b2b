package com.rapport.portal.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.search.SearchHit;
import com.rapport.community.search.SearchResults;
import com.rapport.community.search.SearchService;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Full-text search over the forums the reader may read.
 */
@Controller
class SearchController {

	private final SearchService search;

	private final CategoryService categories;

	SearchController(SearchService search, CategoryService categories) {
		this.search = search;
		this.categories = categories;
	}

	@GetMapping("/search")
	String search(@Valid @ModelAttribute("searchForm") SearchForm form, BindingResult result, Viewer viewer,
			Model model) {
		LocalDate from = date(form.getFrom(), "from", result);
		LocalDate to = date(form.getTo(), "to", result);
		SearchResults results = SearchResults.NONE;
		boolean searched = false;
		if (form.hasQuery() && !result.hasErrors()) {
			try {
				results = this.search.search(viewer, form.toQuery(from, to));
				searched = true;
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> result.rejectValue(field, key));
			}
		}
		model.addAttribute("categories", this.categories.visibleTo(viewer));
		model.addAttribute("searched", searched);
		model.addAttribute("results", results);
		model.addAttribute("rows", results.hits().stream().map(Row::of).toList());
		model.addAttribute("pages", pages(form, results));
		return "search/results";
	}

	private static LocalDate date(String value, String field, BindingResult result) {
		if (value == null || value.isBlank() || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			result.rejectValue(field, "search.date.invalid");
			return null;
		}
	}

	private static List<PageLink> pages(SearchForm form, SearchResults results) {
		if (results.pageCount() < 2) {
			return List.of();
		}
		return java.util.stream.IntStream.rangeClosed(1, results.pageCount())
			.mapToObj((n) -> new PageLink(n, form.pageLink(n), n == results.page()))
			.toList();
	}

	/**
	 * A topic found, with the address of the matching post on its topic page.
	 *
	 * @param hit the topic and post found
	 * @param href path to the post
	 */
	record Row(SearchHit hit, String href) {

		static Row of(SearchHit hit) {
			String href = UriComponentsBuilder.fromPath("/t/{slug}/{id}")
				.queryParamIfPresent("page", Optional.of(hit.topicPage()).filter((page) -> page > 1))
				.fragment("post-" + hit.postNumber())
				.buildAndExpand(hit.topicSlug(), hit.topicId())
				.encode()
				.toUriString();
			return new Row(hit, href);
		}

	}

	/**
	 * A link of the pager.
	 *
	 * @param number the page
	 * @param href its address
	 * @param current whether it is the page shown
	 */
	record PageLink(int number, String href, boolean current) {
	}

}
