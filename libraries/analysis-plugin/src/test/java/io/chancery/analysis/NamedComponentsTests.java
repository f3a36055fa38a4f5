package io.chancery.analysis;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * named_components.json is written by hand; Elasticsearch trusts it over the annotations,
 * so it must name every factory, under its annotated name, as something the server can
 * instantiate.
 */
class NamedComponentsTests {

	private static final List<Class<? extends TokenFilterFactory>> FACTORIES = List.of(YoFoldTokenFilterFactory.class,
			RussianStemTokenFilterFactory.class, EnglishStemTokenFilterFactory.class);

	@Test
	void listsEveryFactoryUnderItsAnnotatedName() throws Exception {
		Map<String, Map<String, String>> components = JsonMapper.builder()
			.build()
			.readValue(Path.of("src/main/plugin-metadata/named_components.json").toFile(), new TypeReference<>() {
			});
		assertThat(components).containsOnlyKeys(TokenFilterFactory.class.getName());

		Map<String, String> expected = new LinkedHashMap<>();
		for (Class<? extends TokenFilterFactory> factory : FACTORIES) {
			expected.put(factory.getAnnotation(NamedComponent.class).value(), factory.getName());
		}
		assertThat(components.get(TokenFilterFactory.class.getName())).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(expected).containsOnlyKeys("chancery_yo_fold", "chancery_russian_stem", "chancery_english_stem");
	}

	@Test
	void factoriesArePublicWithAPublicNoArgumentConstructor() throws Exception {
		for (Class<? extends TokenFilterFactory> factory : FACTORIES) {
			assertThat(Modifier.isPublic(factory.getModifiers())).as(factory.getName()).isTrue();
			assertThat(factory.getConstructor().newInstance().name())
				.isEqualTo(factory.getAnnotation(NamedComponent.class).value());
		}
	}

}
