package com.rapport.portal.forum;

import com.rapport.community.category.Category;
import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.notification.NotificationLevel;
import com.rapport.community.notification.Watching;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Choosing how closely to follow a topic or a category.
 */
@Controller
class WatchingController {

	private final Watching watching;

	private final CategoryService categories;

	WatchingController(Watching watching, CategoryService categories) {
		this.watching = watching;
		this.categories = categories;
	}

	@PostMapping("/t/{id}/notification-level")
	String topicLevel(@PathVariable long id, @RequestParam(name = "level", required = false) String level,
			Viewer viewer, RedirectAttributes redirect) {
		try {
			this.watching.setTopicLevel(viewer, id, parsed(level));
			redirect.addFlashAttribute("message", "level.saved");
		}
		catch (RejectedException rejected) {
			if (rejected.fieldErrors().containsValue("topic.notFound")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/t/" + id;
	}

	@PostMapping("/c/{slug}/notification-level")
	String categoryLevel(@PathVariable String slug, @RequestParam(name = "level", required = false) String level,
			Viewer viewer, RedirectAttributes redirect) {
		Category category = this.categories.findBySlug(slug, viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			this.watching.setCategoryLevel(viewer, category.id(), parsed(level));
			redirect.addFlashAttribute("message", "level.saved");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/c/" + UriUtils.encodePathSegment(category.slug(), "UTF-8");
	}

	private static NotificationLevel parsed(String level) {
		return NotificationLevel.parse(level).orElseThrow(() -> new RejectedException("level", "level.invalid"));
	}

}
