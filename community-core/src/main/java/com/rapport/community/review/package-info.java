/**
 * What flows into the review queue (flags, posts held for approval, watched words, spam
 * signals, rate limits, appeals), the queue itself and how well moderators decide.
 */
package com.rapport.community.review;
