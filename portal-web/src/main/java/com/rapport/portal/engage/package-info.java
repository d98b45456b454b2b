/**
 * Engagement measured first-party: page views, visits and bounce rate of the community,
 * and the click-through of survey invitations and notification mails per channel, counted
 * into daily rollups and shown to staff at {@code /staff/engagement}.
 */
package com.rapport.portal.engage;
