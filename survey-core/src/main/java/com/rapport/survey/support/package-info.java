/**
 * Small mechanisms the features of every module share (write-behind counts, memos), so
 * each is written and tested once. Depends on no feature.
 */
package com.rapport.survey.support;
