package io.chancery.gateway.security;

import java.util.Set;

import io.chancery.security.ApiKeys;
import io.chancery.security.SecurityProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The API-key check for the content writes' own path, which Spring Security does not see:
 * the same {@link ApiKeys} as the full path's {@code X-Api-Key} authentication, asked
 * without building an exchange around it.
 */
@Component
public class EditorKeys {

	private static final Set<String> MAY_WRITE = Set.of("ROLE_EDITOR", "ROLE_ADMIN");

	private final ApiKeys keys;

	EditorKeys(SecurityProperties properties) {
		this.keys = new ApiKeys(properties.apiKeys());
	}

	/**
	 * The name of the editor or admin {@code presented} belongs to, as the full path
	 * names them ({@code api-key:<name>}); null for an unknown key or one whose role may
	 * not change content, which the full path answers (401 or 403).
	 */
	public @Nullable String writer(String presented) {
		Authentication known = this.keys.check(presented);
		if (known == null) {
			return null;
		}
		for (GrantedAuthority authority : known.getAuthorities()) {
			if (MAY_WRITE.contains(authority.getAuthority())) {
				return known.getName();
			}
		}
		return null;
	}

}
