package com.rapport.survey.sentiment;

/**
 * Which of the English rules beyond VADER's are on. {@link #VADER} reproduces VADER's own
 * rules (to measure what ours add); {@link #RAPPORT} is what the analyser uses.
 *
 * @param lexiconAdditions our added words ({@code en/lexicon-corrections.tsv}) and the
 * regular inflections of every rated word
 * @param irrealis a sentiment word after a modal, "if" or a wish in the same clause
 * counts half ("it would have been fun")
 * @param likeAsVerbOnly "like" rates only as the verb of liking ("I like it"), not as a
 * comparison ("looks like rain", "things like that")
 */
record EnglishRules(boolean lexiconAdditions, boolean irrealis, boolean likeAsVerbOnly) {

	static final EnglishRules VADER = new EnglishRules(false, false, false);

	static final EnglishRules RAPPORT = new EnglishRules(true, true, true);

}
