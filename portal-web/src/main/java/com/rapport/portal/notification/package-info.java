/**
 * The notifications page and the bell's target.
 */
package com.rapport.portal.notification;
