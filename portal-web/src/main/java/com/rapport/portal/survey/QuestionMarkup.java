package com.rapport.portal.survey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.Survey;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The markup of a step's questions (fieldsets, scales, choices and the submit button),
 * rendered once per survey version, step and language and then reused: it is the largest
 * part of the answering page's rendering (an NPS scale alone is eleven inputs and labels
 * with their ids, names and texts) and depends on nothing of the respondent. The form
 * around it (form token, error, addresses) is rendered per page as before. Keyed by the
 * survey's row version, which every change of the survey or its questions increments, so
 * an edit is never served from an older entry; the markup is produced by the same
 * template fragment ({@code survey/_questions :: questions}) as an uncached page, so it
 * is escaped the same way.
 */
@Component
class QuestionMarkup {

	private static final int MAX_ENTRIES = 1000;

	private final ITemplateEngine templates;

	private final Map<Key, String> cache = new ConcurrentHashMap<>();

	QuestionMarkup(ITemplateEngine templates) {
		this.templates = templates;
	}

	/**
	 * The markup of a step, from the cache or rendered now.
	 * @param survey the survey version answered
	 * @param step the step's questions
	 * @param lastStep whether the step ends the survey (the button reads "Submit")
	 * @param locale the page's language
	 * @return the HTML of the step's questions and button
	 */
	String of(Survey survey, List<Question> step, boolean lastStep, Locale locale) {
		Key key = new Key(survey.id(), survey.rowVersion(), step.stream().map(Question::id).toList(), lastStep, locale);
		String markup = this.cache.get(key);
		if (markup == null) {
			Context context = new Context(locale);
			context.setVariable("page",
					new SurveyAnswering.SurveyPage(survey, step, "", null, lastStep, SurveyAnswering.NO_MARKUP));
			markup = this.templates.process("survey/_questions", Set.of("questions"), context);
			if (this.cache.size() >= MAX_ENTRIES) {
				this.cache.clear();
			}
			this.cache.put(key, markup);
		}
		return markup;
	}

	private record Key(long surveyId, int rowVersion, List<Long> questionIds, boolean lastStep, Locale locale) {

		Key {
			questionIds = List.copyOf(questionIds);
		}

	}

}
