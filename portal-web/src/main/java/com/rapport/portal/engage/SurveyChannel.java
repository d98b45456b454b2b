package com.rapport.portal.engage;

import java.util.List;

/**
 * The channels through which a survey is shown, for its click-through: the frame on the
 * brand's website, the panel in a topic, and the invitation in the forum.
 */
public final class SurveyChannel {

	/** The embedded frame (inline or pop-over) on the brand's website. */
	public static final String EMBED = "embed";

	/** The survey a moderator showed in a topic, shown to a member who may answer. */
	public static final String TOPIC = "topic";

	/** An invitation under "Questions for you" and in the bell. */
	public static final String INVITATION = "invitation";

	static final List<String> ALL = List.of(EMBED, TOPIC, INVITATION);

	private SurveyChannel() {
	}

}
