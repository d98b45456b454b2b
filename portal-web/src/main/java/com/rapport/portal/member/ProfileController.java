package com.rapport.portal.member;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.community.message.Blocks;
import com.rapport.community.reputation.Standings;
import com.rapport.community.topic.PostRenderer;
import com.rapport.community.topic.TopicQueries;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's public profile and the page where members edit their own.
 */
@Controller
class ProfileController {

	private final MemberService members;

	private final TopicQueries topics;

	private final PostRenderer renderer;

	private final Blocks blocks;

	private final Standings standings;

	ProfileController(MemberService members, TopicQueries topics, PostRenderer renderer, Blocks blocks,
			Standings standings) {
		this.members = members;
		this.standings = standings;
		this.blocks = blocks;
		this.topics = topics;
		this.renderer = renderer;
	}

	@GetMapping("/u/{username}")
	String profile(@PathVariable String username, Viewer viewer, Model model) {
		Member member = this.members.findByUsername(username)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("member", member);
		model.addAttribute("bioHtml", (member.bio() != null) ? this.renderer.render(member.bio()) : null);
		model.addAttribute("activity", this.topics.activityOf(viewer, member.id(), 10));
		model.addAttribute("standing", this.standings.of(member.id()).orElseThrow());
		boolean own = !viewer.isAnonymous() && viewer.memberId() == member.id();
		model.addAttribute("own", own);
		model.addAttribute("canMessage", !viewer.isAnonymous() && !own);
		model.addAttribute("canBlock", !viewer.isAnonymous() && !own && !member.has(Role.MODERATOR));
		model.addAttribute("blocked", !viewer.isAnonymous() && this.blocks.isBlocked(viewer.memberId(), member.id()));
		return "member/profile";
	}

	@GetMapping("/account/profile")
	String initProfileForm(Viewer viewer, Model model) {
		Member member = this.members.findById(viewer.memberId()).orElseThrow();
		ProfileForm form = new ProfileForm();
		form.setDisplayName(member.displayName());
		form.setBio(member.bio());
		model.addAttribute("profileForm", form);
		model.addAttribute("avatarVersion", this.standings.of(member.id()).orElseThrow().avatarVersion());
		return "member/edit-profile";
	}

	@PostMapping("/account/profile")
	String processProfileForm(@Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult result,
			Viewer viewer, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.members.updateProfile(viewer, form.getDisplayName(), form.getBio());
				redirect.addFlashAttribute("message", "profile.saved");
				return "redirect:/u/"
						+ org.springframework.web.util.UriUtils.encodePathSegment(viewer.username(), "UTF-8");
			}
			catch (RejectedException rejected) {
				rejected.fieldErrors().forEach(result::rejectValue);
			}
		}
		model.addAttribute("avatarVersion", this.standings.of(viewer.memberId()).orElseThrow().avatarVersion());
		return "member/edit-profile";
	}

}
