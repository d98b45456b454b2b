package com.rapport.portal.mod;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.rapport.community.member.Member;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.moderation.AuditLog;
import com.rapport.community.moderation.ModeratorNotes;
import com.rapport.community.moderation.Sanctions;
import com.rapport.community.moderation.TrustLevels;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A member as moderators see them: sanctions (impose, lift), trust level, private notes
 * and the moderation history.
 */
@Controller
@RequestMapping("/mod/members/{username}")
class MemberModController {

	/** The durations offered, in days (3650 stands for "until further notice"). */
	static final Set<Integer> DURATIONS = Set.of(1, 3, 7, 14, 30, 90, 365, 3650);

	private final MemberService members;

	private final Sanctions sanctions;

	private final ModeratorNotes notes;

	private final TrustLevels trustLevels;

	private final AuditLog audit;

	private final Clock clock;

	MemberModController(MemberService members, Sanctions sanctions, ModeratorNotes notes, TrustLevels trustLevels,
			AuditLog audit, Clock clock) {
		this.members = members;
		this.sanctions = sanctions;
		this.notes = notes;
		this.trustLevels = trustLevels;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	String show(@PathVariable String username, Viewer viewer, Model model) {
		Member member = member(username);
		model.addAttribute("member", member);
		model.addAttribute("active", this.sanctions.active(member.id()));
		model.addAttribute("sanctions", this.sanctions.history(member.id()));
		model.addAttribute("notes", this.notes.of(member.id()));
		model.addAttribute("history", this.audit.about(member.id(), 100));
		model.addAttribute("durations", DURATIONS.stream().sorted().toList());
		model.addAttribute("trustLevels", List.of(0, 1, 2, 3, 4));
		model.addAttribute("trustLocked", this.trustLevels.isLocked(member.id()));
		return "mod/member";
	}

	@PostMapping("/sanctions")
	String sanction(@PathVariable String username, @RequestParam String kind,
			@RequestParam(defaultValue = "0") int days, @RequestParam(required = false) String reason, Viewer viewer,
			RedirectAttributes redirect) {
		Member member = member(username);
		Flash.run(redirect, "mod.done.sanctioned", () -> {
			if (!DURATIONS.contains(days)) {
				throw new RejectedException("days", "mod.sanction.until");
			}
			var until = this.clock.instant().plus(Duration.ofDays(days));
			switch (kind) {
				case "silence" -> this.sanctions.silence(viewer, member.id(), until, reason);
				case "suspend" -> this.sanctions.suspend(viewer, member.id(), until, reason);
				default -> throw new RejectedException("kind", "mod.sanction.unknownKind");
			}
		});
		return back(member);
	}

	@PostMapping("/sanctions/{sanctionId}/lift")
	String lift(@PathVariable String username, @PathVariable long sanctionId,
			@RequestParam(required = false) String reason, Viewer viewer, RedirectAttributes redirect) {
		Member member = member(username);
		Flash.run(redirect, "mod.done.lifted", () -> this.sanctions.lift(viewer, sanctionId, reason));
		return back(member);
	}

	@PostMapping("/notes")
	String addNote(@PathVariable String username, @RequestParam(required = false) String body, Viewer viewer,
			RedirectAttributes redirect) {
		Member member = member(username);
		Flash.run(redirect, "mod.done.noted", () -> this.notes.add(viewer, member.id(), body));
		return back(member);
	}

	@PostMapping("/trust-level")
	String trustLevel(@PathVariable String username, @RequestParam int level, Viewer viewer,
			RedirectAttributes redirect) {
		Member member = member(username);
		Flash.run(redirect, "mod.done.trustLevel", () -> this.trustLevels.set(viewer, member.id(), level));
		return back(member);
	}

	@PostMapping("/trust-level/unlock")
	String unlockTrustLevel(@PathVariable String username, Viewer viewer, RedirectAttributes redirect) {
		Member member = member(username);
		Flash.run(redirect, "trust.unlocked", () -> this.trustLevels.unlock(viewer, member.id()));
		return back(member);
	}

	private Member member(String username) {
		return this.members.findByUsername(username)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String back(Member member) {
		return "redirect:/mod/members/" + UriUtils.encodePathSegment(member.username(), "UTF-8");
	}

}
