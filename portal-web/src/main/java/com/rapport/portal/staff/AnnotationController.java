package com.rapport.portal.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.rapport.community.member.Viewer;
import com.rapport.survey.annotation.Annotation;
import com.rapport.survey.annotation.Annotations;
import com.rapport.survey.survey.SurveyRejectedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where staff mark events on the timeline (a release, an outage, a campaign), which every
 * trend chart of the staff area then shows (the path is STAFF only).
 */
@Controller
class AnnotationController {

	private final Annotations annotations;

	AnnotationController(Annotations annotations) {
		this.annotations = annotations;
	}

	@GetMapping("/staff/annotations")
	String list(Model model) {
		model.addAttribute("annotations", this.annotations.latest());
		model.addAttribute("kinds", Annotation.Kind.values());
		model.addAttribute("labelMax", Annotations.LABEL_MAX);
		return "staff/annotations";
	}

	@PostMapping("/staff/annotations")
	String add(@RequestParam(name = "day", defaultValue = "") String day,
			@RequestParam(name = "kind", defaultValue = "") String kind,
			@RequestParam(name = "label", defaultValue = "") String label, Viewer viewer, RedirectAttributes redirect) {
		try {
			this.annotations.add(day(day), kind(kind), label, viewer.memberId());
			redirect.addFlashAttribute("message", "annotation.added");
		}
		catch (SurveyRejectedException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/staff/annotations";
	}

	@PostMapping("/staff/annotations/{id}/delete")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		if (this.annotations.remove(id)) {
			redirect.addFlashAttribute("message", "annotation.removed");
		}
		else {
			redirect.addFlashAttribute("error", "annotation.notFound");
		}
		return "redirect:/staff/annotations";
	}

	private static LocalDate day(String text) {
		try {
			return text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Annotation.Kind kind(String text) {
		for (Annotation.Kind kind : Annotation.Kind.values()) {
			if (kind.name().equals(text)) {
				return kind;
			}
		}
		return null;
	}

}
