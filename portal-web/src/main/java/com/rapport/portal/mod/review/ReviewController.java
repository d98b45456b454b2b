package com.rapport.portal.mod.review;

import java.util.Locale;

import com.rapport.community.category.CategoryService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.Sanction;
import com.rapport.community.review.AuthorSanction;
import com.rapport.community.review.Decision;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.ModeratorStats;
import com.rapport.community.review.ReviewDecisions;
import com.rapport.community.review.ReviewFilter;
import com.rapport.community.review.ReviewKind;
import com.rapport.community.review.ReviewQueue;
import com.rapport.community.review.ReviewQueue.ReviewPage;
import com.rapport.community.review.StaleReviewException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue: pending items by priority, one item with its flags and the decisions,
 * and how moderators fare. {@code /mod/**} needs MODERATOR; the services check again.
 */
@Controller
class ReviewController {

	private final ReviewQueue queue;

	private final ReviewDecisions decisions;

	private final ModeratorStats stats;

	private final CategoryService categories;

	private final QueueRows rows;

	ReviewController(ReviewQueue queue, ReviewDecisions decisions, ModeratorStats stats, CategoryService categories,
			QueueRows rows) {
		this.queue = queue;
		this.decisions = decisions;
		this.stats = stats;
		this.categories = categories;
		this.rows = rows;
	}

	@GetMapping("/mod/review")
	String queue(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "category", required = false) Long category,
			@RequestParam(name = "after", required = false) String after, Viewer viewer, Locale locale, Model model) {
		ReviewKind chosen = parseKind(kind);
		ReviewPage page = this.queue.pending(viewer, new ReviewFilter(chosen, category, after));
		model.addAttribute("page", page);
		model.addAttribute("rows", this.rows.of(page.items(), locale));
		model.addAttribute("counters", this.queue.counters(viewer));
		// decisions taken outside the queue are never pending
		model.addAttribute("kinds",
				java.util.Arrays.stream(ReviewKind.values()).filter((k) -> k != ReviewKind.MODERATOR).toList());
		model.addAttribute("kind", (chosen != null) ? chosen.name() : "");
		model.addAttribute("category", category);
		model.addAttribute("categories", this.categories.visibleTo(viewer));
		return "mod/review/queue";
	}

	@GetMapping("/mod/review/quality")
	String quality(Viewer viewer, Model model) {
		model.addAttribute("lines", this.stats.lines());
		model.addAttribute("periodDays", ModeratorStats.PERIOD.toDays());
		return "mod/review/quality";
	}

	@GetMapping("/mod/review/{id}")
	String item(@PathVariable long id, Viewer viewer, Model model) {
		model.addAttribute("item",
				this.queue.item(viewer, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("flagReasons", FlagReason.values());
		return "mod/review/item";
	}

	@PostMapping("/mod/review/{id}/claim")
	String claim(@PathVariable long id, @RequestParam(name = "release", defaultValue = "false") boolean release,
			Viewer viewer, RedirectAttributes redirect) {
		if (release) {
			this.queue.release(viewer, id);
			redirect.addFlashAttribute("message", "review.released");
			return "redirect:/mod/review";
		}
		try {
			this.queue.claim(viewer, id);
			redirect.addFlashAttribute("message", "review.claimed");
		}
		catch (StaleReviewException stale) {
			stale(stale, redirect);
		}
		catch (RejectedException rejected) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/mod/review/" + id;
	}

	@PostMapping("/mod/review/{id}/decide")
	String decide(@PathVariable long id, @RequestParam("decision") String decision,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "sanction", defaultValue = "NONE") String sanction,
			@RequestParam(name = "days", defaultValue = "0") String days, Viewer viewer, RedirectAttributes redirect) {
		Decision chosen;
		try {
			chosen = Decision.valueOf(decision);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("reviewError", "review.decision.notApplicable");
			return "redirect:/mod/review/" + id;
		}
		try {
			this.decisions.decide(viewer, id, chosen, note, sanction(sanction, days));
			redirect.addFlashAttribute("message", "review.decided." + chosen.name());
			return "redirect:/mod/review";
		}
		catch (StaleReviewException stale) {
			stale(stale, redirect);
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("reviewError", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/mod/review/" + id;
	}

	@PostMapping("/mod/review/{id}/edit")
	String edit(@PathVariable long id, @RequestParam("body") String body,
			@RequestParam(name = "note", required = false) String note, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.decisions.editAndApprove(viewer, id, body, note);
			redirect.addFlashAttribute("message", "review.decided.EDIT");
			return "redirect:/mod/review";
		}
		catch (StaleReviewException stale) {
			stale(stale, redirect);
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("reviewError", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/mod/review/" + id;
	}

	private static void stale(StaleReviewException stale, RedirectAttributes redirect) {
		redirect.addFlashAttribute("reviewError", stale.fieldErrors().values().iterator().next());
		redirect.addFlashAttribute("reviewErrorBy", String.valueOf(stale.by()));
	}

	private static AuthorSanction sanction(String kind, String days) {
		if (!"SILENCE".equals(kind) && !"SUSPEND".equals(kind)) {
			return null;
		}
		int length;
		try {
			length = Integer.parseInt(days.strip());
		}
		catch (NumberFormatException ex) {
			length = 0;
		}
		return new AuthorSanction(Sanction.Kind.valueOf(kind), length);
	}

	private static ReviewKind parseKind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return ReviewKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
