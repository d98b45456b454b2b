/**
 * Staff charts as PNG images for reports, drawn on the server by JFreeChart from the same
 * figures as the page's SVG, data table and CSV; knows nothing of the features that hand
 * it those figures.
 */
package com.rapport.portal.chart;
