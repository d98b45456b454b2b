package com.rapport.portal.account;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Joining, logging in and confirming the email address.
 */
@Controller
class AccountController {

	private final MemberService members;

	AccountController(MemberService members) {
		this.members = members;
	}

	@GetMapping("/login")
	String login(Viewer viewer) {
		return viewer.isAnonymous() ? "account/login" : "redirect:/";
	}

	@GetMapping("/register")
	String initRegistrationForm(Model model) {
		model.addAttribute("registrationForm", new RegistrationForm());
		return "account/register";
	}

	@PostMapping("/register")
	String processRegistrationForm(@Valid @ModelAttribute("registrationForm") RegistrationForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			// show every problem at once, not only those the form itself can see
			this.members.problemsWith(form.toRegistration()).forEach((field, key) -> {
				if (!result.hasFieldErrors(field)) {
					result.rejectValue(field, key);
				}
			});
		}
		else {
			try {
				this.members.register(form.toRegistration());
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		if (result.hasErrors()) {
			form.setPassword(null);
			return "account/register";
		}
		redirect.addFlashAttribute("registeredEmail", form.getEmail());
		return "redirect:/register/check-email";
	}

	@GetMapping("/register/check-email")
	String checkEmail() {
		return "account/check-email";
	}

	@GetMapping("/verify")
	String verify(@RequestParam(name = "token", required = false) String token, Model model) {
		var username = this.members.verifyEmail(token);
		model.addAttribute("verified", username.isPresent());
		return "account/verified";
	}

	@PostMapping("/account/verification")
	String resendVerification(Viewer viewer, RedirectAttributes redirect) {
		this.members.resendVerification(viewer.memberId());
		redirect.addFlashAttribute("message", "verify.resent");
		return "redirect:/";
	}

}
