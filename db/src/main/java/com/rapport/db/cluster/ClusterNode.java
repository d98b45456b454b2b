package com.rapport.db.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this node among the nodes sharing the database: {@code rapport.node.name}
 * when set, else the host name and the process id. It is written into lock rows and
 * change rows so that an operator can tell which node did what.
 *
 * @param name the name, at most 100 characters
 */
public record ClusterNode(String name) {

	public ClusterNode {
		if (name == null || name.isBlank()) {
			name = hostName() + ":" + ProcessHandle.current().pid();
		}
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
