package io.github.junitmailassert.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitmailassert.MailDeliverability;
import io.github.junitmailassert.MailDeliverability.Lifecycle;
import io.github.junitmailassert.MailDeliverabilityExtension;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextCustomizer;

/** Which test classes get the capture server's properties, and what users see when it cannot be there. */
class ContextCustomizerFactoryTest {

  private static final MailDeliverabilityContextCustomizerFactory FACTORY = new MailDeliverabilityContextCustomizerFactory();

  private static ContextCustomizer customizerOf(Class<?> testClass) {
    return FACTORY.createContextCustomizer(testClass, List.of());
  }

  @MailDeliverability(domain = "a.example", lifecycle = Lifecycle.PER_CLASS)
  static class AnnotatedA {
    @Nested
    class Inner {}
  }

  @MailDeliverability(domain = "b.example", lifecycle = Lifecycle.PER_CLASS)
  static class AnnotatedB {}

  static class WithStaticField {
    @RegisterExtension
    static MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().build();
  }

  static class SubclassOfWithStaticField extends WithStaticField {}

  static class Plain {}

  @Test
  void should_give_each_class_with_its_own_server_its_own_context_and_nested_classes_the_enclosing_one() {
    assertThat(customizerOf(AnnotatedA.class)).isNotNull().isEqualTo(customizerOf(AnnotatedA.class))
        .hasSameHashCodeAs(customizerOf(AnnotatedA.class))
        .isEqualTo(customizerOf(AnnotatedA.Inner.class))
        .isNotEqualTo(customizerOf(AnnotatedB.class));
    assertThat(customizerOf(WithStaticField.class)).isNotNull()
        .isNotEqualTo(customizerOf(SubclassOfWithStaticField.class));
  }

  @Test
  void should_leave_a_class_without_junit_mail_assert_alone() {
    assertThat(customizerOf(Plain.class)).isNull();
  }

  // ------------------------------------------------------------------ real Spring Boot contexts through the engine

  @SpringBootTest(properties = "spring.mail.host=smtp.example.invalid")
  static class WithoutTheExtensionFixture {
    @Autowired
    Environment environment;

    @Test
    void keepsItsOwnProperties() {
      assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example.invalid");
    }
  }

  @SpringBootTest
  @MailDeliverability(domain = "sample.co.jp")
  static class PerMethodFixture {
    @Autowired
    WelcomeMailer welcomeMailer;

    @Test
    void sends() {}
  }

  @SpringBootTest
  static class InstanceFieldFixture {
    @RegisterExtension
    MailDeliverabilityExtension mail = MailDeliverabilityExtension.newInstance().build();

    @Autowired
    WelcomeMailer welcomeMailer;

    @Test
    void sends() {}
  }

  @SpringBootTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @MailDeliverability(domain = "sample.co.jp", lifecycle = Lifecycle.PER_CLASS)
  static class TestInstancePerClassFixture {
    @Autowired
    WelcomeMailer welcomeMailer;

    @Test
    void sends() {}
  }

  private static Throwable rootCauseOfTheFailureOf(Class<?> fixture) {
    List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().allEvents()
        .failed().list();
    assertThat(failed).hasSize(1);
    Throwable t = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void should_leave_the_properties_of_a_spring_test_without_the_extension_as_they_are() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutTheExtensionFixture.class)).execute()
        .testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void should_explain_that_a_server_per_test_starts_after_the_context_is_built() {
    assertThat(rootCauseOfTheFailureOf(PerMethodFixture.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage("junit-mail-assert cannot give spring.mail.host and spring.mail.port: @MailDeliverability on"
            + " io.github.junitmailassert.spring.ContextCustomizerFactoryTest$PerMethodFixture starts a capture server"
            + " before each test (lifecycle PER_METHOD), after Spring has built the application context that reads"
            + " spring.mail.host and spring.mail.port: declare lifecycle = PER_CLASS (one server for the class, mails"
            + " cleared before each test)");
    assertThat(rootCauseOfTheFailureOf(InstanceFieldFixture.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage("junit-mail-assert cannot give spring.mail.host and spring.mail.port: the @RegisterExtension"
            + " field 'mail' of io.github.junitmailassert.spring.ContextCustomizerFactoryTest$InstanceFieldFixture is"
            + " not static, so its capture server starts before each test, after Spring has built the application"
            + " context that reads spring.mail.host and spring.mail.port: make the field static (one server for the"
            + " class, mails cleared before each test)");
  }

  @Test
  void should_explain_that_a_test_instance_per_class_builds_the_context_before_the_server_starts() {
    assertThat(rootCauseOfTheFailureOf(TestInstancePerClassFixture.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage("junit-mail-assert cannot give spring.mail.host and spring.mail.port: the capture server of"
            + " io.github.junitmailassert.spring.ContextCustomizerFactoryTest$TestInstancePerClassFixture is not"
            + " running while Spring builds the application context of"
            + " io.github.junitmailassert.spring.ContextCustomizerFactoryTest$TestInstancePerClassFixture. It runs"
            + " from the class's beforeAll to its afterAll, and Spring must build the context in between, when it"
            + " prepares the test instance: @TestInstance(PER_CLASS) makes Spring build it before, so remove it");
  }
}
