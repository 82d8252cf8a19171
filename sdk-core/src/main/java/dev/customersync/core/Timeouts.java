package dev.customersync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The time limits of one HTTP attempt. Defaults: connect 10 s, read 30 s, write 30 s, and 60 s for
 * the whole call (connect, send, wait and read the body together, so a server that drips bytes
 * cannot hold a call forever). With retries, an operation would take up to {@code maxAttempts ×
 * callTimeout} plus the back-off waits; the call's {@link CallDeadline} (default 30 s) bounds all of
 * it together, and caps each attempt's whole-call timeout at the time left.
 */
public final class Timeouts {

  private static final Timeouts DEFAULTS = builder().build();

  private final Duration connect;
  private final Duration read;
  private final Duration write;
  private final Duration call;

  private Timeouts(Builder b) {
    this.connect = b.connect;
    this.read = b.read;
    this.write = b.write;
    this.call = b.call;
  }

  /** {@return connect 10 s, read 30 s, write 30 s, whole call 60 s} */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder, starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return how long making the connection may take} */
  public Duration connect() {
    return connect;
  }

  /** {@return the longest silence while reading the answer} */
  public Duration read() {
    return read;
  }

  /** {@return the longest stall while sending the request} */
  public Duration write() {
    return write;
  }

  /** {@return how long the whole attempt may take: connect, send, wait and read the body} */
  public Duration call() {
    return call;
  }

  @Override
  public String toString() {
    return "Timeouts{connect=" + connect + ", read=" + read + ", write=" + write + ", call=" + call + "}";
  }

  /** Builds {@link Timeouts}; every value must be positive. */
  public static final class Builder {
    private Duration connect = Duration.ofSeconds(10);
    private Duration read = Duration.ofSeconds(30);
    private Duration write = Duration.ofSeconds(30);
    private Duration call = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * How long making the connection may take; default 10 s.
     *
     * @param d positive
     * @return this builder
     */
    public Builder connect(Duration d) {
      this.connect = positive(d, "connect");
      return this;
    }

    /**
     * The longest silence while reading the answer; default 30 s.
     *
     * @param d positive
     * @return this builder
     */
    public Builder read(Duration d) {
      this.read = positive(d, "read");
      return this;
    }

    /**
     * The longest stall while sending the request; default 30 s.
     *
     * @param d positive
     * @return this builder
     */
    public Builder write(Duration d) {
      this.write = positive(d, "write");
      return this;
    }

    /**
     * How long the whole attempt may take; default 60 s.
     *
     * @param d positive
     * @return this builder
     */
    public Builder call(Duration d) {
      this.call = positive(d, "call");
      return this;
    }

    /** {@return the timeouts} */
    public Timeouts build() {
      return new Timeouts(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " timeout must be positive, was " + d);
      }
      return d;
    }
  }
}
