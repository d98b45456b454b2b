/**
 * Social listening for staff: the watch-terms page with each term's mentions over time
 * and their sentiment, the posts and answers behind them, and the alert mail.
 */
package com.rapport.portal.listening;
