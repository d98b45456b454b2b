package com.rapport.db.bench;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Surveys (version 1) with their questions in English, Chinese and Russian: an NPS
 * question first, then some of CSAT, CES and a free-text question. Most are published,
 * one in ten closed, one in ten still a draft. Responses are not generated yet: the
 * schema has no response table (see bench/README.md).
 */
final class SurveyStep implements DatasetStep {

	private static final String INSERT_SURVEY = "INSERT INTO survey (id, survey_key, name, status, created_at,"
			+ " published_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_QUESTION = "INSERT INTO survey_question (survey_id, survey_version, position,"
			+ " question_type, required, prompt_en, prompt_zh, prompt_ru) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	// type, English, Chinese, Russian; {p} is the survey's product
	private static final List<String> QUESTIONS = List.of("NPS", "How likely are you to recommend the {p} to a friend?",
			"您向朋友推荐{p}的可能性有多大？", "Насколько вероятно, что вы порекомендуете {p} другу?", "CSAT",
			"How satisfied are you with the {p}?", "您对{p}的满意度如何？", "Насколько вы довольны: {p}?", "CES",
			"How easy was it to solve your problem today?", "今天解决问题有多容易？",
			"Насколько легко было решить вашу проблему сегодня?", "TEXT", "What should we improve first?",
			"我们应该首先改进什么？", "Что нам стоит улучшить в первую очередь?");

	private static final int FIELDS = 4;

	@Override
	public long write(GenerationContext context) throws SQLException {
		GeneratorOptions options = context.options();
		int surveys = options.surveys();
		Progress surveyProgress = context.progress("survey", surveys);
		Progress questionProgress = context.progress("survey_question", 0);
		context.database().inBulkSession((connection) -> {
			try (BatchInsert surveyRows = new BatchInsert(connection, connection.prepareStatement(INSERT_SURVEY),
					options.batchSize(), surveyProgress);
					BatchInsert questionRows = new BatchInsert(connection, connection.prepareStatement(INSERT_QUESTION),
							options.batchSize(), questionProgress)) {
				for (int survey = 1; survey <= surveys; survey++) {
					SplittableRandom random = Seeds.random(options.seed(), Seeds.SURVEYS, survey);
					int product = random.nextInt(Language.productCount());
					addSurvey(surveyRows, survey, product, random);
					int extraQuestions = 1 + random.nextInt(QUESTIONS.size() / FIELDS - 1);
					for (int position = 1; position <= 1 + extraQuestions; position++) {
						addQuestion(questionRows, survey, position, product);
					}
				}
			}
			return null;
		});
		return surveyProgress.finish() + questionProgress.finish();
	}

	private static void addSurvey(BatchInsert rows, int survey, int product, SplittableRandom random)
			throws SQLException {
		LocalDateTime created = ForumPlan.EPOCH.plusDays(random.nextInt(800));
		String status = switch (survey % 10) {
			case 9 -> "CLOSED";
			case 8 -> "DRAFT";
			default -> "PUBLISHED";
		};
		var statement = rows.statement();
		statement.setLong(1, survey);
		statement.setString(2, "bench-survey-" + survey);
		statement.setString(3, "Feedback: " + Language.EN.product(product) + " #" + survey);
		statement.setString(4, status);
		statement.setObject(5, created);
		statement.setObject(6, "DRAFT".equals(status) ? null : created.plusDays(1));
		statement.setObject(7, "CLOSED".equals(status) ? created.plusDays(60) : null);
		rows.add();
	}

	private static void addQuestion(BatchInsert rows, int survey, int position, int product) throws SQLException {
		int base = (position - 1) * FIELDS;
		String type = QUESTIONS.get(base);
		var statement = rows.statement();
		statement.setLong(1, survey);
		statement.setInt(2, 1);
		statement.setInt(3, position);
		statement.setString(4, type);
		statement.setBoolean(5, !"TEXT".equals(type));
		statement.setString(6, QUESTIONS.get(base + 1).replace("{p}", Language.EN.product(product)));
		statement.setString(7, QUESTIONS.get(base + 2).replace("{p}", Language.ZH.product(product)));
		statement.setString(8, QUESTIONS.get(base + 3).replace("{p}", Language.RU.product(product)));
		rows.add();
	}

}
