package com.rapport.survey.response;

import java.util.Locale;

/**
 * The class of device a response came from, told by the browser's User-Agent.
 */
public enum Device {

	DESKTOP, MOBILE, TABLET;

	/**
	 * The device class of a User-Agent header.
	 * @param userAgent the header, or null
	 * @return the class (desktop when unknown)
	 */
	public static Device of(String userAgent) {
		if (userAgent == null) {
			return DESKTOP;
		}
		String agent = userAgent.toLowerCase(Locale.ROOT);
		if (agent.contains("ipad") || agent.contains("tablet")) {
			return TABLET;
		}
		if (agent.contains("mobi") || agent.contains("android")) {
			return MOBILE;
		}
		return DESKTOP;
	}

}
