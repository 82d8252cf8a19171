/**
 * <b>Public API</b> of the Storm module; its package-private classes (mappers, parsers, the
 * updater) may change in any release. Depends on {@code core} and {@code core.spi}, never on
 * another vendor module.
 *
 * <p>Storm Commerce (now Norce) customers over Storm's WCF REST API: {@link
 * dev.customersync.storm.StormClient} with {@code GetCustomer} and {@code UpdateCustomer}, the
 * DTOs of Storm's {@code Customer} and its parts (named exactly as Storm cases them), Storm's
 * {@code ErrorMessage} fault, and a {@link dev.customersync.core.CustomerUpdater} for the neutral
 * model.
 *
 * <h2>Neutral → Storm mapping</h2>
 *
 * <p>The updater reads the customer ({@code GetCustomer}), writes only the fields the caller set
 * over it, and sends the whole customer back ({@code UpdateCustomer}); everything else — {@code
 * Companies} beyond the changed fields, {@code Flags}, {@code Info}, {@code PricelistIds}, {@code
 * Account}, addresses, {@code SSN}, {@code CrmId}, {@code Refer…} — goes back as it was read.
 *
 * <table>
 *   <caption>How each neutral field is written</caption>
 *   <tr><th>neutral</th><th>Storm</th><th>limit</th><th>notes</th></tr>
 *   <tr><td>id (argument)</td><td>{@code Id}</td><td>int32 &gt; 0</td><td>anything else is rejected before any request</td></tr>
 *   <tr><td>firstName</td><td>{@code FirstName}</td><td>50</td><td></td></tr>
 *   <tr><td>lastName</td><td>{@code LastName}</td><td>50</td><td></td></tr>
 *   <tr><td>email</td><td>{@code Email}</td><td>255</td><td>Storm answers {@code CustomerAlreadyExists} when another customer has it</td></tr>
 *   <tr><td>phone</td><td>{@code Phone}</td><td>50</td><td></td></tr>
 *   <tr><td>mobilePhone</td><td>{@code CellPhone}</td><td>50</td><td></td></tr>
 *   <tr><td>externalCode</td><td>{@code Code}</td><td>50</td><td></td></tr>
 *   <tr><td>active</td><td>{@code IsActive}</td><td></td><td></td></tr>
 *   <tr><td>companyName</td><td>{@code Companies[0].Name}</td><td>100</td><td>the first company is updated by its
 *       {@code Id}; only when the customer has none is one created, and then a name is required;
 *       {@code ""} is rejected (Storm's {@code InvalidCompanyName})</td></tr>
 *   <tr><td>organizationNumber</td><td>{@code Companies[0].OrgNo}</td><td></td><td>as companyName</td></tr>
 *   <tr><td>vatId</td><td>{@code Companies[0].VatNo}</td><td></td><td>as companyName</td></tr>
 *   <tr><td>invoiceAddress</td><td>{@code InvoiceAddress}</td><td></td><td>merged field by field; the address keeps its
 *       {@code Id}</td></tr>
 *   <tr><td>deliveryAddresses</td><td>{@code DeliveryAddresses}</td><td></td><td>the list replaces Storm's; entry
 *       <i>i</i> is merged into Storm's entry <i>i</i> (keeping its {@code Id}), extra entries are new</td></tr>
 *   <tr><td>address.careOf / line1 / line2</td><td>{@code CareOf} / {@code Line1} / {@code Line2}</td><td></td><td></td></tr>
 *   <tr><td>address.postalCode / city / region</td><td>{@code Zip} / {@code City} / {@code Region}</td><td></td><td></td></tr>
 *   <tr><td>address.countryCode</td><td>{@code Country}</td><td></td><td>a changed country drops the old {@code CountryId}</td></tr>
 *   <tr><td>customFields</td><td>{@code Info}</td><td>key 255</td><td>matched by {@code Code} (exact, then ignoring case)
 *       and its {@code Value} set; an unknown code is added as a new entry with a warning</td></tr>
 *   <tr><td>languageTag</td><td>{@code cultureCode} query parameter</td><td></td><td>not stored on the customer: it picks
 *       the language of both calls and of any mail Storm sends; unset = the client's default</td></tr>
 *   <tr><td>newsletterSubscribed</td><td>—</td><td></td><td>Storm's customer has no such property: a warning</td></tr>
 * </table>
 *
 * <h2>Assumptions where Storm's documentation is silent ("unconfirmed")</h2>
 * <ul>
 *   <li>Whether {@code UpdateCustomer} clears properties that are left out is not documented (only
 *       {@code RegisterCustomer3} promises to keep them). The updater therefore always sends the whole
 *       customer it read, so either behaviour keeps the data.
 *   <li>Whether addresses that are no longer in {@code DeliveryAddresses} are deleted is not
 *       documented; the updater sends the caller's list as the whole list.
 *   <li>{@code Address.Country} is written as the ISO 3166-1 alpha-2 code, and Storm is assumed to
 *       resolve {@code CountryId} from it; when reading, only a two-letter {@code Country} is taken
 *       as a country code.
 *   <li>An {@code Info} entry without {@code Id} is assumed to be resolved by its {@code Code}.
 *   <li>Storm's fault body is assumed to be the WCF JSON form of {@code ErrorMessage}, its
 *       {@code Messages} dictionary a list of {@code {"Key", "Value"}} objects; anything else still
 *       gives an exception with the status and the (redacted) raw body.
 *   <li>A 403 is treated like a 401: one token refresh and one retry before {@link
 *       dev.customersync.core.AuthenticationException}.
 *   <li>{@code GetCustomer} answering an empty body is treated like {@code null}: not found.
 * </ul>
 *
 * <h2>Retries</h2>
 *
 * <p>{@code UpdateCustomer} is a POST that may send mail and create accounts or companies, so it is
 * sent as a non-idempotent request: it is retried only when it provably never reached Storm
 * (connection refused, 429, 503 with {@code Retry-After}), never after a 500, a timeout or a reset
 * mid-response. {@code GetCustomer} and the token request are retried on every retryable failure.
 */
@NullMarked
package dev.customersync.storm;

import org.jspecify.annotations.NullMarked;
