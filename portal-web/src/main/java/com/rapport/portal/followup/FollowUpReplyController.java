package com.rapport.portal.followup;

import java.util.OptionalLong;

import com.rapport.community.followup.FollowUps;
import com.rapport.community.member.RejectedException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a customer without an account answers a follow-up email: the signed link opens a
 * form, and what they write goes into the follow-up and to its owner.
 */
@Controller
class FollowUpReplyController {

	private final FollowUps followUps;

	private final ReplyLinks links;

	FollowUpReplyController(FollowUps followUps, ReplyLinks links) {
		this.followUps = followUps;
		this.links = links;
	}

	@GetMapping("/follow-up/reply")
	String form(@RequestParam(name = "f", required = false) Long followUpId,
			@RequestParam(name = "e", required = false) Long until,
			@RequestParam(name = "s", required = false) String signature, HttpServletResponse response, Model model) {
		if (this.links.verify(followUpId, until, signature).isEmpty()) {
			return invalid(response, model);
		}
		model.addAttribute("f", followUpId);
		model.addAttribute("e", until);
		model.addAttribute("s", signature);
		return "followup/reply";
	}

	@PostMapping("/follow-up/reply")
	String reply(@RequestParam(name = "f", required = false) Long followUpId,
			@RequestParam(name = "e", required = false) Long until,
			@RequestParam(name = "s", required = false) String signature, @RequestParam(required = false) String body,
			HttpServletResponse response, Model model) {
		OptionalLong verified = this.links.verify(followUpId, until, signature);
		if (verified.isEmpty()) {
			return invalid(response, model);
		}
		try {
			this.followUps.customerReplied(verified.getAsLong(), body);
		}
		catch (RejectedException rejected) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("f", followUpId);
			model.addAttribute("e", until);
			model.addAttribute("s", signature);
			model.addAttribute("body", body);
			model.addAttribute("error", rejected.fieldErrors().values().iterator().next());
			return "followup/reply";
		}
		model.addAttribute("sent", true);
		return "followup/reply";
	}

	private static String invalid(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("invalid", true);
		return "followup/reply";
	}

}
