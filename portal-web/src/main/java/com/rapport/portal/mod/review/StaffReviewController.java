package com.rapport.portal.mod.review;

import java.util.EnumMap;
import java.util.Map;

import com.rapport.community.member.RejectedException;
import com.rapport.community.member.Viewer;
import com.rapport.community.review.ReviewSettings;
import com.rapport.community.review.Setting;
import com.rapport.community.review.WatchedAction;
import com.rapport.community.review.WatchedWords;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff keep the watched words and the moderation settings (flag threshold, approvals,
 * spam signals, rate limits). A new flag threshold can be tried against the flags of the
 * last 30 days before it is saved.
 */
@Controller
class StaffReviewController {

	private final WatchedWords words;

	private final ReviewSettings settings;

	StaffReviewController(WatchedWords words, ReviewSettings settings) {
		this.words = words;
		this.settings = settings;
	}

	@GetMapping("/staff/watched-words")
	String words(Model model) {
		model.addAttribute("words", this.words.list());
		model.addAttribute("actions", WatchedAction.values());
		return "mod/review/words";
	}

	@PostMapping("/staff/watched-words")
	String addWord(@RequestParam(name = "pattern", defaultValue = "") String pattern,
			@RequestParam(name = "action", defaultValue = "") String action, Viewer viewer, Model model,
			RedirectAttributes redirect) {
		try {
			this.words.add(viewer, pattern, parseAction(action));
			redirect.addFlashAttribute("message", "review.words.added");
			return "redirect:/staff/watched-words";
		}
		catch (RejectedException rejected) {
			model.addAttribute("wordError", rejected.fieldErrors().values().iterator().next());
			model.addAttribute("pattern", pattern);
			return words(model);
		}
	}

	@PostMapping("/staff/watched-words/{id}/delete")
	String removeWord(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
		this.words.remove(viewer, id);
		redirect.addFlashAttribute("message", "review.words.removed");
		return "redirect:/staff/watched-words";
	}

	@GetMapping("/staff/moderation")
	String settings(@RequestParam(name = "tryThreshold", required = false) String tryThreshold, Model model) {
		model.addAttribute("values", this.settings.all());
		model.addAttribute("settings", Setting.values());
		Integer trial = parseInt(tryThreshold);
		if (trial != null && trial >= Setting.FLAG_THRESHOLD.min() && trial <= Setting.FLAG_THRESHOLD.max()) {
			model.addAttribute("trialThreshold", trial);
			model.addAttribute("trialHidden", this.settings.postsHiddenWith(trial));
		}
		model.addAttribute("currentHidden", this.settings.postsHiddenWith(this.settings.get(Setting.FLAG_THRESHOLD)));
		return "mod/review/settings";
	}

	@PostMapping("/staff/moderation")
	String saveSettings(HttpServletRequest request, Viewer viewer, Model model, RedirectAttributes redirect) {
		Map<Setting, Integer> values = new EnumMap<>(Setting.class);
		for (Setting setting : Setting.values()) {
			String raw = request.getParameter(setting.name());
			if (raw != null) {
				values.put(setting, parseInt(raw));
			}
		}
		try {
			this.settings.save(viewer, values);
			redirect.addFlashAttribute("message", "review.settings.saved");
			return "redirect:/staff/moderation";
		}
		catch (RejectedException rejected) {
			model.addAttribute("settingErrors", rejected.fieldErrors());
			model.addAttribute("values", values);
			model.addAttribute("settings", Setting.values());
			model.addAttribute("currentHidden",
					this.settings.postsHiddenWith(this.settings.get(Setting.FLAG_THRESHOLD)));
			return "mod/review/settings";
		}
	}

	private static WatchedAction parseAction(String action) {
		try {
			return WatchedAction.valueOf(action);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Integer parseInt(String raw) {
		if (raw == null) {
			return null;
		}
		try {
			return Integer.valueOf(raw.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
