package com.rapport.portal.idea;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.rapport.community.idea.IdeaBoard;
import com.rapport.community.idea.IdeaStatus;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Votes for ideas (members) and their status (moderators and staff, under {@code /mod}).
 * Every refusal comes back to the topic page with its reason and changes nothing.
 */
@Controller
class IdeaController {

	private final IdeaBoard ideas;

	IdeaController(IdeaBoard ideas) {
		this.ideas = ideas;
	}

	@PostMapping("/t/{id}/vote")
	String vote(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		return act(id, redirect, "idea.voted", () -> this.ideas.vote(viewer, id));
	}

	@PostMapping("/t/{id}/unvote")
	String withdraw(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		return act(id, redirect, "idea.withdrawn", () -> this.ideas.withdraw(viewer, id));
	}

	@PostMapping("/mod/ideas/{id}/status")
	String status(@PathVariable long id, @RequestParam(name = "status", defaultValue = "") String value, Viewer viewer,
			RedirectAttributes redirect) {
		if (!this.ideas.maySetStatus(viewer)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Optional<IdeaStatus> status;
		try {
			status = IdeaStatus.parse(value);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "idea.statusInvalid");
			return topicPage(id);
		}
		return act(id, redirect, "idea.statusSaved", () -> this.ideas.setStatus(viewer, id, status));
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (RejectedException rejected) {
			String key = rejected.fieldErrors().values().iterator().next();
			if ("idea.notFound".equals(key)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			if ("idea.statusNotAllowed".equals(key)) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			}
			redirect.addFlashAttribute("error", key);
		}
		return topicPage(id);
	}

	/**
	 * The topic's own address (with its URL name), so the message survives: a second
	 * redirect would drop it.
	 */
	private String topicPage(long id) {
		return this.ideas.slugOf(id)
			.map((slug) -> "redirect:/t/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8) + "/" + id)
			.orElse("redirect:/t/" + id);
	}

}
