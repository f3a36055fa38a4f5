package io.chancery.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code chancery.security.*} in every service that has this module. */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
class ServiceSecurityAutoConfiguration {

}
