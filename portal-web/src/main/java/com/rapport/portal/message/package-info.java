/**
 * Private messages in the browser: the conversation list, a conversation, writing one,
 * and blocking a member.
 */
package com.rapport.portal.message;
