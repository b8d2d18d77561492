package io.github.junitmailassert.it.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Behind {@link RequiresDocker}: skip, or fail under {@code it.requireDocker} or {@code it.requireTools},
 * when Docker or one of the images is missing.
 */
final class DockerCondition implements ExecutionCondition {

  static final String REQUIRE_DOCKER = "it.requireDocker";
  /** What CI passes for every tool the integration tests need (src-it/senders): Docker is one. */
  static final String REQUIRE_TOOLS = "it.requireTools";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> images = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class)
        .map(r -> Arrays.stream(r.images()).map(RequiresDocker.Image::imageName).toList())
        .orElse(List.of(DebianSendmailImage.NAME));
    String missing = missing(images);
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Docker answers and images " + images + " exist");
    }
    String reason = missing + ": run .ci/prepare-docker (root) and source the env file it prints";
    for (String property : List.of(REQUIRE_DOCKER, REQUIRE_TOOLS)) {
      if (Boolean.parseBoolean(context.getConfigurationParameter(property).orElse(System.getProperty(property)))) {
        throw new ExtensionConfigurationException(reason + " (" + property + "=true: these tests must run here)");
      }
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  /** What is missing, or null when the tests can run. */
  private static String missing(List<String> images) {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
    }
    for (String image : images) {
      try {
        DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      } catch (NotFoundException e) {
        return "the Docker engine has no image " + image + " (no registry is reachable: it is built locally)";
      }
    }
    return null;
  }
}
