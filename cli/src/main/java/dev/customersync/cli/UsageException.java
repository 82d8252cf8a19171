package dev.customersync.cli;

/**
 * Bad usage or configuration found before anything is sent: a missing credential, an unknown
 * vendor, an unreadable file. The command prints the message and exits 2. Messages name the
 * setting, never its value.
 */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
