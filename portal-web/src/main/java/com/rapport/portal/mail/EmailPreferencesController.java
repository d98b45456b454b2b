package com.rapport.portal.mail;

import java.util.List;

import com.rapport.community.member.Viewer;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's own email settings: which notifications are mailed, how often, and the
 * welcome sequence.
 */
@Controller
class EmailPreferencesController {

	private final MailPreferences preferences;

	EmailPreferencesController(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@ModelAttribute("frequencies")
	List<MailPreferences.Frequency> frequencies() {
		return List.of(MailPreferences.Frequency.values());
	}

	@GetMapping("/account/email")
	String initPreferencesForm(Viewer viewer, Model model) {
		model.addAttribute("emailPreferencesForm", EmailPreferencesForm.of(this.preferences.of(viewer.memberId())));
		return "mail/preferences";
	}

	@PostMapping("/account/email")
	String processPreferencesForm(@Valid @ModelAttribute("emailPreferencesForm") EmailPreferencesForm form,
			BindingResult result, Viewer viewer, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "mail/preferences";
		}
		this.preferences.save(viewer.memberId(), form.toPreferences());
		redirect.addFlashAttribute("message", "mail.preferences.saved");
		return "redirect:/account/email";
	}

}
