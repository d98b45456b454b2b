/**
 * Full-text search over topics and posts in English, Chinese and Russian, with filters,
 * highlighted snippets and an index kept in step with every change to a post.
 */
package com.rapport.community.search;
