package dev.customersync.core.spi;

import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link OkHttpClient} a vendor client and its token fetcher share: the application's,
 * which is never shut down here, or one created for the vendor client and released by {@link
 * #close()}. Sharing it keeps one connection pool and one dispatcher per vendor client instead of
 * one per component.
 */
public final class SharedOkHttpClient implements AutoCloseable {

  private final OkHttpClient client;
  private final boolean owned;

  private SharedOkHttpClient(OkHttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  /**
   * {@return a holder of the application's client when it gave one, else of a new one this holder
   * owns}
   *
   * @param given the application's client, or null
   */
  public static SharedOkHttpClient of(@Nullable OkHttpClient given) {
    return given != null ? new SharedOkHttpClient(given, false) : new SharedOkHttpClient(new OkHttpClient(), true);
  }

  /** {@return the client to build on; derive per-component settings with {@code newBuilder()}} */
  public OkHttpClient client() {
    return client;
  }

  /** {@return whether {@link #close()} releases the client (it was created here, not given)} */
  public boolean owned() {
    return owned;
  }

  /** Releases the connection pool and dispatcher threads when owned; an application's client stays open. */
  @Override
  public void close() {
    if (owned) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
