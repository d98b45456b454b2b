package com.rapport.community.sentiment;

/**
 * Published in the transaction that stored a post's sentiment when it was written or
 * edited (not by the backfill), for the modules that act on negative posts.
 *
 * @param postId the post
 * @param authorId who wrote it
 * @param score from −1 (most negative) to 1
 */
public record PostSentimentScored(long postId, long authorId, double score) {
}
