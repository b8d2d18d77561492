/**
 * The receiver: built once per test environment from its settings, it runs every check of a
 * captured mail once and gives one {@code ReceiverResult}, which the assertions, the CI gate, the
 * profiles and both reports only render.
 */
package io.github.junitmailassert.receiver;
