/**
 * Categories of the forums, their order and who may read, start topics and reply in each.
 */
package com.rapport.community.category;
