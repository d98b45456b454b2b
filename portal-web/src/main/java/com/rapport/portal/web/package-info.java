/**
 * What every page shares: languages, the layout's model (brand, viewer), dates in the
 * reader's language.
 */
package com.rapport.portal.web;
