package dev.customersync.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address in the neutral model, used for a customer's invoice and delivery addresses.
 *
 * <p>Every field is optional; an empty {@code Optional} means "not set by the caller", which a
 * vendor updater treats as "leave the vendor's value alone". {@link #countryCode()} is an ISO
 * 3166-1 alpha-2 code such as {@code "SE"}.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true,
    optionalAcceptNullable = true)
public abstract class Address {

  Address() {}

  /** {@return a new builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this address, for copies that differ in a few fields} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return "c/o" line: the person or company the mail is addressed through} */
  public abstract Optional<String> careOf();

  /** {@return first street line} */
  public abstract Optional<String> line1();

  /** {@return second street line} */
  public abstract Optional<String> line2();

  /** {@return postal (zip) code} */
  public abstract Optional<String> postalCode();

  /** {@return city or town} */
  public abstract Optional<String> city();

  /** {@return state, county or region} */
  public abstract Optional<String> region();

  /** {@return ISO 3166-1 alpha-2 country code, upper case (e.g. {@code SE}, {@code DE})} */
  public abstract Optional<String> countryCode();

  /**
   * Field names with every value masked as {@code ****} except the country code, which identifies
   * no one and helps reading a log; an empty value (a clear) is shown empty.
   */
  @Override
  public String toString() {
    return new MaskedToString("Address")
        .masked("careOf", careOf())
        .masked("line1", line1())
        .masked("line2", line2())
        .masked("postalCode", postalCode())
        .masked("city", city())
        .masked("region", region())
        .plain("countryCode", countryCode())
        .toString();
  }

  /** Builds {@link Address} values. */
  public static final class Builder extends ImmutableAddress.Builder {
    Builder() {}
  }
}
