/**
 * Community health for the staff overview: members, activity, topics and replies,
 * response times, solved and unanswered topics, flags and the sentiment of posts per
 * category, rolled up as rows arrive so that a dashboard never aggregates raw posts.
 */
package com.rapport.community.health;
