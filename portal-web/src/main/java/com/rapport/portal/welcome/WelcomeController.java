package com.rapport.portal.welcome;

import com.rapport.community.member.Viewer;
import com.rapport.community.topic.PopularTopics;
import com.rapport.portal.mail.WelcomeMails;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The messages of the welcome sequence, opened from their notification, and stopping the
 * sequence.
 */
@Controller
class WelcomeController {

	private final WelcomeSequence sequence;

	private final PopularTopics popularTopics;

	WelcomeController(WelcomeSequence sequence, PopularTopics popularTopics) {
		this.sequence = sequence;
		this.popularTopics = popularTopics;
	}

	@GetMapping("/welcome/{day}")
	String message(@PathVariable int day, Viewer viewer, Model model) {
		WelcomeStep step = WelcomeStep.ofDay(day).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("day", step.day());
		model.addAttribute("receiving", this.sequence.receiving(viewer));
		if (step == WelcomeStep.POPULAR_TOPICS) {
			model.addAttribute("popular", this.popularTopics.forMember(viewer.memberId(), WelcomeMails.POPULAR));
		}
		return "welcome/message";
	}

	@PostMapping("/welcome/stop")
	String stop(Viewer viewer, RedirectAttributes redirect) {
		this.sequence.stop(viewer);
		redirect.addFlashAttribute("message", "welcome.stopped");
		return "redirect:/notifications";
	}

}
