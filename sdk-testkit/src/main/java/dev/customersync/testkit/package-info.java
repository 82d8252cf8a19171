/**
 * <b>Public API for tests.</b> Stateful fake vendors ({@link dev.customersync.testkit.FakeBillbee},
 * {@link dev.customersync.testkit.FakeBokaMera}, {@link dev.customersync.testkit.FakeStorm}) on
 * MockWebServer, with a {@link dev.customersync.testkit.RequestJournal} of what reached them and
 * scripted {@link dev.customersync.testkit.Fault}s. Depends on {@code core} and MockWebServer, on no
 * vendor module: the fakes speak each vendor's wire format from its documentation, not from the
 * client's DTOs, so a fake and a client can disagree.
 *
 * <p>The fakes share one shape: {@code start()} returns the fake; {@code baseUrl()}, {@code
 * credentials()} and {@code clientSettings()} (a {@link dev.customersync.core.ClientSettings} the
 * vendor builders' {@code settings(..)} apply, which is how a fake wires a client without importing
 * its module); {@code seed(Customer)} and {@code seed(json)}; the journal matchers {@code
 * readCalls()}, {@code writeCalls()}, {@code findCalls()}, {@code createCalls()}; and {@code
 * relaxed()}, which lifts the limits that make tests slow.
 */
@NullMarked
package dev.customersync.testkit;

import org.jspecify.annotations.NullMarked;
