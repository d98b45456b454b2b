/**
 * The web portal: pages, forms, security, languages, the staff and moderation areas, and
 * the demo brand. Holds no business rule a core could own.
 */
package com.rapport.portal;
