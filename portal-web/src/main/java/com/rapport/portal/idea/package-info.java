/**
 * Idea boards on the web: voting for an idea and setting its status.
 */
package com.rapport.portal.idea;
