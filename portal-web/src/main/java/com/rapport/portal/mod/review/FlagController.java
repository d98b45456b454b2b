package com.rapport.portal.mod.review;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.FlagReason;
import com.rapport.community.review.Flags;
import com.rapport.community.review.RateLimitedException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member flags a post: a page with the reasons, no script needed.
 */
@Controller
class FlagController {

	private final Flags flags;

	FlagController(Flags flags) {
		this.flags = flags;
	}

	@GetMapping("/p/{postId}/flag")
	String initFlagForm(@PathVariable long postId, Viewer viewer, Model model) {
		model.addAttribute("flagForm", new FlagForm());
		return show(postId, viewer, model);
	}

	@PostMapping("/p/{postId}/flag")
	String processFlagForm(@PathVariable long postId, @Valid @ModelAttribute("flagForm") FlagForm form,
			BindingResult result, Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				boolean hidden = this.flags.flag(viewer, postId, form.getReason(), form.getNote());
				redirect.addFlashAttribute("message", hidden ? "review.flag.thanksHidden" : "review.flag.thanks");
				return "redirect:/p/" + postId;
			}
			catch (RateLimitedException limited) {
				result.reject("review.rateLimited.later", new Object[] { limited.retryAfterMinutes() }, null);
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("note".equals(field) || "reason".equals(field)) {
						result.rejectValue(field, key);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		return show(postId, viewer, model);
	}

	private String show(long postId, Viewer viewer, Model model) {
		try {
			model.addAttribute("post", this.flags.flaggable(viewer, postId));
		}
		catch (RejectedException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("reasons", FlagReason.values());
		return "mod/review/flag";
	}

}
