/**
 * Running the portal as a service: health probes for load balancers, metrics for
 * Prometheus, one log line per request, and who may read them.
 */
package com.rapport.portal.ops;
