/**
 * <b>Public API for tests.</b> Stateful fake vendors ({@link dev.customersync.testkit.FakeBillbee},
 * {@link dev.customersync.testkit.FakeBokaMera}, {@link dev.customersync.testkit.FakeStorm}) on
 * MockWebServer, with a {@link dev.customersync.testkit.RequestJournal} of what reached them and
 * scripted {@link dev.customersync.testkit.Fault}s. Depends on {@code core} and MockWebServer, on no
 * vendor module: the fakes speak each vendor's wire format from its documentation, not from the
 * client's DTOs, so a fake and a client can disagree.
 */
@NullMarked
package dev.customersync.testkit;

import org.jspecify.annotations.NullMarked;
