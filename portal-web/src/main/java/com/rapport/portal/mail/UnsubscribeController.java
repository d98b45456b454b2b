package com.rapport.portal.mail;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed unsubscribe link of every optional mail: works without logging in. Opening
 * it shows what it will turn off and a button; the POST (from that button, or from a mail
 * program's one-click unsubscribe, RFC 8058, which sends no CSRF token: the signature is
 * what proves the link came from us) turns it off. A link that was altered changes
 * nothing and says so.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeLinks links;

	private final MailPreferences preferences;

	UnsubscribeController(UnsubscribeLinks links, MailPreferences preferences) {
		this.links = links;
		this.preferences = preferences;
	}

	@GetMapping("/email/unsubscribe")
	String confirm(@RequestParam(name = "t", required = false) String token, Model model,
			HttpServletResponse response) {
		Optional<UnsubscribeLinks.Unsubscribe> request = this.links.verify(token);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "mail/unsubscribe-invalid";
		}
		model.addAttribute("token", token);
		model.addAttribute("scope", request.get().scope().name());
		return "mail/unsubscribe";
	}

	@PostMapping("/email/unsubscribe")
	String unsubscribe(@RequestParam(name = "t", required = false) String token, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<UnsubscribeLinks.Unsubscribe> request = this.links.verify(token);
		if (request.isEmpty() || !this.preferences.unsubscribe(request.get().memberId(), request.get().scope())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "mail/unsubscribe-invalid";
		}
		redirect.addAttribute("scope", request.get().scope().name());
		return "redirect:/email/unsubscribed";
	}

	@GetMapping("/email/unsubscribed")
	String unsubscribed(@RequestParam(name = "scope", required = false) String scope, Model model) {
		model.addAttribute("scope", MailScope.parse(String.valueOf(scope)).orElse(MailScope.ALL).name());
		return "mail/unsubscribed";
	}

}
