/**
 * Closing the loop: a follow-up is opened for every detractor response and every post
 * whose sentiment falls below a threshold. Staff own it, contact the customer by private
 * message or email, record notes, and the customer's reply comes back into it.
 */
package com.rapport.community.followup;
