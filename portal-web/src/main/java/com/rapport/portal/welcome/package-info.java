/**
 * The welcome sequence for new members: messages in the portal on day 1, 3 and 7, mailed
 * too to those who want welcome mail, each step sent once however many nodes run.
 */
package com.rapport.portal.welcome;
