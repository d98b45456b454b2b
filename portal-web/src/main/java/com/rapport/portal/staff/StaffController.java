package com.rapport.portal.staff;

import com.rapport.community.followup.FollowUpStats;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.survey.ScoreCards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff landing page and the page where staff grant and revoke roles.
 */
@Controller
class StaffController {

	static final int OVERVIEW_DAYS = 90;

	private final MemberService members;

	private final FollowUpStats followUps;

	private final ScoreCards scores;

	StaffController(MemberService members, FollowUpStats followUps, ScoreCards scores) {
		this.members = members;
		this.followUps = followUps;
		this.scores = scores;
	}

	@GetMapping("/staff")
	String index(Viewer viewer, Model model) {
		model.addAttribute("scoreCards", this.scores.cards());
		model.addAttribute("followUpOverview", this.followUps.overview(viewer, OVERVIEW_DAYS, null));
		model.addAttribute("staffMembers", this.members.withRole(Role.STAFF));
		model.addAttribute("moderators", this.members.withRole(Role.MODERATOR));
		return "staff/index";
	}

	@GetMapping("/staff/members")
	String members(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		String q = query.strip();
		model.addAttribute("q", q);
		model.addAttribute("results", q.isEmpty() ? this.members.withRole(Role.MODERATOR) : this.members.search(q, 50));
		return "staff/members";
	}

	@PostMapping("/staff/members/{id}/roles")
	String changeRole(@PathVariable long id, @RequestParam("role") String role, @RequestParam("action") String action,
			@RequestParam(name = "q", defaultValue = "") String q, Viewer viewer, RedirectAttributes redirect) {
		redirect.addAttribute("q", q);
		Role parsed;
		try {
			parsed = Role.valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "role.notAssignable");
			return "redirect:/staff/members";
		}
		try {
			if ("grant".equals(action)) {
				this.members.grantRole(id, parsed, viewer);
				redirect.addFlashAttribute("message", "role.granted");
			}
			else {
				this.members.revokeRole(id, parsed);
				redirect.addFlashAttribute("message", "role.revoked");
			}
		}
		catch (RejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.fieldErrors().values().iterator().next());
		}
		return "redirect:/staff/members";
	}

}
