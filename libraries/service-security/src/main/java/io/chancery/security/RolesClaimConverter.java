package io.chancery.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A JWT's {@code roles} claim ({@code ["editor"]}) as Spring's roles
 * ({@code ROLE_EDITOR}); no claim, no role. Its holder is named {@code jwt:<subject>}, as
 * the editorial record names them. The services' chain uses it as it is, the gateway's
 * through Spring's reactive adapter.
 */
public final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	/** How a token's holder is named: {@code jwt:<subject>}. */
	public static final String PRINCIPAL_PREFIX = "jwt:";

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		Collection<GrantedAuthority> authorities = (roles != null) ? roles.stream().map(ApiKeys::role).toList()
				: List.of();
		return new JwtAuthenticationToken(jwt, authorities, PRINCIPAL_PREFIX + jwt.getSubject());
	}

}
