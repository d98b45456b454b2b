/**
 * Sentiment of short texts in English, Chinese and Russian: a score from −1 to 1, a label
 * and the words that drove it. A pure library, no database: callers store the result.
 */
package com.rapport.survey.sentiment;
