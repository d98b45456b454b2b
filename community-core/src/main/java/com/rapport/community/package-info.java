/**
 * Where customers talk: members, categories, topics, posts, notifications and moderation.
 * Each sub-package is one feature with a small public surface.
 */
package com.rapport.community;
