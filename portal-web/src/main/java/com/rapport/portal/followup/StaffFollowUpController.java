package com.rapport.portal.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import com.rapport.community.followup.FollowUp;
import com.rapport.community.followup.FollowUpFilter;
import com.rapport.community.followup.FollowUpSource;
import com.rapport.community.followup.FollowUpStats;
import com.rapport.community.followup.FollowUpStatus;
import com.rapport.community.followup.FollowUps;
import com.rapport.community.member.MemberService;
import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Role;
import com.rapport.community.member.Viewer;
import com.rapport.portal.brand.BrandSettings;
import com.rapport.portal.mod.Flash;

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

/**
 * The staff's follow-ups: the list with how well the loop is closed, and one follow-up
 * with its timeline, where staff take it, write to the customer, note and close it.
 */
@Controller
@RequestMapping("/staff/follow-ups")
class StaffFollowUpController {

	static final int OVERVIEW_DAYS = 90;

	private final FollowUps followUps;

	private final FollowUpStats stats;

	private final FollowUpMails mails;

	private final MemberService members;

	private final BrandSettings brand;

	private final Clock clock;

	StaffFollowUpController(FollowUps followUps, FollowUpStats stats, FollowUpMails mails, MemberService members,
			BrandSettings brand, Clock clock) {
		this.clock = clock;
		this.followUps = followUps;
		this.stats = stats;
		this.mails = mails;
		this.members = members;
		this.brand = brand;
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String source, @RequestParam(required = false) Long before, Viewer viewer,
			Model model) {
		FollowUpStatus statusFilter = parse(FollowUpStatus.class, status);
		FollowUpSource sourceFilter = parse(FollowUpSource.class, source);
		String ownerFilter = ("mine".equals(owner) || "none".equals(owner)) ? owner : "";
		FollowUpFilter filter = new FollowUpFilter(statusFilter, "mine".equals(ownerFilter) ? viewer.memberId() : null,
				"none".equals(ownerFilter), sourceFilter);
		List<FollowUp> page = this.followUps.list(viewer, filter, before);
		model.addAttribute("followUps", page);
		model.addAttribute("nextBefore", (page.size() == FollowUps.PAGE_SIZE) ? page.get(page.size() - 1).id() : null);
		model.addAttribute("status", (statusFilter != null) ? statusFilter.name() : "");
		model.addAttribute("owner", ownerFilter);
		model.addAttribute("source", (sourceFilter != null) ? sourceFilter.name() : "");
		model.addAttribute("statuses", FollowUpStatus.values());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("overview", this.stats.overview(viewer, OVERVIEW_DAYS, null));
		return "staff/follow-ups/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
		FollowUp followUp = this.followUps.find(viewer, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("followUp", followUp);
		model.addAttribute("answers", this.followUps.answers(viewer, followUp, language(locale)));
		model.addAttribute("timeline", this.followUps.timeline(viewer, id));
		model.addAttribute("staff", this.members.withRole(Role.STAFF));
		model.addAttribute("statuses", FollowUpStatus.values());
		model.addAttribute("now", this.clock.instant());
		return "staff/follow-ups/detail";
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String owner, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.assigned",
				() -> this.followUps.assign(viewer, id, (owner == null || owner.isBlank()) ? null : ownerId(owner)));
		return back(id);
	}

	@PostMapping("/{id}/status")
	String status(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.status", () -> {
			FollowUpStatus next = parse(FollowUpStatus.class, status);
			if (next == null) {
				throw new RejectedException("status", "followup.status.invalid");
			}
			this.followUps.changeStatus(viewer, id, next, note);
		});
		return back(id);
	}

	@PostMapping("/{id}/due")
	String due(@PathVariable long id, @RequestParam(required = false) String due, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.due", () -> {
			LocalDate day = Flash.day(due, "due");
			if (day == null) {
				throw new RejectedException("due", "followup.due.past");
			}
			// due at the end of the chosen day
			this.followUps.changeDue(viewer, id, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		});
		return back(id);
	}

	@PostMapping("/{id}/notes")
	String note(@PathVariable long id, @RequestParam(required = false) String body, Viewer viewer,
			RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.note", () -> this.followUps.addNote(viewer, id, body));
		return back(id);
	}

	@PostMapping("/{id}/message")
	String message(@PathVariable long id, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String body, Viewer viewer, RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.message", () -> this.followUps.sendMessage(viewer, id, subject, body));
		return back(id);
	}

	@PostMapping("/{id}/email")
	String email(@PathVariable long id, @RequestParam(required = false) String body, Viewer viewer, Locale locale,
			RedirectAttributes redirect) {
		Flash.run(redirect, "followup.done.email",
				() -> this.mails.send(viewer, id, body, this.brand.current().name(), locale));
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/staff/follow-ups/" + id;
	}

	private static long ownerId(String owner) {
		try {
			return Long.parseLong(owner.strip());
		}
		catch (NumberFormatException ex) {
			throw new RejectedException("owner", "followup.owner.notStaff");
		}
	}

	static String language(Locale locale) {
		return switch (locale.getLanguage()) {
			case "zh", "ru" -> locale.getLanguage();
			default -> "en";
		};
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}

}
