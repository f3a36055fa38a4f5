package io.chancery.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class QueryParametersTests {

	private final QueryParameters route = QueryParameters.of(List.of("q", "size"), List.of("tag"));

	@Test
	void whatARouteAcceptsPasses() {
		assertThatNoException()
			.isThrownBy(() -> this.route.check(Map.of("q", new String[] { "a" }, "tag", new String[] { "x", "y" })));
		assertThatNoException().isThrownBy(() -> this.route.check(Map.of()));
	}

	@Test
	void anUnknownParameterIsRefusedListingWhatIsAccepted() {
		assertThatExceptionOfType(InvalidParameter.class)
			.isThrownBy(() -> this.route.check(Map.of("tags", new String[] { "x" })))
			.satisfies((ex) -> {
				assertThat(ex.parameter()).isEqualTo("tags");
				assertThat(ex.accepted()).containsExactly("q", "size", "tag");
				assertThat(ex.problem().getDetail()).isEqualTo("Parameter 'tags' is not a parameter of this route");
				assertThat(ex.problem().getStatus()).isEqualTo(400);
				assertThat(ex.problem().getProperties()).containsEntry("accepted", List.of("q", "size", "tag"));
			});
	}

	@Test
	void aSecondValueIsRefusedWhereOneIsTaken() {
		LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("size", "5");
		query.add("size", "6");
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> this.route.check(query))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("is given more than once"));
	}

	@Test
	void aRouteWithoutParametersRefusesAny() {
		assertThatExceptionOfType(InvalidParameter.class)
			.isThrownBy(() -> QueryParameters.NONE.check(Map.of("x", new String[] { "1" })))
			.satisfies((ex) -> assertThat(ex.accepted()).isEmpty());
	}

	@Test
	void aHandlersRequestParamsAreWhatItAccepts() throws Exception {
		QueryParameters accepted = QueryParameters.ofRequestParams(new HandlerMethod(new Routes(),
				Routes.class.getDeclaredMethod("read", String.class, String.class, List.class, String.class)));
		assertThat(accepted.names()).containsExactly("at", "locale", "tag");
		assertThat(accepted.repeatable("tag")).isTrue();
		assertThat(accepted.repeatable("at")).isFalse();
	}

	@Test
	void emptyAcceptedIsStillAListInTheProblem() {
		InvalidParameter invalid = new InvalidParameter("cursor", "is not a cursor of this service", List.of());
		assertThat(invalid.problem().getProperties()).containsEntry("accepted", List.of());
	}

	static class Routes {

		String read(@RequestParam String locale, @RequestParam(name = "at") String instant,
				@RequestParam List<String> tag, @PathVariable String id) {
			return locale + instant + tag + id;
		}

	}

}
