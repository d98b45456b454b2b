/**
 * Mail to members: written to an outbox in the transaction that causes it, sent by a
 * background job with retries.
 */
package com.rapport.portal.mail;
