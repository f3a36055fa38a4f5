package io.chancery.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a change did to an item, as the editorial record names it; an action from a newer
 * producer reads as {@link #CHANGED}.
 */
public enum ChangeAction {

	/** The item's first public version in this locale. */
	@JsonProperty("published")
	PUBLISHED,

	/** A draft saved: never public until a later change publishes it. */
	@JsonProperty("drafted")
	DRAFTED,

	/** A new version of an item that existed. */
	@JsonEnumDefaultValue
	@JsonProperty("changed")
	CHANGED,

	/** Withdrawn for good, or withdrawn with a note. */
	@JsonProperty("withdrawn")
	WITHDRAWN,

	/** An earlier revision published again. */
	@JsonProperty("restored")
	RESTORED

}
