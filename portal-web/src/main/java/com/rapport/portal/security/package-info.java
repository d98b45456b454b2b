/**
 * Who may do what on the web: login, remember-me, throttling, role rules per URL,
 * security headers, and the {@code Viewer} every controller receives.
 */
package com.rapport.portal.security;
