package com.rapport.portal.reputation;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.reputation.Rewards;
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
 * The staff page of the rewards catalogue, the redemptions to send, and points granted
 * for contributions outside the forum. /staff/** needs STAFF, and so does every service
 * method called here.
 */
@Controller
class StaffRewardsController {

	private final Rewards rewards;

	StaffRewardsController(Rewards rewards) {
		this.rewards = rewards;
	}

	@GetMapping("/staff/rewards")
	String page(Model model) {
		if (!model.containsAttribute("rewardForm")) {
			model.addAttribute("rewardForm", new RewardForm());
		}
		if (!model.containsAttribute("grantForm")) {
			model.addAttribute("grantForm", new GrantForm());
		}
		model.addAttribute("rewards", this.rewards.all());
		model.addAttribute("open", this.rewards.redemptions(true));
		model.addAttribute("fulfilled", this.rewards.redemptions(false));
		return "reputation/staff-rewards";
	}

	@PostMapping("/staff/rewards")
	String create(@Valid @ModelAttribute("rewardForm") RewardForm form, BindingResult result, Viewer viewer,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.rewards.create(viewer, form.getName(), form.getDescription(), form.getCost(), form.getStock());
				redirect.addFlashAttribute("message", "reward.created");
				return "redirect:/staff/rewards";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		return page(model);
	}

	@PostMapping("/staff/rewards/{id}")
	String update(@PathVariable long id, @RequestParam(name = "cost", defaultValue = "0") String cost,
			@RequestParam(name = "stock", defaultValue = "-1") String stock,
			@RequestParam(name = "active", defaultValue = "false") boolean active, Viewer viewer,
			RedirectAttributes redirect) {
		try {
			this.rewards.update(viewer, id, number(cost, "cost", "reward.cost"), number(stock, "stock", "reward.stock"),
					active);
			redirect.addFlashAttribute("message", "reward.updated");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/staff/rewards";
	}

	@PostMapping("/staff/redemptions/{id}/fulfil")
	String fulfil(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.rewards.fulfil(viewer, id);
			redirect.addFlashAttribute("message", "reward.fulfilled");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/staff/rewards";
	}

	@PostMapping("/staff/points")
	String grant(@Valid @ModelAttribute("grantForm") GrantForm form, BindingResult result, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.rewards.grant(viewer, form.getUsername(), form.getPoints(), form.getReason());
				redirect.addFlashAttribute("message", "points.granted");
				return "redirect:/staff/rewards";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		return page(model);
	}

	private static int number(String text, String field, String messageKey) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new RejectedException(field, messageKey);
		}
	}

}
