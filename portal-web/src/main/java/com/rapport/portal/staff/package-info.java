/**
 * The staff area: its landing page and the members' roles.
 */
package com.rapport.portal.staff;
