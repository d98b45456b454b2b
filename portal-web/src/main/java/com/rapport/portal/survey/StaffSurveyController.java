package com.rapport.portal.survey;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.rapport.community.member.MemberService;
import com.rapport.portal.survey.SurveyAnswering.SurveyPage;
import com.rapport.survey.response.PersonalLinks;
import com.rapport.survey.response.RespondentData;
import com.rapport.survey.response.ResponseExport;
import com.rapport.survey.response.ResponseService;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.Survey;
import com.rapport.survey.survey.SurveyRejectedException;
import com.rapport.survey.survey.SurveyService;
import com.rapport.survey.survey.TriggerKind;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's survey builder: create, edit, preview, duplicate, publish, close and
 * archive surveys; questions with their scales, choices and follow-ups; the embed snippet
 * and links; a look at the latest responses, the CSV export and privacy deletes.
 */
@Controller
class StaffSurveyController {

	private static final String BASE = "/staff/surveys";

	private final SurveyService surveys;

	private final ResponseService responses;

	private final ResponseExport export;

	private final PersonalLinks links;

	private final RespondentData respondentData;

	private final MemberService members;

	StaffSurveyController(SurveyService surveys, ResponseService responses, ResponseExport export, PersonalLinks links,
			RespondentData respondentData, MemberService members) {
		this.surveys = surveys;
		this.responses = responses;
		this.export = export;
		this.links = links;
		this.respondentData = respondentData;
		this.members = members;
	}

	@ModelAttribute("questionTypes")
	QuestionType[] questionTypes() {
		return QuestionType.values();
	}

	@ModelAttribute("triggers")
	TriggerKind[] triggers() {
		return TriggerKind.values();
	}

	@GetMapping(BASE)
	String list(Model model) {
		model.addAttribute("surveys", this.surveys.list());
		return "staff/surveys/list";
	}

	@PostMapping(BASE)
	String create(@RequestParam("key") String key, @RequestParam("name") String name, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.surveys.create(key.strip(), name, List.of());
			redirect.addFlashAttribute("message", "survey.created");
			return "redirect:" + BASE + "/" + id;
		}
		catch (SurveyRejectedException rejected) {
			model.addAttribute("error", rejected.messageKey());
			model.addAttribute("newKey", key);
			model.addAttribute("newName", name);
			return list(model);
		}
	}

	@GetMapping(BASE + "/{id}")
	String edit(@PathVariable long id, HttpServletRequest request, Model model) {
		Survey survey = find(id);
		if (!model.containsAttribute("settingsForm")) {
			model.addAttribute("settingsForm", SurveySettingsForm.of(survey));
		}
		if (!model.containsAttribute("questionForm")) {
			model.addAttribute("questionForm", new QuestionForm());
		}
		model.addAttribute("survey", survey);
		model.addAttribute("latest", this.responses.latest(id, 20));
		String portal = request.getScheme() + "://" + request.getServerName()
				+ ((request.getServerPort() == 80 || request.getServerPort() == 443) ? ""
						: ":" + request.getServerPort());
		model.addAttribute("publicLink", portal + "/s/" + survey.key());
		model.addAttribute("snippet",
				"<script src=\"" + portal + "/embed.js\" data-survey=\"" + survey.key() + "\" async></script>");
		return "staff/surveys/edit";
	}

	@PostMapping(BASE + "/{id}")
	String update(@PathVariable long id, @ModelAttribute("settingsForm") SurveySettingsForm form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		find(id);
		try {
			this.surveys.update(id, form.getName(), form.toSettings());
			redirect.addFlashAttribute("message", "survey.saved");
			return "redirect:" + BASE + "/" + id;
		}
		catch (SurveyRejectedException rejected) {
			model.addAttribute("error", rejected.messageKey());
			return edit(id, request, model);
		}
	}

	@PostMapping(BASE + "/{id}/questions")
	String addQuestion(@PathVariable long id, @ModelAttribute("questionForm") QuestionForm form,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		find(id);
		try {
			this.surveys.addQuestion(id, form.toQuestion());
			redirect.addFlashAttribute("message", "survey.questionAdded");
			return "redirect:" + BASE + "/" + id;
		}
		catch (SurveyRejectedException rejected) {
			model.addAttribute("error", rejected.messageKey());
			return edit(id, request, model);
		}
	}

	@GetMapping(BASE + "/{id}/questions/{key}")
	String editQuestion(@PathVariable long id, @PathVariable String key, Model model) {
		Survey survey = find(id);
		var question = survey.questionByKey(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("survey", survey);
		model.addAttribute("question", question);
		if (!model.containsAttribute("questionForm")) {
			model.addAttribute("questionForm", QuestionForm.of(question));
		}
		return "staff/surveys/question";
	}

	@PostMapping(BASE + "/{id}/questions/{key}")
	String updateQuestion(@PathVariable long id, @PathVariable String key,
			@ModelAttribute("questionForm") QuestionForm form, Model model, RedirectAttributes redirect) {
		find(id);
		try {
			this.surveys.updateQuestion(id, key, form.toQuestion());
			redirect.addFlashAttribute("message", "survey.questionSaved");
			return "redirect:" + BASE + "/" + id;
		}
		catch (SurveyRejectedException rejected) {
			model.addAttribute("error", rejected.messageKey());
			return editQuestion(id, key, model);
		}
	}

	@PostMapping(BASE + "/{id}/questions/{key}/remove")
	String removeQuestion(@PathVariable long id, @PathVariable String key, RedirectAttributes redirect) {
		return act(id, redirect, "survey.questionRemoved", () -> this.surveys.removeQuestion(id, key));
	}

	@PostMapping(BASE + "/{id}/questions/{key}/move")
	String moveQuestion(@PathVariable long id, @PathVariable String key, @RequestParam("direction") String direction,
			RedirectAttributes redirect) {
		return act(id, redirect, "survey.questionMoved",
				() -> this.surveys.moveQuestion(id, key, "up".equals(direction)));
	}

	@PostMapping(BASE + "/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "survey.published", () -> this.surveys.publish(id));
	}

	@PostMapping(BASE + "/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "survey.closed", () -> this.surveys.close(id));
	}

	@PostMapping(BASE + "/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "survey.archived", () -> this.surveys.archive(id));
	}

	@PostMapping(BASE + "/{id}/duplicate")
	String duplicate(@PathVariable long id, RedirectAttributes redirect) {
		find(id);
		long copy = this.surveys.duplicate(id);
		redirect.addFlashAttribute("message", "survey.duplicated");
		return "redirect:" + BASE + "/" + copy;
	}

	@GetMapping(BASE + "/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		Survey survey = find(id);
		model.addAttribute("page",
				new SurveyPage(survey, survey.questions(), "", null, true, SurveyAnswering.NO_MARKUP));
		model.addAttribute("survey", survey);
		model.addAttribute("preview", true);
		return "staff/surveys/preview";
	}

	@GetMapping(BASE + "/{id}/responses.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@PathVariable long id) {
		Survey survey = find(id);
		StreamingResponseBody body = (out) -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
			this.export.write(id, writer);
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(survey.key() + "-responses.csv").build().toString())
			.body(body);
	}

	@PostMapping(BASE + "/{id}/links")
	ResponseEntity<String> personalLinks(@PathVariable long id, @RequestParam("count") int count,
			HttpServletRequest request) {
		Survey survey = find(id);
		List<String> tokens = this.links.create(id, Math.max(1, Math.min(count, PersonalLinks.MAX_BATCH)));
		String portal = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
		StringBuilder csv = new StringBuilder("\uFEFFlink\r\n");
		tokens.forEach((token) -> csv.append(portal)
			.append("/s/")
			.append(survey.key())
			.append("?t=")
			.append(token)
			.append("\r\n"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(survey.key() + "-links.csv").build().toString())
			.body(csv.toString());
	}

	@PostMapping(BASE + "/privacy")
	String privacyDelete(@RequestParam(name = "member", required = false) String member,
			@RequestParam(name = "respondent", required = false) String respondent, RedirectAttributes redirect) {
		int deleted;
		if (member != null && !member.isBlank()) {
			var account = this.members.findAccount(member.strip()).orElse(null);
			if (account == null) {
				redirect.addFlashAttribute("error", "survey.privacy.unknownMember");
				return "redirect:" + BASE;
			}
			deleted = this.respondentData.deleteMember(account.id());
		}
		else if (respondent != null && !respondent.isBlank() && respondent.length() <= 100) {
			deleted = this.respondentData.deleteRespondent(respondent.strip());
		}
		else {
			redirect.addFlashAttribute("error", "survey.privacy.missing");
			return "redirect:" + BASE;
		}
		redirect.addFlashAttribute("privacyDeleted", deleted);
		redirect.addFlashAttribute("message", "survey.privacy.done");
		return "redirect:" + BASE;
	}

	private String act(long id, RedirectAttributes redirect, String message, Runnable action) {
		find(id);
		try {
			action.run();
			redirect.addFlashAttribute("message", message);
		}
		catch (SurveyRejectedException rejected) {
			redirect.addFlashAttribute("error", rejected.messageKey());
		}
		return "redirect:" + BASE + "/" + id;
	}

	private Survey find(long id) {
		return this.surveys.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
