package dev.customersync.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a vendor configured without a credential as Boot's "APPLICATION FAILED TO START" block
 * naming the property ("{@code `customersync.billbee.api-password` is missing}") and the two ways
 * out, instead of a bean-creation stack trace. Registered in {@code META-INF/spring.factories}.
 */
public final class CustomerSyncFailureAnalyzer extends AbstractFailureAnalyzer<MissingCredentialException> {

  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  public CustomerSyncFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingCredentialException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set " + cause.property() + " (e.g. from an environment variable or a secret store), or remove every "
            + cause.vendor() + ".* property if this application does not use that vendor.",
        cause);
  }
}
