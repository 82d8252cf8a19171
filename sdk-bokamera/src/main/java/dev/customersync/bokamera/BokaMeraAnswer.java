package dev.customersync.bokamera;

/**
 * A parsed BokaMera answer together with the HTTP attempts it took, so the updater can report the
 * attempts of its read and its write.
 */
record BokaMeraAnswer<T>(T value, int attempts) {}
