/**
 * The sentiment of what members write: every post is scored when written or edited, so
 * the staff insights read stored scores and can show the words that drove each one.
 */
package com.rapport.community.sentiment;
