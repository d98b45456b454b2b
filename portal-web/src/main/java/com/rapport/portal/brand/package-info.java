/**
 * The brand running the portal: its name, logo and accent colour shown in the layout.
 */
package com.rapport.portal.brand;
