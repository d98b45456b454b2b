/**
 * Topics and their posts: starting a topic, replying, the topic lists and the topic page.
 */
package com.rapport.community.topic;
