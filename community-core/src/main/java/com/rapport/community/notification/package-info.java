/**
 * What members are told about: mentions, replies, accepted answers, reactions. Shown as a
 * bell with the unread count and on the notifications page.
 */
package com.rapport.community.notification;
