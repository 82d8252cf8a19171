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

  /** Starts a new, empty {@code CustomFieldConfigData}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Custom field id. */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** Configuration name, e.g. 'Number of persons'. */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** Custom field description. */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** Field width in pixels. */
  @JsonProperty("Width")
  @Nullable
  public abstract Integer width();

  /** Data type of the field, e.g. {@code TextBox}. */
  @JsonProperty("DataType")
  @Nullable
  public abstract String dataType();

  @JsonProperty("DefaultValue")
  @Nullable
  public abstract String defaultValue();

  /** Whether the field must have a value. */
  @JsonProperty("IsMandatory")
  @Nullable
  public abstract Boolean isMandatory();

  @JsonProperty("MandatoryErrorMessage")
  @Nullable
  public abstract String mandatoryErrorMessage();

  /** Maximum length of the value. */
  @JsonProperty("MaxLength")
  @Nullable
  public abstract Integer maxLength();

  @JsonProperty("MultipleLineText")
  @Nullable
  public abstract Boolean multipleLineText();

  /** Regular expression the value must match. */
  @JsonProperty("RegEx")
  @Nullable
  public abstract String regEx();

  @JsonProperty("RegExErrorMessage")
  @Nullable
  public abstract String regExErrorMessage();

  /** The choices when the data type is a drop-down. */
  @JsonProperty("Values")
  @Nullable
  public abstract List<CustomFieldValueResponse> values();

  /** Builds {@link CustomFieldConfigData} values. */
  public static final class Builder extends ImmutableCustomFieldConfigData.Builder {
    Builder() {}
  }
}
