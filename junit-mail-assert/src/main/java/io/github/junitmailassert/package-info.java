/**
 * The JUnit 5 door, on top of everything else: {@link io.github.junitmailassert.MailDeliverability},
 * {@link io.github.junitmailassert.MailDeliverabilityExtension} and the annotations that publish
 * the endpoints as system properties. The model is in {@code mail}, the checks each in their own
 * package, the judgement in {@code receiver}; assertions, profiles and reports render it.
 */
package io.github.junitmailassert;
