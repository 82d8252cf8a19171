package dev.customersync.examples;

import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.bokamera.CustomerArticleResponse;
import dev.customersync.bokamera.CustomerArticleStatus;
import dev.customersync.bokamera.UpdateCustomerArticle;
import dev.customersync.core.CustomerSyncException;
import java.io.PrintStream;

/**
 * Sets a BokaMera customer article (a membership or punch card) to {@code Active}, the call an
 * integrator makes once a payment has cleared elsewhere. Uses the BokaMera DTOs directly: the
 * neutral model has no articles.
 *
 * <p>The article is {@code BOKAMERA_ARTICLE_ID} with real credentials, or one seeded in the fake.
 */
public final class ActivateArticle {

  private ActivateArticle() {}

  public static void main(String[] args) {
    try (ExampleVendors vendors = ExampleVendors.start(System.getenv(), System.out)) {
      run(vendors, System.out);
    }
  }

  static void run(ExampleVendors vendors, PrintStream out) {
    BokaMeraClient bokaMera = vendors.bokaMera();
    int articleId = vendors.articleId();
    out.println("ActivateArticle: " + vendors.describe("bokamera") + ", customer article " + articleId);
    try {
      CustomerArticleResponse after = bokaMera.updateCustomerArticle(articleId,
          UpdateCustomerArticle.builder().statusId(CustomerArticleStatus.ACTIVE).build());
      vendors.lastWriteSent("bokamera").ifPresent(sent -> out.println("sent: " + sent));
      out.println("bokamera now holds article " + after.id() + " with status " + after.statusId()
          + " (" + after.statusName() + "), price " + after.price() + " " + after.currencyId());
    } catch (CustomerSyncException e) {
      out.println("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
