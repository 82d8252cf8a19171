package dev.customersync.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The Observation this module makes, with its keys: one per logical vendor call (retries and a
 * token renewal included), named {@code customersync.requests} by {@link
 * DefaultCustomerSyncObservationConvention}. With Micrometer's {@code DefaultMeterObservationHandler}
 * it becomes the timer {@code customersync.requests} (and {@code customersync.requests.active}),
 * tagged with the low-cardinality keys below plus the handler's own {@code error}; with a tracing
 * handler it becomes a span named {@code <vendor> <operation>}, e.g. {@code billbee get-customer}.
 *
 * <p>Every low-cardinality value is one of a small closed set, safe as a metric tag: no customer
 * id, name, e-mail, phone, token or body ever appears in a key value.
 */
public enum CustomerSyncObservationDocumentation implements ObservationDocumentation {

  /** One vendor call, from its first attempt to its answer or failure, retries included. */
  VENDOR_CALL {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultCustomerSyncObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeyNames.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeyNames.values();
    }
  };

  /** Keys on timers and spans alike: each value is one of a small closed set. */
  public enum LowCardinalityKeyNames implements KeyName {

    /** The vendor's short name: {@code bokamera}, {@code billbee}, {@code storm}. */
    VENDOR {
      @Override
      public String asString() {
        return "vendor";
      }
    },

    /**
     * What the call does: {@code get-customer}, {@code update-customer}, {@code
     * update-customer-article}, {@code token} (a token fetch or renewal).
     */
    OPERATION {
      @Override
      public String asString() {
        return "operation";
      }
    },

    /** The HTTP method: {@code GET}, {@code PUT}, {@code POST}. */
    METHOD {
      @Override
      public String asString() {
        return "method";
      }
    },

    /** The endpoint as a template without ids, e.g. {@code api/v1/customers/{id}}; never the URL sent. */
    ENDPOINT {
      @Override
      public String asString() {
        return "endpoint";
      }
    },

    /**
     * The last attempt's HTTP status ({@code 200}, {@code 429}, {@code 503}…); {@code IO_ERROR} when
     * it got no answer (refused, reset, timed out); {@code NONE} when it was not sent at all: the
     * client-side rate limiter gave no permit in time ({@code RateLimitTimeoutException}, never
     * {@code 429}), the token could not be had, or the call was interrupted. {@code NONE} also while
     * the call is in flight.
     */
    STATUS {
      @Override
      public String asString() {
        return "status";
      }
    },

    /**
     * How the call ended: {@code SUCCESS}; {@code CLIENT_ERROR} (a 4xx other than 429, or another
     * answer the call could not use); {@code SERVER_ERROR} (5xx); {@code THROTTLED} (429 after the
     * retries); {@code TIMEOUT} (a read, connect or whole-call timeout, or no rate-limit permit in
     * time); {@code IO_ERROR} (no answer for another reason). {@code UNKNOWN} only while in flight.
     */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    }
  }

  /** Keys on spans only (a timer handler ignores them). */
  public enum HighCardinalityKeyNames implements KeyName {

    /** The HTTP attempts made, retries and a token renewal included; {@code 0} when none was sent. */
    ATTEMPTS {
      @Override
      public String asString() {
        return "attempts";
      }
    }
  }
}
