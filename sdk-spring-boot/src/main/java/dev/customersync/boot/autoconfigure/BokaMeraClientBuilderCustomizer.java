package dev.customersync.boot.autoconfigure;

import dev.customersync.bokamera.BokaMeraClient;

/**
 * Tunes the {@code BokaMeraClient.Builder} of the auto-configured client after the {@code
 * customersync.bokamera.*} properties are applied and before it is built, without
 * replacing the bean: a listener, an {@code OkHttpClient} to share, a rate limiter, an executor.
 * Every bean of this type is applied, in {@code @Order}; the Micrometer wiring is one of them.
 */
@FunctionalInterface
public interface BokaMeraClientBuilderCustomizer {

  /**
   * Changes the builder; called once, on the thread creating the client bean.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(BokaMeraClient.Builder builder);
}
