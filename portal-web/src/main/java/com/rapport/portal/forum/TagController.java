package com.rapport.portal.forum;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.ReadMarker;
import com.rapport.community.notification.Watching;
import com.rapport.community.search.SearchService;
import com.rapport.community.tag.Tag;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.TopicListPage;
import com.rapport.community.topic.TopicListQuery;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicSummary;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Tags: the list of tags, the topics of one tag, changing a topic's tags, and the
 * suggestions of similar topics shown while a member types a new topic's title.
 */
@Controller
class TagController {

	/** The most tags the tag page lists. */
	static final int TAGS_SHOWN = 500;

	/** The most similar topics suggested at once. */
	static final int SIMILAR_SHOWN = 5;

	private final Tags tags;

	private final TopicQueries topics;

	private final Watching watching;

	private final SearchService search;

	TagController(Tags tags, TopicQueries topics, Watching watching, SearchService search) {
		this.tags = tags;
		this.topics = topics;
		this.watching = watching;
		this.search = search;
	}

	@GetMapping("/tags")
	String tags(Viewer viewer, Model model) {
		model.addAttribute("tags", this.tags.visibleTo(viewer, TAGS_SHOWN));
		return "forum/tags";
	}

	@GetMapping("/tag/{name}")
	String tag(@PathVariable String name, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "order", required = false) String order,
			@RequestParam(name = "period", required = false) String period,
			@RequestParam(name = "solved", required = false) String solved, Viewer viewer, Model model) {
		Tag tag = this.tags.find(name).orElseThrow(TagController::notFound);
		TopicListQuery query = TopicListQuery.of(order, period, solved);
		TopicListPage page = this.topics.withTag(viewer, tag.id(), query, after);
		model.addAttribute("tag", tag.name());
		model.addAttribute("page", page);
		model.addAttribute("markers", markers(viewer, page));
		model.addAttribute("tagsByTopic", this.tags.of(page.topics().stream().map(TopicSummary::id).toList()));
		model.addAttribute("listPath", "/tag/" + UriUtils.encodePathSegment(tag.name(), "UTF-8"));
		model.addAttribute("order", query.order().name().toLowerCase(Locale.ROOT));
		model.addAttribute("period", query.period().name().toLowerCase(Locale.ROOT));
		model.addAttribute("solved", (query.solved() == null) ? "" : query.solved() ? "yes" : "no");
		return "forum/tag";
	}

	private Map<Long, ReadMarker> markers(Viewer viewer, TopicListPage page) {
		return this.watching.markers(viewer, page.topics().stream().map(TopicSummary::id).toList());
	}

	@PostMapping("/t/{id}/tags")
	String retag(@PathVariable long id, @RequestParam(name = "tags", defaultValue = "") String raw, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.tags.retag(viewer, id, raw);
			redirect.addFlashAttribute("message", "tags.saved");
		}
		catch (RejectedException rejected) {
			String key = rejected.fieldErrors().values().iterator().next();
			if ("topic.notFound".equals(key)) {
				throw notFound();
			}
			if ("tags.notAllowed".equals(key)) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			}
			redirect.addFlashAttribute("tagError", key);
			redirect.addFlashAttribute("tagErrorArgument", TagMessages.argument(key, this.tags));
			redirect.addFlashAttribute("tagInput", raw);
		}
		return "redirect:/t/" + id;
	}

	@GetMapping("/topics/similar")
	String similar(@RequestParam(name = "title", defaultValue = "") String title, Viewer viewer, Model model) {
		List<?> similar = this.search.similarTopics(viewer, title, SIMILAR_SHOWN);
		model.addAttribute("similar", similar);
		return "forum/_similar :: suggestions";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
