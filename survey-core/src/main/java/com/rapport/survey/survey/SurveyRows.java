package com.rapport.survey.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps survey and question rows, and turns lists into the stored text form.
 */
final class SurveyRows {

	static final String SURVEY_COLUMNS = "id, survey_key, name, status, current_version, response_count, display_mode, "
			+ "allowed_origins, thank_you_en, thank_you_zh, thank_you_ru, thank_you_link, sampling_percent, starts_at, "
			+ "ends_at, max_responses, once_per_respondent, priority, recontact_days, retention_days, trigger_kind, "
			+ "trigger_days, webhook_url, webhook_secret, version";

	static final String QUESTION_COLUMNS = "id, question_key, position, question_type, required, prompt_en, prompt_zh, "
			+ "prompt_ru, low_label_en, low_label_zh, low_label_ru, high_label_en, high_label_zh, high_label_ru, "
			+ "options_en, options_zh, options_ru, allow_other, show_if_key, show_if_op, show_if_value";

	private SurveyRows() {
	}

	static SurveyHead head(ResultSet rs) throws SQLException {
		SurveySettings settings = new SurveySettings(DisplayMode.valueOf(rs.getString("display_mode")),
				origins(rs.getString("allowed_origins")),
				new Localized(rs.getString("thank_you_en"), rs.getString("thank_you_zh"), rs.getString("thank_you_ru")),
				rs.getString("thank_you_link"), rs.getInt("sampling_percent"), instant(rs.getTimestamp("starts_at")),
				instant(rs.getTimestamp("ends_at")), (Integer) rs.getObject("max_responses", Integer.class),
				rs.getBoolean("once_per_respondent"), rs.getInt("priority"),
				rs.getObject("recontact_days", Integer.class), rs.getObject("retention_days", Integer.class),
				(rs.getString("trigger_kind") != null) ? TriggerKind.valueOf(rs.getString("trigger_kind")) : null,
				rs.getObject("trigger_days", Integer.class), rs.getString("webhook_url"),
				rs.getString("webhook_secret"));
		return new SurveyHead(rs.getLong("id"), rs.getString("survey_key"), rs.getString("name"),
				SurveyStatus.valueOf(rs.getString("status")), rs.getInt("current_version"), settings,
				rs.getInt("response_count"), rs.getInt("version"));
	}

	static Question question(ResultSet rs, int row) throws SQLException {
		int position = rs.getInt("position");
		String key = rs.getString("question_key");
		String conditionKey = rs.getString("show_if_key");
		Condition condition = (conditionKey != null) ? new Condition(conditionKey,
				Condition.Operator.valueOf(rs.getString("show_if_op")), rs.getInt("show_if_value")) : null;
		return new Question(rs.getLong("id"), (key == null || key.isEmpty()) ? "q" + position : key, position,
				QuestionType.valueOf(rs.getString("question_type")), rs.getBoolean("required"), localized(rs, "prompt"),
				localized(rs, "low_label"), localized(rs, "high_label"),
				options(rs.getString("options_en"), rs.getString("options_zh"), rs.getString("options_ru")),
				rs.getBoolean("allow_other"), condition);
	}

	private static Localized localized(ResultSet rs, String prefix) throws SQLException {
		return new Localized(rs.getString(prefix + "_en"), rs.getString(prefix + "_zh"), rs.getString(prefix + "_ru"));
	}

	static List<Localized> options(String en, String zh, String ru) {
		if (en == null || en.isEmpty()) {
			return List.of();
		}
		List<String> english = lines(en);
		List<String> chinese = lines(zh);
		List<String> russian = lines(ru);
		List<Localized> options = new ArrayList<>();
		for (int i = 0; i < english.size(); i++) {
			options.add(new Localized(english.get(i), (i < chinese.size()) ? chinese.get(i) : null,
					(i < russian.size()) ? russian.get(i) : null));
		}
		return options;
	}

	static String joinOptions(List<Localized> options, java.util.function.Function<Localized, String> language) {
		if (options.isEmpty()) {
			return null;
		}
		List<String> texts = options.stream().map(language).map((t) -> (t != null) ? t : "").toList();
		return texts.stream().allMatch(String::isEmpty) ? null : String.join("\n", texts);
	}

	static List<String> lines(String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split("\n", -1));
	}

	static List<String> origins(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(" ")).filter((origin) -> !origin.isEmpty()).toList();
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * A survey row without its questions; {@code rowVersion} changes with every change of
	 * the survey or its questions.
	 */
	record SurveyHead(long id, String key, String name, SurveyStatus status, int currentVersion,
			SurveySettings settings, int responseCount, int rowVersion) {

		Survey with(List<Question> questions) {
			return new Survey(this.id, this.key, this.name, this.status, this.currentVersion, questions, this.settings,
					this.responseCount, this.rowVersion);
		}

	}

}
