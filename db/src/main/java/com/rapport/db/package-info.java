/**
 * The database: the embedded MySQL-compatible server started when no external one is
 * configured, and the Flyway migrations that create the whole schema.
 */
package com.rapport.db;
