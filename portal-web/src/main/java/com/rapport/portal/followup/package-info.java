/**
 * Closing the loop in the browser: the staff pages of follow-ups, the mail to a customer
 * who has no account, and the page where that customer answers.
 */
package com.rapport.portal.followup;
