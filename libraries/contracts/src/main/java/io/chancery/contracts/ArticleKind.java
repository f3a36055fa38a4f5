package io.chancery.contracts;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What kind of text an article is; an unknown kind from a newer producer reads as
 * {@link #OTHER}.
 */
public enum ArticleKind {

	@JsonProperty("speech")
	SPEECH,

	@JsonProperty("interview")
	INTERVIEW,

	@JsonProperty("article")
	ARTICLE,

	@JsonProperty("statement")
	STATEMENT,

	@JsonProperty("press-release")
	PRESS_RELEASE,

	@JsonProperty("comment")
	COMMENT,

	@JsonEnumDefaultValue
	@JsonProperty("other")
	OTHER

}
