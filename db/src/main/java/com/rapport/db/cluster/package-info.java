/**
 * Several portal nodes on one database: which node this is, and a database lock that lets
 * exactly one node run a scheduled job.
 */
package com.rapport.db.cluster;
