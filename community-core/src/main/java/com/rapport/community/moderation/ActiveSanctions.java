package com.rapport.community.moderation;

import java.util.Optional;

/**
 * The sanctions holding for a member now.
 *
 * @param silence the silence in force, or null
 * @param suspension the suspension in force, or null
 */
public record ActiveSanctions(Sanction silence, Sanction suspension) {

	public static final ActiveSanctions NONE = new ActiveSanctions(null, null);

	public Optional<Sanction> silenced() {
		return Optional.ofNullable(this.silence);
	}

	public Optional<Sanction> suspended() {
		return Optional.ofNullable(this.suspension);
	}

	public boolean any() {
		return this.silence != null || this.suspension != null;
	}

}
