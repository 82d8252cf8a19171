package dev.customersync.redis.internal;

/**
 * Redis could not serve a command: refused, reset, timed out or not connected. Never leaves the
 * module: the limiter and the token cache turn it into their configured behaviour (a {@code
 * TransportException} or the local fallback).
 */
public final class RedisUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message what failed, without secrets */
  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
