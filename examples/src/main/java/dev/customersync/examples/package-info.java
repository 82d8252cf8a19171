/**
 * Runnable examples (not published): {@code Demo}, {@code QuickStart}, {@code SyncFile} and {@code
 * ActivateArticle}, each against a real vendor when its environment variables are set and otherwise
 * against the {@code sdk-testkit} fakes. They use only the public API of the modules.
 */
@NullMarked
package dev.customersync.examples;

import org.jspecify.annotations.NullMarked;
