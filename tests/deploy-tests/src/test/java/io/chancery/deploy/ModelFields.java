package io.chancery.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Gateway API and Prometheus Operator kinds, read into the fabric8 models generated
 * from their CRDs. Those models keep a field they do not know in an "additional
 * properties" map instead of failing, so every object read is walked and any such field
 * is a problem.
 */
final class ModelFields {

	private static final Map<String, Class<?>> TYPES = Map.of("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class,
			"monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class, "monitoring.coreos.com/v1/PodMonitor",
			PodMonitor.class, "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private ModelFields() {
	}

	static @Nullable Class<?> typeOf(JsonNode object) {
		return TYPES.get(object.path("apiVersion").asString() + "/" + object.path("kind").asString());
	}

	static List<String> problems(JsonNode object, Class<?> type) {
		List<String> problems = new ArrayList<>();
		try {
			walk(MAPPER.readValue(object.toString(), type), "", problems);
		}
		catch (Exception ex) {
			problems.add(type.getSimpleName() + ": " + ex.getMessage());
		}
		return problems;
	}

	private static void walk(@Nullable Object value, String path, List<String> problems)
			throws ReflectiveOperationException {
		if (value == null) {
			return;
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				walk(list.get(i), path + "[" + i + "]", problems);
			}
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object property = getter.invoke(value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
					problems.add(path + ": unknown field(s) " + unknown.keySet());
				}
			}
			else {
				walk(property, path + "." + decapitalize(getter.getName().substring(3)), problems);
			}
		}
	}

	private static String decapitalize(String name) {
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

}
