/**
 * The forum pages: latest topics, a category, a topic, the composer.
 */
package com.rapport.portal.forum;
