/**
 * <b>Public API</b> of the Billbee module; its package-private classes (mappers, parsers, the
 * updater) may change in any release. Depends on {@code core} and {@code core.spi}, never on
 * another vendor module.
 *
 * <p>Billbee: {@code GET} and {@code PUT /api/v1/customers/{id}}, the list {@code GET
 * /api/v1/customers?page=&pageSize=} and the create {@code POST /api/v1/customers}, exact to the
 * wire, within Billbee's throttle. Start with {@link dev.customersync.billbee.BillbeeClient}.
 *
 * <h2>Find and create</h2>
 *
 * Billbee has no find, so {@link dev.customersync.billbee.BillbeeCustomerDirectory} finds by
 * e-mail ({@code Email}, ignoring case) and customer number ({@code Number}) in an index read from
 * every page of the list (250 a page), reused for {@code indexMaxAge}; a bulk run's {@link
 * dev.customersync.billbee.BillbeeDirectorySession} keeps its own index and uses the listed
 * customers as its updates' reads ({@link dev.customersync.core.PageReads}). Archived customers
 * that the list includes count as matches, so they are reported rather than duplicated. A create
 * sends the update's mapping plus an {@code Address} ({@code AddressType} 1; from {@code
 * invoiceAddress} and the names, e-mail and phones) once, never repeated after it may have reached
 * Billbee.
 *
 * <h2>Neutral → Billbee mapping</h2>
 *
 * The updater reads the customer, changes only what the neutral customer sets, and PUTs the whole
 * model back. It edits the JSON it read rather than a Java model, so every property it does not
 * change ({@code PriceGroupId}, {@code DefaultCommercialMailAddress}, {@code DefaultFax}, unknown
 * properties at any level, {@code MetaData} entries' unknown properties, nulls, empty lists) goes
 * back exactly as read, date strings character for character ({@code 2022-07-16T09:56:01.903}
 * stays without an offset) and numbers in their written form. When the merge changes nothing, no
 * PUT is sent. {@code ""} clears a text field.
 *
 * <table>
 *   <caption>How each neutral field reaches Billbee's CustomerApiModel</caption>
 *   <tr><th>neutral field</th><th>Billbee property</th><th>rule</th></tr>
 *   <tr><td>{@code companyName} (not empty)</td><td>{@code Name}, {@code Type} = 1</td>
 *       <td>the company name is the customer's name; the customer becomes a business customer;
 *       first/last name given too → warning, not written</td></tr>
 *   <tr><td>{@code companyName} = {@code ""}</td><td>{@code Type} = 0, {@code Name}</td>
 *       <td>end customer named "first last" from what is given; nothing given → Name kept, warning</td></tr>
 *   <tr><td>{@code firstName}, {@code lastName}</td><td>{@code Name}</td>
 *       <td>both given: "first last". One given: the other is taken from the current Name split at
 *       its first white space, when that Name has at most two words; with more ("Anna Maria
 *       Svensson") the split is ambiguous, so Name is kept and a warning asks for both. Not written
 *       for a business customer unless {@code companyName} is {@code ""} (warning)</td></tr>
 *   <tr><td>{@code email}</td><td>{@code Email}; {@code DefaultMailAddress.Value}</td>
 *       <td>the default mail entry, when present, gets the same value, as does every other copy of
 *       that entry (same {@code Id}) in {@code MetaData[]} and the other {@code Default*}
 *       properties</td></tr>
 *   <tr><td>{@code phone}</td><td>{@code Tel1}; {@code DefaultPhone1.Value}</td><td>as e-mail</td></tr>
 *   <tr><td>{@code mobilePhone}</td><td>{@code Tel2}; {@code DefaultPhone2.Value}</td><td>as e-mail</td></tr>
 *   <tr><td>{@code vatId}</td><td>{@code VatId}</td><td>as given</td></tr>
 *   <tr><td>{@code externalCode}</td><td>{@code Number}</td>
 *       <td>digits 0…2147483647 (Billbee's int32); {@code ""} → null; anything else → warning</td></tr>
 *   <tr><td>{@code languageTag}</td><td>{@code LanguageId}</td>
 *       <td>only with a mapping set by {@code BillbeeClient.Builder.languageId(tag, id)} (exact tag,
 *       then its language); else warning; {@code ""} → null</td></tr>
 *   <tr><td>{@code organizationNumber}, {@code newsletterSubscribed}, {@code active},
 *       {@code customFields}</td><td>—</td><td>Billbee's customer has no such field: warning</td></tr>
 *   <tr><td>{@code invoiceAddress}, {@code deliveryAddresses}</td><td>—</td>
 *       <td>Billbee keeps addresses under {@code /customers/{id}/addresses}, not written here: warning</td></tr>
 * </table>
 *
 * <p>Back from Billbee ({@code UpdateResult.customer()}): {@code Name} → {@code companyName} for a
 * business customer, else split at the first white space into {@code firstName} / {@code lastName};
 * {@code Email}, {@code Tel1}, {@code Tel2}, {@code VatId}, {@code Number} and (when mapped) {@code
 * LanguageId} back to their fields.
 *
 * <h2>Assumptions where Billbee's documentation is silent</h2>
 *
 * <ul>
 *   <li>Whether PUT clears omitted properties is unconfirmed: the updater's body is the fresh read
 *       itself, every property as Billbee sent it, so both behaviours give the same result.
 *   <li>PUT's answer is assumed to be the envelope with the stored customer in {@code Data}; when
 *       {@code Data} is null, absent or has no {@code Id}, the body sent is taken as what Billbee
 *       holds.
 *   <li>"Endpoint" in Billbee's throttle is taken to be the route, so GET and PUT of a customer
 *       share one budget of 2 calls/s (the stricter of the two readings; the client stays under
 *       either); see {@link dev.customersync.billbee.BillbeeRateLimits}.
 *   <li>An archived customer is one whose {@code ArchivedAt} is set and not followed by a later
 *       {@code RestoredAt}; it is refused before the PUT
 *       ({@link dev.customersync.billbee.BillbeeCustomerArchivedException}).
 *   <li>Billbee publishes no list of {@code LanguageId}s, so none is built in.
 *   <li>Whether a create needs an {@code Address} is unconfirmed: one is always sent. Whether a
 *       client may set the new customer's {@code Id} is unconfirmed: it is never sent.
 *   <li>The list's order and whether it includes archived customers are undocumented: the index
 *       counts an id once however often it is listed, and counts archived customers as matches.
 *   <li>The list and the create share one throttle budget (one route), apart from the customer's
 *       own route.
 *   <li>{@code Default*} entries mirror {@code Email}/{@code Tel1}/{@code Tel2}; which copy Billbee
 *       keeps when they differ is not documented, so they are kept equal. Missing entries are not
 *       created (their ids are Billbee's to assign).
 *   <li>Error codes 19–28 (in Billbee's newer swagger, unnamed) keep their number as {@code
 *       Unknown(n)}; {@code ErrorDescription} is read as the same integer enum.
 *   <li>A GET answered 200 with a null or absent {@code Data} and no error is "not found". A
 *       {@code Data} that is {@code {}}, has no integer {@code Id} or another customer's is refused
 *       ({@code UnexpectedCustomerException}) and nothing is written.
 *   <li>An {@code ArchivedAt} or {@code RestoredAt} without an offset is read as UTC; one that is
 *       not a date at all stops the update before the PUT, since whether the customer is archived
 *       is then unknown.
 *   <li>Ids of {@code MetaData} entries compare by value: {@code "Id": 7} and {@code "Id": 7.0} are
 *       copies of one record; {@code "Id": null} is none.
 *   <li>A base URL ending in {@code /api/v1} (as Billbee's docs and SDKs give it) is the same as
 *       one without: requests go to {@code …/api/v1/customers/{id}}, never {@code
 *       /api/v1/api/v1/…}.
 * </ul>
 */
@NullMarked
package dev.customersync.billbee;

import org.jspecify.annotations.NullMarked;
