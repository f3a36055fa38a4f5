package io.chancery.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Kubernetes' built-in types, checked by the models the official Java client generates
 * from the Kubernetes OpenAPI document: each refuses a field its type does not declare
 * and a missing required one, all the way down.
 */
final class KubernetesTypes {

	private static final Map<String, Class<?>> TYPES = Map.of("v1/Service", V1Service.class, "v1/ServiceAccount",
			V1ServiceAccount.class, "v1/ConfigMap", V1ConfigMap.class, "v1/Secret", V1Secret.class,
			"apps/v1/Deployment", V1Deployment.class, "autoscaling/v2/HorizontalPodAutoscaler",
			V2HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
			"networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class, "networking.k8s.io/v1/Ingress",
			V1Ingress.class);

	private KubernetesTypes() {
	}

	/**
	 * The model class of a built-in kind, or null for kinds Kubernetes itself does not
	 * define.
	 */
	static @Nullable Class<?> typeOf(JsonNode object) {
		return TYPES.get(object.path("apiVersion").asString() + "/" + object.path("kind").asString());
	}

	static List<String> problems(JsonNode node, Class<?> type) {
		try {
			Method validate = type.getMethod("validateJsonElement", JsonElement.class);
			validate.invoke(null, JsonParser.parseString(node.toString()));
			return List.of();
		}
		catch (InvocationTargetException ex) {
			return List.of(type.getSimpleName() + ": " + ex.getCause().getMessage());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> objectMeta(JsonNode metadata) {
		return problems(metadata, V1ObjectMeta.class);
	}

	static List<String> podTemplate(JsonNode template) {
		return problems(template, V1PodTemplateSpec.class);
	}

	static List<String> persistentVolumeClaim(JsonNode claim) {
		return problems(claim, V1PersistentVolumeClaim.class);
	}

}
