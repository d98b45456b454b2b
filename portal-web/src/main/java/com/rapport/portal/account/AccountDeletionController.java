package com.rapport.portal.account;

import java.util.List;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member deleting their own account, and the staff settings that decide what happens to
 * a deleted member's posts and the welcome sequence for new members.
 */
@Controller
class AccountDeletionController {

	private final AccountDeletion deletion;

	private final MemberSettings settings;

	AccountDeletionController(AccountDeletion deletion, MemberSettings settings) {
		this.deletion = deletion;
		this.settings = settings;
	}

	@GetMapping("/account/delete")
	String initDeleteForm(Model model) {
		model.addAttribute("deleteAccountForm", new DeleteAccountForm());
		model.addAttribute("postsRemoved",
				this.settings.current().deletedPosts() == MemberSettings.DeletedPosts.REMOVE);
		return "account/delete";
	}

	@PostMapping("/account/delete")
	String processDeleteForm(@Valid @ModelAttribute("deleteAccountForm") DeleteAccountForm form, BindingResult result,
			Viewer viewer, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			Model model) {
		if (!result.hasErrors()) {
			try {
				this.deletion.delete(viewer, form.getPassword());
				new SecurityContextLogoutHandler().logout(request, response,
						SecurityContextHolder.getContext().getAuthentication());
				redirect.addFlashAttribute("message", "account.delete.done");
				return "redirect:/";
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		form.setPassword(null);
		model.addAttribute("postsRemoved",
				this.settings.current().deletedPosts() == MemberSettings.DeletedPosts.REMOVE);
		return "account/delete";
	}

	@ModelAttribute("deletedPostsChoices")
	List<MemberSettings.DeletedPosts> deletedPostsChoices() {
		return List.of(MemberSettings.DeletedPosts.values());
	}

	@GetMapping("/staff/member-settings")
	String initSettingsForm(Model model) {
		model.addAttribute("memberSettingsForm", MemberSettingsForm.of(this.settings.current()));
		return "staff/member-settings";
	}

	@PostMapping("/staff/member-settings")
	String processSettingsForm(@Valid @ModelAttribute("memberSettingsForm") MemberSettingsForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "staff/member-settings";
		}
		this.settings.update(form.toSettings());
		redirect.addFlashAttribute("message", "memberSettings.saved");
		return "redirect:/staff/member-settings";
	}

}
