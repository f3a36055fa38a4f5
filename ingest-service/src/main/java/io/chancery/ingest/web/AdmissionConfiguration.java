package io.chancery.ingest.web;

import io.chancery.ingest.publishing.WriteAdmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Admits single writes through {@link WriteAdmission} before their body is read: a write
 * refused there costs no parsing, validation or publishing, and its 503 comes from the
 * problem handler like every other refusal. Imports have their own path and are not
 * counted; neither is a write another replica passed on, which that replica admitted.
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration implements WebMvcConfigurer {

	private static final String ADMITTED = AdmissionConfiguration.class.getName() + ".admitted";

	private final WriteAdmission admission;

	AdmissionConfiguration(WriteAdmission admission) {
		this.admission = admission;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (isWrite(request) && request.getHeader(Forwarding.FORWARDED) == null) {
					AdmissionConfiguration.this.admission.admit();
					request.setAttribute(ADMITTED, Boolean.TRUE);
				}
				return true;
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable Exception ex) {
				if (request.getAttribute(ADMITTED) != null) {
					request.removeAttribute(ADMITTED);
					AdmissionConfiguration.this.admission.release();
				}
			}

		})
			.addPathPatterns("/api/v1/articles", "/api/v1/articles/**", "/api/v1/events", "/api/v1/events/**",
					"/api/v1/site/**");
	}

	private static boolean isWrite(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "POST", "PUT", "DELETE", "PATCH" -> true;
			default -> false;
		};
	}

}
