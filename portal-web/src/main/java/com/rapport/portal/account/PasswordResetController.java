package com.rapport.portal.account;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
 * A forgotten password: ask for a link by mail, then choose a new password through it. A
 * new password ends every other session of the member, on every node, and every
 * remember-me login made before it: whoever knew the old password is logged out.
 */
@Controller
class PasswordResetController {

	private final MemberService members;

	private final MemberSessions sessions;

	PasswordResetController(MemberService members, MemberSessions sessions) {
		this.members = members;
		this.sessions = sessions;
	}

	@GetMapping("/password/reset")
	String initRequestForm() {
		return "account/reset-request";
	}

	@PostMapping("/password/reset")
	String processRequestForm(@RequestParam(name = "login", defaultValue = "") String login, Model model,
			RedirectAttributes redirect) {
		if (login.isBlank() || login.length() > 254) {
			model.addAttribute("loginError", "validation.required");
			return "account/reset-request";
		}
		this.members.requestPasswordReset(login);
		// the same answer whether or not the account exists
		redirect.addFlashAttribute("message", "password.reset.sent");
		return "redirect:/login";
	}

	@GetMapping("/password/reset/confirm")
	String initResetForm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
		PasswordResetForm form = new PasswordResetForm();
		form.setToken(token);
		model.addAttribute("passwordResetForm", form);
		return "account/reset";
	}

	@PostMapping("/password/reset/confirm")
	String processResetForm(@Valid @ModelAttribute("passwordResetForm") PasswordResetForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				String username = this.members.resetPassword(form.getToken(), form.getPassword());
				HttpSession current = request.getSession(false);
				this.sessions.endAllBut(username, (current != null) ? current.getId() : null);
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach((field, key) -> {
					if ("password".equals(field)) {
						result.rejectValue(field, key);
					}
					else {
						result.reject(key);
					}
				});
			}
		}
		if (result.hasErrors()) {
			form.setPassword(null);
			return "account/reset";
		}
		redirect.addFlashAttribute("message", "password.reset.done");
		return "redirect:/login";
	}

}
