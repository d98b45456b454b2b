package com.rapport.portal.mod;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The moderators' landing page.
 */
@Controller
class ModController {

	@GetMapping("/mod")
	String index() {
		return "mod/index";
	}

}
