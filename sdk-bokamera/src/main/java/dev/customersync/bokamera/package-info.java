/**
 * <b>Public API</b> of the BokaMera module; its package-private classes (mappers, parsers, the
 * updater) may change in any release. Depends on {@code core} and {@code core.spi}, never on
 * another vendor module.
 *
 * <p>BokaMera (a Swedish booking platform on ServiceStack): update customers and customer articles,
 * read one customer, search and create customers, push the neutral {@link
 * dev.customersync.core.Customer} through {@link
 * dev.customersync.bokamera.BokaMeraClient#customerUpdater()}, and find customers by e-mail or
 * create missing ones through {@link dev.customersync.bokamera.BokaMeraClient#customerDirectory()}.
 *
 * <h2>Calls</h2>
 * <ul>
 *   <li>{@code PUT /customers/{Id}[?CompanyId=…]} with {@link dev.customersync.bokamera.UpdateCustomer},
 *       answering {@link dev.customersync.bokamera.CustomerQueryResponse};
 *   <li>{@code GET /customers?CustomerId=…&IncludeInvoiceAddress=true&IncludeCustomFieldValues=true&IncludeAccessKeys=true},
 *       answering a {@link dev.customersync.bokamera.CustomerQueryPage} whose first result is used;
 *   <li>{@code PUT /customerarticle/{Id}} with {@link dev.customersync.bokamera.UpdateCustomerArticle},
 *       answering {@link dev.customersync.bokamera.CustomerArticleResponse};
 *   <li>{@code GET /customers?Search=…[&CompanyId=…]&Skip=…&Take=…&IncludeInvoiceAddress=true&IncludeCustomFieldValues=true&IncludeAccessKeys=true}
 *       ({@link dev.customersync.bokamera.BokaMeraClient#queryCustomers}), answering a {@link
 *       dev.customersync.bokamera.CustomerQueryPage} or a bare JSON array of customers (both are
 *       read, here and for the single read);
 *   <li>{@code POST /customers[?CompanyId=…]} with {@link dev.customersync.bokamera.CreateCustomer}
 *       ({@link dev.customersync.bokamera.BokaMeraClient#createCustomer}), answering {@link
 *       dev.customersync.bokamera.UpdateCustomerResponse} with the new id; a POST, so never
 *       retried once it may have reached BokaMera (only a refused connection, a 429, or a 503 with
 *       {@code Retry-After} is).
 * </ul>
 * Every call sends {@code Authorization: Bearer <token>}, {@code x-api-key: <API key>}, {@code
 * Accept: application/json}, a JSON {@code Content-Type} for bodies, and {@code x-language: sv|en}
 * when configured. DTO property names are BokaMera's own ({@code Firstname}, {@code VAT}, {@code
 * InvoiceAddress1}); dates are read in ISO 8601 and in ServiceStack's {@code /Date(ms±hhmm)/} form.
 *
 * <h2>Neutral to BokaMera mapping ({@code customerUpdater()})</h2>
 * <table>
 *   <caption>How each neutral field reaches BokaMera's UpdateCustomer</caption>
 *   <tr><th>neutral {@code Customer}</th><th>BokaMera {@code UpdateCustomer}</th><th>notes</th></tr>
 *   <tr><td>{@code firstName}</td><td>{@code Firstname}</td><td></td></tr>
 *   <tr><td>{@code lastName}</td><td>{@code Lastname}</td><td></td></tr>
 *   <tr><td>{@code email}</td><td>{@code Email}</td><td></td></tr>
 *   <tr><td>{@code phone}</td><td>{@code Phone}</td><td></td></tr>
 *   <tr><td>{@code newsletterSubscribed}</td><td>{@code SubscribedToNewsletter}</td><td></td></tr>
 *   <tr><td>{@code organizationNumber}</td><td>{@code InvoiceAddress.CorporateIdentityNumber}</td><td></td></tr>
 *   <tr><td>{@code invoiceAddress.line1}</td><td>{@code InvoiceAddress.InvoiceAddress1}</td><td></td></tr>
 *   <tr><td>{@code invoiceAddress.line2}</td><td>{@code InvoiceAddress.InvoiceAddress2}</td><td></td></tr>
 *   <tr><td>{@code invoiceAddress.postalCode}</td><td>{@code InvoiceAddress.InvoicePostalCode}</td><td></td></tr>
 *   <tr><td>{@code invoiceAddress.city}</td><td>{@code InvoiceAddress.InvoiceCity}</td><td></td></tr>
 *   <tr><td>{@code invoiceAddress.countryCode}</td><td>{@code InvoiceAddress.InvoiceCountryCode}</td>
 *       <td>sent as given (ISO alpha-2); BokaMera's expected format is undocumented</td></tr>
 *   <tr><td>{@code customFields["17"]}</td><td>{@code CustomFields[{Id: 17, Value}]}</td>
 *       <td>keys must be BokaMera custom-field ids (digits); other keys become warnings</td></tr>
 *   <tr><td>{@code mobilePhone}, {@code companyName}, {@code vatId}, {@code deliveryAddresses},
 *       {@code externalCode}, {@code languageTag}, {@code active}, {@code invoiceAddress.careOf},
 *       {@code invoiceAddress.region}</td><td>none</td>
 *       <td>a warning on the {@link dev.customersync.core.UpdateResult}; nothing is sent</td></tr>
 *   <tr><td>customer id</td><td>path {@code {Id}}</td>
 *       <td>must be a GUID ({@code 8-4-4-4-12} hex); anything else fails before any request</td></tr>
 * </table>
 *
 * <h2>Lossless read-merge-write</h2>
 * The updater reads the customer, projects the read ({@code CustomerQueryResponse}) onto
 * UpdateCustomer with every value as the JSON read (not re-formatted), applies only the fields the
 * caller set, and sends the PUT only when that changed something ({@code UpdateResult.written()}
 * is false otherwise, after one request). {@code plan(..)} lists the changes by UpdateCustomer's
 * names ({@code Phone}, {@code InvoiceAddress.InvoiceCity}, {@code CustomFields[2].Value}) without
 * writing. An empty string clears a text field. What the projection carries:
 * <ul>
 *   <li>{@code Firstname}, {@code Lastname}, {@code Phone}, {@code Email}, {@code
 *       SubscribedToNewsletter}: as read, nulls included;
 *   <li>{@code InvoiceAddress}: as read, properties this SDK does not know included (BokaMera's
 *       DTO listing gives the read and the write one invoice-address class), less the read-only
 *       {@code InvoiceAddressId} and {@code UserId};
 *   <li>{@code CustomFields}: {@code {Id, Value}} of each read custom-field value that has a value
 *       ({@code AddCustomField} has nothing else);
 *   <li>{@code AccessKeys}: the read keys that carry an {@code Id}, whole (unknown properties
 *       included; the read and write key DTOs have the same properties). A key BokaMera answered
 *       without {@code Id} is left out: sent without one, BokaMera would create it again.
 *       {@code AccessKeysToDelete} is never sent;
 *   <li>{@code CompanyId}: the client's default company, when set;
 *   <li>nothing else: unknown top-level properties, {@code ImageUrl}, {@code Comments}, the
 *       custom-field definitions, {@code Created}, {@code Updated} have no place in UpdateCustomer
 *       and stay as BokaMera holds them.
 * </ul>
 * The mapped {@code UpdateResult.customer()} comes from BokaMera's answer to the PUT, or to the
 * read when nothing was written.
 *
 * <h2>Find by e-mail and create ({@code customerDirectory()})</h2>
 * Only {@link dev.customersync.core.MatchKey#EMAIL}: BokaMera customers have no number or external
 * code. {@code Search} is documented only by a third-party client ("free-text search over customer
 * name and email"), so the directory reads every page of the search and keeps the customers whose
 * {@code Email} equals the address after trimming and lower-casing both; two or more is an {@link
 * dev.customersync.core.AmbiguousMatchException} naming every id. Paging asks {@code Take=100}
 * (ServiceStack's documented {@code MaxLimit} example; BokaMera's is unpublished), and stops on an
 * empty page, on {@code Total}, or, when the answer has no {@code Total}, on a short page; a host
 * that ignores {@code Skip} (a page opening with a customer that opened an earlier one) or a search
 * longer than 1,000 pages fails with a {@link dev.customersync.core.VendorApiException} rather than
 * loop. A create sends the updater's mapping merged into an empty customer and requires
 * Firstname, Lastname and Phone (BokaMera's older metadata marks them required); it never sends
 * {@code CustomerId} or {@code AccessKeys}.
 *
 * <h2>Assumptions where BokaMera's documentation is silent</h2>
 * <ul>
 *   <li>Whether UpdateCustomer clears properties that are left out or null is not documented; the
 *       updater therefore always sends every property it can read back (read, merge, write).
 *   <li>{@code CustomFields} and {@code AccessKeys} are documented as updates by id, and keys are
 *       deleted only through {@code AccessKeysToDelete}, so both lists are taken to be upserts: an
 *       entry left out is neither created nor deleted. Hence the access keys without {@code Id}
 *       (which could only be sent as new keys) and custom-field values without a value are left
 *       out rather than sent. A key whose {@code Id} is the empty GUID counts as having none.
 *   <li>BokaMera publishes no length limits for customer fields, so only the neutral model's rules
 *       are checked before sending; BokaMera's own 400 field errors surface as
 *       {@link dev.customersync.core.VendorApiException#fieldErrors()}.
 *   <li>Dates may come as ISO 8601 (with or without offset) or {@code /Date(ms[±hhmm])/}; all are
 *       read. No request carries a date of its own; a date inside a part that travels (an unknown
 *       property of an access key) goes back character for character.
 *   <li>{@code CustomerArticleStatus} is sent as its number (ServiceStack reads enum numbers and
 *       names); it is read from a number, or from a name in case the host writes enums by name.
 *   <li>The read endpoint's first result must be the customer asked for (GUIDs compared ignoring
 *       case); an answer naming another customer or none fails with {@link
 *       dev.customersync.core.UnexpectedCustomerException} and nothing is written, rather than risk
 *       merging one customer's data into another.
 *   <li>BokaMera publishes no rate limits; the client has none unless one is configured, and a 429
 *       is retried per the {@link dev.customersync.core.RetryPolicy}.
 * </ul>
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false))
package dev.customersync.bokamera;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
