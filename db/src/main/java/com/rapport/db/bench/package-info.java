/**
 * The benchmark dataset generator: fills an empty Rapport schema with a deterministic,
 * multilingual forum of any size through JDBC batch inserts (run by bench/generate.sh).
 */
package com.rapport.db.bench;
