/**
 * The moderation area for moderators and staff.
 */
package com.rapport.portal.mod;
