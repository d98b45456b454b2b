package com.rapport.portal.survey;

import com.rapport.community.member.Viewer;
import com.rapport.survey.trigger.SurveyInvitations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's survey invitations from the forum triggers: answer one, or decline it.
 */
@Controller
class InvitationController {

	private final SurveyInvitations invitations;

	InvitationController(SurveyInvitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/surveys/invitations")
	String list(Viewer viewer, Model model) {
		if (viewer.isAnonymous()) {
			return "redirect:/login";
		}
		model.addAttribute("invitations", this.invitations.open(viewer.memberId()));
		return "survey/invitations";
	}

	@PostMapping("/surveys/invitations/{surveyId}/dismiss")
	String dismiss(@PathVariable long surveyId, Viewer viewer, RedirectAttributes redirect) {
		if (viewer.isAnonymous()) {
			return "redirect:/login";
		}
		this.invitations.dismiss(viewer.memberId(), surveyId);
		redirect.addFlashAttribute("message", "survey.invitation.dismissed");
		return "redirect:/surveys/invitations";
	}

}
