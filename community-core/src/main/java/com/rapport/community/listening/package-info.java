/**
 * Social listening: the terms staff watch (products, competitors), their mentions in
 * posts and open-text survey answers counted as they are written, and the alert when a
 * term's negative share jumps.
 */
package com.rapport.community.listening;
