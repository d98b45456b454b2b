package com.rapport.survey.sentiment;

/**
 * A word or phrase of a text with the valence it added to the text's sum, after its
 * negations, intensifiers and emphasis.
 *
 * @param text the word or phrase as written (with the words that modified it)
 * @param valence the signed valence it added
 */
record Cue(String text, double valence) {
}
