/**
 * Account pages: register, log in, confirm the email address, reset a forgotten password.
 */
package com.rapport.portal.account;
