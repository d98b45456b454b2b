/**
 * Tags on topics: the naming rules, who may create a tag, which topics carry which tags,
 * and the tags a reader can see with their topic counts.
 */
package com.rapport.community.tag;
