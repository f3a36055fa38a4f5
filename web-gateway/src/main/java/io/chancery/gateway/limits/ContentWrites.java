package io.chancery.gateway.limits;

import org.springframework.http.HttpMethod;

/**
 * Which requests change an article, an event or the site's details: what the write bound
 * counts, what must declare its length, and what the API document says may be refused for
 * either. Imports have their own path and rules.
 */
public final class ContentWrites {

	private ContentWrites() {
	}

	/** A change to content: POST, PUT, PATCH or DELETE under a content path. */
	public static boolean isContentWrite(HttpMethod method, String path) {
		if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH
				&& method != HttpMethod.DELETE) {
			return false;
		}
		return isContentPath(path);
	}

	/** A path under the articles, the events or the site's details. */
	public static boolean isContentPath(String path) {
		return path.startsWith("/api/v1/articles") || path.startsWith("/api/v1/events")
				|| path.startsWith("/api/v1/site");
	}

}
