package dev.customersync.cli;

/**
 * A customer file that cannot be read at all: it does not exist, its extension is neither {@code
 * .csv} nor {@code .jsonl}, or its CSV header names a column the reader does not know. A single bad
 * row is never this: it is a bad {@link CustomerRow}.
 */
public class CustomerFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message what is wrong with the file, naming it
   * @param cause the underlying error, or null
   */
  public CustomerFileException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
  }
}
