package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The definition of one of the company's custom fields, as included in a {@link CustomerQueryResponse}.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomFieldConfigData.class)
@JsonDeserialize(as = ImmutableCustomFieldConfigData.class)
public abstract class CustomFieldConfigData {

  CustomFieldConfigData() {}

  /** {@return a new, empty {@code CustomFieldConfigData} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the custom field's {@code Id}; {@link AddCustomField#id()} names the field by it} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the field's configuration {@code Name}, e.g. {@code Number of persons}} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the field's {@code Description}, e.g. {@code For how many persons is this booking?}} */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** {@return the field's {@code Width} in pixels} */
  @JsonProperty("Width")
  @Nullable
  public abstract Integer width();

  /** {@return the field's data type ({@code DataType}), e.g. {@code TextBox}} */
  @JsonProperty("DataType")
  @Nullable
  public abstract String dataType();

  /** {@return the field's {@code DefaultValue}} */
  @JsonProperty("DefaultValue")
  @Nullable
  public abstract String defaultValue();

  /** {@return whether the field must have a value ({@code IsMandatory})} */
  @JsonProperty("IsMandatory")
  @Nullable
  public abstract Boolean isMandatory();

  /** {@return the message shown when a mandatory field has no value ({@code MandatoryErrorMessage})} */
  @JsonProperty("MandatoryErrorMessage")
  @Nullable
  public abstract String mandatoryErrorMessage();

  /** {@return the maximum length of the value ({@code MaxLength})} */
  @JsonProperty("MaxLength")
  @Nullable
  public abstract Integer maxLength();

  /** {@return whether the field holds several lines of text ({@code MultipleLineText})} */
  @JsonProperty("MultipleLineText")
  @Nullable
  public abstract Boolean multipleLineText();

  /** {@return the regular expression the value must match ({@code RegEx})} */
  @JsonProperty("RegEx")
  @Nullable
  public abstract String regEx();

  /** {@return the message shown when the value does not match {@link #regEx()} ({@code RegExErrorMessage})} */
  @JsonProperty("RegExErrorMessage")
  @Nullable
  public abstract String regExErrorMessage();

  /** {@return the choices when the data type is a drop-down ({@code Values})} */
  @JsonProperty("Values")
  @Nullable
  public abstract List<CustomFieldValueResponse> values();

  /** Builds {@link CustomFieldConfigData} values. */
  public static final class Builder extends ImmutableCustomFieldConfigData.Builder {
    Builder() {}
  }
}
