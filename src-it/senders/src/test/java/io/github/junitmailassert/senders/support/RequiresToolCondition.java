package io.github.junitmailassert.senders.support;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresTool}: enabled, skipped with the install hint, or failed under CI. */
final class RequiresToolCondition implements ExecutionCondition {

  /** The system property that turns a missing program into a failure. */
  static final String REQUIRE_TOOLS = "it.requireTools";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<RequiresTool> requirements = new ArrayList<>();
    context.getElement().ifPresent(e -> requirements.addAll(find(e)));
    if (context.getTestMethod().isEmpty()) {
      for (Class<?> c = context.getRequiredTestClass().getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
        requirements.addAll(find(c));
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    Set<String> packages = new LinkedHashSet<>();
    boolean needsRoot = false;
    for (RequiresTool requirement : requirements) {
      for (String tool : requirement.value()) {
        if (Tools.find(tool).isEmpty()) {
          missing.add(tool);
          packages.add(requirement.packages());
        }
      }
      if (requirement.asRoot() && !Tools.runningAsRoot()) {
        needsRoot = true;
      }
    }
    if (missing.isEmpty() && !needsRoot) {
      return ConditionEvaluationResult.enabled(requirements.isEmpty() ? "no programs required" : "programs found");
    }
    String reason = missing.isEmpty()
        ? "needs root: the program runs in private UTS and mount namespaces (unshare) under another host name"
        : String.join(", ", missing) + " not found on the PATH (" + Tools.searchPath() + "): install the Debian packages "
            + String.join(" ", packages) + " (as root: bash .ci/install-real-senders)";
    if (Boolean.getBoolean(REQUIRE_TOOLS)) {
      throw new IllegalStateException(reason + "; -D" + REQUIRE_TOOLS + "=true makes this a failure");
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  private static List<RequiresTool> find(AnnotatedElement element) {
    return AnnotationSupport.findRepeatableAnnotations(element, RequiresTool.class);
  }
}
