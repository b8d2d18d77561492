package io.github.junitmailassert.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A container that did not start says what the engine said, without Testcontainers' wrapping. */
class FilterContainerTest {

  @Test
  void should_give_the_text_of_the_engines_json_reply_under_testcontainers_wrapping() {
    RuntimeException thrown = new IllegalStateException("Container startup failed for image shop/filters:1",
        new RuntimeException("Retry limit hit with exception", new RuntimeException("Status 400: {\"message\":\"failed"
            + " to create shim task: exec: \\\"spamd\\\": executable file not found in $PATH: unknown\"}\n")));

    assertThat(FilterContainer.engineReason(thrown))
        .isEqualTo("failed to create shim task: exec: \"spamd\": executable file not found in $PATH: unknown");
  }

  @Test
  void should_give_the_innermost_message_when_the_engine_did_not_answer_in_json() {
    RuntimeException thrown = new IllegalStateException("Could not find a valid Docker environment",
        new RuntimeException("  connection refused  "));

    assertThat(FilterContainer.engineReason(thrown)).isEqualTo("connection refused");
  }
}
