/**
 * Idea boards: in a category of kind IDEAS members vote for topics (one vote each), and
 * staff or moderators give each idea a status that its voters are told of.
 */
package com.rapport.community.idea;
