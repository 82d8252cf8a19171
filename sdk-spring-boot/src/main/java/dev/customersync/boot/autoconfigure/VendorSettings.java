package dev.customersync.boot.autoconfigure;

import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.spi.VendorClientBuilder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Applies the settings every vendor shares, and checks credentials by property name. */
final class VendorSettings {

  private VendorSettings() {}

  /** Sets on {@code builder} what {@code props} sets; an unset value keeps the builder's default. */
  static void apply(CustomerSyncProperties.Vendor props, VendorClientBuilder<?> builder) {
    setIfPresent(props.getUserAgent(), builder::userAgent);
    builder.allowInsecureHttp(props.isAllowInsecureHttp());
    setIfPresent(props.getRateLimitTimeout(), builder::rateLimitTimeout);
    setIfPresent(props.getCallDeadline(), builder::callDeadline);
    CustomerSyncProperties.Timeouts t = props.getTimeouts();
    if (t.isSet()) {
      Timeouts.Builder b = Timeouts.builder();
      setIfPresent(t.getConnect(), b::connect);
      setIfPresent(t.getRead(), b::read);
      setIfPresent(t.getWrite(), b::write);
      setIfPresent(t.getCall(), b::call);
      builder.timeouts(b.build());
    }
    CustomerSyncProperties.Retry r = props.getRetry();
    if (r.isSet()) {
      RetryPolicy.Builder b = RetryPolicy.builder();
      setIfPresent(r.getMaxAttempts(), b::maxAttempts);
      setIfPresent(r.getBaseDelay(), b::baseDelay);
      setIfPresent(r.getMaxDelay(), b::maxDelay);
      setIfPresent(r.getRetryAfterCap(), b::retryAfterCap);
      builder.retryPolicy(b.build());
    }
  }

  static <T> void setIfPresent(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * Throws when {@code value} is unset or blank; the message names the property, never a value.
   *
   * @param group e.g. {@code customersync.billbee}
   * @param key e.g. {@code api-password}
   */
  static void require(String group, String key, @Nullable Object value, String why) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new MissingCredentialException(group, group + "." + key, why);
    }
  }
}
