package io.github.junitmailassert.it.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Behind {@link RequiresDocker}: skip, or fail under {@code it.requireDocker}, when Docker or the image is missing. */
final class DockerCondition implements ExecutionCondition {

  static final String REQUIRE_DOCKER = "it.requireDocker";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = missing();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Docker answers and image " + DebianSendmailImage.NAME + " exists");
    }
    String reason = missing + ": run .ci/prepare-docker (root) and source the env file it prints";
    if (Boolean.parseBoolean(context.getConfigurationParameter(REQUIRE_DOCKER).orElse(System.getProperty(REQUIRE_DOCKER)))) {
      throw new ExtensionConfigurationException(reason + " (" + REQUIRE_DOCKER + "=true: these tests must run here)");
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  /** What is missing, or null when the tests can run. */
  private static String missing() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")";
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(DebianSendmailImage.NAME).exec();
      return null;
    } catch (NotFoundException e) {
      return "the Docker engine has no image " + DebianSendmailImage.NAME + " (no registry is reachable: it is built locally)";
    }
  }
}
