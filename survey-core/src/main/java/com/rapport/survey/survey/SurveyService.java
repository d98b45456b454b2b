package com.rapport.survey.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, publishing and finding surveys.
 */
@Service
public class SurveyService {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

	private final JdbcClient jdbc;

	private final Clock clock;

	SurveyService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates a survey in draft with its first version of questions.
	 * @param key the public key (lowercase letters, digits, hyphens)
	 * @param name the name staff know it by
	 * @param questions the questions, in order
	 * @return the survey's id
	 */
	@Transactional
	public long create(String key, String name, List<NewQuestion> questions) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("A survey key is 3 to 64 lowercase letters, digits or hyphens");
		}
		Instant now = this.clock.instant();
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO survey (survey_key, name, status, created_at) VALUES (?, ?, 'DRAFT', ?)")
			.params(key, name, Timestamp.from(now))
			.update(keys);
		long id = keys.getKeyAs(Number.class).longValue();
		int position = 1;
		for (NewQuestion question : questions) {
			this.jdbc
				.sql("INSERT INTO survey_question (survey_id, survey_version, position, question_type, "
						+ "required, prompt_en, prompt_zh, prompt_ru) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")
				.params(id, position++, question.type().name(), question.required(), question.promptEn(),
						question.promptZh(), question.promptRu())
				.update();
		}
		return id;
	}

	@Transactional
	public void publish(long surveyId) {
		this.jdbc.sql("UPDATE survey SET status = 'PUBLISHED', published_at = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), surveyId)
			.update();
	}

	public Optional<Survey> findByKey(String key) {
		return this.jdbc.sql("SELECT id, survey_key, name, status, current_version FROM survey WHERE survey_key = ?")
			.param(key)
			.query((rs, n) -> new Survey(rs.getLong(1), rs.getString(2), rs.getString(3),
					SurveyStatus.valueOf(rs.getString(4)), rs.getInt(5), questions(rs.getLong(1), rs.getInt(5))))
			.optional();
	}

	private List<Question> questions(long surveyId, int version) {
		return this.jdbc
			.sql("SELECT id, position, question_type, required, prompt_en, prompt_zh, prompt_ru FROM survey_question "
					+ "WHERE survey_id = ? AND survey_version = ? ORDER BY position")
			.params(surveyId, version)
			.query(SurveyService::question)
			.list();
	}

	private static Question question(ResultSet rs, int row) throws SQLException {
		return new Question(rs.getLong("id"), rs.getInt("position"),
				QuestionType.valueOf(rs.getString("question_type")), rs.getBoolean("required"),
				rs.getString("prompt_en"), rs.getString("prompt_zh"), rs.getString("prompt_ru"));
	}

}
