package com.rapport.portal.forum;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.idea.IdeaBoard;
import com.rapport.community.idea.IdeaStatus;
import com.rapport.community.member.RejectedException;
import com.rapport.community.review.Appeals;
import com.rapport.community.review.RateLimitedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.ReadMarker;
import com.rapport.community.notification.Watching;
import com.rapport.community.tag.TagCount;
import com.rapport.community.tag.Tags;
import com.rapport.community.topic.Reaction;
import com.rapport.community.topic.Reactions;
import com.rapport.community.topic.TopicListPage;
import com.rapport.community.topic.TopicListQuery;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.TopicSummary;
import com.rapport.community.topic.TopicView;
import com.rapport.community.topic.ViewCounter;
import com.rapport.portal.web.AnonymousPageCache;
import com.rapport.portal.survey.AuthorPollTools;
import com.rapport.portal.survey.TopicSurveyPanels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Reading the forums and writing in them.
 */
@Controller
class ForumController {

	/** How many of the most used tags a composer offers. */
	private static final int TAG_SUGGESTIONS = 200;

	private final CategoryService categories;

	private final TopicQueries topics;

	private final TopicService topicService;

	private final ViewCounter views;

	private final Reactions reactions;

	private final Appeals appeals;

	private final Watching watching;

	private final Tags tags;

	private final TopicSurveyPanels topicSurveys;

	private final IdeaBoard ideas;

	private final AuthorPollTools authorPolls;

	ForumController(CategoryService categories, TopicQueries topics, TopicService topicService, ViewCounter views,
			Reactions reactions, Watching watching, Appeals appeals, Tags tags, TopicSurveyPanels topicSurveys,
			IdeaBoard ideas, AuthorPollTools authorPolls) {
		this.ideas = ideas;
		this.topicSurveys = topicSurveys;
		this.authorPolls = authorPolls;
		this.appeals = appeals;
		this.categories = categories;
		this.topics = topics;
		this.topicService = topicService;
		this.views = views;
		this.reactions = reactions;
		this.watching = watching;
		this.tags = tags;
	}

	@GetMapping({ "/", "/latest" })
	String latest(@RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "order", required = false) String order,
			@RequestParam(name = "period", required = false) String period,
			@RequestParam(name = "solved", required = false) String solved, Viewer viewer, Model model) {
		TopicListQuery query = TopicListQuery.of(order, period, solved);
		model.addAttribute("categories", this.categories.visibleTo(viewer));
		TopicListPage page = this.topics.latest(viewer, query, after);
		model.addAttribute("page", page);
		model.addAttribute("markers", markers(viewer, page, model));
		listQuery(model, query, "/latest");
		return "forum/latest";
	}

	@GetMapping("/c/{slug}")
	String category(@PathVariable String slug, @RequestParam(name = "after", required = false) String after,
			@RequestParam(name = "order", required = false) String order,
			@RequestParam(name = "period", required = false) String period,
			@RequestParam(name = "solved", required = false) String solved, Viewer viewer, Model model) {
		Category category = this.categories.findBySlug(slug, viewer).orElseThrow(ForumController::notFound);
		boolean ideaBoard = IdeaBoard.KIND.equals(category.kind());
		// an idea board lists the most wanted ideas first unless the reader chose another
		// order
		TopicListQuery query = TopicListQuery.of(order, period, solved,
				ideaBoard ? TopicListQuery.Order.VOTES : TopicListQuery.Order.LATEST);
		model.addAttribute("ideaBoard", ideaBoard);
		model.addAttribute("category", category);
		model.addAttribute("canStartTopic", category.topicsStartableBy(viewer));
		TopicListPage page = this.topics.inCategory(category, query, after);
		model.addAttribute("page", page);
		model.addAttribute("markers", markers(viewer, page, model));
		model.addAttribute("categoryLevel", this.watching.levelOfCategory(viewer, category.id()));
		listQuery(model, query, "/c/" + category.slug());
		return "forum/category";
	}

	private Map<Long, ReadMarker> markers(Viewer viewer, TopicListPage page, Model model) {
		List<Long> ids = page.topics().stream().map(TopicSummary::id).toList();
		model.addAttribute("tagsByTopic", this.tags.of(ids));
		return this.watching.markers(viewer, ids);
	}

	private static void listQuery(Model model, TopicListQuery query, String path) {
		model.addAttribute("listPath", path);
		model.addAttribute("order", query.order().name().toLowerCase(Locale.ROOT));
		model.addAttribute("period", query.period().name().toLowerCase(Locale.ROOT));
		model.addAttribute("solved", (query.solved() == null) ? "" : query.solved() ? "yes" : "no");
	}

	@GetMapping({ "/t/{slug}/{id}", "/t/{id}" })
	String topic(@PathVariable(required = false) String slug, @PathVariable long id,
			@RequestParam(name = "page", defaultValue = "1") int page,
			@RequestParam(name = "quote", required = false) Integer quote,
			@RequestParam(name = "replyTo", required = false) Integer replyTo, Viewer viewer, Locale locale,
			HttpServletRequest request, Model model) {
		TopicView view = this.topics.topic(viewer, id, page).orElseThrow(ForumController::notFound);
		if (!view.summary().slug().equals(slug)) {
			return "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/" + id
					+ ((page > 1) ? "?page=" + page : "");
		}
		if (page == 1) {
			AnonymousPageCache.onEachView(request, () -> this.views.countView(id));
		}
		showTopic(view, viewer, model);
		showSurvey(view, viewer, locale, request, model);
		if (!view.posts().isEmpty()) {
			this.watching.markRead(viewer, id, view.posts().get(view.posts().size() - 1).postNumber());
		}
		ReplyForm form = new ReplyForm();
		if (quote != null) {
			this.topics.quote(viewer, id, quote).ifPresent((q) -> {
				form.setBody(q);
				form.setReplyTo(quote);
			});
		}
		else if (replyTo != null && replyTo > 0) {
			form.setReplyTo(replyTo);
		}
		model.addAttribute("replyForm", form);
		return "forum/topic";
	}

	private void showTopic(TopicView view, Viewer viewer, Model model) {
		model.addAttribute("topic", view);
		List<Long> ids = new ArrayList<>();
		view.posts().forEach((post) -> ids.add(post.id()));
		if (view.acceptedAnswer() != null) {
			ids.add(view.acceptedAnswer().id());
		}
		model.addAttribute("reactions", this.reactions.of(ids, viewer));
		model.addAttribute("hiddenNotes", this.appeals.hiddenPosts(viewer, view.posts()));
		model.addAttribute("reactionKinds", Reaction.values());
		model.addAttribute("topicLevel", this.watching.levelOf(viewer, view.summary().id()));
		boolean author = !viewer.isAnonymous() && viewer.username().equals(view.summary().author());
		model.addAttribute("canAccept", author || viewer.isModerator());
		model.addAttribute("topicTags", this.tags.of(view.summary().id()));
		model.addAttribute("canEditTags", author || viewer.isModerator());
		if (author || viewer.isModerator()) {
			tagChoices(viewer, model);
		}
		if (view.summary().idea()) {
			model.addAttribute("ideaVoted", this.ideas.hasVoted(viewer, view.summary().id()));
			model.addAttribute("ideaCanVote", !viewer.isAnonymous() && !view.summary().closed()
					&& !view.summary().archived() && !view.category().archived());
			model.addAttribute("ideaCanSetStatus", this.ideas.maySetStatus(viewer));
			model.addAttribute("ideaStatuses", IdeaStatus.values());
		}
	}

	/**
	 * The survey a moderator placed in the topic, and for moderators what they may place.
	 */
	private void showSurvey(TopicView view, Viewer viewer, Locale locale, HttpServletRequest request, Model model) {
		this.topicSurveys.panel(viewer, view.summary().id(), locale, request)
			.ifPresent((panel) -> model.addAttribute("topicSurvey", panel));
		if (viewer.isModerator()) {
			model.addAttribute("attachableSurveys", this.topicSurveys.attachable());
		}
		boolean author = !viewer.isAnonymous() && viewer.username().equals(view.summary().author());
		this.authorPolls.of(viewer, view.summary().id(), author)
			.ifPresent((tools) -> model.addAttribute("authorPoll", tools));
	}

	/** What the tag field of a composer offers and says. */
	private void tagChoices(Viewer viewer, Model model) {
		model.addAttribute("tagSuggestions",
				this.tags.visibleTo(viewer, TAG_SUGGESTIONS).stream().map(TagCount::name).toList());
		model.addAttribute("mayCreateTags", this.tags.mayCreate(viewer));
		model.addAttribute("maxTags", this.tags.maxPerTopic());
		model.addAttribute("maxTagLength", this.tags.maxLength());
	}

	@PostMapping("/t/{id}/replies")
	String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult result,
			Viewer viewer, Locale locale, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				int number = this.topicService.reply(viewer, id, form.getBody(), form.getReplyTo());
				TopicView view = this.topics.topic(viewer, id, Integer.MAX_VALUE).orElseThrow();
				redirect.addFlashAttribute("message", "post.replied");
				return "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/" + id + "?page="
						+ view.pageCount() + "#post-" + number;
			}
			catch (RateLimitedException limited) {
				result.reject("review.rateLimited.later", new Object[] { limited.retryAfterMinutes() }, null);
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> result.reject(key));
			}
		}
		TopicView view = this.topics.topic(viewer, id, 1).orElseThrow(ForumController::notFound);
		showTopic(view, viewer, model);
		showSurvey(view, viewer, locale, request, model);
		return "forum/topic";
	}

	@GetMapping("/new-topic")
	String initTopicForm(@RequestParam(name = "category", required = false) Long categoryId, Viewer viewer,
			Model model) {
		TopicForm form = new TopicForm();
		form.setCategoryId(categoryId);
		model.addAttribute("topicForm", form);
		model.addAttribute("categories",
				this.categories.visibleTo(viewer).stream().filter((c) -> c.topicsStartableBy(viewer)).toList());
		tagChoices(viewer, model);
		return "forum/new-topic";
	}

	@PostMapping("/new-topic")
	String processTopicForm(@Valid @ModelAttribute("topicForm") TopicForm form, BindingResult result, Viewer viewer,
			Model model) {
		if (!result.hasErrors()) {
			try {
				TopicRef topic = this.tags.startTopic(viewer, form.toCommand(), form.getTags());
				return "redirect:/t/" + UriUtils.encodePathSegment(topic.slug(), "UTF-8") + "/" + topic.id();
			}
			catch (RateLimitedException limited) {
				result.reject("review.rateLimited.later", new Object[] { limited.retryAfterMinutes() }, null);
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("title".equals(field) || "body".equals(field) || "categoryId".equals(field)) {
						result.rejectValue(field, key);
					}
					else if ("tags".equals(field)) {
						result.rejectValue(field, key, new Object[] { TagMessages.argument(key, this.tags) }, null);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		model.addAttribute("categories",
				this.categories.visibleTo(viewer).stream().filter((c) -> c.topicsStartableBy(viewer)).toList());
		tagChoices(viewer, model);
		return "forum/new-topic";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
