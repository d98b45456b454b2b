/**
 * What moderators and staff do to keep the forums healthy: tools on topics, posts and
 * members, sanctions, notes, canned replies, and the append-only audit log of it all.
 */
package com.rapport.community.moderation;
