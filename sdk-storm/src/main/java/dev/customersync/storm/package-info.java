/**
 * <b>Public API</b> of the Storm module; its package-private classes (the store, mapper, parsers,
 * the updater) may change in any release. Depends on {@code core} and {@code core.spi}, never on
 * another vendor module.
 *
 * <p>Storm Commerce (now Norce) customers over Storm's WCF REST API: {@link
 * dev.customersync.storm.StormClient} with {@code GetCustomer}, {@code UpdateCustomer3}, {@code
 * GetCustomerByEmail}, {@code GetCustomerByCode} and {@code CreateCustomer3}, the DTOs of Storm's
 * {@code Customer} and its parts (named exactly as Storm cases them), Storm's {@code ErrorMessage}
 * fault, a {@link dev.customersync.core.CustomerUpdater} for the neutral model, and a {@link
 * dev.customersync.core.CustomerDirectory} ({@link dev.customersync.storm.StormCustomerDirectory})
 * that finds customers by e-mail or code and creates missing ones. Every call carries {@code format=json}, as Storm's own REST clients send it.
 *
 * <h2>Read, merge, write: lossless and without side effects</h2>
 *
 * <p>The updater runs the core's {@link dev.customersync.core.spi.ReadMergeWriteUpdater} over
 * Storm's store: it reads the customer ({@code GetCustomer}) as an exact JSON tree, refuses an
 * answer that does not carry the requested {@code Id} ({@code {}}, a customer without {@code Id},
 * another customer: {@link dev.customersync.core.UnexpectedCustomerException}, nothing written),
 * changes only what the caller set, and sends nothing when that changes nothing. Otherwise it
 * sends the whole customer back with {@code UpdateCustomer3?password=&doSendMail=false&updatedBy=…
 * &cultureCode=…&format=json}: every property the change does not touch goes back as the JSON
 * Storm sent — properties the DTOs do not model at every level (customer, account, companies,
 * addresses, flags, info entries), WCF dates character for character ({@code /Date(ms)/} stays
 * without an offset), decimals with their scale, nulls and empty lists. {@code doSendMail=false}:
 * Storm's obsolete {@code UpdateCustomer} is {@code UpdateCustomer3} with {@code doSendMail=true},
 * so it may mail the customer on every update; {@code StormClient.Builder.sendMail(true)} opts in.
 *
 * <h2>Find and create</h2>
 *
 * <p>{@code GetCustomerByEmail?email=…} and {@code GetCustomerByCode?code=…} (with {@code
 * includeCompanies=true}, Storm's default) answer one customer or {@code null}; the directory
 * checks that the answer carries the key (e-mail equal after trimming and lower-casing, code equal
 * after trimming) and refuses it otherwise. A create goes to {@code CreateCustomer3?password=
 * &doSendMail=false&createdBy=…&cultureCode=…&format=json} with the neutral customer merged into an
 * empty Storm {@code Customer} by the mapping below, never to the obsolete {@code CreateCustomer} or
 * {@code CreateCustomer2}, which send a registration mail; {@code doSendMail} is {@code false} even
 * when the client's {@code sendMail(true)} lets updates mail. {@code createdBy} is the client's
 * {@code updatedBy}. An e-mail, a first and a last name are required before sending (Storm's admin
 * UI requires them; the API documents no required fields). A create is retried only when it
 * provably never reached Storm (see Retries).
 *
 * <h2>Neutral → Storm mapping</h2>
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
 *   <tr><td>companyName</td><td>{@code Companies[0].Name}</td><td>100</td><td>a company is shared by all its customers,
 *       so a different name renames it only with {@code StormClient.Builder.renameSharedCompany(true)}; otherwise
 *       a warning and no change. When the customer has no company, one is created (Storm creates a company
 *       sent without {@code Id}), and then a name is required; {@code ""} is rejected (Storm's
 *       {@code InvalidCompanyName})</td></tr>
 *   <tr><td>organizationNumber</td><td>{@code Companies[0].OrgNo}</td><td></td><td>changed in place on the
 *       existing first company (for every customer of that company), or set on the created one</td></tr>
 *   <tr><td>vatId</td><td>{@code Companies[0].VatNo}</td><td></td><td>as organizationNumber</td></tr>
 *   <tr><td>invoiceAddress</td><td>{@code InvoiceAddress}</td><td></td><td>see addresses below</td></tr>
 *   <tr><td>deliveryAddresses</td><td>{@code DeliveryAddresses}</td><td></td><td>the list replaces Storm's; entry
 *       <i>i</i> replaces Storm's entry <i>i</i> (keeping its {@code Id}), extra entries are new</td></tr>
 *   <tr><td>address.careOf / line1 / line2</td><td>{@code CareOf} / {@code Line1} / {@code Line2}</td><td></td><td></td></tr>
 *   <tr><td>address.postalCode / city / region</td><td>{@code Zip} / {@code City} / {@code Region}</td><td></td><td></td></tr>
 *   <tr><td>address.countryCode</td><td>{@code Country}</td><td></td><td>the ISO code</td></tr>
 *   <tr><td>customFields</td><td>{@code Info}</td><td>key 255</td><td>matched by {@code Code} (exact, then ignoring case)
 *       and its {@code Value} set; an unknown code is added as a new entry {@code {"Value", "Code"}} with a
 *       warning</td></tr>
 *   <tr><td>languageTag</td><td>{@code cultureCode} query parameter</td><td></td><td>not stored on the customer: it picks
 *       the language of both calls and of any mail Storm sends; unset = the client's default</td></tr>
 *   <tr><td>newsletterSubscribed</td><td>—</td><td></td><td>Storm's customer has no such property: a warning</td></tr>
 * </table>
 *
 * <p><b>Addresses.</b> A neutral address is a whole value. When it equals what Storm holds (the
 * address's neutral form, field by field, {@code ""} the same as no value), Storm's entry goes back
 * byte for byte, its {@code IsValidated}, {@code CountryId} and unknown properties included. When
 * it differs, the new entry keeps only the old entry's {@code Id} (so Storm updates it in place),
 * holds exactly the caller's fields, and has {@code IsValidated: false}: nothing of the old address
 * ({@code Line2}, {@code CareOf}, {@code Region}, {@code CountryId}, {@code GlobalLocationNo},
 * {@code ShippingPhoneNumber}) sticks to the new one.
 *
 * <p><b>Text values.</b> {@code ""} clears a value; on a property Storm holds as {@code null} or not
 * at all it changes nothing, so no write is sent for it.
 *
 * <h2>Assumptions where Storm's documentation is silent ("unconfirmed")</h2>
 * <ul>
 *   <li>Whether {@code UpdateCustomer3} clears properties that are left out is not documented (only
 *       {@code RegisterCustomer3} promises to keep them). The updater therefore always sends the whole
 *       customer it read, so either behaviour keeps the data.
 *   <li>An empty {@code password} leaves the account's password alone: {@code UpdateCustomer} passes
 *       one on every call. {@code doSendMail} is sent as the string {@code false} or {@code true}.
 *   <li>Whether Storm answers JSON without {@code format=json} is not documented (its docs' examples
 *       send neither it nor {@code Accept}); every call sends it, as Storm's PHP client and Norce's
 *       REST sample do, besides {@code Accept: application/json}.
 *   <li>Whether addresses that are no longer in {@code DeliveryAddresses} are deleted is not
 *       documented; the updater sends the caller's list as the whole list.
 *   <li>{@code Address.Country} is written as the ISO 3166-1 alpha-2 code, and Storm is assumed to
 *       resolve {@code CountryId} from it; when reading, only a two-letter {@code Country} is taken
 *       as a country code.
 *   <li>An {@code Info} entry without {@code Id} is assumed to be resolved by its {@code Code}.
 *   <li>WCF reads a {@code DateTime} member from {@code "/Date(…)/"} whether or not its slashes are
 *       escaped ({@code "\/Date(…)\/"}); the exact tree keeps a date's characters, not the JSON
 *       escaping of its slashes.
 *   <li>Storm's fault body is assumed to be the WCF JSON form of {@code ErrorMessage}, its
 *       {@code Messages} dictionary a list of {@code {"Key", "Value"}} objects; anything else still
 *       gives an exception with the status and the (redacted) raw body.
 *   <li>A 403 is treated like a 401: one token refresh and one retry before {@link
 *       dev.customersync.core.AuthenticationException}.
 *   <li>Whether {@code GetCustomerByEmail} compares e-mails ignoring case is not documented; the
 *       directory sends the lower-cased e-mail, so a customer stored with another casing may not be
 *       found, and a create then meets {@code CustomerAlreadyExists} if Storm's uniqueness ignores
 *       case. Storm's validation keys for a create are assumed to be UpdateCustomer's.
 *   <li>{@code GetCustomerByEmail} and {@code GetCustomerByCode} answering an empty body are treated
 *       like {@code null}: no such customer. {@code CreateCustomer3} answering without a customer
 *       that has an {@code Id} is an error saying the customer may have been created.
 *   <li>{@code GetCustomer} answering an empty body is treated like {@code null}: not found. Its
 *       answer being a JSON array, string or number is not a customer: a {@link
 *       dev.customersync.core.VendorApiException}. {@code UpdateCustomer3} answering nothing or
 *       {@code null} stands for the customer as sent.
 * </ul>
 *
 * <h2>Retries</h2>
 *
 * <p>{@code UpdateCustomer3} and {@code CreateCustomer3} are POSTs that may send mail or create
 * customers, accounts or companies, so they are sent as non-idempotent requests: retried only when
 * they provably never reached Storm (connection refused, 429, 503 with {@code Retry-After}), never
 * after a 500, a timeout or a reset mid-response; a retry re-sends the same bytes. After a create
 * fails with {@code TransportException.mayHaveReachedVendor()}, find the customer before creating it
 * again. {@code GetCustomer}, {@code GetCustomerByEmail}, {@code GetCustomerByCode} and the token
 * request are retried on every retryable failure.
 */
@NullMarked
package dev.customersync.storm;

import org.jspecify.annotations.NullMarked;
