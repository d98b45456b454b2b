package com.rapport.portal.reputation;

import java.util.Locale;

import com.rapport.community.member.Points;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.reputation.Badges;
import com.rapport.community.reputation.Leaderboard;
import com.rapport.community.reputation.LeaderboardPeriod;
import com.rapport.community.reputation.Rewards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leaderboard, the badges and the rewards page where members redeem points.
 */
@Controller
class ReputationController {

	private final Leaderboard leaderboard;

	private final Badges badges;

	private final Rewards rewards;

	private final Points points;

	ReputationController(Leaderboard leaderboard, Badges badges, Rewards rewards, Points points) {
		this.leaderboard = leaderboard;
		this.badges = badges;
		this.rewards = rewards;
		this.points = points;
	}

	@GetMapping("/leaderboard")
	String leaderboard(@RequestParam(name = "period", defaultValue = "all") String period, Model model) {
		LeaderboardPeriod chosen = switch (period.toLowerCase(Locale.ROOT)) {
			case "month" -> LeaderboardPeriod.MONTH;
			case "week" -> LeaderboardPeriod.WEEK;
			default -> LeaderboardPeriod.ALL;
		};
		model.addAttribute("period", chosen.name().toLowerCase(Locale.ROOT));
		model.addAttribute("periods", new String[] { "all", "month", "week" });
		model.addAttribute("ranked", this.leaderboard.top(chosen));
		return "reputation/leaderboard";
	}

	@GetMapping("/badges")
	String badges(Model model) {
		model.addAttribute("badges", this.badges.all());
		return "reputation/badges";
	}

	@GetMapping("/rewards")
	String rewards(Viewer viewer, Model model) {
		model.addAttribute("rewards", this.rewards.catalogue());
		if (!viewer.isAnonymous()) {
			model.addAttribute("balance", this.points.balance(viewer.memberId()));
			model.addAttribute("redemptions", this.rewards.redemptionsOf(viewer.memberId()));
		}
		return "reputation/rewards";
	}

	@PostMapping("/rewards/{id}/redeem")
	String redeem(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.rewards.redeem(viewer, id);
			redirect.addFlashAttribute("message", "reward.redeemed");
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/rewards";
	}

}
