package com.rapport.portal.forum;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.TopicView;
import com.rapport.community.topic.ViewCounter;
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

	private final CategoryService categories;

	private final TopicQueries topics;

	private final TopicService topicService;

	private final ViewCounter views;

	ForumController(CategoryService categories, TopicQueries topics, TopicService topicService, ViewCounter views) {
		this.categories = categories;
		this.topics = topics;
		this.topicService = topicService;
		this.views = views;
	}

	@GetMapping({ "/", "/latest" })
	String latest(@RequestParam(name = "after", required = false) String after, Viewer viewer, Model model) {
		model.addAttribute("categories", this.categories.visibleTo(viewer));
		model.addAttribute("page", this.topics.latest(viewer, after));
		return "forum/latest";
	}

	@GetMapping("/c/{slug}")
	String category(@PathVariable String slug, @RequestParam(name = "after", required = false) String after,
			Viewer viewer, Model model) {
		Category category = this.categories.findBySlug(slug, viewer).orElseThrow(ForumController::notFound);
		model.addAttribute("category", category);
		model.addAttribute("canStartTopic", category.topicsStartableBy(viewer));
		model.addAttribute("page", this.topics.inCategory(category, after));
		return "forum/category";
	}

	@GetMapping({ "/t/{slug}/{id}", "/t/{id}" })
	String topic(@PathVariable(required = false) String slug, @PathVariable long id,
			@RequestParam(name = "page", defaultValue = "1") int page, Viewer viewer, Model model) {
		TopicView view = this.topics.topic(viewer, id, page).orElseThrow(ForumController::notFound);
		if (!view.summary().slug().equals(slug)) {
			return "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/" + id;
		}
		if (page == 1) {
			this.views.countView(id);
		}
		model.addAttribute("topic", view);
		if (!model.containsAttribute("replyForm")) {
			model.addAttribute("replyForm", new ReplyForm());
		}
		return "forum/topic";
	}

	@PostMapping("/t/{id}/replies")
	String reply(@PathVariable long id, @Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult result,
			Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				int number = this.topicService.reply(viewer, id, form.getBody(), form.getReplyTo());
				TopicView view = this.topics.topic(viewer, id, Integer.MAX_VALUE).orElseThrow();
				redirect.addFlashAttribute("message", "post.replied");
				return "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/" + id + "?page="
						+ view.pageCount() + "#post-" + number;
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> result.reject(key));
			}
		}
		TopicView view = this.topics.topic(viewer, id, 1).orElseThrow(ForumController::notFound);
		model.addAttribute("topic", view);
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
		return "forum/new-topic";
	}

	@PostMapping("/new-topic")
	String processTopicForm(@Valid @ModelAttribute("topicForm") TopicForm form, BindingResult result, Viewer viewer,
			Model model) {
		if (!result.hasErrors()) {
			try {
				TopicRef topic = this.topicService.startTopic(viewer, form.toCommand());
				return "redirect:/t/" + UriUtils.encodePathSegment(topic.slug(), "UTF-8") + "/" + topic.id();
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("title".equals(field) || "body".equals(field) || "categoryId".equals(field)) {
						result.rejectValue(field, key);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		model.addAttribute("categories",
				this.categories.visibleTo(viewer).stream().filter((c) -> c.topicsStartableBy(viewer)).toList());
		return "forum/new-topic";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
