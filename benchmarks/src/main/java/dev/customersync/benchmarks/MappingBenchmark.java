package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.billbee.BillbeeCustomer;
import dev.customersync.billbee.BillbeeCustomerMapping;
import dev.customersync.bokamera.BokaMeraCustomerMapping;
import dev.customersync.bokamera.CustomerQueryPage;
import dev.customersync.bokamera.CustomerQueryResponse;
import dev.customersync.bokamera.UpdateCustomer;
import dev.customersync.core.Customer;
import dev.customersync.core.json.Json;
import dev.customersync.storm.StormCustomer;
import dev.customersync.storm.StormCustomerMapping;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * B2: neutral {@code Customer} → merged vendor DTO → JSON bytes, against Jackson writing the
 * prebuilt DTO (the cost a hand-written integration pays anyway). Run with {@code -prof gc} for
 * bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBenchmark {

  private final Customer change = Customer.builder().phone("+46 70 123 45 67").email("ada.lovelace@example.com")
      .firstName("Ada").lastName("King").build();
  private final UUID company = UUID.fromString("0b4d4e8a-9c71-2f5d-8e9a-1b013a3f2c1e");

  private ObjectMapper isoMapper;
  private ObjectMapper wcfMapper;
  private ObjectMapper billbeeMapper;
  private CustomerQueryResponse bokaCurrent;
  private UpdateCustomer bokaPrebuilt;
  private BillbeeCustomer billbeeCurrent;
  private BillbeeCustomer billbeePrebuilt;
  private StormCustomer stormCurrent;
  private StormCustomer stormPrebuilt;

  @Setup
  public void setUp() throws Exception {
    isoMapper = Json.newMapper();
    wcfMapper = Json.newWcfMapper();
    billbeeMapper = BillbeeCustomerMapping.newMapper();
    bokaCurrent = isoMapper.readValue(CannedVendor.BOKAMERA.readBody, CustomerQueryPage.class).results().get(0);
    bokaPrebuilt = BokaMeraCustomerMapping.merge(bokaCurrent, change, company);
    billbeeCurrent = billbeeMapper.readValue(CannedVendor.Billbee.CUSTOMER, BillbeeCustomer.class);
    billbeePrebuilt = BillbeeCustomerMapping.merge(billbeeCurrent, change);
    stormCurrent = wcfMapper.readValue(CannedVendor.Storm.CUSTOMER, StormCustomer.class);
    stormPrebuilt = StormCustomerMapping.merge(stormCurrent, change);
  }

  @Benchmark
  public byte[] bokameraSdk() throws Exception {
    return isoMapper.writeValueAsBytes(BokaMeraCustomerMapping.merge(bokaCurrent, change, company));
  }

  @Benchmark
  public byte[] bokameraJacksonOnly() throws Exception {
    return isoMapper.writeValueAsBytes(bokaPrebuilt);
  }

  @Benchmark
  public byte[] billbeeSdk() throws Exception {
    return billbeeMapper.writeValueAsBytes(BillbeeCustomerMapping.merge(billbeeCurrent, change));
  }

  @Benchmark
  public byte[] billbeeJacksonOnly() throws Exception {
    return billbeeMapper.writeValueAsBytes(billbeePrebuilt);
  }

  @Benchmark
  public byte[] stormSdk() throws Exception {
    return wcfMapper.writeValueAsBytes(StormCustomerMapping.merge(stormCurrent, change));
  }

  @Benchmark
  public byte[] stormJacksonOnly() throws Exception {
    return wcfMapper.writeValueAsBytes(stormPrebuilt);
  }
}
