package com.rapport.portal.staff;

import com.rapport.community.health.WhatHurts;
import com.rapport.community.member.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "What hurts" this week for staff: the topics with the most negative posts and the terms
 * rising in negative posts, each linking to the posts.
 */
@Controller
class WhatHurtsController {

	private final WhatHurts whatHurts;

	WhatHurtsController(WhatHurts whatHurts) {
		this.whatHurts = whatHurts;
	}

	@GetMapping("/staff/what-hurts")
	String report(Viewer viewer, Model model) {
		model.addAttribute("report", this.whatHurts.report(viewer));
		model.addAttribute("minMentions", WhatHurts.MIN_MENTIONS);
		return "staff/what-hurts";
	}

}
