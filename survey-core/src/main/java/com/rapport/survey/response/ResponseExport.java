package com.rapport.survey.response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.survey.survey.Question;
import com.rapport.survey.survey.QuestionType;
import com.rapport.survey.survey.SurveyService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Writes a survey's responses as CSV (RFC 4180, UTF-8 with a byte order mark for Excel):
 * one row per response, one column per question key of any version. Rows are streamed
 * from the database to the writer, so a million responses never sit in memory.
 */
@Service
public class ResponseExport {

	private static final List<String> FIXED = List.of("response", "status", "version", "started", "completed",
			"channel", "locale", "device", "page", "fields");

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final SurveyService surveys;

	ResponseExport(JdbcTemplate jdbc, SurveyService surveys) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		// Connector/J streams a result row by row with this fetch size
		this.streaming.setFetchSize(Integer.MIN_VALUE);
		this.surveys = surveys;
	}

	/**
	 * Writes the CSV.
	 * @param surveyId the survey
	 * @param out where to (closed by the caller)
	 * @throws IOException when writing fails
	 */
	public void write(long surveyId, Writer out) throws IOException {
		List<Question> columns = this.surveys.allQuestionKeys(surveyId);
		Map<String, Integer> columnOfKey = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			columnOfKey.put(columns.get(i).key(), FIXED.size() + i);
		}
		Map<Long, QuestionColumn> byQuestionId = new HashMap<>();
		this.jdbc.query("SELECT id, question_key, position, question_type, options_en FROM survey_question "
				+ "WHERE survey_id = ?", (RowCallbackHandler) (rs) -> {
					String key = rs.getString(2);
					String realKey = (key == null || key.isEmpty()) ? "q" + rs.getInt(3) : key;
					byQuestionId.put(rs.getLong(1), new QuestionColumn(columnOfKey.getOrDefault(realKey, -1),
							QuestionType.valueOf(rs.getString(4)),
							(rs.getString(5) != null) ? Arrays.asList(rs.getString(5).split("\n", -1)) : List.of()));
				}, surveyId);
		out.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
		List<String> header = new ArrayList<>(FIXED);
		columns.forEach((q) -> header.add(q.key() + " " + q.prompt(Locale.ENGLISH)));
		csv.printRecord(header);
		RowWriter rows = new RowWriter(csv, FIXED.size() + columns.size(), byQuestionId);
		this.streaming.query("""
				SELECT r.id, r.status, r.survey_version, r.started_at, r.completed_at, r.channel, r.locale, r.device,
				       r.page_url, r.hidden_fields, a.question_id, a.number_value, a.choice_values, a.text_value
				FROM survey_response r LEFT JOIN survey_answer a ON a.response_id = r.id
				WHERE r.survey_id = ? ORDER BY r.id
				""", rows, surveyId);
		rows.flush();
		csv.flush();
	}

	private record QuestionColumn(int column, QuestionType type, List<String> options) {

		String text(Integer number, String choices, String text) {
			if (this.type == QuestionType.SINGLE_CHOICE && number != null) {
				return option(number);
			}
			if (this.type == QuestionType.MULTIPLE_CHOICE) {
				List<String> parts = new ArrayList<>();
				if (choices != null) {
					for (String choice : choices.split(",")) {
						parts.add(option(Integer.parseInt(choice)));
					}
				}
				if (text != null) {
					parts.add(text.isEmpty() ? "Other" : "Other: " + text);
				}
				return String.join("; ", parts);
			}
			return (number != null) ? number.toString() : text;
		}

		private String option(int number) {
			return (number >= 1 && number <= this.options.size()) ? this.options.get(number - 1)
					: String.valueOf(number);
		}

	}

	/** Gathers the answer rows of one response into one CSV record. */
	private static final class RowWriter implements RowCallbackHandler {

		private final CSVPrinter csv;

		private final int width;

		private final Map<Long, QuestionColumn> columns;

		private long current = -1;

		private String[] record;

		RowWriter(CSVPrinter csv, int width, Map<Long, QuestionColumn> columns) {
			this.csv = csv;
			this.width = width;
			this.columns = columns;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long id = rs.getLong(1);
			if (id != this.current) {
				flush();
				this.current = id;
				this.record = new String[this.width];
				this.record[0] = Long.toString(id);
				this.record[1] = rs.getString(2);
				this.record[2] = Integer.toString(rs.getInt(3));
				this.record[3] = time(rs.getTimestamp(4));
				this.record[4] = time(rs.getTimestamp(5));
				this.record[5] = rs.getString(6);
				this.record[6] = rs.getString(7);
				this.record[7] = rs.getString(8);
				this.record[8] = rs.getString(9);
				this.record[9] = rs.getString(10);
			}
			long questionId = rs.getLong(11);
			if (rs.wasNull()) {
				return;
			}
			QuestionColumn column = this.columns.get(questionId);
			if (column != null && column.column() >= 0) {
				this.record[column.column()] = column.text(rs.getObject(12, Integer.class), rs.getString(13),
						rs.getString(14));
			}
		}

		void flush() {
			if (this.record == null) {
				return;
			}
			try {
				this.csv.printRecord((Object[]) this.record);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.record = null;
		}

		private static String time(Timestamp timestamp) {
			return (timestamp != null) ? timestamp.toInstant().toString() : null;
		}

	}

}
