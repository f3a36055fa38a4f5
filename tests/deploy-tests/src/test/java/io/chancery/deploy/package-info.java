/**
 * Tests of the Helm chart under deploy/helm/chancery, run where no cluster is: rendering
 * through helm-java, strict schema validation, policies, and a smoke test of the rendered
 * Deployments against the local engines.
 */
@NullMarked
package io.chancery.deploy;

import org.jspecify.annotations.NullMarked;
