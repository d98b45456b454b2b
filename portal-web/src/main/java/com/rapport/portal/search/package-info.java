/**
 * The search page: a form with filters and the topics found, their matching words marked.
 */
package com.rapport.portal.search;
