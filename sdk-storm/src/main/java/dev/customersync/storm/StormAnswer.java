package dev.customersync.storm;

/**
 * A Storm answer with the HTTP attempts it took, so that an updater can report the attempts of its
 * read and write together.
 *
 * @param value what Storm answered; null when it answered {@code null} or nothing
 * @param attempts HTTP attempts, retries and a token-refresh retry included
 */
record StormAnswer<T>(T value, int attempts) {}
