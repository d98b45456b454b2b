package com.rapport.portal.survey;

import java.util.ArrayList;
import java.util.List;

import com.rapport.survey.survey.Condition;
import com.rapport.survey.survey.Localized;
import com.rapport.survey.survey.NewQuestion;
import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyRejectedException;

/**
 * Staff's form for one question: type, wording in three languages, scale labels, choices
 * (one per line) and an optional condition on an earlier rating.
 */
public class QuestionForm {

	private String type = "NPS";

	private boolean required = true;

	private String promptEn;

	private String promptZh;

	private String promptRu;

	private String lowEn;

	private String lowZh;

	private String lowRu;

	private String highEn;

	private String highZh;

	private String highRu;

	private String optionsEn;

	private String optionsZh;

	private String optionsRu;

	private boolean allowOther = false;

	private String conditionKey;

	private String conditionOperator = "LE";

	private String conditionValue;

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public String getPromptEn() {
		return this.promptEn;
	}

	public void setPromptEn(String promptEn) {
		this.promptEn = promptEn;
	}

	public String getPromptZh() {
		return this.promptZh;
	}

	public void setPromptZh(String promptZh) {
		this.promptZh = promptZh;
	}

	public String getPromptRu() {
		return this.promptRu;
	}

	public void setPromptRu(String promptRu) {
		this.promptRu = promptRu;
	}

	public String getLowEn() {
		return this.lowEn;
	}

	public void setLowEn(String lowEn) {
		this.lowEn = lowEn;
	}

	public String getLowZh() {
		return this.lowZh;
	}

	public void setLowZh(String lowZh) {
		this.lowZh = lowZh;
	}

	public String getLowRu() {
		return this.lowRu;
	}

	public void setLowRu(String lowRu) {
		this.lowRu = lowRu;
	}

	public String getHighEn() {
		return this.highEn;
	}

	public void setHighEn(String highEn) {
		this.highEn = highEn;
	}

	public String getHighZh() {
		return this.highZh;
	}

	public void setHighZh(String highZh) {
		this.highZh = highZh;
	}

	public String getHighRu() {
		return this.highRu;
	}

	public void setHighRu(String highRu) {
		this.highRu = highRu;
	}

	public String getOptionsEn() {
		return this.optionsEn;
	}

	public void setOptionsEn(String optionsEn) {
		this.optionsEn = optionsEn;
	}

	public String getOptionsZh() {
		return this.optionsZh;
	}

	public void setOptionsZh(String optionsZh) {
		this.optionsZh = optionsZh;
	}

	public String getOptionsRu() {
		return this.optionsRu;
	}

	public void setOptionsRu(String optionsRu) {
		this.optionsRu = optionsRu;
	}

	public boolean isAllowOther() {
		return this.allowOther;
	}

	public void setAllowOther(boolean allowOther) {
		this.allowOther = allowOther;
	}

	public String getConditionKey() {
		return this.conditionKey;
	}

	public void setConditionKey(String conditionKey) {
		this.conditionKey = conditionKey;
	}

	public String getConditionOperator() {
		return this.conditionOperator;
	}

	public void setConditionOperator(String conditionOperator) {
		this.conditionOperator = conditionOperator;
	}

	public String getConditionValue() {
		return this.conditionValue;
	}

	public void setConditionValue(String conditionValue) {
		this.conditionValue = conditionValue;
	}

	static QuestionForm of(Question question) {
		QuestionForm form = new QuestionForm();
		form.type = question.type().name();
		form.required = question.required();
		form.promptEn = question.prompt().en();
		form.promptZh = question.prompt().zh();
		form.promptRu = question.prompt().ru();
		form.lowEn = question.lowLabel().en();
		form.lowZh = question.lowLabel().zh();
		form.lowRu = question.lowLabel().ru();
		form.highEn = question.highLabel().en();
		form.highZh = question.highLabel().zh();
		form.highRu = question.highLabel().ru();
		form.optionsEn = join(question.options().stream().map(Localized::en).toList());
		form.optionsZh = join(question.options().stream().map(Localized::zh).toList());
		form.optionsRu = join(question.options().stream().map(Localized::ru).toList());
		form.allowOther = question.allowOther();
		if (question.condition() != null) {
			form.conditionKey = question.condition().questionKey();
			form.conditionOperator = question.condition().operator().name();
			form.conditionValue = Integer.toString(question.condition().value());
		}
		return form;
	}

	NewQuestion toQuestion() {
		QuestionType questionType;
		Condition condition = null;
		try {
			questionType = QuestionType.valueOf(String.valueOf(this.type));
			if (this.conditionKey != null && !this.conditionKey.isBlank()) {
				condition = new Condition(this.conditionKey.strip(),
						Condition.Operator.valueOf(String.valueOf(this.conditionOperator)),
						Integer.parseInt(String.valueOf(this.conditionValue).strip()));
			}
		}
		catch (IllegalArgumentException ex) {
			throw new SurveyRejectedException("survey.error.condition");
		}
		List<String> en = lines(this.optionsEn);
		List<String> zh = lines(this.optionsZh);
		List<String> ru = lines(this.optionsRu);
		List<Localized> options = new ArrayList<>();
		for (int i = 0; i < en.size(); i++) {
			options
				.add(new Localized(en.get(i), (i < zh.size()) ? zh.get(i) : null, (i < ru.size()) ? ru.get(i) : null));
		}
		return new NewQuestion(questionType, this.required, new Localized(this.promptEn, this.promptZh, this.promptRu),
				new Localized(this.lowEn, this.lowZh, this.lowRu), new Localized(this.highEn, this.highZh, this.highRu),
				options, this.allowOther, condition);
	}

	private static List<String> lines(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private static String join(List<String> texts) {
		return String.join("\n", texts.stream().map((t) -> (t != null) ? t : "").toList());
	}

}
