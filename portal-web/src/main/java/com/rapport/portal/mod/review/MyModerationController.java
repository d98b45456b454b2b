package com.rapport.portal.mod.review;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.Appeals;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own moderation matters: posts awaiting approval, hidden or deleted posts
 * with the reasons, and the one appeal each decision allows.
 */
@Controller
class MyModerationController {

	private final Appeals appeals;

	MyModerationController(Appeals appeals) {
		this.appeals = appeals;
	}

	@GetMapping("/moderation")
	String mine(Viewer viewer, Model model) {
		model.addAttribute("matters", this.appeals.mine(viewer));
		model.addAttribute("sanctions", this.appeals.sanctions(viewer));
		if (!model.containsAttribute("appealForm")) {
			model.addAttribute("appealForm", new AppealForm());
		}
		return "mod/review/mine";
	}

	@PostMapping("/moderation/{itemId}/appeal")
	String appeal(@PathVariable long itemId, @Valid @ModelAttribute("appealForm") AppealForm form, BindingResult result,
			Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.appeals.appeal(viewer, itemId, form.getStatement());
				redirect.addFlashAttribute("message", "review.appeal.sent");
				return "redirect:/moderation";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().values().forEach(result::reject);
			}
		}
		model.addAttribute("matters", this.appeals.mine(viewer));
		model.addAttribute("sanctions", this.appeals.sanctions(viewer));
		return "mod/review/mine";
	}

	@PostMapping("/moderation/posts/{postId}/appeal")
	String appealPost(@PathVariable long postId, @RequestParam(defaultValue = "") String statement, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.appeals.appealPost(viewer, postId, statement);
			redirect.addFlashAttribute("message", "review.appeal.sent");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/p/" + postId;
	}

	@PostMapping("/moderation/sanctions/{sanctionId}/appeal")
	String appealSanction(@PathVariable long sanctionId, @Valid @ModelAttribute("appealForm") AppealForm form,
			BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.appeals.appealSanction(viewer, sanctionId, form.getStatement());
				redirect.addFlashAttribute("message", "review.appeal.sent");
				return "redirect:/moderation";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().values().forEach(result::reject);
			}
		}
		model.addAttribute("matters", this.appeals.mine(viewer));
		model.addAttribute("sanctions", this.appeals.sanctions(viewer));
		return "mod/review/mine";
	}

}
