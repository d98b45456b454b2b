package com.rapport.portal.mod;

import java.util.List;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.CannedReplies;
import com.rapport.community.moderation.TopicModeration;
import com.rapport.community.moderation.TopicModeration.BulkResult;
import com.rapport.community.moderation.TopicRestructuring;
import com.rapport.community.topic.TopicQueries;
import com.rapport.community.topic.TopicRef;
import com.rapport.community.topic.TopicService;
import com.rapport.community.topic.TopicView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The moderator tools of a topic page and the bulk actions of topic lists. Each POST
 * redirects back with what happened; a topic that changed meanwhile is reported and left
 * as it is.
 */
@Controller
@RequestMapping("/mod/topics")
class TopicToolsController {

	private final TopicModeration moderation;

	private final TopicRestructuring restructuring;

	private final TopicQueries queries;

	private final TopicService topics;

	private final CannedReplies canned;

	TopicToolsController(TopicModeration moderation, TopicRestructuring restructuring, TopicQueries queries,
			TopicService topics, CannedReplies canned) {
		this.moderation = moderation;
		this.restructuring = restructuring;
		this.queries = queries;
		this.topics = topics;
		this.canned = canned;
	}

	@PostMapping("/{id}/pin")
	String pin(@PathVariable long id, @RequestParam(defaultValue = "category") String scope,
			@RequestParam(required = false) String until, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.pinned", () -> this.moderation.pin(viewer, id, "global".equals(scope),
				Flash.startOf(Flash.day(until, "until"))));
		return back(viewer, id);
	}

	@PostMapping("/{id}/unpin")
	String unpin(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.unpinned", () -> this.moderation.unpin(viewer, id));
		return back(viewer, id);
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.closed", () -> this.moderation.close(viewer, id, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.reopened", () -> this.moderation.reopen(viewer, id, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.archived", () -> this.moderation.archive(viewer, id, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/unarchive")
	String unarchive(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.unarchived", () -> this.moderation.unarchive(viewer, id));
		return back(viewer, id);
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam long categoryId, @RequestParam(required = false) String reason,
			Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "mod.done.moved", () -> this.moderation.move(viewer, id, categoryId, reason));
		return back(viewer, id);
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) String intoTopicId,
			@RequestParam(required = false) String reason, Viewer viewer, RedirectAttributes redirect) {
		long into;
		try {
			into = Long.parseLong((intoTopicId != null) ? intoTopicId.strip().replace("#", "") : "");
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("error", "mod.merge.targetNotFound");
			return back(viewer, id);
		}
		try {
			this.restructuring.merge(viewer, id, into, reason);
			redirect.addFlashAttribute("message", "mod.done.merged");
			return back(viewer, into);
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			return back(viewer, id);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.moderation.delete(viewer, id, reason);
			redirect.addFlashAttribute("message", "mod.done.topicDeleted");
			return "redirect:/latest";
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			return back(viewer, id);
		}
	}

	@PostMapping("/{id}/canned-reply")
	String cannedReply(@PathVariable long id, @RequestParam long replyId, Viewer viewer, RedirectAttributes redirect) {
		TopicView topic = this.queries.topic(viewer, id, 1)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String author = topic.posts().isEmpty() ? "" : topic.posts().get(0).authorName();
		Flash.run(redirect, "post.replied", () -> {
			String text = this.canned.find(replyId)
				.orElseThrow(() -> new RejectedException("reply", "mod.canned.notFound"))
				.fill(author, topic.summary().title());
			this.topics.reply(viewer, id, text, null);
		});
		return back(viewer, id);
	}

	@GetMapping("/{id}/split")
	String splitForm(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Viewer viewer, Model model) {
		TopicView topic = this.queries.topic(viewer, id, page)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("topic", topic);
		return "mod/split";
	}

	@PostMapping("/{id}/split")
	String split(@PathVariable long id, @RequestParam(name = "posts", required = false) List<Integer> posts,
			@RequestParam(required = false) String title, @RequestParam long categoryId,
			@RequestParam(required = false) String reason, Viewer viewer, RedirectAttributes redirect) {
		try {
			TopicRef created = this.restructuring.split(viewer, id, (posts != null) ? posts : List.of(), title,
					categoryId, reason);
			redirect.addFlashAttribute("message", "mod.done.split");
			return "redirect:/t/" + UriUtils.encodePathSegment(created.slug(), "UTF-8") + "/" + created.id();
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
			return "redirect:/mod/topics/" + id + "/split";
		}
	}

	@PostMapping("/bulk")
	String bulk(@RequestParam(name = "topics", required = false) List<Long> topicIds, @RequestParam String action,
			@RequestParam(required = false) Long categoryId,
			@RequestParam(name = "returnTo", defaultValue = "/latest") String returnTo, Viewer viewer,
			RedirectAttributes redirect) {
		List<Long> ids = (topicIds != null) ? topicIds : List.of();
		try {
			BulkResult result = switch (action) {
				case "close" -> this.moderation.bulkClose(viewer, ids);
				case "delete" -> this.moderation.bulkDelete(viewer, ids);
				case "move" -> {
					if (categoryId == null) {
						throw new RejectedException("categoryId", "mod.category.notFound");
					}
					yield this.moderation.bulkMove(viewer, ids, categoryId);
				}
				default -> throw new RejectedException("action", "mod.bulk.unknown");
			};
			redirect.addFlashAttribute("message", "mod.done.bulk");
			redirect.addFlashAttribute("bulkChanged", result.changed());
			redirect.addFlashAttribute("bulkUnchanged", result.unchanged());
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:" + safeReturn(returnTo);
	}

	/** Only a local list page: never an address elsewhere. */
	static String safeReturn(String returnTo) {
		if (returnTo.equals("/latest") || returnTo.equals("/")
				|| (returnTo.startsWith("/c/") && returnTo.length() < 200 && returnTo.indexOf('/', 3) < 0
						&& returnTo.chars().allMatch((c) -> c > 32 && c != '\\' && c != '?' && c != '#'))) {
			return returnTo;
		}
		return "/latest";
	}

	private String back(Viewer viewer, long topicId) {
		return this.queries.topic(viewer, topicId, 1)
			.map((view) -> "redirect:/t/" + UriUtils.encodePathSegment(view.summary().slug(), "UTF-8") + "/" + topicId)
			.orElse("redirect:/latest");
	}

}
