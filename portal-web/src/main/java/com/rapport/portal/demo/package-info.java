/**
 * The demo brand, an outdoor-gear shop, loaded once under the {@code demo} profile only
 * (its passwords are public), and the first staff account of a fresh install.
 */
package com.rapport.portal.demo;
