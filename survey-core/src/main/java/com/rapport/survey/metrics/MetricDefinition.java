package com.rapport.survey.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.rapport.survey.survey.QuestionType;

/**
 * The written definition of each metric, kept as data: the scale it reads, how it is
 * computed, what counts as an answer and how it is rounded. The text shown in the help of
 * every chart is the message {@link #messageKey()}; the numbers come from
 * {@link SurveyMetrics}, so one set of answers can never give two scores on two pages.
 * Common to all: only answers given count; a question skipped, not shown or a survey
 * dismissed is never in the denominator; values are rounded half up.
 */
public enum MetricDefinition {

	/** % promoters (9–10) − % detractors (0–6) on 0–10, −100 to 100, whole points. */
	NPS("nps", 0, 10, 0, 1),
	/** Mean of the Customer Effort Score on 1–7, two decimals. */
	CES_MEAN("cesMean", 1, 7, 2, 2),
	/** % of CES answers 5–7 ("agree"), one decimal. */
	CES_AGREE("cesAgree", 1, 7, 1, 1),
	/** % of CSAT answers 4–5 on 1–5, one decimal. */
	CSAT("csat", 1, 5, 1, 1),
	/** Mean star rating on 1–5, two decimals. */
	RATING_MEAN("ratingMean", 1, 5, 2, 2),
	/** % of the respondents who answered a choice question that picked an option. */
	CHOICE_SHARE("choiceShare", 0, 0, 1, 1),
	/** Shown → started → completed, and the drop-off per question. */
	FUNNEL("funnel", 0, 0, 1, 1),
	/** The share of open-text answers per sentiment label. */
	SENTIMENT("sentiment", 0, 0, 1, 1);

	private final String id;

	private final int min;

	private final int max;

	private final int decimals;

	private final int marginDecimals;

	MetricDefinition(String id, int min, int max, int decimals, int marginDecimals) {
		this.id = id;
		this.min = min;
		this.max = max;
		this.decimals = decimals;
		this.marginDecimals = marginDecimals;
	}

	/**
	 * The metrics shown for a question of this type, headline first.
	 * @param type the question type
	 * @return the metrics
	 */
	public static List<MetricDefinition> forType(QuestionType type) {
		return switch (type) {
			case NPS -> List.of(NPS);
			case CES -> List.of(CES_MEAN, CES_AGREE);
			case CSAT -> List.of(CSAT);
			case RATING -> List.of(RATING_MEAN);
			case SINGLE_CHOICE, MULTIPLE_CHOICE -> List.of(CHOICE_SHARE);
			case TEXT -> List.of(SENTIMENT);
		};
	}

	/** A short id, used in message keys and CSV file names. */
	public String id() {
		return this.id;
	}

	/** The message key of the written definition. */
	public String messageKey() {
		return "insights.definition." + this.id;
	}

	/** The message key of the metric's name. */
	public String nameKey() {
		return "insights.metric." + this.id;
	}

	/** The lowest value of the scale read (0 when it reads no scale). */
	public int min() {
		return this.min;
	}

	/** The highest value of the scale read (0 when it reads no scale). */
	public int max() {
		return this.max;
	}

	/** Decimals shown for the value. */
	public int decimals() {
		return this.decimals;
	}

	/**
	 * Rounds a value as the definition says (half up).
	 * @param value the value
	 * @return the rounded value, NaN stays NaN
	 */
	public double round(double value) {
		return round(value, this.decimals);
	}

	/**
	 * Rounds a margin as the definition says (half up).
	 * @param margin the margin
	 * @return the rounded margin, NaN stays NaN
	 */
	public double roundMargin(double margin) {
		return round(margin, this.marginDecimals);
	}

	/**
	 * Formats a value with the definition's decimals (a dot as separator, as in CSV).
	 * @param value the value
	 * @return the text, empty for NaN
	 */
	public String format(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "";
		}
		return BigDecimal.valueOf(value).setScale(this.decimals, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Formats a margin with the definition's decimals for margins.
	 * @param margin the margin
	 * @return the text, empty for NaN
	 */
	public String formatMargin(double margin) {
		if (Double.isNaN(margin) || Double.isInfinite(margin)) {
			return "";
		}
		return BigDecimal.valueOf(margin).setScale(this.marginDecimals, RoundingMode.HALF_UP).toPlainString();
	}

	private static double round(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
	}

}
