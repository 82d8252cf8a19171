package dev.customersync.core.spi;

import java.net.URL;
import java.security.CodeSource;
import org.jspecify.annotations.Nullable;

/**
 * Fails fast, with a message that says what to do, when the OkHttp that loaded is not OkHttp 5.
 *
 * <p>An application that has OkHttp 3 or 4 ahead of OkHttp 5 on its class path (Retrofit 2 brings
 * in 3.14.9) otherwise dies on its first call with {@code NoSuchFieldError: Companion} or {@code
 * NoSuchMethodError}, deep inside OkHttp, naming nothing it can act on. Every client builder calls
 * {@link #requireOkHttp5()} first; the answer is worked out once per class loader.
 */
public final class OkHttpVersionCheck {

  private static volatile @Nullable String problem;
  private static volatile boolean checked;

  private OkHttpVersionCheck() {}

  /**
   * Returns when OkHttp 5 is the one loaded.
   *
   * @throws IllegalStateException naming the OkHttp version and jar found and how to fix the class path
   */
  public static void requireOkHttp5() {
    if (!checked) {
      problem = findProblem();
      checked = true;
    }
    String p = problem;
    if (p != null) {
      throw new IllegalStateException(p);
    }
  }

  private static @Nullable String findProblem() {
    // The jar OkHttpClient comes from is the one that matters: with OkHttp 3 ahead of OkHttp 5,
    // okhttp3.OkHttp (new in 4) still loads from the 5.x jar while OkHttpClient loads from 3.x.
    Class<?> client = okhttp3.OkHttpClient.class;
    String jar = jarOf(client);
    String version = versionFromOkHttpClass(jar);
    if (version == null) {
      version = versionFromVersionClass(jar);
    }
    if (version == null) {
      version = "of unknown version";
    }
    if (version.startsWith("5.")) {
      return null;
    }
    return "customer-sync needs OkHttp 5.x, but OkHttp " + version + " was loaded from " + jar
        + ". Another dependency (Retrofit 2 brings OkHttp 3.14.9) puts an older OkHttp ahead of 5.x on the class path."
        + " Declare com.squareup.okhttp3:okhttp-jvm with the version customer-sync-bom manages"
        + " (or exclude com.squareup.okhttp3:okhttp from that dependency) so that OkHttp 5 is the only one.";
  }

  /** OkHttp 4 and 5: {@code okhttp3.OkHttp.VERSION}, when it comes from the same jar as OkHttpClient. */
  private static @Nullable String versionFromOkHttpClass(String clientJar) {
    try {
      Class<?> okHttp = Class.forName("okhttp3.OkHttp", false, okhttp3.OkHttpClient.class.getClassLoader());
      if (!jarOf(okHttp).equals(clientJar)) {
        return null;
      }
      return String.valueOf(okHttp.getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** OkHttp 3: {@code okhttp3.internal.Version.userAgent()}, e.g. {@code okhttp/3.14.9}. */
  private static @Nullable String versionFromVersionClass(String clientJar) {
    try {
      Class<?> v = Class.forName("okhttp3.internal.Version", false, okhttp3.OkHttpClient.class.getClassLoader());
      if (!jarOf(v).equals(clientJar)) {
        return null;
      }
      String agent = String.valueOf(v.getMethod("userAgent").invoke(null));
      return agent.startsWith("okhttp/") ? agent.substring("okhttp/".length()) : agent;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static String jarOf(Class<?> c) {
    try {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      return location == null ? "an unknown location" : location.toString();
    } catch (SecurityException e) {
      return "an unknown location";
    }
  }
}
