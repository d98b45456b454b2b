/**
 * Private messages: conversations between members, and from staff to a member, and the
 * blocks members set against unwanted messages.
 */
package com.rapport.community.message;
